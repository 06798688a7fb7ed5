"""The analysis cache: each file's packed analysis in SQLite, keyed by its path, size and mtime,
and for a large file cut into parts (`loading.split`), each part's, by its number too, and
where it was cut (`packing.pack_parts`), as part `CUTS`.

A file whose size or mtime changed is analysed again; a file that is gone is dropped from
the cache. The cache belongs to one version of the analysis (a hash of its source code and
data, and of the cache's layout): a cache from another version is emptied. It is disposable,
so nothing in it is ever the only copy of anything, and it is untrusted: each record carries
a checksum (CRC-32) of all of it, and one that fails it is `Damaged`, to be analysed again
and reported. A damaged file, or one of another program, is set aside and made afresh
(`databases`), and that is reported too (`problems`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus.model import Problem
from . import packing
from .databases import Foreign, afresh, damaged, open_database

_META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
_FILES = """
CREATE TABLE files (
    path TEXT NOT NULL, part INTEGER NOT NULL, file_id TEXT NOT NULL, size INTEGER NOT NULL,
    mtime INTEGER NOT NULL, data BLOB NOT NULL, checksum INTEGER NOT NULL
);
CREATE UNIQUE INDEX files_by_path ON files (path, part);
"""
_COLUMNS = ["path", "part", "file_id", "size", "mtime", "data", "checksum"]
# Each record found by the path its index holds, and read whole from the table: a record
# whose own path was damaged is still found, and fails its checksum. Nothing is read as
# text, which SQLite would give back decoded: a damaged byte in a text would fail the whole
# query, and a damaged type byte can make any column text. The texts are read as bytes, and
# an integer stored as anything else as NULL.
_READ = """
SELECT k.path, k.part, CAST(f.path AS BLOB), {part}, CAST(f.file_id AS BLOB), {size}, {mtime},
       CAST(f.data AS BLOB), {checksum}
FROM files AS k INDEXED BY files_by_path JOIN files AS f ON f.rowid = k.rowid
""".format(
    **{
        name: f"CASE typeof(f.{name}) WHEN 'integer' THEN f.{name} END"
        for name in ("part", "size", "mtime", "checksum")
    }
)
_WRITE = "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)"
CUTS = -1
"""The part number under which a large file's cuts are kept: no part has it."""
PACKAGE = Path(__file__).resolve().parent.parent
"""The folder of the `tui_reader` package: the analysis's files are named relative to it."""


def analysis_sources() -> list[Path]:
    """The files an article's analysis depends on, wherever they are in the package: every
    module of `corpus` (its subpackages' too) and its data, and the packing of the results.
    Read as source, which a compiled build ships too."""
    corpus = PACKAGE / "corpus"
    found = [*corpus.rglob("*.py"), *(corpus / "data").glob("*.txt")]
    return sorted([*found, PACKAGE / "store" / "packing.py"])


