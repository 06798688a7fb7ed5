"""Feeds (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed) into records, one an item.

Bytes in, records out: the parser (fastfeedparser, chosen by `bench/feeds.py`) is always
handed bytes, never an address, so that it never fetches anything itself. It does not
sanitise the HTML of an item, so that goes through `html.fragment_text`, which keeps text
only: nothing of an item is run or fetched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .formats import Record
from .html import fragment_text

_PROLOG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?.{0,400}?\?>|<!--.{0,2000}?-->|<!DOCTYPE[^>]{0,2000}>)*"
    rb"<([A-Za-z_][\w.-]{0,40}:)?([A-Za-z_][\w.-]{0,40})",
    re.S,
)
"""The first element of an XML document, after its declaration, comments and doctype."""
_FEED_ROOTS = frozenset({b"rss", b"feed", b"RDF", b"channel"})
_HEAD = 8192
"""How much of a file is looked at to tell what it is."""


class NotAFeed(Exception):
    """Bytes that hold no feed: the message says what they are instead."""


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed's name, as the list of articles shows it, and its items."""

    name: str
    records: list[Record]
    truncated: bool = False
    """Whether it ends before its last element closes: its items are those read."""
    summaries: tuple[int, ...] = ()
    """The records (by position) of the items that carry only a summary, not their text."""


def kind(data: bytes) -> str | None:
    """What the bytes are, from their content: "feed", "html", or None for neither."""
    head = data[:_HEAD]
    if _json_feed(head):
        return "feed"
    root = _PROLOG.match(head.lstrip(b"\xef\xbb\xbf \t\r\n"))
    if root is None:
        return None
    if root.group(2) in _FEED_ROOTS:
        return "feed"
    return "html" if root.group(2).lower() == b"html" else None


def _json_feed(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" and b"jsonfeed.org" in head


def parse(data: bytes, fallback_name: str) -> Feed:
    """A feed's items as records (`NotAFeed` when it holds none); `fallback_name` names a
    feed that has no title of its own."""
    import fastfeedparser  # when a feed is read: a reader of text files never waits for it

    if kind(data) == "html":
        raise NotAFeed("an HTML page, not a feed")
    if _json_feed(data[:_HEAD]):
        _check_json(data)
    try:
        parsed = fastfeedparser.parse(data)
    except ValueError as error:
        raise NotAFeed(f"not a feed ({_short(error)})") from None
    except Exception as error:  # the parser's own faults on broken input: one line
        raise NotAFeed(f"a broken feed ({type(error).__name__}: {_short(error)})") from None
    feed = parsed.get("feed") or {}
    name = _line(feed.get("title")) or fallback_name
    read = [_record(entry, name) for entry in parsed.get("entries") or ()]
    kept = [item for item in read if item is not None]
    summaries = tuple(n for n, (_, full) in enumerate(kept) if not full)
    return Feed(name, [record for record, _ in kept], _truncated(data), summaries)


def _truncated(data: bytes) -> bool:
    """Whether an XML feed ends before its root element closes (a download cut short)."""
    root = _PROLOG.match(data[:_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n"))
    if root is None or _json_feed(data[:_HEAD]):
        return False
    closing = b"</" + (root.group(1) or b"") + root.group(2)
    return closing not in data[-1024:]


def _check_json(data: bytes) -> None:
    """JSON that does not parse is a broken feed, said so (the parser says less)."""
    try:
        json.loads(data)
    except (ValueError, RecursionError) as error:
        raise NotAFeed(f"a broken JSON feed ({_short(error)})") from None


def _short(error: BaseException) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__


def _line(value: object) -> str:
    """A title or a name as one line of text, its markup and entities read as HTML."""
    if not isinstance(value, str):
        return ""
    text = fragment_text(value) if "<" in value or "&" in value else value
    return " ".join(text.split())


def _record(entry: Mapping[str, Any], feed: str) -> tuple[Record, bool] | None:
    """One item, and whether it carries its whole text; None for an item with neither a
    title nor any text."""
    title = _line(entry.get("title")) or None
    text, full = _body(entry)
    body = text or title
    if body is None:
        return None
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    guid = entry.get("id") if isinstance(entry.get("id"), str) else None
    date = entry.get("published") or entry.get("updated")
    record = Record(
        body=body,
        title=title,
        date=date if isinstance(date, str) else None,
        author=_line(entry.get("author")) or None,
        url=link or None,
        origin="feed",
        key=(guid or "").strip() or (link or "").strip() or None,
        site=feed,
    )
    return record, full


def _body(entry: Mapping[str, Any]) -> tuple[str | None, bool]:
    """The item's full content if it has any (and True), else its summary, as text. The
    parser makes an RSS item's description its content too: that is still a summary."""
    summary = next(
        (value for key in ("description", "summary")
         if isinstance(value := entry.get(key), str) and value.strip()),
        None,
    )  # fmt: skip
    for part in entry.get("content") or ():
        value = part.get("value") if isinstance(part, Mapping) else None
        if isinstance(value, str) and value.strip() and value.strip() != (summary or "").strip():
            plain = part.get("type") == "text/plain"
            return (value if plain else fragment_text(value)), True
    return (fragment_text(summary) if summary else None), False
