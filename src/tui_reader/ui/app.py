"""The Textual application: one corpus, one main screen."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandInput, CommandPalette, SearchIcon
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.theme import Theme
from textual.worker import Worker, get_current_worker

from ..corpus.lines import Stopped
from ..corpus.model import Corpus
from ..corpus.text import printable
from ..store.config import Config, read_config
from ..store.index import SearchIndex, open_index
from ..store.pipeline import Loading
from ..store.state import corpus_key
from .commands import canonical, defaults, sections, shown_keys
from .glyphs import ASCII_ONLY, ELLIPSIS, LINUX_CONSOLE, AsciiFilter, WholeCellScrollBar
from .keeping import Keeping
from .keys import GLOBAL
from .messages import WorkerFailed
from .palette import GoToProvider, reader_commands
from .refreshing import Refreshing
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .signals import HangUpDriver
from .widgets.lists import ArticleList

SHOW_EVERY = 0.2
"""While loading, the seconds between updates of the progress shown."""
SHOWN_GROWTH = 4
"""While loading, the articles shown are shown again, with those loaded since, each time
there are this many times as many: each showing assembles all loaded so far, so they grow
by a factor to cost a few times one assembly in all."""


ASCII = AsciiFilter()


class ReaderApp(App[int]):
    """A terminal reader for a collection of news articles.

    Given a corpus, it shows it; given one still to load, it loads it in a thread (the
    analysis itself runs in worker processes) and shows the first articles at once.
    """

    CSS_PATH = "reader.tcss"
    COMMANDS = App.COMMANDS | {GoToProvider}
    TITLE = "tui-reader"
    BINDINGS: ClassVar[list[BindingType]] = GLOBAL

    def __init__(
        self,
        source: Corpus | Loading,
        state_path: Path | None = None,
        config_path: Path | None = None,
        theme: str | None = None,
    ) -> None:
        """`theme` is one asked for now; otherwise the one last chosen is used."""
        super().__init__()
        self._asked_theme = theme
        self.config = read_config(config_path, defaults()) if config_path else Config()
        self.set_keymap(self.config.keymap)
        if "SSH_CONNECTION" in os.environ and "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"  # over SSH every frame of an animation costs bytes
        self.source = source
        self.corpus = source if isinstance(source, Corpus) else Corpus([], {}, [])
        # Made here and held: the app talks to it through this, never by looking it up.
        self.main_screen = MainScreen(self.corpus, (0, 0) if isinstance(source, Loading) else None)
        key = corpus_key(source.paths) if isinstance(source, Loading) else None
        self.keeping = Keeping(self, self.main_screen, state_path, key, self.report)
        """The reading state, kept in `state_path` (None keeps none: a corpus given in
        code)."""
        self.refreshing = Refreshing(self, self.main_screen, self._loaded)
        if LINUX_CONSOLE:  # its font lacks some of the glyphs Textual draws
            self.add_class("-linux-console")
            ScrollBar.renderer = WholeCellScrollBar

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, and in a locale that is not UTF-8 an ASCII screen."""
        filters = super().get_line_filters()
        return [*filters, ASCII] if ASCII_ONLY else filters

    def get_default_screen(self) -> Screen[None]:
        return self.main_screen

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice, from any screen or widget, as `printable` text and never as markup:
        notices quote names, paths and errors, which are untrusted. `markup` is ignored."""
        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_mount(self) -> None:
        for problem in self.config.notices:
            self.notify(problem, title="Config", severity="warning", timeout=10, markup=False)
        if notice := self.keeping.open():
            self.notify(notice, title="Reading state", severity="warning", markup=False)
        self.app_suspend_signal.subscribe(self, lambda _: self.keeping.flush())
        theme = self._asked_theme or self.keeping.state.theme
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if isinstance(self.source, Corpus):
            self._index(self.source)
            self.keeping.reopen(go_back=True)
        else:
            self._load(self.source)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands (theme, keys, quit…), and the reader's own."""
        yield from super().get_system_commands(screen)
        yield from reader_commands(screen, self.config.keymap)

    @on(CommandPalette.Opened)
    def _palette_opened(self) -> None:
        if LINUX_CONSOLE:  # the palette's magnifier is an emoji: a ">" prompt instead
            for icon in self.screen.query(SearchIcon):
                icon.icon = ">"
            for box in self.screen.query(CommandInput):
                box.placeholder = box.placeholder.replace("…", ELLIPSIS)

    def get_key_display(self, binding: Binding) -> str:
        """As Textual shows keys, but in words where the Linux console's font has no
        symbol for the key (Enter's "⏎")."""
        if LINUX_CONSOLE:
            return shown_keys(tuple(canonical(binding.key))[:1])
        return super().get_key_display(binding)

    def action_help(self) -> None:
        """Show every key."""
        listed = [
            (title, [(shown_keys(c.keys), c.description) for c in commands])
            for title, commands in sections(self.config.keymap)
        ]
        self.push_screen(HelpScreen(listed))

    def action_refresh(self, full: bool = False) -> None:
        """Fetch the corpus's addresses again (`full`: the feed summaries' pages too)."""
        self.source = self.refreshing.start(self.source, full)

    @on(MainScreen.ArticleShown)
    def _article_shown(self, message: MainScreen.ArticleShown) -> None:
        self.keeping.shown(message.article_id)

    @on(ArticleList.MarksChanged)
    def _marks_changed(self) -> None:
        self.keeping.changed()

    def _theme_changed(self, theme: Theme) -> None:
        """A theme chosen (with --theme or from the palette) is the one next time too."""
        self.keeping.choose_theme(theme.name)

    async def action_quit(self) -> None:
        self.leave(0)

    def get_driver_class(self) -> type[Driver]:
        """Textual's, but on a terminal that can hang up (`signals.HangUpDriver`)."""
        driver = super().get_driver_class()
        return HangUpDriver if driver is LinuxDriver else driver

    def leave(self, status: int) -> None:
        """Stop a load still going, save, with the place as it is now (while the screens are
        still there), and close with this exit status."""
        self._stop_loading()
        self.keeping.close()
        # Textual's terminal driver joins its input thread as it closes, and that thread
        # ends with a last wait of 0.1 s for input: a quarter of what a quit may take, with
        # a load's threads holding the interpreter lock. The reader ends without it.
        if isinstance(self._driver, LinuxDriver):
            self._driver._key_thread = None
        self.exit(status)

    def _stop_loading(self) -> None:
        """Stop a load still going: its thread is waited for as the reader exits. What it
        loaded is kept from the collector's last walk, as the interpreter ends, over every
        object (a second at 10,000 articles): once loaded, it is kept so anyway."""
        if isinstance(self.source, Loading) and not self.source.stopped:
            self.source.stop()
            gc.freeze()

    def on_unmount(self) -> None:
        self._stop_loading()
        self.keeping.close()  # closed otherwise than by q: keep what can be kept

    def report(self, title: str, error: str) -> None:
        """The one way a problem met while reading is shown: in the problems' count and
        list, with a short notice."""
        if self.screen_stack:  # not once the screens are gone
            self.main_screen.report(title, error)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if failed := WorkerFailed.of(event):
            self._worker_failed(failed)

    @on(WorkerFailed)
    def _worker_failed(self, failed: WorkerFailed) -> None:
        """Every worker's failure, the app's own and its widgets', comes here."""
        self.report(f"Could not {failed.description}", str(failed.error))

    # Each worker gets a description: by default Textual builds one from the repr() of the
    # arguments, and the repr of a corpus of 100,000 articles takes gigabytes.
    @work(thread=True, exclusive=True, group="index", description="index", exit_on_error=False)
    def _index(self, corpus: Corpus) -> None:
        """Bring the search index up to date with the corpus, in this thread. It is kept
        in the cache folder when the corpus was loaded with the cache, so a large corpus
        is indexed once; searches use it meanwhile, and run again when it is done."""
        source = self.source
        if isinstance(source, Loading):
            index = open_index(source.cache, source.paths)
        else:
            index = SearchIndex(None)
        worker = get_current_worker()
        self.call_from_thread(self._use_index, index, False)
        corpus.prepare_filters()
        index.sync(corpus.articles, lambda: worker.is_cancelled)
        for problem in index.problems():
            self.call_from_thread(self.report, "Search index", problem)
        if not worker.is_cancelled:
            self.call_from_thread(self._use_index, index, True)

    def _use_index(self, index: SearchIndex, complete: bool) -> None:
        if self.screen_stack:  # not if it comes as the reader closes
            self.main_screen.use_index(index, complete)

    @work(thread=True, exclusive=True, description="load the corpus", exit_on_error=False)
    def _load(self, loading: Loading) -> None:
        """Load in this thread: the first articles as soon as there are any, and more each
        time there are `SHOWN_GROWTH` times as many, progress every `SHOW_EVERY` seconds,
        and the whole corpus at the end. Quitting stops it at any of these (`Loading.stop`),
        the assembling of a corpus too, which takes seconds at 100,000 articles."""
        worker = get_current_worker()

        def stopped() -> bool:
            return loading.stopped or worker.is_cancelled

        shown = 0
        last = -float("inf")  # the first progress, with the number of files, shows at once
        try:
            for progress in loading:
                if stopped():
                    return
                done = (progress.done, progress.total)
                if progress.articles and progress.articles >= shown * SHOWN_GROWTH:
                    corpus = loading.corpus(stopped)
                    self.call_from_thread(self._partial, corpus, done)
                    shown, last = progress.articles, time.monotonic()
                elif time.monotonic() - last >= SHOW_EVERY:
                    self.call_from_thread(self._progress, done)
                    last = time.monotonic()
            if not stopped():  # the reader quit: resolve nothing
                self.call_from_thread(self._loaded, loading.corpus(stopped))
        except Stopped:
            pass  # the reader quit in the middle of assembling: nothing more to show

    def _progress(self, done: tuple[int, int]) -> None:
        if self.screen_stack:  # not if it comes as the reader closes
            self.main_screen.show_loading(done)

    def _partial(self, corpus: Corpus, done: tuple[int, int]) -> None:
        screen = self.main_screen
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
        screen = self.main_screen
        first = screen.article_id
        screen.show_loading(None)
        screen.show_corpus(corpus)
        self._index(corpus)
        self.keeping.reopen(go_back=screen.article_id == first)  # unless the keys moved on
