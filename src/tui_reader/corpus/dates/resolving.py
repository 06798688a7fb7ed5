"""Resolve a date expression found in a body against the article's publication date: by the
resolver of its form (`forms`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..model import Event
from ..text import around
from .calendar import Resolved, Tense
from .finding import Found
from .forms import RESOLVERS

SENTENCE_LIMIT = 400
"""An event keeps at most this much of its sentence, around its expression."""


def resolve_match(match: re.Match[str], anchor: dt.date | None, future: Tense) -> Resolved | None:
    try:
        resolver = RESOLVERS.get(match.lastgroup or "")
        return resolver(match.group, anchor, future) if resolver else None
    except (ValueError, OverflowError):  # "99999999 days ago" leaves the calendar
        return None


def resolve_found(found: Iterable[Found], anchor: dt.date | None) -> list[Event]:
    """The events of found expressions, resolved against the publication date."""
    events: list[Event] = []
    for item in found:
        resolved = resolve_match(item.match, anchor, item.future)
        start, end = item.sentence
        events.append(
            Event(
                date=resolved.date if resolved else None,
                precision=resolved.precision if resolved else None,
                expression=item.match.group(),
                text=around(item.match.string, start, end, item.match.start(), SENTENCE_LIMIT),
                paragraph=item.paragraph,
                offset=item.match.start(),
                end=resolved.end if resolved else None,
            )
        )
    return events


def full_date(match: re.Match[str]) -> dt.date | None:
    """The date an expression writes in full (day, month and year), or None. Such a date
    needs no anchor, and without one no tense is asked."""
    resolved = resolve_match(match, None, None)
    if resolved and resolved.precision == "day":
        return dt.date.fromisoformat(resolved.date)
    return None
