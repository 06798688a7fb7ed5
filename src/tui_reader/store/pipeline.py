"""From paths to a corpus at any size: files are taken from the analysis cache or analysed on
every core given, in batches that the caller sees as they are ready, then assembled.

    loading = Loading(paths, workers=2, cache=cache)
    for progress in loading:
        ...  # progress.done of progress.total files; loading.corpus() is what is done so far
    corpus = loading.corpus()

or, when nothing needs showing on the way, `Loading(paths).run()`.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus.analysis import Analysed, analyse_file, assemble, collector_paused
from ..corpus.budget import alarms
from ..corpus.loading import FileRef, at_least, find
from ..corpus.model import Corpus, Problem
from . import packing
from .cache import Cache, Damaged, Stamp

BATCH = 256
"""Files looked up in the cache at once, and the most a caller waits to hear of progress."""
FIRST_BATCH = 32
"""Files looked up in the cache first, before batches of `BATCH`, and the files of the first
task given to worker processes: what is shown first comes from them."""
CHUNK = 64
"""Files a worker process analyses per task, after a first task of `FIRST_BATCH`: this
process hands out tasks and takes in results in threads that wait for the interpreter
lock (it unpacks results meanwhile), so small tasks left the workers idle a quarter of the
time."""
POOL_FROM = 128
"""Fewer files than this to analyse are not worth starting worker processes for."""


def cores() -> int:
    """How many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Progress:
    """How far loading has got: files done of all found, and articles analysed so far."""

    done: int
    total: int
    articles: int


def _parts(count: int, first: int, size: int) -> list[slice]:
    """Where to cut `count` items: a part of `first` items, then parts of `size`."""
    starts = [0, *range(first, count, size)]
    return [slice(start, end) for start, end in zip(starts, [*starts[1:], count], strict=True)]


def _analyse_packed(refs: Sequence[FileRef]) -> list[bytes]:
    """Analyse files in a worker process; the results go back packed, which is cheap to send."""
    with alarms():
        return [packing.pack(*analyse_file(ref)) for ref in refs]


