"""The user's config file, which the reader reads and never writes: a keymap, in TOML.

    [keys]
    bookmark = "B"            # a command's id, and the key or keys for it
    search = "slash,ctrl+f"

A bad entry (an unknown command, a key that is no key, a key another command has) is
reported and left out; the rest applies. A file that is not TOML is moved aside to
`NAME.corrupt-TIMESTAMP`, as a damaged state file is, and the defaults apply.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .corpus.text import printable
from .state import damaged

# Modifiers joined to one key name by "+": "ctrl+shift+x", "f1", "question_mark", "?".
_KEY = re.compile(r"(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*[^\s,+]+")


@dataclass
class Config:
    """What the config file asked for, and what to tell the user about it."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Keys by command id, as Textual's `App.set_keymap` takes them."""
    notices: list[str] = field(default_factory=list)


def read_config(path: Path, defaults: Mapping[str, str]) -> Config:
    """The config in the file; `defaults` gives each command's id and its keys."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(notices=[damaged(path, str(error))])
    config = Config()
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.notices.append(f"{path}: [keys] must be a table of command ids; it was ignored")
        return config
    unknown = sorted(set(data) - {"keys"})
    if unknown:
        config.notices.append(f"{path}: unknown section {printable(', '.join(unknown))}: ignored")
    wanted: dict[str, str] = {}
    for command, value in keys.items():
        problem = _problem(command, value, defaults)
        if problem:
            config.notices.append(f"{path}: {printable(command)}: {problem}; ignored")
        else:
            wanted[command] = ",".join(key.strip() for key in value.split(","))
    config.keymap = _without_clashes(wanted, defaults, path, config.notices)
    return config


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
