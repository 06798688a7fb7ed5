"""Date expressions, resolved against the publication date (news convention)."""

from __future__ import annotations

import datetime as dt

import pytest

from tui_reader.corpus.dates import events, latest_full_date, parse_date, scan
from tui_reader.corpus.model import Corpus

from .conftest import seed

FRIDAY = dt.date(2022, 4, 1)  # a Friday
MONDAY = dt.date(2022, 4, 4)


def resolve(sentence: str, anchor: dt.date | None) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            e.text,
            e.resolved.date if e.resolved else None,
            e.resolved.precision if e.resolved else None,
        )
        for e in scan(sentence, anchor)
    ]


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        ("Workers voted Friday.", FRIDAY, ("Friday", "2022-04-01", "day")),
        ("Workers voted on Thursday.", FRIDAY, ("on Thursday", "2022-03-31", "day")),
        ("Smalls spoke on Sunday.", MONDAY, ("on Sunday", "2022-04-03", "day")),
        ("They won Friday.", MONDAY, ("Friday", "2022-04-01", "day")),
        ("The vote will be held Friday.", MONDAY, ("Friday", "2022-04-08", "day")),
        ("He left last Friday.", FRIDAY, ("last Friday", "2022-03-25", "day")),
        ("They meet next Friday.", FRIDAY, ("next Friday", "2022-04-08", "day")),
        ("It sued last month.", FRIDAY, ("last month", "2022-03", "month")),
        (
            "The NLRB acted in November last year.",
            FRIDAY,
            ("November last year", "2021-11", "month"),
        ),
        ("They won at JFK8 in April.", dt.date(2022, 12, 22), ("in April", "2022-04", "month")),
        ("They lost in April.", dt.date(2022, 3, 10), ("in April", "2021-04", "month")),
        ("It was founded in 2020.", None, ("in 2020", "2020", "year")),
        ("A meeting in August 2021.", None, ("August 2021", "2021-08", "month")),
        ("It happened on November 26, 2021.", None, ("November 26, 2021", "2021-11-26", "day")),
        ("The board met Nov. 27.", FRIDAY, ("Nov. 27", "2021-11-27", "day")),
        ("It slumped last spring.", FRIDAY, ("last spring", "2021", "season")),
        ("Prices rose in spring 2021.", None, ("spring 2021", "2021", "season")),
        (
            "Sales fell in the first quarter of 2022.",
            None,
            ("first quarter of 2022", "2022-01", "quarter"),
        ),
        ("It began in the 1990s.", None, ("the 1990s", "1990", "decade")),
        ("He called yesterday.", FRIDAY, ("yesterday", "2022-03-31", "day")),
        ("It has grown this year.", FRIDAY, ("this year", "2022", "year")),
        ("Activity rose in early 2020.", None, ("early 2020", "2020", "year")),
        ("It ends by the end of the year.", FRIDAY, ("the end of the year", "2022-12", "month")),
    ],
)
def test_expressions_resolve(
    sentence: str, anchor: dt.date | None, expected: tuple[str, str, str]
) -> None:
    assert expected in resolve(sentence, anchor)


@pytest.mark.parametrize(
    "sentence",
    ["They won Friday.", "It sued last month.", "The vote was in April.", "He called yesterday."],
)
def test_relative_expressions_without_an_anchor_stay_unresolved(sentence: str) -> None:
    found = resolve(sentence, None)
    assert found
    assert all(date is None for _, date, _ in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "There were 2654 votes in favor and 2131 against.",
        "She called Fridays the best days.",
        "April Smith said so.",
        "Union membership declined by 241,000 workers.",
        "Ann Surg. 2015;26(6):1667–71.",  # a citation's pages, after its volume and issue
    ],
)
def test_numbers_and_names_are_not_dates(sentence: str) -> None:
    assert resolve(sentence, FRIDAY) == []


def test_impossible_dates_give_no_date() -> None:
    assert resolve("It happened on February 30, 2022.", None) == [("February 30, 2022", None, None)]


def test_publication_date_inferred_from_a_removed_caption(seeds: Corpus) -> None:
    article = seed(seeds, "001")
    assert article.published == dt.date(2022, 4, 1)
    assert latest_full_date(["On Friday, April 1, 2022 and November 26, 2021."]) == FRIDAY


