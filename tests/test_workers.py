"""The UI's background workers."""

from __future__ import annotations

from pathlib import Path

import tui_reader


def test_every_worker_names_itself() -> None:
    """Textual describes a worker without a description by the repr() of its arguments,
    and the repr of a large corpus takes gigabytes (6.5 GB at 100,000 articles): every
    `@work` in the UI gives a description."""
    ui = Path(tui_reader.__file__).parent / "ui"
    decorators = [
        line.strip()
        for path in ui.rglob("*.py")
        for line in path.read_text().splitlines()
        if line.strip().startswith("@work")
    ]
    assert decorators
    assert all("description=" in line for line in decorators), decorators
