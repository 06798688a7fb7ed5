"""Filters as a value, and the corpus seen through them."""

from __future__ import annotations

from tui_reader.corpus.model import Corpus
from tui_reader.corpus.view import Filters

from .conftest import SEED_IDS

SMALLS = "person:christian-smalls"


def test_filters_keep_the_order_they_were_set_in_and_clear_one_kind() -> None:
    """Each filter set goes last in `order` (set again, it moves there); `newest` is the
    one Esc clears; clearing one kind leaves the others as they were; the value is never
    changed in place."""
    empty = Filters()
    assert empty.newest is None
    filters = empty.with_entity(SMALLS).with_period("2022").with_hidden({"a"})
    assert filters.order == ("entity", "period", "unread")
    assert filters.with_entity("org:apple").order == ("period", "unread", "entity")
    assert filters.newest == "unread"
    assert empty == Filters()
    cleared = filters.without("period")
    assert cleared == Filters(entity=SMALLS, exclude_ids={"a"}, order=("entity", "unread"))
    assert cleared.without("unread").without("entity") == Filters()
    assert filters.with_hits(set()).newest == "search"
    assert filters.with_hits(set()).without("search") == filters


def test_a_date_chosen_again_and_again_narrows_to_its_month_then_its_year_then_none() -> None:
    """An event's date chosen once filters to its month, again to its year, a third time
    to no period; a date with only a year goes to the year and then none; another date
    chosen starts again at its month."""
    filters = Filters()
    seen = []
    for _ in range(4):
        filters = filters.with_period_of("2022-04-01")
        seen.append(filters.period)
    assert seen == ["2022-04", "2022", None, "2022-04"]
    assert Filters().with_period_of("2021").period == "2021"
    assert Filters(period="2021").with_period_of("2021").period is None
    assert Filters(period="2022").with_period_of("2023-01-05").period == "2023-01"


def test_hiding_no_articles_is_still_a_filter_in_force() -> None:
    """With only unread articles shown and none read yet, the filter is in force (Esc
    clears it) though it hides nothing."""
    assert Filters().with_hidden(frozenset()).order == ("unread",)
    assert Filters().with_hidden(None).order == ()


def test_whether_an_article_shows_is_what_the_filtered_list_holds(seeds: Corpus) -> None:
    """For every mix of filters, `shows` says yes of exactly the articles `filtered`
    lists, and no of an id the corpus does not have, or of none."""
    dates = {e.event.date for e in seeds.timeline if e.event.date}
    periods = [None, *sorted({d[:4] for d in dates} | {d[:7] for d in dates}), "1999"]
    mixes = 0
    for entity in (None, SMALLS, "org:nobody"):
        for hits in (None, {SEED_IDS["002"], SEED_IDS["003"]}):
            for period in periods:
                for hidden in (None, {SEED_IDS["003"]}):
                    filters = Filters(entity, period, hits, hidden)
                    listed = {a.id for a in seeds.filtered(filters)[0]}
                    shown = {a.id for a in seeds.articles if seeds.shows(filters, a.id)}
                    assert shown == listed, filters
                    assert not seeds.shows(filters, "not-an-article")
                    assert not seeds.shows(filters, None)
                    mixes += bool(listed) and len(listed) < len(seeds.articles)
    assert mixes > 10  # the filters narrowed the list, not only all or nothing
