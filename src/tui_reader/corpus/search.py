"""Full-text search: queries, where they match in a text, and an index over a corpus.

A query is words and quoted phrases. Matching ignores case and accents; a word matches
the start of a word ("union" finds "unions" and "Unionized"), a phrase matches whole words
in order, and an article matches when every word and phrase is in its title or body (text
removed in cleaning is not searched). The index is SQLite's FTS5, in memory or in a
database it is given: `store.index` keeps it in a file, which is untrusted: each row that
maps an article to the index carries a checksum, and a damaged one is indexed again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
import sqlite3
import threading
import unicodedata
import zlib
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .model import Article, Chosen

_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]*)"?')
_META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (rowid INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL,
                                 digest TEXT NOT NULL, checksum INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(
    title, body, content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
);
"""
LAYOUT = 2
"""Bumped whenever the tables above change: an index of another layout is made afresh."""
# The index is untrusted (a file anyone may damage): its rows are read as bytes, which no
# damaged byte can fail to decode, and each carries a checksum of its article's id and digest.
_HELD = """
SELECT rowid, CAST(key AS BLOB), CAST(digest AS BLOB),
       CASE typeof(checksum) WHEN 'integer' THEN checksum END
FROM docs
"""
_COUNT = "SELECT CASE typeof(value) WHEN 'integer' THEN value END FROM meta WHERE key = ?"
"""A number kept in meta; NULL for one stored as anything else."""
BATCH = 200
"""Articles indexed per transaction; a search can run between two."""


def fold(text: str) -> tuple[str, list[int]]:
    """The text lowercased and without accents (`folded`), and for each of its characters
    the index of the character of `text` it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    parts = list(map(_fold_char, text))
    origin = [index for index, part in enumerate(parts) for _ in part]
    return "".join(parts), origin


def folded(text: str) -> str:
    """The text lowercased and without accents, a character at a time: "Café" is "cafe"."""
    return text.lower() if text.isascii() else "".join(map(_fold_char, text))


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character folded; cached, as a text has few distinct ones (reading every article
    of 10,000 to search them took 5.9 s when each character was decomposed anew)."""
    decomposed = unicodedata.normalize("NFD", char).lower()
    return "".join(part for part in decomposed if not unicodedata.combining(part))


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(folded(text)))


@dataclass(frozen=True, slots=True)
class Query:
    """Words, each matching a word's start, and phrases of whole words, all required."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        """`union "labor board"`: a word and a phrase. An unclosed quote runs to the end, as
        it does while the closing one is still to be typed."""
        phrases = tuple(words for words in map(_words, _QUOTED.findall(text)) if words)
        return cls(_words(_QUOTED.sub(" ", text)), phrases)

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    def fts(self) -> str:
        """The query in FTS5's syntax; every part is quoted, so none is taken as an operator."""
        parts = [f'"{word}"*' for word in self.words]
        parts += ['"' + " ".join(phrase) + '"' for phrase in self.phrases]
        return " AND ".join(parts)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where any word or phrase of the query is in the text, in order."""
        folded, origin = fold(text)
        found = [
            (origin[match.start()], origin[match.end() - 1] + 1)
            for pattern in _patterns(self)
            for match in pattern.finditer(folded)
            if match.end() > match.start()
        ]
        return sorted(found)

    def matches(self, article: Article) -> bool:
        """Whether every word and phrase is in the article's title or body."""
        texts = [folded(text) for text in (article.title, *article.paragraphs)]
        return all(any(p.search(text) for text in texts) for p in _patterns(self))


@functools.lru_cache(maxsize=64)
def _patterns(query: Query) -> tuple[re.Pattern[str], ...]:
    """A pattern for each word and phrase, matched in folded text."""
    found = [re.compile(rf"(?<![^\W_]){re.escape(word)}") for word in query.words]
    found += [
        re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, phrase)) + r"(?![^\W_])")
        for phrase in query.phrases
    ]
    return tuple(found)


def digest(article: Article) -> str:
    """What the index holds of an article, hashed: a change to it is indexed again."""
    text = "\n".join((article.title, *article.paragraphs))
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=12).hexdigest()


