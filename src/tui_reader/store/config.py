"""The user's config file, which the reader reads and never writes: TOML, with one section,
`[keys]`, the keymap (`keymap.py`).

A file that is not TOML is moved aside to `NAME.corrupt-TIMESTAMP`, as a damaged state
file is, and the defaults apply; an unknown section is reported and ignored.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus.text import printable
from .atomic import damaged
from .keymap import read_keymap


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
    config.keymap, notices = read_keymap(keys, defaults, path)
    config.notices.extend(notices)
    return config
