"""The command palette's own entries: every reader command, and "go to" an article or an
entity by a fuzzy match of its title or name."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from functools import partial

from textual.app import SystemCommand
from textual.binding import BindingType
from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen

from ..corpus.fuzzy import InOrder
from .commands import bindings, command, shown_keys
from .keys import GLOBAL, NAVIGATION
from .screens.main import MainScreen
from .widgets.reader import ReadingView

MOST_HITS = 100
"""The most articles or entities one search offers: the palette shows a screenful."""


def reader_commands(screen: Screen[object], keymap: dict[str, str]) -> Iterator[SystemCommand]:
    """On the main screen, the clearing of each filter in force, and every reader command
    of the app, the screen and the article, by the description its key has in the help
    and with the keys `keymap` gives it."""
    if not isinstance(screen, MainScreen):
        return
    app = screen.app
    for kind in screen.filters.order:  # each can be cleared on its own
        yield SystemCommand(
            f"Clear the {kind} filter",
            "Esc clears the newest",
            partial(screen.clear_filter, kind),
        )
    targets: list[tuple[list[BindingType], DOMNode]] = [
        (GLOBAL, app),
        (MainScreen.BINDINGS, screen),
        (ReadingView.BINDINGS, screen.query_one(ReadingView)),
    ]
    for declared, target in targets:
        for binding in bindings(declared):
            if binding in NAVIGATION or binding.id == "quit":  # Textual offers Quit
                continue
            entry = command(binding, keymap)
            yield SystemCommand(
                entry.description,
                f"{shown_keys(entry.keys)} · {entry.id}",
                partial(app.run_action, binding.action, target),
            )


class GoToProvider(Provider):
    """Go to an article by its title, or filter by an entity by its name."""

    _choices: list[tuple[str, str, Callable[[str], None], str]] | None = None
    _names: InOrder | None = None

    async def search(self, query: str) -> Hits:
        screen = self.screen
        if not isinstance(screen, MainScreen) or not query.strip():
            return
        if self._choices is None or self._names is None:
            # Names and ids only, once a palette: a command is made for a hit, not for each
            # of 100,000 titles.
            corpus = screen.corpus
            self._choices = [
                *(
                    ("Go to entity", e.name, screen.filter_by_entity, e.id)
                    for e in corpus.entities.values()
                ),
                *(("Go to article", a.title, screen.open_article, a.id) for a in corpus.articles),
            ]
            self._names = InOrder([name for _, name, _, _ in self._choices])
        matcher = self.matcher(query)
        # The matcher scores a name slowly; only names that hold the query's letters in
        # order can score at all, and those are found at once.
        for index in itertools.islice(self._names.matches(query), MOST_HITS):
            kind, name, action, target = self._choices[index]
            score = matcher.match(name)
            # Content, not markup: a title is data.
            shown = Content(f"{kind}: ") + matcher.highlight(name)
            yield Hit(score, shown, partial(action, target), text=f"{kind}: {name}")
