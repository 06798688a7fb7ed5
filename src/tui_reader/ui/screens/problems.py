"""The problems of a corpus in one list: the files that could not be read, and the
articles whose analysis met one. Choosing an article opens it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from ...corpus.model import Corpus
from ...corpus.text import printable
from ..glyphs import OVERFLOW
from ..keys import CHOICES


def problem_lines(corpus: Corpus, reported: Sequence[str] = ()) -> list[tuple[str, str | None]]:
    """Each problem as one line, with the id of the article it is of (None for a file that
    could not be read, or a problem `reported` while reading); the articles' first, in
    corpus order."""
    lines: list[tuple[str, str | None]] = []
    for article in corpus.troubled():
        for problem in article.problems:
            lines.append((f"{article.title} ({article.id}): {problem}", article.id))
    lines.extend((str(problem), None) for problem in corpus.problems)
    lines.extend((problem, None) for problem in reported)
    return [(printable(line), article_id) for line, article_id in lines]


class ProblemsScreen(ModalScreen[str | None]):
    """Lists the problems; Enter on an article's opens it, Esc closes the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,exclamation_mark", "close", "Close the list", id="close-problems"),
        *CHOICES,
    ]
    DEFAULT_CSS = """
    ProblemsScreen { align: center middle; }
    ProblemsScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 90%;
        border: solid $warning; background: $surface; padding: 0 1;
    }
    ProblemsScreen OptionList, ProblemsScreen OptionList:focus {
        border: none; height: auto; max-height: 30;
    }
    """

    def __init__(self, lines: list[tuple[str, str | None]]) -> None:
        """`lines` as `problem_lines` gives them."""
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        count = len(self.lines)
        with Vertical():
            heading = f"{count} problem{'s' if count != 1 else ''}"
            yield Label(f"{heading}: Enter opens the article, Esc closes", markup=False)
            # Text, not strings: a string option would be read as markup, and these are data.
            yield OptionList(
                *(Text(line, no_wrap=True, overflow=OVERFLOW) for line, _ in self.lines)
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        article_id = self.lines[message.option_index][1]
        if article_id is not None:
            self.dismiss(article_id)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)


def show_problems(
    app: App[object], corpus: Corpus, reported: Sequence[str], open_article: Callable[[str], None]
) -> None:
    """List the problems (`problem_lines`), or say there are none; the article chosen
    among them goes to `open_article`."""
    lines = problem_lines(corpus, reported)
    if not lines:
        app.notify("No problems: every file was read and every article analysed.")
        return

    def chosen(article_id: str | None) -> None:
        if article_id is not None:
            open_article(article_id)

    app.push_screen(ProblemsScreen(lines), chosen)