def pipeline_version() -> str:
    """A hash of the analysis code and data and of the packing format: any change to them
    changes it. Each file counts by its path as well as its bytes (a module moved is a
    change)."""
    digest = hashlib.sha256(f"tui-reader cache {packing.FORMAT}{_FILES}".encode())
    for source in analysis_sources():
        digest.update(source.relative_to(PACKAGE).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Stamp:
    """What identifies one version of a file: the cache is keyed by it."""

    path: str
    file_id: str
    size: int
    mtime: int
    part: int = 0
    """The part of the file (`loading.Part.number`)."""

    @classmethod
    def of(cls, path: Path, file_id: str, part: int = 0) -> Stamp | None:
        """The stamp of the file, or of its part, or None when it cannot be looked at."""
        try:
            status = path.stat()
        except OSError:
            return None
        return cls(str(path), file_id, status.st_size, status.st_mtime_ns, part)

    @property
    def key(self) -> tuple[str, int]:
        return self.path, self.part


def checksum(path: bytes, part: int, file_id: bytes, size: int, mtime: int, data: bytes) -> int:
    """The CRC-32 of a stored record, all of its columns (the texts in UTF-8)."""
    numbers = b"%d\0%d\0%d\0" % (part, size, mtime)
    return zlib.crc32(data, zlib.crc32(b"\0".join((path, file_id, numbers))))


def _utf8(text: str) -> bytes | None:
    """The text as SQLite stores it; None for one it cannot store, as the name of a file that
    is not UTF-8 (such a file is analysed at every load)."""
    try:
        return text.encode()
    except UnicodeEncodeError:
        return None


@dataclass(frozen=True, slots=True)
class Damaged:
    """A stored record that fails its checksum, or whose columns are of the wrong types."""

    why: str


class Cache:
    """An open analysis cache. Every method swallows SQLite errors: a cache that fails is
    only slower, never a reason to fail. A file found damaged while in use is set aside and
    made afresh."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version
        self.problems: list[Problem] = []
        """The cache's file, when it was damaged and set aside."""
        self._db = self._opened(open_database(path, self._prepare))

    def _opened(
        self, opened: tuple[sqlite3.Connection | None, str | None]
    ) -> sqlite3.Connection | None:
        db, notice = opened
        if notice is not None:
            self.problems.append(Problem(str(self.path), notice))
        return db

    def _failed(self, error: sqlite3.Error) -> None:
        """A query failed: if the file is damaged, set it aside and go on with a new one;
        otherwise the cache is only slower."""
        if damaged(error) and self._db is not None:
            self.close()
            self._db = self._opened(afresh(self.path, self._prepare, error))

    def _prepare(self, db: sqlite3.Connection) -> None:
        """Make the database ours and of this version; raises `sqlite3.Error` if it cannot
        be."""
        # Pages of 64 KB (for a new file; SQLite's default is 4 KB): a file's analysis
        # (about 10 KB) fits in one page, not a chain of overflow pages, and the log is
        # written back in 64 MB steps, not 4 MB.
        db.execute("PRAGMA page_size = 65536")
        # A write-ahead log, synced at checkpoints only: a commit is still all or nothing,
        # and costs no disk flush (a power cut may lose the last ones).
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(_META)
        if [row[1] for row in db.execute("PRAGMA table_info(meta)")] != ["key", "value"]:
            raise Foreign("a meta table not ours")
        # As bytes: a damaged one is another version, not a query that fails at every start.
        query = "SELECT CAST(value AS BLOB) FROM meta WHERE key = 'version'"
        row = db.execute(query).fetchone()
        if row is None or row[0] != self.version.encode():  # its layout may be another's too
            db.executescript(
                f"BEGIN; DROP TABLE IF EXISTS files; {_FILES} DELETE FROM meta; COMMIT;"
            )
            db.execute("INSERT INTO meta VALUES ('version', ?)", (self.version,))
        columns = [row[1] for row in db.execute("PRAGMA table_info(files)")]
        if columns != _COLUMNS:  # a table of the same name, not ours
            raise Foreign(f"a files table not ours: {columns}")

    def get(self, stamps: Sequence[Stamp]) -> dict[tuple[str, int], bytes | Damaged]:
        """The packed analyses of the files (or parts) whose stamps match, by path and part,
        and the records of them that are damaged (a few hundred at a time: SQLite takes
        that many parameters)."""
        if self._db is None:
            return {}
        wanted = {stamp.key: stamp for stamp in stamps if _utf8(stamp.path) is not None}
        if not wanted:  # no file whose name SQLite can hold ("VALUES" of none is no SQL)
            return {}
        marks = ",".join(["(?, ?)"] * len(wanted))
        keys = [value for key in wanted for value in key]
        query = f"{_READ} WHERE (k.path, k.part) IN (VALUES {marks})"
        try:
            rows = self._db.execute(query, keys).fetchall()
        except sqlite3.Error as error:
            self._failed(error)
            return {}
        found: dict[tuple[str, int], bytes | Damaged] = {}
        for key, number, path, part, file_id, size, mtime, data, check in rows:
            at = (key, number)
            if not (
                isinstance(path, bytes)
                and type(part) is int
                and isinstance(file_id, bytes)
                and type(size) is int
                and type(mtime) is int
                and isinstance(data, bytes)
                and type(check) is int
            ):
                found[at] = Damaged("columns of the wrong types")
            elif (
                path != key.encode()
                or part != number
                or check != checksum(path, part, file_id, size, mtime, data)
            ):
                found[at] = Damaged("a checksum that does not match")
            elif wanted.get(at) == Stamp(
                key, file_id.decode("utf-8", "replace"), size, mtime, part
            ):
                found[at] = data  # otherwise the file changed since
        return found

    def _transaction(self, work: Callable[[sqlite3.Connection], object]) -> None:
        """Do `work` in a transaction, committed if it ends well and rolled back if not; a
        SQLite error ends it quietly."""
        if self._db is None:
            return
        try:
            self._db.execute("BEGIN")
            try:
                work(self._db)
                self._db.execute("COMMIT")
            except sqlite3.Error:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            self._failed(error)

    def put(self, entries: Iterable[tuple[Stamp, bytes]]) -> None:
        """Store packed analyses, all in one transaction."""
        rows = []
        for s, data in entries:
            path, file_id = _utf8(s.path), _utf8(s.file_id)
            if path is not None and file_id is not None:
                check = checksum(path, s.part, file_id, s.size, s.mtime, data)
                rows.append((s.path, s.part, s.file_id, s.size, s.mtime, data, check))
        self._transaction(lambda db: db.executemany(_WRITE, rows))

    def forget_missing(self, seen: Iterable[str]) -> None:
        """Drop the files that no longer exist; `seen` are paths known to exist. A path
        that is not UTF-8 is damaged (a name that is not could not be stored): it goes too."""
        known = set(seen)

        def forget(db: sqlite3.Connection) -> None:
            gone = []
            for rowid, stored in db.execute("SELECT rowid, CAST(path AS BLOB) FROM files"):
                try:
                    path = stored.decode("utf-8")
                except (AttributeError, UnicodeDecodeError):  # AttributeError: no path at all
                    gone.append((rowid,))
                    continue
                if path not in known and not os.path.exists(path):
                    gone.append((rowid,))
            db.executemany("DELETE FROM files WHERE rowid = ?", gone)

        self._transaction(forget)

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error, UnicodeError):
                self._db.close()
            self._db = None
