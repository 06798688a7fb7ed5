"""Keyboard flows through the real app, driven by Pilot."""

from __future__ import annotations

import json
import os
from collections.abc import Set as AbstractSet
from pathlib import Path

import pytest
from textual import constants, events
from textual.widgets import Input, OptionList

from tui_reader.corpus import loading
from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.loading import bundled_seeds
from tui_reader.corpus.model import Corpus, Problem, StageProblem
from tui_reader.corpus.search import Query
from tui_reader.store.index import SearchIndex
from tui_reader.ui import browser
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.screens.choose import ChooseScreen
from tui_reader.ui.screens.main import MainScreen
from tui_reader.ui.screens.problems import ProblemsScreen
from tui_reader.ui.screens.prompt import PromptScreen
from tui_reader.ui.widgets import page
from tui_reader.ui.widgets.bars import StatusBar
from tui_reader.ui.widgets.lists import ArticleList, EntitySidebar, TimelineList
from tui_reader.ui.widgets.reader import ReadingView

from .conftest import SEED_IDS, notices, screen_text, until

WIDE = (120, 40)
NARROW = (80, 24)


def main_screen(app: ReaderApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def test_moving_in_the_list_shows_that_article(seeds: Corpus) -> None:
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        reader = app.query_one(ReadingView)
        assert screen.article_id == SEED_IDS["002"]
        assert isinstance(app.focused, ArticleList)
        await pilot.press("down")
        assert screen.article_id == SEED_IDS["003"]
        assert reader.article is not None
        assert reader.article.id == SEED_IDS["003"]
        await pilot.press("j", "j")
        assert screen.article_id == SEED_IDS["000"]
        await pilot.press("k", "up")
        assert screen.article_id == SEED_IDS["003"]
        sidebar = app.query_one(EntitySidebar)
        assert "person:christian-smalls" in {entity.id for entity, _ in sidebar.rows}


async def test_tab_and_shift_tab_move_between_the_four_panes(seeds: Corpus) -> None:
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(app.focused.id if app.focused else None)
        assert seen == ["reader", "entities", "timeline", "articles"]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is not None
        assert app.focused.id == "timeline"


async def test_enter_on_an_event_opens_its_article_at_that_sentence(seeds: Corpus) -> None:
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        timeline = app.query_one(TimelineList)
        target = next(
            i for i, e in enumerate(timeline.entries) if e.event.expression == "November last year"
        )
        await pilot.press("4")
        await pilot.pause()
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        screen, reader = main_screen(app), app.query_one(ReadingView)
        assert screen.article_id == SEED_IDS["001"]
        assert isinstance(app.focused, ReadingView)
        assert reader.target is not None
        assert reader.target.expression == "November last year"
        assert reader.scroll_offset.y > 0  # scrolled down to the sentence
        assert app.query_one(ArticleList).cursor == 2  # the list follows


async def test_enter_on_an_entity_filters_and_escape_clears(seeds: Corpus) -> None:
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("3")
        await pilot.pause()
        sidebar = app.query_one(EntitySidebar)
        index = next(i for i, (e, _) in enumerate(sidebar.rows) if e.id == "org:apple")
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.filters.entity == "org:apple"
        assert sidebar.rows[sidebar.cursor][0].id == "org:apple"  # the cursor stays put
        articles = app.query_one(ArticleList)
        assert [a.id for a in articles.articles] == [SEED_IDS["002"]]
        assert app.query_one(ReadingView).selected_entity == "org:apple"
        assert {e.article for e in app.query_one(TimelineList).entries} == {SEED_IDS["002"]}
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filters.entity is None
        assert len(articles.articles) == 4


async def test_removed_text_toggles(seeds: Corpus) -> None:
    """At the end of an article, a line says how many passages cleaning removed; `r` in
    the reading view lists them (a photo credit here), and `r` again hides them. (At
    80x24, where the article has the width of the screen, a line holds each.)"""
    app = ReaderApp(seeds)
    credit = "Stephanie Keith Bloomberg | Getty Images"
    count = len(seeds.article(SEED_IDS["001"]).removed)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("j", "j")
        assert main_screen(app).article_id == SEED_IDS["001"]  # the article with the credit
        await pilot.press("2", "G")
        await pilot.pause()
        assert f"{count} passages removed in cleaning (r shows)" in screen_text(app)
        assert credit not in screen_text(app)
        await pilot.press("r", "G")
        await pilot.pause()
        assert f"Removed in cleaning ({count}; r hides):" in screen_text(app)
        assert credit in screen_text(app)
        await pilot.press("r", "G")
        await pilot.pause()
        assert credit not in screen_text(app)
        assert f"{count} passages removed in cleaning (r shows)" in screen_text(app)


async def test_q_quits_cleanly(seeds: Corpus) -> None:
    """`q` ends the app there and then, with return code 0 (not the test closing it)."""
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        assert app.is_running
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running)
        assert app.return_code == 0


