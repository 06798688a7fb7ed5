"""The analysis cache: each file's packed analysis in SQLite, keyed by its path, size and mtime.

A file whose size or mtime changed is analysed again; a file that is gone is dropped from
the cache. The cache belongs to one version of the analysis (a hash of its source code and
data): a cache from another version, another program or a damaged file is rebuilt
silently. It is disposable, so nothing in it is ever the only copy of anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import packing
from .databases import open_database

_COLUMNS = ("path", "file_id", "size", "mtime", "data")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, file_id TEXT NOT NULL, size INTEGER NOT NULL,
    mtime INTEGER NOT NULL, data BLOB NOT NULL
);
"""
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
    digest = hashlib.sha256(f"tui-reader cache {packing.FORMAT}".encode())
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

    @classmethod
    def of(cls, path: Path, file_id: str) -> Stamp | None:
        """The file's stamp, or None when it cannot be looked at."""
        try:
            status = path.stat()
        except OSError:
            return None
        return cls(str(path), file_id, status.st_size, status.st_mtime_ns)


class Cache:
    """An open analysis cache. Every method swallows SQLite errors: a cache that fails is
    only slower, never a reason to fail."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version
        self._db = open_database(path, self._prepare)

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
        db.executescript(_SCHEMA)
        columns = [row[1] for row in db.execute("PRAGMA table_info(files)")]
        if columns != list(_COLUMNS):  # a table of the same name, not ours
            raise sqlite3.DatabaseError(f"foreign files table: {columns}")
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if row is None or row[0] != self.version:
            db.executescript("BEGIN; DELETE FROM files; DELETE FROM meta; COMMIT;")
            db.execute("INSERT INTO meta VALUES ('version', ?)", (self.version,))

    def get(self, stamps: Sequence[Stamp]) -> dict[str, bytes]:
        """The packed analyses of the files whose stamps match, by path (a few hundred at
        a time: SQLite takes that many parameters)."""
        if self._db is None or not stamps:
            return {}
        wanted = {stamp.path: stamp for stamp in stamps}
        marks = ",".join("?" * len(wanted))
        query = f"SELECT path, file_id, size, mtime, data FROM files WHERE path IN ({marks})"
        try:
            rows = self._db.execute(query, list(wanted)).fetchall()
        except (sqlite3.Error, UnicodeError):  # UnicodeError: a path SQLite cannot store
            return {}
        return {
            path: data
            for path, file_id, size, mtime, data in rows
            if wanted[path] == Stamp(path, file_id, size, mtime)
        }

    @contextlib.contextmanager
    def _transaction(self, db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """A transaction, committed if the block ends well and rolled back if not; a SQLite
        error ends the block quietly."""
        with contextlib.suppress(sqlite3.Error, UnicodeError):
            db.execute("BEGIN")
            try:
                yield db
                db.execute("COMMIT")
            except (sqlite3.Error, UnicodeError):
                db.execute("ROLLBACK")
                raise

    def put(self, entries: Iterable[tuple[Stamp, bytes]]) -> None:
        """Store packed analyses, all in one transaction."""
        if self._db is None:
            return
        rows = [(s.path, s.file_id, s.size, s.mtime, data) for s, data in entries]
        with self._transaction(self._db) as db:
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", rows)

    def forget_missing(self, seen: Iterable[str]) -> None:
        """Drop the files that no longer exist; `seen` are paths known to exist."""
        if self._db is None:
            return
        known = set(seen)
        with self._transaction(self._db) as db:
            paths = [path for (path,) in db.execute("SELECT path FROM files")]
            gone = [(p,) for p in paths if p not in known and not os.path.exists(p)]
            db.executemany("DELETE FROM files WHERE path = ?", gone)

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error, UnicodeError):
                self._db.close()
            self._db = None
