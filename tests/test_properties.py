"""Properties of cleaning and analysis over arbitrary text (hypothesis)."""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from array import array
from pathlib import Path

import pytest
from bench.fuzz import analysed, metadata, news_like, troubles, woven
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui_reader.corpus import dates, search
from tui_reader.corpus import text as text_module
from tui_reader.corpus.analysis import build
from tui_reader.corpus.cleaning import clean, normalise
from tui_reader.corpus.dates import finding
from tui_reader.corpus.formats import Record
from tui_reader.corpus.loading import Source, load
from tui_reader.corpus.model import Without
from tui_reader.corpus.text import sentence_spans

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
SCRAPS = ("\\u0026", "#039;", "\\r\\n", "\\n", "&amp;", "&nbsp;", "\\ud83d", "\n", "\udc80")


# Arbitrary characters mixed with the pieces scraped text is made of, half and half.
scraped = woven((SCRAPS,), longest=20, most=30)


@given(scraped)
# Removing a control character joins an escape; decoding an entity makes one (found by
# Hypothesis: both used to come out as a literal "\r" that a second pass made a line break).
@example("\\\x1fr")
@example("&#92;u0026amp;")
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


@pytest.mark.slow
@given(st.lists(news_like, min_size=1, max_size=3), metadata)
@settings(max_examples=2000, deadline=None)
def test_no_stage_of_the_analysis_raises_on_news_like_text(
    texts: list[str], meta: Record | None
) -> None:
    """Titles, initials, capitals, table rows, quotes, numbers and odd dates, mixed
    (`bench/fuzz.py`, which runs 100,000): no article meets a problem, and every name and
    date found lies inside its paragraph."""
    corpus = analysed(texts, meta)
    assert troubles(corpus) == []
    for article in corpus.articles:
        for mention in article.mentions:
            assert mention.end <= len(article.paragraphs[mention.paragraph])
        for event in article.events:
            paragraph = article.paragraphs[event.paragraph]
            assert paragraph.startswith(event.expression, event.offset)


DATE_WORDS = [
    "the", "end", "of", "beginning", "in", "last", "next", "this", "early", "mid-", "on",
    "Friday", "Monday", "Nov.", "November", "May", "27", "4th", "2022", "1990s", "'90s",
    "year", "month", "week", "weekend", "ago", "two", "a", "earlier", "spring", "Fall",
    "first", "quarter", "Q3", "yesterday", "Tonight", "2021-03-04", "since", "of",
    "the beginning of the", "the end of this", "earlier this", "Throughout", "in the",
    "april", "tuesday", "december", "8/May", "May/8", "45", "2,654", "4.3", "1000", "99",
    "'90s", "1990s", "5", "31", "32", "2099", "2100", "1599",
]  # fmt: skip
# Every expression at once: what the scanners for each first word must find between them.
FULL_SCAN = finding._scanner(kind for kind, _, _ in finding._PATTERNS)
GAPS = (" ", " ", ", ", ". ", "-", "/", "")
# 2 to 25 words, each with a gap after it (a space when the gaps drawn run out), drawn
# as two strings of bytes for speed (as `woven` texts are).
date_text = st.tuples(st.binary(min_size=2, max_size=25), st.binary(max_size=25)).map(
    lambda drawn: "".join(
        DATE_WORDS[word % len(DATE_WORDS)]
        + (GAPS[drawn[1][n] % len(GAPS)] if n < len(drawn[1]) else " ")
        for n, word in enumerate(drawn[0])
    )
)


@given(date_text)
@example("They vote at the beginning of the year, or by the end of this month.")
@example("Throughout 2022 and earlier this week, in the fall of 2021 and mid-September.")
@settings(max_examples=500, deadline=None)
def test_windowed_date_scan_finds_what_a_full_scan_finds(text: str) -> None:
    """Scanning only around trigger words gives exactly the matches of a full scan, less
    those that are names ("USA Today")."""
    full = [
        (m.span(), m.lastgroup) for m in FULL_SCAN.finditer(text) if not finding._a_name(text, m, 0)
    ]
    assert [(m.span(), m.lastgroup) for m in dates.matches(text)] == full


