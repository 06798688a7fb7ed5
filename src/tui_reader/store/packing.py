"""One file's analysis as bytes, for the analysis cache and for worker processes to send back.

The form is `marshal` over plain tuples: it is several times faster than pickling the
dataclasses, and reading it back can build nothing but this module's own types.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
import operator
from collections.abc import Callable
from typing import Any

from ..corpus.analysis import Analysed
from ..corpus.entities import Candidate
from ..corpus.model import Article, Event, Problem, StageProblem

FORMAT = 3
"""Bumped whenever the layout below changes."""


def _fields(cls: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """What gives an object's fields as a tuple, read in C: packing with a generator of
    getattr cost 9% of a file's instructions, and this halves it. (From the dataclass's
    fields, not its `__slots__`: a class of the compiled build has none.)"""
    return operator.attrgetter(*(field.name for field in dataclasses.fields(cls)))


_event_fields = _fields(Event)
_candidate_fields = _fields(Candidate)


def _article(article: Article) -> tuple[Any, ...]:
    return (
        article.id,
        article.source,
        article.title,
        article.paragraphs,
        tuple(article.headings),
        article.author,
        article.url,
        article.published.toordinal() if article.published else None,
        article.published_from,
        article.published_guess.toordinal() if article.published_guess else None,
        article.removed,
        article.notes,
        article.truncated,
        article.record,
        [_event_fields(event) for event in article.events],
        [(problem.stage, problem.kind, problem.message) for problem in article.problems],
    )


def _unarticle(fields: tuple[Any, ...]) -> Article:
    (id_, source, title, paragraphs, headings, author, url, published, published_from, guess,
     removed, notes, truncated, record, events, problems) = fields  # fmt: skip
    return Article(
        id_,
        source,
        title,
        paragraphs,
        frozenset(headings),
        author,
        url,
        dt.date.fromordinal(published) if published is not None else None,
        published_from,
        dt.date.fromordinal(guess) if guess is not None else None,
        removed,
        notes,
        truncated,
        record,
        [Event(*event) for event in events],
        problems=[StageProblem(*problem) for problem in problems],
    )


def _uncandidate(fields: tuple[Any, ...], share: Callable[[Any, Any], Any]) -> Candidate:
    paragraph, start, end, name, key, words, initial, cues, acronym = fields
    return Candidate(
        paragraph,
        start,
        end,
        share(name, name),
        share(key, key),
        share(words, words),
        initial,
        share(cues, cues),
        acronym,
    )


def pack(analysed: list[Analysed], problems: list[Problem]) -> bytes:
    """One file's analysed articles and problems, as bytes."""
    return marshal.dumps(
        (
            FORMAT,
            [
                (
                    _article(article),
                    [_candidate_fields(c) for c in candidates],
                )
                for article, candidates in analysed
            ],
            [(problem.path, problem.reason, problem.url) for problem in problems],
        )
    )


def unpack(
    data: bytes, shared: dict[object, Any] | None = None
) -> tuple[list[Analysed], list[Problem]]:
    """What `pack` packed. Raises ValueError for bytes it did not write.

    Candidates repeat the same names, keys and cues thousands of times over a corpus; with
    `shared` (one dict for a whole load), each distinct one is kept once, which is most of
    the memory a large corpus takes.
    """
    share = (shared if shared is not None else {}).setdefault
    try:
        version, articles, problems = marshal.loads(data)
        if version == FORMAT:
            return (
                [
                    (_unarticle(article), [_uncandidate(fields, share) for fields in candidates])
                    for article, candidates in articles
                ],
                [Problem(*problem) for problem in problems],
            )
    except (EOFError, TypeError, ValueError) as error:  # what marshal and a bad layout raise
        raise ValueError(f"not a packed analysis: {error}") from error
    raise ValueError(f"not a packed analysis: format {version}, not {FORMAT}")
