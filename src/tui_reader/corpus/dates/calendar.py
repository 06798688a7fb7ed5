"""Dates on the calendar, as resolving expressions needs them: a day, a month or a year
as text, the nearest weekday, month or season before or after a day, a shift by weeks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from ..model import Precision
from .words import MONTHS, SEASONS, WEEKDAYS

Tense = bool | None
"""Whether an expression is about the future (True) or the past (False), or None where
nothing around it tells."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved date: its ISO-style text and precision."""

    date: str
    precision: Precision
    end: str | None = None
    """Where a range ends ("2009-2010": "2010"), in the same form; None for one date."""


def a_day(value: dt.date) -> Resolved:
    return Resolved(value.isoformat(), "day")


def a_month(year: int, month: int) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month")


def a_year(year: int) -> Resolved:
    return Resolved(f"{year:04d}", "year")


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_by_tense(month: int, anchor: dt.date, future: Tense, strict: bool = False) -> Resolved:
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
    return a_month(year, month)


def weekday(name: str, relation: str, anchor: dt.date, future: Tense) -> Resolved:
    target = WEEKDAYS.index(name.lower())
    relation = relation.lower()
    if relation == "next" or (future and relation != "last"):
        ahead = (target - anchor.weekday()) % 7
        if ahead == 0 and relation == "next":
            ahead = 7
        return a_day(anchor + dt.timedelta(days=ahead))
    back = (anchor.weekday() - target) % 7
    if back == 0 and relation == "last":
        back = 7
    return a_day(anchor - dt.timedelta(days=back))


def season_by_tense(name: str, relation: str, anchor: dt.date, future: Tense) -> Resolved:
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


def shift(anchor: dt.date, unit: str, amount: int) -> Resolved:
    if unit == "day":
        return a_day(anchor + dt.timedelta(days=amount))
    if unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=amount)
        if unit == "weekend":
            return a_day(monday + dt.timedelta(days=5))
        return Resolved(monday.isoformat(), "week")
    if unit == "month":
        moved = anchor + relativedelta(months=amount)
        return a_month(moved.year, moved.month)
    return a_year(anchor.year + amount)


AGO_UNITS = {"fortnight": ("week", 2), "decade": ("year", 10), "centur": ("year", 100)}


def weekday_in_month(name: str, day: int, anchor: dt.date, future: Tense) -> Resolved | None:
    """ "Tuesday the 8th": the nearest month, back or ahead by tense, whose 8th is a Tuesday."""
    target = WEEKDAYS.index(name.lower())
    for step in range(24):
        ahead = bool(future)
        month = anchor + relativedelta(months=step if ahead else -step, day=1)
        value = date_or_none(month.year, month.month, day)
        if value and value.weekday() == target and (value >= anchor) == ahead:
            return a_day(value)
    return None


RELATION_STEP = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1, "the": 0}
