"""The palette's "go to": names that hold the query's letters in order, ranked by Textual."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tui_reader.corpus.fuzzy import InOrder
from tui_reader.corpus.model import Corpus
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.screens.main import MainScreen

from .conftest import palette_hits, until


def test_names_holding_the_letters_in_order_are_found_in_order() -> None:
    """ "krstl bll" is in "Krystal Ball" and "Kristal Bell", letter by letter and in order,
    but not in "Ball, Krystal" (out of order) nor in "Krystal" (the rest is missing); case
    is ignored, and characters a pattern would read as its own are plain letters."""
    names = InOrder(["Ball, Krystal", "Krystal Ball", "Krystal", "KRISTAL BELL", "a.b (c)"])
    assert list(names.matches("krstl bll")) == [1, 3]
    assert list(names.matches("ball")) == [0, 1]
    assert list(names.matches("bl")) == [0, 1, 3]
    assert list(names.matches("AMZ")) == []
    assert list(names.matches(".(c)")) == [4]
    assert list(names.matches("]")) == []
    assert list(names.matches("")) == []


async def shown_hits(pilot: Pilot[int], query: str, wanted: str) -> list[str]:
    """Open the palette, type `query`, and wait (up to 10 s) for `wanted` among its hits."""
    await pilot.press("ctrl+p", *query)
    await until(pilot, lambda: wanted in palette_hits(pilot.app))
    return palette_hits(pilot.app)


@pytest.mark.slow
async def test_the_palette_finds_names_by_letters_in_order(seeds: Corpus) -> None:
    """Typing "krstl bll" offers "Go to entity: Krystal Ball" first, and "amzn lbr" offers
    the Amazon Labor Union; Enter on the first filters the list to Krystal Ball's articles."""
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        hits = await shown_hits(pilot, "krstl bll", "Go to entity: Krystal Ball")
        assert hits[0] == "Go to entity: Krystal Ball"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.filters.entity == "person:krystal-ball"
        await shown_hits(pilot, "amzn lbr", "Go to entity: Amazon Labor Union")
