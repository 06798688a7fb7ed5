"""The reading view: one cleaned article, wrapped once per width, drawn line by line."""

from __future__ import annotations

import time
from collections.abc import Mapping
from functools import partial
from typing import ClassVar, Literal

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.strip import Strip

from ...corpus.model import Article, Entity, Event
from ...corpus.search import Query
from ...corpus.text import sentence_at
from ..keys import NAVIGATION
from .lists import ENTITY_CLASSES
from .page import Marking, Matches, Page, article_blocks
from .rows import LineView, text_strip

MEASURE = 88
"""The widest a line of body text gets, for comfortable reading."""
LAYOUT_SLICE = 0.02
"""Seconds spent wrapping an article before the keys get a turn."""


class ReadingView(LineView, can_focus=True):
    """Shows the current article: title, byline, paragraphs with entities highlighted."""

    BORDER_TITLE = "Article"
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        "reader--heading",
        "reader--note",
        "reader--target",
        "reader--selected",
        "reader--match",
        *ENTITY_CLASSES.values(),
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *NAVIGATION,
        Binding("space", "page(1)", "Page down", show=False, id="space-page-down"),
        Binding("ctrl+d", "half(1)", "Half page down", show=False, id="half-page-down"),
        Binding("ctrl+u", "half(-1)", "Half page up", show=False, id="half-page-up"),
        Binding("r", "toggle_removed", "Removed text", id="toggle-removed"),
    ]
    DEFAULT_CSS = """
    ReadingView { overflow-x: hidden; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.entities: Mapping[str, Entity] = {}
        self.selected_entity: str | None = None
        self.target: Event | None = None
        self.search_query: Query | None = None
        """A search whose matches are marked; the view opens at the first."""
        self.show_removed = False
        self._lines: list[Text | None] = []
        """The wrapped lines, None for a blank one; drawn into strips only when shown."""
        self._strips: dict[int, Strip] = {}
        """The lines drawn so far, at the width they were drawn for."""
        self._laid_out_for: int | None = None
        self._page: Page | None = None
        self._to_end = False
        """Whether the view follows the end of an article still being laid out (End)."""
        self._place: Literal["end"] | tuple[int, int] | None = None
        """Where the view was when its width changed, to return to once wrapped again."""
        self._scroll_pending: tuple[int, int] | None = None
        """A paragraph and an offset in it to scroll to once the article is laid out (it
        may be hidden now)."""
        self._matches = Matches()
        """The matches of the query, and which of them the view was last taken to."""

    def show(
        self,
        article: Article | None,
        entities: Mapping[str, Entity],
        selected_entity: str | None,
        target: Event | None = None,
        query: Query | None = None,
    ) -> None:
        """Show an article; `target` is an event whose sentence is marked and scrolled to;
        the matches of `query` are marked, and the view opens at the first."""
        changed = article is not self.article or query != self.search_query
        self.article, self.entities = article, entities
        self.selected_entity, self.target, self.search_query = selected_entity, target, query
        self._matches = Matches(article, query)
        if changed:
            self._place, self._to_end = None, False
        if target is not None:
            paragraph = article.paragraphs[target.paragraph] if article else ""
            self._scroll_pending = target.paragraph, sentence_at(paragraph, target.offset)[0]
        elif changed and self._matches.places:
            self._scroll_pending = self._matches.places[0]
        elif changed:
            self._scroll_pending = None
            self.scroll_to(y=0, animate=False, immediate=True)
        self._relayout()

    def next_match(self, step: int) -> bool:
        """Scroll to the next match (`step` 1) or the one before (-1); False if there is
        none that way."""
        place = self._matches.step(step)
        if place is None:
            return False
        self.scroll_to(y=max(0, self._line_of(*place) - 2), animate=False)
        return True

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed
        self._relayout()

    def _relayout(self) -> None:
        """Lay the article out again: its content or its marks changed."""
        self._laid_out_for = None
        self._layout()

    @property
    def _laying_out(self) -> bool:
        """Whether some of the article is still to be laid out."""
        return self._page is not None and not self._page.complete

    def action_move(self, step: int) -> None:
        self._to_end = False
        self.scroll_to(y=self.scroll_offset.y + step, animate=False)

    def action_page(self, step: int) -> None:
        self._to_end = False
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + step * page, animate=False)

    def action_half(self, step: int) -> None:
        self._to_end = False
        half = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_offset.y + step * half, animate=False)

    def action_jump(self, index: int) -> None:
        """Jump to the top (0) or the bottom (-1)."""
        # Follow the end once all is laid out, or once the view is (shown at last, it may
        # not have been: "2G" typed at once on a screen too narrow for both panes).
        self._to_end = index != 0 and (self._laying_out or self._laid_out_for is None)
        self.scroll_to(y=0 if index == 0 else self.max_scroll_y, animate=False)

    def on_resize(self) -> None:
        """Wrap the article again for a new width, keeping the reader's place: the end if
        it was in view (or End was pressed), else the line at the top. Widths can change
        again before the view has scrolled to the place: the place is kept until it has."""
        if self.scrollable_content_region.width == self._laid_out_for:
            return
        if self._place is None:
            at_end = self._to_end or 0 < self.max_scroll_y <= self.scroll_offset.y
            self._place = "end" if at_end else self.top_position()
        self._layout()
        if self._scroll_pending is not None:  # a target or a match to go to comes first
            self._place = None
        elif self._place is not None:
            self._to_end = self._place == "end" and self._laying_out
            self.call_after_refresh(self._return_to_place)

    def _return_to_place(self) -> None:
        place, self._place = self._place, None
        if place == "end":
            self.scroll_end(animate=False, force=True)
        elif place is not None:
            self.scroll_to(y=self._line_of(*place), animate=False, force=True)

    def position_label(self) -> str | None:
        """How far down the article the view reaches, as `less` gives it: "42%"."""
        height = self.scrollable_content_region.height
        total = len(self._lines)
        if self._laying_out:  # the end is not known yet
            return None
        seen = min(total, int(self.scroll_offset.y) + height)
        return f"{100 * seen // total}%" if total > height > 0 else None

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, self.base_style)
        strip = self._strips.get(index)
        if strip is None or strip.cell_length != width:
            line = self._lines[index]
            strip = (
                Strip.blank(width, self.base_style)
                if line is None
                else text_strip(self.app.console, line, width, self.base_style)
            )
            self._strips[index] = strip
        return strip

    def top_position(self) -> tuple[int, int] | None:
        """The paragraph and offset of the first line in view, or None at the top: where
        to open the article again, whatever the width then."""
        top = int(self.scroll_offset.y)
        if top == 0 or self._page is None:
            return None
        return self._page.place_of(top)

    def scroll_to_position(self, paragraph: int, offset: int) -> None:
        """Scroll so that this paragraph's line holding `offset` is at the top: after the
        refresh, at the width the view then has (the list beside it may change its own)."""

        def scroll() -> None:
            self.scroll_to(y=self._line_of(paragraph, offset), animate=False, force=True)

        self.call_after_refresh(scroll)

    def _line_of(self, paragraph: int, offset: int) -> int:
        """The wrapped line that holds a paragraph's character at `offset` (laying the
        article out that far first, if it is not yet)."""
        if self._page is None:
            return 0
        if self._page.last_paragraph < paragraph:
            self._lay_out(through=paragraph)
        line = self._page.line_of(paragraph, offset)
        self._lay_out_below(line)
        return line

    def _lay_out_below(self, line: int) -> None:
        """Wrap a screenful below `line`, which the view is to scroll to: a scroll stops at
        the end of what is wrapped, and the refresh that scrolls can come before the next
        slice (on a busy machine)."""
        page = self._page
        if page is None or page.complete or len(page.lines) >= line + self.size.height:
            return
        page.lay_out(line + self.size.height)
        self.set_virtual_size(Size(page.measure + 1, len(page.lines)))

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _layout(self) -> None:
        """Wrap the article for the current width; kept until the width or content changes.

        A long article is wrapped a slice at a time, the first screenful at once and the
        rest between keys, so that a 2 MB article shows as soon as a short one does."""
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._laid_out_for:
            return
        self._laid_out_for = width
        self._to_end = False
        marking = Marking(
            self._style,
            self.entities,
            self.selected_entity,
            self.target,
            self.search_query,
            self.show_removed,
        )
        measure = max(10, min(MEASURE, width - 2))
        page = Page(self.app.console, measure, article_blocks(self.article, marking))
        self._page, self._lines, self._strips = page, page.lines, {}
        self._lay_out(through=self._scroll_pending[0] if self._scroll_pending else None)

    def _lay_out(self, through: int | None = None) -> None:
        """Wrap more of the article: at least through paragraph `through` and a screenful,
        then for up to `LAYOUT_SLICE` seconds; the rest later."""
        page = self._page
        if page is None or page.complete:
            return
        enough = len(page.lines) + 2 * self.size.height
        page.lay_out(enough, through, time.perf_counter() + LAYOUT_SLICE)
        if not page.complete:
            self.set_timer(0.001, partial(self._lay_out_later, page))
        self.set_virtual_size(Size(page.measure + 1, len(page.lines)))
        if self._to_end:  # End was pressed while the article was laid out: follow its end
            self._to_end = not page.complete
            self.call_after_refresh(self.scroll_end, animate=False, force=True)
        pending, self._scroll_pending = self._scroll_pending, None
        if pending is not None:
            line = self._line_of(*pending)
            # After the refresh, when the new virtual size bounds the scroll.
            self.call_after_refresh(self.scroll_to, y=max(0, line - 2), animate=False, force=True)
        self.show_position()
        self.refresh()

    def _lay_out_later(self, page: Page) -> None:
        if page is self._page:  # not an article, or a width, since replaced
            self._lay_out()
