"""Fetch feeds and pages into the fetched folder, politely, several at once, and give the
paths of their bodies to load like any article file.

An address is asked for again only when it is due: not within `Politeness.due` of the last
time unless a refresh is asked for, never within `Politeness.interval` of it, and never
before a server's Retry-After. The request is conditional (ETag, Last-Modified), so a
feed that has not changed comes back empty (304) and the body kept is read. A fault is one
problem of the address; the body kept from before is still read, so nothing fetched is lost.
"""

from __future__ import annotations

import concurrent.futures
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..corpus import feeds
from ..corpus.model import Problem
from ..store.fetched import Fetched, Stored
from .client import Client, FetchError, Response

Progress = Callable[[int, int], None]
"""Told how many addresses are done of how many."""


@dataclass(frozen=True, slots=True)
class Politeness:
    """How often one address is asked for."""

    due: float = 30 * 60.0
    """Seconds after which an address is fetched again when the reader opens."""
    interval: float = 60.0
    """Seconds within which it is never fetched again, refresh or not."""


@dataclass(slots=True)
class Fetch:
    """What a round of fetching gives: the bodies to load, and what went wrong."""

    paths: list[Path]
    problems: list[Problem]


def fetch_all(
    urls: Sequence[str],
    store: Fetched,
    client: Client,
    *,
    refresh: bool = False,
    feeds_only: bool = True,
    politeness: Politeness | None = None,
    progress: Progress | None = None,
) -> Fetch:
    """Fetch every address that is due, `client.limits.connections` at once, and give the
    body of each that has one, in the order given. With `feeds_only`, an answer that is an
    HTML page is a problem (a list of feeds); otherwise it is kept as a page to read."""
    rules = politeness or Politeness()
    result = Fetch([], [])
    found: list[tuple[Path | None, Problem | None]] = [(None, None)] * len(urls)
    workers = max(1, client.limits.connections)
    with concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="fetch") as pool:
        futures = {
            pool.submit(_one, url, store, client, refresh, feeds_only, rules): index
            for index, url in enumerate(urls)
        }
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            found[futures[future]] = future.result()
            if progress is not None:
                progress(done, len(urls))
    for path, problem in found:
        if problem is not None:
            result.problems.append(problem)
        if path is not None:
            result.paths.append(path)
    result.problems.extend(store.problems)
    store.problems.clear()  # reported once, by this round
    return result


def _one(
    url: str, store: Fetched, client: Client, refresh: bool, feeds_only: bool, rules: Politeness
) -> tuple[Path | None, Problem | None]:
    """The body of one address (fetched now, or kept), and the problem of it if any."""
    kept = store.get(url)
    body = store.body(kept) if kept is not None else None
    now = time.time()
    if kept is not None and body is not None and not _due(kept, now, refresh, rules):
        return body, None
    if kept is not None and body is None and now - kept.checked < rules.interval:
        return None, Problem(
            url, f"not asked again within {rules.interval:g} s of a try that failed", url
        )
    if kept is not None and now < kept.not_before:
        wait = f"the server asked to wait {kept.not_before - now:.0f} s more"
        kept_copy = "; the copy kept is read" if body is not None else ""
        return body, Problem(url, f"not fetched: {wait}{kept_copy}", url)
    headers = {}
    if kept is not None and body is not None:  # conditional only with a body to fall back on
        if kept.etag:
            headers["If-None-Match"] = kept.etag
        if kept.last_modified:
            headers["If-Modified-Since"] = kept.last_modified
    try:
        response = client.get(url, headers)
        kind = _kind(response, kept)
        if feeds_only and kind == "page":
            raise FetchError("an HTML page, not a feed")
    except FetchError as error:
        not_before = now + error.retry_after if error.retry_after else 0.0
        record = kept or Stored(url, "feed")  # remembered for its Retry-After, if any
        store.put(replace(record, checked=now, not_before=not_before), None)
        if body is None:
            return None, Problem(url, str(error), url)
        return body, Problem(url, f"{error}; the copy kept is read", url)
    etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    if response.status == 304 and kept is not None:  # a 304 need not repeat its validators
        again = replace(kept, etag=etag or kept.etag, last_modified=modified or kept.last_modified)
        return store.put(replace(again, checked=now, not_before=0.0), None), None
    stored = Stored(url, kind, etag, modified, now)
    return store.put(stored, _utf8(response) if kind != "page" else response.body), None


def _due(kept: Stored, now: float, refresh: bool, rules: Politeness) -> bool:
    """Whether an address kept is to be asked for again now."""
    age = now - kept.checked
    return age >= (rules.interval if refresh else rules.due) and age >= rules.interval


def _kind(response: Response, kept: Stored | None) -> str:
    """What an answer is, from its Content-Type and its content: a key of
    `fetched.SUFFIXES`; `FetchError` when it is neither a feed nor a page."""
    if response.status == 304:
        if kept is None:
            raise FetchError("HTTP 304 to a request that was not conditional")
        return kept.kind
    sniffed = feeds.kind(response.body)
    declared = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if sniffed == "feed":
        return "json-feed" if response.body.lstrip()[:1] == b"{" else "feed"
    if sniffed == "html" or declared in ("text/html", "application/xhtml+xml"):
        return "page"
    what = declared or "no Content-Type"
    raise FetchError(f"neither a feed nor a page ({what})")


_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]{1,40})", re.I)
_DECLARED = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,200}encoding\s*=", re.I)


def _utf8(response: Response) -> bytes:
    """A feed's body, in UTF-8 when the server named another charset and the feed names
    none itself (a feed's own declaration is what parsers read; a charset of the server's
    alone would be lost once the body is kept as a file)."""
    body = response.body
    charset = _CHARSET.search(response.headers.get("Content-Type", ""))
    if charset is None or _DECLARED.match(body) or body.lstrip()[:1] == b"{":
        return body
    try:
        text = body.decode(charset.group(1))
    except (LookupError, UnicodeDecodeError):  # a charset unknown, or wrong: left to sniff
        return body
    return text.encode("utf-8")
