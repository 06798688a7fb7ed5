"""A piece of a run of capitalised words made a candidate name, with the cues around it:
in its words, in the words before and after it, and in the layout of its paragraph."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import gazetteer as gz
from .candidate import Candidate, Cue, name_key, strong
from .kinds import DATELINE_CUES, TEAM_CUES, cues
from .layout import SCORE_AFTER, Layout
from .words import Token

_DEFINITION = re.compile(r"(?<!\s)\s*\(([A-Z][A-Za-z0-9.&-]{1,9})\)")
_OPENERS = "\"“‘'(:—–…"
# A text starts after one of these and a space too: "WASHINGTON (AP) -- Workers voted".
_OPENING_MARKS = ":-—–"
# Names that a number ends: "Euro 2016", "Channel 4", "Article 50", "FTSE 100".
_NUMBERED = frozenset(
    "euro channel radio formula article ftse apollo windows nhs route interstate flight "
    "terminal chapter section level stage series ward district precinct".split()
)
_SAINTS = frozenset({"St. ", "Mt. ", "Ft. "})
_TICKER_AFTER = re.compile(r",? [+-]\d+(?:\.\d+)?%")
_NUMBER_AFTER = re.compile(r" \d{1,4}\b(?![.,]\d)")
_NOT_NAMES = gz.DEMONYMS | gz.NEVER | gz.COMMON_NOUNS
"""Keys of names that are no entity: "American", "Workers", "Christmas"."""


class Article:
    """The whole text of an article being read, to ask what words it writes in lowercase:
    a capitalised one of them alone is a common word, not a name ("One of them", "the
    Court"); and the ends of the people's names found in it so far."""

    __slots__ = ("lowercase", "seen", "surnames", "text")

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.text = "\n".join(paragraphs)
        self.lowercase: dict[str, bool] = {}
        """Whether the text writes each word asked about (`_lowercase_word`)."""
        self.surnames: set[str] = set()
        """Each key that ends the key of a person's name found so far, after a space:
        "smalls" and "ann smith" of "chris smalls" and "mary ann smith"."""
        self.seen = 0
        """How many of the candidates found so far `surnames` holds the ends of."""

    def ends_a_person(self, found: list[Candidate], key: str) -> bool:
        """Whether the key ends the name of a person (a given name and more) among the
        candidates found so far. Each candidate is looked at once, not at every question."""
        for c in found[self.seen :]:
            words = c.key.split(" ")  # a key's words are parted by one space (`name_key`)
            if len(c.words) > 1 and words[0] in gz.FIRST_NAMES:
                self.surnames.update(" ".join(words[i:]) for i in range(1, len(words)))
        self.seen = len(found)
        return key in self.surnames


def _lowercase_word(text: str, word: str) -> bool:
    """Whether the text holds the word (lowercase) as a word of its own."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not text[at - 1 : at].isalpha() and not text[end : end + 1].isalpha():
            return True
        at = text.find(word, end)
    return False


@dataclass(slots=True)
class Paragraph:
    """A paragraph being read: its text and number, and the candidates found so far."""

    text: str
    index: int
    found: list[Candidate]
    firsts: set[int]
    """Where the first word of each sentence starts."""
    article: Article
    layout: Layout
    dateline: int
    """Where the place of a dateline that opens the paragraph ends; 0 if there is none."""
    plain: bool
    """Whether it is prose with no dateline, as nearly every paragraph is: its names need
    no cue from its layout (`_layout_cues`)."""

    def starts_clause(self, at: int, before: str) -> bool:
        """Whether a word starts a sentence, a quote or a clause after a colon or a dash
        (never in a table row; always in capitals, where a name needs evidence too), given
        the character before it (a space at the start of the paragraph)."""
        if self.layout != "prose":
            return self.layout == "capitals" and at >= self.dateline
        return (
            at in self.firsts
            or before in _OPENERS
            or (before == " " and at >= 2 and self.text[at - 2] in _OPENING_MARKS)
        )


def candidate(para: Paragraph, piece: list[Token]) -> Candidate | None:
    """The candidate of a piece of a run; None for a common noun or a letter, and for a
    common word alone, unless a strong cue backs it: a common English word ("Moreover",
    "Photo"), or one the article also writes in lowercase ("One of them", "the Court")."""
    paragraph = para.text
    first, last = piece[0], piece[-1]
    start, end = first.start, last.end
    if last.text.isupper() and _TICKER_AFTER.match(paragraph, end):
        # A stock's ticker and its move: "the Dow Jones Industrial Average DJIA, -0.3%"
        return candidate(para, piece[:-1]) if len(piece) > 1 else None
    # Each abbreviation has its full stop two characters before the name: the one character
    # tested before the four are sliced out and looked up.
    saint = start >= 4 and paragraph[start - 2] == "." and paragraph[start - 4 : start] in _SAINTS
    if saint:
        start -= 4  # "St. Louis", "Mt. Everest": the abbreviation starts the name
    if paragraph[end : end + 2] in ("'s", "’s") and gz.known_name(
        f"{paragraph[start:end]}'s".lower()
    ):
        end += 2  # the possessive is part of the name: "Trader Joe's"
    if last.lower in _NUMBERED and (number := _NUMBER_AFTER.match(paragraph, end)):
        end = number.end()  # "Euro 2016", "Channel 4", "Article 50"
    elif paragraph.startswith(" police", end) and not paragraph[end + 7 : end + 8].isalpha():
        end += 7  # a force written as the Guardian does: "the Metropolitan police"
    name = paragraph[start:end]
    key = name_key(name)
    if len(key) < 2 or key in _NOT_NAMES:
        return None  # a lone letter ("C" of "2 C") or a common noun ("Workers") is no name
    before = paragraph[start - 1] if start else " "
    if before.isalnum() or before == "@":
        return None  # capitals inside a word or a handle: "@realDonaldTrump", "eBay"
    after = paragraph[end : end + 60]
    single = first is last and not saint
    if single:
        words: tuple[str, ...] = (first.lower,)
    elif saint:
        words = (paragraph[start : start + 3].lower(), *[t.lower for t in piece])
    else:
        words = tuple([t.lower for t in piece])
    # The word just before, without an opening quote; "" after anything but a space. It is
    # what follows the last space of the 40 characters before: a slice and a partition,
    # cheaper than a search between two bounds and a slice of what it finds.
    previous = (
        paragraph[start - 40 if start > 40 else 0 : start - 1].rpartition(" ")[2].lstrip(_OPENERS)
        if start and before == " "
        else ""
    )
    found, backed = cues(name, words, previous, after)
    if not para.plain and (para.layout != "prose" or start < para.dateline):
        layout = _layout_cues(para, start, end, words)
        found += layout
        backed = backed or strong(layout)
    if single and not backed:
        if key in gz.COMMON_WORDS and not _named_as_common(para, key, start):
            return None
        lowercase = para.article.lowercase
        written = lowercase.get(first.lower)
        if written is None:
            written = lowercase[first.lower] = _lowercase_word(para.article.text, first.lower)
        if written:
            return None
    definition = _DEFINITION.match(after) if "(" in after[:3] else None
    return Candidate(  # positional: four times faster to build than with keywords
        para.index,
        start,
        end,
        name,
        key,
        (0,) if single else (*((0,) if saint else ()), *[t.start - start for t in piece]),
        # A name in capitals needs evidence as one at the start of a sentence does.
        para.starts_clause(start, before) or (name.isupper() and (len(name) > 5 or " " in name)),
        found,
        definition[1] if definition and _abbreviates(definition[1], name) else None,
    )


def _named_as_common(para: Paragraph, key: str, start: int) -> bool:
    """Whether a common word is a name here all the same: a team after "the" ("the Braves",
    "the Giants"), or the surname of a person the article has named ("Smalls" after "Chris
    Smalls")."""
    if key[-1] == "s" and para.text[start - 4 : start] == "the ":
        return True
    return para.article.ends_a_person(para.found, key)


def _layout_cues(para: Paragraph, start: int, end: int, words: tuple[str, ...]) -> tuple[Cue, ...]:
    """A dateline's place; in a table row, a name followed by a score is a team, unless it
    is a country's (national teams go by their country) or a person's ("Tiger Woods 68")."""
    if start < para.dateline:
        return DATELINE_CUES
    if (
        para.layout == "table"
        and SCORE_AFTER.match(para.text, end)
        and " ".join(words) not in gz.COUNTRIES
        and not (len(words) > 1 and (words[0] in gz.FIRST_NAMES or len(words[0]) < 3))
    ):
        return TEAM_CUES
    return ()


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's letters appear in order in the name, starting with its first."""
    letters = acronym.replace(".", "").lower()
    text = name.lower()
    if not letters or not text.startswith(letters[0]):
        return False
    position = 0
    for letter in letters:
        position = text.find(letter, position) + 1
        if position == 0:
            return False
    return True
