"""A large JSON document of records is cut into parts of records, as a JSON Lines file is:
read part by part, it gives the articles, ids (`file#n`) and problems of the whole
document; a document that cannot be cut is one part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_reader.corpus import lines
from tui_reader.corpus.export import to_data
from tui_reader.corpus.loading import FileRef, Part, split
from tui_reader.store.pipeline import Loading

from .conftest import read_apart

BODY = 'Workers in Albany voted on Friday, said "Jane Doe" of the union [and {others}]'


def records(count: int) -> list[object]:
    """Records with brackets, quotes, escapes and wide characters in their strings, nested
    values, and now and then one that holds no article."""
    found: list[object] = []
    for number in range(count):
        found.append({"title": f"Story {number} \u2014 \\ ]", "text": f"{BODY} {number} é"})
        if number % 4 == 1:
            found += [{"no": "text", "tags": [[1, {"a": "]"}], 2.5e3]}, "a string", None]
    return found


@pytest.mark.timeout(10)
@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize(
    "document",
    [
        lambda r: r,
        lambda r: {"version": 2, "meta": {"items": [1]}, "data": "x", "articles": r},
        lambda r: {"results": {"no": "list"}, "items": r, "posts": [{"text": "other"}]},
    ],
    ids=["list", "under-articles", "first-known-list"],
)
def test_the_parts_of_a_document_read_as_the_whole_document(
    tmp_path: Path, document: object
) -> None:
    """A list of 20 articles and 15 records that hold none, as the document or under a
    known key, is cut every three records; the parts give the whole document's sources
    (ids `doc#1`, `doc#2`, `doc#6`, ...) and its problems (`doc.json#3`: "no article
    text"), each once."""
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document(records(20)), indent=1, ensure_ascii=False) + "\n")  # type: ignore[operator]
    apart = read_apart(FileRef(path, "doc"))
    assert len(apart.parts) == 12
    assert all(not part.whole for part in apart.parts)
    assert [part.first for part in apart.parts] == list(range(1, 36, 3))
    assert (apart.sources, apart.problems) == apart.whole
    assert [source.id for source in apart.sources][:3] == ["doc#1", "doc#2", "doc#6"]
    problems = apart.problems
    assert problems[0] == f"{path}#3: no article text in this record"
    assert len(problems) == len(set(problems)) == 15


@pytest.mark.timeout(10)
@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            '[{"text": "a b c"}, {"text": "d e f"}, {"text": "g"},\n{"text": "h"} x]',
            "not valid JSON",
        ),
        ('[{"text": "a b c"}, {"text": "d"}, {"text": "g"}, {"text": "h"}] []', "not valid JSON"),
        (
            '{"items": [1], "items": [{"text": "a"}, {"text": "b"}, {"text": "c"}, {"text": "d"}]}',
            None,
        ),
        ('{"version": "https://jsonfeed.org/version/1", "items": []}', None),
        ('{"text": "one record"}', None),
    ],
    ids=["broken", "trailing", "repeated-key", "json-feed", "one-record"],
)
def test_a_document_that_cannot_be_cut_is_one_part(
    tmp_path: Path, content: str, said: str | None
) -> None:
    """Invalid JSON, a key given twice, a JSON Feed or a single record is not cut: read
    whole, it is what it was (invalid JSON is one problem, "not valid JSON")."""
    path = tmp_path / "doc.json"
    path.write_text(content)
    apart = read_apart(FileRef(path, "doc"))
    assert apart.parts == [Part(FileRef(path, "doc"))]
    if said is not None:
        assert apart.problems == [f"{path}: {said}"]


@pytest.mark.timeout(30)
def test_dump_of_a_cut_document_is_the_dump_of_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`dump --json`'s data of a document of 40 records, cut every seven records on two
    worker processes, is the data of the same document read whole in this process."""
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"articles": records(40)}, ensure_ascii=False))
    read_whole = to_data(Loading([path]).run())
    monkeypatch.setattr(lines, "SPLIT_FROM", 0)
    monkeypatch.setattr(lines, "PART_RECORDS", 7)
    assert len(split(FileRef(path, "doc"))) == 10
    assert to_data(Loading([path], workers=2).run()) == read_whole


@pytest.mark.timeout(10)
@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize("window", [5, 64])
def test_a_small_window_finds_the_same_cuts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    """Read a few bytes at a time, so that the window cuts strings, escapes, numbers and
    wide characters and drops what is behind, the cuts still fall where records start:
    the parts read as the whole document."""
    from tui_reader.corpus import documents

    monkeypatch.setattr(documents, "WINDOW", window)
    path = tmp_path / "doc.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(records(12), ensure_ascii=False).encode())
    apart = read_apart(FileRef(path, "doc"))
    assert len(apart.parts) == 7  # 21 records
    assert (apart.sources, apart.problems) == apart.whole
