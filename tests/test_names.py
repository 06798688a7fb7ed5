"""Names from outside the reader (file names, ids, paths) and the text of articles reach a
terminal or a text file only through `text.printable`: in `dump`, plain and JSON, in the
exports, the status line, the notices and the problems list."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.export import article_markdown, article_text, rows_as, timeline_rows
from tui_reader.corpus.text import escape_undecodable, printable
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.screens.problems import ProblemsScreen
from tui_reader.ui.screens.prompt import PromptScreen
from tui_reader.ui.widgets.bars import status_text

from .conftest import notices, screen_text, until
from .test_export import answer

BODY = "Workers in Albany voted on March 4, 2022, to join the union, said Jane Doe.\n"
NAMES = {
    b"esc\x1b]0;PWNED\x07\x1b[31mred": "esc^[]0;PWNED^G^[[31mred",
    b"bad\xff": "bad\\xff",
    "c1\x9b31m".encode(): "c1<U+009B>31m",
    "bidi\u202eevil".encode(): "bidi<U+202E>evil",
    b"new\nline": "new^Jline",
}
"""File names (less their suffix) as bytes, and as they are shown."""
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffd]")
"""What no line of a terminal or a text file may hold: controls but the newline that ends
it, bidi controls, lone surrogates, and the U+FFFD an undecodable byte once became."""


def hostile_names(folder: Path) -> Path:
    """A folder of articles named by `NAMES`, each with a dated event."""
    folder.mkdir()
    for name in NAMES:
        with open(os.fsencode(folder) + b"/" + name + b".txt", "w") as stream:
            stream.write(f"A title\n\n{BODY}")
    return folder


def strings(data: object) -> Iterator[str]:
    """Every string in parsed JSON, keys included."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("esc\x1b]0;PWNED\x07\x1b[31mred", "esc^[]0;PWNED^G^[[31mred"),
        ("c1\x9b31m \x85", "c1<U+009B>31m <U+0085>"),
        ("bidi\u202eevil\u2066", "bidi<U+202E>evil<U+2066>"),
        ("new\nline\ttab\x7fdel\x00", "new^Jline^Itab^?del^@"),
        (os.fsdecode(b"bad\xff\x80"), "bad\\xff\\x80"),
        ("lone \ud83d", "lone <U+D83D>"),
        ("family 👩\u200d👧, heart ❤\ufe0f, café", "family 👩👧, heart ❤, café"),
    ],
)
def test_printable_shows_what_it_replaces_in_ascii(text: str, shown: str) -> None:
    """Less's notation: controls in carets, C1 and bidi controls by code point, undecodable
    bytes as escapes; the rest of the text stays as it is."""
    assert printable(text) == shown
    assert printable(shown) == shown


def test_names_in_json_are_valid_strings_with_their_controls_kept() -> None:
    """JSON escapes controls itself; an undecodable byte, which would be a lone surrogate,
    is written as an escape."""
    name = os.fsdecode(b"bad\xff\x1b")
    assert escape_undecodable(name) == "bad\\xff\x1b"
    assert escape_undecodable("café \ud83d") == "café <U+D83D>"
    assert escape_undecodable("plain") == "plain"


def test_dump_shows_every_name_escaped(tmp_path: Path) -> None:
    """`dump` prints each article's id and path, in its id line and in the timeline, with
    what `printable` shows; `dump --json` is ASCII, and a strict parser takes every string
    of it, the undecodable byte escaped, and ids the same wherever they are."""
    folder = hostile_names(tmp_path / "corpus")
    command = [sys.executable, "-m", "tui_reader", "dump", str(folder)]
    plain = subprocess.run(command, capture_output=True, timeout=60, check=True)
    text = plain.stdout.decode("utf-8")
    for line in text.splitlines():
        assert not UNSAFE.search(line), repr(line)
    lines = text.splitlines()
    for shown in NAMES.values():
        assert f"{shown} · 2022-03-04 · {folder}/{shown}.txt" in lines, shown
        assert any(re.fullmatch(rf"2022-03-04  {re.escape(shown)}  .*", line) for line in lines)
    dumped = subprocess.run([*command, "--json"], capture_output=True, timeout=60, check=True)
    assert dumped.stdout.isascii()
    data = json.loads(dumped.stdout)
    for string in strings(data):
        string.encode("utf-8")  # no lone surrogate
    ids = {article["id"] for article in data["articles"]}
    assert ids == {escape_undecodable(os.fsdecode(name)) for name in NAMES}
    assert "bad\\xff" in ids
    assert {entry["article"] for entry in data["timeline"]} == ids
    assert {i for entity in data["entities"] for i in entity["articles"]} == ids
    assert f"{folder}/bad\\xff.txt" in {article["source"] for article in data["articles"]}


def test_exports_show_names_escaped(tmp_path: Path) -> None:
    """An article as Markdown or text names its file as `printable` shows it; the timeline
    as CSV holds printable cells, and as JSON it is ASCII with valid strings."""
    corpus = open_corpus([hostile_names(tmp_path / "corpus")])
    for article in corpus.articles:
        shown = printable(article.source)
        for text in (article_markdown(article), article_text(article)):
            assert not any(UNSAFE.search(line) for line in text.splitlines()), text
        assert f"2022-03-04 · {shown}\n" in article_text(article)
        escaped = Path(shown).name.replace("\\", "\\\\")  # Markdown's escape for "\\"
        assert f"/{escaped}\n" in article_markdown(article)
    rows = timeline_rows(corpus.timeline, corpus)
    csv_text = rows_as(rows, ".csv")
    assert not any(UNSAFE.search(line) for line in csv_text.splitlines())
    assert all(f",{shown}," in csv_text for shown in NAMES.values())
    json_text = rows_as(rows, ".json")
    assert json_text.isascii()
    for string in strings(json.loads(json_text)):
        string.encode("utf-8")
    assert "bad\\xff" in {row["article"] for row in json.loads(json_text)}


def test_the_status_line_shows_a_filter_printable() -> None:
    shown = status_text(1, 4, [("search", "union\x1b[31m")]).plain
    assert "search: union^[[31m" in shown


async def test_notices_and_the_problems_list_show_names_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that cannot be read, named with escapes, is listed by `!` in carets; an
    export to such a name is written there, and its notice shows the name in carets; no
    control character is drawn. The paths are short, so that the list's line is not cut
    before the name."""
    monkeypatch.chdir(tmp_path)
    folder = hostile_names(Path("corpus"))
    (folder / "binary\x1b]0;X\x07.txt").write_bytes(b"\x00\x01\x02" * 100)
    app = ReaderApp(open_corpus([folder]))
    unsafe = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("exclamation_mark")
        await until(pilot, lambda: "binary^[]0;X^G.txt" in screen_text(app))
        assert isinstance(app.screen, ProblemsScreen)
        assert not unsafe.search(app.export_screenshot())
        await pilot.press("escape", "e")
        await until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await answer(app, pilot, "out\x1b[31m.md")
        await until(pilot, lambda: any("out^[[31m.md" in notice for notice in notices(app)))
        assert (tmp_path / "out\x1b[31m.md").exists()
        assert not unsafe.search(app.export_screenshot())
