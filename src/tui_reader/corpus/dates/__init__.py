"""Find date expressions in text and resolve them against an article's publication date.

Resolution follows the news convention (HeidelTime's news mode): a weekday or a bare month
in a past-tense sentence is the latest one on or before the publication date, and in a
future-tense sentence the next one. An expression with no anchor stays unresolved.

`finding` finds the expressions, `resolving` resolves them; `words` holds their vocabulary.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..model import Event
from ..text import sentence_spans
from .calendar import Resolved, date_or_none
from .finding import Found, find, matches
from .resolving import full_date, resolve_found, resolve_match
from .tense import future_of
from .words import YEAR

__all__ = [
    "Expression", "Found", "Resolved", "events", "find", "full_date", "latest_full_date",
    "matches", "parse_date", "resolve_found", "scan",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Expression:
    """A date expression found in text."""

    start: int
    end: int
    text: str
    resolved: Resolved | None


def scan(sentence: str, anchor: dt.date | None) -> Iterator[Expression]:
    """Find and resolve every date expression in one sentence."""
    for match in matches(sentence):
        future = future_of(sentence, (0, len(sentence)), match)
        start, end = match.span()
        yield Expression(start, end, match.group(), resolve_match(match, anchor, future))


def events(paragraphs: Sequence[str], anchor: dt.date | None) -> list[Event]:
    """Every date expression of a body, resolved against the publication date."""
    return resolve_found(find(paragraphs, [sentence_spans(p) for p in paragraphs]), anchor)


_NUMERIC_DATE = re.compile(r"(?<!\s)\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def parse_date(text: str) -> dt.date | None:
    """A publication date as metadata writes it, or None: no guess is made.

    ISO (`2022-04-01T10:00:00Z`, `2022/04/01`), RFC 2822 (`Fri, 01 Apr 2022 10:00:00 GMT`) and
    words (`April 1, 2022`, `1 April 2022`) are read. An impossible date gives None.
    """
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        return date_or_none(*(int(part) for part in numeric.groups()))
    with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
        return email.utils.parsedate_to_datetime(text).date()
    for expression in scan(text, None):
        resolved = expression.resolved
        if resolved and resolved.precision == "day":
            return dt.date.fromisoformat(resolved.date)
    return None


_HAS_YEAR = re.compile(YEAR)


def latest_full_date(texts: Iterable[str]) -> dt.date | None:
    """The latest complete date (day, month and year) written in any of the texts."""
    latest: dt.date | None = None
    for text in texts:
        if not _HAS_YEAR.search(text):  # a full date writes its year
            continue
        for match in matches(text):
            value = full_date(match)
            if value and (latest is None or value > latest):
                latest = value
    return latest
