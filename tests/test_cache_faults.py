"""The analysis cache is untrusted: damaged records, at random and one by one, and damaged
files. The longer run is `python bench/cache_faults.py`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from bench.cache_faults import TEXT, run, scratch

from tui_reader.corpus.export import to_data
from tui_reader.corpus.model import Article
from tui_reader.corpus.search import Query
from tui_reader.store.cache import Cache, pipeline_version
from tui_reader.store.databases import damaged
from tui_reader.store.index import SearchIndex
from tui_reader.store.pipeline import Loading


@pytest.mark.parametrize("part", range(4))
def test_no_damaged_record_crashes_a_load_or_is_used(part: int) -> None:
    """1,000 records damaged at random (in four parts of 250, which the suite's workers
    share), by byte flips in the database file and by values of the wrong type or out of
    range stored with a good checksum: every load reports the damage in one problem and
    gives the corpus a fresh analysis gives. None raises, none is used."""
    with scratch() as folder:
        outcomes, failures = run(250, part, Path(folder))
    assert failures == []
    assert outcomes == {"rejected": 250}


def test_a_damaged_record_is_reported_once_and_replaced(tmp_path: Path) -> None:
    """The file is analysed again and its new analysis stored: the next load takes it from
    the cache, with no problem."""
    (tmp_path / "vote.txt").write_text(TEXT)
    cache = Cache(tmp_path / "cache" / "analysis.sqlite3", pipeline_version())
    fresh = to_data(Loading([tmp_path / "vote.txt"], cache=cache).run())
    db = sqlite3.connect(cache.path)
    db.execute("UPDATE files SET data = CAST(? AS BLOB) || substr(data, 2)", (b"\xff",))
    db.commit()
    damaged_load = to_data(Loading([tmp_path / "vote.txt"], cache=cache).run())
    (problem,) = damaged_load["problems"]
    assert problem["path"] == str(tmp_path / "vote.txt")
    assert "cached analysis was damaged (a checksum that does not match)" in problem["message"]
    assert {**damaged_load, "problems": []} == fresh
    assert to_data(Loading([tmp_path / "vote.txt"], cache=cache).run()) == fresh


def test_a_damaged_search_index_is_set_aside_and_made_afresh(tmp_path: Path) -> None:
    path = tmp_path / "search-x.sqlite3"
    path.write_bytes(b"not a database" * 100)
    index = SearchIndex(path)
    assert index.notice is not None
    (kept,) = [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert kept.startswith("search-x.sqlite3.corrupt-")
    assert f"kept as {kept} and made afresh" in index.notice
    assert (tmp_path / kept).read_bytes() == b"not a database" * 100
    index.close()
    assert SearchIndex(path).notice is None  # the new one is sound


def test_a_database_damaged_again_keeps_one_copy_the_newest(tmp_path: Path) -> None:
    """Set aside twice, with a log the first time: one copy is left, the second damaged
    file's, with no log of the first beside it; a file of another name is left alone."""
    path = tmp_path / "search-x.sqlite3"
    other = tmp_path / "search-y.sqlite3.corrupt-20260101T000000"
    other.write_bytes(b"another index's copy")
    for number in (1, 2):
        path.write_bytes(f"damage {number} ".encode() * 100)
        if number == 1:
            Path(f"{path}-wal").write_bytes(b"a log")
        SearchIndex(path).close()
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("search-x.sqlite3.corrupt-")]
    assert [p.read_bytes() for p in kept] == [b"damage 2 " * 100]
    assert other.read_bytes() == b"another index's copy"


DAMAGES = {
    "a digest": "UPDATE docs SET digest = 'x' WHERE key = 'b'",
    "a checksum": "UPDATE docs SET checksum = checksum + 1 WHERE key = 'b'",
    "a checksum's type": "UPDATE docs SET checksum = 'x' WHERE key = 'b'",
    "an id that is not UTF-8": "UPDATE docs SET key = CAST(x'62ff' AS TEXT) WHERE key = 'b'",
    "a row id past any index's": "UPDATE docs SET rowid = 1 << 40 WHERE key = 'b'",
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_row_of_the_search_index_is_indexed_again(tmp_path: Path, damage: str) -> None:
    """Each row of the index carries a checksum: a damaged one is counted, its article
    indexed again, and searches find what they should."""
    articles = [
        Article("a", "a.txt", "Alpha", ["apples"]),
        Article("b", "b.txt", "Beta", ["pears and apples"]),
        Article("c", "c.txt", "Gamma", ["plums"]),
    ]
    path = tmp_path / "search-x.sqlite3"
    SearchIndex(path).sync(articles)
    db = sqlite3.connect(path)
    db.execute(damage)
    db.commit()
    db.close()
    index = SearchIndex(path)
    index.sync(articles)
    assert index.problems() == [f"{path}: damaged entries indexed again: 1"]
    assert index.indexed == 3
    assert set(index.search(Query.parse("apples")) or ()) == {"a", "b"}
    assert set(index.search(Query.parse("pears")) or ()) == {"b"}


@pytest.mark.parametrize("count", ["'many'", "CAST(x'ff' AS TEXT)", "-1"])
def test_a_stale_count_that_is_no_count_makes_the_index_afresh(tmp_path: Path, count: str) -> None:
    path = tmp_path / "search-x.sqlite3"
    SearchIndex(path).sync([Article("a", "a.txt", "Alpha", ["apples"])])
    db = sqlite3.connect(path)
    db.execute(f"UPDATE meta SET value = {count} WHERE key = 'stale'")
    db.commit()
    db.close()
    index = SearchIndex(path)
    index.sync([Article("a", "a.txt", "Alpha", ["apples"])])
    assert set(index.search(Query.parse("apples")) or ()) == {"a"}


@pytest.mark.parametrize(
    ("code", "is_damage"),
    [
        (sqlite3.SQLITE_NOTADB, True),
        (sqlite3.SQLITE_CORRUPT, True),
        (sqlite3.SQLITE_CORRUPT_VTAB, True),
        (sqlite3.SQLITE_BUSY, False),
        (sqlite3.SQLITE_READONLY, False),
        (sqlite3.SQLITE_FULL, False),
        (sqlite3.SQLITE_IOERR_WRITE, False),
        (sqlite3.SQLITE_CANTOPEN, False),
    ],
)
def test_only_a_damaged_file_is_set_aside_not_one_that_cannot_be_used_now(
    code: int, is_damage: bool
) -> None:
    """A database that is locked, read only or on a full disk is another's, or will be fine
    later: it is left as it is, and the reader goes on without it."""
    error = sqlite3.DatabaseError("x")
    error.sqlite_errorcode = code
    assert damaged(error) is is_damage
