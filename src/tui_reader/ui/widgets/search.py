"""The search box: text typed in it is the query; its own keys keep or cancel the search."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class SearchBox(Input):
    """A one-line search box. Enter keeps the results; Esc cancels.

    Both are priority bindings that run the screen's action at once: keys that arrive
    together over a slow link ("Enter" then "2") are otherwise all queued for the box before
    the first has moved the focus, and the "2" is typed into the search."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.keep_search",
            "Keep the results, back to the list",
            show=False,
            id="search-keep",
            priority=True,
        ),
        Binding(
            "escape",
            "screen.cancel_search",
            "Cancel the search",
            show=False,
            id="search-cancel",
            priority=True,
        ),
    ]
