"""Full text for the items of a feed that carry only a summary, asked for with `--full` (or
the reader's key): each item's page is fetched, kept like any page, and its article
extracted as a saved page's is (`corpus.html.page`); the feed is then kept again beside its
body as a JSON Feed, `KEY.full.json`, whose items have their pages' text in place of the
summaries, and the same ids, titles, dates and feed. Loading reads that file in place of
the feed. An item whose page cannot be fetched, or holds no article, keeps its summary.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..corpus import feeds, html
from ..corpus.formats import Record
from ..corpus.model import Problem
from ..store.fetched import Fetched
from .client import Client
from .refresh import Progress, fetch_all

JSON_FEED = "https://jsonfeed.org/version/1.1"


def with_full_text(
    body: Path, store: Fetched, client: Client, progress: Progress | None = None
) -> tuple[Path, list[Problem]]:
    """The feed kept at `body`, with its summaries' pages' text: the path to load in its
    place (itself, when no item carries only a summary), and what went wrong."""
    try:
        feed = feeds.parse(body.read_bytes(), body.stem)
    except (OSError, feeds.NotAFeed):  # loading the feed itself says what is wrong
        return body, []
    wanted = [feed.records[n] for n in feed.summaries if feed.records[n].url]
    if not wanted:
        return body, []
    urls = [record.url for record in wanted if record.url]
    fetched = fetch_all(urls, store, client, feeds_only=False, progress=progress)
    problems = list(fetched.problems)
    texts: dict[str, str] = {}
    for url in urls:
        text = _article(url, store, problems)
        if text:
            texts[url] = text
    items = [_item(record, texts.get(record.url or "", record.body)) for record in feed.records]
    document = {"version": JSON_FEED, "title": feed.name, "items": items}
    return store.derived(body, ".full.json", json.dumps(document).encode()), problems


def _article(url: str, store: Fetched, problems: list[Problem]) -> str | None:
    """The text of the article on a page kept, or None (a problem, unless it was the
    fetch's, reported already)."""
    kept = store.get(url)
    page = store.body(kept) if kept is not None else None
    if kept is None or page is None:
        return None
    if kept.kind != "page":
        problems.append(Problem(url, "the item's page is a feed: its summary is kept", url))
        return None
    try:
        record = html.page(page.read_bytes(), url)
    except Exception as error:  # a bug in extraction costs this item its full text only
        problems.append(
            Problem(url, f"its text could not be read ({error}): its summary is kept", url)
        )
        return None
    if record is None:
        problems.append(Problem(url, "no article on the item's page: its summary is kept", url))
        return None
    return record.body


def _item(record: Record, text: str) -> dict[str, object]:
    """An item of the JSON Feed kept: the record's metadata, and its text."""
    item: dict[str, object] = {"content_text": text}
    if record.key:
        item["id"] = record.key
    if record.url:
        item["url"] = record.url
    if record.title:
        item["title"] = record.title
    if record.date:
        item["date_published"] = record.date
    if record.author:
        item["authors"] = [{"name": record.author}]
    return item
