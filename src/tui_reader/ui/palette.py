"""The command palette's own entries: every reader command, and "go to" an article or an
entity by a fuzzy match of its title or name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from .screens.main import MainScreen

MOST_HITS = 100
"""The most articles or entities one search offers: the palette shows a screenful."""


class GoToProvider(Provider):
    """Go to an article by its title, or filter by an entity by its name."""

    async def search(self, query: str) -> Hits:
        screen = self.screen
        if not isinstance(screen, MainScreen) or not query.strip():
            return
        matcher = self.matcher(query)
        words = query.lower().split()
        corpus = screen.corpus
        choices: list[tuple[str, str, Callable[[], None]]] = [
            ("Go to entity", entity.name, partial(screen.filter_by_entity, entity.id))
            for entity in corpus.entities.values()
        ]
        choices += [
            ("Go to article", article.title, partial(screen.open_article, article.id))
            for article in corpus.articles
        ]
        hits = 0
        for kind, name, command in choices:
            # A cheap test first: a corpus holds many titles, and the matcher is slow.
            lowered = name.lower()
            if not all(word in lowered for word in words):
                continue
            score = matcher.match(name)
            if score > 0:
                # Content, not markup: a title is data.
                shown = Content(f"{kind}: ") + matcher.highlight(name)
                yield Hit(score, shown, command, text=f"{kind}: {name}")
                hits += 1
                if hits >= MOST_HITS:
                    return
