"""Find date expressions in text and resolve them against an article's publication date.

Resolution follows the news convention (HeidelTime's news mode): a weekday or a bare month
in a past-tense sentence is the latest one on or before the publication date, and in a
future-tense sentence the next one. An expression with no anchor stays unresolved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .model import Event, Precision
from .text import Spans, around, occurrences, sentence_spans

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

# Month and weekday names may be lowercase, as in quotes and posts, except "may" and "march",
# which are more often a verb.
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|january|february|april|june|july|august|september|october|november|december)"
)
_MONTH_ANY = (
    _MONTH_FULL[:-1]
    + r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

# The first words an expression can start with, lowercased; `_NUMBER` stands for any word
# that starts with a digit.
_NUMBER = "0"
_FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")]
_RELATIONS = ("last", "this", "next", "past", "coming")
_PARTS = ("end", "beginning", "start", "middle")
_MONTH_PREPOSITIONS = (
    "in", "since", "by", "until", "during", "through", "from", "before", "after", "early", "late",
    "mid",
)  # fmt: skip
_YEAR_PREPOSITIONS = (
    "in", "since", "by", "during", "until", "through", "into", "from", "before", "after", "early",
    "late", "for", "throughout", "between", "around", "mid",
)  # fmt: skip

# Each expression: its kind, the first words it can start with, and its pattern.
_PATTERNS = [
    ("md", ("on", *WEEKDAYS, *MONTHS), rf"(?:(?:[Oo]n\s+)?{_WEEKDAY},?\s+)?(?P<md_m>{_MONTH_ANY})(?:\s+|/)(?P<md_d>{_DAY})\b(?:,?\s+(?P<md_y>{_YEAR})\b)?"),
    ("dm", ("on", *WEEKDAYS, _NUMBER), rf"(?:(?:[Oo]n\s+)?{_WEEKDAY},?\s+)?(?P<dm_d>{_DAY})(?:\s+(?:of\s+)?|/)(?P<dm_m>{_MONTH_ANY})(?!\w)(?:(?:,?\s+|/)(?P<dm_y>{_YEAR})\b)?"),
    ("iso", (_NUMBER,), rf"(?P<iso_v>\b{_YEAR}-\d{2}-\d{2})\b"),
    ("my", ("early", "late", "mid", *MONTHS), rf"(?:(?P<my_mod>early\s+|late\s+|mid-|mid\s+))?(?P<my_m>{_MONTH_ANY})(?!\w),?\s+(?:of\s+)?(?P<my_y>{_YEAR})\b"),
    ("mrel", (*_FULL_MONTHS,), rf"(?P<mrel_m>{_MONTH_FULL})\s+(?P<mrel_r>last|this|next)\s+year\b"),
    ("relm", (*_RELATIONS,), rf"\b(?P<relm_r>last|this|next|past|coming)\s+(?P<relm_m>{_MONTH_FULL})\b(?!\s+\d)"),
    ("inm", (*_MONTH_PREPOSITIONS,), rf"\b(?P<inm_p>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hrough|[Ff]rom|[Bb]efore|[Aa]fter|early|late|mid-?)\s+(?P<inm_m>{_MONTH_FULL})\b(?!\s+(?:last|this|next)\s+year|,?\s+(?:of\s+)?\d)"),
    ("season", (*_RELATIONS, "early", "late", "in", "the"), rf"\b(?:(?P<se_r>last|this|next|past|coming|early|late)\s+|(?:in\s+)?the\s+)(?P<se_s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<se_y>{_YEAR})\b)?"),
    ("seasony", (*_SEASONS,), rf"\b(?P<sy_s>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?(?P<sy_y>{_YEAR})\b"),
    ("quarter", ("first", "second", "third", "fourth", _NUMBER), rf"\b(?P<q_n>first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?:\s+(?:of\s+)?(?P<q_y>{_YEAR})\b)?"),
    ("qn", ("q1", "q2", "q3", "q4"), rf"\bQ(?P<qn_n>[1-4])\b(?:\s+(?P<qn_y>{_YEAR})\b)?"),
    ("decade", ("the", _NUMBER), r"\b(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0)s\b"),
    ("decade2", ("the",), r"\bthe\s+['’](?P<dec2>\d0)s\b"),
    ("endy", ("the", *_PARTS), rf"\b(?:the\s+)?(?P<ey_e>end|beginning|start|middle)\s+of\s+(?P<ey_y>{_YEAR})\b"),
    ("year", (*_YEAR_PREPOSITIONS,), rf"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]hrough|[Ii]nto|[Ff]rom|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Ff]or|[Tt]hroughout|[Bb]etween|[Aa]round)\s+|\b[Mm]id-)(?P<year_v>{_YEAR})\b(?![,.]?\d|-\d)"),
    ("ago", (_NUMBER, *_NUMBERS), r"\b(?P<ago_n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<ago_u>day|week|fortnight|month|year|decade|centur)(?:s|ies|y)?\s+ago\b"),
    ("within", ("earlier", "later"), r"\b(?P<wi_r>earlier|later)\s+this\s+(?P<wi_u>week|month|year)\b"),
    ("end", ("the", *_PARTS), r"\b(?:the\s+)?(?P<end_e>end|beginning|start|middle)\s+of\s+(?P<end_r>the|this|last|next)\s+(?P<end_u>year|month)\b"),
    ("rel", (*_RELATIONS,), r"\b(?P<rel_r>last|this|next|past|coming)\s+(?P<rel_u>week|weekend|month|year)\b"),
    ("day", ("yesterday", "today", "tomorrow", "tonight"), r"\b(?P<day_v>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b"),
    ("wdnw", ("on", *WEEKDAYS), rf"(?:[Oo]n\s+)?(?P<wdnw_w>{_WEEKDAY})\s+(?P<wdnw_r>last|this|next)\s+week\b"),
    ("wdd", ("on", *WEEKDAYS), rf"(?:[Oo]n\s+)?(?P<wdd_w>{_WEEKDAY}),?\s+(?:the\s+)?(?P<wdd_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"),
    ("wd", ("on", "last", "next", "this", *WEEKDAYS), rf"\b(?:(?P<wd_r>on|last|next|this|[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd_d>{_WEEKDAY})(?:['’]s)?\b(?!s\b)"),
]  # fmt: skip


def _scanner(kinds: Iterable[str]) -> re.Pattern[str]:
    """One pattern for the expressions of these kinds, tried in the order of `_PATTERNS`.

    Every expression starts at a word boundary; anchoring there spares the alternation from
    being tried at every character.
    """
    wanted = set(kinds)
    alternatives = [f"(?P<{kind}>{pattern})" for kind, _, pattern in _PATTERNS if kind in wanted]
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


# The scanner for each first word tries only the expressions that can start with it.
_SCANNERS = {
    word: _scanner(kind for kind, starts, _ in _PATTERNS if word in starts)
    for word in {word for _, starts, _ in _PATTERNS for word in starts}
}
# Every expression holds a run of digits, a month's abbreviation or one of the trigger words,
# with at most `_LEAD` characters before the first ("the beginning of the year") and at most
# `_TAIL` after it. Finding them is much cheaper than trying the scanner everywhere, so the
# scanner is only tried at the word starts that lead up to them.
_ABBREVIATED = sorted({name[:3].title() for name in MONTHS})  # "Jan", "Feb", …
# Digit runs and abbreviations in one pass: a pattern that starts with a character class is
# searched quickly, and a lookbehind on that first character picks the rest that follows it.
_DIGITS_OR_MONTH = re.compile(
    "[0-9"
    + "".join({a[0]: None for a in _ABBREVIATED})
    + "](?:(?<=[0-9])[0-9]*|"
    + "|".join(f"(?<={a[0]}){a[1:]}" for a in _ABBREVIATED)
    + ")"
)
# Found with `occurrences`, not a pattern of them all. Seasons and lowercase months are
# rare, but finding them costs no more than asking whether a text holds one.
_TRIGGER_WORDS = (
    *"day onight rtnight morrow week month year quarter ago".split(),
    *_SEASONS,
    *(season.title() for season in _SEASONS),
    *(name for name in _FULL_MONTHS if name != "may"),
)
_WORD = re.compile(r"\b\w+")
SENTENCE_LIMIT = 400
"""An event keeps at most this much of its sentence, around its expression."""
_LEAD = 32
_TAIL = 48

# Searched for in the lowercased sentence: a case-blind pattern is tried far more slowly.
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|going to|gonna|set to|scheduled|plans? to|planning to|"
    r"intends? to|upcoming|next|is expected to|are expected to|must|has to|have to|"
    r"needs? to)\b|['’]ll\b"
)


# Every future marker holds one of these; looking for them first spares most sentences the
# slower pattern.
_FUTURE_HINTS = ("will", "won", "shall", "going", "gonna", "set to", "schedul", "plan",
                 "intend", "upcoming", "next", "expected to", "must", "has to", "have to",
                 "need", "'ll", "’ll")  # fmt: skip


def _speaks_of_future(sentence: str) -> bool:
    lowered = sentence.lower()
    for hint in _FUTURE_HINTS:  # a loop, not any(): this runs for most dated sentences
        if hint in lowered:
            return bool(_FUTURE.search(lowered))
    return False


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved date: its ISO-style text and precision."""

    date: str
    precision: Precision


