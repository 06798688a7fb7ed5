"""Search: queries, where they match, and the FTS5 index over a corpus."""

from __future__ import annotations

import threading
from collections.abc import Set as AbstractSet
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tui_reader.corpus.loading import bundled_seeds
from tui_reader.corpus.model import Article, Corpus
from tui_reader.corpus.search import Query, fold
from tui_reader.corpus.view import Filters
from tui_reader.store.cache import Cache, pipeline_version
from tui_reader.store.index import SearchIndex
from tui_reader.store.locations import index_path
from tui_reader.store.pipeline import Loading
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.screens.main import MainScreen
from tui_reader.ui.widgets import reader as reader_module
from tui_reader.ui.widgets.bars import StatusBar
from tui_reader.ui.widgets.lists import ArticleList
from tui_reader.ui.widgets.reader import ReadingView
from tui_reader.ui.widgets.search import SearchBox

from .conftest import SEED_IDS, screen_lines, until


def article(id: str, title: str, *paragraphs: str) -> Article:
    return Article(id=id, source=f"{id}.txt", title=title, paragraphs=list(paragraphs))


def found(index: SearchIndex, text: str) -> set[str] | None:
    """The ids of the articles a search finds, as a plain set."""
    hits = index.search(Query.parse(text))
    return None if hits is None else set(hits)


def test_a_search_finds_a_set_of_ids_kept_as_a_mask_over_the_articles() -> None:
    """What a search finds behaves as the set of the ids found: membership, size, the ids
    themselves in the articles' order, and equality with a set of ids."""
    articles = [article("a", "Alpha", "apples"), article("b", "Beta", "pears, apples")]
    articles += [article("c", "Gamma", "plums")]
    index = SearchIndex(None)
    index.sync(articles)
    hits = index.search(Query.parse("apple"))
    assert hits is not None
    assert "a" in hits
    assert "b" in hits
    assert "c" not in hits
    assert "z" not in hits
    assert len(hits) == 2
    assert list(hits) == ["a", "b"]
    ids: AbstractSet[str] = hits
    assert ids == {"a", "b"}
    assert ids != {"a"}


def test_a_query_is_words_and_quoted_phrases_folded_to_lowercase_without_accents() -> None:
    query = Query.parse('Café  "Labor   Board" union-busting "unclosed phr')
    assert query.words == ("cafe", "union", "busting")
    assert query.phrases == (("labor", "board"), ("unclosed", "phr"))
    assert query.fts() == '"cafe"* AND "union"* AND "busting"* AND "labor board" AND "unclosed phr"'
    assert not Query.parse(' "" -- ')


def test_folding_keeps_where_each_character_came_from() -> None:
    folded, origin = fold("Zoë Ærø")
    assert folded == "zoe ærø"
    assert origin == [0, 1, 2, 3, 4, 5, 6]
    folded, origin = fold("e\u0301t\u00e9")  # a combining accent, then a composed one
    assert folded == "ete"
    assert origin == [0, 2, 3]


def test_words_match_word_starts_and_phrases_whole_words() -> None:
    query = Query.parse('union "labor board"')
    text = "Reunion aside, the Unions asked the Labor Board; the labor boards did not."
    spans = [text[start:end] for start, end in query.spans(text)]
    assert spans == ["Union", "Labor Board"]
    assert Query.parse("resume").spans("Her résumé.") == [(4, 10)]


def test_an_article_matches_only_when_every_part_is_in_its_title_or_body() -> None:
    piece = article("a", "Amazon workers vote", "The Amazon Labor Union won.", "Smalls spoke.")
    assert Query.parse("amaz smalls").matches(piece)
    assert Query.parse('"labor union" vote').matches(piece)
    assert not Query.parse("amazon teamsters").matches(piece)
    assert not Query.parse('"union labor"').matches(piece)


def test_the_index_finds_what_the_query_matches(seeds: Corpus) -> None:
    index = SearchIndex(None)
    index.sync(seeds.articles)
    assert index.indexed == 4
    for text in ("smalls", "chris smalls", '"labor union"', "bessemer alabama", "zzz", "bloomberg"):
        query = Query.parse(text)
        expected = {a.id for a in seeds.articles if query.matches(a)}
        assert found(index, text) == expected, text
    assert found(index, "yahoo finance") == {SEED_IDS["002"]}


