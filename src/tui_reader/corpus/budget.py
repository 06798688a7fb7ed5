"""A time budget for one article's analysis, so that no article can stall a load.

Between stages and paragraphs the analysis asks `Budget.check`, which raises `OverBudget`
once the time is up. Where signals can be had (the main thread of a process: a worker's,
or `dump`'s), `Alarm` also raises it from a timer, even inside a regular expression that
is running, which a check between paragraphs cannot reach.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import Any

SECONDS = 10.0
"""An article's budget: far longer than the longest article read (`loading.MAX_CHARS`) takes."""


class OverBudget(Exception):
    """The article's time ran out."""


class Budget:
    """The time an article's analysis may take, counted from when it was made."""

    __slots__ = ("deadline", "seconds")

    def __init__(self, seconds: float = SECONDS) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def check(self) -> None:
        """Raise `OverBudget` if the time is up."""
        if time.monotonic() > self.deadline:
            raise OverBudget


def unlimited() -> None:
    """The check of an analysis that has no budget: it never stops it."""


def _ring(signum: int, frame: FrameType | None) -> None:
    raise OverBudget


class Alarm:
    """Raise `OverBudget` when the budget's time is up, from a timer, in whatever the
    block is running; only in the main thread of a process with timers (elsewhere the
    block runs as it is, and only `Budget.check` stops it). A class rather than a
    generator: it is entered once per article. Within `alarms`, it only sets and clears
    its timer."""

    __slots__ = ("_armed", "_interval", "_outer", "_previous", "_started", "budget")

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self._armed = False
        self._previous: Any = None
        self._outer = 0.0
        self._interval = 0.0
        self._started = 0.0

    def __enter__(self) -> None:
        if _holder == threading.get_ident():
            self._armed = True
            left = max(self.budget.deadline - time.monotonic(), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left)
            return
        if not _TIMERS or threading.current_thread() is not threading.main_thread():
            return
        self._previous = signal.signal(signal.SIGALRM, _ring)
        self._started = time.monotonic()
        left = max(self.budget.deadline - self._started, 0.001)
        self._outer, self._interval = signal.setitimer(signal.ITIMER_REAL, left)

    def __exit__(self, *exc: object) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            return
        if self._previous is None:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)
        _resume(self._outer, self._interval, self._started)


_holder: int | None = None
"""The thread whose `alarms` block holds the handler, if one does."""


@contextlib.contextmanager
def alarms() -> Iterator[None]:
    """Hold `Alarm`'s handler over a block that analyses many articles (a load, a chunk of
    files), so that each article sets its timer alone: swapping the handler for each one
    costs as much as a short article's cleaning. A timer set before (a test's time limit)
    waits for the block's end, then runs on as it was. Where `Alarm` could not work (no
    timers, not the main thread), or within another such block, it does nothing."""
    global _holder
    if (
        _holder is not None
        or not _TIMERS
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _ring)
    started = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, 0)
    _holder = threading.get_ident()
    try:
        yield
    finally:
        _holder = None
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _resume(outer, interval, started)


def _resume(outer: float, interval: float, started: float) -> None:
    """Set again a timer that someone else had set, less the time since `started`."""
    if outer:
        left = outer - (time.monotonic() - started)
        signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), interval)


_TIMERS = hasattr(signal, "setitimer")