@dataclass(frozen=True, slots=True)
class Expression:
    """A date expression found in text."""

    start: int
    end: int
    text: str
    resolved: Resolved | None


def _day(value: dt.date) -> Resolved:
    return Resolved(value.isoformat(), "day")


def _month(year: int, month: int) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> Resolved:
    return Resolved(f"{year:04d}", "year")


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_by_tense(month: int, anchor: dt.date, future: bool, strict: bool = False) -> Resolved:
    """The latest such month on or before the anchor's month (or the next one, ahead)."""
    year = anchor.year
    if future:
        if month < anchor.month or (strict and month == anchor.month):
            year += 1
    elif month > anchor.month or (strict and month == anchor.month):
        year -= 1
    return _month(year, month)


def _weekday(name: str, relation: str, anchor: dt.date, future: bool) -> Resolved:
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


def _season(name: str, relation: str, anchor: dt.date, future: bool) -> Resolved:
    start_month = _SEASONS[name.lower()]
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


def _weekday_in_month(name: str, day: int, anchor: dt.date, future: bool) -> Resolved | None:
    """ "Tuesday the 8th": the nearest month, back or ahead by tense, whose 8th is a Tuesday."""
    target = WEEKDAYS.index(name.lower())
    for step in range(24):
        month = anchor + relativedelta(months=step if future else -step, day=1)
        value = _date_or_none(month.year, month.month, day)
        if value and value.weekday() == target and (value >= anchor) == future:
            return _day(value)
    return None


