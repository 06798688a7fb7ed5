"""The main screen: owns the reading state and binds it into the four panes."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ...corpus.model import Article, Corpus, Event
from ..widgets.bars import PaneTabs, PositionBar, StatusBar
from ..widgets.lists import ArticleList, EntitySidebar, TimelineList
from ..widgets.reader import ReadingView

NARROW_WIDTH = 100
"""Below this many columns the panes become tabs, one shown at a time."""
PANES = ("articles", "reader", "entities", "timeline")


class MainScreen(Screen[None]):
    """Article list, reading view, entity sidebar and timeline over one corpus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "cycle_pane(1)", "Next pane", id="next-pane"),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="previous-pane"),
        Binding("1", "pane(0)", "Articles", show=False, id="pane-articles"),
        Binding("2", "pane(1)", "Article", show=False, id="pane-reader"),
        Binding("3", "pane(2)", "Entities", show=False, id="pane-entities"),
        Binding("4", "pane(3)", "Timeline", show=False, id="pane-timeline"),
        Binding("escape", "clear_filter", "Clear filter", id="clear-filter"),
    ]

    # The watchers redraw what changes; a repaint of the screen would redraw all of it.
    article_id: reactive[str | None] = reactive(None, init=False, repaint=False)
    entity_filter: reactive[str | None] = reactive(None, init=False, repaint=False)
    active_pane: reactive[int] = reactive(0, init=False, repaint=False)

    def __init__(self, corpus: Corpus, load_progress: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.load_progress = load_progress
        """Files loaded and found, while a corpus is still loading."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield StatusBar(id="status")
            yield PositionBar(id="position")
        yield PaneTabs(id="tabs")
        with Container(id="panes"):
            yield ArticleList(id="articles")
            yield ReadingView(id="reader")
            yield EntitySidebar(id="entities")
            yield TimelineList(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self._apply_filter()
        # Mark the first pane active before anything is hidden, so it can take focus.
        self.watch_active_pane(self.active_pane)
        self.query_one(ArticleList).focus()

    # --- state -----------------------------------------------------------------------

    def show_corpus(self, corpus: Corpus) -> None:
        """Show a newer corpus (more of it loaded), staying on the article being read."""
        self.corpus = corpus
        if self.entity_filter not in corpus.entities:
            self.set_reactive(MainScreen.entity_filter, None)
        self._apply_filter()

    def show_loading(self, loading: tuple[int, int] | None) -> None:
        """Say how many files of how many have loaded; None when all have."""
        self.load_progress = loading
        self._show_status()

    def visible_articles(self) -> list[Article]:
        """The articles the current filter lets through, in corpus order."""
        if self.entity_filter is None:
            return self.corpus.articles
        return self.corpus.articles_naming(self.entity_filter)

    def watch_article_id(self) -> None:
        self._show_article()

    def watch_entity_filter(self) -> None:
        self._apply_filter()

    def watch_active_pane(self, active: int) -> None:
        panes = [self.query_one(f"#{name}") for name in PANES]
        for index, pane in enumerate(panes):
            pane.set_class(index == active, "active")
        self.query_one(PaneTabs).show([str(pane.border_title) for pane in panes], active)

    def _apply_filter(self) -> None:
        articles = self.visible_articles()
        ids = {article.id for article in articles}
        if self.article_id not in ids:
            self.set_reactive(MainScreen.article_id, articles[0].id if articles else None)
        self.query_one(ArticleList).show(articles, self.article_id)
        entries = [entry for entry in self.corpus.timeline if entry.article in ids]
        self.query_one(TimelineList).show(entries)
        self._show_status()
        self._show_article()

    def _show_status(self) -> None:
        name = self.corpus.entities[self.entity_filter].name if self.entity_filter else None
        shown = len(self.visible_articles())
        self.query_one(StatusBar).show(shown, len(self.corpus.articles), name, self.load_progress)

    def _show_article(self, target: Event | None = None) -> None:
        article = self.corpus.article(self.article_id) if self.article_id else None
        reader = self.query_one(ReadingView)
        reader.show(article, self.corpus.entities, self.entity_filter, target)
        rows = []
        if article is not None:
            entities = self.corpus.entities
            rows = [(entities[eid], count) for eid, count in article.entity_counts().items()]
            rows.sort(key=lambda row: (-row[1], row[0].name))
        self.query_one(EntitySidebar).show(rows)
        self.query_one(TimelineList).mark_article(self.article_id)
        articles = self.query_one(ArticleList)
        self.query_one(PositionBar).show(articles.cursor + 1, articles.row_count)

    # --- messages from the panes -------------------------------------------------------

    @on(ArticleList.Highlighted)
    def _article_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.article_id = message.article_id

    @on(ArticleList.Chosen)
    def _article_chosen(self) -> None:
        self.action_pane(PANES.index("reader"))

    @on(TimelineList.Chosen)
    def _event_chosen(self, message: TimelineList.Chosen) -> None:
        self.set_reactive(MainScreen.article_id, message.entry.article)
        self.query_one(ArticleList).show(self.visible_articles(), self.article_id)
        self._show_article(target=message.entry.event)
        self.action_pane(PANES.index("reader"))

    @on(EntitySidebar.Chosen)
    def _entity_chosen(self, message: EntitySidebar.Chosen) -> None:
        self.entity_filter = message.entity_id
        self.notify(
            f"{len(self.visible_articles())} article(s) name "
            f"{self.corpus.entities[message.entity_id].name}",
            timeout=3,
            markup=False,
        )

    # --- actions -----------------------------------------------------------------------

    def action_clear_filter(self) -> None:
        self.entity_filter = None

    def action_pane(self, index: int) -> None:
        """Show and focus one pane."""
        self.active_pane = index
        pane = self.query_one(f"#{PANES[index]}", Widget)
        self.call_after_refresh(pane.focus)

    def action_cycle_pane(self, step: int) -> None:
        self.action_pane((self.active_pane + step) % len(PANES))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id in PANES:
            self.active_pane = PANES.index(event.widget.id)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "narrow")
