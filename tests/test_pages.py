"""Saved web pages: one article each, with its title, date, author, site and links; pages
with no article named and skipped; bad markup and charsets read without a traceback; and
nothing fetched, ever."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
from pathlib import Path

import pytest

from tui_reader.corpus import charset, html
from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.model import Article
from tui_reader.corpus.text import links_in
from tui_reader.corpus.titles import Evidence, page_title

PAGES = Path(__file__).parent / "data" / "pages"
pytestmark = pytest.mark.timeout(30)


def only(corpus_path: Path) -> Article:
    corpus = open_corpus([corpus_path])
    assert corpus.problems == []
    (article,) = corpus.articles
    return article


def test_a_news_page_is_one_article_with_its_metadata() -> None:
    """The page's headline (not "… | Coastal - The Gull Gazette"), its date, author, site
    and canonical URL; its paragraphs and its subheading, and none of the menu, the side
    list, the footer or the script."""
    article = only(PAGES / "news.html")
    assert article.title == "Harbour Bridge Reopens After Storm Repairs"
    assert article.published == dt.date(2024, 3, 5)
    assert article.published_from == "html"
    assert article.author == "Jane Marlow"
    assert article.site == "The Gull Gazette"
    assert article.url == "https://gullgazette.example/coastal/harbour-bridge-reopens"
    text = "\n".join(article.paragraphs)
    assert article.paragraphs[0].startswith("The Harbour Bridge reopened to traffic")
    assert "Priya Raman" in text
    for junk in ("Most read", "All rights reserved", "Tracking script", "Sign in", "color"):
        assert junk not in text
    heading = article.paragraphs.index("Traffic returns to the old town")
    assert heading in article.headings


def test_the_links_of_a_page_stay_without_markup_in_its_text() -> None:
    """The link of "full inspection report" is kept beside the text, which reads as plain
    words: the link keys offer it, after the article's own URL."""
    article = only(PAGES / "news.html")
    assert article.links == ["https://gullgazette.example/reports/bridge-inspection"]
    paragraph = next(p for p in article.paragraphs if "inspection report" in p)
    assert "published a full inspection report and says" in paragraph
    assert "<" not in paragraph
    assert "](" not in paragraph
    assert links_in(article.paragraphs) == []


@pytest.mark.parametrize(
    ("title", "evidence", "site", "host", "headline"),
    [
        ("Budget Vote Delayed | The Daily Ledger", Evidence(), "The Daily Ledger", None, None),
        ("Budget Vote Delayed - The Daily Ledger - Politics", Evidence(), "The Daily Ledger",
         None, None),
        ("The Daily Ledger: Budget Vote Delayed", Evidence(), None, None, None),
        ("Budget Vote Delayed - Politics - dailyledger.com", Evidence(sections=("Politics",)),
         None, "www.dailyledger.com", None),
        ("Budget Vote Delayed » News", Evidence(headings=("Budget Vote Delayed",)), None, None,
         None),
        ("Budget Vote - Delayed Again", Evidence(), None, None, "Budget Vote - Delayed Again"),
        ("The Daily Ledger", Evidence(headings=("Budget Vote Delayed",)), "The Daily Ledger",
         None, None),
        ("Budget Vote Delayed - Daily Ledger - News and Views", Evidence(),
         "Daily Ledger - News and Views", None, None),
    ],
)  # fmt: skip
def test_the_site_and_section_leave_a_title_by_the_pages_own_evidence(
    title: str, evidence: Evidence, site: str | None, host: str | None, headline: str | None
) -> None:
    """The part that names the site (og:site_name, the host; in one part or several) goes
    with the labels beyond it; the part that is the <h1> is kept alone; a title that is
    only the site's name gives way to the <h1>; with no evidence the title stays whole."""
    expected = headline or "Budget Vote Delayed"
    if title.startswith("The Daily Ledger:"):
        expected = title  # ": " joins a headline's words: no evidence, nothing cut
    assert page_title(title, evidence, site, host) == expected


@pytest.mark.parametrize("name", ["index.html", "login.html"])
def test_a_page_with_no_article_is_named_and_skipped(tmp_path: Path, name: str) -> None:
    """An index of links and a login form give no article; the problems list names the
    file and says why."""
    shutil.copy(PAGES / name, tmp_path / name)
    corpus = open_corpus([tmp_path])
    assert corpus.articles == []
    (problem,) = corpus.problems
    assert problem.path == str(tmp_path / name)
    assert problem.reason == html.NO_ARTICLE