def prepare(db: sqlite3.Connection) -> None:
    """Make a database ready to hold an index (in autocommit mode: the index makes its own
    transactions); raises `sqlite3.Error` for one that cannot, such as a database whose
    tables of these names are not an index's, or a SQLite without FTS5."""
    db.isolation_level = None
    db.execute(_META)
    layout = db.execute(_COUNT, ("layout",)).fetchone()
    if layout is None or layout[0] != LAYOUT:
        db.executescript("DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS words; DELETE FROM meta")
        db.execute("INSERT INTO meta VALUES ('layout', ?)", (LAYOUT,))
    db.executescript(_SCHEMA)
    # Reading a row of each table shows they are ours and readable; no more (a scan of the
    # index would read all of it).
    db.execute(f"{_HELD} LIMIT 1").fetchall()
    db.execute("SELECT rowid FROM words WHERE words MATCH 'x' LIMIT 1").fetchall()


def _checksum(key: bytes, digest: bytes) -> int:
    """The CRC-32 of a row of the index: its article's id and digest, in UTF-8."""
    return zlib.crc32(b"\0".join((key, digest)))


def _checked(
    rows: list[tuple[int, object, object, object]], most: int
) -> tuple[dict[str, tuple[int, str]], list[int]]:
    """The rows of the index by article id, each with its row id and digest; and the row ids
    of those damaged: of the wrong types, failing their checksum, or numbered past `most`,
    more rows than a sound index holds (it is made afresh when half of its rows are
    stale), which would make the map of rows to articles too large."""
    held: dict[str, tuple[int, str]] = {}
    damaged = []
    for rowid, key, old, check in rows:
        if (
            isinstance(key, bytes)
            and isinstance(old, bytes)
            and 0 < rowid <= most
            and check == _checksum(key, old)
        ):
            held[key.decode("utf-8", "replace")] = (rowid, old.decode("ascii", "replace"))
        else:
            damaged.append(rowid)
    return held, damaged


def _in_memory() -> sqlite3.Connection | None:
    """A new index in memory; None without FTS5 in this SQLite."""
    with contextlib.suppress(sqlite3.Error):
        db = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            prepare(db)
        except sqlite3.Error:
            db.close()
            raise
        return db
    return None


