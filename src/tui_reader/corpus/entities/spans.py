"""Find the capitalised names of an article's paragraphs: runs of name words, joined by
links ("Bank of America"), ended by sentences and by the words that part names, and handed
to `cuts`, which cuts them where they part ("Bessemer, Alabama")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .. import gazetteer as gz
from ..budget import unlimited
from ..text import Spans
from .candidate import Candidate
from .cuts import add_candidates, known
from .layout import DATELINE, layout_of
from .pieces import Article, Paragraph, candidate
from .words import LINKS, WORD_REST, Token, words_of

_FIRST_WORD = re.compile(rf"[^\W_]{WORD_REST}")
_DATELINE_PARAGRAPHS = 3
"""A dateline is in one of the first paragraphs."""
_LINK_WORDS = frozenset(w for w in LINKS if w.isalpha())


def extract(
    paragraphs: Sequence[str], sentences: Sequence[Spans], check: Callable[[], None] = unlimited
) -> list[Candidate]:
    """Every candidate name in an article's paragraphs, given the sentence spans of each;
    `check` is called before each paragraph, and may raise to stop the work."""
    found: list[Candidate] = []
    article = Article(paragraphs)
    for index, (paragraph, spans) in enumerate(zip(paragraphs, sentences, strict=True)):
        check()
        # A sentence nearly always starts with a word, which `str.isalnum` (what
        # `_FIRST_WORD` starts with) tells without a search.
        firsts = {
            start if paragraph[start].isalnum() else _first_word(paragraph, start, end)
            for start, end in spans
        }
        firsts.discard(-1)
        dateline = DATELINE.match(paragraph) if index < _DATELINE_PARAGRAPHS else None
        place_end = dateline.end() if dateline else 0
        layout = layout_of(paragraph)
        para = Paragraph(
            paragraph,
            index,
            found,
            firsts,
            article,
            layout,
            place_end,
            layout == "prose" and not place_end,
        )
        _extract_paragraph(para, spans)
    return found


def _first_word(paragraph: str, start: int, end: int) -> int:
    """Where the first word of a sentence starts; -1 if it has none."""
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
        if skip and token.start < skip:
            continue  # a word of a known name taken whole
        if token.name and token.lower in gz.PHRASES and (end := _phrase(paragraph, token)):
            add_candidates(para, run)
            if found := candidate(para, _phrase_tokens(paragraph, token, end)):
                para.found.append(found)
            run, previous, skip = [], None, end
            continue
        if previous and token.sentence != previous.sentence:  # names end with sentences
            add_candidates(para, run)
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
        joined = False
        if run and not run[-1].possessive:
            if gap in (" ", ", "):
                joined = True
            elif run[-1].text == "Vice" and gap.split(" ", 2)[1:2] == ["president"]:
                run.pop()  # "Vice president"; "Vice" alone is a name
            else:
                joined = _link(paragraph, gap, previous, run)
        # A title after "of" names a thing: "the Department of Justice".
        if token.name or (joined and run[-1].lower == "of" and token.lower in gz.TITLES):
            if not joined and run:
                add_candidates(para, run)
                run = []
            run.append(token)
        elif joined and gap == " " and token.lower in LINKS:
            run.append(token)
        elif token.text == "The" and not para.starts_clause(
            token.start, paragraph[token.start - 1] if token.start else " "
        ):
            add_candidates(para, run)  # "The" inside a sentence is a name's own: "at The Oval"
            run = [token]
        elif token.lower in gz.NUMBER_WORDS:
            if joined and gap == " " and run[-1].name:
                run.append(token)  # "Formula One"
            else:  # "Second Amendment", if a head word ends it (`add_candidates`)
                add_candidates(para, run)
                run = [token]
        else:
            add_candidates(para, run)
            run = []
        previous = token
    add_candidates(para, run)


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
        paragraph[run[end - 1].end : run[end].start] != " " or known(paragraph, run[:end])
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
