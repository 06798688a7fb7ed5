"""The palette's "go to" at scale: the time a key takes at 100,000 titles.

    python bench/palette.py [--count 100000]

The synthetic titles of `bench/synthetic.py` are searched as the palette searches them,
one key at a time ("k", "kr", ... "krstl bll"), three ways in the same run: Textual's
matcher scoring every title (the library alone), the old prefilter (every word of the
query a substring) before the matcher, and the in-order letters of `corpus.fuzzy` before
it. Each way stops at the palette's hundred hits.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from textual.fuzzy import Matcher

from tui_reader.corpus.fuzzy import InOrder
from tui_reader.ui.palette import MOST_HITS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.synthetic import articles

QUERIES = ("krstl bll", "amzn lbr", "staten island")


def scored(matcher: Matcher, names: Iterable[str]) -> int:
    """How many of `names` score, up to the palette's limit."""
    hits = 0
    for name in names:
        if matcher.match(name) > 0:
            hits += 1
            if hits >= MOST_HITS:
                break
    return hits


def library(titles: list[str], query: str) -> int:
    return scored(Matcher(query), titles)


def substrings(titles: list[str], query: str) -> int:
    words = query.lower().split()
    return scored(Matcher(query), (t for t in titles if all(w in t.lower() for w in words)))


def in_order(names: InOrder, titles: list[str]) -> Callable[[list[str], str], int]:
    def search(_: list[str], query: str) -> int:
        return scored(
            Matcher(query), (titles[i] for i in itertools.islice(names.matches(query), MOST_HITS))
        )

    return search


def keys(query: str) -> Iterator[str]:
    """What the palette searches for as the query is typed."""
    for end in range(1, len(query) + 1):
        if query[:end].strip():
            yield query[:end]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    count = parser.parse_args().count
    titles = [title for _, title, _, _ in articles(count)]
    started = time.perf_counter()
    names = InOrder(titles)
    print(f"{count:,} titles; the in-order index made in {time.perf_counter() - started:.3f} s")
    ways = {"library": library, "substrings": substrings, "in order": in_order(names, titles)}
    print(f"{'query':<16}{'way':<12}{'median ms/key':>14}{'worst ms/key':>14}")
    for query in QUERIES:
        times: dict[str, list[float]] = {way: [] for way in ways}
        for key in keys(query):
            for way, search in ways.items():  # in turn, so that drift touches all alike
                started = time.perf_counter()
                search(titles, key)
                times[way].append((time.perf_counter() - started) * 1000)
        for way, spent in times.items():
            print(f"{query:<16}{way:<12}{statistics.median(spent):>14.1f}{max(spent):>14.1f}")


if __name__ == "__main__":
    main()