_RELATION_STEP = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1, "the": 0}


def _resolve(  # one branch per pattern of the scanner
    kind: str, g: Callable[[str], str | None], anchor: dt.date | None, future: bool
) -> Resolved | None:
    """Resolve one match of the scanner; None when it needs an anchor it does not have.

    `g` gives the text of a named group of the match (its `group` method).
    """
    if kind in ("md", "dm"):
        month = _month_number(g(f"{kind}_m") or "")
        day = int(re.sub(r"\D", "", g(f"{kind}_d") or "0"))
        year_text = g(f"{kind}_y")
        if year_text:
            value = _date_or_none(int(year_text), month, day)
            return _day(value) if value else None
        if anchor is None:
            return None
        guessed = int(_month_by_tense(month, anchor, future).date[:4])
        value = _date_or_none(guessed, month, day)
        return _day(value) if value else None
    if kind == "iso":
        try:
            return _day(dt.date.fromisoformat(g("iso_v") or ""))
        except ValueError:
            return None
    if kind == "my":
        return _month(int(g("my_y") or 0), _month_number(g("my_m") or ""))
    if kind == "endy":
        month = {"end": 12, "middle": 6}.get(g("ey_e") or "", 1)
        return _month(int(g("ey_y") or 0), month)
    if kind == "decade":
        return Resolved(g("dec") or "", "decade")
    if kind == "year":
        return _year(int(g("year_v") or 0))
    if kind == "seasony":
        return Resolved(g("sy_y") or "", "season")
    if kind in ("quarter", "qn"):
        quarter = _ORDINALS.get(g("q_n") or "", 0) if kind == "quarter" else int(g("qn_n") or 0)
        year_text = g("q_y") if kind == "quarter" else g("qn_y")
        if year_text:
            year = int(year_text)
        elif anchor is None:
            return None
        else:
            current = (anchor.month - 1) // 3 + 1
            year = anchor.year + (1 if future and quarter < current else 0)
            year -= 1 if not future and quarter > current else 0
        return Resolved(f"{year:04d}-{(quarter - 1) * 3 + 1:02d}", "quarter")
    if kind == "season" and g("se_y"):
        return Resolved(g("se_y") or "", "season")
    if anchor is None:
        return None
    if kind == "decade2":
        century = anchor.year // 100 * 100
        decade = century + int(g("dec2") or 0)
        return Resolved(str(decade - 100 if decade > anchor.year else decade), "decade")
    if kind == "mrel":
        step = _RELATION_STEP[g("mrel_r") or "this"]
        return _month(anchor.year + step, _month_number(g("mrel_m") or ""))
    if kind == "relm":
        relation = g("relm_r") or ""
        month = _month_number(g("relm_m") or "")
        if relation == "this":
            return _month(anchor.year, month)
        return _month_by_tense(month, anchor, _RELATION_STEP[relation] > 0, strict=True)
    if kind == "inm":
        return _month_by_tense(_month_number(g("inm_m") or ""), anchor, future)
    if kind == "season":
        return _season(g("se_s") or "", (g("se_r") or "").lower(), anchor, future)
    if kind == "ago":
        count = _NUMBERS.get((g("ago_n") or "").lower()) or int(g("ago_n") or 0)
        unit, factor = _AGO_UNITS.get(g("ago_u") or "", (g("ago_u") or "day", 1))
        return _shift(anchor, unit, -count * factor)
    if kind == "wdnw":
        week = _shift(anchor, "week", _RELATION_STEP[g("wdnw_r") or "this"])
        monday = dt.date.fromisoformat(week.date)
        return _day(monday + dt.timedelta(days=WEEKDAYS.index((g("wdnw_w") or "").lower())))
    if kind == "wdd":
        return _weekday_in_month(g("wdd_w") or "", int(g("wdd_d") or 0), anchor, future)
    if kind == "within":
        return _shift(anchor, g("wi_u") or "year", 0)
    if kind == "end":
        unit = g("end_u") or "year"
        step = _RELATION_STEP[g("end_r") or "the"]
        if unit == "month":
            return _shift(anchor, "month", step)
        year = anchor.year + step
        month = {"end": 12, "middle": 6}.get(g("end_e") or "", 1)
        return _month(year, month)
    if kind == "rel":
        return _shift(anchor, g("rel_u") or "year", _RELATION_STEP[g("rel_r") or "this"])
    if kind == "day":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[
            (g("day_v") or "").lower()
        ]
        return _day(anchor + dt.timedelta(days=offset))
    if kind == "wd":
        return _weekday(g("wd_d") or "", g("wd_r") or "", anchor, future)
    return None


