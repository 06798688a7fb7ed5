"""A large CSV or TSV table is cut into parts of rows at byte offsets, each read with the
header: read part by part, it gives the whole table's articles, ids (`stem#ID`, `stem#N`)
and problems, whatever line breaks its quoted cells hold. Where it was cut is kept in the
analysis cache, so that a warm load makes no pass over the file to find its parts."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from pathlib import Path

import pytest

from tui_reader.corpus import cutting
from tui_reader.corpus.loading import FileRef, Part, split
from tui_reader.corpus.model import Corpus
from tui_reader.store.cache import CUTS, Cache, pipeline_version
from tui_reader.store.pipeline import Loading

from .conftest import read_apart

BODY = "Workers in Albany voted on Friday, said Jane Doe of the union."


def table(count: int, delimiter: str = ",", text: str = "text") -> str:
    """Rows with an id (one repeated far apart, so in another part), with none (named by
    url or number), with line breaks in quoted cells, and with no text."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["id", "title", text, "url"])
    for number in range(count):
        row_id = "a-1" if number in (1, 11) else (f"a-{number}" if number % 3 else "")
        body = f'{BODY}\n\n"Quoted", {number} é\r\nend' if number % 2 else f"{BODY} {number}"
        url = f"https://example.com/{number % 5}" if number % 3 == 0 else ""
        writer.writerow([row_id, f"Title {number}", "" if number == 7 else body, url])
    return out.getvalue()


@pytest.mark.timeout(10)
@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize(
    ("name", "encoding"), [("t.csv", "utf-8"), ("t.csv", "utf-8-sig"), ("t.tsv", "cp1252")]
)
def test_the_parts_of_a_table_read_as_the_whole_table(
    tmp_path: Path, name: str, encoding: str
) -> None:
    """20 rows, cut every three, give the whole table's sources and problems: ids by the
    id column (`t#a-2`), by the url, by the number where the id or url is taken by a row of
    an earlier part (`t#12`, `t#16`), and the row with no text reported once (`t.csv#8`)."""
    path = tmp_path / name
    path.write_bytes(table(20, "\t" if name.endswith(".tsv") else ",").encode(encoding))
    apart = read_apart(FileRef(path, "t"))
    assert len(apart.parts) > 1
    assert (apart.sources, apart.problems) == apart.whole
    ids = [source.id for source in apart.sources]
    assert ids[:4] == ["t#https://example.com/0", "t#a-1", "t#a-2", "t#https://example.com/3"]
    assert "t#12" in ids
    assert "t#16" in ids
    assert apart.problems == [f"{path}#8: no article text in this row"]


@pytest.mark.timeout(10)
@pytest.mark.usefixtures("small_parts")
def test_the_parts_are_read_with_the_columns_named(tmp_path: Path) -> None:
    """With `text=story` for a table whose text is under `story`, the parts read as the
    whole table read with the same mapping."""
    path = tmp_path / "t.csv"
    path.write_text(table(10, text="story"), encoding="utf-8")
    apart = read_apart(FileRef(path, "t", columns=(("text", "story"),)))
    assert len(apart.parts) > 1
    assert (apart.sources, apart.problems) == apart.whole
    assert len(apart.sources) == 9


@pytest.mark.timeout(10)
@pytest.mark.usefixtures("small_parts")
def test_a_table_that_cannot_be_cut_is_one_part(tmp_path: Path) -> None:
    """A table with no column of text, or a quote never closed, is one part; read, it says
    why, once."""
    bare = tmp_path / "bare.csv"
    bare.write_text("a,b\n1,2\n3,4\n5,6\n7,8\n")
    assert split(FileRef(bare, "bare")) == [Part(FileRef(bare, "bare"))]
    broken = tmp_path / "broken.csv"
    broken.write_text('text\n"a\n"b"\n"c\n' + "x\n" * 8 + '"unclosed\n')
    parts = split(FileRef(broken, "broken"))
    assert parts == [Part(FileRef(broken, "broken"))]


def counted_cuts(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files `cutting.cuts` is asked to cut from now on, each time it is."""
    cut: list[Path] = []
    real = cutting.cuts

    def counting(path: Path, *args: object, **kwargs: object) -> list[cutting.Cut]:
        cut.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cutting, "cuts", counting)
    return cut


def summary(corpus: Corpus) -> tuple[list[str], list[str]]:
    return sorted(a.id for a in corpus.articles), [str(p) for p in corpus.problems]


@pytest.mark.timeout(20)
@pytest.mark.usefixtures("small_parts")
def test_a_warm_load_takes_the_cuts_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loaded twice through one cache, the table is cut once (the first time), and the
    second load gives the same articles and problems; the table rewritten with more rows
    (its size and mtime changed) is cut again, and its new rows are there."""
    path = tmp_path / "t.csv"
    path.write_text(table(20), encoding="utf-8")
    cache = Cache(tmp_path / "cache.sqlite3", pipeline_version())
    cut = counted_cuts(monkeypatch)
    cold = Loading([path], cache=cache).run()
    assert cut == [path]
    assert summary(Loading([path], cache=cache).run()) == summary(cold)
    assert cut == [path]
    path.write_text(table(26), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    grown = Loading([path], cache=cache).run()
    assert cut == [path, path]
    assert len(grown.articles) == len(cold.articles) + 6


@pytest.mark.timeout(20)
@pytest.mark.usefixtures("small_parts")
def test_damaged_cuts_in_the_cache_are_reported_and_found_again(tmp_path: Path) -> None:
    """The cuts kept of the table damaged in the cache (a byte changed): the next load says
    so in one problem, cuts the file again and gives the same articles; the load after it
    reports nothing."""
    path = tmp_path / "t.csv"
    path.write_text(table(20), encoding="utf-8")
    cache = Cache(tmp_path / "cache.sqlite3", pipeline_version())
    cold = summary(Loading([path], cache=cache).run())
    db = sqlite3.connect(cache.path)
    update = "UPDATE files SET data = CAST(? AS BLOB) || substr(data, 2) WHERE part = ?"
    db.execute(update, (b"\xff", CUTS))
    db.commit()
    db.close()
    ids, problems = summary(Loading([path], cache=cache).run())
    assert ids == cold[0]
    assert problems == [
        f"{path}: its cached cuts were damaged (a checksum that does not match): cut again",
        *cold[1],
    ]
    assert summary(Loading([path], cache=cache).run()) == cold
