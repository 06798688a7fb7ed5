"""One-line bars: the status line and the pane tabs shown on narrow terminals."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from ...corpus.text import printable


class StatusBar(Static):
    """The corpus size and the active filter."""

    def show(self, shown: int, total: int, filter_name: str | None) -> None:
        """Say how many articles are shown, and by which filter."""
        noun = "article" if total == 1 else "articles"
        count = f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}"
        parts: list[str | tuple[str, str]] = [("tui-reader", "bold"), "  ", count]
        if filter_name is not None:
            parts += ["  ·  entity: ", (printable(filter_name), "bold"), "  (Esc clears)"]
        self.update(Text.assemble(*parts, no_wrap=True, overflow="ellipsis"))


class PaneTabs(Static):
    """Which pane is showing, when only one fits: "1 Articles  2 Article  …"."""

    def show(self, labels: Sequence[str], active: int) -> None:
        """Mark the active pane among the labels."""
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, label in enumerate(labels):
            style = "reverse bold" if index == active else ""
            text.append(f" {index + 1} {label} ", style=style)
            text.append(" ")
        self.update(text)
