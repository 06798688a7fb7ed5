"""The four panes of the main screen, side by side or, on a narrow screen, one at a time:
the article list, the reading view, the entity sidebar and the timeline."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ...corpus.model import Article, Corpus, Event, TimelineEntry
from ...corpus.search import Query
from .lists import ArticleList, EntitySidebar, TimelineList
from .reader import ReadingView

PANES = ("articles", "reader", "entities", "timeline")


class Panes(Container):
    """The panes; `active` is the one with focus, or shown when one at a time is."""

    class Switched(Message):
        """Another pane is active: the titles of all, and which."""

        def __init__(self, titles: list[str], active: int) -> None:
            super().__init__()
            self.titles, self.active = titles, active

    active: reactive[int] = reactive(0, init=False, repaint=False)

    def compose(self) -> ComposeResult:
        yield ArticleList(id="articles")
        yield ReadingView(id="reader")
        yield EntitySidebar(id="entities")
        yield TimelineList(id="timeline")

    def on_mount(self) -> None:
        # Mark the first pane active before anything is hidden, so it can take focus.
        self.watch_active(self.active)

    def watch_active(self, active: int) -> None:
        panes = [self.query_one(f"#{name}") for name in PANES]
        for index, pane in enumerate(panes):
            pane.set_class(index == active, "active")
        self.post_message(self.Switched([str(pane.border_title) for pane in panes], active))

    def focus_pane(self, index: int) -> None:
        """Show and focus one pane."""
        self.active = index
        # Now, not after the next refresh as `focus()` would: a key that came with this one
        # goes to the pane.
        self.screen.set_focus(self.query_one(f"#{PANES[index]}", Widget))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id in PANES:
            self.active = PANES.index(event.widget.id)

    def show_filtered(
        self, articles: Sequence[Article], entries: Sequence[TimelineEntry], article_id: str | None
    ) -> None:
        """List these articles, with the cursor on this one, and these events."""
        self.query_one(ArticleList).show(articles, article_id)
        self.query_one(TimelineList).show(entries)

    def show_article(
        self,
        corpus: Corpus,
        article: Article | None,
        entity: str | None,
        target: Event | None,
        query: Query | None,
    ) -> None:
        """Read this article, marking this entity's mentions and the search's matches, and
        scrolled to `target`; list its entities, and mark its events."""
        self.query_one(ReadingView).show(article, corpus.entities, entity, target, query)
        rows = []
        if article is not None:
            entities = corpus.entities
            rows = [(entities[eid], count) for eid, count in article.entity_counts().items()]
            rows.sort(key=lambda row: (-row[1], row[0].name))
        self.query_one(EntitySidebar).show(rows)
        self.query_one(TimelineList).mark_article(article.id if article else None)

    def next_match(self, step: int) -> None:
        """Go to the next match of the search (`step` 1) or the one before (-1), in the
        next (or previous) article of the list when the one read has no more."""
        if not self.query_one(ReadingView).next_match(step):
            self.query_one(ArticleList).action_move(step)
