"""Titles, publication dates, ids and order of the analysed seeds."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

from tui_reader.corpus.analysis import build, open_corpus
from tui_reader.corpus.cleaning import clean
from tui_reader.corpus.loading import Source, bundled_seeds
from tui_reader.corpus.model import Corpus

from .conftest import SEED_IDS, seed


def test_bundled_seeds_are_found() -> None:
    assert sorted(p.stem for p in bundled_seeds().glob("*.txt")) == sorted(SEED_IDS.values())


def test_a_short_unpunctuated_first_line_is_a_title() -> None:
    result = clean("Amazon workers vote to unionize\n\nWorkers voted on Friday.")
    assert result.title == "Amazon workers vote to unionize"
    assert result.paragraphs == ["Workers voted on Friday."]


def test_a_first_line_followed_by_a_credit_is_a_caption_not_a_title() -> None:
    result = clean("Workers at a rally\n\nJane Doe | Getty Images\n\nThe body text here.")
    assert result.title is None
    assert result.paragraphs == ["The body text here."]


def test_titles_come_from_the_first_real_sentence(seeds: Corpus) -> None:
    assert seed(seeds, "001").title.startswith("Employees of the Amazon warehouse")
    assert seed(seeds, "003").title.startswith("Amazon Labor Union President Chris Smalls")
    for article in seeds.articles:
        assert len(article.title) <= 90
        assert "Getty" not in article.title
        assert "Organizers and supporters" not in article.title


def test_publication_dates_and_where_they_came_from(seeds: Corpus) -> None:
    expected = {
        "000": (None, None),
        "001": (dt.date(2022, 4, 1), "text"),
        "002": (dt.date(2022, 12, 22), "header"),
        "003": (dt.date(2022, 4, 4), "header"),
    }
    for number, (published, source) in expected.items():
        article = seed(seeds, number)
        assert (article.published, article.published_from) == (published, source)


def test_articles_are_newest_first_with_undated_last(seeds: Corpus) -> None:
    assert [a.id for a in seeds.articles] == [
        SEED_IDS["002"],
        SEED_IDS["003"],
        SEED_IDS["001"],
        SEED_IDS["000"],
    ]


def test_ids_are_stems_unless_two_files_share_one(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("One story here.")
    (tmp_path / "b" / "story.txt").write_text("Another story here.")
    (tmp_path / "b" / "other.md").write_text("Other story here.")
    (tmp_path / "b" / "skip.json.bak").write_text("not an article")
    corpus = open_corpus([tmp_path])
    assert sorted(a.id for a in corpus.articles) == ["a/story", "b/story", "other"]


def test_a_missing_path_is_a_problem_not_an_error(tmp_path: Path) -> None:
    corpus = open_corpus([tmp_path / "missing", bundled_seeds()])
    assert len(corpus.articles) == 4
    assert [p.path for p in corpus.problems] == [str(tmp_path / "missing")]


@pytest.mark.parametrize("enabled", [True, False])
def test_analysis_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    """After analysis, even after an error, the collector is on only if it was on before."""
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        build([Source("a", "a.txt", "Workers voted on Friday.")])
        assert gc.isenabled() is enabled
        with pytest.raises(AttributeError):
            build([None])  # type: ignore[list-item]
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
