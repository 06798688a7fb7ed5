"""Find the capitalised names of an article's paragraphs: runs of name words, joined by
links ("Bank of America") and cut where they part ("Bessemer, Alabama"), each piece made a
candidate (`pieces`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from .. import gazetteer as gz
from ..budget import unlimited
from ..text import Spans
from .candidate import Candidate, name_key
from .layout import DATELINE, layout_of
from .pieces import Article, Paragraph, candidate
from .words import LINKS, PARTICLES, WORD_REST, Token, words_of

_FIRST_WORD = re.compile(rf"[^\W_]{WORD_REST}")
_DATELINE_PARAGRAPHS = 3
"""A dateline is in one of the first paragraphs."""
_LINK_WORDS = frozenset(w for w in LINKS if w.isalpha())
_LINK_HEADS = gz.ORG_HEADS | gz.PLACE_HEADS | {"center", "centre", "city", "republic", "house"}


def extract(
    paragraphs: Sequence[str], sentences: Sequence[Spans], check: Callable[[], None] = unlimited
) -> list[Candidate]:
    """Every candidate name in an article's paragraphs, given the sentence spans of each;
    `check` is called before each paragraph, and may raise to stop the work."""
    found: list[Candidate] = []
    article = Article(paragraphs)
    for index, (paragraph, spans) in enumerate(zip(paragraphs, sentences, strict=True)):
        check()
        firsts = {_first_word(paragraph, start, end) for start, end in spans}
        firsts.discard(-1)
        dateline = DATELINE.match(paragraph) if index < _DATELINE_PARAGRAPHS else None
        para = Paragraph(
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


def _first_word(paragraph: str, start: int, end: int) -> int:
    """Where the first word of a sentence starts; -1 if it has none. A sentence nearly
    always starts with one, which `str.isalnum` (what `_FIRST_WORD` starts with) tells
    without a search."""
    if paragraph[start].isalnum():
        return start
    word = _FIRST_WORD.search(paragraph, start, end)
    return word.start() if word else -1


def _extract_paragraph(para: Paragraph, spans: Sequence[tuple[int, int]]) -> None:
    """Add the paragraph's candidates to `para.found` (appending, not yielding: this is hot)."""
    paragraph = para.text
    run: list[Token] = []
    previous: Token | None = None
    tokens = words_of(paragraph, spans, para.layout == "capitals")
    skip = 0
    for index, token in enumerate(tokens):
        if token.start < skip:
            continue  # a word of a known name taken whole
        if token.name and token.lower in gz.PHRASES and (end := _phrase(paragraph, token)):
            _candidates(para, run)
            if found := candidate(para, _phrase_tokens(paragraph, token, end)):
                para.found.append(found)
            run, previous, skip = [], None, end
            continue
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
            if run and not token.name:
                _drop_office(paragraph, run)
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
        elif joined and gap == " " and token.lower in LINKS:
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


def _phrase(paragraph: str, token: Token) -> int:
    """Where a known name that starts at the token and holds words no name is made of ends
    ("Food and Drug Administration", "Roe v. Wade"); 0 if none does."""
    for phrase in gz.PHRASES[token.lower]:
        end = token.start + len(phrase)
        matched = paragraph[token.start : end].lower() == phrase
        if matched and not paragraph[end : end + 1].isalnum():
            return end
    return 0


def _phrase_tokens(paragraph: str, first: Token, end: int) -> list[Token]:
    """The words of a known name taken whole, as tokens of its sentence."""
    tokens = []
    at = first.start
    for word in paragraph[first.start : end].split(" "):
        tokens.append(Token(at, at + len(word), word, word.lower(), False, True, first.sentence))
        at += len(word) + 1
    return tokens


def _drop_office(paragraph: str, run: list[Token]) -> None:
    """Take the words of an office off a run before a title: all of "Health Secretary" and
    "Vice President"; the "Minority" of "Senate Minority Leader" and the "State" of "Iowa
    State Rep.", where what stays is a name the gazetteer knows or ends at a comma."""
    end = len(run)
    while end and run[end - 1].lower in gz.OFFICES:
        end -= 1
    if end == 0:
        run.clear()
    elif end < len(run) and (
        paragraph[run[end - 1].end : run[end].start] != " " or _known(paragraph, run[:end])
    ):
        del run[end:]  # "In Shanksville, Vice President": a comma parts them anyway


def _link(paragraph: str, gap: str, previous: Token | None, run: list[Token]) -> bool:
    """Whether a gap of link words (" of the ") joins the next word to the run; if so, the
    links join the run too."""
    if previous is None or len(gap) < 3 or gap[0] != " " or gap[-1] != " ":
        return False
    words = gap[1:-1].split(" ")
    if not _LINK_WORDS.issuperset(words):
        return False
    at = previous.end + 1
    for word in words:
        run.append(Token(at, at + len(word), word, word, False, False, previous.sentence))
        at += len(word) + 1
    return True


def _split(run: list[Token], paragraph: str) -> list[list[Token]]:
    """Cut a run of capitalised words where its links and commas do not hold it together."""
    words = [t.lower for t in run]
    if LINKS.isdisjoint(words):  # most runs ("Staten Island"): no link to cut at or keep
        return _split_commas(run, paragraph)
    pieces: list[list[Token]] = []
    for piece in _split_links(run, words):
        held = [t.lower for t in piece]
        # "Retail, Wholesale and Department Store Union" is one name; "Bessemer, Alabama" two.
        if piece and (held[-1] in gz.ORG_HEADS or held[0] in gz.ORG_HEADS) and "and" in held:
            pieces.append(piece)
        else:
            pieces += _split_commas(piece, paragraph)
    return pieces


