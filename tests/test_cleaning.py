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
        "Credit: Erin Schaff/The New York Times",
        "Getty Images",
        "AP",
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


def test_top_of_page_lines_leave_the_body_and_feed_the_metadata() -> None:
    """Crumbs, a byline and a PUBLISHED | UPDATED line: removed; the published date is kept."""
    raw = (
        "Home\nNews\nSpaceflight\nNASA launches a rocket to the Moon\nBy Alejandro de la Garza\n"
        "PUBLISHED: 09:12 BST, 3 April 2022 | UPDATED: 11:40 BST, 4 April 2022\n\n"
        "The rocket lifted off on Saturday. It carried no crew.\n"
    )
    result = clean(raw)
    assert result.title == "NASA launches a rocket to the Moon"
    assert result.author == "Alejandro de la Garza"
    assert result.header_date == dt.date(2022, 4, 3)
    assert result.paragraphs == ["The rocket lifted off on Saturday. It carried no crew."]
    assert {"Home", "News", "Spaceflight", "By Alejandro de la Garza"} <= set(result.removed)


def test_an_updated_line_alone_gives_no_publication_date() -> None:
    result = clean("Updated: 4 April 2022\n\nThe vote was counted.")
    assert result.header_date is None
    assert result.removed == ["Updated: 4 April 2022"]


def test_a_title_may_end_with_an_exclamation_and_crumbs_stay_out() -> None:
    result = clean("Home\nSport\nT1 win the world title!\n\nT1 are champions!\n\nThey won 3-0.")
    assert result.title == "T1 win the world title!"
    assert result.paragraphs == ["T1 are champions!", "They won 3-0."]


def test_a_dateline_alone_is_a_place_on_the_first_paragraph_not_a_title() -> None:
    result = clean("WASHINGTON (AP) —\n\nThe Senate voted on Friday.\n\nIt passed.")
    assert result.title is None
    assert result.paragraphs[0] == "WASHINGTON (AP) — The Senate voted on Friday."


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our morning newsletter to get the news in your inbox.",
        "Follow us on Twitter and Facebook for the latest updates.",
        "Download our app to get breaking news alerts.",
        "You may also like",
        "Story continues below advertisement",
        "READ MORE: Ten questions that remain",
        "SEE MORE: The latest pictures",
        "Read: Why some people get sicker than others",
        "Read or Share this story: https://example.com/story/1",
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        "google.JPG",
    ],
)
def test_promos_and_prompts_leave_the_body(line: str) -> None:
    """Each line alone between two paragraphs is removed, and kept in `removed`."""
    result = clean(f"The vote was counted on Friday.\n\n{line}\n\nIt passed.")
    assert result.paragraphs == ["The vote was counted on Friday.", "It passed."]
    assert result.removed == [line]


def test_a_long_paragraph_that_mentions_following_is_never_taken_for_a_bio() -> None:
    """A bio is short; a long paragraph that ends the article is kept whatever it says."""
    long = "The vote was counted. " * 30 + "Follow us on Twitter for more."
    result = clean(f"First paragraph here.\n\n{long}")
    assert result.paragraphs[-1] == long.strip()


def test_a_known_title_is_removed_only_where_the_text_repeats_it() -> None:
    assert clean("Workers vote\n\nThey voted.", title="Workers vote").paragraphs == ["They voted."]
    kept = clean("A line that is no title\n\nThey voted.", title="Workers vote")
    assert kept.paragraphs == ["A line that is no title", "They voted."]
    crumb = clean("Politics\n\nThey voted.", title="Workers vote")
    assert (crumb.paragraphs, crumb.removed) == (["They voted."], ["Politics"])
    # Words alone above the first paragraph are its heading, not a crumb.
    heading = clean("Artistic career\n\nWe are two of us.", title="About us")
    assert (heading.paragraphs, heading.removed) == (["Artistic career", "We are two of us."], [])


def test_a_first_paragraph_that_opens_with_the_title_keeps_the_rest() -> None:
    """A page that ran its heading into the first paragraph: the title's words leave it,
    kept with what was removed, and the paragraph's own words stay. A first sentence that
    only begins with the title's words stays whole; a line that is only the title, the title
    cut short, or the title and the site's name, is the title line still."""
    run_on = "KOA039 Live vom KnowledgeCamp 2019 Veröffentlicht am 17. Dezember 2019. Auch wir."
    result = clean(f"{run_on}\n\nMehr.", title="KOA039 Live vom KnowledgeCamp 2019")
    assert result.paragraphs == ["Veröffentlicht am 17. Dezember 2019. Auch wir.", "Mehr."]
    assert result.removed == ["KOA039 Live vom KnowledgeCamp 2019"]
    colon = clean("Workers vote: they voted on Friday.\n\nMore.", title="Workers vote")
    assert (colon.paragraphs, colon.removed) == (
        ["they voted on Friday.", "More."],
        ["Workers vote:"],
    )
    sentence = "Dear people of Europe, in Greece and Spain, we write to you."
    assert clean(sentence, title="Dear people of Europe").paragraphs == [sentence]
    for line in ("Workers vote.", "Workers", "Workers vote - The Times"):
        assert clean(f"{line}\n\nThey voted.", title="Workers vote").paragraphs == ["They voted."]