def test_the_index_file_follows_changes_and_survives_damage(tmp_path: Path) -> None:
    """An edited article is found by its new words only, a removed one not at all, and the
    file is reused at the next start; a damaged file is replaced."""
    path = index_path(tmp_path, [tmp_path / "corpus"])
    first = [article("a", "Alpha", "apples"), article("b", "Beta", "bananas")]
    index = SearchIndex(path)
    index.sync(first)
    assert found(index, "apples") == {"a"}
    index.close()
    again = SearchIndex(path)
    again.sync([article("a", "Alpha", "cherries"), article("c", "Gamma", "apples")])
    assert again.indexed == 2
    assert found(again, "apples") == {"c"}
    assert found(again, "cherr") == {"a"}
    assert found(again, "bananas") == set()
    again.close()
    path.write_bytes(b"not a database at all" * 100)
    fresh = SearchIndex(path)
    fresh.sync(first)
    assert found(fresh, "bananas") == {"b"}


async def test_a_slow_search_says_so_in_the_status_line_until_its_results_show(
    seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search that takes longer than a moment (an index still being built, a large
    corpus read through) marks its words "(searching…)" in the status line, as the count
    there is not yet its own; when the results come, the mark goes and the count is the
    search's. (The count used to stand unmarked for seconds after a large corpus loaded.)"""
    release = threading.Event()
    search = SearchIndex.search

    def held(index: SearchIndex, query: Query) -> AbstractSet[str] | None:
        release.wait(10)
        return search(index, query)

    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        monkeypatch.setattr(SearchIndex, "search", held)
        await pilot.press("slash", *"bessemer")
        # The mark is waited for, not a spell of time: held, the search gives no results
        # before `release`, and the mark comes `SEARCHING_AFTER` after the search started.
        await until(pilot, lambda: "(searching" in str(app.query_one(StatusBar).render()), 5)
        status = str(app.query_one(StatusBar).render())
        assert "search: bessemer (searching" in status
        assert "4 of 4 articles" in status
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.query_one(StatusBar).render())
        expected = {a.id for a in seeds.articles if Query.parse("bessemer").matches(a)}
        assert f"{len(expected)} of 4 articles  ·  search: bessemer  (Esc" in status


async def test_hits_from_an_index_still_being_built_are_marked_as_incomplete(
    seeds: Corpus,
) -> None:
    """Hits that came from an index still being built say "(indexing…)", as more may
    come; once the index is complete the search runs again, and its hits say nothing
    more."""
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        index = app.query_one(SearchBox).index
        assert index is not None
        screen.use_index(index, complete=False)
        await pilot.press("slash")
        await searched(pilot, "union")
        status = str(app.query_one(StatusBar).render())
        assert "search: union (indexing" in status, status
        screen.use_index(index, complete=True)
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.query_one(StatusBar).render())
        assert "search: union" in status, status
        assert "indexing" not in status, status


async def searched(pilot: Pilot[int], text: str) -> None:
    """Type a search into the open box and wait for its results."""
    await pilot.press(*text)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_slash_searches_as_you_type_and_enter_keeps_the_results(seeds: Corpus) -> None:
    """The list narrows to the matching articles as each key is typed, the reading view
    marks the matches and opens at the first, the status line names the search, and Enter
    hands the keys back to the list with the results kept."""
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        box = app.query_one("#search", Input)
        assert app.focused is box
        await searched(pilot, "bessemer")
        articles = app.query_one(ArticleList)
        expected = {a.id for a in seeds.articles if Query.parse("bessemer").matches(a)}
        assert {a.id for a in articles.articles} == expected
        assert 0 < len(expected) < 4
        reader = app.query_one(ReadingView)
        assert reader.article is not None
        assert reader.article.id in expected
        assert reader.scroll_offset.y > 0  # at the first match, not the top
        status = str(app.query_one(StatusBar).render())
        assert f"{len(expected)} of 4 articles" in status
        assert "search: bessemer" in status
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, ArticleList)
        assert {a.id for a in articles.articles} == expected
        await pilot.press("j")  # a key for the list again, not for the box
        assert box.value == "bessemer"


async def test_n_goes_to_the_next_match_then_the_next_article(seeds: Corpus) -> None:
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        await searched(pilot, "smalls")
        await pilot.press("enter")
        reader = app.query_one(ReadingView)
        first = reader.article
        assert first is not None
        count = sum(len(Query.parse("smalls").spans(p)) for p in first.paragraphs)
        assert count > 1
        await pilot.press(*["n"] * (count - 1))
        assert reader.article is first
        await pilot.press("n")
        await pilot.pause()
        assert reader.article is not first
        await pilot.press("N")
        await pilot.pause()
        assert reader.article is first


