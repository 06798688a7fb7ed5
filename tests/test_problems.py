"""No article is lost to an internal error, and none can stall a load: each stage of an
article's analysis is isolated, and what went wrong is a problem of that article."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from tui_reader.corpus import analysis, cleaning, dates, entities, formats
from tui_reader.corpus.analysis import analyse, build, open_corpus
from tui_reader.corpus.budget import Budget
from tui_reader.corpus.export import to_data
from tui_reader.corpus.loading import FileRef, Part, Source
from tui_reader.corpus.model import Article, Corpus
from tui_reader.corpus.stopping import Stop, never
from tui_reader.store import packing

BODY = (
    "Workers vote\n\n"
    "Workers at the warehouse in Albany voted on Friday to join the union, said Jane Doe.\n\n"
    "The result was announced on April 1, 2022, by the labor board."
)


def boom(*args: object, **kwargs: object) -> Any:
    raise IndexError("a bug")


def one(corpus: Corpus) -> Article:
    (article,) = corpus.articles
    return article


def names(corpus: Corpus) -> set[str]:
    return {entity.name for entity in corpus.entities.values()}


def test_cleaning_that_raises_keeps_the_raw_text_and_the_later_stages_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The article shows its raw paragraphs (its title line among them), and its dates and
    names are still found in them."""
    monkeypatch.setattr(analysis, "clean", boom)
    corpus = build([Source("a", "a.txt", BODY)])
    article = one(corpus)
    assert article.paragraphs[0] == "Workers vote"
    assert [(p.stage, p.kind, p.message) for p in article.problems] == [
        ("cleaning", "error", "IndexError: a bug")
    ]
    assert "Jane Doe" in names(corpus)
    assert any(event.date == "2022-04-01" for event in article.events)


def test_dates_that_raise_leave_the_cleaned_text_and_the_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dates, "find", boom)
    corpus = build([Source("a", "a.txt", BODY)])
    article = one(corpus)
    assert article.title == "Workers vote"
    assert article.events == []
    assert article.published is None
    assert [p.stage for p in article.problems] == ["dates"]
    assert "Jane Doe" in names(corpus)


def test_names_that_raise_leave_the_text_and_the_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entities, "extract", boom)
    corpus = build([Source("a", "a.txt", BODY)])
    article = one(corpus)
    assert [p.stage for p in article.problems] == ["entities"]
    assert not corpus.entities
    assert article.events


def test_resolving_that_fails_on_one_articles_names_costs_only_that_article_its_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Entities are resolved across the corpus; names that make that raise cost their own
    article its names, and the other articles keep theirs."""
    real = entities.resolve

    def fragile(articles: Mapping[str, Sequence[entities.Candidate]], stopped: Stop = never) -> Any:
        if any(c.name == "Boom Town" for found in articles.values() for c in found):
            raise KeyError("a bug")
        return real(articles, stopped)

    monkeypatch.setattr(entities, "resolve", fragile)
    corpus = build([Source("a", "a.txt", BODY), Source("b", "b.txt", "He lives in Boom Town.")])
    assert "Jane Doe" in names(corpus)
    assert not corpus.article("a").problems
    assert [p.stage for p in corpus.article("b").problems] == ["entities"]
    assert list(corpus.article("b").mentions) == []


def test_a_format_that_raises_keeps_the_file_as_an_article_of_its_raw_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "text_record", boom)
    (tmp_path / "a.md").write_text("---\ntitle: Workers vote\n---\n" + BODY)
    article = one(open_corpus([tmp_path]))
    assert article.paragraphs[0].startswith("---")
    assert [(p.stage, p.kind) for p in article.problems] == [("format", "error")]


def catastrophic(raw: str, title: str | None = None, **kwargs: object) -> Any:
    """A pattern that backtracks without end on a line of 40 letters: minutes of C code."""
    return re.match(r"(a+)+$", "a" * 40 + "b")


@pytest.mark.timeout(10)
def test_a_stage_that_runs_past_the_budget_is_stopped_even_inside_a_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In the main thread a timer stops even a running regular expression: the article is
    kept with its raw text, and the stages after it are not run."""
    monkeypatch.setattr(analysis, "clean", catastrophic)
    article, candidates = analyse(Source("a", "a.txt", BODY), Budget(0.2))
    assert article.paragraphs[0] == "Workers vote"
    assert [(p.stage, p.kind) for p in article.problems] == [("cleaning", "timeout")]
    assert article.events == []
    assert candidates == []


