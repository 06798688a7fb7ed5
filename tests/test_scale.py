"""Loading at scale: the analysis cache, worker processes, and the reader loading in the
background."""

from __future__ import annotations

import gc
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from tui_reader.corpus.analysis import Analysed, analyse_part, assemble, open_corpus
from tui_reader.corpus.export import to_data
from tui_reader.corpus.loading import Part, bundled_seeds
from tui_reader.corpus.model import Corpus, Problem
from tui_reader.store import pipeline
from tui_reader.store.cache import Cache, Stamp, pipeline_version
from tui_reader.store.packing import pack, unpack
from tui_reader.store.pipeline import Loading
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.screens.main import MainScreen
from tui_reader.ui.widgets.bars import PositionBar, StatusBar, status_text
from tui_reader.ui.widgets.lists import ArticleList
from tui_reader.ui.widgets.reader import ReadingView

from .conftest import until


def corpus_folder(tmp_path: Path, count: int) -> Path:
    """`count` small articles in nested folders, two of them unreadable as JSON."""
    folder = tmp_path / "corpus"
    for number in range(count):
        path = folder / f"{number // 10}" / f"a{number:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        day = 1 + number % 28
        path.write_text(
            f"Vote {number}\n\nWorkers in Albany voted on Friday, said Jane Doe of the "
            f"Amazon Labor Union. date 2022-04-{day:02d} was the count, {number} to 3.\n"
        )
    (folder / "broken.json").write_text("{not json")
    (folder / "0" / "empty.jsonl").write_text("")
    return folder


def cache_in(tmp_path: Path, version: str | None = None) -> Cache:
    return Cache(tmp_path / "cache" / "analysis.sqlite3", version or pipeline_version())


def test_packing_keeps_every_field() -> None:
    """A file's analysis read back from bytes assembles into exactly the same corpus."""
    loading = Loading([bundled_seeds()])
    packed = [(Part(ref), pack(*analyse_part(Part(ref)))) for ref in loading.refs]
    analysed = [article for part, data in packed for article in unpack(data, part)[0]]
    assert to_data(assemble(analysed)) == to_data(open_corpus([bundled_seeds()]))
    with pytest.raises(ValueError, match="not marshal data"):
        unpack(b"not marshal data", Part(loading.refs[0]))


def test_worker_processes_and_the_cache_give_the_same_corpus(tmp_path: Path) -> None:
    """Cold in two worker processes, then warm from the cache: both are the in-process
    corpus, problems in file order included."""
    folder = corpus_folder(tmp_path, pipeline.POOL_FROM + 20)
    expected = to_data(open_corpus([folder]))
    problems = [str(p) for p in open_corpus([folder]).problems]
    cache = cache_in(tmp_path)
    cold = Loading([folder], workers=2, cache=cache).run()
    warm = Loading([folder], workers=2, cache=cache).run()
    assert to_data(cold) == expected
    assert to_data(warm) == expected
    assert [str(p) for p in warm.problems] == problems


