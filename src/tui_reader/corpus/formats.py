"""Recognise how an article file is written and split it into records with their metadata.

Text files may open with front matter (`---` YAML-style or `+++` TOML-style) or a Markdown
`# Title`. JSON and JSON Lines exports hold one article per record, under keys that vary
from scraper to scraper. Only the metadata is read here; the body is cleaned later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .model import DateSource, StageProblem

TITLE_KEYS = ("title", "headline", "name")
BODY_KEYS = ("text", "body", "content", "articleBody", "article", "maintext", "description")
DATE_KEYS = (
    "date",
    "published",
    "publish_date",
    "datePublished",
    "date_publish",
    "published_at",
    "pubDate",
    "publication_date",
    "created_at",
)
URL_KEYS = ("url", "link", "href", "source_url")
SITE_KEYS = ("site", "source", "publication", "publisher", "outlet", "sitename")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
LIST_KEYS = ("articles", "items", "records", "data", "results", "entries", "posts")
_DEPTH = 4
"""Metadata nested deeper than this ("authors": [[[…]]]) is not read."""


@dataclass(frozen=True, slots=True)
class Record:
    """One article's body and whatever metadata its file gives."""

    body: str
    title: str | None = None
    date: str | None = None
    """The publication date as written; parsed during analysis."""
    author: str | None = None
    url: str | None = None
    origin: DateSource | None = None
    """Where the metadata came from, when there is any."""
    key: str | None = None
    """The record's own name for itself (a feed item's guid or link, a table row's id or
    url, an archived page's address): its article's id is made of it, so that it stays
    when the records of the file move or the feed is fetched anew."""
    problems: tuple[StageProblem, ...] = ()
    """What went wrong reading the file's format: the body is then the raw text."""
    site: str | None = None
    """Where the article is from, by its own name: a page's site, a feed's title, a row's
    publication. The list of articles shows it as the article's source."""
    links: tuple[str, ...] = ()
    """The web links of a page's text, which its text (with no markup) does not hold."""
    address: str | None = None
    """Where it was read from on the web, when its file does not say: an archived page's
    target URI."""
    warc_record_id: str | None = None
    """An archived page's record's WARC-Record-ID."""


# --- front matter and Markdown ------------------------------------------------------------

_FRONT = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$", re.M)
_MARKDOWN_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\r?\n|\Z)")


_LIST_ITEM = re.compile(r"^[ \t]+-[ \t]+(.+?)[ \t]*$|^-[ \t]+(.+?)[ \t]*$")


def _fields(block: str) -> dict[str, object]:
    """Front matter's fields: `key: value` or `key = value`, and the lists written as
    `[a, b]` or as `- a` lines below a bare `key:`."""
    fields: dict[str, object] = {}
    items: list[str] | None = None  # the list that `- a` lines go to
    for line in block.splitlines():
        item = _LIST_ITEM.match(line)
        if item and items is not None:
            items.append(_unquote(item.group(1) or item.group(2)))
            continue
        items = None
        field = _FIELD.match(line)
        if not field:
            continue
        key, value = field.group(1), field.group(2)
        if not value:
            fields[key] = items = []
        elif value.startswith("[") and value.endswith("]"):
            fields[key] = [_unquote(v.strip()) for v in value[1:-1].split(",") if v.strip()]
        else:
            fields[key] = _unquote(value)
    return fields


def _unquote(value: str) -> str:
    """A value without its quotes, and with the escapes a quoted title holds decoded:
    \\" and \\\\ in double quotes, '' in single ones (YAML and TOML alike)."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] == "'":
            return inner.replace("''", "'")
        return _QUOTED_ESCAPE.sub(r"\1", inner)
    return value


_QUOTED_ESCAPE = re.compile(r"\\([\"\\])")


def _first(fields: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first of the keys that holds a usable value, as text."""
    lowered = {str(key).lower(): value for key, value in fields.items()}
    for key in keys:
        value = lowered.get(key.lower())
        text = _text(value)
        if text:
            return text
    return None


def _text(value: object, depth: int = 0) -> str | None:
    """A metadata value as one line of text: lists are joined, mappings give their name."""
    if depth > _DEPTH:
        return None
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        return _text(value.get("name") or value.get("@value"), depth + 1)
    if isinstance(value, list):
        parts = [part for part in (_text(item, depth + 1) for item in value) if part]
        return ", ".join(parts) or None
    return None


def text_record(text: str) -> Record:
    """A text or Markdown file: its front matter or `# Title`, and the body after it."""
    front = _FRONT.match(text)
    if front:
        fields = _fields(front.group(2))
        body = text[front.end() :]
        title = _first(fields, TITLE_KEYS)
        if title is None:
            body, title = _markdown_title(body)
        return Record(
            body=body,
            title=title,
            date=_first(fields, DATE_KEYS),
            author=_first(fields, AUTHOR_KEYS),
            url=_first(fields, URL_KEYS),
            origin="front matter",
        )
    body, title = _markdown_title(text)
    return Record(body=body, title=title)


def _markdown_title(text: str) -> tuple[str, str | None]:
    heading = _MARKDOWN_TITLE.match(text)
    if heading is None:
        return text, None
    return text[heading.end() :], heading.group(1)


# --- JSON and JSON Lines ------------------------------------------------------------------


def looks_like_json(text: str) -> bool:
    """Whether a file's content (whatever its name) is JSON or JSON Lines."""
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


def json_record(value: object) -> Record | None:
    """One scraped record, or None when it holds no text."""
    if not isinstance(value, Mapping):
        return None
    body = _body(value)
    if body is None:
        return None
    return Record(
        body=body,
        title=_first(value, TITLE_KEYS),
        date=_first(value, DATE_KEYS),
        author=_first(value, AUTHOR_KEYS),
        url=_first(value, URL_KEYS),
        origin="json",
        site=_first(value, SITE_KEYS),
    )


def url_of(value: Mapping[str, Any]) -> str | None:
    """A record's address, as `json_record` reads it."""
    return _first(value, URL_KEYS)


def has_body(value: Mapping[str, Any]) -> bool:
    """Whether a record holds an article's text, as `json_record` finds it."""
    return _body(value) is not None


def _body(value: Mapping[str, Any]) -> str | None:
    lowered = {str(key).lower(): item for key, item in value.items()}
    for key in BODY_KEYS:
        item = lowered.get(key.lower())
        if isinstance(item, list):
            item = "\n\n".join(part for part in item if isinstance(part, str))
        if isinstance(item, str) and item.strip():
            return item
    return None


def json_values(document: object) -> Iterator[object]:
    """The records of a parsed JSON file: a list, a list under a known key, or one record."""
    if isinstance(document, list):
        yield from document
        return
    if isinstance(document, Mapping):
        for key in LIST_KEYS:
            inner = document.get(key)
            if isinstance(inner, list):
                yield from inner
                return
    yield document
