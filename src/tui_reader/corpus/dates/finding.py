"""Find date expressions in a body's sentences: one pattern per form, tried only where a
trigger (a digit, a month, a word such as "week" or "ago") leads up to it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..budget import unlimited
from ..text import Spans, occurrences
from .tense import future_of, speaks_of_future
from .words import (
    DAY,
    MONTH_ANY,
    MONTH_FULL,
    MONTHS,
    NOT_CLOCK,
    NUMBERS,
    RELATION,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)

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
    "late", "for", "throughout", "between", "around", "mid", "to", "due", "of", "fiscal", "circa",
)  # fmt: skip
# A year as a modifier, after a determiner: "a 2009 analysis", "the 1996 bombing".
_DETERMINERS = ("a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "whose")
_NUMBER_WORDS = "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in NUMBERS if len(w) > 2)
# Each expression: its kind, the first words it can start with, and its pattern.
_PATTERNS = [
    ("md", ("on", *WEEKDAYS, *MONTHS), rf"(?:(?:[Oo]n\s+)?{WEEKDAY},?\s+)?(?P<md_m>{MONTH_ANY})(?:\s+|/)(?P<md_d>{DAY})\b(?:,?\s+(?P<md_y>{YEAR})\b)?"),
    ("dm", ("on", *WEEKDAYS, _NUMBER), rf"(?:(?:[Oo]n\s+)?{WEEKDAY},?\s+)?(?P<dm_d>{DAY})(?:\s+(?:of\s+)?|/)(?P<dm_m>{MONTH_ANY})(?!\w)(?:(?:,?\s+|/)(?P<dm_y>{YEAR})\b)?"),
    ("iso", (_NUMBER,), rf"(?P<iso_v>\b{YEAR}-\d{{2}}-\d{{2}})\b"),
    ("my", ("early", "late", "mid", *MONTHS), rf"(?:(?P<my_mod>early\s+|late\s+|mid-|mid\s+))?(?P<my_m>{MONTH_ANY})(?!\w),?\s+(?:of\s+)?(?P<my_y>{YEAR})\b"),
    ("mrel", (*_FULL_MONTHS,), rf"(?P<mrel_m>{MONTH_FULL})\s+(?P<mrel_r>last|this|next)\s+year\b"),
    ("relm", (*_RELATIONS,), rf"\b{RELATION.format('relm_r')}\s+(?P<relm_m>{MONTH_FULL})\b(?!\s+\d)"),
    ("inm", (*_MONTH_PREPOSITIONS,), rf"\b(?P<inm_p>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hrough|[Ff]rom|[Bb]efore|[Aa]fter|early|late|mid-?)\s+(?P<inm_m>{MONTH_FULL})\b(?!\s+(?:last|this|next)\s+year|,?\s+(?:of\s+)?\d)"),
    ("season", (*_RELATIONS, "early", "late", "in", "the"), rf"\b(?:(?P<se_r>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate)\s+|(?:[Ii]n\s+)?[Tt]he\s+)(?P<se_s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<se_y>{YEAR})\b)?"),
    ("seasony", (*SEASONS,), rf"\b(?P<sy_s>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?(?P<sy_y>{YEAR})\b"),
    ("quarter", ("first", "second", "third", "fourth", _NUMBER), rf"\b(?P<q_n>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)[ -]quarter\b(?:\s+(?:of\s+)?(?P<q_y>{YEAR})\b)?"),
    ("qn", ("q1", "q2", "q3", "q4"), rf"\bQ(?P<qn_n>[1-4])\b(?:\s+(?P<qn_y>{YEAR})\b)?"),
    ("half", ("first", "second", "1st", "2nd", "the"), rf"\b(?:[Tt]he\s+)?(?P<h_n>[Ff]irst|[Ss]econd|1st|2nd)\s+half\s+of\s+(?:(?P<h_y>{YEAR})\b|(?:the|this)\s+year|(?P<h_r>last|next)\s+year)"),
    ("decade", ("the", _NUMBER), r"\b(?:[Tt]he\s+)?(?P<dec>(?:1[6-9]|20)\d0)s\b"),
    ("decade2", ("the",), r"\b[Tt]he\s+['’](?P<dec2>\d0)s\b"),
    ("endy", ("the", *_PARTS), rf"\b(?:[Tt]he\s+)?(?P<ey_e>end|beginning|start|middle)\s+of\s+(?P<ey_y>{YEAR})\b"),
    ("ybetween", ("between",), rf"\b[Bb]etween\s+(?P<yb_a>{YEAR})\s+and\s+(?P<yb_b>{YEAR})\b{NOT_CLOCK}"),
    ("yrange", ("from", _NUMBER), rf"\b(?:[Ff]rom\s+)?(?P<yr_a>{YEAR})(?:\s?[-–—]\s?|\s+(?:to|through|until)\s+)(?P<yr_b>{YEAR}|\d\d)\b(?![-–/.,:]?\d){NOT_CLOCK}"),
    ("year", (*_YEAR_PREPOSITIONS,), rf"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]hrough|[Ii]nto|[Ff]rom|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Ff]or|[Tt]hroughout|[Bb]etween|[Aa]round|to|due|of|[Cc]irca)\s+|\b[Mm]id-|\b[Ff]iscal\s+(?:year\s+)?)(?P<year_v>{YEAR})\b(?![,.]?\d|-\d){NOT_CLOCK}"),
    ("yearmod", _DETERMINERS, rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat|[Ww]hose)\s+(?P<ym_v>{YEAR})\b(?![,.]?\d|-\d|\s*%){NOT_CLOCK}(?=\s+[A-Za-z])"),
    ("ago", (_NUMBER, *NUMBERS), rf"\b(?P<ago_n>\d+|[Aa]n?|{_NUMBER_WORDS})\s+(?P<ago_u>day|week|fortnight|month|year|decade|centur)(?:s|ies|y)?\s+ago\b"),
    ("within", ("earlier", "later"), r"\b(?P<wi_r>[Ee]arlier|[Ll]ater)\s+this\s+(?P<wi_u>week|month|year)\b"),
    ("end", ("the", *_PARTS), r"\b(?:[Tt]he\s+)?(?P<end_e>end|beginning|start|middle)\s+of\s+(?P<end_r>the|this|last|next)\s+(?:fiscal\s+)?(?P<end_u>year|month)\b"),
    ("rel", (*_RELATIONS,), rf"\b{RELATION.format('rel_r')}\s+(?:(?:fiscal|financial)\s+)?(?P<rel_u>week|weekend|month|year)\b"),
    ("day", ("yesterday", "today", "tomorrow", "tonight"), r"\b(?P<day_v>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b"),
    ("wdnw", ("on", *WEEKDAYS), rf"(?:[Oo]n\s+)?(?P<wdnw_w>{WEEKDAY})\s+(?P<wdnw_r>last|this|next)\s+week\b"),
    ("wdd", ("on", *WEEKDAYS), rf"(?:[Oo]n\s+)?(?P<wdd_w>{WEEKDAY}),?\s+(?:the\s+)?(?P<wdd_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"),
    ("wd", ("on", "last", "next", "this", *WEEKDAYS), rf"\b(?:(?P<wd_r>on|last|next|this|[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd_d>{WEEKDAY})(?:['’]s)?\b(?!s\b)"),
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
    *SEASONS,
    *(season.title() for season in SEASONS),
    *(name for name in _FULL_MONTHS if name != "may"),
)
_WORD = re.compile(r"\b\w+")
_LEAD = 32
_TAIL = 48


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
    count = len(spans)
    for at, trigger_end in triggers:
        while sentence < count and spans[sentence][1] <= at:
            sentence += 1
        if sentence == count:
            return
        start, end = spans[sentence]
        low = position if position > start else start
        if at < low:  # inside the last match, or between sentences
            continue
        if text[at].isdigit() and not _date_number(text, at, trigger_end):
            continue
        stop = min(end, trigger_end + _TAIL)
        # Every expression starts a word; the first word that starts one is the leftmost.
        for word in _WORD.finditer(text, max(low, at - _LEAD), stop):
            word_start = word.start()
            if word_start > at:
                break
            first = word[0]
            try:
                scanner = _SCANNER_OF[first]
            except KeyError:
                scanner = _scanner_of(first)
            if scanner is None:
                continue
            match = scanner.match(text, word_start, stop)
            if match:
                position = match.end()
                if not _a_name(text, match, start):
                    yield sentence, match
                break


_SCANNER_OF: dict[str, re.Pattern[str] | None] = {}
"""The scanner of each word met, None for nearly all: words recur, and a lookup here costs
less than lowering the word to look it up in `_SCANNERS`. Emptied when it holds
`_SCANNERS_HELD`."""
_SCANNERS_HELD = 65536


def _scanner_of(word: str) -> re.Pattern[str] | None:
    """The scanner of the expressions that can start with a word (any number for one that
    starts with a digit); kept in `_SCANNER_OF`."""
    if len(_SCANNER_OF) >= _SCANNERS_HELD:
        _SCANNER_OF.clear()
    scanner = _SCANNER_OF[word] = _SCANNERS.get(_NUMBER if word[0].isdigit() else word.lower())
    return scanner


_CLAUSE_OPENERS = "\"“‘'`(:;—–-"
_NAMED_WEEKDAYS = ("Sheffield",)
"""Words that make a name of the weekday after them: "Sheffield Wednesday", the club."""


def _a_name(text: str, match: re.Match[str], sentence_start: int) -> bool:
    """Whether the words matched are a name, not a date: a capitalised "Today" inside a
    sentence ("BBC Radio 4's Today programme", "USA Today"), or a club's weekday; or a
    citation's pages, right after the colon that ends its volume ("26(6):1667–71")."""
    kind = match.lastgroup
    at = match.start()
    if kind == "yrange":
        return text[at - 1 : at] == ":"
    if kind == "day":
        before = text[sentence_start:at].rstrip()
        return (
            match.group("day_v")[0].isupper()
            and bool(before)
            and (before[-1] not in _CLAUSE_OPENERS)
        )
    if kind == "wd" and match.group("wd_r") is None:
        return text[max(sentence_start, at - 12) : at].rstrip().endswith(_NAMED_WEEKDAYS)
    return False


