"""The help screen: every key, by where it acts, from the declarations the bindings use."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpView(VerticalScroll):
    """The list of keys, scrolled with the reader's own keys too."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]


class HelpScreen(ModalScreen[None]):
    """Every command with its keys. Esc, or a help key again, closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "dismiss", "Close the help", id="close-help"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpView {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: solid $accent; border-title-color: $accent; background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """`sections` holds each section's title, and its commands' keys and descriptions."""
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        view = HelpView()
        view.border_title = "Keys"
        view.border_subtitle = "Esc closes"
        with view:
            yield Static(self._table())

    def _table(self) -> Table:
        # Text objects throughout: nothing here is markup, not even a key's name.
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column()
        for number, (title, commands) in enumerate(self.sections):
            if number:
                table.add_row()
            table.add_row(Text(title, style="bold"))
            for keys, description in commands:
                table.add_row(Text(keys, style="bold"), Text(description))
        return table

    def on_mount(self) -> None:
        self.query_one(HelpView).focus()