def _split_commas(piece: list[Token], paragraph: str) -> list[list[Token]]:
    """The parts of a piece between the commas in it."""
    parts: list[list[Token]] = []
    part: list[Token] = []
    for i, token in enumerate(piece):
        if i and paragraph[piece[i - 1].end : token.start] == ", ":
            parts.append(part)
            part = []
        part.append(token)
    parts.append(part)
    return parts


def _split_links(run: list[Token], words: list[str]) -> Iterator[list[Token]]:
    piece: list[Token] = []
    for i, token in enumerate(run):
        word = words[i]
        # "The" and a particle that start a name are its own: "El Paso", "and Al Gore".
        if (i == 0 and token.text == "The") or (
            not piece and word in PARTICLES and i + 1 < len(run) and run[i + 1].text[:1].isupper()
        ):
            piece.append(token)
            continue
        if word in LINKS:
            nxt = run[i + 1] if i + 1 < len(run) else None
            chained = word in PARTICLES and nxt is not None and nxt.lower in PARTICLES
            if (
                nxt is None
                or (nxt.lower in LINKS and word not in ("of", "for") and not chained)
                or not piece
            ):
                yield piece
                piece = []
                continue
            before = piece[-1].lower
            held = (
                word == "&"
                or (word in PARTICLES and nxt.text[:1].isupper())
                # "Joost van der Westhuizen"
                or (
                    word in PARTICLES
                    and nxt.lower in PARTICLES
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


def _candidates(para: Paragraph, run: list[Token]) -> None:
    if len(run) < 2:  # most runs are one word, which needs no splitting
        if run:
            _one_word(para, run[0])
        return
    if run[0].lower in gz.NUMBER_WORDS and run[-1].lower not in _NUMBERED_HEADS:
        del run[0]  # "Three" of "Three Lions fans", not "Second Amendment"
    if (
        len(run) > 1
        and run[0].lower in _DESCRIBING
        and run[0].lower not in gz.FIRST_NAMES  # "Christian Smalls"
        and run[1].lower in gz.FIRST_NAMES
        and not _headed(run[1:])
    ):
        # "Mexican Ariel Cruz", "Democrat Walter Mondale"; not "American Airlines", "White
        # House" or "Saudi Arabia", where no given name follows.
        del run[0]
    if len(run) > 2:
        _split_before_a_person(para, run)
    if len(run) < 2:
        if run:
            _one_word(para, run[0])
        return
    for piece in _split(run, para.text):
        while piece and piece[-1].lower in LINKS:
            piece.pop()
        if piece and (found := candidate(para, piece)):
            para.found.append(found)


def _one_word(para: Paragraph, token: Token) -> None:
    """Add the candidate of a run of one word. A lone "De" or "La", or the "Three" of "Three
    people", is no name; two places joined by a hyphen are two ("the U.S.-Mexico border")."""
    if token.lower in _NO_NAME_ALONE:
        return
    if "-" in token.text and (pair := _place_pair(token)):
        para.found.extend(found for t in pair if (found := candidate(para, [t])))
    elif found := candidate(para, [token]):
        para.found.append(found)


def _place_pair(token: Token) -> list[Token] | None:
    """The two places of a word that joins them with a hyphen ("U.S.-Mexico", "US-China"),
    as tokens; None if it is no such word."""
    first, _, second = token.text.partition("-")
    if not (
        second
        and "-" not in second
        and gz.known_name(name_key(first))
        and gz.known_name(name_key(second))
    ):
        return None
    middle = token.start + len(first)
    return [
        Token(token.start, middle, first, first.lower(), False, True, token.sentence),
        Token(
            middle + 1, token.end, second, second.lower(), token.possessive, True, token.sentence
        ),
    ]


_NO_NAME_ALONE = LINKS | gz.NUMBER_WORDS
_DESCRIBING = gz.DEMONYMS | gz.PARTY_ADJECTIVES
"""Words that describe a person before the name: not part of it."""


def _headed(tokens: list[Token]) -> bool:
    return any(t.lower in _NUMBERED_HEADS for t in tokens)


def _known(paragraph: str, tokens: list[Token]) -> bool:
    """Whether the gazetteer knows the words from the first token to the last as a name."""
    return gz.known_name(name_key(paragraph[tokens[0].start : tokens[-1].end]))


def _split_before_a_person(para: Paragraph, run: list[Token]) -> None:
    """Cut a run where a known organisation or place runs into a person's name: "Lib Dems
    David Laws", "Liverpool Joe Anderson". The part before goes to its own candidates;
    `run` keeps the person. A given name that ends a known name is no person's: "San
    Antonio Ron Nirenberg"."""
    text = para.text
    for i in range(1, len(run) - 1):
        if run[i].lower in gz.FIRST_NAMES and run[i + 1].name:
            if _known(text, run[: i + 1]):
                continue  # "San Antonio Ron Nirenberg": look on for the person's given name
            if text[run[i].end : run[i + 1].start] == " " and _known(text, run[:i]):
                _candidates(para, run[:i])
                del run[:i]
            return
