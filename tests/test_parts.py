"""A large JSON Lines file is cut into parts of records, read and analysed apart: the same
articles and problems as the whole file, arriving a part at a time, and a load that stops
within half a second whenever it is told to."""

from __future__ import annotations

import itertools
import json
import threading
import time
from pathlib import Path

import pytest

from tui_reader.corpus import lines
from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.export import to_data
from tui_reader.corpus.loading import FileRef, Part, read, split
from tui_reader.store import pipeline
from tui_reader.store.cache import Cache, Stamp, pipeline_version
from tui_reader.store.pipeline import Loading

from .conftest import read_apart

BODY = "Workers in Albany voted on Friday, April 1, 2022, said Jane Doe of the union."


def feed(path: Path, count: int, body: str = BODY) -> Path:
    """`count` records, with lines between them that hold none: blank ones, blank in
    Unicode only, and lines that are no JSON article."""
    rows = []
    for number in range(count):
        rows.append(json.dumps({"title": f"Story {number}", "text": f"{body} {number}"}))
        if number % 4 == 1:
            rows += ["", "  \u00a0", "\x1c", "not json", '{"no": "text"}']
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.timeout(10)
@pytest.mark.usefixtures("small_parts")
def test_the_parts_of_a_file_read_as_the_whole_file(tmp_path: Path) -> None:
    """Every part holds three records (the last fewer), numbered across the file; read
    one after the other they give the articles and the problems the whole file gives,
    with the same ids (`feed#n`) and line numbers."""
    apart = read_apart(FileRef(feed(tmp_path / "feed.jsonl", 20), "feed"))
    parts = apart.parts
    assert [part.first for part in parts] == list(range(1, 31, 3))  # 20 good, 10 bad
    assert parts[0].start == 0
    assert parts[-1].end is None
    assert all(a.end == b.start for a, b in itertools.pairwise(parts))
    assert (apart.sources, apart.problems) == apart.whole
    assert [s.id for s in apart.sources][:3] == ["feed#1", "feed#2", "feed#5"]
    assert all(len(read(part, [])) <= 3 for part in parts)


@pytest.mark.timeout(10)
def test_a_small_file_and_other_formats_are_one_part(tmp_path: Path) -> None:
    """A JSON Lines file under `SPLIT_FROM` bytes is not cut (no read to find cuts), nor is
    a file of any other format."""
    small = FileRef(feed(tmp_path / "small.jsonl", 20), "small")
    text = tmp_path / "a.txt"
    text.write_text("x" * (lines.SPLIT_FROM + 1))
    assert split(small) == [Part(small)]
    assert split(FileRef(text, "a")) == [Part(FileRef(text, "a"))]


@pytest.mark.timeout(20)
@pytest.mark.usefixtures("small_parts")
def test_a_large_file_arrives_a_part_at_a_time_and_is_cached_by_parts(tmp_path: Path) -> None:
    """Loading the file yields its articles in several batches, and the corpus is the one
    read whole; a warm load takes every part from the cache and gives the same."""
    path = feed(tmp_path / "feed.jsonl", 30)
    cache = Cache(tmp_path / "cache.sqlite3", pipeline_version())
    loading = Loading([path], cache=cache)
    seen = sorted({progress.articles for progress in loading})
    assert len(seen) > 5, seen
    expected = to_data(open_corpus([path]))
    assert to_data(loading.corpus()) == expected
    assert to_data(Loading([path], cache=cache).run()) == expected
    stored = cache.get([s for p in split(FileRef(path, "feed")) if (s := stamp(p))])
    assert len(stored) == len(split(FileRef(path, "feed")))


def stamp(part: Part) -> Stamp | None:
    return Stamp.of(part.ref.path, part.ref.id, part.number)


def stops_within(loading: Loading) -> float:
    """Load in a thread; once a first part is done, stop the load in the middle of the
    next ones: the seconds it took to end."""
    started = threading.Event()

    def load() -> None:
        for progress in loading:
            if progress.articles:
                started.set()

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    assert started.wait(20), "no part was ever done"
    time.sleep(0.3)
    asked = time.monotonic()
    loading.stop()
    thread.join(5)
    assert not thread.is_alive(), "the load did not stop"
    return time.monotonic() - asked


@pytest.mark.slow
@pytest.mark.timeout(30)
@pytest.mark.parametrize("workers", [0, 2], ids=["here", "in workers"])
def test_a_load_stops_within_half_a_second_in_the_middle_of_a_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Told to stop while a large file's parts are analysed (here, or by busy worker
    processes), the load ends within 0.5 s, keeping no part half done."""
    monkeypatch.setattr(lines, "SPLIT_FROM", 0)
    monkeypatch.setattr(lines, "PART_RECORDS", 60)
    monkeypatch.setattr(pipeline, "POOL_FROM", 2)  # a pool for a few parts
    # 1,500 records: enough that busy workers are still at them when the load is stopped.
    path = feed(tmp_path / "feed.jsonl", 1000, " ".join([BODY] * 40))
    loading = Loading([path], workers=workers)
    assert stops_within(loading) < 0.5
    kept = len(loading.corpus().articles)  # 60 records a part, 20 of them no article
    assert kept % 40 == 0
    assert 0 < kept < 1000


def test_a_task_holds_at_most_a_megabyte_of_files_and_a_larger_one_alone() -> None:
    """Files are handed to workers at most `CHUNK` a task (the first task `FIRST_BATCH`),
    and at most `TASK_BYTES` of them: a file that would pass that starts the next task, and
    one larger than that is a task alone; a part of a cut file is always a task alone, at
    once."""
    sizes = {"a": 600_000, "b": 600_000, "c": 3_000_000, "d": 10, "e": 10}
    parts = [Part(FileRef(Path(f"{name}.html"), name)) for name in sizes]
    cut = Part(FileRef(Path("big.jsonl"), "big"), 1, start=100, end=200)
    groups = pipeline._grouped([*parts, cut, *parts[3:]], 32, 64, lambda part: sizes[part.ref.id])
    assert [[part.ref.id for part in group] for group in groups] == [
        ["a"],
        ["b"],
        ["c"],
        ["big"],
        ["d", "e", "d", "e"],
    ]
    smalls = [Part(FileRef(Path(f"{n}.txt"), str(n))) for n in range(100)]
    counted = pipeline._grouped(smalls, pipeline.FIRST_BATCH, pipeline.CHUNK, lambda _: 3000)
    assert [len(group) for group in counted] == [32, 64, 4]
