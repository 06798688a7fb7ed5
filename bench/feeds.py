"""feedparser against fastfeedparser on the same feeds: feeds per second, and whether the
two read the same titles, dates and links; and the reader's own reading of them
(`corpus.feeds.parse`: fastfeedparser, then the items' HTML to text).

    python bench/feeds.py --data PATH [--rounds 5]

PATH is a folder of feed files (every file under it is tried), kept outside the
repository: for instance the well-formed and ill-formed feeds of feedparser's own test
suite (`tests/wellformed/{rss,atom,atom10,rdf,namespace}` and `tests/illformed`). Both
parsers are handed bytes, never a URL. The two are not installed with the reader; install
them beside it (`pip install feedparser fastfeedparser`) to run this.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Parsed = list[tuple[str, str, str]]
"""Each item's title, date (ISO, to the minute, in UTC) and link."""


def _feedparser(data: bytes) -> Parsed:
    import feedparser

    parsed = feedparser.parse(data)
    return [_item(entry, entry.get("published_parsed") or entry.get("updated_parsed"))
            for entry in parsed.entries]  # fmt: skip


def _fastfeedparser(data: bytes) -> Parsed:
    import fastfeedparser

    try:
        parsed = fastfeedparser.parse(data)
    except ValueError:  # not a feed, as it sees it
        return []
    return [_item(entry, entry.get("published") or entry.get("updated"))
            for entry in parsed.entries]  # fmt: skip


def _reader(data: bytes) -> Parsed:
    from tui_reader.corpus.feeds import NotAFeed, parse

    try:
        return [(r.title or "", r.date or "", r.url or "") for r in parse(data, "feed").records]
    except NotAFeed:
        return []


def _item(entry: Any, date: object) -> tuple[str, str, str]:
    return (" ".join(str(entry.get("title") or "").split()), _minute(date),
            str(entry.get("link") or ""))  # fmt: skip


def _minute(value: object) -> str:
    """A date from either parser (a `struct_time`, an ISO string) to compare: UTC, to the
    minute; "" when there is none or it is not understood."""
    if isinstance(value, time.struct_time):
        return dt.datetime(*value[:5], tzinfo=dt.UTC).isoformat()
    if isinstance(value, str) and value:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return ""
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=dt.UTC)
        else:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.replace(second=0, microsecond=0).isoformat()
    return ""


def _rate(parse: Callable[[bytes], Parsed], feeds: list[bytes], rounds: int) -> float:
    """Feeds a second, the best of `rounds` passes over every feed. Per feed, not per item:
    the reader leaves out items with neither a title nor any text, which the test suites'
    feeds are full of."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for data in feeds:
            parse(data)
        best = min(best, time.perf_counter() - started)
    return len(feeds) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    feeds = [path.read_bytes() for path in sorted(args.data.rglob("*")) if path.is_file()]
    slow = [_feedparser(data) for data in feeds]
    fast = [_fastfeedparser(data) for data in feeds]
    with_items = sum(1 for items in slow if items)
    items = sum(len(one) for one in slow)
    print(f"{len(feeds)} files, {with_items} with items for feedparser, {items} items")
    print(f"fastfeedparser finds items in {sum(1 for items in fast if items)} files, "
          f"{sum(len(one) for one in fast)} items")  # fmt: skip
    for field, name in enumerate(("titles", "dates", "links")):
        same = total = 0
        for one, other in zip(slow, fast, strict=True):
            for a, b in zip(one, other, strict=False):
                if a[field]:
                    total += 1
                    same += a[field] == b[field]
        print(f"{name}: {same} of {total} that feedparser gives are the same")
    rate_slow = _rate(_feedparser, feeds, args.rounds)
    rate_fast = _rate(_fastfeedparser, feeds, args.rounds)
    rate_ours = _rate(_reader, feeds, args.rounds)
    ours = sum(len(_reader(data)) for data in feeds)
    print(f"feeds/s: feedparser {rate_slow:,.0f}, fastfeedparser {rate_fast:,.0f} "
          f"({rate_fast / rate_slow:.1f}x), the reader's corpus.feeds.parse {rate_ours:,.0f} "
          f"({ours} items with a title or text)")  # fmt: skip


if __name__ == "__main__":
    main()
