"""The Textual application: one corpus, one main screen."""

from __future__ import annotations

import gc
import os
import time
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import get_current_worker

from ..corpus.model import Corpus
from ..corpus.pipeline import Loading
from ..corpus.search import SearchIndex, index_path
from ..corpus.text import printable
from .screens.main import MainScreen

SHOW_EVERY = 0.2
"""While loading, the seconds between updates of the progress shown."""


class ReaderApp(App[int]):
    """A terminal reader for a collection of news articles.

    Given a corpus, it shows it; given one still to load, it loads it in a thread (the
    analysis itself runs in worker processes) and shows the first articles at once.
    """

    CSS_PATH = "reader.tcss"
    TITLE = "tui-reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, source: Corpus | Loading) -> None:
        super().__init__()
        if "SSH_CONNECTION" in os.environ and "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"  # over SSH every frame of an animation costs bytes
        self.source = source
        self.corpus = source if isinstance(source, Corpus) else Corpus([], {}, [])

    def get_default_screen(self) -> Screen[None]:
        if isinstance(self.source, Loading):
            return MainScreen(self.corpus, (0, 0))  # no file found yet
        return MainScreen(self.corpus)

    def on_mount(self) -> None:
        if isinstance(self.source, Corpus):
            self._report(self.source)
            self._index(self.source)
        else:
            self._load(self.source)

    # Each worker gets a description: by default Textual builds one from the repr() of the
    # arguments, and the repr of a corpus of 100,000 articles takes gigabytes.
    @work(thread=True, exclusive=True, group="index", description="index for search")
    def _index(self, corpus: Corpus) -> None:
        """Bring the search index up to date with the corpus, in this thread. It is kept
        in the cache folder when the corpus was loaded with the cache, so a large corpus
        is indexed once; searches use it meanwhile, and run again when it is done."""
        source = self.source
        cache = source.cache if isinstance(source, Loading) else None
        path = (
            index_path(cache.path.parent, source.paths)
            if cache and isinstance(source, Loading)
            else None
        )
        index = SearchIndex(path)
        worker = get_current_worker()
        self.call_from_thread(self._use_index, index, False)
        index.sync(corpus.articles, lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.call_from_thread(self._use_index, index, True)

    def _use_index(self, index: SearchIndex, complete: bool) -> None:
        self._main().use_index(index, complete)

    def _main(self) -> MainScreen:
        screen = self.screen_stack[0]  # under the command palette, if that is open
        assert isinstance(screen, MainScreen)
        return screen

    @work(thread=True, exclusive=True, description="load the corpus")
    def _load(self, loading: Loading) -> None:
        """Load in this thread: the first articles as soon as there are any, progress every
        `SHOW_EVERY` seconds, and the whole corpus at the end."""
        worker = get_current_worker()
        shown_any = False
        last = -float("inf")  # the first progress, with the number of files, shows at once
        for progress in loading:
            if worker.is_cancelled:
                return
            done = (progress.done, progress.total)
            if not shown_any and progress.articles:
                corpus = loading.corpus()
                self.call_from_thread(self._partial, corpus, done)
                shown_any, last = True, time.monotonic()
            elif time.monotonic() - last >= SHOW_EVERY:
                self.call_from_thread(self._main().show_loading, done)
                last = time.monotonic()
        if not worker.is_cancelled:  # the reader may have quit: resolve nothing for it
            self.call_from_thread(self._loaded, loading.corpus())

    def _partial(self, corpus: Corpus, done: tuple[int, int]) -> None:
        screen = self._main()
        screen.show_loading(done)
        screen.show_corpus(corpus)

    def _loaded(self, corpus: Corpus) -> None:
        self.corpus = corpus
        # The corpus lives as long as the reader: keep the garbage collector from walking its
        # millions of objects again and again, a pause of a tenth of a second at 10,000.
        gc.freeze()
        if not corpus.articles:
            self.exit(2)  # nothing could be loaded: the command line says why
            return
        screen = self._main()
        screen.show_loading(None)
        screen.show_corpus(corpus)
        self._report(corpus)
        self._index(corpus)

    def _report(self, corpus: Corpus) -> None:
        if corpus.problems:
            skipped = "\n".join(printable(str(problem)) for problem in corpus.problems)
            self.notify(skipped, title="Skipped", severity="warning", timeout=10, markup=False)
