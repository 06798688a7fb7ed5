"""One small resolver for each form of expression the scanner finds (`finding._PATTERNS`),
in one table (`RESOLVERS`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .calendar import (
    AGO_UNITS,
    RELATION_STEP,
    Resolved,
    Tense,
    a_day,
    a_month,
    a_year,
    date_or_none,
    month_by_tense,
    month_number,
    season_by_tense,
    shift,
    weekday,
    weekday_in_month,
)
from .words import NUMBERS, ORDINALS, WEEKDAYS

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
        month = month_number(_text(g, f"{kind}_m"))
        day = int(re.sub(r"\D", "", g(f"{kind}_d") or "0"))
        year_text = g(f"{kind}_y")
        if year_text:
            year = int(year_text)
        elif anchor is None:
            return None
        else:
            year = int(month_by_tense(month, anchor, future).date[:4])
        value = date_or_none(year, month, day)
        return a_day(value) if value else None

    return resolve


def _iso(g: Group, anchor: dt.date | None, future: Tense) -> Resolved | None:
    try:
        return a_day(dt.date.fromisoformat(_text(g, "iso_v")))
    except ValueError:
        return None


def _month_year(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return a_month(int(_text(g, "my_y")), month_number(_text(g, "my_m")))


_PART_MONTH = {"end": 12, "middle": 6}
"""The month a part of a year names ("the end of 2021"); any other part is its start."""


def _part_of_year(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return a_month(int(_text(g, "ey_y")), _PART_MONTH.get(_text(g, "ey_e"), 1))


def _decade(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return Resolved(_text(g, "dec"), "decade")


def _year_of(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    return a_year(int(_text(g, "year_v")))


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
            return a_year(start)
        return Resolved(f"{start:04d}", "year", f"{end:04d}")

    return resolve


def _year_modifier(g: Group, anchor: dt.date | None, future: Tense) -> Resolved:
    """ "a 2009 analysis", "the 1996 bombing"."""
    return a_year(int(_text(g, "ym_v")))


def _half(g: Group, anchor: dt.date | None, future: Tense) -> Resolved | None:
    """ "the first half of 2004", "the second half of this year"."""
    if g("h_y"):
        year = int(_text(g, "h_y"))
    elif anchor is None:
        return None
    else:
        year = anchor.year + RELATION_STEP.get(_text(g, "h_r"), 0)
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
    return season_by_tense(_text(g, "se_s"), _text(g, "se_r").lower(), anchor, future)


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
    step = RELATION_STEP[_text(g, "mrel_r") or "this"]
    return a_month(anchor.year + step, month_number(_text(g, "mrel_m")))


def _relative_month(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "last April", "this April", "next April"."""
    relation = _text(g, "relm_r").lower()
    month = month_number(_text(g, "relm_m"))
    if relation == "this":
        return a_month(anchor.year, month)
    return month_by_tense(month, anchor, RELATION_STEP[relation] > 0, strict=True)


def _in_month(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "in April": the nearest April, back or ahead by tense."""
    return month_by_tense(month_number(_text(g, "inm_m")), anchor, future)


def _ago(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "three weeks ago"."""
    count_text = _text(g, "ago_n").lower()
    count = NUMBERS.get(count_text) or int(count_text or 0)
    unit, factor = AGO_UNITS.get(_text(g, "ago_u"), (_text(g, "ago_u") or "day", 1))
    return shift(anchor, unit, -count * factor)


def _weekday_of_relative_week(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "Friday next week"."""
    week = shift(anchor, "week", RELATION_STEP[_text(g, "wdnw_r") or "this"])
    monday = dt.date.fromisoformat(week.date)
    return a_day(monday + dt.timedelta(days=WEEKDAYS.index(_text(g, "wdnw_w").lower())))


def _weekday_and_day(g: Group, anchor: dt.date, future: Tense) -> Resolved | None:
    """ "Tuesday the 8th"."""
    return weekday_in_month(_text(g, "wdd_w"), int(_text(g, "wdd_d") or 0), anchor, future)


def _within(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "earlier this week", "later this year"."""
    return shift(anchor, _text(g, "wi_u") or "year", 0)


def _part_of_relative(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "the end of the year", "the start of next month"."""
    unit = _text(g, "end_u") or "year"
    step = RELATION_STEP[_text(g, "end_r") or "the"]
    if unit == "month":
        return shift(anchor, "month", step)
    return a_month(anchor.year + step, _PART_MONTH.get(_text(g, "end_e"), 1))


def _relative(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "last week", "this month", "next year"."""
    step = RELATION_STEP[_text(g, "rel_r").lower() or "this"]
    return shift(anchor, _text(g, "rel_u") or "year", step)


_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _deictic_day(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "yesterday", "today", "tomorrow", "tonight"."""
    return a_day(anchor + dt.timedelta(days=_DAY_OFFSETS[_text(g, "day_v").lower()]))


def _weekday_named(g: Group, anchor: dt.date, future: Tense) -> Resolved:
    """ "Friday", "on Friday", "last Friday", "next Friday"."""
    return weekday(_text(g, "wd_d"), _text(g, "wd_r"), anchor, future)


RESOLVERS: dict[str, Resolver] = {
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
