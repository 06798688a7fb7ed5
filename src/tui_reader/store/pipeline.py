"""From paths to a corpus at any size: files, and the parts of large ones (`loading.split`), are
taken from the analysis cache or analysed on every core given, in batches that the caller sees
as they are ready, then assembled. `stop` ends a load within a tenth of a second, from any
thread: between articles here, and by killing the workers.

    loading = Loading(paths, workers=2, cache=cache)
    for progress in loading:
        ...  # progress.done of progress.total files; loading.corpus() is what is done so far
    corpus = loading.corpus()

or, when nothing needs showing on the way, `Loading(paths).run()`.
"""

from __future__ import annotations

import concurrent.futures
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..corpus import cutting
from ..corpus.analysis import Analysed, analyse_part, assemble, collector_paused
from ..corpus.budget import alarms
from ..corpus.lines import Stopped
from ..corpus.loading import FileRef, Part, at_least, find, split
from ..corpus.loading import large as large_file
from ..corpus.model import Corpus, Problem
from ..corpus.stopping import Stop, never
from . import packing, server
from .cache import CUTS, Cache, Damaged, Stamp

BATCH = 256
"""Files looked up in the cache at once, and the most a caller waits to hear of progress."""
FIRST_BATCH = 32
"""Files looked up in the cache first, before batches of `BATCH`, and the most files of the
first task given to worker processes: what is shown first comes from them."""
CHUNK = 64
"""The most files a worker process analyses per task, after the first (a part of a large
file is a task alone): this process hands out tasks and takes in results in threads that
wait for the interpreter lock (it unpacks results meanwhile), so small tasks left the
workers idle."""
TASK_BYTES = 1 << 20
"""The most bytes of files in one task (a larger file is a task alone): a saved page takes
far longer than a text file, and tasks of 64 pages left the last of them on one core while
the others idled."""
POOL_FROM = 128
"""Fewer files than this to analyse (and no part of a large one) are not worth starting
worker processes for."""
STOP_EVERY = 0.05
"""Seconds between looks at whether to stop, while waiting for a worker's results."""


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
    """Files, or parts of large files, done and found so far; articles analysed so far."""


def _parts(count: int, first: int, size: int) -> list[slice]:
    """Where to cut `count` items: a part of `first` items, then parts of `size`."""
    starts = [0, *range(first, count, size)]
    return [slice(start, end) for start, end in zip(starts, [*starts[1:], count], strict=True)]


def _analyse_packed(
    parts: Sequence[Part], stopped: Callable[[], bool] | None = None
) -> list[bytes]:
    """Analyse files or parts (in a worker process); the results are packed, which is cheap
    to send. Raises `Stopped` once `stopped` says so."""
    with alarms():
        return [packing.pack(*analyse_part(part, stopped)) for part in parts]