@pytest.mark.slow
async def test_escape_in_the_box_cancels_and_outside_clears_the_newest_filter(
    seeds: Corpus,
) -> None:
    """Esc in the search box cancels the search. With an entity filter and then a search,
    Esc in the list clears the search first, then the entity."""
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        articles = app.query_one(ArticleList)
        await pilot.press("slash")
        await searched(pilot, "bessemer")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filters.include_ids is None
        assert len(articles.articles) == 4
        assert app.focused is articles
        screen.filter_by_entity("person:christian-smalls")
        await pilot.press("slash")
        await searched(pilot, "union")
        await pilot.press("enter")
        narrowed = len(articles.articles)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filters.include_ids is None
        assert screen.filters.entity == "person:christian-smalls"
        assert len(articles.articles) >= narrowed
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filters.entity is None
        assert len(articles.articles) == 4


async def test_the_reader_keeps_its_search_index_in_the_cache_folder(tmp_path: Path) -> None:
    """Opened with the analysis cache, the reader indexes the corpus in a file next to it,
    and searches through that index."""
    cache = Cache(tmp_path / "cache" / "analysis.sqlite3", pipeline_version())
    app = ReaderApp(Loading([bundled_seeds()], cache=cache))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert list((tmp_path / "cache").glob("search-*.sqlite3"))
        screen = app.screen
        assert isinstance(screen, MainScreen)
        index = app.query_one(SearchBox).index
        assert index is not None
        assert index.indexed == 4
        await pilot.press("slash")
        await searched(pilot, '"labor union"')
        assert screen.filters.include_ids == found(index, '"labor union"')
        assert screen.filters.include_ids


async def test_a_damaged_index_file_is_set_aside_and_the_reader_says_so(tmp_path: Path) -> None:
    """The file is kept under another name, a new index is made in its place, and the
    problems list (`!`) names both."""
    cache = Cache(tmp_path / "cache" / "analysis.sqlite3", pipeline_version())
    damaged = index_path(cache.path.parent, [bundled_seeds()])
    damaged.write_bytes(b"\0not an index" * 100)
    app = ReaderApp(Loading([bundled_seeds()], cache=cache))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        (line,) = screen.reported
        (kept,) = damaged.parent.glob(f"{damaged.name}.corrupt-*")
        assert line.startswith(f"Search index: {damaged}: could not be read")
        assert f"kept as {kept.name} and made afresh" in line
        index = app.query_one(SearchBox).index
        assert index is not None
        assert index.indexed == 4