def test_events_locate_their_sentence() -> None:
    paragraphs = ["First. Workers voted on Thursday, the union said."]
    (event,) = events(paragraphs, FRIDAY)
    assert event.text == "Workers voted on Thursday, the union said."
    assert (event.paragraph, event.offset) == (0, paragraphs[0].index("on Thursday"))


def test_seed_events(seeds: Corpus) -> None:
    found = {(e.expression, e.date) for e in seed(seeds, "001").events}
    assert {
        ("on Friday", "2022-04-01"),
        ("November last year", "2021-11"),
        ("last spring", "2021"),
        ("on Thursday", "2022-03-31"),
        ("in 2014", "2014"),
    } <= found
    assert ("in April", "2022-04") in {(e.expression, e.date) for e in seed(seeds, "002").events}
    assert {(e.expression, e.date) for e in seed(seeds, "003").events} == {
        ("on Sunday", "2022-04-03"),
        ("Friday", "2022-04-01"),
        ("in 2020", "2020"),
        ("August 2021", "2021-08"),
    }
    undated = seed(seeds, "000")
    assert ("last month", None) in {(e.expression, e.date) for e in undated.events}


def test_removed_text_gives_no_events(seeds: Corpus) -> None:
    assert all(e.date != "2021-11-26" for e in seed(seeds, "001").events)


def test_timeline_is_sorted_and_holds_only_resolved_events(seeds: Corpus) -> None:
    keys = [(t.event.date, t.article, t.event.paragraph, t.event.offset) for t in seeds.timeline]
    assert keys == sorted(keys)
    assert all(t.event.date for t in seeds.timeline)
    assert len(seeds.timeline) == sum(1 for a in seeds.articles for e in a.events if e.date)


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        (
            "It will be held Tuesday the 8th.",
            dt.date(2018, 3, 7),
            ("Tuesday the 8th", "2018-05-08"),
        ),
        ("It happened on Saturday 2nd.", dt.date(2018, 3, 7), ("on Saturday 2nd", "2017-12-02")),
        ("We meet Friday next week.", dt.date(2018, 3, 7), ("Friday next week", "2018-03-16")),
        ("It will be this May 8th.", dt.date(2018, 3, 7), ("May 8th", "2018-05-08")),
        ("It opened in Jun 2018.", FRIDAY, ("Jun 2018", "2018-06")),
        ("It closed a decade ago.", FRIDAY, ("a decade ago", "2012")),
        ("It closed two fortnights ago.", FRIDAY, ("two fortnights ago", "2022-02-28")),
        ("It was founded on 3 Apr. 2020.", FRIDAY, ("3 Apr. 2020", "2020-04-03")),
        ("we met on tuesday", FRIDAY, ("on tuesday", "2022-03-29")),
        ("it opens april 7th", FRIDAY, ("april 7th", "2022-04-07")),
        ("Filed 8/May/2018.", FRIDAY, ("8/May/2018", "2018-05-08")),
        ("On Sunday, March 27, he left.", FRIDAY, ("On Sunday, March 27", "2022-03-27")),
        ("Workers must wait until July.", FRIDAY, ("until July", "2022-07")),
    ],
)
def test_more_news_expressions(sentence: str, anchor: dt.date, expected: tuple[str, str]) -> None:
    assert [(text, value) for text, value, _ in resolve(sentence, anchor)] == [expected]


def test_may_and_march_in_lowercase_are_verbs() -> None:
    assert resolve("They may 8 times march 4 miles.", FRIDAY) == []