def _date_number(text: str, start: int, end: int) -> bool:
    """Whether a run of digits can be in a date expression as the trigger that finds it: a
    day (1 to 31), a year (1600 to 2099) or a decade ("'90s"), not a part of "2,654" or "4.3".
    A count ("45 days ago") is found by its unit instead."""
    if text[start - 1 : start] in (",", ".") and text[start - 2 : start - 1].isdigit():
        return False
    if text[end : end + 1] in (",", ".") and text[end + 1 : end + 2].isdigit():
        return False
    if end - start > 4:  # no year is longer, and a long run is no number to convert
        return False
    number = int(text[start:end])
    return number <= 31 or 1600 <= number <= 2099 or text[end : end + 1] == "s"


def _triggers(paragraphs: Sequence[str]) -> list[list[tuple[int, int]]]:
    """The spans of each paragraph's digit runs and trigger words, in order; they may overlap.

    The whole body is searched at once.
    """
    whole = "\n".join(paragraphs)
    found = [trigger.span() for trigger in _DIGITS_OR_MONTH.finditer(whole)]
    found.extend(occurrences(whole, _TRIGGER_WORDS))
    found.sort()
    each: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    index, offset = 0, 0
    for start, end in found:  # no trigger holds the newline between two paragraphs
        while start > offset + len(paragraphs[index]):
            offset += len(paragraphs[index]) + 1
            index += 1
        each[index].append((start - offset, end - offset))
    return each


def _matches(
    text: str, spans: Sequence[tuple[int, int]], triggers: Iterable[tuple[int, int]]
) -> Iterator[tuple[int, re.Match[str]]]:
    """The scanner's matches in each span of the text (a sentence), with the span's index.

    They are what `finditer` would give in each span alone, found faster: the triggers are
    found first, and the scanner is tried only at the words leading up to them.
    """
    position = 0
    sentence = 0
    for at, trigger_end in triggers:
        while sentence < len(spans) and spans[sentence][1] <= at:
            sentence += 1
        if sentence == len(spans):
            return
        start, end = spans[sentence]
        if at < max(position, start):  # inside the last match, or between sentences
            continue
        if text[at].isdigit() and not _date_number(text, at, trigger_end):
            continue
        stop = min(end, trigger_end + _TAIL)
        # Every expression starts a word; the first word that starts one is the leftmost.
        for word in _WORD.finditer(text, max(position, start, at - _LEAD), stop):
            if word.start() > at:
                break
            first = word.group()
            scanner = _SCANNERS.get(_NUMBER if first[0].isdigit() else first.lower())
            if scanner is None:
                continue
            match = scanner.match(text, word.start(), stop)
            if match:
                position = match.end()
                yield sentence, match
                break


