"""The reading state: where the reader was in each corpus, what was read and bookmarked
there, and the theme.

It is JSON with a version, written whole (`atomic.write_atomically`). A file that cannot be
read is moved aside to `NAME.corrupt-TIMESTAMP` and the reader goes on with defaults.

Two readers may share it. Each saves under a lock (`atomic.locked`): it reads the file
again, applies its own changes since it last read it onto what it finds there, and writes
the result. Its changes to the read marks and bookmarks are what it added and removed, so a
mark another reader removed stays removed. A corpus's place (the article shown and how it
was seen) and the theme are stored with the time each last changed, and the more recent of
its own and the file's is kept.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import damaged, locked, write_atomically

VERSION = 1


@dataclass
class Loaded:
    """What a user file held, or None, and what to tell the user about it."""

    data: dict[str, Any] | None
    notice: str | None = None


def read_json(path: Path) -> Loaded:
    """A versioned JSON object from a user file; a damaged one is set aside with a notice."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(None)
    except (OSError, UnicodeDecodeError) as error:
        return Loaded(None, damaged(path, str(error)))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        return Loaded(None, damaged(path, f"not JSON ({error})"))
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return Loaded(None, damaged(path, "not a tui-reader state file of this version"))
    return Loaded(data)


def corpus_key(paths: list[Path]) -> str:
    """What a corpus is remembered by: the paths it was opened from."""
    return "\n".join(sorted(str(path.resolve()) for path in paths))


@dataclass
class Marks:
    """The articles of one corpus that were read, and those bookmarked, by id."""

    read: set[str] = field(default_factory=set)
    bookmarks: set[str] = field(default_factory=set)

    def copy(self) -> Marks:
        return Marks(set(self.read), set(self.bookmarks))

    def become(self, other: Marks) -> None:
        """Hold `other`'s marks, in these very sets: the reader shows them."""
        for mine, theirs in ((self.read, other.read), (self.bookmarks, other.bookmarks)):
            mine.intersection_update(theirs)
            mine.update(theirs)

    def onto(self, there: Marks, seen: Marks) -> Marks:
        """These marks' changes since they were `seen` (what was added, and removed),
        applied onto `there`."""
        return Marks(
            (there.read - (seen.read - self.read)) | (self.read - seen.read),
            (there.bookmarks - (seen.bookmarks - self.bookmarks))
            | (self.bookmarks - seen.bookmarks),
        )


