"""Analyse sources into a corpus: clean each article, date it, find its events and entities."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import dates, entities
from .cleaning import clean, one_line
from .formats import Record
from .loading import FileRef, Source, load, read
from .model import Article, Corpus, DateSource, Mentions, Problem, TimelineEntry
from .text import Spans, printable, sentence_spans, shorten

TITLE_LIMIT = 90


def _title(paragraphs: list[str], sentences: list[Spans], fallback: str) -> str:
    """The first real sentence of the body, shortened at a word boundary."""
    for paragraph, spans in zip(paragraphs, sentences, strict=True):
        for start, end in spans:
            return shorten(paragraph[start:end], TITLE_LIMIT)
    return printable(fallback)  # a file's name: untrusted text like any other


def analyse(source: Source) -> tuple[Article, list[entities.Candidate]]:
    """Clean and analyse one article; entities are resolved later, across the corpus."""
    meta = source.meta or Record("")
    known_title = one_line(meta.title) if meta.title else None
    cleaned = clean(source.text, title=known_title)
    published = dates.parse_date(meta.date) if meta.date else None
    published_from: DateSource | None = meta.origin if published else None
    if published is None and cleaned.header_date:
        published, published_from = cleaned.header_date, "header"
    sentences = [sentence_spans(paragraph) for paragraph in cleaned.paragraphs]
    found = dates.find(cleaned.paragraphs, sentences)
    if published is None:
        # The latest full date written in the article or its captions.
        written = [
            d for d in (dates.latest_found(found), dates.latest_full_date(cleaned.removed)) if d
        ]
        published = max(written) if written else None
        published_from = "text" if published else None
    article = Article(
        id=source.id,
        source=source.path,
        title=known_title or cleaned.title or _title(cleaned.paragraphs, sentences, source.id),
        paragraphs=cleaned.paragraphs,
        headings=frozenset(cleaned.headings),
        author=one_line(meta.author) if meta.author else cleaned.author,
        url=one_line(meta.url) if meta.url else None,
        published=published,
        published_from=published_from,
        removed=cleaned.removed,
        notes=cleaned.notes,
        truncated=source.truncated,
        record=source.record,
        events=dates.resolve_found(found, published),
    )
    return article, entities.extract(cleaned.paragraphs, sentences)


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


def _analysed(source: Source, problems: list[Problem]) -> Analysed | None:
    """One article analysed; an error in the analysis skips it, reported, and never stops
    the others."""
    try:
        return analyse(source)
    except Exception as error:  # a bug must cost one article, not the corpus
        where = f"{source.path}#{source.record}" if source.record is not None else source.path
        problems.append(Problem(where, f"could not be analysed ({type(error).__name__}): skipped"))
        return None


def build(sources: Iterable[Source], problems: list[Problem] | None = None) -> Corpus:
    """Analyse sources and resolve entities and the timeline across them."""
    problems = list(problems or [])
    with collector_paused():
        analysed = [done for source in sources if (done := _analysed(source, problems))]
        return assemble(analysed, problems)


def assemble(analysed: Iterable[Analysed], problems: list[Problem] | None = None) -> Corpus:
    """The corpus of analysed articles: entities resolved and the timeline built across them."""
    with collector_paused():
        return _assemble(analysed, problems)


def _assemble(analysed: Iterable[Analysed], problems: list[Problem] | None) -> Corpus:
    articles: list[Article] = []
    candidates: dict[str, list[entities.Candidate]] = {}
    for article, found in analysed:
        articles.append(article)
        candidates[article.id] = found
    articles.sort(key=_newest_first)
    corpus_entities, mentions = entities.resolve({a.id: candidates[a.id] for a in articles})
    for article in articles:
        article.mentions = mentions.get(article.id, Mentions())
    timeline = sorted(
        (
            TimelineEntry(article.id, event)
            for article in articles
            for event in article.events
            if event.date is not None
        ),
        key=lambda e: (e.event.date or "", e.article, e.event.paragraph, e.event.offset),
    )
    return Corpus(articles, corpus_entities, timeline, list(problems or []))


def analyse_file(ref: FileRef) -> tuple[list[Analysed], list[Problem]]:
    """Read one file and analyse its articles; what cannot be read is a problem."""
    problems: list[Problem] = []
    with collector_paused():
        sources = read(ref, problems)
        return [done for source in sources if (done := _analysed(source, problems))], problems


def open_corpus(paths: Iterable[Path]) -> Corpus:
    """Load and analyse the articles under the given paths."""
    sources, problems = load(paths)
    return build(sources, problems)
