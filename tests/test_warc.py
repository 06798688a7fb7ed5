"""Web archives: the HTML pages of a WARC file, read as a stream, and one that is damaged or
cut short is said to be, after the pages before the damage."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tui_reader.corpus import warc
from tui_reader.corpus.analysis import open_corpus

pytestmark = pytest.mark.timeout(30)
PAGE = b"<p>Caf\xe9</p>"


def archive(*, gzip: bool = True, pages: int = 3) -> bytes:
    """A WARC of `pages` HTML responses, each between a request and an image."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for number in range(pages):
        uri = f"https://example.com/news/{number}"
        asked = StatusAndHeaders(f"GET /news/{number} HTTP/1.1", [], is_http_request=True)
        request = writer.create_warc_record(
            uri, "request", payload=io.BytesIO(b""), http_headers=asked
        )
        writer.write_record(request)
        for kind, body in (("text/html; charset=iso-8859-1", PAGE), ("image/png", b"\x89PNG")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return out.getvalue()


@pytest.mark.parametrize("gzip", [True, False])
def test_the_html_responses_are_the_pages(gzip: bool) -> None:
    """Each HTML response is a page with its address, its record's id and its charset;
    requests and images are passed over."""
    found = list(warc.pages(io.BytesIO(archive(gzip=gzip))))
    assert [page.uri for page in found] == [f"https://example.com/news/{n}" for n in range(3)]
    assert {page.html for page in found} == {PAGE}
    assert {page.charset for page in found} == {"iso-8859-1"}
    assert all(page.record_id.startswith("<urn:uuid:") for page in found)


@pytest.mark.parametrize("gzip", [True, False])
def test_an_archive_cut_anywhere_says_so_after_the_pages_before(gzip: bool) -> None:
    """Cut at any byte inside a record, an archive gives the whole pages before the cut,
    then `Broken`; never a page cut short, never silence. (Cut between two records, it is a
    shorter archive, whole.)"""
    data = archive(gzip=gzip)
    whole = list(warc.pages(io.BytesIO(data)))
    if gzip:  # each record is a gzip member of its own
        ends = [at for at in range(1, len(data) + 1) if data[at : at + 3] in (b"\x1f\x8b\x08", b"")]
        between = set(ends)
    else:  # each record is followed by two line ends
        ends = [at + 4 for at in range(len(data)) if data[at : at + 9] == b"\r\n\r\nWARC/"]
        between = {at for end in [*ends, len(data)] for at in range(end - 4, end + 1)}
    for cut in sorted(set(range(1, len(data), 5)) - between):  # a fifth of them: enough
        given: list[warc.Page] = []
        with pytest.raises(warc.Broken):
            given.extend(warc.pages(io.BytesIO(data[:cut])))
        assert given == whole[: len(given)], cut


def test_what_is_no_archive_is_said_to_be() -> None:
    """A file of another kind, or damaged gzip data, is `Broken` with a reason, and warcio
    prints nothing of its own."""
    with pytest.raises(warc.Broken, match="not a web archive"):
        list(warc.pages(io.BytesIO(b"hello, this is no archive")))
    damaged = bytearray(archive())
    damaged[40:60] = bytes(20)
    with pytest.raises(warc.Broken, match="damaged"):
        list(warc.pages(io.BytesIO(bytes(damaged))))


def test_archive_names() -> None:
    """WARC and ARC files are known by their names, compressed or not."""
    assert all(map(warc.is_archive, ["a.warc", "B.WARC.GZ", "c.arc", "d.arc.gz"]))
    assert not any(map(warc.is_archive, ["a.gz", "warc.txt", "a.warcx"]))


def news_page(number: int) -> bytes:
    """A news page of our own writing: a title with the site's name, a date, paragraphs."""
    paragraphs = "".join(
        f"<p>Workers at warehouse {number} on Staten Island voted on Friday to join the "
        f"Amazon Labor Union, paragraph {n} says, in a count that took two days.</p>"
        for n in range(4)
    )
    return (
        f"<html><head><title>Union wins vote {number} | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2022-04-01">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>Union wins vote {number}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def test_an_archive_s_news_pages_are_articles(tmp_path: Path) -> None:
    """Each news page of an archive is an article named by its address, with its title,
    date and site; the pages with no article are counted in one problem."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    bodies = [news_page(1), news_page(2), b"<html><body><a href='/a'>A</a></body></html>"]
    for number, body in enumerate(bodies):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        uri = f"https://news.example.com/{number}"
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    (tmp_path / "crawl.warc.gz").write_bytes(out.getvalue())
    corpus = open_corpus([tmp_path])
    articles = sorted(corpus.articles, key=lambda article: article.id)
    assert [a.id for a in articles] == [f"crawl.warc#https://news.example.com/{n}" for n in (0, 1)]
    assert [a.title for a in articles] == ["Union wins vote 1", "Union wins vote 2"]
    assert {(str(a.published), a.site) for a in articles} == {("2022-04-01", "Example News")}
    assert [p.reason for p in corpus.problems] == ["1 of its pages held no article: skipped"]