async def test_keys_typed_straight_after_the_slash_go_to_the_box(seeds: Corpus) -> None:
    """Over SSH, "/" and the keys after it often arrive together: they all reach the box,
    in order, a second "/" included, and none acts on the list ("n" is next match)."""
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        for key, character in [("slash", "/"), ("n", "n"), ("l", "l"), ("slash", "/")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one("#search", Input).value == "nl/"
        assert app.query_one(ArticleList).cursor == 0


def test_an_edited_article_is_found_by_its_new_words_only(tmp_path: Path) -> None:
    """With most of the corpus unchanged, the index is updated in place: the edited
    article's old row stays in the file, but a search never returns it."""
    path = index_path(tmp_path, [tmp_path])
    articles = [article(f"n{n}", f"Title {n}", f"paragraph {n} apples") for n in range(10)]
    index = SearchIndex(path)
    index.sync(articles)
    index.close()
    articles[3] = article("n3", "Title 3", "paragraph 3 cherries")
    again = SearchIndex(path)
    again.sync(articles)
    assert again.indexed == 10
    assert found(again, "cherries") == {"n3"}
    assert found(again, "apples") == {f"n{n}" for n in range(10) if n != 3}


def test_the_corpus_filtered_by_an_entity_and_a_set_of_ids(seeds: Corpus) -> None:
    """The articles both filters let through, in corpus order, and only their events."""
    smalls = "person:christian-smalls"
    assert seeds.filtered(Filters()) == (seeds.articles, seeds.timeline)
    named, _ = seeds.filtered(Filters(entity=smalls))
    assert list(named) == seeds.articles_naming(smalls)
    one = {SEED_IDS["002"], "not-an-article"}
    articles, entries = seeds.filtered(Filters(include_ids=one))
    assert [a.id for a in articles] == [SEED_IDS["002"]]
    assert list(entries) == [e for e in seeds.timeline if e.article == SEED_IDS["002"]]
    assert entries
    both, _ = seeds.filtered(Filters(entity=smalls, include_ids={SEED_IDS["002"], SEED_IDS["001"]}))
    assert [a.id for a in both] == [
        a.id for a in named if a.id in (SEED_IDS["002"], SEED_IDS["001"])
    ]
    assert [list(shown) for shown in seeds.filtered(Filters(entity="org:nobody"))] == [[], []]


def test_the_corpus_filtered_by_period_and_hidden_articles_as_read_one_by_one(
    seeds: Corpus,
) -> None:
    """Every mix of an entity, a set of ids, a period and hidden articles lets through what
    reading each article and event in turn lets through: the same articles in the same
    order, and their events in the period."""
    smalls = "person:christian-smalls"
    dates = {e.event.date for e in seeds.timeline if e.event.date}
    periods = [*sorted({d[:4] for d in dates} | {d[:7] for d in dates}), "1999", "2022-13"]
    assert "2022-04" in periods
    for entity in (None, smalls):
        for ids in (None, {SEED_IDS["002"], SEED_IDS["003"]}):
            for period in (None, *periods):
                for hidden in (None, {SEED_IDS["003"]}):
                    articles, entries = seeds.filtered(Filters(entity, period, ids, hidden))
                    prefix = period or ""
                    dated = {
                        e.article for e in seeds.timeline if (e.event.date or "").startswith(prefix)
                    }
                    wanted = [
                        a.id
                        for a in seeds.articles
                        if (entity is None or a.id in seeds.entities[entity].articles)
                        and (ids is None or a.id in ids)
                        and (period is None or a.id in dated)
                        and a.id not in (hidden or set())
                    ]
                    assert [a.id for a in articles] == wanted, (entity, ids, period, hidden)
                    assert list(entries) == [
                        e
                        for e in seeds.timeline
                        if e.article in wanted and (e.event.date or "").startswith(prefix)
                    ]
    april, _ = seeds.filtered(Filters(period="2022-04"))
    assert 0 < len(april) < len(seeds.articles)
    assert list(april[1:]) == list(april)[1:]


async def test_search_results_that_come_after_another_filter_changed_are_shown_with_it(
    seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search's results are worked out in a thread with the filters of the moment; if
    another filter changed before they came back, they are still shown, filtered by the
    filters as they now are (they used to be dropped, leaving the list on the old hits)."""
    release = threading.Event()
    search = SearchIndex.search

    def held(index: SearchIndex, query: Query) -> AbstractSet[str] | None:
        release.wait(10)
        return search(index, query)

    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        query = Query.parse("union")
        hits = {a.id for a in seeds.articles if query.matches(a)}
        assert len(hits) > 1
        monkeypatch.setattr(SearchIndex, "search", held)
        await pilot.press("slash", *"union")
        await pilot.pause()
        screen.filter_by_entity("org:apple")  # changed while the search ran
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.filters.include_ids == hits
        shown = [a.id for a in app.query_one(ArticleList).articles]
        assert shown == [a.id for a in seeds.articles_naming("org:apple") if a.id in hits]
        assert shown


async def test_a_search_opens_at_its_match_before_the_rest_of_the_article_is_laid_out(
    seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading view opens at the first match, two lines below its top, even when the
    refresh that scrolls it comes before the rest of the article is wrapped (as on a busy
    machine: the scroll used to stop at the end of what was wrapped, short of the match).
    Here the wrapping stops at the least it must do, and never resumes."""
    monkeypatch.setattr(reader_module, "LAYOUT_SLICE", 0)
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        reader = app.query_one(ReadingView)
        later: list[object] = []
        monkeypatch.setattr(reader, "set_timer", lambda *args, **kwargs: later.append(args))
        await pilot.press("slash")
        await searched(pilot, "bessemer")
        assert later  # the rest of the article was left for later
        top = reader.content_region.y
        rows = screen_lines(app)[top : top + 4]
        column = reader.content_region.x
        text = [row[column : column + reader.content_region.width] for row in rows]
        assert "Bessemer" in text[2], text
        assert "Bessemer" not in " ".join(text[:2]), text
