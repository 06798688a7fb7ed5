"""The reading state: where the reader was in each corpus, what was read and bookmarked
there, and the theme.

It is JSON with a version, written whole (`atomic.write_atomically`). A file that cannot be
read is moved aside to `NAME.corrupt-TIMESTAMP` and the reader goes on with defaults.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import damaged, write_atomically

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

    @classmethod
    def load(cls, path: Path) -> tuple[State, str | None]:
        """The state in the file (defaults if there is none or it is damaged), and a notice
        if it was damaged. Entries of the wrong shape are left out."""
        loaded = read_json(path)
        data = loaded.data or {}
        positions = {k: v for k, v in _table(data, "positions").items() if isinstance(v, str)}
        read, bookmarks = _id_sets(data, "read"), _id_sets(data, "bookmarks")
        marks = {
            key: Marks(read.get(key, set()), bookmarks.get(key, set()))
            for key in read.keys() | bookmarks.keys()
        }
        views = {k: v for k, v in _table(data, "views").items() if isinstance(v, dict)}
        theme = data.get("theme")
        state = cls(positions, marks, views, theme if isinstance(theme, str) else None)
        return state, loaded.notice

    def marks_for(self, key: str) -> Marks:
        """The marks of one corpus, kept in this state from now on."""
        return self.marks.setdefault(key, Marks())

    def save(self, path: Path) -> None:
        data: dict[str, Any] = {
            "version": VERSION,
            "positions": self.positions,
            "read": {key: sorted(m.read) for key, m in self.marks.items() if m.read},
            "bookmarks": {key: sorted(m.bookmarks) for key, m in self.marks.items() if m.bookmarks},
            "views": self.views,
        }
        if self.theme:
            data["theme"] = self.theme
        write_atomically(path, json.dumps(data, indent=1, sort_keys=True) + "\n")


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name)
    return {str(k): v for k, v in table.items()} if isinstance(table, dict) else {}


def _id_sets(data: dict[str, Any], name: str) -> dict[str, set[str]]:
    return {
        key: {i for i in ids if isinstance(i, str)}
        for key, ids in _table(data, name).items()
        if isinstance(ids, list)
    }
