"""The words of a paragraph that can be in a name: its capitalised words, each with the
number of its sentence, less those that only part names."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .. import gazetteer as gz

WORD_REST = r"[\w'’&.\-]*"
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")  # the "W." of "George W. Bush" keeps its dot
_PARTY_STATE = re.compile(r"^[DRI]-(?:[A-Z][a-z]*|[A-Z]\.?[A-Z])\.?$")  # "R-Texas", "D-N.Y."
PARTICLES = frozenset(
    "van von de da del della der den di du dos das do ter ten op zu bin ibn al el le la".split()
)
# Lowercase parts of hyphenated names: "Inzamam-ul-Haq", "Chester-le-Street".
_NAME_PARTS = PARTICLES | {"ul", "ur", "ud", "sur", "on", "upon", "en", "y"}
# A prefix that starts a name in lowercase: "al-Assad", "el-Sisi".
_NAME_PREFIX = re.compile(r"(?<![\w-])(?:al|el|ad|as|ash|at|az|bin|ibn|ul)-$")
LINKS = frozenset({"of", "for", "the", "and", "&"}) | PARTICLES
# Only capitalised words can be names; the words between two of them either link them
# ("Bank of America") or part them. A word starts with a letter that is not lowercase ASCII:
# the search skips quickly to the range that holds all of those, and the lookbehind tests it.
_TOKEN = re.compile(rf"[A-Z\u00aa-\U0010ffff](?<=[^\W\d_a-z]){WORD_REST}")
# Still, a search for a pattern that starts with a class tests every character against it,
# while one for a literal skips to it: so in ASCII text the same words are found in bytes that
# give each character's class, "A" a capital, "a" what a word goes on with, " " what parts
# words. (Only ASCII bytes are ever looked up.)
_CLASSES = bytes(
    ord("A") if "A" <= c <= "Z" else ord("a") if c.isalnum() or c in "_'&.-" else ord(" ")
    for c in map(chr, range(256))
)
_ASCII_TOKEN = re.compile(rb"A[Aa]*")
# The punctuation past ASCII that news text is full of, each with an ASCII character that
# `_TOKEN` treats alike: a word goes on through an apostrophe; quotes and dashes part words.
_PLAIN = (("’", "'"), ("‘", " "), ("“", " "), ("”", " "), ("—", " "), ("–", " "), ("…", " "))
_CAPITAL_BREAKS = frozenset(w.lower() for w in gz.FUNCTION_WORDS) | {"vs", "v", "at"}
"""Words that in a line in capitals part names instead of being in them."""


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    possessive: bool
    name: bool
    """Whether the word can be part of a name."""
    sentence: int
    """The number of its sentence in the paragraph."""


def words_of(
    paragraph: str, spans: Sequence[tuple[int, int]], capitals: bool = False
) -> list[Token]:
    """The paragraph's capitalised words that can be in a name, each with its sentence's
    number. A word that is neither a name, a link nor a title only parts names, and the gap
    between its neighbours shows that as well, so it is left out; in `capitals` (a line in
    capitals) that goes for the small words too ("AT", "VS")."""
    sentence = 0
    sentence_end = spans[0][1] if spans else len(paragraph)
    tokens: list[Token] = []
    hyphens = "-" in paragraph  # most paragraphs have none, so no word there has a prefix
    for match in _matches(paragraph):
        at, end = match.span()
        raw = paragraph[at:end]
        text, size, lower, possessive, name, kept = _WORDS.get(raw) or _word(raw)
        if not kept or (capitals and lower in _CAPITAL_BREAKS):
            continue
        prefix = (
            hyphens
            and at
            and paragraph[at - 1] == "-"
            and _NAME_PREFIX.search(paragraph, at - 4, at)
        )
        if prefix:  # "al-Assad" is one word
            text, at = paragraph[prefix.start() : at] + text, prefix.start()
            size, lower = len(text), text.lower()
        while at >= sentence_end:
            sentence += 1
            sentence_end = spans[sentence][1] if sentence < len(spans) else len(paragraph) + 1
        tokens.append(Token(at, at + size, text, lower, possessive, name, sentence))
    return tokens


def _matches(paragraph: str) -> Iterator[re.Match[str]] | Iterator[re.Match[bytes]]:
    """The matches of `_TOKEN` in the paragraph, or of `_ASCII_TOKEN` at the same places
    where the paragraph is ASCII but for the punctuation of `_PLAIN`."""
    plain = paragraph
    if not plain.isascii():
        for mark, ascii_mark in _PLAIN:
            plain = plain.replace(mark, ascii_mark)
        if not plain.isascii():
            return _TOKEN.finditer(paragraph)
    return _ASCII_TOKEN.finditer(plain.encode().translate(_CLASSES))


_Word = tuple[str, int, str, bool, bool, bool]
_WORDS: dict[str, _Word] = {}
"""The `_word` of each token met: words recur, and a lookup here costs less than a call to
a cached function. Emptied when it holds `_WORDS_HELD`."""
_WORDS_HELD = 65536


def _word(raw: str) -> _Word:
    """A token's text less any possessive, its length and lowercase form, whether it was possessive,
    whether it can be part of a name, and whether it is kept as a token (a name, a link or a
    title); kept in `_WORDS`."""
    text, possessive = _trim(raw)
    lower = text.lower()
    name = bool(text) and _is_name_word(text)
    kept = bool(text) and (name or lower in LINKS or lower in gz.TITLES or lower in gz.NUMBER_WORDS)
    if len(_WORDS) >= _WORDS_HELD:
        _WORDS.clear()
    word = _WORDS[raw] = (text, len(text), lower, possessive, name, kept)
    return word


def _trim(raw: str) -> tuple[str, bool]:
    lowered = raw.lower().replace("’", "'")
    if lowered in gz.NEVER:
        return raw, False
    for suffix in ("'s", "’s"):
        if raw.endswith(suffix):
            return raw[: -len(suffix)], True
    if _DOTTED.match(raw) or _INITIAL.match(raw) or lowered in gz.TITLES:
        return raw, False
    trimmed = raw.rstrip(".-'’")
    return trimmed, trimmed != raw and raw[len(trimmed) :].startswith(("'", "’"))


def _is_name_word(text: str) -> bool:
    lowered = text.lower().replace("’", "'")
    if not text[0].isupper() or lowered in gz.NEVER or lowered in gz.TITLES:
        return False
    if text in gz.FUNCTION_WORDS:  # capitalised only because a sentence starts with it
        return False
    if _PARTY_STATE.match(text):
        return False
    # "Ocasio-Cortez", "Covid-19" and "Inzamam-ul-Haq" are names; "Long-time" and
    # "David-versus-Goliath" are not.
    return all(
        part[:1].isupper() or part[:1].isdigit() or part in _NAME_PARTS
        for part in text.split("-")
        if part
    )