async def test_every_pane_is_reachable_and_usable_at_80x24(seeds: Corpus) -> None:
    app = ReaderApp(seeds)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.has_class("narrow")
        assert isinstance(app.focused, ArticleList)  # keys work from the first screen
        for key, pane in (("2", "reader"), ("3", "entities"), ("4", "timeline"), ("1", "articles")):
            await pilot.press(key)
            await pilot.pause()
            widget = app.query_one(f"#{pane}")
            assert app.focused is widget
            assert widget.display
            assert widget.size.width >= 70
            assert widget.size.height >= 15
            others = [w for w in app.query("#panes > *") if w is not widget]
            assert not any(w.display for w in others)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.focused, ReadingView)
        assert screen.article_id == SEED_IDS["003"]


async def test_an_event_opens_at_its_sentence_at_80x24_too(seeds: Corpus) -> None:
    """The reading view is hidden when the event is chosen; it scrolls once it is shown."""
    app = ReaderApp(seeds)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("4", "down", "down", "down", "enter")
        await pilot.pause()
        reader = app.query_one(ReadingView)
        assert reader.target is not None
        assert reader.target.expression == "early 2020"
        assert reader.scroll_offset.y > 10


async def test_problems_are_counted_in_the_status_line_and_listed_by_a_key() -> None:
    """The status line counts the files and articles with problems; "!" lists them, shown
    as written (a path that looks like markup is not markup), and Enter on an article's
    problem opens that article. The focused list draws no border, whose block characters
    the Linux console's font lacks."""
    fresh = open_corpus([bundled_seeds()])  # its articles are changed here
    fresh.article(SEED_IDS["000"]).problems.append(
        StageProblem("dates", "error", "IndexError: a bug")
    )
    corpus = Corpus(fresh.articles, fresh.entities, fresh.timeline, [Problem("x/[bold]y", "gone")])
    app = ReaderApp(corpus)
    async with app.run_test(size=WIDE) as pilot:
        status = str(app.query_one(StatusBar).render())
        assert "2 problems (!)" in status
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        options = app.screen.query_one(OptionList)
        lines = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert lines[0].endswith(f"({SEED_IDS['000']}): dates: IndexError: a bug")
        assert lines[1] == "x/[bold]y: gone"
        assert options.has_focus
        assert options.styles.border_top[0] in ("", "none")
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).article_id == SEED_IDS["000"]


async def test_a_worker_that_fails_and_an_export_not_written_go_to_the_problems(
    seeds: Corpus, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A search whose worker raises, and an export the disk refuses, are not lost and do
    not stop the reader: each is one more problem in the status line's count (the search
    failing at each key typed counts once), listed by "!" with what went wrong."""

    def broken(index: SearchIndex, query: Query) -> AbstractSet[str] | None:
        raise RuntimeError("the index is gone")

    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        assert "problem" not in str(app.query_one(StatusBar).render())
        monkeypatch.setattr(SearchIndex, "search", broken)
        await pilot.press("slash", *"union")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape", "3", "e")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        (tmp_path / "a file").write_text("not a folder")
        app.screen.query_one(Input).value = str(tmp_path / "a file" / "entities.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert "2 problems (!)" in str(app.query_one(StatusBar).render())
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        options = app.screen.query_one(OptionList)
        lines = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert lines[0] == "Could not search: the index is gone"
        assert lines[1].startswith("Not exported: ")
        assert "a file" in lines[1]


async def test_reading_view_scrolls_by_line_page_and_to_the_ends(seeds: Corpus) -> None:
    """j/k move a line, Space and PgDn a page, Ctrl+d half a page, G and g to the ends."""
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        reader = app.query_one(ReadingView)
        page = reader.scrollable_content_region.height - 1
        await pilot.press("j", "j", "k")
        assert reader.scroll_offset.y == 1
        await pilot.press("space")
        assert reader.scroll_offset.y == 1 + page
        await pilot.press("pageup", "ctrl+d")
        assert reader.scroll_offset.y == 1 + (page + 1) // 2
        await pilot.press("G")
        assert reader.scroll_offset.y == reader.max_scroll_y > 0
        await pilot.press("g")
        assert reader.scroll_offset.y == 0


async def test_list_pages_with_ctrl_d_and_jumps_to_the_ends(seeds: Corpus) -> None:
    """In a list, G goes to the last row, g to the first, and Ctrl+d pages down."""
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        timeline = app.query_one(TimelineList)
        await pilot.press("4", "G")
        assert timeline.cursor == timeline.row_count - 1
        await pilot.press("g", "ctrl+d")
        assert timeline.cursor == timeline.scrollable_content_region.height - 1


async def first_screen(folder: Path) -> str:
    """The text of the reader's first screen at 120x40 on the articles in `folder`."""
    app = ReaderApp(open_corpus([folder]))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        return app.export_screenshot().replace("&#160;", " ")