ROUNDUP = [
    ("harbourwatch", "The lighthouse keeper's last logbook, page by page",
     "A slow read, and worth it."),
    ("saltmarsh", "Why oyster beds are moving north a little each decade", "The maps say more."),
    ("ferrydiary", "A winter crossing in the old paddle steamer, told by its engineer",
     "I had no idea it still ran."),
    ("quayside", "The families who still mend the nets by hand on the east quay",
     "Lovely photographs."),
    ("tideline", "Counting terns on a shingle spit through one long summer",
     "Patience, described well."),
    ("portrecord", "The last rope works on the estuary closes its doors after a century",
     "Sad, but well told."),
]  # fmt: skip
"""A week's reading: another site each, the headline of its page, a line of prose on it."""
HARBOUR = [
    ("https://www.gullgazette.example/harbour/pontoons",
     "New pontoons open on the west side of the inner harbour"),
    ("https://gullgazette.example/harbour/dredging",
     "Dredging of the channel delayed until the autumn storms pass"),
    ("https://news.gullgazette.example/harbour/pilot-boat",
     "The pilot boat is back in service after a month of repairs"),
    ("https://gullgazette.example/harbour/fish-market",
     "Fish market hours change for the summer season from June"),
    ("/harbour/moorings", "Mooring fees rise by four per cent for visiting yachts"),
]  # fmt: skip
"""A section's headlines, each leading within the site of www.gullgazette.example."""


def links_page(canonical: str, heading: str, items: str, prose: str = "") -> str:
    """A dated page at `canonical`: its heading, then `prose` and a list of `items`."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{heading}</title>"
        f"<link rel='canonical' href='{canonical}'><meta property='article:published_time' "
        "content='2024-05-10T09:00:00+00:00'></head><body>"
        f"<h1>{heading}</h1><div class='entry-content'>{prose}<ul>{items}</ul></div>"
        "</body></html>"
    )


def test_a_roundup_of_links_to_other_sites_is_an_article(tmp_path: Path) -> None:
    """A blog post that is mostly the headlines of other sites' pages, with prose around
    them, is an article, however much of its text is link text: only links within the
    page's own site make it an index."""
    items = "\n".join(
        f"<li><p><a href='https://www.{host}.example/2024/05/piece'>{headline}</a></p>"
        f"<p>{note}</p></li>"
        for host, headline, note in ROUNDUP
    )
    prose = "<p>Six things I read this week, and why each one stayed with me.</p>"
    canonical = "https://tidewater.example/2024/05/links-of-the-week"
    (tmp_path / "roundup.html").write_text(links_page(canonical, "Links of the week", items, prose))
    article = only(tmp_path / "roundup.html")
    assert article.title == "Links of the week"
    assert article.published == dt.date(2024, 5, 10)
    assert article.links == [f"https://www.{host}.example/2024/05/piece" for host, *_ in ROUNDUP]
    assert "I had no idea it still ran." in article.paragraphs


def test_an_index_of_its_own_sites_headlines_is_still_skipped(tmp_path: Path) -> None:
    """Bare headlines that lead within the page's own site (its host with or without
    "www.", another host of the site, a relative link) are an index, and skipped."""
    items = "\n".join(f"<li><a href='{href}'>{headline}</a></li>" for href, headline in HARBOUR)
    canonical = "https://www.gullgazette.example/harbour/"
    (tmp_path / "harbour.html").write_text(links_page(canonical, "Harbour", items))
    corpus = open_corpus([tmp_path])
    assert corpus.articles == []
    assert [problem.reason for problem in corpus.problems] == [html.NO_ARTICLE]


def test_a_mixed_folder_of_text_and_pages(tmp_path: Path) -> None:
    """A text file and a page are two articles; the index beside them is one problem."""
    (tmp_path / "note.txt").write_text("Ferry notes\n\nThe ferry ran late on Monday.\n")
    for name in ("news.html", "index.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    (tmp_path / "other.HTM").write_bytes((PAGES / "news.html").read_bytes())
    corpus = open_corpus([tmp_path])
    titles = sorted(article.title for article in corpus.articles)
    assert titles == ["Ferry notes", *["Harbour Bridge Reopens After Storm Repairs"] * 2]
    assert [p.path for p in corpus.problems] == [str(tmp_path / "index.html")]


def news(encoding: str, declared: str | None) -> bytes:
    meta = f'<meta charset="{declared}">' if declared else ""
    body = "<p>Le café de la Gare a rouvert ses portes à Zürich, après des années de travaux.</p>"
    page = f"<html><head>{meta}<title>Café</title></head><body>{body * 4}</body></html>"
    return page.encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [
        ("utf-8", "utf-8"),
        ("utf-8", "iso-8859-1"),  # saved as UTF-8, still declaring Latin-1
        ("cp1252", "utf-8"),  # declared UTF-8, written in cp1252
        ("iso-8859-1", "iso-8859-1"),
        ("cp1252", None),
        ("utf-16", None),  # with its byte-order mark
    ],
)
def test_charsets_declared_wrongly_or_not_at_all(encoding: str, declared: str | None) -> None:
    """The accented words read right whatever the declaration says."""
    text = charset.decode(news(encoding, declared))
    assert "Le café de la Gare a rouvert ses portes à Zürich" in text