def test_sentences_of_a_script_written_without_spaces_are_no_crumbs() -> None:
    """A Chinese sentence is one "word" as spaces count them: the short paragraphs above
    the first long one stay, and only the label above them ("首页", home) is a crumb."""
    story = "在抗击新冠肺炎疫情的日子里，封在武汉的父母们总要回应着孩子天真的追问。" * 5
    text = f"首页\n\n“妈妈，为什么还不能出去？”\n\n“宝贝，我们在打一场无声的战役。”\n\n{story}"
    result = clean(text, title="武汉的声音")
    assert result.paragraphs == [
        "“妈妈，为什么还不能出去？”",
        "“宝贝，我们在打一场无声的战役。”",
        story,
    ]
    assert result.removed == ["首页"]


def test_a_page_flattened_to_one_line_loses_inline_credits_and_prompts_only() -> None:
    """In one long line, a credit, "Advertisement" and a prompt go; a promo's run-on stays."""
    prose = "The court heard the case on Monday and will rule later this year. " * 12
    blob = (
        f"{prose}Stephanie Keith Bloomberg | Getty Images {prose}Advertisement {prose}"
        "Sign up for our morning newsletter to get the news in your inbox. "
        f"WATCH: What to know The judge spoke. {prose}Photo: Mark Lennihan/AP {prose}"
    )
    result = clean(blob)
    (paragraph,) = result.paragraphs
    for junk in ("Getty Images", "Advertisement", "newsletter", "Lennihan"):
        assert junk not in paragraph
    assert "WATCH: What to know The judge spoke." in paragraph
    assert paragraph.count("The court heard the case") == 5 * 12  # every real sentence kept
    assert "Stephanie Keith Bloomberg | Getty Images" in result.removed


def test_a_title_above_a_credited_caption_is_still_the_title() -> None:
    """Title, then the lead photo's caption and credit: the caption goes, the title stays one."""
    raw = (
        "Workers win the vote\n\nSupporters hold signs during a rally.\n\n"
        "Photo: Mark Lennihan/AP\n\nWorkers voted on Friday to join the union."
    )
    result = clean(raw)
    assert result.title == "Workers win the vote"
    assert result.paragraphs == ["Workers voted on Friday to join the union."]


LEAD = (
    "Workers at the Amazon warehouse on Staten Island voted on Friday to form the first union "
    "at the company in the United States."
)


@pytest.mark.parametrize(
    "above",
    [
        LEAD,
        "The vote was close.",
        "“We won,” said Smalls.",
        "What happens next? Nobody knows.",
    ],
)
def test_a_credit_alone_under_prose_leaves_alone(above: str) -> None:
    """A credit line with no caption over it goes by itself: the paragraph above it is
    the article's text (the lead, a short past-tense line, a quote, a question), and stays."""
    raw = f"Workers win\n\n{LEAD}\n\n{above}\n\nGetty Images\n\nThe company said it would appeal."
    result = clean(raw)
    assert above in result.paragraphs
    assert result.removed == ["Getty Images"]


@pytest.mark.parametrize(
    "caption",
    [
        "Supporters hold signs during a rally.",
        "Organizers and supporters of the union celebrate near the offices of the labor board in "
        "Brooklyn on Friday, April 1, 2022.",
        "The president speaks to reporters on the South Lawn of the White House on Tuesday.",
        "Christian Smalls (left) and Derrick Palmer outside the warehouse at the end of the day.",
    ],
)
def test_a_paragraph_that_reads_as_the_photos_caption_goes_with_its_credit(caption: str) -> None:
    """A caption says what the photo shows, in the present, or who is in it: over a credit
    line it goes too, kept in what was removed, even at the top."""
    result = clean(f"{caption}\n\nJane Doe/AP\n\n{LEAD}\n\nThe company said it would appeal.")
    assert result.paragraphs[0] == LEAD
    assert result.removed == [caption, "Jane Doe/AP"]


def test_a_lead_or_a_long_sentence_is_never_taken_for_a_bio_or_a_promo() -> None:
    """A one-paragraph article whose lead names a Reporter, and a paragraph that begins as
    a promo does but runs on as prose: both are text."""
    lead = (
        "Director Quentin Tarantino is in talks to write and direct a new instalment in the "
        "Friday the 13th horror franchise, according to the Hollywood Reporter."
    )
    assert clean(lead).paragraphs == [lead]
    more = (
        "More: the company said on Friday that it would cut a thousand jobs in the coming months "
        "across its European warehouses."
    )
    assert more in clean(f"{LEAD}\n\n{more}").paragraphs


def test_a_title_of_two_sentences_stays_whole() -> None:
    result = clean(f"Workers won. Now the hard part.\n\n{LEAD}")
    assert result.title == "Workers won. Now the hard part."
    assert result.paragraphs == [LEAD]
