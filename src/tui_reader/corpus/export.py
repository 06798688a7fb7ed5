"""The analysed corpus as JSON-ready data and as readable plain text (`tui-reader dump`), and
one article, the timeline or the entity table in a file (the reader's export)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .model import Article, Corpus, Event, StageProblem, TimelineEntry
from .text import escape_undecodable, printable

FORMAT_VERSION = 1


def _event(event: Event) -> dict[str, Any]:
    return {
        "date": event.date,
        "end": event.end,
        "precision": event.precision,
        "expression": event.expression,
        "text": event.text,
        "paragraph": event.paragraph,
        "offset": event.offset,
    }


def _problem(problem: StageProblem) -> dict[str, str]:
    return {
        "stage": problem.stage,
        "kind": problem.kind,
        "message": escape_undecodable(problem.message),
    }


def _origin(article: Article) -> dict[str, Any]:
    origin = article.origin
    return {
        "kind": origin.kind,
        "path": escape_undecodable(article.source),
        "url": origin.url,
        "feed": origin.feed,
        "warc_record_id": origin.warc_record_id,
        "row": article.record if origin.kind == "csv" else None,
    }


def _article(article: Article, corpus: Corpus) -> dict[str, Any]:
    return {
        "id": escape_undecodable(article.id),
        "source": escape_undecodable(article.source),
        "origin": _origin(article),
        "title": article.title,
        "author": article.author,
        "url": article.url,
        "site": article.site,
        "links": article.links,
        "published": article.published.isoformat() if article.published else None,
        "published_from": article.published_from,
        "published_guess": article.published_guess.isoformat() if article.published_guess else None,
        "paragraphs": article.paragraphs,
        "headings": sorted(article.headings),
        "removed": article.removed,
        "notes": article.notes,
        "truncated": article.truncated,
        "problems": [_problem(problem) for problem in article.problems],
        "entities": [
            {
                "id": entity_id,
                "name": corpus.entities[entity_id].name,
                "type": corpus.entities[entity_id].type,
                "count": count,
            }
            for entity_id, count in article.entity_counts().items()
        ],
        "events": [_event(event) for event in article.events],
    }


def to_data(corpus: Corpus) -> dict[str, Any]:
    """The corpus in the documented `dump --json` format. Names (ids, paths) are valid
    strings, their undecodable bytes escaped (`escape_undecodable`); written with
    `ensure_ascii`, no control character is left raw."""
    return {
        "version": FORMAT_VERSION,
        "articles": [_article(article, corpus) for article in corpus.articles],
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "articles": [escape_undecodable(article_id) for article_id in entity.articles],
                "count": entity.count,
            }
            for entity in corpus.entities.values()
        ],
        "timeline": [
            {"article": escape_undecodable(entry.article), **_event(entry.event)}
            for entry in corpus.timeline
        ],
        "problems": [
            {
                "path": escape_undecodable(problem.path),
                "url": problem.url,
                "message": escape_undecodable(problem.reason),
            }
            for problem in corpus.problems
        ],
    }


def to_text(corpus: Corpus) -> Iterator[str]:
    """The corpus as plain text lines, safe to print to a terminal."""
    # Each entity's line less its count, made once: articles list entities by the thousand.
    labels = {
        entity_id: f"  {entity.type:<6}  {printable(entity.name)} ("
        for entity_id, entity in corpus.entities.items()
    }
    for article in corpus.articles:
        yield f"# {printable(article.title)}"
        published = article.dated("date unknown")
        byline = f" · by {printable(article.author)}" if article.author else ""
        site = f" · {printable(article.site)}" if article.site else ""
        yield f"{printable(article.id)} · {published}{byline}{site} · {printable(article.source)}"
        if article.url:
            yield printable(article.url)
        yield ""
        for index, paragraph in enumerate(article.paragraphs):
            marker = "## " if index in article.headings else ""
            yield f"{marker}{printable(paragraph)}"
            yield ""
        for note in article.notes:
            yield f"Note: {printable(note)}"
        for problem in article.problems:
            yield f"Problem: {printable(str(problem))}"
        if article.removed:
            yield "Removed:"
            yield from (f"  - {printable(text)}" for text in article.removed)
        if article.events:
            yield "Events:"
            for event in article.events:
                yield f"  {event.date or '(no date)':<10}  {printable(event.expression)}"
        counts = article.entity_counts()
        if counts:
            yield "Entities:"
            for entity_id, count in counts.items():
                yield f"{labels[entity_id]}{count})"
        yield ""
    yield "# Timeline"
    for entry in corpus.timeline:
        event = entry.event
        expression, sentence = printable(event.expression), printable(event.text)
        yield f"{event.date:<10}  {printable(entry.article)}  {expression}: {sentence}"


# --- one article, the timeline or the entity table, to a file the user names ----------

EXPORTS = {
    "article": (".md", ".txt"),
    "timeline": (".csv", ".json"),
    "entities": (".csv", ".json"),
}
"""What can be exported, and the formats each can take (by the file's extension)."""


def article_markdown(article: Article) -> str:
    """An article as Markdown: its title, a line of metadata, and its paragraphs."""
    meta = _metadata(article, _markdown_line, "<{}>".format)
    body = [
        f"## {_markdown_line(p)}" if i in article.headings else _markdown_paragraph(p)
        for i, p in enumerate(map(printable, article.paragraphs))
    ]
    return "\n\n".join([f"# {_markdown_line(printable(article.title))}", meta, *body]) + "\n"


def article_text(article: Article) -> str:
    """An article as plain text: title, metadata and paragraphs, as the reader shows them."""
    lines = [printable(article.title), _metadata(article, str, str)]
    return "\n\n".join([*lines, *map(printable, article.paragraphs)]) + "\n"


def _metadata(article: Article, escape: Callable[[str], str], link: Callable[[str], str]) -> str:
    """The line under an export's title: the date, the author, and the link or else the
    file, each printable (a file's path is as untrusted as the text), then `escape`d or
    made a `link` for the format."""
    meta = [article.published.isoformat() if article.published else "undated"]
    if article.author:
        meta.append(f"by {escape(printable(article.author))}")
    if article.url:
        meta.append(link(printable(article.url)))
    else:
        meta.append(escape(printable(article.source)))
    return " · ".join(meta)


def _markdown_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")


def _markdown_paragraph(text: str) -> str:
    """A paragraph that Markdown shows as the text it is: its marks escaped, and a start
    that would make it a heading, a list or a quote escaped too."""
    escaped = _markdown_line(text).replace("`", "\\`").replace("[", "\\[").replace("<", "\\<")
    number, dot, rest = escaped.partition(".")
    if number.isdigit() and dot:  # "1." starts a list; "1\." does not
        return f"{number}\\.{rest}"
    return "\\" + escaped if escaped[:1] in ("#", ">", "+", "-") else escaped


def timeline_rows(entries: Iterable[TimelineEntry], corpus: Corpus) -> list[dict[str, Any]]:
    """Timeline entries (all, or those a filter shows), an event a row: its date, the
    expression, the article and the sentence."""
    titles = {article.id: article.title for article in corpus.articles}
    return [
        {
            "date": entry.event.date,
            "precision": entry.event.precision,
            "expression": entry.event.expression,
            "article": entry.article,
            "title": titles.get(entry.article, ""),
            "sentence": entry.event.text,
        }
        for entry in entries
    ]


def entity_rows(corpus: Corpus) -> list[dict[str, Any]]:
    """The entity table, an entity a row: name, type, aliases, mentions and articles."""
    return [
        {
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "aliases": "; ".join(entity.aliases),
            "mentions": entity.count,
            "articles": len(entity.articles),
        }
        for entity in corpus.entities.values()
    ]


def rows_as(rows: list[dict[str, Any]], suffix: str) -> str:
    """Table rows as CSV or as a JSON list, by the file's extension. JSON holds the text as
    it is, in ASCII with escapes (and undecodable bytes of names as `\\xff`); CSV, read as
    text, holds it `printable`."""
    if suffix == ".json":
        valid = [{key: _json_cell(value) for key, value in row.items()} for row in rows]
        return json.dumps(valid, ensure_ascii=True, indent=1) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _json_cell(value: object) -> object:
    return escape_undecodable(value) if isinstance(value, str) else value


def _csv_cell(value: object) -> object:
    """A printable cell that a spreadsheet will not run as a formula (`=`, `+`, `-`, `@`
    first)."""
    if not isinstance(value, str):
        return value
    value = printable(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