def matches(sentence: str) -> Iterator[re.Match[str]]:
    """The scanner's matches in one sentence, as `finditer` would give them."""
    for _, match in _matches(sentence, ((0, len(sentence)),), _triggers((sentence,))[0]):
        yield match


def _resolved(match: re.Match[str], anchor: dt.date | None, future: bool) -> Resolved | None:
    try:
        return _resolve(match.lastgroup or "", match.group, anchor, future)
    except (ValueError, OverflowError):  # "99999999 days ago" leaves the calendar
        return None


def scan(sentence: str, anchor: dt.date | None) -> Iterator[Expression]:
    """Find and resolve every date expression in one sentence."""
    future: bool | None = None
    for match in matches(sentence):
        if future is None:
            future = _speaks_of_future(sentence)
        start, end = match.span()
        yield Expression(start, end, match.group(), _resolved(match, anchor, future))


@dataclass(slots=True)
class Found:
    """A date expression in a body, found but not yet resolved."""

    paragraph: int
    sentence: tuple[int, int]
    match: re.Match[str]
    future: bool
    """Whether its sentence speaks of the future."""


def find(paragraphs: Sequence[str], sentences: Sequence[Spans]) -> list[Found]:
    """Every date expression of a body, to resolve once the publication date is known.

    `sentences` holds the sentence spans of each paragraph.
    """
    found: list[Found] = []
    triggers = _triggers(paragraphs)
    for index, (paragraph, spans) in enumerate(zip(paragraphs, sentences, strict=True)):
        futures: dict[int, bool] = {}
        for sentence, match in _matches(paragraph, spans, triggers[index]):
            start, end = spans[sentence]
            if sentence not in futures:
                futures[sentence] = _speaks_of_future(paragraph[start:end])
            found.append(Found(index, (start, end), match, futures[sentence]))
    return found


def resolve_found(found: Iterable[Found], anchor: dt.date | None) -> list[Event]:
    """The events of found expressions, resolved against the publication date."""
    events: list[Event] = []
    for item in found:
        resolved = _resolved(item.match, anchor, item.future)
        start, end = item.sentence
        events.append(
            Event(
                date=resolved.date if resolved else None,
                precision=resolved.precision if resolved else None,
                expression=item.match.group(),
                text=around(item.match.string, start, end, item.match.start(), SENTENCE_LIMIT),
                paragraph=item.paragraph,
                offset=item.match.start(),
            )
        )
    return events


def events(paragraphs: Sequence[str], anchor: dt.date | None) -> list[Event]:
    """Every date expression of a body, resolved against the publication date."""
    return resolve_found(find(paragraphs, [sentence_spans(p) for p in paragraphs]), anchor)


def latest_found(found: Iterable[Found]) -> dt.date | None:
    """The latest complete date (day, month and year) among found expressions."""
    days = [
        resolved.date
        for item in found
        if (resolved := _resolved(item.match, None, item.future)) and resolved.precision == "day"
    ]
    return dt.date.fromisoformat(max(days)) if days else None


_NUMERIC_DATE = re.compile(r"(?<!\s)\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def parse_date(text: str) -> dt.date | None:
    """A publication date as metadata writes it, or None: no guess is made.

    ISO (`2022-04-01T10:00:00Z`, `2022/04/01`), RFC 2822 (`Fri, 01 Apr 2022 10:00:00 GMT`) and
    words (`April 1, 2022`, `1 April 2022`) are read. An impossible date gives None.
    """
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        return _date_or_none(*(int(part) for part in numeric.groups()))
    with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
        return email.utils.parsedate_to_datetime(text).date()
    for expression in scan(text, None):
        resolved = expression.resolved
        if resolved and resolved.precision == "day":
            return dt.date.fromisoformat(resolved.date)
    return None


_HAS_YEAR = re.compile(_YEAR)


def latest_full_date(texts: Iterable[str]) -> dt.date | None:
    """The latest complete date (day, month and year) written in any of the texts."""
    latest: dt.date | None = None
    for text in texts:
        if not _HAS_YEAR.search(text):  # a full date writes its year
            continue
        for expression in scan(text, None):
            resolved = expression.resolved
            if resolved and resolved.precision == "day":
                value = dt.date.fromisoformat(resolved.date)
                if latest is None or value > latest:
                    latest = value
    return latest