@given(st.lists(date_text, min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_finding_in_a_paragraph_matches_scanning_each_sentence(sentences: list[str]) -> None:
    """One pass over a paragraph finds what a full scan of each of its sentences finds."""
    paragraph = " ".join(s.strip() + "." for s in sentences if s.strip())
    expected = [
        (start + m.start(), m.group())
        for start, end in sentence_spans(paragraph)
        for m in FULL_SCAN.finditer(paragraph[start:end])
        if not finding._a_name(paragraph[start:end], m, 0)
    ]
    found = [
        (f.match.start(), f.match.group())
        for f in dates.find([paragraph], [sentence_spans(paragraph)])
    ]
    assert found == expected


@given(st.text(alphabet=".!?…\"'”’)] \nUSab", max_size=40))
@example("He said so... Then U.S. officials left?! (Yes.)")
@settings(max_examples=500, deadline=None)
def test_sentence_ends_found_at_the_marks_are_what_a_full_scan_finds(text: str) -> None:
    """Trying the sentence-end pattern only where a mark is splits the text exactly as
    searching for it everywhere does."""
    spans, start = [], len(text) - len(text.lstrip())
    for match in text_module._SENTENCE_END.finditer(text):
        at, end = match.span()
        if end > start and text_module._ends_sentence(text, at, end):
            spans.append((start, end))
            start = len(text) - len(text[end:].lstrip())
    if start < len(text):
        spans.append((start, len(text)))
    assert text_module.sentence_spans(text) == tuple(spans)


@given(st.text(max_size=40))
@example("Café ΟΔΟΣ İstanbul ﬁne")
@settings(max_examples=500, deadline=None)
def test_folding_a_character_at_a_time_gives_what_search_highlights_by(text: str) -> None:
    """Folded text (lowercase, no accents) is the same whether or not its offsets are
    wanted, it is what each character folds to on its own, in order (so Greek's final
    sigma stays as it is lowercased alone), and each folded character points back at the
    character of the text it came from."""
    folded, origin = search.fold(text)
    assert search.folded(text) == folded
    alone = [
        "".join(
            c for c in unicodedata.normalize("NFD", char).lower() if not unicodedata.combining(c)
        )
        for char in text
    ]
    assert folded == "".join(alone)
    assert origin == [index for index, part in enumerate(alone) for _ in part]


@given(st.binary(max_size=400), st.sampled_from([".json", ".jsonl", ".md", ".txt"]))
@settings(max_examples=300, deadline=None)
def test_loading_any_bytes_never_raises(data: bytes, suffix: str) -> None:
    """Whatever a file holds, it loads as articles or is reported; nothing raises."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"file{suffix}")
        path.write_bytes(data)
        sources, _ = load([path])
        corpus = build(sources)
    for article in corpus.articles:
        assert not UNSAFE.search(article.title)


KEYS = ["title", "headline", "text", "body", "content", "date", "published", "author",
        "authors", "url", "link", "items", "articles", "name"]  # fmt: skip
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | scraped,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner),
    max_leaves=20,
)


@pytest.mark.slow
@given(json_values)
@settings(max_examples=300, deadline=None)
def test_any_json_export_loads_or_is_reported(value: object) -> None:
    """Records with any keys and any values: each is an article or a reported problem."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "export.json")
        path.write_text(json.dumps(value))
        sources, problems = load([path])
        corpus = build(sources)
    assert len(corpus.articles) + len(problems) >= 1
    for article in corpus.articles:
        shown = [article.title, article.author or "", article.url or "", *article.paragraphs]
        assert not any(UNSAFE.search(text) for text in shown)


@given(scraped)
@settings(max_examples=300, deadline=None)
def test_cleaning_cleaned_text_changes_nothing(text: str) -> None:
    """Cleaning is idempotent: the title and paragraphs that cleaning gives, written out as
    a document (paragraphs apart, a line break at the end) and cleaned again, come back as
    they were. (A single literal escape such as `\\u0000` is decoded only in a text with no
    real line break, where it is evidence of a JSON export: a document has them.)"""
    once = clean(text)
    parts = [*([once.title] if once.title else []), *once.paragraphs]
    again = clean("\n\n".join(parts) + "\n")
    assert again.paragraphs == once.paragraphs
    assert again.title == once.title


@given(st.integers(0, 60), st.data())
def test_a_list_without_some_items_reads_as_the_list_with_them_left_out(
    size: int, data: st.DataObject
) -> None:
    """`Without` (what a filter that drops few leaves) gives, at every index, forwards,
    backwards and in slices, what a copy of the list without those items gives."""
    items = [f"item {n}" for n in range(size)]
    dropped = sorted(data.draw(st.sets(st.integers(0, size - 1))) if size else ())
    kept = [item for n, item in enumerate(items) if n not in dropped]
    without = Without(items, array("l", dropped))
    assert len(without) == len(kept)
    assert list(without) == kept
    assert [without[n] for n in range(len(kept))] == kept
    backwards = range(1, len(kept) + 1)
    assert [without[-n] for n in backwards] == [kept[-n] for n in backwards]
    assert without[1::2] == kept[1::2]
    for outside in (len(kept), -len(kept) - 1):
        with pytest.raises(IndexError):
            without[outside]
