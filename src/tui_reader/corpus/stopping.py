"""Corpus-wide work that gives up when told to: assembling a corpus of 100,000 articles takes
seconds, and a reader that quits must not wait for it.

Its loops take their items a few hundred at a time (`chunks`), and ask a `Stop` before each
chunk, so that the question costs nothing next to the work; once it says so, `Stopped` is
raised and nothing of the work is kept.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .lines import Stopped

T = TypeVar("T")

Stop = Callable[[], bool]
"""Asked now and then: whether to give up."""
CHUNK = 256
"""Items of a loop between two questions: at 100,000 articles, a few milliseconds' work."""


def never() -> bool:
    """The `Stop` of work that nobody stops."""
    return False


def chunks(items: Iterable[T], stopped: Stop, size: int = CHUNK) -> Iterator[list[T]]:
    """The items, `size` at a time; before each chunk, `Stopped` is raised if `stopped` says
    so."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        if stopped():
            raise Stopped
        yield chunk


def check(stopped: Stop) -> None:
    """Raise `Stopped` if `stopped` says so: between two steps of the work."""
    if stopped():
        raise Stopped