def test_a_page_of_one_encoding_with_a_slip_of_the_other() -> None:
    """In pages of 40 KB: a Latin-1 page that quotes one UTF-8 "ü" (a widget's, say) is
    Latin-1, not UTF-8 with its own letters taken for slips; a UTF-8 page with one stray
    Latin-1 byte is UTF-8."""
    filler = b"<p>" + b"The ferry ran late. " * 2000 + b"</p>"
    quoted = news("iso-8859-1", "iso-8859-1").replace(b"<p>", filler + b"<p>", 1)
    quoted = quoted.replace(b"</body>", "<p>Kein DJ für</p>".encode() + b"</body>")
    assert "Le café de la Gare a rouvert ses portes à Zürich" in charset.decode(quoted)
    stray = news("utf-8", "iso-8859-1").replace(b"</body>", filler + b"caf\xe9</body>")
    assert "Le café de la Gare a rouvert ses portes à Zürich" in charset.decode(stray)


def test_an_unknown_charset_and_undecodable_bytes_do_not_fail() -> None:
    """A charset Python does not know is ignored; bytes no encoding reads still decode."""
    assert "café" in charset.decode(news("utf-8", "x-no-such-charset"))
    assert charset.decode(b"<p>\x81\x8d\x8f\x90\x9d</p>").startswith("<p>")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01\x02\xff" * 500,
        b"<html><body><p>Cut in the middle of a ta",
        b"<html><head><title>x</title></head><body>" + b"<div>" * 5000 + b"deep",
        b'<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>x</p></body></html>',
        b"</p></div><p <p <<>>&&&;<!-- <![CDATA[ ]]>",
    ],
)
def test_malformed_pages_give_a_problem_or_an_article_never_a_traceback(
    tmp_path: Path, data: bytes
) -> None:
    """Empty, binary, truncated, deeply nested or broken markup: one line naming the file,
    or what text there is; the loading never raises."""
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    corpus = open_corpus([tmp_path])
    assert len(corpus.articles) + len(corpus.problems) == 1
    for problem in corpus.problems:
        assert problem.path == str(path)
        assert "\n" not in problem.reason