def _grouped(
    parts: Sequence[Part], first: int, size: int, weight: Callable[[Part], int] | None = None
) -> list[list[Part]]:
    """The parts in groups: whole files `size` at a time (the first group
    `first`), or fewer if their `weight` (bytes) would pass `TASK_BYTES`; a part of a large
    file alone (it holds hundreds of articles)."""
    groups: list[list[Part]] = []
    whole: list[Part] = []
    weighed = 0
    for part in parts:
        if not part.whole:
            groups.append([part])
            continue
        heavy = weight(part) if weight is not None else 0
        if whole and weighed + heavy > TASK_BYTES:  # it goes with the next ones
            groups.append(whole)
            whole, weighed = [], 0
        whole.append(part)
        weighed += heavy
        if len(whole) == (size if groups else first):
            groups.append(whole)
            whole, weighed = [], 0
    return [*groups, whole] if whole else groups


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
        addresses: Mapping[Path, str] | None = None,
        columns: Mapping[str, str] | None = None,
    ):
        """`workers` is how many processes analyse the files; with none, or with few files,
        this process does. The files are looked for when first needed, which for a large
        folder takes a while: iterating does it first. `problems` are reported with the
        corpus's own (what could not be fetched); `addresses` are those the files fetched
        were fetched from (`loading.find`). `columns` names the columns of every table
        (`tables.parse_columns`)."""
        self.paths = list(paths)
        self._addresses = addresses
        self._before = list(problems)
        self.columns = dict(columns or {})
        self._found: tuple[list[FileRef], list[Problem]] | None = None
        self.workers = workers
        self.cache = cache
        self._parts: dict[FileRef, list[Part]] = {}
        """The parts of each file cut so far (`split`)."""
        self._stamps: dict[FileRef, Stamp | None] = {}
        """Each file's stamp, taken before it was cut: its parts' analyses are stored
        under it, so that a file that changes as it is cut is analysed again next time."""
        self._results: dict[Part, tuple[list[Analysed], list[Problem]]] = {}
        self._damaged: dict[Part, Problem] = {}
        """The parts whose cached analysis was damaged, and so analysed again."""
        self._articles = 0
        self._shared: dict[object, object] = {}
        """What the candidates of every file share (`packing.unpack`)."""
        self._stop = threading.Event()

    @property
    def refs(self) -> list[FileRef]:
        """The article files found under the paths."""
        return self._find()[0]

    def _find(self) -> tuple[list[FileRef], list[Problem]]:
        if self._found is None:
            self._found = find(self.paths, addresses=self._addresses, columns=self.columns)
        return self._found

    def stop(self) -> None:
        """Stop loading, from any thread: iterating ends within `STOP_EVERY` seconds or an
        article's analysis, and what is done is kept (nothing half done is)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        """Whether `stop` was called: what is loaded is then not all there is."""
        return self._stop.is_set()

    def __iter__(self) -> Iterator[Progress]:
        yield self._progress()  # how many files there are, before any is read
        stamps: dict[Part, Stamp | None] = {}
        missing: list[Part] = []
        # A small first batch: what is shown first is assembled from it, and sooner.
        for files in _parts(len(self.refs), FIRST_BATCH, BATCH):
            parts = []
            for ref in self.refs[files]:
                try:
                    if ref not in self._parts:
                        self._parts[ref] = self._split(ref)
                except Stopped:
                    return
                parts.extend(self._parts[ref])
            for batch in _grouped(parts, BATCH, BATCH) or [[]]:
                if self.stopped:
                    return
                stamps.update((p, self._stamp(p)) for p in batch)
                missing.extend(self._from_cache(batch, stamps))
                yield self._progress()
        for packed in self._analyse(missing):
            fresh: list[tuple[Stamp, bytes]] = []
            for part, data in packed:
                self._add(part, packing.unpack(data, part, self._shared))
                stamp = stamps[part]
                if stamp is not None:
                    fresh.append((stamp, data))
            if self.cache is not None:
                self.cache.put(fresh)
            yield self._progress()
        if self.cache is not None and not self.stopped:
            self.cache.forget_missing(str(ref.path) for ref in self.refs)

    def start_workers(self, *, preload: bool = False) -> None:
        """Start the server that forks worker processes now, if any may be needed (enough
        files to analyse for a pool, or a large file given, which is cut into parts): while
        this process still has its own standard streams (a full-screen app replaces them,
        and starting it then fails), from the main thread (`server.context`), and while it
        looks for the files. A few files never need it, and starting it costs two
        interpreters.

        With `preload`, the server imports the analysis first, in the background, and each
        worker it forks has it from the start. That is for a job with nothing else to do: on
        two cores, the reader's first screen waited for the import (0.15 s)."""
        large = any(map(large_file, self.paths))
        if self.workers >= 1 and (large or at_least(self.paths, POOL_FROM)):
            server.start([__name__] if preload else [])

    def _split(self, ref: FileRef) -> list[Part]:
        """The parts of a file (`split`): of a large one, those kept in the cache for this
        version of it if any, since finding them is a pass over the whole file (a second
        of a warm load of 20,000 rows); `Stopped` once the load is."""
        stamp = self._stamps[ref] = Stamp.of(ref.path, ref.version)
        if self.cache is None or stamp is None or not cutting.cuttable(ref.path, stamp.size):
            return split(ref, lambda: self.stopped)
        kept = replace(stamp, part=CUTS)
        data = self.cache.get([kept]).get(kept.key)
        if isinstance(data, bytes):
            try:
                return packing.unpack_parts(data, ref)
            except packing.Unpacked as error:
                data = Damaged(str(error))
        if isinstance(data, Damaged):
            reason = f"its cached cuts were damaged ({data.why}): cut again"
            self._before.append(Problem(str(ref.path), reason))
        parts = split(ref, lambda: self.stopped)
        self.cache.put([(kept, packing.pack_parts(parts))])
        return parts

    def _stamp(self, part: Part) -> Stamp | None:
        """The stamp the analysis of a part is stored under: its file's."""
        stamp = self._stamps[part.ref]
        return None if stamp is None else replace(stamp, part=part.number)

    def _progress(self) -> Progress:
        cut = sum(len(parts) for parts in self._parts.values())
        return Progress(len(self._results), cut + len(self.refs) - len(self._parts), self._articles)

    def _add(self, part: Part, result: tuple[list[Analysed], list[Problem]]) -> None:
        self._results[part] = result
        self._articles += len(result[0])

    def _from_cache(
        self, batch: Sequence[Part], stamps: dict[Part, Stamp | None]
    ) -> Iterator[Part]:
        """Add the batch's cached analyses; yield the parts that must be analysed."""
        known = [stamp for part in batch if (stamp := stamps[part]) is not None]
        cached = self.cache.get(known) if self.cache is not None else {}
        for part in batch:
            data = cached.get((str(part.ref.path), part.number))
            if data is None:
                yield part
            elif isinstance(data, Damaged):
                self._damage(part, data.why)
                yield part
            else:
                try:
                    self._add(part, packing.unpack(data, part, self._shared))
                except packing.Unpacked as error:
                    self._damage(part, str(error))
                    yield part

    def _size(self, part: Part) -> int:
        """The size of a part's file, as stamped (0 if it could not be looked at)."""
        stamp = self._stamps.get(part.ref)
        return stamp.size if stamp is not None else 0

    def _damage(self, part: Part, why: str) -> None:
        """Report a file whose cached analysis is damaged: it is analysed again, and the
        new analysis replaces the record."""
        reason = f"its cached analysis was damaged ({why}): analysed again"
        self._damaged[part] = Problem(str(part.ref.path), reason)

    def _analyse(self, parts: Sequence[Part]) -> Iterator[list[tuple[Part, bytes]]]:
        """Packed analyses of the parts, a task at a time, in order; none once stopped."""
        tasks = _grouped(parts, FIRST_BATCH, CHUNK, self._size)
        done = 0
        try:
            # A part of a large file is hundreds of articles: one is worth the pool.
            worth = len(parts) >= POOL_FROM or not all(part.whole for part in parts)
            if self.workers >= 1 and worth:
                # Forked by a server: the app has threads running, and forking those is unsafe.
                pool = server.pool(self.workers)
                try:
                    futures = [pool.submit(_analyse_packed, task) for task in tasks]
                    for task, future in zip(tasks, futures, strict=True):
                        packed = self._result(future)
                        if packed is None:
                            return
                        yield list(zip(task, packed, strict=True))
                        done += 1
                finally:  # also when stopped: no task is waited for
                    server.stop(pool)
        except (concurrent.futures.process.BrokenProcessPool, OSError):
            pass  # a worker died or none could start (no /dev/shm, a process limit): go on here
        try:
            for task in tasks[done:]:
                yield list(zip(task, _analyse_packed(task, self._stop.is_set), strict=True))
        except Stopped:
            return

    def _result(self, future: concurrent.futures.Future[list[bytes]]) -> list[bytes] | None:
        """What a worker's task gave, once it has; None if loading is stopped first."""
        while not self.stopped:
            try:
                return future.result(timeout=STOP_EVERY)
            except TimeoutError:
                continue
        return None

    def run(self) -> Corpus:
        """Load everything, and the corpus of it.

        The cyclic garbage collector is paused meanwhile: what is loaded lives to the end and
        holds no cycles, yet the collector would walk it again and again as it grows (at
        10,000 articles, 1.5 s of this process's time, while the workers need the cores)."""
        with collector_paused():
            for _ in self:
                pass
            return self.corpus()

    def corpus(self, stopped: Stop = never) -> Corpus:
        """The corpus of everything analysed so far, with entities resolved across it;
        `Stopped` once `stopped` says so (`assemble`)."""
        analysed: list[Analysed] = []
        problems = [*self._before, *self._find()[1]]
        if self.cache is not None:
            problems.extend(self.cache.problems)
        for ref in self.refs:
            for part in self._parts.get(ref, ()):
                if part in self._damaged:
                    problems.append(self._damaged[part])
                if part in self._results:
                    articles, found = self._results[part]
                    analysed.extend(articles)
                    problems.extend(found)
        return assemble(analysed, problems, stopped)
