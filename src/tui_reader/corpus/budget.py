"""A time budget for one article's analysis, so that no article can stall a load.

Between stages and paragraphs the analysis asks `Budget.check`, which raises `OverBudget`
once the time is up. Where signals can be had (the main thread of a process: a worker's,
or `dump`'s), `Alarm` also raises it from a timer, even inside a regular expression that
is running, which a check between paragraphs cannot reach.
"""

from __future__ import annotations

import signal
import threading
import time
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
    generator: it is entered once per article."""

    __slots__ = ("_interval", "_outer", "_previous", "_started", "budget")

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self._previous: Any = None
        self._outer = 0.0
        self._interval = 0.0
        self._started = 0.0

    def __enter__(self) -> None:
        if not _TIMERS or threading.current_thread() is not threading.main_thread():
            return
        self._previous = signal.signal(signal.SIGALRM, _ring)
        self._started = time.monotonic()
        left = max(self.budget.deadline - self._started, 0.001)
        self._outer, self._interval = signal.setitimer(signal.ITIMER_REAL, left)

    def __exit__(self, *exc: object) -> None:
        if self._previous is None:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)
        if self._outer:  # a timer set by someone else (a test's time limit) runs on as it was
            left = self._outer - (time.monotonic() - self._started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), self._interval)


_TIMERS = hasattr(signal, "setitimer")
