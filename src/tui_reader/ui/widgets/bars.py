"""One-line bars: the status line, the pane tabs shown on narrow terminals, and the keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from ...corpus.model import Corpus
from ...corpus.text import printable
from ...corpus.view import Filters, Kind
from ..glyphs import ELLIPSIS, LINUX_CONSOLE

NAME = "tui-reader"
BAR_WIDTH = 20
BAR_MIN = 8
"""A loading bar narrower than this is left out: it would show too little."""
_GAP = "  "
LABELS: dict[Kind, str] = {"entity": "entity", "search": "search", "period": "dates"}
"""How the status line names each kind of filter, where it differs from "unread"."""


def filter_labels(
    filters: Filters, corpus: Corpus, search: str, searching: bool
) -> list[tuple[str, str]]:
    """The filters in force as `status_text` shows them, oldest first: ("entity", "Amazon"),
    ("dates", "2022-04"), ("unread", "only"); `search` names the search, and one still
    `searching`, whose results are to come, is shown last."""

    def value(kind: Kind) -> str:
        if kind == "entity" and filters.entity:
            return corpus.entities[filters.entity].name
        if kind == "search":
            return search
        return filters.period or "" if kind == "period" else "only"

    labels = [(LABELS.get(kind, kind), value(kind)) for kind in filters.order]
    if searching and "search" not in filters.order:
        labels.append(("search", search))
    return labels


def status_text(
    shown: int,
    total: int,
    filters: Sequence[tuple[str, str]] = (),
    loading: tuple[int, int] | None = None,
    width: int = 0,
    problems: int = 0,
) -> Text:
    """How many articles are shown, and by which filters (each a kind and what it is, such
    as ("entity", "Christian Smalls")); while files are still loading (`loading` is files
    done and files found), how many, with a bar; (0, 0) while none has been found yet;
    and how many files and articles have `problems`, with the key that lists them.

    In `width` cells (0: any), the figures and the filters come first: "(Esc clears)" goes
    if they leave no room for it, then the bar narrows or goes, then the reader's name; what
    still does not fit is cut at the edge."""
    noun = "article" if total == 1 else "articles"
    count = (
        f"{total:,} {noun}" if shown == total and not filters else f"{shown:,} of {total:,} {noun}"
    )
    if problems:
        count += f"  ·  {problems:,} problem{'s' if problems != 1 else ''} (!)"
    done, files = loading or (0, 0)
    progress = ""
    if loading == (0, 0):
        progress = f"Looking for articles{ELLIPSIS}  "
    elif loading is not None:
        progress = f"Loading {done:,} / {files:,}  "
    shown_filters: list[str | tuple[str, str]] = []
    for kind, value in filters:
        shown_filters += [f"  ·  {kind}: ", (printable(value), "bold")]
    hint = "  (Esc clears)" if filters else ""

    room = width - len(progress) - len(count) - Text.assemble(*shown_filters).cell_len
    if width and room < len(hint):
        hint = ""
    room -= len(hint)
    cells = 0
    if files:
        cells = BAR_WIDTH if not width else min(BAR_WIDTH, room - len(_GAP))
        cells = cells if cells >= BAR_MIN else 0
        room -= cells + len(_GAP) if cells else 0
    parts: list[str | tuple[str, str]] = []
    if not width or room >= len(NAME) + len(_GAP):
        parts += [(NAME, "bold"), _GAP]
    parts.append(progress)
    if cells:
        filled = cells * done // files
        # Block characters: the Linux console's font has them, and they need no colour.
        parts += ["█" * filled + "░" * (cells - filled), _GAP]
    parts += [count, *shown_filters, hint]
    return Text.assemble(*parts)


FIRST_IN_FOOTER = ("help", "quit")
"""The keys the footer always shows: at 80 columns it has no room for all."""


def footer_order(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """The bindings with help and quit first, in the order the footer shows them."""
    first = [key for key, active in bindings.items() if active.binding.id in FIRST_IN_FOOTER]
    return {key: bindings[key] for key in [*first, *(k for k in bindings if k not in first)]}


class Key(NamedTuple):
    """A key as the key bar shows it."""

    key: str
    shown: str
    description: str
    enabled: bool


class KeyBar(Widget):
    """The keys of what has the focus, on one line at the foot of the screen, and the command
    palette's key at its right; a key that is clicked is pressed. It looks as Textual's
    footer does, but is one widget that is drawn again only when its keys change, where
    that one makes a widget of each key anew at every move of the focus: that was a fifth
    of the reader's start, and most of what Tab cost. A key that does not fit whole is left
    out."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keybar--key", "keybar--description", "keybar--hover", "keybar--edge",
    }  # fmt: skip
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keybar--hover {
            background: $block-hover-background;
        }
        & > .keybar--edge {
            color: $foreground 20%;
        }
    }
    """

    _keys: tuple[tuple[Key, ...], Key | None] = ((), None)
    """The keys shown, and the palette's."""
    _hover: str | None = None
    """The key under the mouse."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # Textual's footer too waits while the terminal has no focus: the keys then are
        # those of no widget, and come back with it.
        if not screen.app.app_focus:
            return
        active = screen.active_bindings
        keys: dict[str, Key] = {}
        for _, binding, enabled, _ in active.values():
            if binding.show and binding.action not in keys:  # one key for each action
                keys[binding.action] = self._key(binding, enabled)
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and (
            found := active.get(self.app.COMMAND_PALETTE_BINDING)
        ):
            _, binding, enabled, _ = found
            palette = self._key(binding, enabled)
        if (tuple(keys.values()), palette) != self._keys:
            self._keys = (tuple(keys.values()), palette)
            self.refresh()

    def _key(self, binding: Binding, enabled: bool) -> Key:
        return Key(binding.key, self.app.get_key_display(binding), binding.description, enabled)

    def _places(self) -> list[tuple[int, int, Key]]:
        """Where each key shown is: its first cell, the cell after it, and the key. The
        palette's ends a cell short of the edge, after a line."""
        keys, palette = self._keys
        width = self.size.width
        room = width - (cell_len(_label(palette, last=True)) + 2 if palette else 0)
        places: list[tuple[int, int, Key]] = []
        cell = 0
        for key in keys:
            end = cell + cell_len(_label(key))
            if end > room:
                break
            places.append((cell, end, key))
            cell = end
        if palette:
            places.append((room + 1, width - 1, palette))
        return places

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="crop")
        key_style = self.get_component_rich_style("keybar--key")
        words_style = self.get_component_rich_style("keybar--description")
        hover = self.get_component_rich_style("keybar--hover", partial=True)
        palette = self._keys[1]
        for start, _, key in self._places():
            if key is palette:
                line.append(" " * (start - 1 - line.cell_len))
                edge = "│" if LINUX_CONSOLE else "▏"
                line.append(edge, self.get_component_rich_style("keybar--edge", partial=True))
            dim = Style(dim=not key.enabled) + (hover if key.key == self._hover else Style())
            line.append(f" {key.shown} ", key_style + dim)
            line.append(key.description + ("" if key is palette else " "), words_style + dim)
        return line

    def _key_at(self, x: int) -> Key | None:
        return next((key for start, end, key in self._places() if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if (key.key if key else None) != self._hover:
            self._hover = key.key if key else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key and key.enabled:
            self.app.simulate_key(key.key)
        elif key:
            self.app.bell()


def _label(key: Key, last: bool = False) -> str:
    """A key as shown: the `last` has no space after it."""
    return f" {key.shown} {key.description}" + ("" if last else " ")


class _Bar(Static):
    """A one-line bar. What does not fit is cut at its edge: Textual takes no wrapping from
    a Rich Text, and wrapped, the end of the line (a search's words) went to a hidden
    second line."""

    def on_mount(self) -> None:
        self.styles.text_wrap = "nowrap"
        self.styles.text_overflow = "clip" if LINUX_CONSOLE else "ellipsis"  # the font has no …


class StatusBar(_Bar):
    """The corpus size and the active filter, or how far loading has got."""

    _shown: tuple[int, int, Sequence[tuple[str, str]], tuple[int, int] | None, int] = (
        0, 0, (), None, 0,
    )  # fmt: skip
    """What the bar shows, to fit again when its width changes."""

    def show(
        self,
        shown: int,
        total: int,
        filters: Sequence[tuple[str, str]] = (),
        loading: tuple[int, int] | None = None,
        problems: int = 0,
    ) -> None:
        """Show `status_text` of these, fitted to the bar's width."""
        self._shown = (shown, total, filters, loading, problems)
        text = status_text(shown, total, filters, loading, self.size.width, problems)
        self.update(text, layout=False)

    def on_resize(self) -> None:
        self.show(*self._shown)


class PositionBar(_Bar):
    """Where the article list's cursor is, as "12 / 10,000", at the right of the status line.

    The panes have no scrollbars: redrawing three of them on every key cost more than the
    rest of the key's work. This one short bar is all that changes instead.
    """

    def show(self, position: int, count: int) -> None:
        """The cursor is on row `position` (from 1) of `count`. The bar is as wide as the
        longest position of this count, so that the status line has the rest."""
        width = 2 * len(f"{count:,}") + 5  # "10,000 / 10,000" and the padding
        if self.styles.width is None or self.styles.width.value != width:
            self.styles.width = width  # rarely: only when the count gains a digit
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