class Loading:
    """A corpus being loaded. Iterating it does the work and yields progress after each batch;
    `corpus()` assembles what is done so far, in the order of the files whatever the order
    they were done in."""

    def __init__(
        self,
        paths: Iterable[Path],
        *,
        workers: int = 0,
        cache: Cache | None = None,
        problems: Sequence[Problem] = (),
    ):
        """`workers` is how many processes analyse the files; with none, or with few files,
        this process does. The files are looked for when first needed, which for a large
        folder takes a while: iterating does it first. `problems` are reported with the
        corpus's own (what could not be fetched)."""
        self.paths = list(paths)
        self._before = list(problems)
        self._found: tuple[list[FileRef], list[Problem]] | None = None
        self.workers = workers
        self.cache = cache
        self._results: dict[FileRef, tuple[list[Analysed], list[Problem]]] = {}
        self._damaged: dict[FileRef, Problem] = {}
        """The files whose cached analysis was damaged, and so analysed again."""
        self._articles = 0
        self._shared: dict[object, object] = {}
        """What the candidates of every file share (`packing.unpack`)."""

    @property
    def refs(self) -> list[FileRef]:
        """The article files found under the paths."""
        return self._find()[0]

    def _find(self) -> tuple[list[FileRef], list[Problem]]:
        if self._found is None:
            self._found = find(self.paths)
        return self._found

    def __iter__(self) -> Iterator[Progress]:
        yield self._progress()  # how many files there are, before any is read
        stamps: dict[FileRef, Stamp | None] = {}
        missing: list[FileRef] = []
        # A small first batch: what is shown first is assembled from it, and sooner.
        for part in _parts(len(self.refs), FIRST_BATCH, BATCH):
            batch = self.refs[part]
            stamps.update((ref, Stamp.of(ref.path, ref.id)) for ref in batch)
            missing.extend(self._from_cache(batch, stamps))
            yield self._progress()
        for packed in self._analyse(missing):
            fresh: list[tuple[Stamp, bytes]] = []
            for ref, data in packed:
                self._add(ref, packing.unpack(data, ref, self._shared))
                stamp = stamps[ref]
                if stamp is not None:
                    fresh.append((stamp, data))
            if self.cache is not None:
                self.cache.put(fresh)
            yield self._progress()
        if self.cache is not None:
            self.cache.forget_missing(str(ref.path) for ref in self.refs)

    def start_workers(self, *, preload: bool = False) -> None:
        """Start the server that forks worker processes now, if any may be needed (enough
        files to analyse for a pool): while this process still has its own standard streams
        (a full-screen app replaces them, and starting it then fails), and while it looks
        for the files. A few files never need it, and starting it costs two interpreters.

        With `preload`, the server imports the analysis first, in the background, and each
        worker it forks has it from the start. That is for a job with nothing else to do: on
        two cores, the reader's first screen waited for the import (0.15 s)."""
        if self.workers >= 1 and at_least(self.paths, POOL_FROM):
            from multiprocessing import forkserver, resource_tracker

            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([__name__] if preload else [])
            resource_tracker.ensure_running()
            forkserver.ensure_running()

    def _progress(self) -> Progress:
        return Progress(len(self._results), len(self.refs), self._articles)

    def _add(self, ref: FileRef, result: tuple[list[Analysed], list[Problem]]) -> None:
        self._results[ref] = result
        self._articles += len(result[0])

    def _from_cache(
        self, batch: Sequence[FileRef], stamps: dict[FileRef, Stamp | None]
    ) -> Iterator[FileRef]:
        """Add the batch's cached analyses; yield the files that must be analysed."""
        known = [stamp for ref in batch if (stamp := stamps[ref]) is not None]
        cached = self.cache.get(known) if self.cache is not None else {}
        for ref in batch:
            data = cached.get(str(ref.path))
            if data is None:
                yield ref
            elif isinstance(data, Damaged):
                self._damage(ref, data.why)
                yield ref
            else:
                try:
                    self._add(ref, packing.unpack(data, ref, self._shared))
                except packing.Unpacked as error:
                    self._damage(ref, str(error))
                    yield ref

    def _damage(self, ref: FileRef, why: str) -> None:
        """Report a file whose cached analysis is damaged: it is analysed again, and the
        new analysis replaces the record."""
        reason = f"its cached analysis was damaged ({why}): analysed again"
        self._damaged[ref] = Problem(str(ref.path), reason)

    def _analyse(self, refs: Sequence[FileRef]) -> Iterator[list[tuple[FileRef, bytes]]]:
        """Packed analyses of the files, a chunk at a time, in order."""
        # A small first chunk: what is shown first is analysed from it, and sooner.
        chunks = [refs[part] for part in _parts(len(refs), FIRST_BATCH, CHUNK)] if refs else []
        if self.workers < 1 or len(refs) < POOL_FROM:
            for chunk in chunks:
                yield list(zip(chunk, _analyse_packed(chunk), strict=True))
            return
        done = 0
        # "forkserver": the app has threads running, and forking those is unsafe.
        context = multiprocessing.get_context("forkserver")
        try:
            with concurrent.futures.ProcessPoolExecutor(self.workers, mp_context=context) as pool:
                try:
                    results = pool.map(_analyse_packed, chunks)
                    for chunk, packed in zip(chunks, results, strict=True):
                        yield list(zip(chunk, packed, strict=True))
                        done += 1
                finally:  # stopped early (the reader quit): drop the chunks not started
                    pool.shutdown(cancel_futures=True)
        except (concurrent.futures.process.BrokenProcessPool, OSError):
            # A worker died or none could start (no /dev/shm, a process limit): go on here.
            for chunk in chunks[done:]:
                yield list(zip(chunk, _analyse_packed(chunk), strict=True))

    def run(self) -> Corpus:
        """Load everything, and the corpus of it.

        The cyclic garbage collector is paused meanwhile: what is loaded lives to the end and
        holds no cycles, yet the collector would walk it again and again as it grows (at
        10,000 articles, 1.5 s of this process's time, while the workers need the cores)."""
        with collector_paused():
            for _ in self:
                pass
            return self.corpus()

    def corpus(self) -> Corpus:
        """The corpus of everything analysed so far, with entities resolved across it."""
        analysed: list[Analysed] = []
        problems = [*self._before, *self._find()[1]]
        if self.cache is not None:
            problems.extend(self.cache.problems)
        for ref in self.refs:
            if ref in self._damaged:
                problems.append(self._damaged[ref])
            if ref in self._results:
                articles, found = self._results[ref]
                analysed.extend(articles)
                problems.extend(found)
        return assemble(analysed, problems)
