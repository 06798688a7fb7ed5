"""Whether a date expression is about the future or the past, by the tense of the words
around it: its clause first, then its sentence."""

from __future__ import annotations

import re

# Searched for in the lowercased sentence: a case-blind pattern is tried far more slowly.
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|would|might|going to|gonna|set to|scheduled|plans? to|"
    r"planned to|planning to|intends? to|upcoming|is expected to|are expected to|must|"
    r"has to|have to|needs? to|as soon as)\b|['’]ll\b"
)
# Every future marker holds one of these; looking for them first spares most sentences the
# slower pattern.
_FUTURE_HINTS = ("will", "won", "shall", "would", "might", "going", "gonna", "set to",
                 "schedul", "plan", "intend", "upcoming", "expected to", "must", "has to",
                 "have to", "need", "as soon", "'ll", "’ll")  # fmt: skip
# Searched in lowercased text: a past verb ("said Friday", "ruled Wednesday that …").
_PAST_WORDS = frozenset(
    "said told met won lost took made came went began held gave left saw became fell rose "
    "sold paid got found was were had did".split()
)
_PAST_ED = re.compile(r"\b(?P<passive>(?:is|are|be) )?[a-z]{2,}ed\b")


def _tells_past(text: str) -> bool:
    """Whether the (lowercased) text has a verb in the past: "was planned", not "is
    planned"."""
    if not _PAST_WORDS.isdisjoint(text.split()):
        return True
    return "ed" in text and any(not m.group("passive") for m in _PAST_ED.finditer(text))


# What ends a clause, on either side of an expression: a mark, or a word that starts
# another (looked for with `str.find`, far cheaper than a pattern that starts with a word).
_CLAUSE_MARK = re.compile(r"[,;:()\"“”—]")
_CLAUSE_WORDS = (" that ", " but ", " while ", " because ", " although ", " which ")
_CLAUSE_REACH = 300
"""How far a clause reaches on each side of an expression, at most: a run-on "sentence"
of a whole page (a table, a list with no full stop) holds no clause wider, and each of its
dates would otherwise read all of it."""


def _clause(text: str, sentence: tuple[int, int], start: int, end: int) -> str:
    """The words of the clause around text[start:end], up to a mark or a clause word on
    each side, less text[start:end] itself, lowercased."""
    low, high = max(sentence[0], start - _CLAUSE_REACH), min(sentence[1], end + _CLAUSE_REACH)
    for mark in _CLAUSE_MARK.finditer(text, low, start):
        low = mark.end()
    after = _CLAUSE_MARK.search(text, end, high)
    if after:
        high = after.start()
    for word in _CLAUSE_WORDS:
        if (at := text.rfind(word, low, start)) >= 0:
            low = at + len(word) - 1
        if (at := text.find(word, end, high)) >= 0:
            high = at
    return f"{text[low:start]} {text[end:high]}".lower()


def speaks_of_future(sentence: str) -> bool:
    """Whether the (lowercased) text says something will be: "will", "is set to", …"""
    for hint in _FUTURE_HINTS:  # a loop, not any(): this runs for most dated sentences
        if hint in sentence:
            return bool(_FUTURE.search(sentence))
    return False


_BY_TENSE = frozenset({"md", "dm", "inm"})
"""The kinds of expression that no tense at all resolves otherwise than the past: to the
nearest date, ahead or back."""


def future_of(
    text: str, sentence: tuple[int, int], match: re.Match[str], hinted: bool | None = None
) -> bool | None:
    """Whether the expression is about the future, by the tense of its clause (the words
    around it up to a comma, a quote or a "that"), or where its clause tells neither, of
    its sentence: "said Friday that it will" is a past Friday. A month alone ("in March")
    is past where its sentence tells of the past; a date is not ("invited them to a ceremony
    on March 12" may be ahead). None where nothing tells. `hinted` is whether the sentence
    speaks of the future (`speaks_of_future`), if known."""
    start, end = sentence
    if hinted is None:
        hinted = speaks_of_future(text[start:end].lower())
    if not hinted and match.lastgroup not in _BY_TENSE:
        return None  # for these, a past clause resolves as no tense does: back
    clause = _clause(text, sentence, match.start(), match.end())
    if hinted and speaks_of_future(clause):
        return True
    if _tells_past(clause):
        return False
    if hinted:
        return True
    if match.lastgroup == "inm" and (
        match.group("inm_p").lower() in ("since", "after") or _tells_past(text[start:end].lower())
    ):
        return False
    return None
