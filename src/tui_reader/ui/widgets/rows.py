"""A keyboard list that renders only its visible rows (Textual's Line API).

The article list, the timeline and the entity sidebar are all `RowList`s: they say how many
rows there are and how to draw one, and the base class does the cursor, the scrolling and
the keys. Cost per keypress does not grow with the number of rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ...corpus.model import Article
from ...corpus.text import printable
from ..glyphs import shorten
from ..keys import NAVIGATION


def source_label(article: Article, names: Mapping[str, str] | None = None) -> str:
    """Where an article comes from, as panes show it: its site or feed, by its own name; or
    else its file (by its name in `names`, if it has one there), and its record in an
    export."""
    if article.site:
        return printable(article.site)
    name = (names or {}).get(article.source) or PurePath(article.source).name
    name = printable(name)  # a file's name is untrusted text too
    return f"{name} #{article.record}" if article.record is not None else name


def text_strip(console: Console, text: Text, width: int, style: Style) -> Strip:
    """One line of text as a strip exactly `width` cells wide, on `style`."""
    if text.cell_len > width:  # too long: cut it with an ellipsis (on a copy)
        text = text.copy()
        text.no_wrap = True
        shorten(text, width)
    # `render` gives the spans' styles only: the text's own style goes under them.
    if text.style:
        style = style + console.get_style(text.style)
    segments = [
        Segment(s.text, style + s.style if isinstance(s.style, Style) else style)
        for s in text.render(console)
    ]
    padding = width - text.cell_len if text.cell_len < width else 0
    if padding:
        segments.append(Segment(" " * padding, style))
    return Strip(segments, width)


class LineView(ScrollView):
    """A scroll view that draws its own lines (the Line API), cheaply enough to redraw a
    pane on every keypress."""

    _base_style: Style | None = None

    @property
    def base_style(self) -> Style:
        """`rich_style`, kept until the styles change: working it out walks every ancestor,
        and each line drawn needs it."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def notify_style_update(self) -> None:
        self._base_style = None
        super().notify_style_update()

    def set_virtual_size(self, size: Size) -> None:
        """Change what the view scrolls over without laying out the screen again.

        Assigning `virtual_size` asks for a layout, and a layout redraws the whole screen: 20
        KB or more per keypress over SSH. The size only changes the view's scrollbars, so
        update those and redraw the view alone.
        """
        if self.virtual_size != size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)  # the scrollbars' sizes and visibility
            self.refresh()
        # The position can change with the size the same: an article's last slice laid out
        # may add no line, and only then is its end known ("100%").
        self.show_position()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.show_position()

    def show_position(self) -> None:
        """Put `position_label` in the bottom border. The panes have no scrollbars: redrawing
        them cost each key more than everything else it changed (see the CSS)."""
        label = self.position_label()
        if label != self.border_subtitle:
            self.border_subtitle = label

    def position_label(self) -> str | None:
        """Arrows where there is more to scroll to, above (▲) or below (▼); the Linux
        console's font has both."""
        y = self.scroll_offset.y
        return ("▲" if y > 0 else "") + ("▼" if y < self.max_scroll_y else "") or None


class RowList(LineView, can_focus=True):
    """A scrolling list of fixed-height rows with a cursor."""

    ROW_HEIGHT: ClassVar[int] = 1
    COMPONENT_CLASSES: ClassVar[set[str]] = {"rowlist--cursor", "rowlist--muted"}
    BINDINGS: ClassVar[list[BindingType]] = [
        *NAVIGATION,
        Binding("ctrl+d", "page(1)", "Page down", show=False, id="half-page-down"),
        Binding("ctrl+u", "page(-1)", "Page up", show=False, id="half-page-up"),
    ]
    DEFAULT_CSS = """
    RowList { overflow-x: hidden; }
    """

    cursor: reactive[int] = reactive(0, init=False, repaint=False)  # watch_cursor redraws two rows

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._count = 0

    @property
    def row_count(self) -> int:
        """How many rows the list has."""
        return self._count

    def set_row_count(self, count: int, cursor: int = 0) -> None:
        """Replace the rows: the subclass's data has changed."""
        self._count = count
        self._fit_virtual_size()
        self.set_reactive(RowList.cursor, max(0, min(cursor, count - 1)))
        self._scroll_cursor_into_view()
        self.refresh()

    def row_lines(self, index: int, width: int) -> list[Text]:
        """The lines of one row; subclasses draw their data here."""
        raise NotImplementedError

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, line = divmod(y + int(self.scroll_offset.y), self.ROW_HEIGHT)
        base = self.base_style
        if index >= self._count:
            return Strip.blank(width, base)
        if index == self.cursor:
            base = base + self.get_component_rich_style("rowlist--cursor")
        return text_strip(self.app.console, self.row_lines(index, width)[line], width, base)

    def muted(self) -> Style:
        """The style of secondary text in a row."""
        return self.get_component_rich_style("rowlist--muted")

    def watch_cursor(self, old: int, new: int) -> None:
        self.cursor_moved(new)  # first, so what it posts is handled before the redraw
        for index in (old, new):
            self.refresh_lines(index * self.ROW_HEIGHT, self.ROW_HEIGHT)
        self._scroll_cursor_into_view()

    def _scroll_cursor_into_view(self) -> None:
        """Keep the cursor's row in view. Past an edge the list turns a page, as mutt's does,
        keeping the row it came from in sight: scrolling a row at a time would redraw every
        row on every key, and over SSH that is the list's kilobytes each time."""
        row = self.ROW_HEIGHT
        top = self.cursor * row
        height = max(row, self.scrollable_content_region.height)
        context = row if height >= 3 * row else 0
        if top < self.scroll_offset.y:
            self.scroll_to(y=max(0, top + row + context - height), animate=False, immediate=True)
        elif top + row > self.scroll_offset.y + height:
            self.scroll_to(y=top - context, animate=False, immediate=True)

    def _fit_virtual_size(self) -> None:
        self.set_virtual_size(Size(self.size.width, self._count * self.ROW_HEIGHT))

    def on_resize(self) -> None:
        self._fit_virtual_size()
        self._scroll_cursor_into_view()

    def cursor_moved(self, index: int) -> None:
        """Called when the cursor lands on a row; subclasses post their message."""

    def chosen(self, index: int) -> None:
        """Called when Enter is pressed on a row; subclasses post their message."""

    def action_move(self, step: int) -> None:
        if self._count:
            self.cursor = max(0, min(self.cursor + step, self._count - 1))

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // self.ROW_HEIGHT - 1)
        self.action_move(direction * rows)

    def action_jump(self, index: int) -> None:
        if self._count:
            self.cursor = index % self._count

    def action_choose(self) -> None:
        if self._count:
            self.chosen(self.cursor)

    def on_click(self, event: events.Click) -> None:
        inside = event.get_content_offset(self)  # None on the border
        if inside is None:
            return
        index = (inside.y + int(self.scroll_offset.y)) // self.ROW_HEIGHT
        if 0 <= index < self._count:
            if index == self.cursor:
                self.chosen(index)
            self.cursor = index
