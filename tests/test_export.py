"""Export: an article as Markdown or text, the timeline and the entity table as CSV or
JSON, to a file named in a prompt."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tui_reader.corpus.export import article_markdown, rows_as
from tui_reader.corpus.model import Article, Corpus
from tui_reader.store.atomic import NotAFile, write_new
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.screens.prompt import PromptScreen

from .conftest import notices, until


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


async def answer(app: ReaderApp, pilot: Pilot[int], value: str) -> None:
    """Once the export prompt shows, type an answer into it and press Enter."""
    await until(pilot, lambda: isinstance(app.screen, PromptScreen))
    app.screen.query_one(Input).value = value
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.slow
async def test_export_the_article_the_timeline_and_the_entities(
    seeds: Corpus, tmp_path: Path
) -> None:
    """`e` on the article asks for a file (a name from the title offered) and writes
    Markdown; on the timeline, CSV of the events shown; on the entities, JSON by the
    name's extension. A file that exists is replaced only once the user says so (Enter
    alone says no); a wrong extension is refused."""
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
        (tmp_path / "entities.json").write_text("mine")

        def asked() -> bool:
            screen = app.screen
            question = "entities.json exists. Replace? y/N"
            return isinstance(screen, PromptScreen) and screen.question.endswith(question)

        await pilot.press("e")
        await pilot.pause()
        await answer(app, pilot, str(tmp_path / "entities.json"))  # exists
        await until(pilot, asked)
        await answer(app, pilot, "")
        assert (tmp_path / "entities.json").read_text() == "mine"
        await pilot.press("e")
        await pilot.pause()
        await answer(app, pilot, str(tmp_path / "entities.json"))
        await until(pilot, asked)
        await answer(app, pilot, "y")
        assert json.loads((tmp_path / "entities.json").read_text()) == entities
        await pilot.press("e")
        await pilot.pause()
        await answer(app, pilot, str(tmp_path / "entities.xlsx"))  # not a format
        assert not (tmp_path / "entities.xlsx").exists()
        assert any("must end in .csv or .json" in notice for notice in notices(app))
        assert sorted(path.name for path in tmp_path.iterdir()) == [
            "article.md",
            "entities.json",
            "timeline.csv",
        ]  # no temporary file is left


async def test_an_export_is_never_written_through_a_link_nor_makes_a_folder(
    seeds: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dangling link planted under the name the prompt offers (the article's title, in
    the folder the reader runs in) is refused, and neither its target nor the target's
    folder is made; so is a link to a file, which is left as it was. A name in a folder
    that does not exist makes no folder. Each refusal is a notice."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kept.md").write_text("kept")
    app = ReaderApp(seeds)
    shown: list[str] = []  # every notice: each leaves the screen after a while
    notify = app.notify

    def noted(message: str, **options: Any) -> None:
        shown.append(message)
        notify(message, **options)

    monkeypatch.setattr(app, "notify", noted)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, PromptScreen))
        offered = app.screen.query_one(Input).value
        (tmp_path / offered).symlink_to(tmp_path / "elsewhere" / "new" / "planted.md")
        await pilot.press("enter")
        await pilot.pause()
        for name, target in (("linked.md", "kept.md"), ("missing/article.md", None)):
            if target:
                (tmp_path / name).symlink_to(tmp_path / target)
            await pilot.press("e")
            await pilot.pause()
            await answer(app, pilot, name)
        await until(pilot, lambda: len(shown) == 3)
    assert not (tmp_path / "elsewhere").exists()
    assert (tmp_path / "kept.md").read_text() == "kept"
    assert not (tmp_path / "missing").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kept.md", "linked.md", offered]
    assert sum("a symbolic link, not written to" in notice for notice in shown) == 2, shown
    assert any("no such folder, and none is made" in notice for notice in shown), shown


def test_a_name_taken_after_it_was_looked_at_is_not_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link planted between the look at the name and the write (here, as the temporary
    file is made) is not followed: the file is linked into place, which fails if the name
    exists. Nothing is left behind."""
    path, target = tmp_path / "export.md", tmp_path / "target.md"
    make = tempfile.mkstemp

    def planting(*args: Any, **kwargs: Any) -> tuple[int, str]:
        path.symlink_to(target)
        return make(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", planting)
    with pytest.raises(FileExistsError):
        write_new(path, "text")
    assert not target.exists()
    assert sorted(tmp_path.iterdir()) == [path]
    with pytest.raises(NotAFile):
        write_new(path, "text", replace=True)  # a link is not replaced either
