"""The analysed corpus as JSON-ready data and as readable plain text (`tui-reader dump`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .model import Article, Corpus, Event
from .text import printable

FORMAT_VERSION = 1


def _event(event: Event) -> dict[str, Any]:
    return {
        "date": event.date,
        "precision": event.precision,
        "expression": event.expression,
        "text": event.text,
        "paragraph": event.paragraph,
        "offset": event.offset,
    }


def _article(article: Article, corpus: Corpus) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "author": article.author,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_from": article.published_from,
        "paragraphs": article.paragraphs,
        "headings": sorted(article.headings),
        "removed": article.removed,
        "notes": article.notes,
        "truncated": article.truncated,
        "entities": [
            {
                "id": entity_id,
                "name": corpus.entities[entity_id].name,
                "type": corpus.entities[entity_id].type,
                "count": count,
            }
            for entity_id, count in article.entity_counts().items()
        ],
        "events": [_event(event) for event in article.events],
    }


def to_data(corpus: Corpus) -> dict[str, Any]:
    """The corpus in the documented `dump --json` format."""
    return {
        "version": FORMAT_VERSION,
        "articles": [_article(article, corpus) for article in corpus.articles],
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "articles": list(entity.articles),
                "count": entity.count,
            }
            for entity in corpus.entities.values()
        ],
        "timeline": [
            {"article": entry.article, **_event(entry.event)} for entry in corpus.timeline
        ],
    }


def to_text(corpus: Corpus) -> Iterator[str]:
    """The corpus as plain text lines, safe to print to a terminal."""
    for article in corpus.articles:
        yield f"# {printable(article.title)}"
        published = article.published.isoformat() if article.published else "date unknown"
        byline = f" · by {printable(article.author)}" if article.author else ""
        yield f"{article.id} · {published}{byline} · {printable(article.source)}"
        if article.url:
            yield printable(article.url)
        yield ""
        for index, paragraph in enumerate(article.paragraphs):
            marker = "## " if index in article.headings else ""
            yield f"{marker}{printable(paragraph)}"
            yield ""
        for note in article.notes:
            yield f"Note: {printable(note)}"
        if article.removed:
            yield "Removed:"
            yield from (f"  - {printable(text)}" for text in article.removed)
        if article.events:
            yield "Events:"
            for event in article.events:
                yield f"  {event.date or '(no date)':<10}  {printable(event.expression)}"
        counts = article.entity_counts()
        if counts:
            yield "Entities:"
            for entity_id, count in counts.items():
                entity = corpus.entities[entity_id]
                yield f"  {entity.type:<6}  {printable(entity.name)} ({count})"
        yield ""
    yield "# Timeline"
    for entry in corpus.timeline:
        event = entry.event
        expression, sentence = printable(event.expression), printable(event.text)
        yield f"{event.date:<10}  {entry.article}  {expression}: {sentence}"
