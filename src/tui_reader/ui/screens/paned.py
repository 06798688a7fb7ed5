"""The frame of the main screen: the status line, the search box, the pane tabs and the four
panes, side by side or, on a narrow screen, one at a time; and the actions that move the
focus among them. What the panes show is the main screen's (`main.py`)."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import Horizontal
from textual.screen import Screen

from ..widgets.bars import KeyBar, PaneTabs, PositionBar, StatusBar, footer_order
from ..widgets.lists import ArticleList
from ..widgets.panes import PANES, Panes
from ..widgets.search import SearchBox

NARROW_WIDTH = 100
"""Below this many columns the panes become tabs, one shown at a time."""


class PanedScreen(Screen[None]):
    """The bars, the search box and the panes, and going from one to another: to a pane,
    into the search box and out of it. The keys for these are the main screen's
    (`keys.MAIN`), declared with the rest of its own."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield StatusBar(id="status")
            yield PositionBar(id="position")
        yield SearchBox(
            placeholder="Search titles and bodies  (Enter keeps, Esc cancels)", id="search"
        )
        yield PaneTabs(id="tabs")
        yield Panes(id="panes")
        yield KeyBar()

    @property
    def panes(self) -> Panes:
        return self.query_one(Panes)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one(SearchBox)

    @on(Panes.Switched)
    def _pane_switched(self, message: Panes.Switched) -> None:
        self.query_one(PaneTabs).show(message.titles, message.active)

    def action_pane(self, index: int) -> None:
        """Show and focus one pane."""
        self.panes.focus_pane(index)

    def action_cycle_pane(self, step: int) -> None:
        self.action_pane((self.panes.active + step) % len(PANES))

    def action_list_width(self, step: int) -> None:
        """Make the article list wider (1) or narrower (-1); it stays so next time."""
        self.query_one(ArticleList).resize(step)

    def action_search(self) -> None:
        """Open the search box, with the current search in it."""
        self.search_box.open()

    def action_keep_search(self) -> None:
        """Close the search box, keeping its results (Enter in the box)."""
        self.search_box.remove_class("open")
        self.action_pane(PANES.index("articles"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the search box, digits are text.
        return action != "pane" or not isinstance(self.focused, SearchBox)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's, with help and quit first: the footer cuts what does not fit."""
        return footer_order(super().active_bindings)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "narrow")
