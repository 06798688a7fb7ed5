"""Export: an article as Markdown or text, the timeline and the entity table as CSV or
JSON, to a file named in a prompt."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from textual.widgets import Input

from tui_reader.corpus.export import article_markdown, rows_as
from tui_reader.corpus.model import Article, Corpus
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.screens.prompt import PromptScreen

from .conftest import notices


def test_markdown_shows_article_text_as_the_text_it_is() -> None:
    """A paragraph that starts like a heading, a list or a quote, or holds Markdown marks,
    stays text: the marks are escaped."""
    article = Article(
        id="a", source="a.txt", title="A *bold* claim", paragraphs=["# not a heading",
        "- not a list", "1. not a list either", "[a](link) and `code` and <tag>"],
    )  # fmt: skip
    text = article_markdown(article)
    assert text.startswith("# A \\*bold\\* claim\n\nundated · a.txt\n\n")
    assert "\n\\# not a heading\n" in text
    assert "\n\\- not a list\n" in text
    assert "\n1\\. not a list either\n" in text
    assert "\\[a](link) and \\`code\\` and \\<tag>" in text


def test_csv_cells_are_never_formulas() -> None:
    rows = [{"name": '=HYPERLINK("http://x")', "n": 1}, {"name": "+1", "n": 2}]
    parsed = list(csv.DictReader(rows_as(rows, ".csv").splitlines()))
    assert [row["name"] for row in parsed] == ['\'=HYPERLINK("http://x")', "'+1"]
    assert json.loads(rows_as(rows, ".json")) == rows


async def answer(app: ReaderApp, pilot: object, value: str) -> None:
    """Type an answer into the export prompt and press Enter."""
    screen = app.screen
    assert isinstance(screen, PromptScreen)
    screen.query_one(Input).value = value
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.slow
async def test_export_the_article_the_timeline_and_the_entities(
    seeds: Corpus, tmp_path: Path
) -> None:
    """`e` on the article asks for a file (a name from the title offered) and writes
    Markdown; on the timeline, CSV of the events shown; on the entities, JSON by the
    name's extension. A file that exists is not overwritten; a wrong extension is refused."""
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PromptScreen)
        assert screen.query_one(Input).value.endswith(".md")
        await answer(app, pilot, str(tmp_path / "article.md"))
        markdown = (tmp_path / "article.md").read_text()
        assert markdown.startswith("# This has been a historic year")
        await pilot.press("4", "e")
        await pilot.pause()
        await answer(app, pilot, str(tmp_path / "timeline.csv"))
        rows = list(csv.DictReader((tmp_path / "timeline.csv").read_text().splitlines()))
        assert len(rows) == len(seeds.timeline)
        assert rows[0]["expression"] == "in 2014"
        await pilot.press("3", "e")
        await pilot.pause()
        await answer(app, pilot, str(tmp_path / "entities.json"))
        entities = json.loads((tmp_path / "entities.json").read_text())
        assert {"name": "Christian Smalls", "type": "person"}.items() <= entities[2].items()
        await pilot.press("e")
        await pilot.pause()
        await answer(app, pilot, str(tmp_path / "entities.json"))  # exists
        await pilot.press("e")
        await pilot.pause()
        await answer(app, pilot, str(tmp_path / "entities.xlsx"))  # not a format
        assert not (tmp_path / "entities.xlsx").exists()
        assert json.loads((tmp_path / "entities.json").read_text()) == entities
        shown = notices(app)
        assert any("exists: not overwritten" in notice for notice in shown), shown
        assert any("must end in .csv or .json" in notice for notice in shown), shown
