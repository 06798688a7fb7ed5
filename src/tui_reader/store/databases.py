"""The SQLite files of the cache folder: the analysis cache and the search indexes.

They are disposable: nothing in them is the only copy of anything, and SQLite's own log
keeps each commit whole. One that cannot be opened, or holds tables that are not ours, is
removed and made afresh, once; failing that, its user goes on without it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path


def open_database(
    path: Path, prepare: Callable[[sqlite3.Connection], None]
) -> sqlite3.Connection | None:
    """A connection to the database at `path` (in autocommit mode, usable from any thread),
    made ready by `prepare`, which raises `sqlite3.Error` for a database it cannot use; None
    when even a new file cannot be."""
    for _ in range(2):  # once as found, once more from scratch
        with contextlib.suppress(sqlite3.Error, OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            try:
                prepare(db)
            except BaseException:
                db.close()
                raise
            return db
        discard(path)
    return None


def discard(path: Path) -> None:
    """Remove a database that cannot be used, and its journal and log."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.remove(f"{path}{suffix}")
