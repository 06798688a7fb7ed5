"""Shared fixtures: the bundled corpus, analysed once per session."""

from __future__ import annotations

import pytest

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.loading import bundled_seeds
from tui_reader.corpus.model import Article, Corpus

SEED_IDS = {
    "000": "000_a022c699c9e2a529",
    "001": "001_7f9a2e80ae36c02b",
    "002": "002_a037bc8199809d04",
    "003": "003_729298e5fab285e2",
}


@pytest.fixture(autouse=True)
def _own_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test, and every process it starts, keeps its analysis cache, state and config in
    folders of its own, never the user's (nor those of a `TUI_READER_HOME` of theirs)."""
    monkeypatch.delenv("TUI_READER_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The four bundled articles, analysed."""
    return open_corpus([bundled_seeds()])


def seed(corpus: Corpus, number: str) -> Article:
    """One seed article by its number ("000" … "003")."""
    return corpus.article(SEED_IDS[number])
