"""The few symbols the reader draws itself, with stand-ins the Linux console's font has."""

from __future__ import annotations

import os
from typing import ClassVar

from rich.console import OverflowMethod
from rich.text import Text
from textual.scrollbar import ScrollBarRender

LINUX_CONSOLE = os.environ.get("TERM") == "linux"
"""The Linux console's font (a code page 437 set) lacks most symbols beyond it."""

BOOKMARK = "*" if LINUX_CONSOLE else "★"
UNREAD = "•"  # in code page 437 too
ELLIPSIS = "..." if LINUX_CONSOLE else "…"
"""What trails a word for work going on: "Loading…"."""
CUT = "~" if LINUX_CONSOLE else "…"
"""What ends a text cut short, in one cell."""
OVERFLOW: OverflowMethod = "crop" if LINUX_CONSOLE else "ellipsis"
"""How a text that Textual lays out is cut: Rich's ellipsis is always "…"."""


def shorten(text: Text, width: int, pad: bool = False) -> None:
    """Cut a text to `width` cells, its end marked with `CUT` if it was cut; with `pad`,
    fill a shorter one with spaces up to `width`."""
    if text.cell_len > width:
        text.truncate(width, overflow="ellipsis")  # Rich's mark is "…", in the text's style
        if CUT != "…":
            text.plain = text.plain[:-1] + CUT
    if pad:
        text.truncate(width, pad=True)


class WholeCellScrollBar(ScrollBarRender):
    """A scroll bar whose thumb starts and ends on whole cells: Textual draws the ends of
    one with eighth blocks, which the Linux console's font lacks."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8
