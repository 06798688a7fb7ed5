"""Where the reader keeps its files: the one module that knows their paths.

Each kind of file is where the platform keeps that kind (platformdirs; on Linux the XDG
folders, so `XDG_CONFIG_HOME`, `XDG_STATE_HOME` and `XDG_CACHE_HOME` move them). When
`TUI_READER_HOME` is set, all of them are in that one folder instead:

    $TUI_READER_HOME/config.toml
    $TUI_READER_HOME/state.json
    $TUI_READER_HOME/cache/analysis.sqlite3    and the search indexes beside it
    $TUI_READER_HOME/feeds                      the subscriptions, one address a line
    $TUI_READER_HOME/data/fetched/              what was fetched from the web

The environment is read when a path is asked for, never at import, and no folder is made
here: the writers make the folders they write in.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import platformdirs

APP = "tui-reader"
HOME = "TUI_READER_HOME"
"""The environment variable that puts every file of the reader in one folder."""


def home() -> Path | None:
    """The folder `TUI_READER_HOME` names, made absolute; None when it is unset or empty."""
    value = os.environ.get(HOME)
    return Path(value).expanduser().absolute() if value else None


def config_path() -> Path:
    """The user's config file (TOML: the keymap), which the reader only reads."""
    return (home() or platformdirs.user_config_path(APP)) / "config.toml"


def state_path() -> Path:
    """The reading state: where the reader was, what was read and bookmarked, the theme."""
    return (home() or platformdirs.user_state_path(APP)) / "state.json"


def feeds_path() -> Path:
    """The user's subscriptions: a feed's address a line, beside the config file."""
    return config_path().with_name("feeds")


def fetched_folder() -> Path:
    """The feeds and pages fetched from the web, kept apart from the disposable cache:
    everything fetched stays readable offline."""
    folder = home()
    return (folder / "data" if folder else platformdirs.user_data_path(APP)) / "fetched"


def cache_folder() -> Path:
    """The folder of the disposable files: the analysis cache and the search indexes."""
    folder = home()
    return folder / "cache" if folder else platformdirs.user_cache_path(APP)


def analysis_cache_path() -> Path:
    """The analysis cache's database."""
    return cache_folder() / "analysis.sqlite3"


def index_path(folder: Path, roots: Sequence[Path]) -> Path:
    """The search index of a corpus opened from these paths, in the given folder (the
    analysis cache's)."""
    names = sorted(str(root.resolve()) for root in roots)
    key = hashlib.blake2b("\n".join(names).encode("utf-8", "replace"), digest_size=8)
    return folder / f"search-{key.hexdigest()}.sqlite3"
