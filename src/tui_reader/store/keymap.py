"""The keymap: the `[keys]` table of the config file, checked entry by entry.

    [keys]
    bookmark = "B"            # a command's id, and the key or keys for it
    search = "slash,ctrl+f"

A bad entry (an unknown command, a key that is no key, a key another command has) is
reported and left out; the rest applies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ..corpus.text import printable

# Modifiers joined to one key name by "+": "ctrl+shift+x", "f1", "question_mark", "?".
_KEY = re.compile(r"(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*[^\s,+]+")


def read_keymap(
    keys: Mapping[str, object], defaults: Mapping[str, str], path: Path
) -> tuple[dict[str, str], list[str]]:
    """The keymap the table asks for, as Textual's `App.set_keymap` takes it, and what to
    tell the user about the entries left out. `defaults` gives each command's id and its
    keys; `path` is the file the table is from, named in the notices."""
    notices: list[str] = []
    wanted: dict[str, str] = {}
    for command, value in keys.items():
        problem = _problem(command, value, defaults)
        if problem:
            notices.append(f"{path}: {printable(command)}: {problem}; ignored")
        elif isinstance(value, str):
            wanted[command] = ",".join(key.strip() for key in value.split(","))
    return _without_clashes(wanted, defaults, path, notices), notices


def _problem(command: str, value: object, defaults: Mapping[str, str]) -> str | None:
    if command not in defaults:
        return "no such command"
    if not isinstance(value, str):
        return 'the keys must be a string, such as "ctrl+f" or "f,slash"'
    keys = [key.strip() for key in value.split(",")]
    bad = [key for key in keys if not _KEY.fullmatch(key)]
    if bad:
        return f"{printable(bad[0])!r} is not a key"
    return None


def _without_clashes(
    wanted: dict[str, str], defaults: Mapping[str, str], path: Path, notices: list[str]
) -> dict[str, str]:
    """The keymap less the entries that would give a key two meanings."""
    kept = dict(wanted)
    for command, keys in wanted.items():
        others = {**defaults, **kept}
        own = defaults[command].split(",")
        for key in keys.split(","):
            taken = sorted(
                other
                for other, theirs in others.items()
                if other != command and key in theirs.split(",") and key not in own
            )
            if taken:
                notices.append(f"{path}: {command}: {key!r} is already {taken[0]!r}; ignored")
                del kept[command]
                break
    return kept
