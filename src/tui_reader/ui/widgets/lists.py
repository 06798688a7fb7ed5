"""The article list, the timeline and the entity sidebar: three `RowList`s over the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message

from ...corpus.model import Article, Entity, TimelineEntry
from ...corpus.naming import distinct_names
from ...store.state import Marks
from ..glyphs import BOOKMARK, UNREAD, shorten
from .rows import RowList, source_label

ENTITY_CLASSES = {
    "person": "entity--person",
    "org": "entity--org",
    "place": "entity--place",
    "other": "entity--other",
}


LIST_MIN = 32
"""The fewest columns of text the article list gets."""
READER_MIN = 42
"""The columns the list always leaves the reading view (with the entity sidebar's)."""
SIDEBAR = 30
"""The entity sidebar's columns, as the CSS gives them."""
FRAME = 4
"""A pane's border and padding, in columns."""
WIDTH_STEP = 4


class ArticleList(RowList):
    """Every article of the (filtered) corpus: title, then date and source. Beside the
    other panes it is as wide as its titles, within reason, or as wide as asked."""

    ROW_HEIGHT = 2
    BORDER_TITLE = "Articles"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "choose", "Read", id="read")]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to an article; a newer one replaces it in the queue."""

        article_id: str

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleList.Highlighted)

    @dataclass
    class Chosen(Message):
        """Enter was pressed on an article."""

        article_id: str

    class MarksChanged(Message):
        """An article was marked read or unread, or bookmarked (to be remembered)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: Sequence[Article] = ()
        self.marks = Marks()
        """What was read and bookmarked: unread titles are bold and marked, bookmarks
        starred."""
        self.kept_unread: str | None = None
        """An article marked unread while it is shown, which showing it must not undo."""
        self.names: dict[str, str] = {}
        """Each file's name as the rows show it: enough of its path to tell it apart."""
        self.width_asked: int | None = None
        """The columns of text asked for with the keys (`resize`); None: as the titles need."""
        self._widest = 0

    def show(self, articles: Sequence[Article], current: str | None) -> None:
        """Show these articles, with the cursor on `current` if it is among them."""
        self.articles = articles
        if any(article.source not in self.names for article in articles):
            # More files than before (loading goes on): the names that tell them apart.
            self.names = distinct_names([*self.names, *(a.source for a in articles)])
        widest = max((len(article.title) for article in articles), default=0)
        if widest != self._widest:
            self._widest = widest
            self.refresh(layout=True)
        # The current article is most often near the top: look no further than it.
        at = next((index for index, article in enumerate(articles) if article.id == current), 0)
        self.set_row_count(len(articles), at)

    def move_to(self, article_id: str) -> None:
        """Put the cursor on this article, which the list shows."""
        self.show(self.articles, article_id)

    @property
    def current_id(self) -> str | None:
        """The article under the cursor. A key may have moved it ahead of the article the
        screen shows, its message on the way."""
        return self.articles[self.cursor].id if 0 <= self.cursor < len(self.articles) else None

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As many columns as the longest title, or as asked, leaving the others theirs."""
        most = max(LIST_MIN, self.screen.size.width - SIDEBAR - READER_MIN - FRAME)
        return max(LIST_MIN, min(self.width_asked or self._widest + 1, most))

    def resize(self, step: int) -> None:
        """Make the list wider (`step` 1) or narrower (-1), and keep it so."""
        self.ask_width(self.get_content_width(self.size, self.size) + step * WIDTH_STEP)
        self.ask_width(self.get_content_width(self.size, self.size))  # within bounds

    def ask_width(self, columns: int | None) -> None:
        """Give the list this many columns of text from now on (None: as its titles need)."""
        self.width_asked = columns
        self.refresh(layout=True)

    def row_lines(self, index: int, width: int) -> list[Text]:
        article = self.articles[index]
        date = article.published.isoformat() if article.published else "undated"
        source = source_label(article, self.names)
        read = article.id in self.marks.read
        star = BOOKMARK if article.id in self.marks.bookmarks else " "
        flags = f"{star}{' ' if read else UNREAD} "
        title = Text(article.title, style=Style(bold=not read))
        shorten(title, width, words=True)
        return [
            title,
            Text.assemble((f"{flags}{date} · ", self.muted()), (source, self.muted())),
        ]

    def mark_read(self, article_id: str) -> None:
        """Mark an article read (it was opened, or shown long enough to be read), unless it
        was marked unread while shown (`toggle_read`)."""
        if article_id != self.kept_unread and article_id not in self.marks.read:
            self.marks.read.add(article_id)
            self.refresh_article(article_id)
            self.post_message(self.MarksChanged())

    def toggle_read(self, article_id: str) -> None:
        """Mark an article unread, or read if it is unread; it stays as marked while shown
        (until `kept_unread` is cleared)."""
        if article_id in self.marks.read:
            self.marks.read.discard(article_id)
            self.kept_unread = article_id
        else:
            self.marks.read.add(article_id)
        self.refresh_article(article_id)
        self.post_message(self.MarksChanged())

    def toggle_bookmark(self, article_id: str) -> None:
        """Bookmark an article, or remove its bookmark, and say which."""
        self.marks.bookmarks ^= {article_id}
        self.refresh_article(article_id)
        self.post_message(self.MarksChanged())
        marked = article_id in self.marks.bookmarks
        self.notify("Bookmarked" if marked else "Bookmark removed", timeout=2, markup=False)

    def refresh_article(self, article_id: str) -> None:
        """Redraw an article's row: its marks changed."""
        for index, article in enumerate(self.articles):
            if article.id == article_id:
                self.refresh_lines(index * self.ROW_HEIGHT, self.ROW_HEIGHT)
                return

    def cursor_moved(self, index: int) -> None:
        # Straight to the screen, not bubbling up through the containers: it then shows the
        # article in the same frame as the cursor's move, not one frame (16 ms) later.
        self.screen.post_message(self.Highlighted(self.articles[index].id))

    def chosen(self, index: int) -> None:
        self.post_message(self.Chosen(self.articles[index].id))


