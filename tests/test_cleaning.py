"""Each cleaning ruling, on small inputs and on the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from tui_reader.corpus.cleaning import clean, decode_entities, decode_escapes, is_credit
from tui_reader.corpus.model import Corpus

from .conftest import seed


def test_json_escapes_are_decoded_where_the_text_shows_them() -> None:
    raw = r"It\u0026#039;s here.\r\n\r\nA \"quote\" and a path a\/b.\r\nEmoji \ud83d\ude00 \u00e9"
    result = clean(raw)
    assert result.paragraphs == ["It's here.", 'A "quote" and a path a/b.', "Emoji 😀 é"]


def test_a_single_backslash_in_ordinary_text_is_left_alone() -> None:
    text = "Use C:\\new\\tools for this.\nSecond line."
    assert decode_escapes(text) == text


def test_lone_surrogates_and_bad_hex_never_raise() -> None:
    assert decode_escapes(r"a \ud83d b \u12zz c\n\n") == "a \ufffd b \\u12zz c\n\n"


def test_doubly_encoded_entities_and_no_break_spaces() -> None:
    assert decode_entities("Smith&amp;#039;s &amp;amp; co") == "Smith's & co"
    assert clean("one\u00a0two &nbsp;three").paragraphs == ["one two three"]


def test_entities_need_their_semicolon() -> None:
    assert decode_entities("the &parade and AT&T") == "the &parade and AT&T"


def test_cleaning_is_idempotent_on_the_seeds(seeds: Corpus) -> None:
    for article in seeds.articles:
        again = clean("\n\n".join(article.paragraphs))
        assert again.paragraphs == article.paragraphs


def test_inline_date_header_becomes_the_publication_date() -> None:
    result = clean(" date 2022-12-22 This has been a year.\n\nMore.")
    assert result.header_date == dt.date(2022, 12, 22)
    assert result.paragraphs[0] == "This has been a year."
    assert result.removed == ["date 2022-12-22"]


def test_impossible_header_date_gives_no_date() -> None:
    result = clean(" date 2022-13-45 Text here.")
    assert result.header_date is None
    assert result.paragraphs == ["Text here."]


@pytest.mark.parametrize(
    "line",
    [
        "Stephanie Keith Bloomberg | Getty Images",
        "Yuki Iwamura | AFP | Getty Images",
        "Photo: Jane Doe/AP",
    ],
)
def test_photo_credits_are_recognised(line: str) -> None:
    assert is_credit(line)


@pytest.mark.parametrize(
    "line",
    ["The union said it would appeal.", "Smalls | the leader", "Apple | Google | Amazon are big."],
)
def test_sentences_are_not_credits(line: str) -> None:
    assert not is_credit(line)


def test_credit_and_the_caption_above_it_are_removed_and_kept() -> None:
    raw = (
        "People hold placards in New York on November 26, 2021.\n\n"
        "Yuki Iwamura | AFP | Getty Images\n\n"
        "The union is led by Christian Smalls.\n"
    )
    result = clean(raw)
    assert result.paragraphs == ["The union is led by Christian Smalls."]
    assert result.removed == [
        "People hold placards in New York on November 26, 2021.",
        "Yuki Iwamura | AFP | Getty Images",
    ]


def test_promos_asides_and_pager_links_are_removed() -> None:
    raw = (
        "He spoke. (RELATED: Labor Board Recommends New Union Election)\n\n"
        "WATCH:\n\nWATCH: Amazon workers in Alabama voted\n\n"
        "Previous articleApple is launching Business Essentials\n"
        "Next articleTesla TSLA Q1 2022 numbers\n"
    )
    result = clean(raw)
    assert result.paragraphs == ["He spoke."]
    assert len(result.removed) == 5
    assert "(RELATED: Labor Board Recommends New Union Election)" in result.removed


def test_runs_of_blank_lines_collapse() -> None:
    assert clean("One.\n\n\n\n\nTwo.").paragraphs == ["One.", "Two."]


def test_author_bio_leaves_the_body_and_names_the_author(seeds: Corpus) -> None:
    article = seed(seeds, "002")
    assert article.author == "Allie Garfinkle"
    assert not any("Senior Tech Reporter" in p for p in article.paragraphs)
    assert any("Senior Tech Reporter" in r for r in article.removed)


def test_subheading_is_kept_as_a_heading(seeds: Corpus) -> None:
    article = seed(seeds, "002")
    index = article.paragraphs.index("'Same struggle, but a different mission'")
    assert index in article.headings
    assert len(article.headings) == 1


def test_correction_is_a_note_apart_from_the_body(seeds: Corpus) -> None:
    article = seed(seeds, "000")
    assert article.notes == [
        "Correction: An earlier version of this article misstated a quote from Christian Smalls."
    ]
    assert not any(p.startswith("Correction") for p in article.paragraphs)


def test_curly_quotes_and_dashes_stay(seeds: Corpus) -> None:
    text = " ".join(seed(seeds, "002").paragraphs + seed(seeds, "001").paragraphs)
    assert "—" in text
    assert "–" in text
    assert "’" in text
    assert "“" in text


def test_no_artifact_is_left_in_any_seed(seeds: Corpus) -> None:
    artifacts = [
        "\\u", "\\r", "\\n", "&#", "&amp;", "&nbsp;", "\u00a0", "date 2022", "Getty Images",
        "WATCH:", "RELATED:", "Previous article", "Next article", "Follow her on Twitter",
    ]  # fmt: skip
    for article in seeds.articles:
        body = "\n".join(article.paragraphs)
        for artifact in artifacts:
            assert artifact not in body, (article.id, artifact)


def test_every_real_sentence_of_seed_001_is_kept(seeds: Corpus) -> None:
    body = " ".join(seed(seeds, "001").paragraphs)
    for sentence in [
        "Employees of the Amazon warehouse on New York’s Staten Island on Friday voted to join",
        "The NLRB will schedule hearings in the coming weeks",
        "Smalls quickly became a leader in worker activity at Amazon and elsewhere.",
    ]:
        assert sentence in body
    assert len(seed(seeds, "001").paragraphs) == 13
