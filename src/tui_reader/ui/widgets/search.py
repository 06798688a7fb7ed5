"""The search box: text typed in it is the query; its own keys keep or cancel the search."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBox(Input):
    """A one-line search box. Enter submits (the results are kept); Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "submit", "Keep the results, back to the list", show=False, id="search-keep"
        ),
        Binding("escape", "cancel", "Cancel the search", show=False, id="search-cancel"),
    ]

    class Cancelled(Message):
        """Esc was pressed in the box."""

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
