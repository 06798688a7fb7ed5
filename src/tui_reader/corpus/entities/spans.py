"""Find the capitalised names of an article's paragraphs, with the cues around each."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .. import gazetteer as gz
from ..budget import unlimited
from ..text import Spans
from .candidate import Candidate, Cue, name_key, strong
from .kinds import DATELINE_CUES, TEAM_CUES, cues
from .layout import DATELINE, SCORE_AFTER, Layout, layout_of

_WORD_REST = r"[\w'’&.\-]*"
_FIRST_WORD = re.compile(rf"[^\W_]{_WORD_REST}")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")  # the "W." of "George W. Bush" keeps its dot
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][a-z]*\.?$")
_DEFINITION = re.compile(r"(?<!\s)\s*\(([A-Z][A-Za-z0-9.&-]{1,9})\)")
_OPENERS = "\"“‘'(:—–"
# A text starts after one of these and a space too: "WASHINGTON (AP) -- Workers voted".
_OPENING_MARKS = ":-—–"
_PARTICLES = frozenset(
    "van von de da del della der den di du dos das do ter ten op zu bin ibn al el le la".split()
)
# Lowercase parts of hyphenated names: "Inzamam-ul-Haq", "Chester-le-Street".
_NAME_PARTS = _PARTICLES | {"ul", "ur", "ud", "sur", "on", "upon", "en", "y"}
# A prefix that starts a name in lowercase: "al-Assad", "el-Sisi".
_NAME_PREFIX = re.compile(r"(?<![\w-])(?:al|el|ad|as|ash|at|az|bin|ibn|ul)-$")
_LINKS = frozenset({"of", "for", "the", "and", "&"}) | _PARTICLES
# Only capitalised words can be names; the words between two of them either link them
# ("Bank of America") or part them. A word starts with a letter that is not lowercase ASCII:
# the search skips quickly to the range that holds all of those, and the lookbehind tests it.
_TOKEN = re.compile(rf"[A-Z\u00aa-\U0010ffff](?<=[^\W\d_a-z]){_WORD_REST}")
_LINK_WORDS = frozenset(w for w in _LINKS if w.isalpha())
# Names that a number ends: "Euro 2016", "Channel 4", "Article 50", "FTSE 100".
_NUMBERED = frozenset(
    "euro channel radio formula article ftse apollo windows nhs route interstate flight "
    "terminal chapter section level stage series ward district precinct".split()
)
_NUMBER_AFTER = re.compile(r" \d{1,4}\b(?![.,]\d)")
_CAPITAL_BREAKS = frozenset(w.lower() for w in gz.FUNCTION_WORDS) | {"vs", "v", "at"}
"""Words that in a line in capitals part names instead of being in them."""
_DATELINE_PARAGRAPHS = 3
"""A dateline is in one of the first paragraphs."""
_LINK_HEADS = gz.ORG_HEADS | gz.PLACE_HEADS | {"center", "centre", "city", "republic", "house"}


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str
    possessive: bool
    name: bool
    """Whether the word can be part of a name."""
    sentence: int
    """The number of its sentence in the paragraph."""


class _Article:
    """The whole text of an article being read, to ask what words it writes in lowercase:
    a capitalised one of them alone is a common word, not a name ("One of them", "the
    Court")."""

    __slots__ = ("lowercase", "text")

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.text = "\n".join(paragraphs)
        self.lowercase: dict[str, bool] = {}
        """Whether the text writes each word asked about (`_lowercase_word`)."""


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
class _Paragraph:
    """A paragraph being read: its text and number, and the candidates found so far."""

    text: str
    index: int
    found: list[Candidate]
    firsts: set[int]
    """Where the first word of each sentence starts."""
    article: _Article
    layout: Layout
    dateline: int
    """Where the place of a dateline that opens the paragraph ends; 0 if there is none."""

    def starts_clause(self, at: int) -> bool:
        """Whether a word starts a sentence, a quote or a clause after a colon or a dash
        (never in a table row; always in capitals, where a name needs evidence too)."""
        if self.layout != "prose":
            return self.layout == "capitals" and at >= self.dateline
        text = self.text
        before = text[at - 1] if at else " "
        return (
            at in self.firsts
            or before in _OPENERS
            or (before == " " and at >= 2 and text[at - 2] in _OPENING_MARKS)
        )


def _tokens(
    paragraph: str, spans: Sequence[tuple[int, int]], capitals: bool = False
) -> list[_Token]:
    """The paragraph's capitalised words that can be in a name, each with its sentence's
    number. A word that is neither a name, a link nor a title only parts names, and the gap
    between its neighbours shows that as well, so it is left out; in `capitals` (a line in
    capitals) that goes for the small words too ("AT", "VS")."""
    sentence = 0
    sentence_end = spans[0][1] if spans else len(paragraph)
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(paragraph):
        text, lower, possessive, name, kept = _word(match.group())
        if not kept or (capitals and lower in _CAPITAL_BREAKS):
            continue
        at = match.start()
        prefix = at and paragraph[at - 1] == "-" and _NAME_PREFIX.search(paragraph, at - 4, at)
        if prefix:  # "al-Assad" is one word
            text, at = paragraph[prefix.start() : at] + text, prefix.start()
            lower = text.lower()
        while at >= sentence_end:
            sentence += 1
            sentence_end = spans[sentence][1] if sentence < len(spans) else len(paragraph) + 1
        tokens.append(_Token(at, at + len(text), text, lower, possessive, name, sentence))
    return tokens


@functools.lru_cache(maxsize=65536)
def _word(raw: str) -> tuple[str, str, bool, bool, bool]:
    """A token's text less any possessive, its lowercase form, whether it was possessive,
    whether it can be part of a name, and whether it is kept as a token (a name, a link or a
    title). Words recur, so this is cached."""
    text, possessive = _trim(raw)
    lower = text.lower()
    name = bool(text) and _is_name_word(text)
    return (
        text,
        lower,
        possessive,
        name,
        bool(text) and (name or lower in _LINKS or lower in gz.TITLES or lower in gz.NUMBER_WORDS),
    )


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


def extract(
    paragraphs: Sequence[str], sentences: Sequence[Spans], check: Callable[[], None] = unlimited
) -> list[Candidate]:
    """Every candidate name in an article's paragraphs, given the sentence spans of each;
    `check` is called before each paragraph, and may raise to stop the work."""
    found: list[Candidate] = []
    article = _Article(paragraphs)
    for index, (paragraph, spans) in enumerate(zip(paragraphs, sentences, strict=True)):
        check()
        firsts = {
            word.start()
            for start, end in spans
            if (word := _FIRST_WORD.search(paragraph, start, end))
        }
        dateline = DATELINE.match(paragraph) if index < _DATELINE_PARAGRAPHS else None
        para = _Paragraph(
            paragraph,
            index,
            found,
            firsts,
            article,
            layout_of(paragraph),
            dateline.end() if dateline else 0,
        )
        _extract_paragraph(para, spans)
    return found


def _extract_paragraph(para: _Paragraph, spans: Sequence[tuple[int, int]]) -> None:
    """Add the paragraph's candidates to `para.found` (appending, not yielding: this is hot)."""
    paragraph = para.text
    run: list[_Token] = []
    previous: _Token | None = None
    tokens = _tokens(paragraph, spans, para.layout == "capitals")
    for index, token in enumerate(tokens):
        if previous and token.sentence != previous.sentence:  # names end with sentences
            _candidates(para, run)
            run, previous = [], None
        gap = paragraph[previous.end : token.start] if previous else ""
        if token.lower in gz.TITLES:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            # A title right before an organisation's head is part of its name: "Glasgow
            # Sheriff Court", "the Justice Department".
            joins_next = bool(following and paragraph[token.end : following.start] == " ")
            token.name = bool(
                (joins_next and following and following.lower in gz.ORG_HEADS)
                # A title that is a surname after a given name: "Mervyn King said".
                or (
                    token.lower in gz.SURNAME_TITLES
                    and run
                    and run[-1].lower in gz.FIRST_NAMES
                    and gap == " "
                    and not (joins_next and following and following.name)
                )
            )
            if run and not token.name and all(t.lower in gz.OFFICES for t in run):
                run = []  # "Health Secretary", "Vice President": the office is the title's
        elif (
            previous
            and gap == " of "
            and previous.lower in gz.TITLES
            and not previous.name
            and token.lower in gz.OFFICES
        ):
            previous = token  # "Secretary of State", "Minister of Finance": the title's
            continue
        joined = bool(run) and not run[-1].possessive and gap in (" ", ", ")
        if run and not joined and not run[-1].possessive:
            if run[-1].text == "Vice" and gap.split(" ", 2)[1:2] == ["president"]:
                run.pop()  # "Vice president"; "Vice" alone is a name
            else:
                joined = _link(paragraph, gap, previous, run)
        # A title after "of" names a thing: "the Department of Justice".
        if token.name or (joined and run[-1].lower == "of" and token.lower in gz.TITLES):
            if not joined:
                _candidates(para, run)
                run = []
            run.append(token)
        elif joined and gap == " " and token.lower in _LINKS:
            run.append(token)
        elif token.text == "The" and not para.starts_clause(token.start):
            _candidates(para, run)  # "The" inside a sentence is a name's own: "at The Oval"
            run = [token]
        elif token.lower in gz.NUMBER_WORDS:
            if joined and gap == " " and run[-1].name:
                run.append(token)  # "Formula One"
            else:  # "Second Amendment", if a head word ends it (`_candidates`)
                _candidates(para, run)
                run = [token]
        else:
            _candidates(para, run)
            run = []
        previous = token
    _candidates(para, run)


def _link(paragraph: str, gap: str, previous: _Token | None, run: list[_Token]) -> bool:
    """Whether a gap of link words (" of the ") joins the next word to the run; if so, the
    links join the run too."""
    if previous is None or len(gap) < 3 or gap[0] != " " or gap[-1] != " ":
        return False
    words = gap[1:-1].split(" ")
    if not _LINK_WORDS.issuperset(words):
        return False
    at = previous.end + 1
    for word in words:
        run.append(_Token(at, at + len(word), word, word, False, False, previous.sentence))
        at += len(word) + 1
    return True


def _split(run: list[_Token], paragraph: str) -> Iterator[list[_Token]]:
    """Cut a run of capitalised words where its links and commas do not hold it together."""
    for piece in _split_links(run):
        words = [t.lower for t in piece]
        # "Retail, Wholesale and Department Store Union" is one name; "Bessemer, Alabama" two.
        if piece and (words[-1] in gz.ORG_HEADS or words[0] in gz.ORG_HEADS) and "and" in words:
            yield piece
            continue
        part: list[_Token] = []
        for i, token in enumerate(piece):
            if i and paragraph[piece[i - 1].end : token.start] == ", ":
                yield part
                part = []
            part.append(token)
        yield part


def _split_links(run: list[_Token]) -> Iterator[list[_Token]]:
    words = [t.lower for t in run]
    piece: list[_Token] = []
    for i, token in enumerate(run):
        word = words[i]
        if i == 0 and token.text == "The":
            piece.append(token)
            continue
        if word in _LINKS:
            nxt = run[i + 1] if i + 1 < len(run) else None
            chained = word in _PARTICLES and nxt is not None and nxt.lower in _PARTICLES
            if (
                nxt is None
                or (nxt.lower in _LINKS and word not in ("of", "for") and not chained)
                or not piece
            ):
                yield piece
                piece = []
                continue
            before = piece[-1].lower
            held = (
                word == "&"
                or (word in _PARTICLES and nxt.text[:1].isupper())
                # "Joost van der Westhuizen"
                or (
                    word in _PARTICLES
                    and nxt.lower in _PARTICLES
                    and i + 2 < len(run)
                    and run[i + 2].text[:1].isupper()
                )
                or (word in ("of", "for") and any(t.lower in _LINK_HEADS for t in piece))
                or (word == "the" and before in ("of", "for"))
                # "Retail, Wholesale and Department Store Union" is one; "Princeton and Yale" two
                or (
                    word == "and"
                    and (
                        "of" in words[:i]
                        or (words[-1] in gz.ORG_HEADS and len(piece) >= 2)
                        # "Center for Strategic and International Studies"
                        or (piece[0].lower in _LINK_HEADS and words[1] in ("of", "for"))
                    )
                )
            )
            if not held:
                yield piece
                piece = []
                continue
        piece.append(token)
    yield piece


_NUMBERED_HEADS = gz.OTHER_HEADS | gz.ORG_HEADS | gz.PLACE_HEADS | {"war", "reich", "world"}


def _candidates(para: _Paragraph, run: list[_Token]) -> None:
    if len(run) < 2:  # most runs are one word, which needs no splitting
        # A lone "De" or "La", or the "Three" of "Three people", is no name.
        if run and run[0].lower not in _NO_NAME_ALONE and (found := _candidate(para, run)):
            para.found.append(found)
        return
    if run[0].lower in gz.NUMBER_WORDS and run[-1].lower not in _NUMBERED_HEADS:
        del run[0]  # "Three" of "Three Lions fans", not "Second Amendment"
    if (
        len(run) > 1
        and run[0].lower in _DESCRIBING
        and run[0].lower not in gz.FIRST_NAMES  # "Christian Smalls"
        and not _headed(run[1:])
    ):
        del run[0]  # "Mexican Ariel Cruz", "Democrat Walter Mondale"; not "American Airlines"
    if len(run) > 2:
        _split_before_a_person(para, run)
    if len(run) < 2:
        if run and run[0].lower not in _NO_NAME_ALONE and (found := _candidate(para, run)):
            para.found.append(found)
        return
    for piece in _split(run, para.text):
        while piece and piece[-1].lower in _LINKS:
            piece.pop()
        if piece and (found := _candidate(para, piece)):
            para.found.append(found)


_NO_NAME_ALONE = _LINKS | gz.NUMBER_WORDS
_NOT_NAMES = gz.DEMONYMS | gz.NEVER | gz.COMMON_NOUNS
"""Keys of names that are no entity: "American", "Workers", "Christmas"."""
_DESCRIBING = gz.DEMONYMS | gz.PARTY_ADJECTIVES
"""Words that describe a person before the name: not part of it."""


def _headed(tokens: list[_Token]) -> bool:
    return any(t.lower in _NUMBERED_HEADS for t in tokens)


def _split_before_a_person(para: _Paragraph, run: list[_Token]) -> None:
    """Cut a run where a known organisation or place runs into a person's name: "Lib Dems
    David Laws", "Liverpool Joe Anderson". The part before goes to its own candidates;
    `run` keeps the person."""
    for i in range(1, len(run) - 1):
        if run[i].lower in gz.FIRST_NAMES and run[i + 1].name:
            before = name_key(para.text[run[0].start : run[i - 1].end])
            if gz.known_name(before):
                _candidates(para, run[:i])
                del run[:i]
            return


def _candidate(para: _Paragraph, piece: list[_Token]) -> Candidate | None:
    """The candidate of a piece of a run; None for a common noun or a letter, and for a
    common word alone: one the article also writes in lowercase ("One of them", "the
    Court"), unless a strong cue backs it."""
    paragraph = para.text
    start, end = piece[0].start, piece[-1].end
    if (
        paragraph[end : end + 2] in ("'s", "’s")
        and f"{paragraph[start:end]}'s".lower() in gz.COMPANIES
    ):
        end += 2  # the possessive is part of the name: "Trader Joe's"
    if piece[-1].lower in _NUMBERED and (number := _NUMBER_AFTER.match(paragraph, end)):
        end = number.end()  # "Euro 2016", "Channel 4", "Article 50"
    elif paragraph.startswith(" police", end) and not paragraph[end + 7 : end + 8].isalpha():
        end += 7  # a force written as the Guardian does: "the Metropolitan police"
    name = paragraph[start:end]
    key = name_key(name)
    if len(key) < 2 or key in _NOT_NAMES:
        return None  # a lone letter ("C" of "2 C") or a common noun ("Workers") is no name
    after = paragraph[end : end + 60]
    words = (piece[0].lower,) if len(piece) == 1 else tuple([t.lower for t in piece])
    found = cues(name, words, _previous_word(paragraph, start), after)
    if para.layout != "prose" or start < para.dateline:
        found += _layout_cues(para, start, end, words)
    if len(words) == 1 and not strong(found):
        lowercase = para.article.lowercase
        written = lowercase.get(words[0])
        if written is None:
            written = lowercase[words[0]] = _lowercase_word(para.article.text, words[0])
        if written:
            return None
    definition = _DEFINITION.match(after) if "(" in after[:3] else None
    return Candidate(  # positional: four times faster to build than with keywords
        para.index,
        start,
        end,
        name,
        key,
        (0,) if len(piece) == 1 else tuple([t.start - start for t in piece]),
        # A name in capitals needs evidence as one at the start of a sentence does.
        para.starts_clause(start) or (name.isupper() and (len(name) > 5 or " " in name)),
        found,
        definition.group(1) if definition and _abbreviates(definition.group(1), name) else None,
    )


def _layout_cues(para: _Paragraph, start: int, end: int, words: tuple[str, ...]) -> tuple[Cue, ...]:
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


def _previous_word(paragraph: str, start: int) -> str:
    """The word just before a name, without an opening quote; "" after anything but a space."""
    if start < 1 or paragraph[start - 1] != " ":
        return ""
    low = max(0, start - 40)
    space = paragraph.rfind(" ", low, start - 1)
    return paragraph[space + 1 if space >= 0 else low : start - 1].lstrip(_OPENERS)


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
