"""The screen as a new user sees it at 120x40 and 80x24: what the panes show, how wide the
list is, what the footer keeps, and what a locale without UTF-8 gets."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from textual.color import Color

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.model import Corpus
from tui_reader.corpus.naming import distinct_names, title_opens_body
from tui_reader.ui import app as app_module
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.glyphs import AsciiFilter, ascii_text
from tui_reader.ui.saved import restore, view_of
from tui_reader.ui.screens.help import HelpScreen
from tui_reader.ui.screens.main import MainScreen
from tui_reader.ui.widgets.bars import KeyBar
from tui_reader.ui.widgets.lists import ArticleList

from .conftest import notices, screen_lines, until

UNTITLED = (
    "The committee met for the third time this week to discuss the long-delayed proposal "
    "for a new bridge over the river, which residents have demanded for years. It ended "
    "without a vote.\n\nCouncillor Jane Doe said she would bring it back in March.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two files named 035.txt in two folders, an untitled article, and a binary file."""
    (tmp_path / "sport").mkdir()
    (tmp_path / "tech").mkdir()
    (tmp_path / "sport" / "035.txt").write_text(
        "Liverpool beat Chelsea in a late comeback at Anfield to stay top of the table\n\n"
        "Liverpool came from behind to beat Chelsea 2-1 at Anfield on Saturday.\n"
    )
    (tmp_path / "tech" / "035.txt").write_text(
        "Apple unveils a new chip for its laptops\n\nApple said on Tuesday that its new "
        "chip would power the next laptops.\n"
    )
    (tmp_path / "tech" / "untitled.txt").write_text(UNTITLED)
    (tmp_path / "sport" / "broken.txt").write_bytes(bytes(range(256)) * 20)
    return tmp_path


@pytest.fixture
def corpus(folder: Path) -> Corpus:
    return open_corpus([folder])


def test_distinct_names() -> None:
    """A file's name alone where it is the only one so named; else as many folders above it
    as tell it apart."""
    names = distinct_names(["/n/sport/035.txt", "/n/tech/035.txt", "/n/tech/x.txt", "035.txt"])
    assert names == {
        "/n/sport/035.txt": "sport/035.txt",
        "/n/tech/035.txt": "tech/035.txt",
        "/n/tech/x.txt": "x.txt",
        "035.txt": "035.txt",
    }


def test_title_opens_body() -> None:
    """An untitled article's title (its first sentence, cut with "…") opens its body; a
    title of its own does not."""
    body = ["The committee met for the third time this week to discuss it."]
    assert title_opens_body("The committee met for the third…", body)
    assert not title_opens_body("Bridge vote delayed", body)


async def test_rows_tell_files_apart(corpus: Corpus) -> None:
    """The rows of sport/035.txt and tech/035.txt name the folder too; untitled.txt, the
    only one so named, shows its name alone."""
    async with ReaderApp(corpus).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = "\n".join(screen_lines(pilot.app))
        assert "sport/035.txt" in text
        assert "tech/035.txt" in text
        assert "undated · untitled.txt" in text
        assert "tech/untitled.txt" not in text


async def test_untitled_row_and_heading(corpus: Corpus) -> None:
    """At 80x24 the untitled article's row ends its cut first sentence after a whole word,
    with "…"; in the Article tab the byline comes first, and the sentence shows once, as
    the start of the text."""
    async with ReaderApp(corpus).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = next(line for line in screen_lines(pilot.app) if "The committee" in line)
        title = row.strip("│ ")
        assert title.endswith("…")
        assert UNTITLED.startswith(title.removesuffix("…")), title
        assert UNTITLED[len(title) - 1] == " "  # cut before a space, not inside a word
        articles = pilot.app.screen.query_one(ArticleList)
        articles.cursor = next(
            i
            for i, article in enumerate(articles.articles)
            if article.source.endswith("untitled.txt")
        )
        await pilot.press("2")
        await pilot.pause()
        lines = screen_lines(pilot.app)
        body = [line for line in lines if "The committee met" in line]
        assert len(body) == 1, lines
        byline = next(i for i, line in enumerate(lines) if "date unknown" in line)
        assert lines.index(body[0]) == byline + 2


@pytest.mark.parametrize("width", [80, 100, 120])
async def test_footer_keeps_help_and_quit(seeds: Corpus, width: int) -> None:
    """In every tab (or pane) at 80, 100 and 120 columns the footer shows "? Help" and
    "q Quit" whole, before the keys of the pane."""
    keys = {"1": "⏎ Read", "2": "r Removed text", "3": "⏎ Filter by entity", "4": "⏎ Open at"}
    async with ReaderApp(seeds).run_test(size=(width, 24)) as pilot:
        for pane, key in keys.items():
            await pilot.press(pane)
            await pilot.pause()
            footer = screen_lines(pilot.app)[-1]
            assert footer.startswith(f" ? Help  q Quit  {key}"), (pane, footer)
            assert len(footer) <= width, (pane, footer)


