"""The command palette's own entries: every reader command, and "go to" an article or an
entity by a fuzzy match of its title or name."""

from __future__ import annotations

import itertools
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
        # Names and ids only: a command is made for a hit, not for each of 100,000 titles.
        choices = itertools.chain(
            (
                ("Go to entity", e.name, screen.filter_by_entity, e.id)
                for e in corpus.entities.values()
            ),
            (("Go to article", a.title, screen.open_article, a.id) for a in corpus.articles),
        )
        hits = 0
        for kind, name, action, target in choices:
            # A cheap test first: a corpus holds many titles, and the matcher is slow.
            lowered = name.lower()
            if not all(word in lowered for word in words):
                continue
            score = matcher.match(name)
            if score > 0:
                # Content, not markup: a title is data.
                shown = Content(f"{kind}: ") + matcher.highlight(name)
                yield Hit(score, shown, partial(action, target), text=f"{kind}: {name}")
                hits += 1
                if hits >= MOST_HITS:
                    return
