"""Cut a run of name words into the pieces that are names, and make each a candidate
(`pieces`): at commas, at links that do not hold the words together ("Bessemer, Alabama",
"Princeton and Yale"), and where a known name runs into a person's ("Lib Dems David Laws")."""

from __future__ import annotations

from collections.abc import Iterator

from .. import gazetteer as gz
from .candidate import name_key
from .pieces import Paragraph, candidate
from .words import LINKS, PARTICLES, Token

_LINK_HEADS = gz.ORG_HEADS | gz.PLACE_HEADS | {"center", "centre", "city", "republic", "house"}


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
    if len(piece) < 2 or ", " not in paragraph[piece[0].start : piece[-1].end]:
        return [piece[:]]  # most pieces: no comma between two of their words
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


def add_candidates(para: Paragraph, run: list[Token]) -> None:
    """Add the candidates of a run of name words to `para.found`: its pieces, cut where they
    part (`_split`), less a describing word before a given name ("Mexican Ariel Cruz"). A
    lone "De" or "La", or the "Three" of "Three people", is no name; two places joined by a
    hyphen are two ("the U.S.-Mexico border")."""
    if len(run) > 1:  # most runs are one word, which needs no splitting
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
        if len(run) > 1:
            for piece in _split(run, para.text):
                while piece and piece[-1].lower in LINKS:
                    piece.pop()
                if piece and (found := candidate(para, piece)):
                    para.found.append(found)
            return
    if not run or run[0].lower in _NO_NAME_ALONE:
        return
    token = run[0]
    if "-" in token.text and (pair := _place_pair(token)):
        para.found.extend(found for t in pair if (found := candidate(para, [t])))
    elif found := candidate(para, run):
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


def known(paragraph: str, tokens: list[Token]) -> bool:
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
            if known(text, run[: i + 1]):
                continue  # "San Antonio Ron Nirenberg": look on for the person's given name
            if text[run[i].end : run[i + 1].start] == " " and known(text, run[:i]):
                add_candidates(para, run[:i])
                del run[:i]
            return
