"""Assembling a large corpus (entities resolved across it, the timeline built) takes seconds;
a stop asked at any moment of it ends it within half a second, and the reader's `q` during it
ends the load at once."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import threading
import time
from collections.abc import Iterator

import pytest

from tui_reader.corpus.analysis import Analysed, analyse, assemble
from tui_reader.corpus.loading import bundled_seeds, load
from tui_reader.corpus.model import Corpus
from tui_reader.corpus.stopping import Stop, never
from tui_reader.store.pipeline import Loading, Progress
from tui_reader.ui.app import ReaderApp

from .conftest import until

ARTICLES = 5000
"""Enough for an assembly of one to a few seconds here, with every stage of it at work."""


@pytest.fixture(scope="module")
def many() -> list[Analysed]:
    """The four seeds analysed, and copied under new ids to `ARTICLES` articles."""
    sources, _ = load([bundled_seeds()])
    seeds = [analyse(source) for source in sources]
    return [
        (dataclasses.replace(article, id=f"{article.id}-{copy}"), list(candidates))
        for copy in range(ARTICLES // len(seeds))
        for article, candidates in seeds
    ]


@pytest.mark.timeout(30)
def test_an_assembly_asks_whether_to_stop_at_every_moment(many: list[Analysed]) -> None:
    """Over the whole assembly of 5,000 articles, never more than a quarter of a second
    passes without asking whether to stop (the first question comes at once, and the last
    just before the end), so a stop at any moment is seen within it; the corpus is whole."""
    asked: list[float] = []

    def stopped() -> bool:
        asked.append(time.monotonic())
        return False

    started = time.monotonic()
    corpus = assemble(many, [], stopped)
    ended = time.monotonic()
    moments = [started, *asked, ended]
    longest = max(b - a for a, b in itertools.pairwise(moments))
    assert len(corpus.articles) == ARTICLES
    assert len(asked) > 100
    assert longest < 0.25, f"{longest:.2f} s without asking, of {ended - started:.2f} s"


class Assembling(Loading):
    """A load whose files are done at once, leaving the assembly of `many` articles; it
    notes when it was told to stop, and when the assembly ended."""

    def __init__(self, many: list[Analysed]) -> None:
        super().__init__([])
        self.many = many
        self.assembling = threading.Event()
        self.ended = threading.Event()
        self.told = self.over = 0.0

    def __iter__(self) -> Iterator[Progress]:
        yield Progress(1, 1, len(self.many))

    def stop(self) -> None:
        self.told = time.monotonic()
        super().stop()

    def corpus(self, stopped: Stop = never) -> Corpus:
        def asked() -> bool:
            self.assembling.set()
            return stopped()

        try:
            return assemble(self.many, [], asked)
        finally:
            self.over = time.monotonic()
            self.ended.set()


@pytest.mark.timeout(30)
async def test_q_while_the_corpus_is_assembled_ends_the_load_at_once(
    many: list[Analysed],
) -> None:
    """`q` pressed while the first articles are being assembled into a corpus (a second or
    more of work) stops the load, and its assembly ends within half a second of that; the
    reader exits with status 0. (The time is counted from the stop, not
    from the key: Pilot waits for a busy process to go idle before it hands a key over.)"""
    loading = Assembling(many)
    app = ReaderApp(loading)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, loading.assembling.is_set)
        await pilot.press("q")
        assert await asyncio.to_thread(loading.ended.wait, 10)
    assert loading.told, "q did not stop the load"
    took = loading.over - loading.told
    assert took > 0, "the assembly was over before q: too few articles to test"
    assert took < 0.5, f"the assembly went on {took:.2f} s after the stop"
    assert app.return_value == 0