async def test_the_reading_view_shows_the_metadata_a_file_gives(tmp_path: Path) -> None:
    """A front-matter article: its title, author and link show above the text."""
    (tmp_path / "a.md").write_text(
        '---\ntitle: "Workers vote"\ndate: 2022-04-01\nauthor: Jane Doe\n'
        "url: https://example.com/vote\n---\nWorkers voted on Friday.\n"
    )
    shown = await first_screen(tmp_path)
    for text in ("Workers vote", "2022-04-01 · by Jane Doe", "https://example.com/vote"):
        assert text in shown


async def test_records_of_one_export_are_told_apart_in_the_list(tmp_path: Path) -> None:
    """Two articles from one JSON Lines file: the list shows each record's number."""
    (tmp_path / "feed.jsonl").write_text(
        '{"title": "First", "text": "One.", "date": "2022-04-02"}\n'
        '{"title": "Second", "text": "Two.", "date": "2022-04-01"}\n'
    )
    shown = await first_screen(tmp_path)
    assert shown.count("feed.jsonl #1") == 2  # in the list and above the text
    assert shown.count("feed.jsonl #2") == 1


def test_nothing_animates_over_ssh(seeds: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under SSH (SSH_CONNECTION set) the reader turns Textual's animations off; locally it
    leaves them as Textual sets them."""
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    assert ReaderApp(seeds).animation_level == constants.TEXTUAL_ANIMATIONS
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 52000 10.0.0.2 22")
    assert ReaderApp(seeds).animation_level == "none"


@pytest.mark.slow
async def test_a_huge_article_is_laid_out_a_slice_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article at the most characters shown (cut from more) shows its first screen
    before the rest is wrapped, so the keys never wait for it, with a notice under the
    byline that it was cut; End follows it to its end. The most is 200,000 characters
    here, not 2,000,000: wrapping takes a hundred slices still, and the suite not ten
    seconds of a core (test_hostile cuts at the real most)."""
    monkeypatch.setattr(loading, "MAX_CHARS", 200_000)
    monkeypatch.setattr(page, "MAX_CHARS", 200_000)
    body = "Workers at the warehouse in Albany voted on Friday to join the union.\n\n"
    (tmp_path / "huge.txt").write_text(body * 3_000)
    app = ReaderApp(open_corpus([tmp_path]))
    async with app.run_test(size=WIDE) as pilot:
        reader = app.query_one(ReadingView)
        assert reader.position_label() is None  # not all laid out yet: no percentage claimed
        top = "".join(reader.render_line(y).text for y in range(6))
        assert "Workers at the warehouse" in top  # once, as the text: it has no title
        assert "Cut at 200,000 characters" in top
        await pilot.press("2", "end")
        await until(pilot, lambda: reader.position_label() is not None, timeout=100)
        await pilot.pause()
        assert reader.position_label() == "100%"
        assert reader.scroll_offset.y == reader.max_scroll_y > 8_000


async def test_a_browser_opens_only_in_a_local_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`o` opens the article's link in a graphical browser where it would show on the
    user's screen; over SSH it says so and opens nothing (y copies the link instead)."""
    record = {"title": "Linked", "text": "A body.", "url": "https://example.com/a b"}
    (tmp_path / "export.json").write_text(json.dumps([record]))
    for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "firefox").write_text("#!/bin/sh\n")
    (tmp_path / "bin" / "firefox").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("BROWSER", "firefox")
    app = ReaderApp(open_corpus([tmp_path]))
    opened: list[tuple[str, ...]] = []
    monkeypatch.setattr(browser, "detach", opened.append)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("o")
        assert opened == [("firefox", "https://example.com/a%20b")]
        monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22")
        await pilot.press("o")
        await pilot.pause()
        assert len(opened) == 1
        assert any("No local browser" in notice for notice in notices(app))


