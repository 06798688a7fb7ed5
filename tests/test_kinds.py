"""A file of a kind the reader does not read is named among the problems, not skipped
without a word; hidden files and the folder of a saved page's assets are passed over."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.corpus import folders
from tui_reader.corpus.loading import find

BODY = "Workers in Albany voted on Friday, said Jane Doe of the union."


def reasons(paths: list[Path]) -> dict[str, str]:
    _, problems = find(paths)
    return {Path(problem.path).name: problem.reason for problem in problems}


@pytest.mark.timeout(10)
def test_a_file_of_an_unknown_kind_is_named(tmp_path: Path) -> None:
    """In a folder, `notes.docx` and `photo.png` are each one problem, "not a kind of file
    the reader reads: skipped"; the article, a hidden file, an OPML list and the page's
    assets folder with its images are not problems."""
    (tmp_path / "story.txt").write_text(BODY)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    (tmp_path / "feeds.opml").write_text("<opml/>")
    (tmp_path / "page.html").write_text("<html><body><p>" + BODY + "</p></body></html>")
    assets = tmp_path / "page_files"
    assets.mkdir()
    (assets / "logo.png").write_bytes(b"\x89PNG")
    (assets / "frame.html").write_text("<html></html>")
    refs, _ = find([tmp_path])
    assert sorted(ref.path.name for ref in refs) == ["page.html", "story.txt"]
    assert reasons([tmp_path]) == {"notes.docx": folders.UNKNOWN, "photo.png": folders.UNKNOWN}


@pytest.mark.timeout(10)
def test_a_folder_of_many_unknown_files_gives_a_few_names_and_a_count(tmp_path: Path) -> None:
    """A folder of 30 images and 10 scripts names the first five files, then one line
    counts the 35 others by suffix: "35 more files … (25 .png, 10 .js): skipped"."""
    for number in range(30):
        (tmp_path / f"a{number:02}.png").write_bytes(b"\x89PNG")
    for number in range(10):
        (tmp_path / f"b{number:02}.js").write_text("x")
    _, problems = find([tmp_path])
    assert [Path(p.path).name for p in problems[:5]] == [f"a{n:02}.png" for n in range(5)]
    assert all(p.reason == folders.UNKNOWN for p in problems[:5])
    counted = "35 more files of kinds the reader does not read (25 .png, 10 .js): skipped"
    assert [(p.path, p.reason) for p in problems[5:]] == [(str(tmp_path), counted)]


@pytest.mark.timeout(10)
def test_a_folder_named_like_assets_without_its_page_is_read(tmp_path: Path) -> None:
    """`old_files/` with no `old.html` beside it is an ordinary folder: its article is
    read and its image named."""
    inner = tmp_path / "old_files"
    inner.mkdir()
    (inner / "story.md").write_text(BODY)
    (inner / "x.gif").write_bytes(b"GIF8")
    refs, _ = find([tmp_path])
    assert [ref.path.name for ref in refs] == ["story.md"]
    assert reasons([tmp_path]) == {"x.gif": folders.UNKNOWN}
