"""The few symbols the reader draws itself, with stand-ins the Linux console's font has,
and an ASCII screen for a terminal whose locale is not UTF-8."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import ClassVar

from rich.cells import get_character_cell_size
from rich.console import OverflowMethod
from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter
from textual.scrollbar import ScrollBarRender

LINUX_CONSOLE = os.environ.get("TERM") == "linux"
"""The Linux console's font (a code page 437 set) lacks most symbols beyond it."""


def utf8_locale(environ: Mapping[str, str]) -> bool:
    """Whether the locale says the terminal takes UTF-8, as tmux and ncurses decide it: the
    first of LC_ALL, LC_CTYPE and LANG that is set names UTF-8. Without it, tmux draws box
    lines as `lqqqk` and Textual's stream writes "—" as `\\u2014`."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        if value := environ.get(name):
            return "utf-8" in value.lower() or "utf8" in value.lower()
    return False


ASCII_ONLY = not utf8_locale(os.environ)
"""Whether everything drawn is ASCII (`AsciiFilter`)."""
PLAIN = LINUX_CONSOLE or ASCII_ONLY

BOOKMARK = "*" if PLAIN else "★"
UNREAD = "+" if ASCII_ONLY else "•"  # in code page 437 too
ELLIPSIS = "..." if PLAIN else "…"
"""What trails a word for work going on: "Loading…"."""
CUT = "~" if PLAIN else "…"
"""What ends a text cut short, in one cell."""
OVERFLOW: OverflowMethod = "crop" if PLAIN else "ellipsis"
"""How a text that Textual lays out is cut: Rich's ellipsis is always "…"."""


def shorten(text: Text, width: int, pad: bool = False, words: bool = False) -> None:
    """Cut a text to `width` cells, its end marked with `CUT` if it was cut; with `words`,
    after the last whole word that fits (unless that leaves less than half); with `pad`,
    fill a shorter one with spaces up to `width`."""
    if text.cell_len > width:
        text.truncate(width, overflow="ellipsis")  # Rich's mark is "…", in the text's style
        kept = text.plain[:-1]
        space = kept.rfind(" ") if words else -1
        if space > width // 2:
            kept = kept[:space].rstrip(" ,;:—–-")
        text.right_crop(len(text.plain) - len(kept))
        text.append(CUT)
    if pad:
        text.truncate(width, pad=True)


STAND_INS = str.maketrans(
    {
        **dict.fromkeys("─━═╌┄", "-"),
        **dict.fromkeys("│┃║╎┆▏▕▎▌▐", "|"),
        **dict.fromkeys("┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝┏┓┗┛", "+"),
        **dict.fromkeys("█▇▆▅▄▃▂▁▔▀", "#"),
        **dict.fromkeys("░▒▓", "."),
        **dict.fromkeys("‘’‚′", "'"),
        **dict.fromkeys("“”„″«»", '"'),
        **dict.fromkeys("–—―−", "-"),
        "…": "~",
        "•": "+",
        "·": ".",
        "★": "*",
        "▲": "^",
        "▼": "v",
        "⏎": "<",
        "\u00a0": " ",
    }
)
"""One-cell ASCII stand-ins for what the reader and Textual draw most."""


@lru_cache(4096)
def ascii_text(text: str) -> str:
    """`text` in ASCII, each character standing in for one taking as many cells: a stand-in,
    or a letter without its accent, or "?"."""
    if text.isascii():
        return text
    out = []
    for char in text.translate(STAND_INS):
        if char.isascii():
            out.append(char)
            continue
        cells = get_character_cell_size(char)
        base = unicodedata.normalize("NFKD", char)[:1]
        out.append(base if cells == 1 and base.isascii() and base.isprintable() else "?" * cells)
    return "".join(out)


class AsciiFilter(LineFilter):
    """Draws every line in ASCII, cell for cell, for a terminal that takes nothing else."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(ascii_text(text), style, control) if not control else segment
            for segment in segments
            for text, style, control in (segment,)
        ]


class WholeCellScrollBar(ScrollBarRender):
    """A scroll bar whose thumb starts and ends on whole cells: Textual draws the ends of
    one with eighth blocks, which the Linux console's font lacks."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8
