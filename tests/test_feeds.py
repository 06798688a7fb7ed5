"""Feed files become one article per item: RSS 0.91, 1.0 and 2.0, Atom and JSON Feed, told
apart by their content; lists of feeds (OPML, an address a line) give their addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.feedlists import NotAList, addresses, opml
from tui_reader.corpus.feeds import NotAFeed, kind, parse
from tui_reader.corpus.model import Corpus

pytestmark = pytest.mark.timeout(20)
FEEDS = Path(__file__).parent / "data" / "feeds"


def corpus_of(*names: str) -> Corpus:
    return open_corpus([FEEDS / name for name in names])


def test_each_format_gives_its_items_with_title_date_link_and_feed() -> None:
    """Every item is an article, named by its guid (else its link), its site its feed's
    title, with the item's title, date, author and link."""
    corpus = corpus_of("rss2.xml", "rss091.rss", "rss1.rdf", "atom.atom", "jsonfeed.json")
    seen = {
        a.id: (a.title, a.published and a.published.isoformat(), a.url, a.site)
        for a in corpus.articles
    }
    assert seen == {
        "harbour-1": ("Ferry returns & docks", "2021-09-06", "https://harbour.example/ferry",
                      "Harbour Gazette"),
        "https://harbour.example/wall": ("Harbour wall repaired", "2021-09-07",
                                         "https://harbour.example/wall", "Harbour Gazette"),
        "http://crier.example/cafe": ("Café reopens", None, "http://crier.example/cafe",
                                      "Old Town Crier"),
        "http://river.example/flood": ("Flood warning lifted", "2019-05-03",
                                       "http://river.example/flood", "River Notes"),
        "urn:valley:1": ("Council approves bridge", "2024-03-05",
                         "https://valley.example/bridge", "Valley Ledger"),
        "mesa-7": ("Rain at last", "2023-08-20", "https://mesa.example/rain", "Mesa Daily"),
    }  # fmt: skip
    assert corpus.problems == []


def test_item_html_is_text_only_with_its_paragraphs() -> None:
    """The full content wins over the summary; its script and tracking image are gone, its
    markup read, its paragraphs kept."""
    (ferry,) = [a for a in corpus_of("rss2.xml").articles if a.id == "harbour-1"]
    assert ferry.paragraphs == [
        "The ferry that left Portsmouth on Friday came back on Monday, said Anna Berg.",
        "Its crew of twelve were safe.",
    ]
    assert ferry.author == "desk@harbour.example (Ines Novak)"


def test_content_is_sniffed_not_taken_from_the_name(tmp_path: Path) -> None:
    """A JSON Feed in a .json file is a feed, a JSON export stays an export, an RSS feed in a
    .xml file without a declaration is a feed, and an HTML page is told apart."""
    assert kind((FEEDS / "jsonfeed.json").read_bytes()) == "feed"
    assert kind(b'[{"title": "t", "text": "Body."}]') is None
    assert kind(b"\n<!-- hi --><rss version='2.0'><channel/></rss>") == "feed"
    assert kind(b"<!DOCTYPE html><html><body/></html>") == "html"
    export = tmp_path / "export.json"
    export.write_text('[{"title": "Plain", "text": "A body of text."}]')
    assert [a.id for a in open_corpus([export]).articles] == ["export#1"]


def test_a_latin1_feed_reads_its_declared_charset() -> None:
    """A feed that declares ISO-8859-1 has its é read as é."""
    (item,) = corpus_of("latin1.xml").articles
    assert item.title == "Café news"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("page.xml", "an HTML page, not a feed: skipped"),
        ("truncated.xml", "the feed is cut short: 2 items read before the cut"),
    ],
)
def test_a_bad_feed_is_one_problem_naming_it(name: str, reason: str) -> None:
    """An HTML page named like a feed is skipped, and a feed cut short keeps the items read
    before the cut: each is one problem naming the file."""
    corpus = corpus_of(name)
    assert [str(problem) for problem in corpus.problems] == [f"{FEEDS / name}: {reason}"]
    if name == "truncated.xml":
        assert [a.id for a in corpus.articles] == ["cut-1", "cut-2"]


@pytest.mark.parametrize(
    "data",
    [b"\x00\xff<rss", b"<html><body>x</body></html>", b'{"version": "https://jsonfeed.org/1", '],
)
def test_broken_bytes_are_one_line_never_an_exception(data: bytes) -> None:
    """Garbage, an HTML page and broken JSON are each `NotAFeed`, said in one line."""
    with pytest.raises(NotAFeed) as raised:
        parse(data, "x")
    assert "\n" not in str(raised.value)


def test_a_guid_repeated_in_one_feed_still_names_each_item_once() -> None:
    """Two items with one guid: the first keeps it, the second is named by its place."""
    assert [a.id for a in corpus_of("duplicates.xml").articles] == ["duplicates#2", "same"]


def test_opml_and_plain_lists_give_http_addresses_once_each() -> None:
    """OPML outlines at any depth, and lines of a plain list; no javascript: address, no
    repeat, comments and words after an address ignored, nor the byte-order mark a list
    may start with. What is no web address is kept apart, to be reported."""
    refused: list[str] = []
    assert opml((FEEDS / "subscriptions.opml").read_bytes(), refused) == [
        "https://harbour.example/feed.xml",
        "https://valley.example/atom",
    ]
    assert refused == ["javascript:alert(1)"]
    listed = b"# mine\nhttps://a.example/feed news\n\nftp://b.example/x\nhttps://a.example/feed\n"
    refused = []
    assert addresses(listed, refused) == ["https://a.example/feed"]
    assert refused == ["ftp://b.example/x"]
    assert addresses("\ufeffhttps://a.example/feed\n".encode()) == ["https://a.example/feed"]
    with pytest.raises(NotAList):
        opml(b"<rss/>")


def test_the_same_guid_in_two_feeds_is_two_articles(tmp_path: Path) -> None:
    """Two feeds that carry the same item (a site's front page and its section) give two
    articles: the second is named apart, by its file, and neither loses its names."""
    item = (
        "<item><guid>https://example.com/a</guid><title>{0}</title>"
        "<description>Workers at the Staten Island warehouse voted, said Chris Smalls."
        "</description></item>"
    )
    for name in ("front", "section"):
        channel = f"<channel><title>{name}</title>{item.format(name)}</channel>"
        (tmp_path / f"{name}.xml").write_text(f'<rss version="2.0">{channel}</rss>')
    articles = open_corpus([tmp_path]).articles
    assert sorted(a.id for a in articles) == [
        "https://example.com/a",
        f"https://example.com/a ({tmp_path / 'section.xml'})",
    ]
    assert all(a.mentions.entities for a in articles)
