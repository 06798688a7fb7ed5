"""The search box: text typed in it is the query. It runs each search in a worker of its
own and posts what it found; its own keys keep or cancel the search."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import ClassVar

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import Worker, get_current_worker

from ...corpus.model import Article, Corpus, TimelineEntry
from ...corpus.search import Query
from ...corpus.view import Filters
from ...store.index import SearchIndex
from ..glyphs import ELLIPSIS
from ..messages import WorkerFailed

SEARCHING_AFTER = 0.3
"""Seconds a search runs before it counts as slow (`SearchBox.Slow`): most are done
sooner, and the status line would flicker on every key typed."""

View = tuple[Sequence[Article], Sequence[TimelineEntry]]
"""The articles and the events filters let through."""


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

    class Found(Message):
        """What the search typed found, in the corpus shown; None when the box was emptied,
        and its hits no longer filter the articles."""

        def __init__(
            self, hits: AbstractSet[str] | None, complete: bool = True, view: View | None = None
        ) -> None:
            super().__init__()
            self.hits = hits
            self.complete = complete
            """Whether the hits are all there are: not so from an index still being built."""
            self.view = view
            """The corpus through the filters with these hits, worked out in the worker;
            None when the filters changed meanwhile, and it is to be worked out again."""

    class _Result(Message):
        """What a search found, for the corpus and filters it was given."""

        def __init__(
            self, query: Query, basis: tuple[Corpus, Filters], found: tuple[AbstractSet[str], bool]
        ) -> None:
            super().__init__()
            self.query, self.basis, self.found = query, basis, found
            self.view: View | None = None

    class Slow(Message):
        """A search has run for `SEARCHING_AFTER` seconds, or changed while slow."""

    def __init__(self, placeholder: str, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.index: SearchIndex | None = None
        """The search index, once there is one; without it a search reads every article."""
        self.index_complete = True
        """Whether the index holds every article yet; until then results may be missing."""
        self.slow = False
        """Whether the search running has run longer than `SEARCHING_AFTER`."""
        self.search_query: Query | None = None
        """The search typed, None when there is none."""
        self.basis: tuple[Corpus, Filters] = (Corpus([], {}, []), Filters())
        """The corpus shown and its filters, which the screen keeps up to date here."""
        self.complete = True
        """Whether the hits shown are all there are: not so when they came from an index
        still being built (`searched`)."""
        self._timer: Timer | None = None
        self._pending: str | None = None
        """A search to restore once the index is complete (`restore`)."""

    def use_index(self, index: SearchIndex, complete: bool) -> None:
        """Search with this index from now on. Once it is complete the search shown runs
        again, or a search held back (`restore`) goes in the box, which runs it."""
        self.index, self.index_complete = index, complete
        if complete and self._pending:
            self.value, self._pending = self._pending, None
        elif complete:
            self.search()

    def restore(self, text: str) -> None:
        """Search for this text, as it was searched for when the reader last closed: now
        if the index is complete, else once it is, as an index still being built would
        find only some of the articles."""
        if self.index is not None and self.index_complete:
            self.value = text
        else:
            self._pending = text

    def open(self) -> None:
        """Show the box and give it the focus; in the box already, "/" is typed."""
        if self.screen.focused is self:  # set at once, unlike `has_focus`
            self.post_message(events.Key("slash", "/"))
            return
        self.add_class("open")
        self.screen.set_focus(self)  # now, not after the next refresh as `focus()` would

    def clear(self) -> None:
        """Drop the search at once, not when the Changed message of the empty box comes."""
        self.value = ""
        self.search_query = None

    def label(self) -> str:
        """The search's words, and whether its count is not final yet."""
        text = self.value.strip()
        if self.slow:
            return f"{text} (searching{ELLIPSIS})"
        return text if self.complete else f"{text} (indexing{ELLIPSIS})"

    @on(Input.Changed)
    def _changed(self, message: Input.Changed) -> None:
        query = Query.parse(message.value)
        self.search_query = query if query else None
        self.interrupt()  # the search of the text before this one is of no use
        if query:
            self.search()
        elif self.basis[1].include_ids is not None:  # not already cleared (Esc clears it)
            self.post_message(self.Found(None))
        else:
            self.searched()

    def search(self) -> None:
        """Search for what is typed in a worker, dropping the search before; `Found`
        brings the hits."""
        if (query := self.search_query) is None:
            return
        if self._timer is None:
            self._timer = self.set_timer(SEARCHING_AFTER, self._is_slow)
        elif self.slow:  # the words being searched for changed
            self.post_message(self.Slow())
        corpus, filters = self.basis
        self._find(query, corpus, filters, self.index, self.index_complete)

    @on(_Result)
    def _result(self, result: _Result) -> None:
        """Typing or loading may have moved on since the search began, and the hits are
        then of no use; if only the other filters have, the view is worked out again."""
        (corpus, filters), (now_corpus, now_filters) = result.basis, self.basis
        if result.query == self.search_query and corpus is now_corpus:
            same = filters.without("search") == now_filters.without("search")
            hits, complete = result.found
            self.post_message(self.Found(hits, complete, result.view if same else None))

    def interrupt(self) -> None:
        """Stop the index's search now: the text it is for has changed."""
        if self.index is not None:
            self.index.interrupt()

    def searched(self, complete: bool = True) -> None:
        """No search is running any more: its results are shown (all there are, if
        `complete`), or it was dropped."""
        self.complete = complete
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.slow = False

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if failed := WorkerFailed.of(event):
            self.post_message(failed)

    def _is_slow(self) -> None:
        self.slow = True
        self.post_message(self.Slow())

    @work(thread=True, exclusive=True, group="search", description="search", exit_on_error=False)
    def _find(
        self,
        query: Query,
        corpus: Corpus,
        filters: Filters,
        index: SearchIndex | None,
        complete: bool,
    ) -> None:
        """Find the matching articles in a thread, so that typing never waits for it; a
        newer search cancels this one. The view is worked out here too, not in the
        interface's thread (at 100,000 articles that takes a while)."""
        worker = get_current_worker()
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
        result = self._Result(query, (corpus, filters), (hits, complete))
        result.view = corpus.filtered(filters.with_hits(hits))
        if not worker.is_cancelled:
            self.post_message(result)