class TimelineList(RowList):
    """Every dated event of the (filtered) corpus, in date order."""

    BORDER_TITLE = "Timeline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Open at event", id="open-event"),
        Binding(
            "d",
            "period",
            "Filter to the event's month (again: its year)",
            show=False,
            id="filter-dates",
        ),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = RowList.COMPONENT_CLASSES | {"timeline--current"}

    @dataclass
    class Chosen(Message):
        """Enter was pressed on an event."""

        entry: TimelineEntry

    @dataclass
    class PeriodChosen(Message):
        """The dates filter was asked for, on this event."""

        entry: TimelineEntry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: Sequence[TimelineEntry] = ()
        self.current_article: str | None = None

    def show(self, entries: Sequence[TimelineEntry]) -> None:
        """Show these events."""
        self.entries = entries
        self.set_row_count(len(entries), self.cursor)

    def mark_article(self, article_id: str | None) -> None:
        """Mark the events of the article being read: only the visible rows whose mark
        changes are drawn again."""
        old, self.current_article = self.current_article, article_id
        if old == article_id:
            return
        top = int(self.scroll_offset.y)
        for index in range(top, min(top + self.scrollable_content_region.height, self.row_count)):
            if self.entries[index].article in (old, article_id):
                self.refresh_lines(index, 1)

    def row_lines(self, index: int, width: int) -> list[Text]:
        entry = self.entries[index]
        event = entry.event
        current = entry.article == self.current_article
        marker = ("• ", self.get_component_rich_style("timeline--current", partial=True))
        return [
            Text.assemble(
                marker if current else "  ",
                (f"{event.date or '':<10} ", Style(bold=True)),
                (f"{event.expression:<20.20} ", self.muted()),
                event.text,
            )
        ]

    def chosen(self, index: int) -> None:
        self.post_message(self.Chosen(self.entries[index]))

    def action_period(self) -> None:
        if self.entries:
            self.post_message(self.PeriodChosen(self.entries[self.cursor]))


class EntitySidebar(RowList):
    """The entities of the article being read, with type and count."""

    BORDER_TITLE = "Entities"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Filter by entity", id="filter-entity")
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = RowList.COMPONENT_CLASSES | set(ENTITY_CLASSES.values())

    @dataclass
    class Chosen(Message):
        """Enter was pressed on an entity."""

        entity_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[tuple[Entity, int]] = ()

    def show(self, rows: Sequence[tuple[Entity, int]]) -> None:
        """Show these entities with their counts, keeping the cursor on the same entity."""
        current = self.rows[self.cursor][0].id if self.cursor < len(self.rows) else None
        ids = [entity.id for entity, _ in rows]
        self.rows = rows
        self.set_row_count(len(rows), ids.index(current) if current in ids else 0)

    def row_lines(self, index: int, width: int) -> list[Text]:
        entity, count = self.rows[index]
        style = self.get_component_rich_style(ENTITY_CLASSES[entity.type], partial=True)
        tail = f" {count:>2} {entity.type:<6}"
        name = Text(entity.name, style=style)
        shorten(name, max(1, width - len(tail)), pad=True)
        return [Text.assemble(name, (tail, self.muted()))]

    def chosen(self, index: int) -> None:
        self.post_message(self.Chosen(self.rows[index][0].id))
