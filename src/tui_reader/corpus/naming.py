"""How articles are named on screen: their files apart, and whether a title is their own.

Files are told apart by the shortest trailing part of each path that no other file's
shares, so that `sport/035.txt` and `tech/035.txt` do not both show as `035.txt`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath

CUT_MARK = "…"
"""What ends a title cut from the body (`text.shorten`)."""


def title_opens_body(title: str, paragraphs: Sequence[str]) -> bool:
    """Whether the title is only the opening of the first paragraph, as an untitled
    article's is (its first sentence, cut at a word): a heading would repeat it."""
    opening = title.removesuffix(CUT_MARK).rstrip()
    return bool(opening and paragraphs) and paragraphs[0].startswith(opening)


def distinct_names(sources: Iterable[str]) -> dict[str, str]:
    """Each source's shortest trailing run of path parts that tells it from all the
    others: its file name where that is its own, else as many folders above as it takes."""
    parts = {source: PurePath(source).parts for source in set(sources)}
    names: dict[str, str] = {}
    pending = dict.fromkeys(parts, 1)
    while pending:
        by_tail: dict[tuple[str, ...], list[str]] = {}
        for source, depth in pending.items():
            by_tail.setdefault(parts[source][-depth:], []).append(source)
        pending = {}
        for tail, same in by_tail.items():
            for source in same:
                if len(same) == 1 or len(tail) == len(parts[source]):
                    names[source] = str(PurePath(*tail))
                else:
                    pending[source] = len(tail) + 1
    return names