@pytest.mark.parametrize(("width", "last"), [(60, "tab Next pane"), (80, "esc Clear filter")])
async def test_footer_shows_keys_whole_and_a_click_presses_one(
    seeds: Corpus, width: int, last: str
) -> None:
    """The footer ends with "▏ ^p palette" a cell from the right, and shows the keys before it
    whole or not at all: in 80 columns the last is "esc Clear filter", in 60 "tab Next
    pane", with "/ Search" left out rather than cut. A click on "? Help" opens the help."""
    async with ReaderApp(seeds).run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        footer = screen_lines(pilot.app)[-1]
        keys, palette = footer.rstrip().rsplit("▏", 1)
        assert palette == " ^p palette", footer
        assert len(footer.rstrip()) == width - 1, footer
        assert keys.rstrip().endswith(f"  {last}"), footer
        await pilot.click(KeyBar, offset=(1, 0))
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))


async def test_list_fits_titles_and_resizes(seeds: Corpus) -> None:
    """At 120x40 the list is wider than the 36 columns it had, so that its titles fit
    within reason, and the reading view keeps 42; ">" widens it (not past that), "<"
    narrows it, and the width asked for is in the saved view and restored from it."""
    async with ReaderApp(seeds).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        articles = pilot.app.screen.query_one(ArticleList)
        reader = pilot.app.screen.query_one("#reader")
        fitted = articles.outer_size.width
        assert fitted > 36
        assert reader.outer_size.width >= 42
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert articles.outer_size.width == fitted  # as wide as it may be already
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        narrowed = articles.outer_size.width
        assert narrowed == fitted - 8
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        view = view_of(screen)
        assert view["list_width"] == narrowed - 4
    async with ReaderApp(seeds).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        restore(screen, seeds.articles[1].id, view)
        await pilot.pause()
        assert screen.query_one(ArticleList).outer_size.width == narrowed


@pytest.mark.slow
async def test_reading_view_keeps_its_place_when_the_list_widens(seeds: Corpus) -> None:
    """With the list narrowed ("<"), the article read at its end (G) stays at its end,
    "100%", when ">" takes columns from the reading view back; read from a line further
    down, the same words stay at the top."""
    async with ReaderApp(seeds).run_test(size=(120, 40)) as pilot:
        await pilot.press(*["less_than_sign"] * 3, "2", "G")
        await pilot.pause()
        assert "100%" in "\n".join(screen_lines(pilot.app))
        await pilot.press(*["greater_than_sign"] * 3)
        await pilot.pause()
        assert "100%" in "\n".join(screen_lines(pilot.app))
        await pilot.press(*["less_than_sign"] * 3, "g", *"j" * 12)
        await pilot.pause()
        top = pilot.app.screen.query_one("#reader").content_region.y

        def reading(row: int) -> str:
            return screen_lines(pilot.app)[row].split("│")[3].strip()

        words = " ".join(reading(top).split()[:3])
        await pilot.press(*["greater_than_sign"] * 3)
        await pilot.pause()
        # The old top line's words start in the new top line, which may begin earlier.
        assert words in f"{reading(top)} {reading(top + 1)}"


async def test_no_notice_for_an_unreadable_file(corpus: Corpus) -> None:
    """A folder with a binary file opens with no notice over the text: the status line
    counts "1 problem (!)" and the problems list names the file."""
    async with ReaderApp(corpus).run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert notices(pilot.app) == []
        assert "1 problem (!)" in screen_lines(pilot.app)[0]
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert any("binary data" in line for line in screen_lines(pilot.app))


def test_ascii_text() -> None:
    """Box lines, dashes, quotes and accents have one-cell ASCII stand-ins; a wide
    character takes two "?"; control characters are left to the stripping before."""
    assert ascii_text("┌─ Articles ─┐") == "+- Articles -+"
    assert ascii_text("“Café” — ★ 1 / 3 … ▼") == '"Cafe" - * 1 / 3 ~ v'
    assert ascii_text("東京") == "????"
    segments = AsciiFilter().apply([Segment("│ é")], Color(0, 0, 0))
    assert [s.text for s in segments] == ["| e"]


async def test_ascii_screen(seeds: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a locale that is not UTF-8, every cell of the screen is ASCII: "+-" corners,
    "|" sides, and "-" for an article's "—", cell for cell."""
    monkeypatch.setattr(app_module, "ASCII_ONLY", True)
    async with ReaderApp(seeds).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = screen_lines(pilot.app)
        assert all(line.isascii() for line in lines), [ln for ln in lines if not ln.isascii()]
        assert lines[1].startswith("+- Articles -")
        assert all(len(line) <= 120 for line in lines)


async def test_a_key_is_not_undone_by_more_of_the_corpus_arriving(seeds: Corpus) -> None:
    """The cursor moved down (j), and more of the corpus arrives before the screen has
    heard of the move: the list stays on the second article, and that is the one shown."""
    async with ReaderApp(seeds).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        articles = screen.query_one(ArticleList)
        second = screen.visible_articles()[1].id
        articles.action_move(1)  # as j does; the message saying so is still on its way
        screen.show_corpus(seeds)
        await pilot.pause()
        assert articles.current_id == second
        assert screen.article_id == second
