"""The main screen: owns the reading state (one `Filters` among it) and binds it into the
four panes of its frame (`paned.py`). Search, links and export live in modules of their
own."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.binding import BindingType
from textual.message import Message
from textual.reactive import reactive

from ...corpus.model import Article, Corpus, Event
from ...corpus.text import printable
from ...corpus.view import Filters, Kind
from ...store.index import SearchIndex
from ...store.state import Marks
from .. import export, links
from ..keys import MAIN
from ..widgets.bars import PositionBar, StatusBar, filter_labels
from ..widgets.lists import ArticleList, EntitySidebar, TimelineList
from ..widgets.panes import PANES
from ..widgets.reader import ReadingView
from ..widgets.search import SearchBox, View
from .paned import PanedScreen
from .problems import show_problems


class MainScreen(PanedScreen):
    """Article list, reading view, entity sidebar and timeline over one corpus."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN

    class ArticleShown(Message):
        """The article being read changed (to be remembered)."""

        def __init__(self, article_id: str | None) -> None:
            super().__init__()
            self.article_id = article_id

    # The watchers redraw what changes; a repaint of the screen would redraw all of it.
    article_id: reactive[str | None] = reactive(None, init=False, repaint=False)

    def __init__(self, corpus: Corpus, load_progress: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.load_progress = load_progress
        """Files loaded and found, while a corpus is still loading."""
        self.filters = Filters()
        """What the panes show of the corpus; its hidden ids are those read, when set."""
        self.marks = Marks()
        """What was read and bookmarked in this corpus (`use_marks`)."""
        self.reported: list[str] = []
        """Problems met while reading (a worker that failed, a file not written)."""
        self._restore_top: tuple[int, int] | None = None
        """Where to scroll the article once a restored search is done."""

    def on_mount(self) -> None:
        self.query_one(ArticleList).marks = self.marks
        self._apply_filter()
        self.query_one(ArticleList).focus()

    # --- what the app hands in -----------------------------------------------------------

    def show_corpus(self, corpus: Corpus) -> None:
        """Show a newer corpus (more of it loaded), staying on the article being read."""
        self.corpus = corpus
        if self.filters.entity not in corpus.entities:
            self.filters = self.filters.without("entity")
        self._apply_filter()
        self.search_box.search()  # the new articles may match too

    def show_loading(self, loading: tuple[int, int] | None) -> None:
        """Say how many files of how many have loaded; None when all have."""
        self.load_progress = loading
        self._show_status()

    def use_index(self, index: SearchIndex, complete: bool) -> None:
        """Search with this index from now on; once it is `complete`, search again."""
        self.search_box.use_index(index, complete)

    def use_marks(self, marks: Marks) -> None:
        """Show and keep read marks and bookmarks in these (the app saves them)."""
        self.marks = marks
        if self.is_mounted:
            articles = self.query_one(ArticleList)
            articles.marks = marks
            articles.refresh()

    def report(self, title: str, error: str) -> None:
        """Add a problem met while reading to the count and the list (`!`)."""
        line = printable(f"{title}: {error}")
        if line not in self.reported:  # a search failing as each key is typed is one
            self.reported.append(line)
        self._show_status()
        self.notify(f"{error} (! lists the problems)", title=title)

    def visible_articles(self) -> Sequence[Article]:
        """The articles the filters let through, in corpus order."""
        return self.query_one(ArticleList).articles

    # --- read marks and bookmarks --------------------------------------------------------

    def mark_read(self, article_id: str) -> None:
        """Mark an article read: it was opened, or shown long enough to be read."""
        self.query_one(ArticleList).mark_read(article_id)

    def action_toggle_read(self) -> None:
        """Mark the article unread, or read if it is unread; it stays as marked while shown."""
        if self.article_id is not None:
            self.query_one(ArticleList).toggle_read(self.article_id)

    def action_toggle_bookmark(self) -> None:
        if self.article_id is not None:
            self.query_one(ArticleList).toggle_bookmark(self.article_id)

    # --- filters -------------------------------------------------------------------------

    def filter_by_entity(self, entity_id: str) -> None:
        """Show only the articles that name this entity, and mark its mentions."""
        self.set_filters(self.filters.with_entity(entity_id))
        name = self.corpus.entities[entity_id].name
        count = len(self.visible_articles())
        self.notify(f"{count} article(s) name {name}", timeout=3, markup=False)

    def set_filters(self, filters: Filters, view: View | None = None) -> None:
        """Show what these filters let through: `view` when a search worked it out
        already, as it does in its thread (at 100,000 articles that takes a while)."""
        self.filters = filters
        self._apply_filter(view)

    def _apply_filter(self, view: View | None = None) -> None:
        if view is None and self.filters.exclude_ids is not None:  # as read now
            self.filters = replace(self.filters, exclude_ids=frozenset(self.marks.read))
        articles, entries = view or self.corpus.filtered(self.filters)
        # The list's cursor first: a key that just moved it must not be undone.
        shown = [self.query_one(ArticleList).current_id, self.article_id]
        current = next((a for a in shown if self.corpus.shows(self.filters, a)), None)
        self.set_reactive(MainScreen.article_id, current or (articles[0].id if articles else None))
        self.panes.show_filtered(articles, entries, self.article_id)
        self.search_box.basis = (self.corpus, self.filters)
        self._show_status()
        self._show_article()

    def action_clear_filter(self) -> None:
        """Clear the newest filter."""
        if self.filters.newest is not None:
            self.clear_filter(self.filters.newest)

    def clear_filter(self, kind: Kind) -> None:
        """Clear one filter, whichever it is."""
        if kind == "search":
            self.cancel_search()
        else:
            self.set_filters(self.filters.without(kind))

    def action_toggle_unread_only(self) -> None:
        """Show only the unread articles, or all again."""
        hidden = None if self.filters.exclude_ids is not None else frozenset(self.marks.read)
        self.set_filters(self.filters.with_hidden(hidden))

    @on(TimelineList.PeriodChosen)
    def _period_chosen(self, message: TimelineList.PeriodChosen) -> None:
        self.set_filters(self.filters.with_period_of(message.entry.event.date or ""))

    # --- the view saved and restored -----------------------------------------------------

    def scroll_article(self, top: tuple[int, int], after_search: bool = False) -> None:
        """Scroll the article to this line (`ReadingView.top_position`), now or once the
        search being restored is done, which may change the article shown."""
        self._restore_top = top
        if not after_search:
            self._scroll_restored()

    def _scroll_restored(self) -> None:
        top, self._restore_top = self._restore_top, None
        if top is not None:
            self.query_one(ReadingView).scroll_to_position(*top)

    # --- search --------------------------------------------------------------------------

    @on(SearchBox.Found)
    def _found(self, found: SearchBox.Found) -> None:
        self._show_search(found.hits, found.view, found.complete)

    @on(SearchBox.Slow)
    def _search_slow(self) -> None:
        self._show_status()

    def _show_search(
        self, hits: AbstractSet[str] | None, view: View | None = None, complete: bool = True
    ) -> None:
        self.search_box.searched(complete)
        self.set_filters(self.filters.with_hits(hits), view)
        self._scroll_restored()

    def action_cancel_search(self) -> None:
        """Close the search box and drop its search (Esc in the box)."""
        self.cancel_search()
        self.action_keep_search()

    def cancel_search(self) -> None:
        """Drop the search."""
        self.search_box.clear()
        self._show_search(None)

    def action_next_match(self, step: int) -> None:
        """The next match of the search (or the one before), in the next matching article
        when this one has no more."""
        if self.search_box.search_query is not None:
            self.panes.next_match(step)

    # --- the article shown ---------------------------------------------------------------

    def watch_article_id(self) -> None:
        self.query_one(ArticleList).kept_unread = None
        self._show_article()

    def open_article(self, article_id: str) -> None:
        """Show this article, clearing the filters if they hide it."""
        while self.filters.newest and not self.corpus.shows(self.filters, article_id):
            self.action_clear_filter()
        self.go_to(article_id)

    def go_to(self, article_id: str) -> None:
        """Show this article, with the list's cursor on it, if the filters let it through."""
        if article_id != self.article_id and self.corpus.shows(self.filters, article_id):
            # The cursor first: showing the article puts the cursor's place in the status line.
            self.query_one(ArticleList).move_to(article_id)
            self.article_id = article_id

    def _show_status(self) -> None:
        search = self.search_box
        filters = filter_labels(self.filters, self.corpus, search.label(), search.slow)
        problems = self.corpus.problem_count() + len(self.reported)
        total = len(self.corpus.articles)
        status = self.query_one(StatusBar)
        status.show(len(self.visible_articles()), total, filters, self.load_progress, problems)

    def _show_article(self, target: Event | None = None) -> None:
        article, entity = self._article(), self.filters.entity
        query = self.search_box.search_query
        self.panes.show_article(self.corpus, article, entity, target, query)
        articles = self.query_one(ArticleList)
        self.query_one(PositionBar).show(articles.cursor + 1, articles.row_count)
        self.post_message(self.ArticleShown(self.article_id))  # however it came to be shown

    # --- messages from the panes -------------------------------------------------------

    @on(ArticleList.Highlighted)
    def _article_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.article_id = message.article_id

    @on(ArticleList.Chosen)
    def _article_chosen(self, message: ArticleList.Chosen) -> None:
        self.mark_read(message.article_id)
        self.action_pane(PANES.index("reader"))

    @on(TimelineList.Chosen)
    def _event_chosen(self, message: TimelineList.Chosen) -> None:
        self.set_reactive(MainScreen.article_id, message.entry.article)
        self.query_one(ArticleList).move_to(message.entry.article)
        self._show_article(target=message.entry.event)
        self.action_pane(PANES.index("reader"))

    @on(EntitySidebar.Chosen)
    def _entity_chosen(self, message: EntitySidebar.Chosen) -> None:
        self.filter_by_entity(message.entity_id)

    # --- actions -----------------------------------------------------------------------

    def _article(self) -> Article | None:
        return self.corpus.article(self.article_id) if self.article_id else None

    def action_copy_link(self) -> None:
        links.copy_link(self.app, self._article())

    def action_copy_a_link(self) -> None:
        links.copy_a_link(self.app, self._article())

    def action_open_link(self) -> None:
        links.open_link(self.app, self._article())

    def action_export(self) -> None:
        """Export what the pane with focus shows, to a file named in a prompt."""
        pane = PANES[self.panes.active]
        kind = pane if pane in ("timeline", "entities") else "article"
        entries = self.query_one(TimelineList).entries
        what = export.Export(kind, self.corpus, self._article(), entries)
        export.ask(self.app, what, self.report)

    def action_problems(self) -> None:
        """List the problems; the article chosen among them opens."""
        show_problems(self.app, self.corpus, self.reported, self.open_article)
