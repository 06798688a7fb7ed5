"""Properties of cleaning and analysis over arbitrary text (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.corpus.analysis import build
from tui_reader.corpus.cleaning import normalise
from tui_reader.corpus.loading import Source

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Arbitrary characters mixed with the pieces scraped text is made of.
scraped = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(["\\u0026", "#039;", "\\r\\n", "\\n", "&amp;", "&nbsp;", "\\ud83d", "\n"]),
    ),
    max_size=30,
).map("".join)


@given(scraped)
@settings(max_examples=300, deadline=None)
def test_normalising_is_idempotent_and_leaves_no_control_characters(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert not UNSAFE.search(once)


@given(scraped)
@settings(max_examples=200, deadline=None)
def test_analysis_never_raises_and_shows_no_control_characters(text: str) -> None:
    corpus = build([Source("a", "a.txt", text)])
    (article,) = corpus.articles
    names = [entity.name for entity in corpus.entities.values()]
    for shown in [article.title, *article.paragraphs, *article.removed, *names]:
        assert not UNSAFE.search(shown)