class TextIndex:
    """An FTS5 index of articles' titles and bodies, by article id.

    An article that changes is indexed again under a new row and its old row is left
    behind, unseen; when those outnumber the live ones the index is built afresh. Safe to
    use from two threads: one indexing, one searching.
    """

    def __init__(
        self, db: sqlite3.Connection | None = None, reader: sqlite3.Connection | None = None
    ) -> None:
        """The index in `db`, a database made ready by `prepare`; without one, in memory.
        `reader` is a second connection to the same database, for searches: it reads while
        the first writes (with a write-ahead log) and can be interrupted alone."""
        self._lock = threading.Lock()
        self._db = db if db is not None else _in_memory()
        self._reader = reader if reader is not None and self._db is not None else self._db
        """The connection searches use."""
        self.indexed = 0
        """How many articles of the last `sync` are in the index so far."""
        self._articles: Sequence[Article] = ()
        """The articles of the last `sync`."""
        self._positions: dict[str, int] = {}
        """The position of each of those articles, by id."""
        self._rows = array("l")
        """The position among them of the article of each live row, by row id (-1 for
        none), known once `sync` has begun: a search maps the rows it finds itself,
        which is faster than a join in SQLite."""
        self.damaged = 0
        """How many rows the last `sync` found damaged: their articles were indexed again."""

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        assert self._db is not None
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def sync(self, articles: Sequence[Article], cancelled: Callable[[], bool] = bool) -> None:
        """Make the index hold exactly these articles, indexing those it lacks or holds in
        another version, `BATCH` at a time; `cancelled()` stops it between two batches."""
        if self._db is None:
            return
        try:
            self._sync(articles, cancelled)
        except (sqlite3.Error, UnicodeError):  # UnicodeError: an id SQLite cannot store
            self.close()  # searching goes on without it

    def _sync(self, articles: Sequence[Article], cancelled: Callable[[], bool]) -> None:
        assert self._db is not None
        with self._lock:
            rows_held = self._db.execute(_HELD).fetchall()
            stale = self._db.execute(_COUNT, ("stale",)).fetchone()
        held, damaged = _checked(rows_held, 2 * (len(rows_held) + len(articles)) + BATCH)
        self.damaged = len(damaged)
        wanted = {article.id for article in articles}
        gone = [*damaged, *(held[key][0] for key in held if key not in wanted)]
        if stale is None:
            stale_rows = len(gone)
        elif stale[0] is not None and stale[0] >= 0:
            stale_rows = stale[0] + len(gone)
        else:  # a count that is none: build it afresh
            stale_rows = len(articles) + 1
        todo = [(a, d) for a in articles if (held.get(a.id) or (0, ""))[1] != (d := digest(a))]
        if stale_rows + len(todo) > len(articles):  # mostly new: start afresh
            with self._transaction() as db:
                db.execute("INSERT INTO words(words) VALUES ('delete-all')")
                db.execute("DELETE FROM docs")
            todo, gone, stale_rows = [(a, digest(a)) for a in articles], [], 0
            held = {}
        fresh = wanted.difference(article.id for article, _ in todo)
        positions = {article.id: n for n, article in enumerate(articles)}
        rows = array("l", [-1]) * (max((rowid for rowid, _ in held.values()), default=0) + 1)
        for key in fresh:
            rows[held[key][0]] = positions[key]
        self._articles, self._positions, self._rows = articles, positions, rows
        stale_rows += sum(1 for article, _ in todo if article.id in held)
        with self._transaction() as db:
            db.executemany("DELETE FROM docs WHERE rowid = ?", [(rowid,) for rowid in gone])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('stale', ?)", (stale_rows,))
        self.indexed = len(articles) - len(todo)
        for start in range(0, len(todo), BATCH):
            if cancelled():
                return
            with self._transaction() as db:
                for article, new in todo[start : start + BATCH]:
                    db.execute("DELETE FROM docs WHERE key = ?", (article.id,))
                    rowid = db.execute(
                        "INSERT INTO docs(key, digest, checksum) VALUES (?, ?, ?)",
                        (article.id, new, _checksum(article.id.encode(), new.encode())),
                    ).lastrowid
                    if rowid is None:  # an insert always gives one; never seen otherwise
                        raise sqlite3.DatabaseError("no row id for an inserted row")
                    body = "\n".join(article.paragraphs)
                    db.execute(
                        "INSERT INTO words(rowid, title, body) VALUES (?, ?, ?)",
                        (rowid, article.title, body),
                    )
                    # A replaced row's old number keeps no position: unseen.
                    rows.extend(array("l", [-1]) * (rowid + 1 - len(rows)))
                    rows[rowid] = positions[article.id]
            self.indexed += len(todo[start : start + BATCH])

    def search(self, query: Query) -> Chosen | None:
        """The indexed articles that match, among those of the last `sync`; None without a
        working index, or when `interrupt` stopped it."""
        reader = self._reader
        if reader is None:
            return None
        articles, positions, rows = self._articles, self._positions, self._rows
        try:
            with self._lock if reader is self._db else contextlib.nullcontext():
                # One string of row ids, split in C: a row at a time in Python took most of a
                # search's time at 100,000 articles. Rows past the last one known are rows
                # being added, or old ones left behind; one before the first is damaged.
                sql = "SELECT group_concat(rowid, ',') FROM words WHERE words MATCH ?"
                sql += " AND rowid BETWEEN 1 AND ?"
                (joined,) = reader.execute(sql, (query.fts(), len(rows) - 1)).fetchone()
        except sqlite3.Error:
            return None
        mask = bytearray(len(articles))
        for position in map(rows.__getitem__, map(int, joined.split(",") if joined else ())):
            if position >= 0:
                mask[position] = 1
        return Chosen(articles, mask, positions)

    def interrupt(self) -> None:
        """Stop the search running now, if any: a newer one is on its way."""
        if self._reader is not None and self._reader is not self._db:
            self._reader.interrupt()

    def close(self) -> None:
        for db in {self._db, self._reader}:
            if db is not None:
                with contextlib.suppress(sqlite3.Error):
                    db.close()
        self._db = self._reader = None
