"""The Textual application: one corpus, one main screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..corpus.model import Corpus
from ..corpus.text import printable
from .screens.main import MainScreen


class ReaderApp(App[int]):
    """A terminal reader for a collection of news articles."""

    CSS_PATH = "reader.tcss"
    TITLE = "tui-reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.corpus)

    def on_mount(self) -> None:
        if self.corpus.problems:
            skipped = "\n".join(printable(str(problem)) for problem in self.corpus.problems)
            self.notify(skipped, title="Skipped", severity="warning", timeout=10, markup=False)
