"""The user's files: written whole or not at all, and never deleted when damaged.

State (where the reader was in each corpus, what was read and bookmarked there, and the
theme) is JSON with a version. It is written to a temporary file in the same folder,
synced, and renamed over the old one, so a crash or a kill leaves the old version or the
new one, never a mix. A file that cannot be read is
moved aside to `NAME.corrupt-TIMESTAMP` and the reader goes on with defaults.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERSION = 1


def write_atomically(path: Path, text: str) -> None:
    """Replace the file's content with `text`, all at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise
    with contextlib.suppress(OSError):  # the rename itself, on file systems that need it
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def set_aside(path: Path) -> Path:
    """Move a damaged file out of the way, keeping it: `NAME.corrupt-TIMESTAMP`."""
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}-{number}")
    os.replace(path, aside)
    return aside


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


def damaged(path: Path, why: str) -> str:
    """Set a user file that could not be read aside; what to tell the user."""
    try:
        aside = set_aside(path)
    except OSError as error:
        return f"{path} could not be read ({why}) nor moved aside ({error})"
    return f"{path} could not be read ({why}); it was kept as {aside.name}"


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