async def test_dates_and_unread_filters_combine_and_clear_one_by_one(seeds: Corpus) -> None:
    """`d` on an event keeps the articles with events in its month, `d` again its year,
    and a third time none; `U` keeps the unread ones. Both show in the status line, Esc
    clears the newest first, and the palette offers to clear each on its own."""
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        timeline = app.query_one(TimelineList)
        await pilot.press("4")
        while (timeline.entries[timeline.cursor].event.date or "")[:7] != "2022-04":
            await pilot.press("j")
        await pilot.press("d")
        assert screen.filters.period == "2022-04"
        assert {(e.event.date or "")[:7] for e in timeline.entries} == {"2022-04"}
        month = len(screen.visible_articles())
        await pilot.press("d")
        assert screen.filters.period == "2022"
        assert len(screen.visible_articles()) >= month
        await pilot.press("1", "enter", "1", "U")  # read the first, then unread only
        assert screen.filters.exclude_ids is not None
        assert all(a.id not in screen.marks.read for a in screen.visible_articles())
        status = str(app.query_one("#status").render())
        assert "dates: 2022" in status
        assert "unread: only" in status
        await pilot.press("escape")
        assert screen.filters.exclude_ids is None
        assert screen.filters.period == "2022"
        commands = [c.title for c in app.get_system_commands(screen)]
        assert "Clear the period filter" in commands
        screen.clear_filter("period")
        assert screen.filters.period is None
        assert len(screen.visible_articles()) == len(seeds.articles)


async def test_a_link_written_in_the_article_can_be_chosen_and_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Y` lists the article's link and the http(s) links in its text, each once (no
    javascript: link); the one chosen is copied, made safe. `y` copies the article's own."""
    text = "See https://example.org/report, or javascript:alert(1), and https://example.org/report."
    record = {"title": "Linked", "text": text, "url": "https://example.com/a b"}
    (tmp_path / "export.json").write_text(json.dumps([record]))
    app = ReaderApp(open_corpus([tmp_path]))
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("Y")
        await pilot.pause()
        choosing = app.screen
        assert isinstance(choosing, ChooseScreen)
        assert choosing.choices == ["https://example.com/a%20b", "https://example.org/report"]
        await pilot.press("j", "enter")
        await pilot.pause()
        await pilot.press("y")
    assert copied == ["https://example.org/report", "https://example.com/a%20b"]


@pytest.mark.slow
async def test_the_mouse_selects_and_opens_rows_and_scrolls_the_article(seeds: Corpus) -> None:
    """Where there is a mouse: a click on an article shows it; a click on an event selects
    it and a second opens its article at that sentence; two clicks on an entity filter the
    list by it; the wheel scrolls the reading view."""
    app = ReaderApp(seeds)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)

        async def click(widget: ArticleList | TimelineList | EntitySidebar, row: int) -> None:
            top = widget.content_region.y - widget.region.y  # below the border
            await pilot.click(widget, offset=(4, top + row * widget.ROW_HEIGHT))
            await pilot.pause()

        articles = app.query_one(ArticleList)
        await click(articles, 2)
        assert articles.cursor == 2
        assert screen.article_id == articles.articles[2].id

        timeline = app.query_one(TimelineList)
        row = next(i for i, e in enumerate(timeline.entries) if e.article == SEED_IDS["001"])
        await click(timeline, row)
        assert timeline.cursor == row
        await click(timeline, row)
        reader = app.query_one(ReadingView)
        assert screen.article_id == SEED_IDS["001"]
        assert reader.target == timeline.entries[row].event

        sidebar = app.query_one(EntitySidebar)
        await click(sidebar, 1)
        assert screen.filters.entity is None
        await click(sidebar, 1)
        assert screen.filters.entity == sidebar.rows[1][0].id

        reader.scroll_home(animate=False)
        await pilot.pause()
        for _ in range(3):  # what a terminal reports for the wheel turned down over it
            reader.post_message(events.MouseScrollDown(reader, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert reader.scroll_offset.y > 0
