"""Resolve a date expression found in a body against the article's publication date.

Each form of expression has a small function of its own (`_RESOLVERS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from ..model import Event, Precision
from ..text import around
from .finding import Found
from .words import MONTHS, NUMBERS, ORDINALS, SEASONS, WEEKDAYS

Tense = bool | None
"""Whether an expression is about the future (True) or the past (False), or None where
nothing around it tells."""
SENTENCE_LIMIT = 400
"""An event keeps at most this much of its sentence, around its expression."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved date: its ISO-style text and precision."""

    date: str
    precision: Precision
    end: str | None = None
    """Where a range ends ("2009-2010": "2010"), in the same form; None for one date."""


def _day(value: dt.date) -> Resolved:
    return Resolved(value.isoformat(), "day")


def _month(year: int, month: int) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> Resolved:
    return Resolved(f"{year:04d}", "year")


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_by_tense(month: int, anchor: dt.date, future: Tense, strict: bool = False) -> Resolved:
    """The latest such month on or before the anchor's month (or the next one, ahead); with
    no tense to tell, the nearest, ahead or back ("a ceremony on March 12", written in
    February, is this March's)."""
    year = anchor.year
    if future is None:
        now = anchor.year * 12 + anchor.month
        year = min((year - 1, year, year + 1), key=lambda y: (abs(y * 12 + month - now), y))
    elif future:
        if month < anchor.month or (strict and month == anchor.month):
            year += 1
    elif month > anchor.month or (strict and month == anchor.month):
        year -= 1
    return _month(year, month)


def _weekday(name: str, relation: str, anchor: dt.date, future: Tense) -> Resolved:
    target = WEEKDAYS.index(name.lower())
    relation = relation.lower()
    if relation == "next" or (future and relation != "last"):
        ahead = (target - anchor.weekday()) % 7
        if ahead == 0 and relation == "next":
            ahead = 7
        return _day(anchor + dt.timedelta(days=ahead))
    back = (anchor.weekday() - target) % 7
    if back == 0 and relation == "last":
        back = 7
    return _day(anchor - dt.timedelta(days=back))


def _season_by_tense(name: str, relation: str, anchor: dt.date, future: Tense) -> Resolved:
    start_month = SEASONS[name.lower()]
    starts = [dt.date(year, start_month, 1) for year in range(anchor.year - 2, anchor.year + 2)]
    if relation == "this":
        year = anchor.year
    elif relation in ("next", "coming") or (future and relation not in ("last", "past")):
        year = next(s for s in starts if s > anchor).year
    elif relation in ("last", "past"):
        year = max(s for s in starts if s + relativedelta(months=3) <= anchor).year
    else:
        year = max(s for s in starts if s <= anchor).year
    return Resolved(f"{year:04d}", "season")


def _shift(anchor: dt.date, unit: str, amount: int) -> Resolved:
    if unit == "day":
        return _day(anchor + dt.timedelta(days=amount))
    if unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=amount)
        if unit == "weekend":
            return _day(monday + dt.timedelta(days=5))
        return Resolved(monday.isoformat(), "week")
    if unit == "month":
        moved = anchor + relativedelta(months=amount)
        return _month(moved.year, moved.month)
    return _year(anchor.year + amount)


_AGO_UNITS = {"fortnight": ("week", 2), "decade": ("year", 10), "centur": ("year", 100)}


def _weekday_in_month(name: str, day: int, anchor: dt.date, future: Tense) -> Resolved | None:
    """ "Tuesday the 8th": the nearest month, back or ahead by tense, whose 8th is a Tuesday."""
    target = WEEKDAYS.index(name.lower())
    for step in range(24):
        ahead = bool(future)
        month = anchor + relativedelta(months=step if ahead else -step, day=1)
        value = date_or_none(month.year, month.month, day)
        if value and value.weekday() == target and (value >= anchor) == ahead:
            return _day(value)
    return None


_RELATION_STEP = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1, "the": 0}


Group = Callable[[str], str | None]
"""The text of a named group of a match (its `group` method)."""
Resolver = Callable[[Group, dt.date | None, Tense], Resolved | None]
"""Resolves one form of expression, given its groups, the anchor (the publication date, if
known) and whether its sentence speaks of the future; None when it needs an anchor it does
not have, or names no real date."""


def _text(g: Group, name: str) -> str:
    return g(name) or ""


