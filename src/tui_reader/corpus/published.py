"""An article's publication date, from its metadata, its header or its text, and the
events of its body resolved against it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from . import dates
from .cleaning import Cleaned
from .formats import Record
from .model import DateSource, Event
from .text import Spans

Dates = tuple[dt.date | None, DateSource | None, dt.date | None, list[Event]]
"""The publication date, where it came from, a guess at it, and the events of a body."""


def dated(
    meta: Record, cleaned: Cleaned, sentences: list[Spans], check: Callable[[], None]
) -> Dates:
    """The publication date and the events of the body, resolved against it. A date taken
    from the text needs evidence that it dates the article (`_dated_by_text`); without it,
    the latest date written is only a guess, and resolves nothing."""
    published = dates.parse_date(meta.date) if meta.date else None
    published_from: DateSource | None = meta.origin if published else None
    if published is None and cleaned.header_date:
        published, published_from = cleaned.header_date, "header"
    found = dates.find(cleaned.paragraphs, sentences, check)
    guess = None
    if published is None:
        published, guess = _dated_by_text(found, cleaned)
        published_from = "text" if published else None
    return published, published_from, guess, dates.resolve_found(found, published)


DATELINE_REACH = 60
"""A date this near the start of the first paragraph is its dateline's."""


def _dated_by_text(
    found: list[dates.Found], cleaned: Cleaned
) -> tuple[dt.date | None, dt.date | None]:
    """The publication date the text gives, and else a guess at it. The evidence is a full
    date in a photo's caption ("… on Friday, April 1, 2022."), in the dateline at the start
    of the first paragraph, or the latest full date of the body where it is in the lead (not
    a birth date); the guess is the latest full date written anywhere."""
    days = [(value, item) for item in found if (value := dates.full_date(item.match))]
    caption = dates.latest_full_date(cleaned.removed)
    evidence = [caption] if caption else []
    evidence += [
        d for d, item in days if item.paragraph == 0 and item.match.start() < DATELINE_REACH
    ]
    if days:
        latest, item = max(days, key=lambda pair: pair[0])
        start, end = item.sentence
        sentence = cleaned.paragraphs[item.paragraph][start:end]
        if item.paragraph == 0 and "born" not in sentence:
            evidence.append(latest)
    if evidence:
        return max(evidence), None
    written = [d for d in (caption, *(d for d, _ in days)) if d]
    return None, max(written) if written else None