@dataclass
class State:
    """Where the reader was in each corpus, what was read and bookmarked in it (by the
    corpus's key), and the theme chosen."""

    positions: dict[str, str] = field(default_factory=dict)
    """The id of the article last shown, for each corpus."""
    marks: dict[str, Marks] = field(default_factory=dict)
    views: dict[str, dict[str, Any]] = field(default_factory=dict)
    """How each corpus was last seen: the article's scroll position and the filters, as
    the reader gives them (`MainScreen.view`)."""
    theme: str | None = None
    placed: dict[str, float] = field(default_factory=dict)
    """When each corpus's place (its position and view) last changed, in seconds since the
    epoch: of two readers', the more recent is kept."""
    themed: float = 0.0
    """When the theme was last chosen."""
    seen: dict[str, Marks] = field(default_factory=dict)
    """The marks as they were last read from the file or written to it: what was added and
    removed since is this reader's own change (`save`)."""

    @classmethod
    def load(cls, path: Path) -> tuple[State, str | None]:
        """The state in the file (defaults if there is none or it is damaged), and a notice
        if it was damaged. Entries of the wrong shape are left out."""
        loaded = read_json(path)
        return cls._of(loaded.data or {}), loaded.notice

    @classmethod
    def _of(cls, data: dict[str, Any]) -> State:
        positions = {k: v for k, v in _table(data, "positions").items() if isinstance(v, str)}
        read, bookmarks = _id_sets(data, "read"), _id_sets(data, "bookmarks")
        marks = {
            key: Marks(read.get(key, set()), bookmarks.get(key, set()))
            for key in read.keys() | bookmarks.keys()
        }
        views = {k: v for k, v in _table(data, "views").items() if isinstance(v, dict)}
        theme = data.get("theme")
        changed = _table(data, "changed")
        placed = {k: t for k, v in _table(changed, "places").items() if (t := _time(v))}
        return cls(
            positions,
            marks,
            views,
            theme if isinstance(theme, str) else None,
            placed,
            _time(changed.get("theme")),
            {key: mark.copy() for key, mark in marks.items()},
        )

    def marks_for(self, key: str) -> Marks:
        """The marks of one corpus, kept in this state from now on."""
        return self.marks.setdefault(key, Marks())

    def move(self, key: str, article_id: str) -> None:
        """The article shown in a corpus, now."""
        self._place(self.positions, key, article_id)

    def see(self, key: str, view: dict[str, Any]) -> None:
        """How a corpus is seen, now (`MainScreen.view`)."""
        self._place(self.views, key, view)

    def _place(self, table: dict[str, Any], key: str, value: object) -> None:
        """Where a corpus was, in one respect. Only a change of it is a move, and timed: the
        first value, which a reader sets as it opens, is none."""
        if key in table and table[key] != value:
            self.placed[key] = time.time()
        table[key] = value

    def choose_theme(self, theme: str) -> None:
        if theme != self.theme:
            self.theme = theme
            self.themed = time.time()

    def save(self, path: Path) -> str | None:
        """Apply this state's changes onto the file's, under its lock, and write the result.
        The marks here become the result, another reader's changes included; the places and
        the theme stay this reader's own. A notice if the file was damaged (and set aside)."""
        with locked(path):
            loaded = read_json(path)
            there = State._of(loaded.data or {})
            merged = self._onto(there)
            write_atomically(path, merged._text())
        for key, mark in merged.marks.items():
            self.marks_for(key).become(mark)
        self.seen = {key: mark.copy() for key, mark in merged.marks.items()}
        return loaded.notice

    def _onto(self, there: State) -> State:
        """This state's changes applied onto `there`, a state read from the file."""
        merged = State(theme=there.theme, themed=there.themed)
        for key in self.marks.keys() | self.seen.keys() | there.marks.keys():
            seen = self.seen.get(key, Marks())
            merged.marks[key] = self.marks.get(key, seen).onto(there.marks.get(key, Marks()), seen)
        for key in {*self.positions, *self.views, *there.positions, *there.views}:
            unknown = key not in there.positions and key not in there.views
            mine = unknown or self.placed.get(key, 0.0) > there.placed.get(key, 0.0)
            newer = self if mine else there
            if key in newer.positions:
                merged.positions[key] = newer.positions[key]
            if key in newer.views:
                merged.views[key] = newer.views[key]
            if key in newer.placed:
                merged.placed[key] = newer.placed[key]
        if self.themed > there.themed:
            merged.theme, merged.themed = self.theme, self.themed
        return merged

    def _text(self) -> str:
        data: dict[str, Any] = {
            "version": VERSION,
            "positions": self.positions,
            "read": {key: sorted(m.read) for key, m in self.marks.items() if m.read},
            "bookmarks": {key: sorted(m.bookmarks) for key, m in self.marks.items() if m.bookmarks},
            "views": self.views,
            "changed": {"places": self.placed, **({"theme": self.themed} if self.themed else {})},
        }
        if self.theme:
            data["theme"] = self.theme
        return json.dumps(data, indent=1, sort_keys=True) + "\n"


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name)
    return {str(k): v for k, v in table.items()} if isinstance(table, dict) else {}


def _id_sets(data: dict[str, Any], name: str) -> dict[str, set[str]]:
    return {
        key: {i for i in ids if isinstance(i, str)}
        for key, ids in _table(data, name).items()
        if isinstance(ids, list)
    }


def _time(value: Any) -> float:
    """A time of the file, in seconds since the epoch; 0 for none, or for anything else."""
    if type(value) in (int, float) and math.isfinite(value) and value > 0:
        return float(value)
    return 0.0
