"""One-line bars: the status line and the pane tabs shown on narrow terminals."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from ...corpus.text import printable
from ..glyphs import ELLIPSIS, LINUX_CONSOLE

BAR_WIDTH = 20


def status_text(
    shown: int,
    total: int,
    filters: Sequence[tuple[str, str]] = (),
    loading: tuple[int, int] | None = None,
) -> Text:
    """How many articles are shown, and by which filters (each a kind and what it is, such
    as ("entity", "Christian Smalls")); while files are still loading (`loading` is files
    done and files found), how many, with a bar; (0, 0) while none has been found yet."""
    noun = "article" if total == 1 else "articles"
    count = (
        f"{total:,} {noun}" if shown == total and not filters else f"{shown:,} of {total:,} {noun}"
    )
    parts: list[str | tuple[str, str]] = [("tui-reader", "bold"), "  "]
    if loading == (0, 0):
        parts += [f"Looking for articles{ELLIPSIS}  "]
    elif loading is not None:
        done, files = loading
        filled = BAR_WIDTH * done // max(1, files)
        # Block characters: the Linux console's font has them, and they need no colour.
        parts += [
            f"Loading {done:,} / {files:,}  ",
            "█" * filled + "░" * (BAR_WIDTH - filled),
            "  ",
        ]
    parts.append(count)
    for kind, value in filters:
        parts += [f"  ·  {kind}: ", (printable(value), "bold")]
    if filters:
        parts.append("  (Esc clears)")
    return Text.assemble(*parts)


class _Bar(Static):
    """A one-line bar. What does not fit is cut at its edge: Textual takes no wrapping from
    a Rich Text, and wrapped, the end of the line (a search's words) went to a hidden
    second line."""

    def on_mount(self) -> None:
        self.styles.text_wrap = "nowrap"
        self.styles.text_overflow = "clip" if LINUX_CONSOLE else "ellipsis"  # the font has no …


class StatusBar(_Bar):
    """The corpus size and the active filter, or how far loading has got."""

    def show(
        self,
        shown: int,
        total: int,
        filters: Sequence[tuple[str, str]] = (),
        loading: tuple[int, int] | None = None,
    ) -> None:
        """Show `status_text` of these."""
        self.update(status_text(shown, total, filters, loading), layout=False)


class PositionBar(_Bar):
    """Where the article list's cursor is, as "12 / 10,000", at the right of the status line.

    The panes have no scrollbars: redrawing three of them on every key cost more than the
    rest of the key's work. This one short bar is all that changes instead.
    """

    def show(self, position: int, count: int) -> None:
        """The cursor is on row `position` (from 1) of `count`."""
        self.update(f"{position:,} / {count:,}" if count else "", layout=False)


class PaneTabs(_Bar):
    """Which pane is showing, when only one fits: "1 Articles  2 Article  …"."""

    def show(self, labels: Sequence[str], active: int) -> None:
        """Mark the active pane among the labels."""
        text = Text()
        for index, label in enumerate(labels):
            style = "reverse bold" if index == active else ""
            text.append(f" {index + 1} {label} ", style=style)
            text.append(" ")
        self.update(text, layout=False)
