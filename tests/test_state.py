"""The user's state: written atomically, set aside when damaged, and what the reader keeps."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.timer import Timer

from tui_reader.corpus.loading import bundled_seeds
from tui_reader.store.atomic import write_atomically
from tui_reader.store.pipeline import Loading
from tui_reader.store.state import VERSION, State, corpus_key, read_json
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.keeping import SETTLE_AFTER
from tui_reader.ui.screens.main import MainScreen
from tui_reader.ui.widgets.bars import PositionBar
from tui_reader.ui.widgets.lists import ArticleList
from tui_reader.ui.widgets.reader import ReadingView

from .conftest import until


@contextlib.asynccontextmanager
async def seeds_reader(
    state_path: Path, theme: str | None = None
) -> AsyncIterator[tuple[Pilot[int], MainScreen]]:
    """The reader on the bundled corpus with this state file, loaded, and its main screen."""
    app = ReaderApp(Loading([bundled_seeds()]), state_path=state_path, theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        yield pilot, screen


def test_state_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.json"
    State({"corpus": "article-7"}).save(path)
    state, notice = State.load(path)
    assert state.positions == {"corpus": "article-7"}
    assert notice is None
    assert json.loads(path.read_text())["version"] == VERSION
    # No temporary file left; the lock two readers take stays.
    assert sorted(p.name for p in path.parent.iterdir()) == ["state.json", "state.json.lock"]


def test_no_state_file_gives_defaults_quietly(tmp_path: Path) -> None:
    state, notice = State.load(tmp_path / "state.json")
    assert state.positions == {}
    assert notice is None


def test_a_damaged_state_file_is_set_aside_never_deleted(tmp_path: Path) -> None:
    """Broken JSON, a foreign shape and another version are each moved aside to
    NAME.corrupt-TIMESTAMP with a notice naming it; the reader goes on with defaults."""
    path = tmp_path / "state.json"
    for content in ['{"version": 1, "positions": {', "[1, 2]", '{"version": 99}', "\udcff"]:
        path.write_text(content, errors="surrogateescape")
        state, notice = State.load(path)
        assert state.positions == {}
        assert notice is not None
        assert "corrupt-" in notice
        assert not path.exists()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == 4
    assert all(name.startswith("state.json.corrupt-") for name in kept)


WRITERS = r"""
import os
import sys
from pathlib import Path
from tui_reader.store.atomic import write_atomically
path = Path(sys.argv[1])
for line in sys.stdin:  # "start": fork a writer and give its pid; "reap": wait for it to end
    if line == "reap\n":
        os.waitpid(pid, 0)
        print("reaped", flush=True)
        continue
    pid = os.fork()
    if pid == 0:
        tag = 0
        while True:
            tag += 1
            write_atomically(path, '{"version": 1, "tag": %d, "pad": "%s"}' % (tag, "x" * 200000))
    print(pid, flush=True)
"""


@pytest.mark.slow
def test_a_kill_while_writing_leaves_the_old_or_the_new_version(tmp_path: Path) -> None:
    """A writer saving state in a loop is killed with SIGKILL at random moments, many
    times: every time the file is whole JSON, one version or the next, never a mix. (The
    writers are forked by one process, which starts faster than an interpreter a time.)"""
    path = tmp_path / "state.json"
    write_atomically(path, '{"version": 1, "tag": 0, "pad": ""}')
    tries = 40
    seen = set()
    writers = subprocess.Popen(
        [sys.executable, "-c", WRITERS, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writers.stdin is not None
    assert writers.stdout is not None
    try:
        for _ in range(tries):
            writers.stdin.write("start\n")
            writers.stdin.flush()
            writer = int(writers.stdout.readline())
            time.sleep(random.uniform(0.0, 0.05))
            os.kill(writer, signal.SIGKILL)
            writers.stdin.write("reap\n")
            writers.stdin.flush()
            assert writers.stdout.readline() == "reaped\n"
            loaded = read_json(path)
            assert loaded.notice is None
            assert loaded.data is not None
            seen.add(loaded.data["tag"])
    finally:
        writers.stdin.close()
        writers.wait(10)
    assert len(seen) > 1  # the kills did land while it was writing


async def test_the_reader_reopens_the_article_it_was_on(tmp_path: Path) -> None:
    """Move to the third article and quit; the next start on the same corpus opens it, and
    the status line gives its place in the list ("3 / 4")."""
    state_path = tmp_path / "state.json"
    async with seeds_reader(state_path) as (pilot, screen):
        await pilot.press("j", "j")
        chosen = screen.article_id
    assert State.load(state_path)[0].positions == {corpus_key([bundled_seeds()]): chosen}
    async with seeds_reader(state_path) as (pilot, screen):
        assert screen.article_id == chosen
        assert screen.query_one(ArticleList).cursor == 2
        assert str(screen.query_one(PositionBar).render()) == "3 / 4"


async def test_an_article_reached_by_a_search_is_remembered_too(tmp_path: Path) -> None:
    """The article shown is remembered however it came to be shown, here by a search that
    narrowed the list to it, not by a move of the cursor."""
    state_path = tmp_path / "state.json"
    app = ReaderApp(Loading([bundled_seeds()]), state_path=state_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"bessemer", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        shown = screen.article_id
    assert shown is not None
    assert State.load(state_path)[0].positions == {corpus_key([bundled_seeds()]): shown}


class Settling:
    """An article shown `SETTLE_AFTER` seconds counts as read: on a timer started as it is
    shown. This keeps the callback of the last such timer the app set, to run it at once,
    as the timer would."""

    def __init__(self, app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
        self.callbacks: list[Callable[[], object]] = []
        set_timer = app.set_timer

        def recording(delay: float, callback: Callable[[], object], **kwargs: Any) -> Timer:
            if delay == SETTLE_AFTER:
                self.callbacks.append(callback)
            return set_timer(delay, callback, **kwargs)

        monkeypatch.setattr(app, "set_timer", recording)

    def fire(self) -> None:
        """The time is up: run the newest timer's callback, which must have been set since
        the last time (showing another article starts one, and stops the one before)."""
        assert self.callbacks, "no timer was started since the last one fired"
        callback = self.callbacks[-1]
        self.callbacks.clear()
        callback()


def article_rows(app: ReaderApp) -> list[str]:
    """The article list's rows as drawn, two lines each."""
    articles = app.query_one(ArticleList)
    return [articles.render_line(y).text for y in range(2 * len(articles.articles))]