def test_the_worker_server_starts_only_for_enough_files_to_need_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened on a folder, the reader starts the server that forks workers before its
    screen opens; a folder of a few files (the bundled corpus's four) never needs it, and
    starting it costs two interpreters during the reader's own start."""
    from multiprocessing import forkserver, resource_tracker

    started: list[str] = []
    monkeypatch.setattr(forkserver, "ensure_running", lambda: started.append("server"))
    monkeypatch.setattr(resource_tracker, "ensure_running", lambda: started.append("tracker"))
    Loading([bundled_seeds()], workers=1).start_workers()
    Loading([corpus_folder(tmp_path, pipeline.POOL_FROM - 3)], workers=1).start_workers()
    assert started == []
    Loading([corpus_folder(tmp_path, pipeline.POOL_FROM)], workers=1).start_workers()
    assert started == ["tracker", "server"]


def test_the_cache_is_used_and_follows_edits_and_deletions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm load analyses nothing; an edited file is analysed again and a deleted one
    leaves the corpus and the cache."""
    folder = corpus_folder(tmp_path, 30)
    cache = cache_in(tmp_path)
    Loading([folder], cache=cache).run()
    analysed: list[str] = []
    real = analyse_part

    def counting(
        part: Part, stopped: Callable[[], bool] | None = None
    ) -> tuple[list[Analysed], list[Problem]]:
        analysed.append(part.ref.id)
        return real(part, stopped)

    monkeypatch.setattr(pipeline, "analyse_part", counting)
    corpus = Loading([folder], cache=cache).run()
    assert analysed == []
    assert len(corpus.problems) == 2  # a file that gave a problem gives it from the cache
    edited = folder / "1" / "a0012.txt"
    edited.write_text("Edited\n\nWorkers in Boise voted on Monday.\n")
    os.utime(edited, ns=(1, 1))
    (folder / "2" / "a0020.txt").unlink()
    analysed.clear()
    corpus = Loading([folder], cache=cache).run()
    assert analysed == ["a0012"]
    assert corpus.article("a0012").title == "Edited"
    assert "a0020" not in {a.id for a in corpus.articles}
    rows = sqlite3.connect(cache.path).execute("SELECT path FROM files").fetchall()
    assert str(folder / "2" / "a0020.txt") not in {path for (path,) in rows}


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"\0garbage" * 100), id="corrupt"),
        pytest.param(
            lambda path: sqlite3.connect(path).executescript(
                "DROP TABLE files; CREATE TABLE files (x); INSERT INTO files VALUES (1);"
            ),
            id="foreign",
        ),
    ],
)
def test_a_damaged_cache_is_set_aside_rebuilt_and_reported(
    tmp_path: Path, damage: Callable[[Path], object]
) -> None:
    """Garbage bytes or a table of another shape: the load gives the right corpus, with one
    problem more, which names the file the damaged one was kept as, beside it; the cache
    works again afterwards."""
    folder = corpus_folder(tmp_path, 5)
    expected = to_data(open_corpus([folder]))
    cache = cache_in(tmp_path)
    Loading([folder], cache=cache).run()
    cache.close()
    damage(cache.path)
    rebuilt = cache_in(tmp_path)
    data = to_data(Loading([folder], cache=rebuilt).run())
    aside = sorted(p.name for p in cache.path.parent.iterdir() if ".corrupt-" in p.name)
    kept = aside[0]  # and its log, if it had one, beside it under its new name
    assert kept.startswith("analysis.sqlite3.corrupt-")
    assert aside[1:] in ([], [f"{kept}-shm", f"{kept}-wal"])
    (reported,) = [p for p in data["problems"] if p not in expected["problems"]]
    assert reported["path"] == str(cache.path)
    assert kept in reported["message"]
    assert {**data, "problems": expected["problems"]} == expected
    assert (
        len(rebuilt.get([s for ref in Loading([folder]).refs if (s := Stamp.of(ref.path, ref.id))]))
        == 7
    )


@pytest.mark.parametrize("damaged", [False, True], ids=["another", "damaged"])
def test_a_cache_from_another_pipeline_version_is_not_used(tmp_path: Path, damaged: bool) -> None:
    """A cache written by other analysis code is emptied, not read, and then used; so is one
    whose version was damaged into bytes that are not text."""
    folder = corpus_folder(tmp_path, 3)
    old = cache_in(tmp_path, version="old")
    Loading([folder], cache=old).run()
    old.close()
    if damaged:
        db = sqlite3.connect(old.path)
        db.execute("UPDATE meta SET value = CAST(x'ff' AS TEXT)")
        db.commit()
        db.close()
    new = cache_in(tmp_path, version="new")
    stamps = [s for ref in Loading([folder]).refs if (s := Stamp.of(ref.path, ref.id))]
    assert new.get(stamps) == {}
    Loading([folder], cache=new).run()
    assert len(new.get(stamps)) == len(stamps)


def test_loading_runs_no_cyclic_garbage_collection(tmp_path: Path) -> None:
    """`Loading.run` pauses the cyclic collector: what it loads lives on and holds no cycles,
    and walking it again and again as it grows cost the loading process a tenth of its time.
    Over 200 files, the only collection is the one young-generation pass the collector owes
    when it resumes (without the pause: dozens, older generations too). A full collection
    first empties every generation, so that the tests before this one leave it none owed
    of an older one."""
    loading = Loading([corpus_folder(tmp_path, 200)])
    gc.collect()
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        corpus = loading.run()
    finally:
        gc.callbacks.remove(count)
    assert len(corpus.articles) == 200
    assert collections in ([], [0])
    assert gc.isenabled()


async def test_the_reader_loads_in_the_background_and_says_how_far_it_got(tmp_path: Path) -> None:
    """Opened on files still to load, the reader shows them all once loaded, with the count
    in the status line, and the article list follows the keys."""
    folder = corpus_folder(tmp_path, 40)
    app = ReaderApp(Loading([folder], workers=1))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert len(screen.corpus.articles) == 40
        status = str(app.query_one(StatusBar).render())
        assert "40 articles" in status
        assert "Loading" not in status
        first = screen.article_id
        await pilot.press("down")
        assert screen.article_id != first


def test_the_status_line_shows_loading_progress_with_a_bar() -> None:
    """While loading, the status line gives files done of files found, and a bar that
    needs no colour; once loaded, only the count."""
    text = status_text(16, 16, (), (2500, 10000)).plain
    assert "Loading 2,500 / 10,000  █████░░░░░░░░░░░░░░░  16 articles" in text
    assert status_text(10000, 10000).plain == "tui-reader  10,000 articles"
    assert "Looking for articles" in status_text(0, 0, (), (0, 0)).plain


async def test_a_status_line_too_long_is_cut_at_its_edge_not_wrapped_out_of_sight() -> None:
    """Loading with a search on makes the status line longer than the screen is wide: its
    one line shows the search's words up to the edge, cut with an ellipsis. (Wrapped, as
    before, the words went to a second line that a one-line bar never shows.)"""

    class Bar(App[None]):
        def compose(self) -> ComposeResult:
            yield StatusBar()

    app = Bar()
    async with app.run_test(size=(96, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show(
            31,
            32,
            [("search", "warehouse workers of staten island and bessemer, alabama")],
            (2912, 10000),
        )
        await pilot.pause()
        line = "".join(segment.text for segment in bar.render_line(0))
    assert "search: warehouse workers" in line
    assert line.rstrip().endswith("…")


async def test_a_narrow_status_line_keeps_the_counts_and_gives_up_the_extras() -> None:
    """At 80 columns, loading, the status line still shows the files loaded and the
    articles shown: the bar narrows and the reader's name goes to make room. With a search
    on as well, the bar goes too, and the search's words come right after the count (cut
    at the edge, as they do not fit). When the terminal widens, the line fills the room
    again."""

    class Bar(App[None]):
        def compose(self) -> ComposeResult:
            yield StatusBar()

    def shown(bar: StatusBar) -> str:
        return "".join(segment.text for segment in bar.render_line(0)).rstrip()

    app = Bar()
    async with app.run_test(size=(58, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show(31, 32, [], (2500, 10000))
        await pilot.pause()
        assert shown(bar) == "Loading 2,500 / 10,000  ███░░░░░░░░░░░░  31 of 32 articles"
        bar.show(31, 32, [("search", "bessemer")], (2500, 10000))
        await pilot.pause()
        assert shown(bar).startswith("Loading 2,500 / 10,000  31 of 32 articles  ·  search: bes")
        await pilot.resize_terminal(120, 3)
        await pilot.pause()
        assert shown(bar).startswith("tui-reader  Loading 2,500 / 10,000  █████░░░░")
        assert shown(bar).endswith("search: bessemer  (Esc clears)")


async def test_the_list_turns_a_page_at_its_edge_and_the_status_line_shows_the_position(
    tmp_path: Path,
) -> None:
    """Going down past the last row shown, the list scrolls a page, not a row, so the keys
    after it redraw two rows, not the whole list; the row it came from stays in sight
    above the cursor. The status line gives the cursor's place ("13 / 40"), and arrows in
    the list's border say there is more above and below."""
    corpus = open_corpus([corpus_folder(tmp_path, 40)])
    app = ReaderApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.query_one(ArticleList)
        rows = articles.scrollable_content_region.height // ArticleList.ROW_HEIGHT
        assert articles.border_subtitle == "▼"
        await pilot.press(*["down"] * (rows - 1))
        assert articles.scroll_offset.y == 0  # the last row shown: no scroll yet
        await pilot.press("down")
        await pilot.pause()
        first_shown = int(articles.scroll_offset.y) // ArticleList.ROW_HEIGHT
        assert first_shown == rows - 1  # the row it came from, then the cursor
        assert articles.border_subtitle == "▲▼"
        await pilot.press("down")
        assert int(articles.scroll_offset.y) // ArticleList.ROW_HEIGHT == first_shown
        position = str(app.query_one(PositionBar).render())
        assert position == f"{rows + 2} / 40"
        await pilot.press("up", "up", "up")
        await pilot.pause()
        assert articles.cursor == rows - 2
        assert articles.cursor * ArticleList.ROW_HEIGHT >= articles.scroll_offset.y


async def test_the_reading_view_gives_how_far_down_it_is_in_its_border(seeds: Corpus) -> None:
    """The panes have no scrollbars; the reading view's border says how much of the
    article has been in view, as less does."""
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.query_one(ReadingView)
        await until(pilot, lambda: reader.border_subtitle is not None)
        first = str(reader.border_subtitle)
        assert first.endswith("%")
        await pilot.press("2", "G")
        await until(pilot, lambda: reader.border_subtitle == "100%")
        assert int(first[:-1]) < 100