def test_a_date_off_the_calendar_is_unresolved_not_an_error() -> None:
    assert resolve("It began 99999999 days ago.", FRIDAY) == [("99999999 days ago", None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-04-01T10:00:00Z", dt.date(2022, 4, 1)),
        ("2022/4/1", dt.date(2022, 4, 1)),
        ("Fri, 01 Apr 2022 10:00:00 GMT", dt.date(2022, 4, 1)),
        ("April 1, 2022", dt.date(2022, 4, 1)),
        ("09:12 BST, 3 April 2022", dt.date(2022, 4, 3)),
        ("2022-13-45", None),
        ("99999-01-01", None),
        ("February 30, 2022", None),
        ("soon", None),
    ],
)
def test_metadata_dates_are_read_without_guessing(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


MID_MARCH = dt.date(2022, 3, 15)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Last month, the company said it would cut jobs.", ("Last month", "2022-02", "month")),
        ("This year, sales rose.", ("This year", "2022", "year")),
        ("Ten years ago, it was small.", ("Ten years ago", "2012", "year")),
        ("Earlier this year it rose.", ("Earlier this year", "2022", "year")),
        ("A 2009 analysis found gaps.", ("A 2009", "2009", "year")),
        ("It rose after the 1987 crash.", ("the 1987", "1987", "year")),
        ("Records dating to 1994 were lost.", ("to 1994", "1994", "year")),
        ("Profit rose this fiscal year.", ("this fiscal year", "2022", "year")),
        ("In fiscal 1989 it lost money.", ("fiscal 1989", "1989", "year")),
        ("Sales fell in the first half of 2004.", ("the first half of 2004", "2004-01", "half")),
        (
            "The second half of this year looks weak.",
            ("The second half of this year", "2022-07", "half"),
        ),
        ("“Today, we won,” he said.", ("Today", "2022-03-15", "day")),
    ],
)
def test_forms_that_news_writes_resolve(sentence: str, expected: tuple[str, str, str]) -> None:
    """At the start of a sentence, as modifiers, in fiscal years and halves (dated
    2022-03-15)."""
    assert expected in resolve(sentence, MID_MARCH)


@pytest.mark.parametrize(
    ("sentence", "expression", "start", "end"),
    [
        ("Sales in 2009-2010 rose.", "2009-2010", "2009", "2010"),
        ("The 1957-58 season was long.", "1957-58", "1957", "1958"),
        ("It ran from 2019 to 2021.", "from 2019 to 2021", "2019", "2021"),
        ("It grew between 1985 and 1987.", "between 1985 and 1987", "1985", "1987"),
        ("The 1999-00 season ended.", "1999-00", "1999", "2000"),
    ],
)
def test_a_range_starts_at_its_first_year_and_ends_at_its_last(
    sentence: str, expression: str, start: str, end: str
) -> None:
    (event,) = events([sentence], MID_MARCH)
    assert (event.expression, event.date, event.end) == (expression, start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "By 1650 GMT the dollar was up.",
        "He spoke on BBC Radio 4's Today programme.",
        "She reads USA Today.",
        "Sheffield Wednesday won at home.",
        "Sales rose in the first quarterly report.",
    ],
)
def test_clock_times_and_names_are_no_dates(sentence: str) -> None:
    assert events([sentence], MID_MARCH) == []


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The company said Friday that it will appeal.", "2022-03-11"),
        ("The vote will be held Friday.", "2022-03-18"),
        ("A ceremony is planned on April 12.", "2022-04-12"),
        ("Officials met in February.", "2022-02"),
        ("Workers had walked out in April.", "2021-04"),
    ],
)
def test_the_tense_of_its_own_clause_dates_an_expression(sentence: str, date: str) -> None:
    """ "said Friday that it will" is a past Friday; a day written with no tense is the
    nearest (ahead here); a month in a past sentence is past."""
    (event,) = events([sentence], MID_MARCH)
    assert event.date == date


def test_a_publication_date_from_the_text_needs_evidence() -> None:
    """A date in the dateline or a photo's caption dates the article, and so does the
    latest date when the lead writes it; an old date in the body is only a guess."""
    from tui_reader.corpus.analysis import build
    from tui_reader.corpus.loading import Source

    lead = "LONDON, April 1, 2022 — Workers voted to join the union."
    profile = "Jane Doe is a politician.\n\nShe was born on February 20, 1951, in Leeds."
    corpus = build([Source("dated", "a.txt", lead), Source("profile", "b.txt", profile)])
    assert corpus.article("dated").published == dt.date(2022, 4, 1)
    assert corpus.article("dated").published_from == "text"
    article = corpus.article("profile")
    assert article.published is None
    assert article.published_guess == dt.date(1951, 2, 20)
