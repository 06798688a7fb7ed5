"""A corpus whose web addresses are fetched first, in the thread that loads it (the
reader's loading worker), so that the reader opens at once and shows the fetching as it
shows loading: addresses fetched of all, then files loaded of all."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from queue import Empty, SimpleQueue

from ..corpus.loading import FileRef
from ..corpus.model import Corpus, Problem
from ..corpus.stopping import Stop, never
from ..store.cache import Cache
from ..store.pipeline import STOP_EVERY, Loading, Progress
from .session import Web

_Fetched = tuple[list[Path], list[Problem]]


class Fetching(Loading):
    """`Loading` of the files given and of what the web gives. Its `paths`, by which the
    reading state and the search index know the corpus, name the addresses, not their
    bodies: the same whether a body is fetched yet, kept from before, or read in full."""

    def __init__(
        self,
        web: Web,
        files: Sequence[Path],
        *,
        refresh: bool = False,
        full: bool = False,
        workers: int = 0,
        cache: Cache | None = None,
        problems: Sequence[Problem] = (),
        columns: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__([*files, *web.names()], workers=workers, cache=cache, columns=columns)
        self._web, self._files, self._problems = web, list(files), list(problems)
        self._refresh, self._full = refresh, full
        self._inner: Loading | None = None
        """The loading of the files and the bodies, once they are fetched."""
        self._fetched_from: dict[Path, str] = {}
        """The address each body loaded was fetched from."""

    @property
    def refs(self) -> list[FileRef]:
        return self._inner.refs if self._inner is not None else []

    def again(self, *, full: bool = False) -> Fetching:
        """The same corpus to load again, its addresses fetched again now (as far as the
        politeness rules allow), with their pages' text for the feeds' summaries if `full`
        (or if this was read so)."""
        return Fetching(
            self._web,
            self._files,
            refresh=True,
            full=full or self._full,
            workers=self.workers,
            cache=self.cache,
            problems=self._problems,
            columns=self.columns,
        )

    def stop(self) -> None:
        """As `Loading.stop`: while fetching too, and the loading of the bodies."""
        super().stop()
        if self._inner is not None:
            self._inner.stop()

    def start_workers(self, *, preload: bool = False) -> None:
        """As `Loading.start_workers`, for the files given: a few bodies never need them."""
        Loading(self._files, workers=self.workers).start_workers(preload=preload)

    def __iter__(self) -> Iterator[Progress]:
        news: SimpleQueue[tuple[int, int] | _Fetched | BaseException] = SimpleQueue()

        def told(done: int, total: int) -> None:
            news.put((done, total))

        def fetch() -> None:
            try:
                news.put(self._web.fetch(refresh=self._refresh, full=self._full, progress=told))
            except BaseException as error:  # raised where the loading's errors are
                news.put(error)

        # A thread of its own, which the reader's quitting need not wait for: the fetch
        # stops at its timeouts.
        threading.Thread(target=fetch, name="fetch", daemon=True).start()
        yield Progress(0, len(self._web.feeds) + len(self._web.addresses), 0)
        while not self.stopped:
            try:
                item = news.get(timeout=STOP_EVERY)
            except Empty:
                continue
            if isinstance(item, BaseException):
                raise item
            if isinstance(item[0], int) and isinstance(item[1], int):
                yield Progress(item[0], item[1], 0)
                continue
            paths, problems = item
            self._fetched_from = self._web.fetched_from(paths)
            self._inner = Loading(
                [*self._files, *paths],
                workers=self.workers,
                cache=self.cache,
                problems=[*self._problems, *problems],
                addresses=self._fetched_from,
                columns=self.columns,
            )
            if not self.stopped:  # stopped as it was made: `stop` did not see it
                yield from self._inner
            return

    def corpus(self, stopped: Stop = never) -> Corpus:
        if self._inner is None:  # nothing fetched yet: the problems found before, if any
            return Loading([], problems=self._problems).corpus()
        corpus = self._inner.corpus(stopped)
        corpus.problems[:] = [self._named(problem) for problem in corpus.problems]
        return corpus

    def _named(self, problem: Problem) -> Problem:
        """A problem of a body fetched, named by the address it came from (its file in the
        fetched folder is named by a hash, which tells the user nothing); a record's number
        within it, `#n`, stays. Any other problem as it is."""
        whole, hash_mark, record = problem.path.rpartition("#")
        for body, within in ((problem.path, ""), (whole, hash_mark + record)):
            url = self._fetched_from.get(Path(body)) if body else None
            if url is not None:
                return Problem(url + within, problem.reason, url)
        return problem
