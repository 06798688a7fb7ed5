"""The reader's refresh and full-text keys: the corpus's web addresses fetched again in a
worker (`fetch.loading.Fetching.again`), the progress shown in the status line as the
first load's is, and the corpus then shown again in place of the one read meanwhile.
Articles keep their ids (a feed item's guid, a page's URL, a file's name), so read marks,
bookmarks and the place stay, and a new item is simply there. A corpus of files alone has
nothing to fetch, and says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.worker import get_current_worker

from ..corpus.model import Corpus
from ..store.pipeline import Loading
from .screens.main import MainScreen

if TYPE_CHECKING:  # imported when a key asks: a reader of files never loads the client
    from ..fetch.loading import Fetching

NOTHING_TO_FETCH = "Nothing to fetch: the corpus is files on disk, with no web address"
STILL_LOADING = "Still loading: fetch again once the corpus is loaded"
ALREADY = "Already fetching again"


class Refreshing:
    """Fetching the addresses of the app's corpus again, one round at a time."""

    def __init__(self, app: App[int], screen: MainScreen, loaded: Callable[[Corpus], None]) -> None:
        """`loaded` shows a corpus loaded again, as the first is shown once loaded."""
        self.app, self.screen, self.loaded = app, screen, loaded
        self.running: Fetching | None = None
        """The round under way, if any."""

    def start(self, source: Corpus | Loading, full: bool) -> Corpus | Loading:
        """Fetch the addresses of the corpus loaded from `source` again (`full`: with the
        pages of the feed items that carry only a summary), and load it again; what the
        app loads from now on (`source` itself, if no round starts)."""
        from ..fetch.loading import Fetching

        if not isinstance(source, Fetching):
            self.app.notify(NOTHING_TO_FETCH, title="Fetch again", severity="warning")
            return source
        if self.running is not None or self.screen.load_progress is not None:
            why = ALREADY if self.running is not None else STILL_LOADING
            self.app.notify(why, title="Fetch again", severity="warning")
            return source
        self.running = again = source.again(full=full)
        self.screen.show_loading((0, 0))
        what = "fetch the full text" if full else "fetch the corpus again"
        self.app.run_worker(
            lambda: self._run(again, full),
            thread=True,
            exclusive=True,
            group="refresh",
            description=what,
            exit_on_error=False,
        )
        return again

    def _run(self, loading: Fetching, full: bool) -> None:
        """Fetch and load, in this thread, showing the progress; then the corpus."""
        try:
            worker = get_current_worker()
            for progress in loading:
                if worker.is_cancelled:
                    return
                self.app.call_from_thread(self._progress, (progress.done, progress.total))
            if not (worker.is_cancelled or loading.stopped):  # the reader quit: show nothing
                self.app.call_from_thread(self._done, loading.corpus(), full)
        finally:
            self.running = None

    def _progress(self, done: tuple[int, int]) -> None:
        if self.app.screen_stack:  # not if it comes as the reader closes
            self.screen.show_loading(done)

    def _done(self, corpus: Corpus, full: bool) -> None:
        if not self.app.screen_stack:
            return
        before = self.screen.corpus
        if not corpus.articles:  # its bodies gone from the fetched folder: keep what is read
            self.screen.show_loading(None)
            self.app.notify("Nothing could be loaded: the articles read stay", severity="error")
            return
        self.loaded(corpus)
        title = "Full text" if full else "Fetched again"
        self.app.notify(changes(before, corpus), title=title)


def changes(before: Corpus, after: Corpus) -> str:
    """What a corpus loaded again holds that the one before did not: "2 new articles, 1
    changed"."""
    new = changed = 0
    for article in after.articles:
        if article.id not in before:
            new += 1
        elif before.article(article.id).paragraphs != article.paragraphs:
            changed += 1
    if not (new or changed):
        return "Nothing new or changed"
    plural = "s" * (new != 1)
    return f"{new} new article{plural}, {changed} changed"
