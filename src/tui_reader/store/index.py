"""The search index of a corpus, kept in a file of the cache folder beside the analysis
cache, so that a large corpus is indexed once, not at every start.

The index itself is `corpus.search.TextIndex`; this module keeps it in a file. The file is
disposable: a damaged one is set aside and made afresh (`databases.open_database`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from ..corpus.search import TextIndex, prepare
from .cache import Cache
from .databases import open_database
from .locations import index_path


class SearchIndex(TextIndex):
    """A corpus's search index in a file, or in memory."""

    def __init__(self, path: Path | None) -> None:
        """The index in the file at `path`; in memory when `path` is None, or when the file
        cannot be used even made afresh."""
        self.path = path
        db, notice = open_database(path, _prepare) if path is not None else (None, None)
        self.notice = notice
        """That the file was damaged, and set aside; None if it was not."""
        reader = None
        if db is not None and path is not None:
            with contextlib.suppress(sqlite3.Error):
                reader = sqlite3.connect(path, check_same_thread=False)
        super().__init__(db, reader)

    def problems(self) -> list[str]:
        """What to tell the user of the file: that it was damaged and set aside, and how
        many of its rows the last `sync` found damaged."""
        found = [self.notice] if self.notice is not None else []
        if self.damaged:
            found.append(f"damaged entries indexed again: {self.damaged}")
        return [f"{self.path}: {problem}" for problem in found]


def _prepare(db: sqlite3.Connection) -> None:
    # A write-ahead log, synced at checkpoints only: searches read while a sync writes.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    prepare(db)


def open_index(cache: Cache | None, roots: Sequence[Path]) -> SearchIndex:
    """The search index of the corpus opened from `roots`: in a file beside the analysis
    cache when it is loaded with one, in memory otherwise."""
    return SearchIndex(index_path(cache.path.parent, roots) if cache is not None else None)