def test_a_truncated_news_page_is_still_an_article() -> None:
    """The first two thirds of the news page give its headline and first paragraphs."""
    data = (PAGES / "news.html").read_bytes()
    record = html.page(data[: len(data) * 2 // 3])
    assert record is not None
    assert record.title == "Harbour Bridge Reopens After Storm Repairs"
    assert "The Harbour Bridge reopened" in record.body


@pytest.mark.parametrize(("language", "date"), [("es", "2022-05-04"), ("en", "2022-05-03")])
def test_a_page_in_another_language_has_its_dates_read_in_it(language: str, date: str) -> None:
    """A Spanish page gives the date of its story's line ("miércoles, 4 de mayo de 2022"),
    not the number of a teaser below it; a page in English has no such dates to read, and
    its search stays quick, taking the number."""
    story = "<p>El tribunal escuchó el caso el lunes y resolverá más adelante este año.</p>" * 4
    page = (
        f"<html lang='{language}'><head><title>Un caso</title></head><body><article>"
        "<h1>Un caso</h1><strong class='date'>miércoles, 4 de mayo de 2022</strong>"
        f"{story}</article><div class='date'><span>03-05-2022</span></div></body></html>"
    )
    record = html.page(page)
    assert record is not None
    assert record.date == date


def test_dates_are_parsed_in_the_page_language_and_english_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """dateparser, left to itself, tries its 200 locales on every string, and compiles each
    one's patterns: seconds on a process's first pages. A Spanish page's dates are tried in
    Spanish and English only, one in a language dateparser lacks in English, and a page that
    names no language in those of the script of its letters (Cyrillic)."""
    from dateparser import DateDataParser

    tried: list[list[str]] = []
    parse = DateDataParser.get_date_data

    def recorded(parser: DateDataParser, text: str) -> object:
        tried.append(list(parser.languages or ["every"]))
        return parse(parser, text)

    monkeypatch.setattr(DateDataParser, "get_date_data", recorded)
    story = "<p>El tribunal escuchó el caso el lunes y resolverá más adelante este año.</p>" * 4
    for language in ("es", "zz"):
        # A date of its own: htmldate keeps what it parsed, for any page after.
        page = (
            f"<html lang='{language}'><body><article><h1>Un caso</h1><strong class='date'>"
            f"jueves, 12 de mayo de 2022 ({language})</strong>{story}</article></body></html>"
        )
        assert html.page(page) is not None
    assert tried
    assert {tuple(languages) for languages in tried} <= {("es", "en"), ("en",)}
    tried.clear()
    russian = "".join(
        f"<p>Лукас Подольски перешёл в японский клуб «Виссел Кобе», сообщил клуб в {n} раз.</p>"
        for n in range(4)
    )
    unnamed = (
        "<html><body><article><h1>Подольски</h1><p class='date'>15 августа 2016, 13:43</p>"
        f"{russian}</article><p>© 2019</p></body></html>"
    )
    record = html.page(unnamed)
    assert record is not None
    assert record.date == "2016-08-15"
    assert tried
    assert all(languages[:2] == ["ru", "uk"] for languages in tried)


def test_no_page_is_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With every connection refused, the pages load all the same and none is tried: not
    the canonical URL, not a URL given with the page, not the links in it."""
    tried: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        tried.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    shutil.copy(PAGES / "news.html", tmp_path / "news.html")
    assert only(tmp_path).title == "Harbour Bridge Reopens After Storm Repairs"
    record = html.page((PAGES / "news.html").read_text(), url="https://example.com/x")
    assert record is not None
    assert record.date == "2024-03-05"
    assert tried == []


def test_markup_and_controls_in_a_page_never_reach_the_terminal(tmp_path: Path) -> None:
    """Escape sequences, bidi overrides and escaped tags in the title, the metadata and the
    text arrive as plain characters: no control character, and the tags as words."""
    hostile = "Evil\x1b[31m \u202eHeadline\x07 &lt;b&gt;bold&lt;/b&gt;"
    paragraphs = "".join(
        f"<p>{hostile} appears in paragraph {n} of an article long enough to be one.</p>"
        for n in range(1, 4)
    )
    page = (
        f"<html><head><title>{hostile}</title><meta name='author' content='A\x1b]0;x\x07 B'>"
        f"<meta property='og:site_name' content='Site\x1b[2J'></head>"
        f"<body><article>{paragraphs}<script>alert('\x1b[31m')</script></article></body></html>"
    )
    (tmp_path / "hostile.html").write_text(page)
    article = only(tmp_path)
    shown = [article.title, article.author or "", article.site or "", *article.paragraphs]
    for text in shown:
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in text), text
        assert "\u202e" not in text
        assert "alert" not in text
    # Data, shown as the characters they are (the first paragraph opens with the title,
    # which leaves it).
    assert "<b>bold</b>" in article.paragraphs[1]


def test_a_fragment_as_plain_paragraphs() -> None:
    """A feed entry's HTML: paragraphs apart, line breaks kept, entities decoded, scripts,
    styles and comments gone, and a fragment with no text at all is empty."""
    fragment = (
        "<p>First <b>bold</b> words<br>and a second line</p><script>track()</script>"
        "<style>p{}</style><ul><li>one</li><li>two &amp; three</li></ul>tail<!-- note -->end"
    )
    assert html.fragment_text(fragment) == (
        "First bold words\nand a second line\n\none\n\ntwo & three\n\ntailend"
    )
    assert html.fragment_text("") == html.fragment_text("<!-- -->") == ""


def test_a_bug_in_extraction_keeps_the_page_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should trafilatura raise, the page is still an article: its text without markup,
    and the problem says what went wrong."""
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    shutil.copy(PAGES / "news.html", tmp_path / "news.html")
    (article,) = open_corpus([tmp_path]).articles
    assert [str(problem) for problem in article.problems] == ["format: RuntimeError: a bug"]
    assert any(p.startswith("The Harbour Bridge reopened") for p in article.paragraphs)
    assert not any("<" in p or "Tracking script" in p for p in article.paragraphs)


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.Example.COM:8080/a", "example.com"),
        ("http://user:secret@news.example.com/", "example.com"),
        ("https://example.com./x", "example.com"),
        ("/relative/link", None),
        ("mailto:desk@example.com", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_a_links_site_is_its_hosts_last_two_labels(url: str | None, site: str | None) -> None:
    """What counts as the page's own site, for telling an index from a roundup: the host
    without port, user, case, "www." or other subdomain, or a trailing dot; nothing for a
    link with no host, or a malformed one."""
    assert html._site(url) == site
