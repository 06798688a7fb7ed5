"""Shared fixtures: the bundled corpus, analysed once per session; and waits for the app."""

from __future__ import annotations

import html
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from textual.app import App
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from tui_reader.corpus import lines, warc
from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.loading import FileRef, Part, Source, bundled_seeds, read, split
from tui_reader.corpus.model import Article, Corpus, Problem

# Compiled modules are kept even where the environment says not to write them
# (PYTHONDONTWRITEBYTECODE): else each of the suite's workers compiles, and pytest
# rewrites, every module afresh at every run, and so does each reader a test starts.
# Set here, before xdist starts its workers, it holds in them and their processes too.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

CELL = 12.2
"""The width of a cell in Textual's SVG screenshots."""
SEED_IDS = {
    "000": "000_a022c699c9e2a529",
    "001": "001_7f9a2e80ae36c02b",
    "002": "002_a037bc8199809d04",
    "003": "003_729298e5fab285e2",
}


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: three workers for two cores. A test driving the app or a terminal waits
    for it about half its time (Pilot lets the app go idle after each key), and a third
    worker runs in those waits; more than that only slowed the suite down here."""
    return max(1, len(os.sched_getaffinity(0)) * 3 // 2)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked `slow` run first, the rest in their order: handed out one at a
    time (`--maxschedchunk 1`), the longest then never start last, with the other
    workers done and waiting."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _own_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test, and every process it starts, keeps its analysis cache, state, config and
    what it fetched in folders of its own, never the user's (nor those of a
    `TUI_READER_HOME` of theirs)."""
    monkeypatch.delenv("TUI_READER_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The four bundled articles, analysed."""
    return open_corpus([bundled_seeds()])


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any file is cut: a file of records or rows three a part, a web archive two pages a
    part."""
    monkeypatch.setattr(lines, "SPLIT_FROM", 0)
    monkeypatch.setattr(lines, "PART_RECORDS", 3)
    monkeypatch.setattr(warc, "PART_PAGES", 2)


@dataclass(frozen=True)
class Apart:
    """A file read part by part, and read whole."""

    parts: list[Part]
    sources: list[Source]
    """The sources of the parts, one part after the other."""
    problems: list[str]
    """The problems reading the parts met, as text."""
    whole: tuple[list[Source], list[str]]
    """The sources and problems of the file read whole, for the parts' to equal."""


def read_apart(ref: FileRef) -> Apart:
    """The file cut into its parts and read a part at a time, and read whole."""
    parts = split(ref)
    problems: list[Problem] = []
    sources = [source for part in parts for source in read(part, problems)]
    whole_problems: list[Problem] = []
    whole = read(Part(ref), whole_problems)
    return Apart(
        parts, sources, [str(p) for p in problems], (whole, [str(p) for p in whole_problems])
    )


def seed(corpus: Corpus, number: str) -> Article:
    """One seed article by its number ("000" … "003")."""
    return corpus.article(SEED_IDS[number])


async def until(pilot: Pilot[int], done: Callable[[], bool], timeout: float = 10) -> None:
    """Let the app run until `done()` holds: what the test waits for, never a spell of
    time. Fails after `timeout` seconds. It looks every 50 ms: each look refreshes the
    screen, which a tighter loop would keep the app busy with."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not seen within {timeout} s")
        await pilot.pause(0.05)


def notices(app: App[int]) -> list[str]:
    """The notices (Textual's toasts) on the screen, as text: title and message."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def screen_lines(app: App[int]) -> list[str]:
    """The screen as text, a line per row, from the SVG screenshot Textual makes."""
    rows: dict[int, dict[int, str]] = {}
    pattern = r'<text[^>]* x="([\d.]+)"[^>]*line-(\d+)\)">([^<]*)</text>'
    for x, line, text in re.findall(pattern, app.export_screenshot()):
        start = round(float(x) / CELL)
        for offset, char in enumerate(html.unescape(text)):
            rows.setdefault(int(line), {})[start + offset] = char
    return [
        "".join(row.get(col, " ") for col in range(max(row) + 1)).replace("\xa0", " ").rstrip("\n")
        for _, row in sorted(rows.items())
    ]


def screen_text(app: App[int]) -> str:
    """The screen as text, its rows one a line."""
    return "\n".join(screen_lines(app))


def palette_hits(app: App[int]) -> list[str]:
    """The hits the command palette shows, first first; none if it is not open."""
    palette = app.screen
    if isinstance(palette, CommandPalette) and (options := palette.query(OptionList)):
        hits = options.first()
        return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
    return []
