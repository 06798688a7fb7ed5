"""The command line as a user runs it: help, version, dump, and bad paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui_reader import __version__
from tui_reader.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui_reader", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def test_help_and_version() -> None:
    assert "dump" in run("--help").stdout
    assert run("--version").stdout.strip() == f"tui-reader {__version__}"
    assert "--json" in run("dump", "--help").stdout


def test_dump_json_follows_the_documented_format(tmp_path: Path) -> None:
    result = run("dump", "--json", cwd=tmp_path)  # the bundled corpus, from any folder
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert len(data["articles"]) == 4
    article = data["articles"][0]
    assert set(article) >= {
        "id", "source", "title", "author", "url", "published", "published_from",
        "published_guess", "paragraphs", "removed", "notes", "truncated", "problems",
        "entities", "events",
    }  # fmt: skip
    assert set(article["entities"][0]) == {"id", "name", "type", "count"}
    assert set(article["events"][0]) == {
        "date", "end", "precision", "expression", "text", "paragraph", "offset"
    }  # fmt: skip
    assert set(data["entities"][0]) == {"id", "name", "type", "aliases", "articles", "count"}
    entry = data["timeline"][0]
    assert set(entry) == {
        "date",
        "end",
        "precision",
        "article",
        "expression",
        "text",
        "paragraph",
        "offset",
    }


def test_timeline_offsets_point_at_the_expression(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    articles = {a["id"]: a for a in data["articles"]}
    for entry in data["timeline"]:
        paragraph = articles[entry["article"]]["paragraphs"][entry["paragraph"]]
        assert paragraph[entry["offset"] :].startswith(entry["expression"])
        assert entry["text"] in paragraph


def test_plain_dump_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump"]) == 0
    out = capsys.readouterr().out
    assert "# Timeline" in out
    assert "Removed:" in out
    assert "Stephanie Keith Bloomberg | Getty Images" in out


def test_missing_path_alone_exits_2_with_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    for args in (("dump", str(missing)), ("dump", "--json", str(missing))):
        result = run(*args)
        assert result.returncode == 2
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines()[0] == f"tui-reader: {missing}: no such file or folder"


def test_reader_with_nothing_to_load_exits_2_before_opening(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_some_bad_paths_warn_and_go_on(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("A single article about Amazon in 2021.")
    result = run("dump", str(tmp_path / "missing"), str(tmp_path / "one.txt"))
    assert result.returncode == 0
    assert "missing: no such file or folder" in result.stderr
    assert "A single article about Amazon" in result.stdout


def test_a_folder_named_dump_opens_with_a_dot_slash(tmp_path: Path) -> None:
    (tmp_path / "dump").mkdir()
    (tmp_path / "dump" / "a.txt").write_text("Text in a folder named dump.")
    result = run("dump", "./dump", cwd=tmp_path)
    assert result.returncode == 0
    assert "Text in a folder named dump." in result.stdout


def test_an_unknown_theme_exits_2_with_one_line_naming_the_themes() -> None:
    result = run("--theme", "no-such-theme")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "no theme 'no-such-theme'" in lines[0]
    assert "ansi-dark" in lines[0]