def endless(raw: str, title: str | None = None, check: Callable[[], None] = lambda: None) -> Any:
    while True:
        check()


@pytest.mark.timeout(10)
def test_in_another_thread_the_budget_is_checked_between_paragraphs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reader analyses a small corpus in a thread of its own, where no timer can
    interrupt; the stages check the budget as they go."""
    monkeypatch.setattr(analysis, "clean", endless)
    done: list[Article] = []
    worker = threading.Thread(
        target=lambda: done.append(analyse(Source("a", "a.txt", BODY), Budget(0.2))[0])
    )
    worker.start()
    worker.join(5)
    (article,) = done
    assert [(p.stage, p.kind) for p in article.problems] == [("cleaning", "timeout")]


def test_problems_are_in_the_dump_and_survive_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """`dump --json` gives each article's problems as {stage, kind, message}, and the
    files that could not be read as {path, url, message}; the cache keeps them."""
    monkeypatch.setattr(dates, "find", boom)
    corpus = build([Source("a", "a.txt", BODY)])
    data = to_data(corpus)
    assert data["articles"][0]["problems"] == [
        {"stage": "dates", "kind": "error", "message": "IndexError: a bug"}
    ]
    assert data["problems"] == []
    ref = FileRef(Path("a.txt"), "a")
    analysed, _ = packing.unpack(packing.pack([(one(corpus), [])], []), Part(ref))
    assert analysed[0][0].problems == one(corpus).problems


def test_a_file_that_cannot_be_read_is_a_problem_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    data = to_data(open_corpus([tmp_path / "bad.json"]))
    assert data["problems"] == [
        {"path": str(tmp_path / "bad.json"), "url": None, "message": "not valid JSON"}
    ]


def test_a_timer_set_before_the_analysis_runs_on_after_it() -> None:
    """The budget's timer is the process's only one: a timer someone else set (a test's
    time limit) is put back, less the time the analysis took."""
    signal.setitimer(signal.ITIMER_REAL, 50)
    try:
        analyse(Source("a", "a.txt", BODY))
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 45 < left <= 50
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


@pytest.mark.timeout(10)
def test_a_load_of_many_articles_stops_each_one_past_its_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Over a load the timer's handler is installed once (`alarms`), and each article still
    has a timer of its own: the one stuck in a pattern is stopped and kept with its raw text,
    the one after it is analysed whole, and then the handler and a timer set before are put
    back."""
    monkeypatch.setattr(analysis, "Budget", lambda: Budget(0.2))
    real_clean = cleaning.clean

    def stuck_on_a(raw: str, title: str | None = None, **kwargs: Any) -> Any:
        return catastrophic(raw) if raw.startswith("stuck") else real_clean(raw, title, **kwargs)

    monkeypatch.setattr(analysis, "clean", stuck_on_a)

    def mine(signum: int, frame: object) -> None:
        raise AssertionError("the earlier handler ran during the load")

    earlier = signal.signal(signal.SIGALRM, mine)
    signal.setitimer(signal.ITIMER_REAL, 50)
    try:
        corpus = build([Source("a", "a.txt", "stuck\n\n" + BODY), Source("b", "b.txt", BODY)])
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert signal.getsignal(signal.SIGALRM) is mine
        assert 45 < left <= 50
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, earlier)
    stuck, whole = sorted(corpus.articles, key=lambda a: a.id)
    assert [(p.stage, p.kind) for p in stuck.problems] == [("cleaning", "timeout")]
    assert whole.problems == []
    assert whole.title == "Workers vote"
    assert whole.events
