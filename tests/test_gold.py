"""The seeds against the hand-written gold in tests/gold/seeds.json (what bench/ reports)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bench.scoring import EntityScore, body_score, entity_score

from tui_reader.corpus.model import Corpus

GOLD: dict[str, Any] = json.loads((Path(__file__).parent / "gold" / "seeds.json").read_text())


@pytest.fixture(scope="module")
def score(seeds: Corpus) -> EntityScore:
    return entity_score(seeds, GOLD["entities"], GOLD["not_entities"])


def test_entities_are_found_typed_and_merged_as_the_gold_says(score: EntityScore) -> None:
    """Recall at least 90%, right type at least 80%, and every alias pair merged."""
    assert score.recall >= 0.9, score.missed
    assert score.typed >= 0.8
    assert score.merged == 1.0, score.split
    assert score.precision >= 0.9, score.wrong


def test_no_weekday_month_or_sentence_initial_word_is_an_entity(score: EntityScore) -> None:
    assert score.never == ()


def test_publication_dates_and_date_expressions_match_the_gold(seeds: Corpus) -> None:
    for article_id, gold in GOLD["articles"].items():
        published = seeds.article(article_id).published
        assert (str(published) if published else None) == gold["published"], article_id
    for expected in GOLD["dates"]:
        events = seeds.article(expected["article"]).events
        found = [e.date for e in events if e.expression == expected["expression"]]
        assert expected["value"] in found, expected


def test_body_score_counts_four_gram_multisets() -> None:
    """Half the 4-grams kept gives precision 1 and recall 0.5; F1 comes from the averages."""
    gold = "one two three four five six"  # three 4-grams
    score = body_score([("one two three four five", gold), (gold, gold)])
    assert (score.precision, score.recall) == (1.0, (2 / 3 + 1) / 2)
    assert score.f1 == pytest.approx(2 * score.recall / (1 + score.recall))
