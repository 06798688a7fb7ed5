"""Regenerate the README's screenshots: SVGs of the real app on the bundled corpus.

Run: python scripts/screenshots.py   (writes screenshots/*.svg)
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.loading import bundled_seeds
from tui_reader.ui.app import ReaderApp

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SHOTS = [
    ("main-120x40.svg", (120, 40), []),
    ("main-80x24.svg", (80, 24), []),
    ("reader-80x24.svg", (80, 24), ["enter"]),
    ("entity-selected-120x40.svg", (120, 40), ["3", "down", "down", "enter"]),
    ("timeline-event-120x40.svg", (120, 40), ["4", *["down"] * 10, "enter"]),
    ("search-120x40.svg", (120, 40), ["slash", *"smalls", "enter"]),
]


async def shoot(name: str, size: tuple[int, int], keys: list[str]) -> None:
    # A home of its own for each: neither the user's read marks, positions and views nor
    # those the shot before saved may show in it.
    os.environ["TUI_READER_HOME"] = tempfile.mkdtemp(prefix="tui-reader-shots-")
    app = ReaderApp(open_corpus([bundled_seeds()]))
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        for key in keys:
            await pilot.press(key)
        await app.workers.wait_for_complete()  # a search's
        await pilot.pause(0.3)
        app.save_screenshot(str(OUT / name))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, size, keys in SHOTS:
        asyncio.run(shoot(name, size, keys))
        print(OUT / name)


if __name__ == "__main__":
    main()