async def test_read_marks_and_bookmarks_show_in_the_list_and_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unread articles are bold with a dot; Enter reads one (the dot goes); `u` makes it
    unread again, and it stays so while shown even when its time to count as read comes;
    `b` stars it. After a restart the marks are still there."""
    state_path = tmp_path / "state.json"
    app = ReaderApp(Loading([bundled_seeds()]), state_path=state_path)
    settling = Settling(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = article_rows(app)
        assert all(line.startswith(" • ") for line in rows[1::2])  # all unread
        await pilot.press("enter")  # read the first
        await pilot.pause()
        assert article_rows(app)[1].startswith("   ")
        await pilot.press("u")
        assert article_rows(app)[1].startswith(" • ")
        settling.fire()  # shown long enough, with the article still shown: it stays unread
        await pilot.pause()
        assert article_rows(app)[1].startswith(" • ")
        await pilot.press("b")
        assert article_rows(app)[1].startswith("★• ")
        await pilot.press("1", "j")  # the second, read once shown long enough
        assert article_rows(app)[3].startswith(" • ")
        settling.fire()
        await pilot.pause()
        assert article_rows(app)[3].startswith("   ")
    state = State.load(state_path)[0]
    marks = state.marks[corpus_key([bundled_seeds()])]
    assert len(marks.read) == 1
    assert len(marks.bookmarks) == 1
    again = ReaderApp(Loading([bundled_seeds()]), state_path=state_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        rows = article_rows(again)
        assert rows[1].startswith("★• ")
        assert rows[3].startswith("   ")


async def test_a_save_due_as_the_reader_closes_does_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article counts as read two seconds after it is shown, on a timer; if the reader
    closes first, the timer can still fire, with the screens gone: it must do nothing, where
    it raised an IndexError in a test run once. Calling it after the reader closed does the
    same."""
    state_path = tmp_path / "state.json"
    app = ReaderApp(Loading([bundled_seeds()]), state_path=state_path)
    settling = Settling(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("j")
    assert not app.screen_stack
    saved = state_path.read_bytes()  # closing saved
    settling.fire()  # the timer the "j" started, firing late
    assert state_path.read_bytes() == saved


async def test_the_theme_chosen_is_kept(tmp_path: Path) -> None:
    """--theme picks a theme and it is remembered; one chosen later (as from the command
    palette) replaces it, and opens next time."""
    state_path = tmp_path / "state.json"
    async with seeds_reader(state_path, theme="ansi-light") as (_, screen):
        assert screen.app.theme == "ansi-light"
    assert State.load(state_path)[0].theme == "ansi-light"
    async with seeds_reader(state_path) as (pilot, screen):
        assert screen.app.theme == "ansi-light"
        screen.app.theme = "nord"
        await pilot.pause()
    assert State.load(state_path)[0].theme == "nord"


async def test_the_article_reopens_scrolled_as_it_was_with_its_filters(tmp_path: Path) -> None:
    """Close on an article scrolled down, with an entity filter and a search: the next
    start shows that article at the same place, with both filters again."""
    state_path = tmp_path / "state.json"
    async with seeds_reader(state_path) as (pilot, screen):
        await pilot.press("j", "3", "enter")  # the second article's first entity
        await pilot.press("slash", *"union", "enter")
        await screen.app.workers.wait_for_complete()
        await pilot.press("2", "space")
        await pilot.pause()
        reader = screen.query_one(ReadingView)
        seen = screen.article_id, screen.filters.entity, reader.top_position()
        assert seen[2] is not None
        await pilot.press("q")
    async with seeds_reader(state_path) as (pilot, screen):
        reader = screen.query_one(ReadingView)
        # The search is restored once the index is made, in a worker that may start late.
        await until(
            pilot, lambda: (screen.article_id, screen.filters.entity, reader.top_position()) == seen
        )
        assert screen.filters.order == ("entity", "search")
