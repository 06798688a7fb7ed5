"""The reading state, kept as the user reads: what was read and bookmarked, the article
shown, how it is scrolled and filtered, the theme (`store/state.py` holds and saves it).

Every change is on disk within half a second of being made, so that a signal or a dropped
link (`signals.py`) loses nothing made before it. A tick every `SAVE_EVERY` seconds saves
what changed: the marks and the theme say when they change, and so does the article shown;
how it is scrolled and filtered (and the list's width) is looked at on each tick, as keys,
searches and the mouse change it from many places, and kept once it has held for a tick. A
save merges with what another reader saved, under a lock: it is made only when something
changed.

An article counts as read once it has been shown `SETTLE_AFTER` seconds, counted from when
it was shown: keys that scroll or bookmark it do not start the count again, and one passed
over on the way to another is not read. The read mark is then saved like any change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.css.query import NoMatches
from textual.timer import Timer

from ..store.state import State
from . import saved
from .screens.main import MainScreen

SETTLE_AFTER = 2.0
"""Seconds an article is shown before it counts as read."""
SAVE_EVERY = 0.2
"""Seconds between looks for changes to save: two of them, and a save, within half a
second."""


class Keeping:
    """The reading state of one corpus, read as the reader opens and saved as it changes.
    With no file or no corpus key (a corpus given in code), nothing is read or saved."""

    def __init__(
        self,
        app: App[int],
        screen: MainScreen,
        path: Path | None,
        key: str | None,
        report: Callable[[str, str], None],
    ) -> None:
        self.app, self.screen, self.path, self.key = app, screen, path, key
        self.report = report
        """How a save that failed, or a damaged file, is told."""
        self.state = State()
        self.unsaved: str | None = None
        """Why the last save failed; None once one succeeds."""
        self.closed = False
        """Saved for the last time: what the screens do as they close is not the user's."""
        self._changed = False
        self._following = False
        """Whether the place is kept: not until the reader has been put back where it was
        (`reopen`), or a corpus still loading would replace it with its first article."""
        self._reading: tuple[str, Timer] | None = None
        """The article shown, and the timer that marks it read."""
        self._last_view: dict[str, object] | None = None
        """How the corpus was seen at the last tick."""
        self._reopen_at: str | None = None
        self._reopen_view: dict[str, object] = {}

    def open(self) -> str | None:
        """Read the state (a notice if its file was damaged), and start keeping it."""
        notice = None
        if self.path is not None:
            self.state, notice = State.load(self.path)
        if self.key is not None:
            self._reopen_at = self.state.positions.get(self.key)
            self._reopen_view = dict(self.state.views.get(self.key, {}))
            self.screen.use_marks(self.state.marks_for(self.key))
        self.app.set_interval(SAVE_EVERY, self.flush)
        return notice

    def reopen(self, go_back: bool) -> None:
        """The corpus is all there: go back to the article the reader was on when it last
        closed on it, scrolled as it was, with the same filters, if `go_back` (not if the
        keys moved on meanwhile). From now on the place is kept."""
        last, self._reopen_at = self._reopen_at, None  # once: later, the keys decide
        if go_back and last is not None:
            saved.restore(self.screen, last, self._reopen_view)
        self._following = True

    def changed(self) -> None:
        """Something was changed (a mark, the theme): it is saved at the next tick."""
        self._changed = True

    def choose_theme(self, theme: str) -> None:
        """A theme chosen is the one next time too."""
        if theme != self.state.theme:
            self.state.choose_theme(theme)
            self.changed()

    def shown(self, article_id: str | None) -> None:
        """An article is shown (None: none is): the reader's place, which the reader may
        close on before the next tick; and it counts as read `SETTLE_AFTER` seconds from
        now, if it is still shown then. Shown again (a filter changed around it), it keeps
        its count."""
        if self.closed:  # what the screens do as they close is not the user's
            return
        self._follow_article()
        if self._reading is not None:
            if self._reading[0] == article_id:
                return
            self._reading[1].stop()
            self._reading = None
        if article_id is not None:
            timer = self.app.set_timer(SETTLE_AFTER, lambda: self._settled(article_id))
            self._reading = (article_id, timer)

    def _settled(self, article_id: str) -> None:
        if self.closed or not self._on_screen():  # it fired as the reader closed
            return
        if self.screen.article_id == article_id:  # shown this long, it counts as read
            with contextlib.suppress(NoMatches):  # its list taken down as the app closes
                self.screen.mark_read(article_id)

    def flush(self) -> None:
        """Keep the place as it is now, and save if anything changed: on each tick, and
        before the reader is suspended (a browser in the terminal, Ctrl+Z)."""
        if self.closed:
            return
        self._follow()
        if self._changed:
            self.save()

    def _follow_article(self) -> bool:
        """Keep the article shown as the place; whether the place is kept at all yet."""
        if not (self._following and self.key is not None and self._on_screen()):
            return False
        article = self.screen.article_id
        if article is not None and article != self.state.positions.get(self.key):
            self.state.move(self.key, article)
            self._changed = True
        return True

    def _on_screen(self) -> bool:
        """Whether the main screen is there to look at: mounted, and not yet closed."""
        return bool(self.app.screen_stack) and self.screen.is_mounted

    def _follow(self, final: bool = False) -> None:
        """Keep the place as it is now. How the corpus is seen is kept once it has held
        for a tick (or the reader closes): a search or a scroll under way, such as one
        restoring the place, passes through views that are no one's."""
        if not self._follow_article() or self.key is None:
            return
        try:
            view = saved.view_of(self.screen)
        except NoMatches:  # the panes are being taken down as the app closes
            return
        before, self._last_view = self._last_view, view
        if (final or view == before) and view != self.state.views.get(self.key):
            self.state.see(self.key, view)
            self._changed = True

    def close(self) -> None:
        """Save for the last time, with the place as it is now."""
        if not self.closed:
            self._follow(final=True)
            self.save()
            self.closed = True

    def save(self) -> None:
        """Save now (merged with what another reader saved meanwhile, which then shows)."""
        self._changed = False  # a failed save is tried again at the next change, or at quit
        if self.path is None or self.key is None:
            return
        marks = self.state.marks_for(self.key)
        before = marks.copy()
        try:
            notice = self.state.save(self.path)
        except OSError as error:
            self.unsaved = f"{self.path}: {error}"
            self.report("State not saved", self.unsaved)
            return
        self.unsaved = None
        if notice is not None:
            self.report("Reading state", notice)
        if marks != before and self.app.screen_stack:  # another reader's marks show too
            self.screen.use_marks(marks)
