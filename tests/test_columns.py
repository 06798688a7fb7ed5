"""`--columns title=heading,text=story` names the columns of a table that its header does
not name as the fields; the cached analysis of a table is the one of its mapping."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tui_reader.cli import main
from tui_reader.store.cache import Cache, pipeline_version
from tui_reader.store.pipeline import Loading

BODY = "Workers in Albany voted on Friday, April 1, 2022, said Jane Doe of the union."


def table(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["heading", "kicker", "story"])
        writer.writerow(["Union wins", "Labour", BODY])
        writer.writerow(["Vote counted", "Count", BODY + " Again."])
    return path


@pytest.mark.timeout(10)
def test_the_mapping_names_the_title_and_the_text(tmp_path: Path) -> None:
    """Without a mapping, the table names no column of text and is one problem; with
    `title=heading,text=story`, its two rows are articles titled by their headings."""
    path = table(tmp_path / "stories.csv")
    bare = Loading([path]).run()
    assert bare.articles == []
    assert "--columns text=COLUMN" in bare.problems[0].reason
    mapped = Loading([path], columns={"title": "heading", "text": "story"}).run()
    assert sorted(a.title for a in mapped.articles) == ["Union wins", "Vote counted"]
    assert [a.id for a in mapped.articles] in (
        ["stories#1", "stories#2"],
        ["stories#2", "stories#1"],
    )


@pytest.mark.timeout(20)
def test_another_mapping_is_not_served_the_cached_analysis(tmp_path: Path) -> None:
    """Loaded with `title=heading`, then with `title=kicker` through the same cache, the
    titles are the kickers: the first mapping's analysis is not taken for the second's."""
    path = table(tmp_path / "stories.csv")
    cache = Cache(tmp_path / "cache.sqlite", pipeline_version())
    first = Loading([path], cache=cache, columns={"title": "heading", "text": "story"}).run()
    assert sorted(a.title for a in first.articles) == ["Union wins", "Vote counted"]
    second = Loading([path], cache=cache, columns={"title": "kicker", "text": "story"}).run()
    assert sorted(a.title for a in second.articles) == ["Count", "Labour"]
    again = Loading([path], cache=cache, columns={"title": "kicker", "text": "story"}).run()
    assert [a.title for a in again.articles] == [a.title for a in second.articles]


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    ("spec", "said"),
    [("headline", "'headline' is not FIELD=COLUMN"), ("colour=red", "no field 'colour'")],
)
def test_a_bad_mapping_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spec: str, said: str
) -> None:
    """`dump --columns headline` (no `=`) or a field that does not exist ends at once with
    status 2 and one line on stderr saying what is wrong, no usage and no traceback."""
    path = table(tmp_path / "stories.csv")
    with pytest.raises(SystemExit) as ended:
        main(["dump", "--no-cache", "--columns", spec, str(path)])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("tui-reader: --columns: ")
    assert said in err


@pytest.mark.timeout(20)
def test_dump_reads_a_table_with_the_mapping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dump --columns title=heading,text=story` prints both rows' articles by title, with
    no problem reported."""
    path = table(tmp_path / "stories.csv")
    assert main(["dump", "--no-cache", "--columns", "title=heading,text=story", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Union wins" in captured.out
    assert "Vote counted" in captured.out
    assert captured.err == ""
