"""Keys: the help lists every binding, the keymap file rebinds commands by id, and the
key table of docs/keys.md is the one the declarations give."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tui_reader.corpus.model import Corpus
from tui_reader.store.config import read_config
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.commands import SECTIONS, bindings, defaults, markdown
from tui_reader.ui.screens.help import HelpScreen
from tui_reader.ui.screens.main import MainScreen

from .conftest import notices, palette_hits, until

KEYS = Path(__file__).resolve().parent.parent / "docs" / "keys.md"
NARROW = (80, 24)


def help_text(app: ReaderApp) -> str:
    """The help screen's table as plain text."""
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    with app.console.capture() as capture:
        app.console.print(screen.query_one(Static).content)
    return capture.get()


@pytest.mark.slow
async def test_help_opens_with_question_mark_and_f1_and_lists_the_commands(seeds: Corpus) -> None:
    """`?` opens the help over the reader; it names search, quit and the removed-text
    toggle with their keys; Esc closes it, and F1 opens it too."""
    app = ReaderApp(seeds)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = help_text(app)
        for line in (
            "/ ",
            "Search",
            "q ",
            "Quit",
            "r ",
            "Removed text",
            "Esc",
            "Cancel the search",
        ):
            assert line in text
        await pilot.press("j", "j", "G")  # the list scrolls, and those keys do nothing else
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def test_every_binding_has_an_id_and_a_description() -> None:
    """A keymap rebinds by id, and the help shows the description: none may be missing."""
    for _, declared in SECTIONS:
        for binding in bindings(declared):
            assert binding.id, binding
            assert binding.description, binding


def test_the_documented_key_table_is_the_declared_one() -> None:
    """Regenerate it with `python -m tui_reader.ui.commands` when a key changes."""
    assert markdown() in KEYS.read_text(encoding="utf-8")


def test_the_keymap_rebinds_and_reports_bad_entries(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "[keys]\n"
        'search = "ctrl+f, slash"\n'  # two keys, spaces around the comma allowed
        'nonsense = "x"\n'  # no such command
        "quit = 3\n"  # not a string
        'help = "ctrl+ f"\n'  # not a key
        'copy-link = "n"\n'  # n is the next match's
        'down = "k"\nup = "j"\n'  # a swap is no clash
        "[colours]\n"
    )
    config = read_config(path, defaults())
    assert config.keymap == {"search": "ctrl+f,slash", "down": "k", "up": "j"}
    text = "\n".join(config.notices)
    for fragment in ("nonsense: no such command", "quit: the keys must be a string",
                     "help: 'ctrl+ f' is not a key", "copy-link: 'n' is already 'next-match'",
                     "unknown section colours"):  # fmt: skip
        assert fragment in text
    assert path.exists()  # a config with bad entries is the user's: it stays


def test_a_config_that_is_not_toml_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keys\nsearch = ")
    config = read_config(path, defaults())
    assert config.keymap == {}
    assert len(config.notices) == 1
    assert "config.toml.corrupt-" in config.notices[0]
    assert [p.name.startswith("config.toml.corrupt-") for p in tmp_path.iterdir()] == [True]


async def test_a_rebound_key_works_and_the_old_one_does_not(seeds: Corpus, tmp_path: Path) -> None:
    """With `search = "ctrl+f"`, Ctrl+f opens the search box and `/` no longer does; a bad
    entry shows a notice and the reader runs on."""
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nsearch = "ctrl+f"\nnope = "x"\n')
    app = ReaderApp(seeds, config_path=path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await pilot.pause()
        assert any("nope: no such command" in notice for notice in notices(app))
        box = app.query_one("#search")
        await pilot.press("slash")
        assert not box.has_class("open")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert box.has_class("open")
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert "Ctrl+f  " in help_text(app)


async def palette(pilot: Pilot[int], text: str, first: str) -> None:
    """Open the command palette, put `text` in its box (typing it a key at a time is
    test_palette.py's), wait for `first` to be the first hit, and take it."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    pilot.app.screen.query_one(Input).value = text
    await until(pilot, lambda: palette_hits(pilot.app)[:1] == [first])
    await pilot.press("enter")
    await pilot.pause()


async def test_the_palette_runs_reader_commands_and_goes_to_articles_and_entities(
    seeds: Corpus,
) -> None:
    """Ctrl+p finds a reader command by its description ("Bookmark"), an entity by a fuzzy
    part of its name (it filters the list to its articles), and an article by words of its
    title (it opens, clearing a filter that hid it)."""
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        first = screen.article_id
        await palette(pilot, "bookmark", "Bookmark\nb · bookmark")
        assert screen.marks.bookmarks == {first}
        await palette(pilot, "kelly nant", "Go to entity: Kelly Nantel")
        assert screen.filters.entity == "person:kelly-nantel"
        assert len(screen.visible_articles()) == 1
        title = "Employees of the Amazon warehouse on New York’s Staten Island on Friday voted"
        await palette(pilot, "employees staten", f"Go to article: {title} to join…")
        article = screen.corpus.article(screen.article_id or "")
        assert article is not None
        assert article.title.startswith(title)
        assert screen.filters.entity is None  # it hid the article
