"""The reader's refresh and full-text keys, against a local HTTP server started here: a feed
fetched again shows its new item, with the read marks, the bookmarks and the place kept;
full text replaces a summary with its page's article; files alone have nothing to fetch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_reader.corpus.model import Corpus
from tui_reader.fetch.loading import Fetching
from tui_reader.fetch.session import Web
from tui_reader.store import locations
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.refreshing import NOTHING_TO_FETCH

from .conftest import notices, screen_text, until
from .webserver import Server, server

pytestmark = pytest.mark.timeout(30)
__all__ = ["server"]  # the fixture: pytest finds it here by its name
SIZE = (120, 40)


def loaded(app: ReaderApp, count: int) -> bool:
    """Whether the app shows a corpus of `count` articles, loaded to the end."""
    return len(app.corpus.articles) == count and app.main_screen.load_progress is None


def age_fetched() -> None:
    """Make every address fetched two minutes old: a refresh may ask for it again (the
    politeness rules never ask within a minute), though it is not yet due without one."""
    for meta in Path(locations.fetched_folder()).glob("*.meta"):
        record = json.loads(meta.read_text())
        meta.write_text(json.dumps({**record, "checked": record["checked"] - 120}))


async def test_a_refreshed_feed_shows_its_new_item_and_keeps_the_marks(
    server: Server, tmp_path: Path
) -> None:
    """`R` within a minute of the fetch asks nothing and says nothing is new; minutes on,
    it fetches the feed again and lists its new item. The item read and bookmarked stays
    read and bookmarked, is still the one shown, and the read state saved says so."""
    state = tmp_path / "state.json"
    app = ReaderApp(Fetching(Web(addresses=[server.url + "/growing.xml"]), []), state)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: loaded(app, 1))
        screen = app.main_screen
        await pilot.press("enter", "b")  # read it, and bookmark it
        assert screen.marks.read == screen.marks.bookmarks == {"grow-1"}
        await pilot.press("R")
        await until(pilot, lambda: any("Nothing new or changed" in n for n in notices(app)))
        assert server.hits["/growing.xml"] == 1
        age_fetched()
        await pilot.press("R")
        await until(pilot, lambda: loaded(app, 2))
        assert server.hits["/growing.xml"] == 2
        await until(pilot, lambda: "Item 2 of the growing feed" in screen_text(app))
        assert any("1 new article, 0 changed" in n for n in notices(app))
        assert screen.article_id == "grow-1"
        assert screen.marks.read == screen.marks.bookmarks == {"grow-1"}
    saved = json.loads(state.read_text())
    assert list(saved["read"].values()) == list(saved["bookmarks"].values()) == [["grow-1"]]


async def test_full_text_reads_a_summary_item_s_page_in_its_place(server: Server) -> None:
    """`F` fetches the page of the item that carries only a summary: the article shown
    becomes the page's text, under the same id, and the notice counts it as changed."""
    app = ReaderApp(Fetching(Web(addresses=[server.url + "/summaries.xml"]), []))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: loaded(app, 2))
        assert app.corpus.article("vl-bridge").paragraphs == ["The bridge opened."]
        await pilot.press("F")
        await until(pilot, lambda: any("0 new articles, 1 changed" in n for n in notices(app)))
        bridge = app.corpus.article("vl-bridge")
        assert bridge.paragraphs[0].startswith("The new bridge over the Elm River")
        assert server.hits["/story.html"] == 1


@pytest.mark.parametrize("key", ["R", "F"])
async def test_files_alone_have_nothing_to_fetch(seeds: Corpus, key: str) -> None:
    """On a corpus of files, either key says there is nothing to fetch, and the corpus
    stays as it is."""
    app = ReaderApp(seeds)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(key)
        await until(pilot, lambda: any(NOTHING_TO_FETCH in n for n in notices(app)))
        assert app.corpus is seeds


async def test_the_fetching_shows_in_the_status_line(server: Server) -> None:
    """While a slow feed is fetched again, the status line counts it as the first load
    does ("Loading 0 / 1"), and the articles read meanwhile stay listed."""
    app = ReaderApp(Fetching(Web(addresses=[server.url + "/slow"]), []))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: loaded(app, 2))
        age_fetched()
        await pilot.press("R")
        await until(pilot, lambda: "Loading 0 / 1" in screen_text(app))
        assert "Ferry returns & docks" in screen_text(app)
        await until(pilot, lambda: any("Nothing new or changed" in n for n in notices(app)))
        assert "Loading" not in screen_text(app)
        assert server.hits["/slow"] == 2
