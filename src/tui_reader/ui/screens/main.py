"""The main screen: owns the reading state and binds it into the four panes."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Container, Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from ...corpus.export import (
    EXPORTS,
    article_markdown,
    article_text,
    entity_rows,
    rows_as,
    timeline_rows,
)
from ...corpus.model import Article, Corpus, Event, TimelineEntry
from ...corpus.search import Query, SearchIndex
from ...corpus.text import links_in, printable, safe_url, slug
from ...state import Marks, write_atomically
from ..glyphs import ELLIPSIS
from ..widgets.bars import PaneTabs, PositionBar, StatusBar, footer_order
from ..widgets.lists import ArticleList, EntitySidebar, TimelineList
from ..widgets.reader import ReadingView
from ..widgets.search import SearchBox
from .choose import ChooseScreen
from .problems import ProblemsScreen, problem_lines
from .prompt import PromptScreen


def local_browser() -> bool:
    """Whether a browser opened from here would show on the user's screen."""
    if any(name in os.environ for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")):
        return False
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


Filtering = tuple[str | None, str | None, set[str] | None]
"""The filters but the search: an entity, a period, the articles hidden (`_filtering`)."""
View = tuple[Sequence[Article], Sequence[TimelineEntry]]
"""The articles and the events the filters let through."""


def _filtered(corpus: Corpus, filtering: Filtering, hits: AbstractSet[str] | None) -> View:
    entity, period, hidden = filtering
    return corpus.filtered(entity, hits, period, hidden)


NARROW_WIDTH = 100
"""Below this many columns the panes become tabs, one shown at a time."""
PANES = ("articles", "reader", "entities", "timeline")
SEARCHING_AFTER = 0.3
"""Seconds a search runs before the status line says it is searching: most are done
sooner, and the line would flicker on every key typed."""


class MainScreen(Screen[None]):
    """Article list, reading view, entity sidebar and timeline over one corpus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority bindings, run as the key arrives, before the keys typed after it are
        # handed to the widget with focus: after "2G" the G must go to the article.
        Binding("tab", "cycle_pane(1)", "Next pane", id="next-pane", priority=True),
        Binding(
            "shift+tab",
            "cycle_pane(-1)",
            "Previous pane",
            show=False,
            id="previous-pane",
            priority=True,
        ),
        Binding("1", "pane(0)", "Article list pane", show=False, id="pane-articles", priority=True),
        Binding("2", "pane(1)", "Article pane", show=False, id="pane-reader", priority=True),
        Binding("3", "pane(2)", "Entities pane", show=False, id="pane-entities", priority=True),
        Binding("4", "pane(3)", "Timeline pane", show=False, id="pane-timeline", priority=True),
        # The keys typed after it must go to the box it opens.
        Binding("slash", "search", "Search", id="search", priority=True),
        Binding("n", "next_match(1)", "Next search match", show=False, id="next-match"),
        Binding("N", "next_match(-1)", "Previous search match", show=False, id="previous-match"),
        Binding("b", "toggle_bookmark", "Bookmark", show=False, id="bookmark"),
        Binding("U", "toggle_unread_only", "Unread articles only", show=False, id="unread-only"),
        Binding("u", "toggle_read", "Mark unread (or read)", show=False, id="toggle-read"),
        Binding("y", "copy_link", "Copy the article's link", show=False, id="copy-link"),
        Binding("Y", "copy_a_link", "Copy a link from the article", show=False, id="copy-a-link"),
        Binding("o", "open_link", "Open the link in a browser", show=False, id="open-link"),
        Binding("e", "export", "Export", show=False, id="export"),
        Binding("exclamation_mark", "problems", "Problems", show=False, id="problems"),
        Binding("escape", "clear_filter", "Clear filter", id="clear-filter"),
        Binding(
            "less_than_sign", "list_width(-1)", "Narrower list", show=False, id="list-narrower"
        ),
        Binding("greater_than_sign", "list_width(1)", "Wider list", show=False, id="list-wider"),
    ]

    class ArticleShown(Message):
        """The article being read changed (to be remembered)."""

        def __init__(self, article_id: str | None) -> None:
            super().__init__()
            self.article_id = article_id

    class MarksChanged(Message):
        """An article was marked read or unread, or bookmarked (to be remembered)."""

    # The watchers redraw what changes; a repaint of the screen would redraw all of it.
    article_id: reactive[str | None] = reactive(None, init=False, repaint=False)
    entity_filter: reactive[str | None] = reactive(None, init=False, repaint=False)
    active_pane: reactive[int] = reactive(0, init=False, repaint=False)

    def __init__(self, corpus: Corpus, load_progress: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.load_progress = load_progress
        """Files loaded and found, while a corpus is still loading."""
        self.index: SearchIndex | None = None
        """The search index, once the app has one (`use_index`); without it a search reads
        every article."""
        self.index_complete = True
        """Whether the index holds every article yet; until then results may be missing."""
        self.search_complete = True
        """Whether the search's hits shown are all there are: not so when they came from an
        index still being built."""
        self.search_slow = False
        """Whether a search has been running longer than `SEARCHING_AFTER` and its results
        are not shown yet: the status line says so, as its count is not the search's yet."""
        self._search_timer: Timer | None = None
        self.search_query: Query | None = None
        self.search_hits: AbstractSet[str] | None = None
        """The ids of the articles the search matches; None when there is no search."""
        self._pending_search: str | None = None
        """A search to restore once the index is complete (`restore`)."""
        self._restore_top: tuple[int, int] | None = None
        """Where to scroll the article once a restored search is done (`restore`)."""
        self.period: str | None = None
        """A year ("2022") or a month ("2022-04"): only articles with events then show."""
        self.unread_only = False
        self._filters: list[str] = []
        """The active filters ("entity", "search", "period", "unread"), oldest first: Esc
        clears the newest."""
        self._visible: Sequence[Article] = []
        """The articles the filters let through, as last worked out."""
        self.marks = Marks()
        """What was read and bookmarked in this corpus (`use_marks`)."""
        self._kept_unread: str | None = None
        """An article marked unread while it is shown, which showing it must not undo."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield StatusBar(id="status")
            yield PositionBar(id="position")
        yield SearchBox(
            placeholder="Search titles and bodies  (Enter keeps, Esc cancels)", id="search"
        )
        yield PaneTabs(id="tabs")
        with Container(id="panes"):
            yield ArticleList(id="articles")
            yield ReadingView(id="reader")
            yield EntitySidebar(id="entities")
            yield TimelineList(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleList).marks = self.marks
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
            self._forget_filter("entity")
        self._apply_filter()
        if self.search_query:
            self._search(self.search_query)  # the new articles may match too

    def show_loading(self, loading: tuple[int, int] | None) -> None:
        """Say how many files of how many have loaded; None when all have."""
        self.load_progress = loading
        self._show_status()

    def visible_articles(self) -> Sequence[Article]:
        """The articles the filters let through, in corpus order."""
        return self._visible

    def watch_article_id(self) -> None:
        self._kept_unread = None
        self._show_article()

    # --- read marks and bookmarks --------------------------------------------------------

    def use_marks(self, marks: Marks) -> None:
        """Show and keep read marks and bookmarks in these (the app saves them)."""
        self.marks = marks
        if self.is_mounted:
            articles = self.query_one(ArticleList)
            articles.marks = marks
            articles.refresh()

    def mark_read(self, article_id: str) -> None:
        """Mark an article read: it was opened, or shown long enough to be read."""
        if article_id != self._kept_unread and article_id not in self.marks.read:
            self.marks.read.add(article_id)
            self.query_one(ArticleList).refresh_article(article_id)

    def action_toggle_read(self) -> None:
        """Mark the article unread, or read if it is unread; it stays as marked while shown."""
        article_id = self.article_id
        if article_id is None:
            return
        if article_id in self.marks.read:
            self.marks.read.discard(article_id)
            self._kept_unread = article_id
        else:
            self.marks.read.add(article_id)
        self._marks_changed(article_id)

    def action_toggle_bookmark(self) -> None:
        article_id = self.article_id
        if article_id is None:
            return
        self.marks.bookmarks ^= {article_id}
        self._marks_changed(article_id)
        marked = article_id in self.marks.bookmarks
        self.notify("Bookmarked" if marked else "Bookmark removed", timeout=2, markup=False)

    def _marks_changed(self, article_id: str) -> None:
        self.query_one(ArticleList).refresh_article(article_id)
        self.post_message(self.MarksChanged())

    def filter_by_entity(self, entity_id: str) -> None:
        """Show only the articles that name this entity, and mark its mentions."""
        self.entity_filter = entity_id
        name = self.corpus.entities[entity_id].name
        count = len(self.visible_articles())
        self.notify(f"{count} article(s) name {name}", timeout=3, markup=False)

    def view(self) -> dict[str, object]:
        """How the corpus is seen now, to see it so again (`restore`): where the article is
        scrolled to, and the filters."""
        search = self.query_one("#search", Input).value.strip() if self.search_query else None
        return {
            "top": self.query_one(ReadingView).top_position(),
            "entity": self.entity_filter,
            "search": search or None,
            "period": self.period,
            "unread": self.unread_only,
            "list_width": self.query_one(ArticleList).width_asked,
        }

    def restore(self, article_id: str, view: dict[str, object]) -> None:
        """Open the corpus as it was seen (`view`), on this article. What no longer fits
        (an entity gone, an article filtered out) is left as it is."""
        entity, period, search = view.get("entity"), view.get("period"), view.get("search")
        if isinstance(entity, str) and entity in self.corpus.entities:
            self.entity_filter = entity
        if isinstance(period, str):
            self._set_filter("period", period=period)
        if view.get("unread") is True:
            self._set_filter("unread", unread_only=True)
        width = view.get("list_width")
        if isinstance(width, int) and not isinstance(width, bool):
            self.query_one(ArticleList).ask_width(width)
        top = view.get("top")
        if isinstance(top, list) and len(top) == 2 and all(isinstance(n, int) for n in top):
            self._restore_top = (top[0], top[1])
        self.go_to(article_id)
        if not (isinstance(search, str) and search):
            self._scroll_restored()
        elif self.index is not None and self.index_complete:
            self.query_one("#search", Input).value = search  # scrolled once it is done
        else:  # an index still being built would find only some of the articles
            self._pending_search = search

    def _scroll_restored(self) -> None:
        top, self._restore_top = self._restore_top, None
        if top is not None:
            self.query_one(ReadingView).scroll_to_position(*top)

    def open_article(self, article_id: str) -> None:
        """Show this article, clearing the filters if they hide it."""
        while self._filters and not self._shows(article_id):
            self.action_clear_filter()
        self.go_to(article_id)

    def go_to(self, article_id: str) -> None:
        """Show this article, with the list's cursor on it, if the filters let it through."""
        if article_id != self.article_id and self._shows(article_id):
            # The cursor first: showing the article puts the cursor's place in the status line.
            self.query_one(ArticleList).show(self._visible, article_id)
            self.article_id = article_id

    def watch_entity_filter(self, entity: str | None) -> None:
        self._forget_filter("entity")
        if entity is not None:
            self._filters.append("entity")
        self._apply_filter()

    def _forget_filter(self, kind: str) -> None:
        if kind in self._filters:
            self._filters.remove(kind)

    def watch_active_pane(self, active: int) -> None:
        panes = [self.query_one(f"#{name}") for name in PANES]
        for index, pane in enumerate(panes):
            pane.set_class(index == active, "active")
        self.query_one(PaneTabs).show([str(pane.border_title) for pane in panes], active)

    def _apply_filter(self, view: View | None = None) -> None:
        """Show what the filters let through: `view` when a search worked it out already,
        as it does in its thread (at 100,000 articles that takes a while)."""
        articles, entries = view or _filtered(self.corpus, self._filtering(), self.search_hits)
        self._visible = articles
        if not self._shows(self.article_id):
            self.set_reactive(MainScreen.article_id, articles[0].id if articles else None)
        self.query_one(ArticleList).show(articles, self.article_id)
        self.query_one(TimelineList).show(entries)
        self._show_status()
        self._show_article()

    def _filtering(self) -> Filtering:
        """The filters but the search, as `Corpus.filtered` takes them: the entity, the
        period, and the articles hidden (those read, when only unread ones show)."""
        return self.entity_filter, self.period, set(self.marks.read) if self.unread_only else None

    def _shows(self, article_id: str | None) -> bool:
        """Whether the filters let this article through (without listing all they do)."""
        if article_id is None or article_id not in self.corpus:
            return False
        entity = self.corpus.entities.get(self.entity_filter) if self.entity_filter else None
        hits, period = self.search_hits, self.period
        article = self.corpus.article(article_id)
        return (
            (entity is None or article_id in entity.articles)
            and (hits is None or article_id in hits)
            and (period is None or any((e.date or "").startswith(period) for e in article.events))
            and not (self.unread_only and article_id in self.marks.read)
        )

    def _show_status(self) -> None:
        filters = []
        for kind in self._filters:
            if kind == "entity" and self.entity_filter:
                filters.append(("entity", self.corpus.entities[self.entity_filter].name))
            elif kind == "search" and self.search_query:
                filters.append(("search", self._search_label()))
            elif kind == "period" and self.period:
                filters.append(("dates", self.period))
            elif kind == "unread":
                filters.append(("unread", "only"))
        if self.search_slow and "search" not in self._filters:  # its first results to come
            filters.append(("search", self._search_label()))
        shown = len(self._visible)
        total = len(self.corpus.articles)
        problems = self.corpus.problem_count()
        self.query_one(StatusBar).show(shown, total, filters, self.load_progress, problems)

    def _search_label(self) -> str:
        """The search's words, and whether its count is not final yet."""
        text = self.query_one("#search", Input).value.strip()
        if self.search_slow:
            return f"{text} (searching{ELLIPSIS})"
        return text if self.search_complete else f"{text} (indexing{ELLIPSIS})"

    def _show_article(self, target: Event | None = None) -> None:
        article = self.corpus.article(self.article_id) if self.article_id else None
        reader = self.query_one(ReadingView)
        reader.show(article, self.corpus.entities, self.entity_filter, target, self.search_query)
        rows = []
        if article is not None:
            entities = self.corpus.entities
            rows = [(entities[eid], count) for eid, count in article.entity_counts().items()]
            rows.sort(key=lambda row: (-row[1], row[0].name))
        self.query_one(EntitySidebar).show(rows)
        self.query_one(TimelineList).mark_article(self.article_id)
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
        self.query_one(ArticleList).show(self.visible_articles(), self.article_id)
        self._show_article(target=message.entry.event)
        self.action_pane(PANES.index("reader"))

    @on(EntitySidebar.Chosen)
    def _entity_chosen(self, message: EntitySidebar.Chosen) -> None:
        self.filter_by_entity(message.entity_id)

    # --- search ------------------------------------------------------------------------

    def use_index(self, index: SearchIndex, complete: bool) -> None:
        """Search with this index from now on; once it is `complete`, search again."""
        self.index, self.index_complete = index, complete
        if complete and self._pending_search:  # a search restored, held until now
            search, self._pending_search = self._pending_search, None
            self.query_one("#search", Input).value = search
        elif complete and self.search_query:
            self._search(self.search_query)

    def action_search(self) -> None:
        """Open the search box, with the current search in it."""
        box = self.query_one("#search", Input)
        if self.focused is box:  # typed in the box: a "/" like any other, after the others
            box.post_message(events.Key("slash", "/"))
            return
        box.add_class("open")
        self.set_focus(box)  # now, not after the next refresh as `focus()` would

    @on(Input.Changed, "#search")
    def _search_changed(self, message: Input.Changed) -> None:
        query = Query.parse(message.value)
        self.search_query = query if query else None
        if self.index is not None:
            self.index.interrupt()  # the search of the text before this one is of no use
        if query:
            self._search(query)
        elif self.search_hits is not None:  # not already cleared (Esc clears it at once)
            self._show_search(None)
        else:
            self._searched()

    def _search(self, query: Query) -> None:
        """Search (`_find`); if that takes a while, the status line says it is searching."""
        if self._search_timer is None:
            self._search_timer = self.set_timer(SEARCHING_AFTER, self._search_is_slow)
        elif self.search_slow:  # the words being searched for changed
            self._show_status()
        self._find(query)

    def _search_is_slow(self) -> None:
        self.search_slow = True
        self._show_status()

    def _searched(self) -> None:
        """No search is running any more (its results are shown, or it was dropped)."""
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.search_slow = False

    @work(thread=True, exclusive=True, group="search", description="search")
    def _find(self, query: Query) -> None:
        """Find the matching articles in a thread, so that typing never waits for it; a
        newer search cancels this one."""
        worker = get_current_worker()
        corpus, filtering = self.corpus, self._filtering()
        index, complete = self.index, self.index_complete
        hits: AbstractSet[str] | None = index.search(query) if index else None
        if hits is None:  # no index (no FTS5 in this SQLite): read every article
            complete = True
            read: set[str] = set()
            for number, article in enumerate(corpus.articles):
                if number % 1000 == 0 and worker.is_cancelled:
                    return
                if query.matches(article):
                    read.add(article.id)
            hits = read
        view = _filtered(corpus, filtering, hits)  # here, not in the interface's thread
        if not worker.is_cancelled:
            found = (hits, complete)
            self.app.call_from_thread(self._found, query, (corpus, filtering), found, view)

    def _found(
        self,
        query: Query,
        basis: tuple[Corpus, Filtering],
        found: tuple[AbstractSet[str], bool],
        view: View,
    ) -> None:
        """The hits of a search, and whether they are all there are (`search_complete`).
        Typing or loading may have moved on meanwhile, and the hits are then of no use;
        if only the other filters have, the view is worked out again for them."""
        corpus, filtering = basis
        if query == self.search_query and corpus is self.corpus:
            hits, self.search_complete = found
            self._show_search(hits, view if filtering == self._filtering() else None)

    def _show_search(
        self,
        hits: AbstractSet[str] | None,
        view: View | None = None,
    ) -> None:
        self._searched()
        self.search_hits = hits
        self._forget_filter("search")
        if hits is not None:
            self._filters.append("search")
        self._apply_filter(view)
        self._scroll_restored()

    def action_keep_search(self) -> None:
        """Close the search box, keeping its results (Enter in the box)."""
        self._close_search()

    def _close_search(self) -> None:
        self.query_one("#search", Input).remove_class("open")
        self.action_pane(PANES.index("articles"))

    def _cancel_search(self) -> None:
        self.query_one("#search", Input).value = ""
        self.search_query = None
        self._show_search(None)  # now, not when the box's Changed message comes

    def action_next_match(self, step: int) -> None:
        """The next match of the search (or the one before), in the next matching article
        when this one has no more."""
        if self.search_query is None or self.query_one(ReadingView).next_match(step):
            return
        articles = self.query_one(ArticleList)
        articles.action_move(step)

    def action_cancel_search(self) -> None:
        """Close the search box and drop its search (Esc in the box)."""
        self._cancel_search()
        self._close_search()

    # --- actions -----------------------------------------------------------------------

    def _link(self) -> str | None:
        """The article's web link, safe to send to a terminal, or None (with a notice)."""
        article = self.corpus.article(self.article_id) if self.article_id else None
        url = safe_url(article.url) if article and article.url else None
        if url is None:
            self.notify("This article has no web link.", timeout=3, markup=False)
        return url

    def action_copy_link(self) -> None:
        """Copy the article's link with OSC 52, which works over SSH too; only an http(s)
        link is ever sent to the terminal, its control characters percent-encoded."""
        self._copy(self._link())

    def action_copy_a_link(self) -> None:
        """Choose a link among the article's own and those written in its text, and copy
        it (http and https links only, made safe to send to the terminal)."""
        article = self.corpus.article(self.article_id) if self.article_id else None
        if article is None:
            return
        own = [article.url] if article.url else []  # whole: a link in metadata may hold spaces
        candidates = [*own, *links_in(article.paragraphs)]
        links = list({url: None for link in candidates if (url := safe_url(link))})
        if not links:
            self.notify("This article has no web link.", timeout=3, markup=False)
            return
        self.app.push_screen(ChooseScreen("Copy which link? (Esc cancels)", links), self._copy)

    def _copy(self, url: str | None) -> None:
        if url is not None:
            self.app.copy_to_clipboard(url)
            self.notify(f"Copied {printable(url)}", timeout=3, markup=False)

    def action_open_link(self) -> None:
        """Open the article's link in a web browser, where there is one to open: a local,
        graphical session, or the user's browser when served with `textual serve`. Over SSH
        the browser would open on the far machine."""
        if not (self.app.is_web or local_browser()):
            self.notify("No local browser here (y copies the link).", timeout=4, markup=False)
            return
        url = self._link()
        if url is not None:
            self.app.open_url(url)
            self.notify(f"Opened {printable(url)}", timeout=3, markup=False)

    def action_export(self) -> None:
        """Export what the pane with focus shows: the article (Markdown or text), the
        timeline as filtered, or the entity table (CSV or JSON), to a file named in a
        prompt. A file that exists is never overwritten."""
        pane = PANES[self.active_pane]
        kind = pane if pane in ("timeline", "entities") else "article"
        article = self.corpus.article(self.article_id) if self.article_id else None
        if kind == "article" and article is None:
            return
        name = f"{slug(article.title)[:60]}.md" if article and kind == "article" else f"{kind}.csv"
        formats = " or ".join(EXPORTS[kind])
        question = f"Export the {kind} to ({formats}; Esc cancels):"
        self.app.push_screen(PromptScreen(question, name), partial(self._export, kind, article))

    def _export(self, kind: str, article: Article | None, answer: str | None) -> None:
        if answer is None:
            return
        path = Path(answer).expanduser().resolve()
        if path.suffix.lower() not in EXPORTS[kind]:
            formats = " or ".join(EXPORTS[kind])
            self.notify(f"The file must end in {formats}.", severity="warning", markup=False)
            return
        if path.exists():
            self.notify(f"{printable(str(path))} exists: not overwritten.", markup=False)
            return
        suffix = path.suffix.lower()
        if kind == "article" and article is not None:
            text = article_markdown(article) if suffix == ".md" else article_text(article)
        elif kind == "timeline":
            text = rows_as(timeline_rows(self.query_one(TimelineList).entries, self.corpus), suffix)
        else:
            text = rows_as(entity_rows(self.corpus), suffix)
        try:
            write_atomically(path, text)
        except OSError as error:
            self.notify(
                f"{printable(str(error))}", title="Not exported", severity="error", markup=False
            )
            return
        self.notify(f"Exported the {kind} to {printable(str(path))}", markup=False)

    def action_problems(self) -> None:
        """List the problems; the article chosen among them opens."""
        lines = problem_lines(self.corpus)
        if not lines:
            self.notify("No problems: every file was read and every article analysed.")
            return

        def chosen(article_id: str | None) -> None:
            if article_id is not None:
                self.open_article(article_id)

        self.app.push_screen(ProblemsScreen(lines), chosen)

    def action_clear_filter(self) -> None:
        """Clear the newest filter."""
        if self._filters:
            self.clear_filter(self._filters[-1])

    def clear_filter(self, kind: str) -> None:
        """Clear one filter, whichever it is."""
        if kind == "search":
            self._cancel_search()
        elif kind == "period":
            self._set_filter("period", period=None)
        elif kind == "unread":
            self._set_filter("unread", unread_only=False)
        else:
            self.entity_filter = None

    @property
    def active_filters(self) -> list[str]:
        """The kinds of filter in force, oldest first."""
        return list(self._filters)

    def action_toggle_unread_only(self) -> None:
        """Show only the unread articles, or all again."""
        self._set_filter("unread", unread_only=not self.unread_only)

    @on(TimelineList.PeriodChosen)
    def _period_chosen(self, message: TimelineList.PeriodChosen) -> None:
        """The first time, the event's month; then its year; then no dates filter."""
        date = message.entry.event.date or ""
        month, year = date[:7], date[:4]
        if self.period == month and len(month) == 7:
            self._set_filter("period", period=year)
        elif self.period == year:
            self._set_filter("period", period=None)
        else:
            self._set_filter("period", period=month if len(month) == 7 else year)

    def _set_filter(
        self, kind: str, *, period: str | None = None, unread_only: bool | None = None
    ) -> None:
        if kind == "period":
            self.period = period
            active = period is not None
        else:
            self.unread_only = bool(unread_only)
            active = self.unread_only
        self._forget_filter(kind)
        if active:
            self._filters.append(kind)
        if self.search_query:  # the search's view was worked out with the old filters
            self._search(self.search_query)
        self._apply_filter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the search box, digits are text.
        return action != "pane" or not isinstance(self.focused, SearchBox)

    def action_pane(self, index: int) -> None:
        """Show and focus one pane."""
        self.active_pane = index
        # Now, not after the next refresh as `focus()` would: a key that came with this one
        # goes to the pane.
        self.set_focus(self.query_one(f"#{PANES[index]}", Widget))

    def action_cycle_pane(self, step: int) -> None:
        self.action_pane((self.active_pane + step) % len(PANES))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id in PANES:
            self.active_pane = PANES.index(event.widget.id)

    def action_list_width(self, step: int) -> None:
        """Make the article list wider (1) or narrower (-1); it stays so next time."""
        self.query_one(ArticleList).resize(step)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's, with help and quit first: the footer cuts what does not fit."""
        return footer_order(super().active_bindings)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "narrow")
