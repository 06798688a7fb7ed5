"""The SQLite files of the cache folder: the analysis cache and the search indexes.

They are disposable: nothing in them is the only copy of anything, and SQLite's own log
keeps each commit whole. One that is damaged, or holds tables that are not ours, is set
aside (`atomic.set_aside`, with its log, in place of the copy set aside before) and made
afresh, once; failing that, its user goes on without it. One that cannot be opened for
another reason (locked, read only, a full disk) is left as it is: the fault is not in the
file.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from .atomic import set_aside

_DAMAGE = frozenset({sqlite3.SQLITE_ERROR, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
"""What SQLite says of a file that is not a database, is damaged, or whose tables are not
what ours are (SQLITE_ERROR: "no such column")."""
_LOGS = ("-journal", "-wal", "-shm")
"""The files SQLite keeps beside a database, named after it."""


class Foreign(sqlite3.DatabaseError):
    """A database whose tables are not ours, found by our own check."""


def damaged(error: sqlite3.Error) -> bool:
    """Whether the error says the file itself is damaged or not ours, not that it could not
    be used now (locked, read only, a full disk)."""
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, Foreign) or (code is not None and code & 0xFF in _DAMAGE)


def set_database_aside(path: Path) -> str:
    """Move a damaged database out of the way with its log, which is kept beside it under
    its new name (SQLite reads `NAME-wal` with `NAME`); the new name of the database.

    One copy is kept, the newest: the one kept before, with its log, is removed. A cache is
    rebuilt from the articles, and each copy of one of a large corpus is gigabytes, which a
    cache damaged again and again would otherwise pile up."""
    earlier = list(path.parent.glob(f"{glob.escape(path.name)}.corrupt-*"))
    aside = set_aside(path)
    for suffix in _LOGS:
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
    for old in earlier:
        with contextlib.suppress(OSError):  # gone already, or not ours to remove
            old.unlink()
    return aside.name


def open_database(
    path: Path, prepare: Callable[[sqlite3.Connection], None]
) -> tuple[sqlite3.Connection | None, str | None]:
    """A connection to the database at `path` (in autocommit mode, usable from any thread),
    made ready by `prepare`, which raises `sqlite3.Error` for a database it cannot use; None
    when even a new file cannot be. With it, what to tell the user of the file, when it was
    damaged and set aside."""
    try:
        return _connect(path, prepare), None
    except sqlite3.Error as error:
        if damaged(error):
            return afresh(path, prepare, error)
        return None, None
    except OSError:
        return None, None


def afresh(
    path: Path, prepare: Callable[[sqlite3.Connection], None], why: sqlite3.Error
) -> tuple[sqlite3.Connection | None, str]:
    """Set a damaged database aside and make a new one in its place (`open_database`); what
    to tell the user of it."""
    try:
        notice = f"could not be read ({why}); it was kept as {set_database_aside(path)}"
    except OSError as error:
        return None, f"could not be read ({why}) nor moved aside ({error})"
    try:
        return _connect(path, prepare), f"{notice} and made afresh"
    except (sqlite3.Error, OSError):
        return None, notice


def _connect(path: Path, prepare: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        prepare(db)
    except BaseException:
        db.close()
        raise
    return db