def _month_day(kind: str) -> Resolver:
    """ "April 1" and "1 April", with or without a year (kinds "md" and "dm")."""

    def resolve(g: Group, anchor: dt.date | None, future: Tense) -> Resolved | None:
        month = _month_number(_text(g, f"{kind}_m"))
        day = int(re.sub(r"\D", "", g(f"{kind}_d") or "0"))
        year_text = g(f"{kind}_y")
        if year_text:
            year = int(year_text)
        elif anchor is None:
            return None
        else:
            year = int(_month_by_tense(month, anchor, future).date[:4])
        value = date_or_none(year, month, day)
        return _day(value) if value else None

    return resolve


def _iso(g: Group, anchor: dt.date | None, future: Tense) -> Resolved | None:
    try:
        return _day(dt.date.fromisoformat(_text(g, "iso_v")))
    except ValueError:
        return None


def _month_year(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return _month(int(_text(g, "my_y")), _month_number(_text(g, "my_m")))


_PART_MONTH = {"end": 12, "middle": 6}
"""The month a part of a year names ("the end of 2021"); any other part is its start."""


def _part_of_year(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return _month(int(_text(g, "ey_y")), _PART_MONTH.get(_text(g, "ey_e"), 1))


def _decade(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return Resolved(_text(g, "dec"), "decade")


def _year_of(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return _year(int(_text(g, "year_v")))


def _year_range(first: str, last: str) -> Resolver:
    """ "2009-2010", "1957-58", "from 2019 to 2021", "between 1985 and 1987": the first year,
    ending with the last; a last year of two digits is in the first's century, or the next
    ("1999-00"). A "range" that does not go forward is no range: the first year alone."""

    def resolve(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
        start, end_text = int(_text(g, first)), _text(g, last)
        end = int(end_text)
        if len(end_text) == 2:
            end += start // 100 * 100 + (100 if end < start % 100 else 0)
        if end <= start:
            return _year(start)
        return Resolved(f"{start:04d}", "year", f"{end:04d}")

    return resolve


def _year_modifier(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    """ "a 2009 analysis", "the 1996 bombing"."""
    return _year(int(_text(g, "ym_v")))


def _half(g: Group, anchor: dt.date | None, future: Tense) -> Resolved | None:
    """ "the first half of 2004", "the second half of this year"."""
    if g("h_y"):
        year = int(_text(g, "h_y"))
    elif anchor is None:
        return None
    else:
        year = anchor.year + _RELATION_STEP.get(_text(g, "h_r"), 0)
    month = 1 if _text(g, "h_n").lower() in ("first", "1st") else 7
    return Resolved(f"{year:04d}-{month:02d}", "half")


def _season_year(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return Resolved(_text(g, "sy_y"), "season")


def _quarter(kind: str) -> Resolver:
    """ "the first quarter (of 2022)" and "Q1 (2022)" (kinds "quarter" and "qn")."""

    def resolve(g: Group, anchor: dt.date | None, future: Tense) -> Resolved | None:
        if kind == "quarter":
            quarter, year_text = ORDINALS.get(_text(g, "q_n").lower(), 0), g("q_y")
        else:
            quarter, year_text = int(_text(g, "qn_n") or 0), g("qn_y")
        if year_text:
            year = int(year_text)
        elif anchor is None:
            return None
        else:
            current = (anchor.month - 1) // 3 + 1
            year = anchor.year + (1 if future and quarter < current else 0)
            year -= 1 if not future and quarter > current else 0
        return Resolved(f"{year:04d}-{(quarter - 1) * 3 + 1:02d}", "quarter")

    return resolve


def _season(g: Group, anchor: dt.date | None, future: Tense) -> Resolved | None:
    if g("se_y"):
        return Resolved(_text(g, "se_y"), "season")
    if anchor is None:
        return None
    return _season_by_tense(_text(g, "se_s"), _text(g, "se_r").lower(), anchor, future)


def _anchored(resolve: Callable[[Group, dt.date, Tense], Resolved | None]) -> Resolver:
    """A form that only an anchor resolves: without one it stays unresolved."""

    def resolver(g: Group, anchor: dt.date | None, future: Tense) -> Resolved | None:
        return None if anchor is None else resolve(g, anchor, future)

    return resolver


def _decade_of_century(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "the '90s": the latest such decade not after the anchor."""
    decade = anchor.year // 100 * 100 + int(_text(g, "dec2") or 0)
    return Resolved(str(decade - 100 if decade > anchor.year else decade), "decade")


def _month_of_relative_year(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "November last year"."""
    step = _RELATION_STEP[_text(g, "mrel_r") or "this"]
    return _month(anchor.year + step, _month_number(_text(g, "mrel_m")))


def _relative_month(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "last April", "this April", "next April"."""
    relation = _text(g, "relm_r").lower()
    month = _month_number(_text(g, "relm_m"))
    if relation == "this":
        return _month(anchor.year, month)
    return _month_by_tense(month, anchor, _RELATION_STEP[relation] > 0, strict=True)


def _in_month(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "in April": the nearest April, back or ahead by tense."""
    return _month_by_tense(_month_number(_text(g, "inm_m")), anchor, future)


def _ago(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "three weeks ago"."""
    count_text = _text(g, "ago_n").lower()
    count = NUMBERS.get(count_text) or int(count_text or 0)
    unit, factor = _AGO_UNITS.get(_text(g, "ago_u"), (_text(g, "ago_u") or "day", 1))
    return _shift(anchor, unit, -count * factor)


def _weekday_of_relative_week(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "Friday next week"."""
    week = _shift(anchor, "week", _RELATION_STEP[_text(g, "wdnw_r") or "this"])
    monday = dt.date.fromisoformat(week.date)
    return _day(monday + dt.timedelta(days=WEEKDAYS.index(_text(g, "wdnw_w").lower())))


def _weekday_and_day(g: Group, anchor: dt.date, future: Tense) -> Resolved | None:
    """ "Tuesday the 8th"."""
    return _weekday_in_month(_text(g, "wdd_w"), int(_text(g, "wdd_d") or 0), anchor, future)


def _within(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "earlier this week", "later this year"."""
    return _shift(anchor, _text(g, "wi_u") or "year", 0)


def _part_of_relative(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "the end of the year", "the start of next month"."""
    unit = _text(g, "end_u") or "year"
    step = _RELATION_STEP[_text(g, "end_r") or "the"]
    if unit == "month":
        return _shift(anchor, "month", step)
    return _month(anchor.year + step, _PART_MONTH.get(_text(g, "end_e"), 1))


def _relative(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "last week", "this month", "next year"."""
    step = _RELATION_STEP[_text(g, "rel_r").lower() or "this"]
    return _shift(anchor, _text(g, "rel_u") or "year", step)


_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _deictic_day(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "yesterday", "today", "tomorrow", "tonight"."""
    return _day(anchor + dt.timedelta(days=_DAY_OFFSETS[_text(g, "day_v").lower()]))


def _weekday_named(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "Friday", "on Friday", "last Friday", "next Friday"."""
    return _weekday(_text(g, "wd_d"), _text(g, "wd_r"), anchor, future)


_RESOLVERS: dict[str, Resolver] = {
    "md": _month_day("md"),
    "dm": _month_day("dm"),
    "iso": _iso,
    "my": _month_year,
    "endy": _part_of_year,
    "decade": _decade,
    "year": _year_of,
    "yearmod": _year_modifier,
    "yrange": _year_range("yr_a", "yr_b"),
    "ybetween": _year_range("yb_a", "yb_b"),
    "half": _half,
    "seasony": _season_year,
    "quarter": _quarter("quarter"),
    "qn": _quarter("qn"),
    "season": _season,
    "decade2": _anchored(_decade_of_century),
    "mrel": _anchored(_month_of_relative_year),
    "relm": _anchored(_relative_month),
    "inm": _anchored(_in_month),
    "ago": _anchored(_ago),
    "wdnw": _anchored(_weekday_of_relative_week),
    "wdd": _anchored(_weekday_and_day),
    "within": _anchored(_within),
    "end": _anchored(_part_of_relative),
    "rel": _anchored(_relative),
    "day": _anchored(_deictic_day),
    "wd": _anchored(_weekday_named),
}
"""The resolver of each kind of expression the scanner finds (`finding._PATTERNS`)."""


def resolve_match(match: re.Match[str], anchor: dt.date | None, future: Tense) -> Resolved | None:
    try:
        resolver = _RESOLVERS.get(match.lastgroup or "")
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


def full_date_of(item: Found) -> dt.date | None:
    """The date a found expression writes in full (day, month and year), or None."""
    resolved = resolve_match(item.match, None, item.future)
    if resolved and resolved.precision == "day":
        return dt.date.fromisoformat(resolved.date)
    return None
