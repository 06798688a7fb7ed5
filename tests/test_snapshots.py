"""SVG snapshots of the main screen on the bundled corpus. Review diffs before updating."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from tui_reader.corpus.model import Corpus
from tui_reader.ui import keeping
from tui_reader.ui.app import ReaderApp

SnapCompare = Any


@pytest.fixture(autouse=True)
def _still_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article shown for `SETTLE_AFTER` seconds counts as read, and loses its unread
    dot: on a loaded machine the keys of a snapshot can take that long. The snapshots are
    of the keys, not of the clock."""
    monkeypatch.setattr(keeping, "SETTLE_AFTER", 3600)


def test_main_screen_wide(snap_compare: SnapCompare, seeds: Corpus) -> None:
    """At 120x40 all four panes show: the article list (newest first, the Yahoo Finance
    interview selected), the reading view with its entities underlined or bold by type, the
    entity sidebar with counts, and the timeline from 2014 down, with the footer's keys."""
    assert snap_compare(ReaderApp(seeds), terminal_size=(120, 40))


def test_main_screen_narrow(snap_compare: SnapCompare, seeds: Corpus) -> None:
    """At 80x24 one pane shows at a time under a tab bar "1 Articles 2 Article 3 Entities
    4 Timeline"; here the article list, with every title cut with an ellipsis, not wrapped."""
    assert snap_compare(ReaderApp(seeds), terminal_size=(80, 24))


def test_entity_selected(snap_compare: SnapCompare, seeds: Corpus) -> None:
    """After Enter on "Christian Smalls" in the sidebar, the status line reads
    "4 of 4 articles · entity: Christian Smalls (Esc clears)" and each of his mentions in
    the reading view ("Chris Smalls", "Smalls") is in reverse video."""
    assert snap_compare(
        ReaderApp(seeds), terminal_size=(120, 40), press=["3", "down", "down", "enter"]
    )


def test_search(snap_compare: SnapCompare, seeds: Corpus) -> None:
    """After "/" and "bessemer": the search box under the status line holds "bessemer",
    the status line reads "1 of 4 articles · search: bessemer (Esc clears)", the list
    holds the one article that names Bessemer, and the reading view is scrolled to its
    first "Bessemer", every match in reverse video; the footer offers "/ Search"."""

    async def search(pilot: Pilot[int]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("slash", *"bessemer")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(ReaderApp(seeds), terminal_size=(120, 40), run_before=search)


def test_help(snap_compare: SnapCompare, seeds: Corpus) -> None:
    """At 80x24, "?" opens the help over the reader: a box titled "Keys" listing, under
    "Anywhere", "? F1 Help", "q Quit", "Tab Next pane" and the rest with their keys, and
    "Esc closes" in its bottom border."""
    assert snap_compare(ReaderApp(seeds), terminal_size=(80, 24), press=["question_mark"])


def test_filtered_list(snap_compare: SnapCompare, seeds: Corpus) -> None:
    """After Enter on "Kelly Nantel" (the ninth entity of the first article): the status
    line reads "1 of 4 articles · entity: Kelly Nantel (Esc clears)", the list holds only
    the article that names her, and the timeline only that article's events."""
    presses = ["3", *["down"] * 8, "enter"]
    assert snap_compare(ReaderApp(seeds), terminal_size=(120, 40), press=presses)