def matches(sentence: str) -> Iterator[re.Match[str]]:
    """The scanner's matches in one sentence, as `finditer` would give them."""
    for _, match in _matches(sentence, ((0, len(sentence)),), _triggers((sentence,))[0]):
        yield match


@dataclass(slots=True)
class Found:
    """A date expression in a body, found but not yet resolved."""

    paragraph: int
    sentence: tuple[int, int]
    match: re.Match[str]
    future: bool | None
    """Whether it is about the future (`future_of`)."""


def find(
    paragraphs: Sequence[str], sentences: Sequence[Spans], check: Callable[[], None] = unlimited
) -> list[Found]:
    """Every date expression of a body, to resolve once the publication date is known.

    `sentences` holds the sentence spans of each paragraph.
    """
    found: list[Found] = []
    triggers = _triggers(paragraphs)
    for index, (paragraph, spans) in enumerate(zip(paragraphs, sentences, strict=True)):
        check()
        hinted: dict[int, bool] = {}
        for sentence, match in _matches(paragraph, spans, triggers[index]):
            start, end = spans[sentence]
            if sentence not in hinted:
                hinted[sentence] = speaks_of_future(paragraph[start:end].lower())
            future = future_of(paragraph, (start, end), match, hinted[sentence])
            found.append(Found(index, (start, end), match, future))
    return found
