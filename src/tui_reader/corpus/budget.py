"""A time budget for one article's analysis, so that no article can stall a load.

Between stages and paragraphs the analysis asks `Budget.check`, which raises `OverBudget`
once the time is up. Where signals can be had (the main thread of a process: a worker's,
or `dump`'s), `alarm` also raises it from a timer, even inside a regular expression that
is running, which a check between paragraphs cannot reach.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType

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


@contextlib.contextmanager
def alarm(budget: Budget) -> Iterator[None]:
    """Raise `OverBudget` when the budget's time is up, from a timer, in whatever the
    block is running; only in the main thread of a process with timers (elsewhere the
    block runs as it is, and only `Budget.check` stops it)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _ring)
    started = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, max(budget.deadline - started, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # a timer set by someone else (a test's time limit) runs on as it was
            left = outer - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), interval)
