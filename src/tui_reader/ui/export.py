"""Exporting what a pane shows: the article (Markdown or text), the timeline as filtered,
or the entity table (CSV or JSON), to a file named in a prompt. A file that exists is
replaced only if the user says so; a link, a folder or a missing folder is refused
(`store.atomic.write_new`). `corpus/export.py` does the formatting."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.app import App

from ..corpus.export import (
    EXPORTS,
    article_markdown,
    article_text,
    entity_rows,
    rows_as,
    timeline_rows,
)
from ..corpus.model import Article, Corpus, TimelineEntry
from ..corpus.text import printable, slug
from ..store.atomic import write_new
from .screens.prompt import PromptScreen

YES = ("y", "yes")
"""The answers to "Replace? y/N" that replace; anything else, Enter alone too, does not."""


@dataclass(frozen=True)
class Export:
    """What to export: `kind` is "article", "timeline" or "entities"."""

    kind: str
    corpus: Corpus
    article: Article | None
    entries: Sequence[TimelineEntry]
    """The timeline as shown."""

    def text(self, suffix: str) -> str:
        """The export in the format of this file suffix (".md", ".csv"…)."""
        if self.kind == "article" and self.article is not None:
            article = self.article
            return article_markdown(article) if suffix == ".md" else article_text(article)
        if self.kind == "timeline":
            return rows_as(timeline_rows(self.entries, self.corpus), suffix)
        return rows_as(entity_rows(self.corpus), suffix)


def ask(app: App[object], export: Export, report: Callable[[str, str], None]) -> None:
    """Ask for a file name, and write the export there; a failure to write goes to
    `report` (a title and the error)."""
    kind, article = export.kind, export.article
    if kind == "article" and article is None:
        return
    name = f"{slug(article.title)[:60]}.md" if article and kind == "article" else f"{kind}.csv"
    formats = " or ".join(EXPORTS[kind])
    question = f"Export the {kind} to ({formats}; Esc cancels):"

    def answered(answer: str | None) -> None:
        if answer is not None:
            # As typed: resolved, a link planted under the offered name would be followed.
            _write(app, export, Path(answer).expanduser(), report)

    app.push_screen(PromptScreen(question, name), answered)


def _write(
    app: App[object],
    export: Export,
    path: Path,
    report: Callable[[str, str], None],
    replace: bool = False,
) -> None:
    suffix = path.suffix.lower()
    if suffix not in EXPORTS[export.kind]:
        formats = " or ".join(EXPORTS[export.kind])
        app.notify(f"The file must end in {formats}.", severity="warning")
        return
    try:
        write_new(path, export.text(suffix), replace=replace)
    except FileExistsError:

        def answered(answer: str | None) -> None:
            if answer is not None and answer.lower() in YES:
                _write(app, export, path, report, replace=True)

        question = f"{printable(str(path))} exists. Replace? y/N"
        app.push_screen(PromptScreen(question, ""), answered)
        return
    except OSError as error:
        report("Not exported", f"{path}: {error.strerror or error}")
        return
    app.notify(f"Exported the {export.kind} to {path.absolute()}")
