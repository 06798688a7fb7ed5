"""Analyse sources into a corpus: clean each article, date it, find its events and entities."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from . import entities
from .budget import Alarm, Budget, OverBudget, alarms
from .cleaning import Cleaned, clean, one_line
from .formats import Record
from .lines import Stopped
from .loading import Part, Source, load, read
from .model import (
    Article,
    Corpus,
    Entity,
    Mentions,
    Problem,
    Stage,
    StageProblem,
    TimelineEntry,
)
from .published import Dates, dated
from .stopping import Stop, chunks, never
from .text import Spans, printable, sentence_spans, shorten, strip_unsafe

TITLE_LIMIT = 90
T = TypeVar("T")


def _title(paragraphs: list[str], sentences: Sequence[Spans], fallback: str) -> str:
    """The first real sentence of the body, shortened at a word boundary."""
    for paragraph, spans in zip(paragraphs, sentences, strict=True):
        for start, end in spans:
            return shorten(paragraph[start:end], TITLE_LIMIT)
    return printable(fallback)  # a file's name: untrusted text like any other


class _Stages:
    """The stages of one article's analysis, each isolated: one that raises leaves the
    article with what the stages before made, and one that runs out of time stops the
    stages after it too. Each such stage is a problem of the article."""

    def __init__(self, budget: Budget, problems: list[StageProblem]) -> None:
        self.budget = budget
        self.problems = problems
        self.stopped = False
        """Whether the time ran out."""

    def run(self, stage: Stage, work: Callable[[], T], fallback: T, lost: str) -> T:
        """What `work` gives, or else `fallback`; `lost` says what the fallback lacks."""
        if self.stopped:
            return fallback
        try:
            return work()
        except OverBudget:
            self.stopped = True
            message = f"took over {self.budget.seconds:g} s: {lost}"
            self.problems.append(StageProblem(stage, "timeout", message))
        except Exception as error:  # a bug must cost one stage of one article, no more
            self.problems.append(StageProblem.raised(stage, error))
        return fallback


def raw_paragraphs(text: str) -> list[str]:
    """The paragraphs of a text as it is, blocks of lines between blank lines, with no
    character that must not reach a terminal: what an article keeps when cleaning fails."""
    blocks = (" ".join(block.split()) for block in strip_unsafe(text).split("\n\n"))
    return [block for block in blocks if block]


_NO_METADATA = Record("")
"""The metadata of a source that has none (a record is frozen: one serves them all)."""


def analyse(source: Source, budget: Budget | None = None) -> Analysed:
    """Clean and analyse one article; entities are resolved later, across the corpus.

    Nothing it meets loses the article: a stage that fails (`_Stages`) is a problem of it,
    and the article keeps its raw text at worst."""
    budget = budget or Budget()
    meta = source.meta or _NO_METADATA
    stages = _Stages(budget, list(meta.problems))
    with Alarm(budget):
        title = meta.title
        known_title = stages.run("cleaning", lambda: one_line(title), "", "title") if title else ""
        cleaned = stages.run(
            "cleaning",
            lambda: clean(source.text, title=known_title or None, check=budget.check),
            None,
            "its raw text is shown",
        ) or Cleaned(paragraphs=raw_paragraphs(source.text))
        paragraphs = cleaned.paragraphs
        unsplit: list[Spans] = [((0, len(paragraph)),) for paragraph in paragraphs]
        sentences = stages.run(
            "cleaning",
            lambda: [sentence_spans(paragraph) for paragraph in paragraphs],
            unsplit,
            "its paragraphs are not split into sentences",
        )
        undated: Dates = (None, None, None, [])
        published, published_from, guess, events = stages.run(
            "dates",
            lambda: dated(meta, cleaned, sentences, budget.check),
            undated,
            "it has no date and no events",
        )
        nameless: list[entities.Candidate] = []
        candidates = stages.run(
            "entities",
            lambda: entities.extract(paragraphs, sentences, budget.check),
            nameless,
            "no names are found in it",
        )
    article = Article(
        id=source.id,
        source=source.path,
        title=known_title or cleaned.title or _title(paragraphs, sentences, source.id),
        paragraphs=paragraphs,
        headings=frozenset(cleaned.headings),
        author=one_line(meta.author) if meta.author else cleaned.author,
        url=one_line(meta.url) if meta.url else None,
        published=published,
        published_from=published_from,
        published_guess=guess,
        removed=cleaned.removed,
        notes=cleaned.notes,
        truncated=source.truncated,
        record=source.record,
        key=source.key,
        events=events,
        problems=stages.problems,
        site=one_line(meta.site) if meta.site else None,
        links=list(meta.links),
        origin=source.origin,
    )
    return article, candidates


def _newest_first(article: Article) -> tuple[bool, int, str]:
    ordinal = article.published.toordinal() if article.published else 0
    return article.published is None, -ordinal, article.id


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector. Analysis makes many small objects and no cycles,
    and the collector would otherwise walk every object built so far again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


Analysed = tuple[Article, list[entities.Candidate]]
"""One article analysed, with its candidate names, before corpus-wide resolution."""


def _analysed(source: Source) -> Analysed:
    """One article analysed. Its stages are isolated (`analyse`); should anything else
    raise, the article is still kept, with its raw text and the problem."""
    try:
        return analyse(source)
    except Exception as error:  # a bug must cost one article's analysis, never the article
        article = Article(
            id=source.id,
            source=source.path,
            title=printable(source.id),
            paragraphs=raw_paragraphs(source.text),
            truncated=source.truncated,
            record=source.record,
            key=source.key,
            problems=[StageProblem.raised("cleaning", error)],
            origin=source.origin,
        )
        return article, []


def build(sources: Iterable[Source], problems: list[Problem] | None = None) -> Corpus:
    """Analyse sources and resolve entities and the timeline across them."""
    with collector_paused(), alarms():
        return assemble([_analysed(source) for source in sources], problems)


def assemble(
    analysed: Iterable[Analysed], problems: list[Problem] | None = None, stopped: Stop = never
) -> Corpus:
    """The corpus of analysed articles: entities resolved and the timeline built across them.

    `stopped` is asked every few hundred articles or names (`stopping.chunks`): once it
    says so, `Stopped` is raised."""
    with collector_paused():
        return _assemble(analysed, problems, stopped)


def _assemble(
    analysed: Iterable[Analysed], problems: list[Problem] | None, stopped: Stop
) -> Corpus:
    articles: list[Article] = []
    candidates: dict[str, list[entities.Candidate]] = {}
    for some in chunks(analysed, stopped):
        for article, found in some:
            if article.id in candidates:  # the same guid in two feeds: the later is named apart
                article = dataclasses.replace(article, id=f"{article.id} ({article.source})")
            articles.append(article)
            candidates[article.id] = found
    articles.sort(key=_newest_first)
    corpus_entities, mentions = _resolved(articles, candidates, stopped)
    for article in articles:
        article.mentions = mentions.get(article.id, Mentions())
    entries = [
        TimelineEntry(article.id, event)
        for some in chunks(articles, stopped)
        for article in some
        for event in article.events
        if event.date is not None
    ]
    # Sorted by keys made a few hundred at a time, so that only the sort itself, in C, cannot
    # be stopped; the position last keeps the order of equal keys.
    keys = [
        (entry.event.date or "", entry.article, entry.event.paragraph, entry.event.offset, i)
        for some in chunks(enumerate(entries), stopped)
        for i, entry in some
    ]
    keys.sort()
    timeline = [entries[key[-1]] for some in chunks(keys, stopped) for key in some]
    return Corpus(articles, corpus_entities, timeline, list(problems or []))


def _resolved(
    articles: list[Article], candidates: dict[str, list[entities.Candidate]], stopped: Stop
) -> tuple[dict[str, Entity], dict[str, Mentions]]:
    """The corpus's entities and each article's mentions of them. Should resolving them
    raise, the articles whose names it cannot resolve even alone are found, and resolved
    without names, each with the problem; the others keep theirs."""
    ordered = {
        article.id: candidates[article.id] for some in chunks(articles, stopped) for article in some
    }
    try:
        return entities.resolve(ordered, stopped)
    except Stopped:
        raise
    except Exception:  # a bug met by one article's names must not cost the corpus its own
        pass
    for some in chunks(articles, stopped):
        for article in some:
            try:
                entities.resolve({article.id: ordered[article.id]})
            except Exception as error:
                ordered[article.id] = []
                article.problems.append(StageProblem.raised("entities", error))
    try:
        return entities.resolve(ordered, stopped)
    except Stopped:
        raise
    except Exception as error:  # only names that break it together: the corpus goes without
        for article in articles:
            article.problems.append(StageProblem.raised("entities", error))
        return {}, {}


def analyse_part(
    part: Part, stopped: Callable[[], bool] | None = None
) -> tuple[list[Analysed], list[Problem]]:
    """Read a file, or a part of it, and analyse its articles; what cannot be read is a
    problem. `stopped` is asked between articles: once it says so, `Stopped` is raised."""
    problems: list[Problem] = []
    analysed: list[Analysed] = []
    with collector_paused(), alarms():
        for source in read(part, problems):
            if stopped is not None and stopped():
                raise Stopped
            analysed.append(_analysed(source))
        return analysed, problems


def open_corpus(paths: Iterable[Path]) -> Corpus:
    """Load and analyse the articles under the given paths."""
    sources, problems = load(paths)
    return build(sources, problems)
