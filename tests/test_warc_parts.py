"""A large web archive is cut into parts of pages at record offsets (in a .warc.gz, each
record is a gzip member of its own), read and analysed apart: the same articles and ids as
the whole archive, on every core."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tui_reader.corpus import lines
from tui_reader.corpus.export import to_data
from tui_reader.corpus.loading import FileRef, Part, split
from tui_reader.store.pipeline import Loading

from .conftest import read_apart
from .test_warc import news_page

EMPTY = b"<html><body><a href='/a'>A</a></body></html>"


def crawl(path: Path, uris: list[str], *, gzip: bool = True) -> Path:
    """An archive of a news page for each address (an empty page for "empty"), each
    after its request record and before an image."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for number, uri in enumerate(uris):
        asked = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
        target = f"https://news.example.com/{uri}"
        writer.write_record(
            writer.create_warc_record(
                target, "request", payload=io.BytesIO(b""), http_headers=asked
            )
        )
        body = EMPTY if uri == "empty" else news_page(number)
        for kind, payload in (("text/html", body), ("image/png", b"\x89PNG")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    target, "response", payload=io.BytesIO(payload), http_headers=headers
                )
            )
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.timeout(30)
@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize("gzip", [True, False])
def test_the_parts_of_an_archive_read_as_the_whole_archive(tmp_path: Path, gzip: bool) -> None:
    """Seven pages, cut every two pages at the records of pages, give the whole archive's
    articles, named by address, and by number where an address comes again in a later part
    (`crawl#6`)."""
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    path = crawl(tmp_path / name, ["a", "b", "c", "d", "e", "a", "f"], gzip=gzip)
    apart = read_apart(FileRef(path, "crawl"))
    assert [part.first for part in apart.parts] == [1, 3, 5, 7]
    assert [part.renamed for part in apart.parts] == [
        frozenset(),
        frozenset(),
        frozenset({6}),
        frozenset(),
    ]
    assert (apart.sources, apart.problems) == apart.whole
    assert apart.problems == []
    ids = [source.id for source in apart.sources]
    assert ids[:2] == ["crawl#https://news.example.com/a", "crawl#https://news.example.com/b"]
    assert ids[5] == "crawl#6"


@pytest.mark.timeout(60)
@pytest.mark.usefixtures("small_parts")
def test_a_cut_archive_loads_on_two_workers_as_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loaded on two worker processes, the parts give the data `dump --json` prints of the
    archive read whole; the pages with no article are counted in a problem of their part,
    "1 of its pages from byte N held no article"."""
    path = crawl(tmp_path / "crawl.warc.gz", ["a", "empty", "b", "c", "empty", "d"])
    cut = Loading([path], workers=2).run()
    monkeypatch.setattr(lines, "SPLIT_FROM", 1 << 40)
    whole = Loading([path]).run()
    assert to_data(cut)["articles"] == to_data(whole)["articles"]
    assert [p.reason for p in whole.problems] == ["2 of its pages held no article: skipped"]
    reasons = [p.reason for p in cut.problems]
    assert len(reasons) == 2
    assert all(r.startswith("1 of its pages from byte ") for r in reasons)


@pytest.mark.timeout(30)
@pytest.mark.usefixtures("small_parts")
def test_an_archive_that_cannot_be_cut_is_one_part(tmp_path: Path) -> None:
    """An archive gzipped whole (not a gzip member a record) and a file that is no
    archive are not cut: each is one part."""
    import gzip

    plain = crawl(tmp_path / "plain.warc", ["a", "b", "c"], gzip=False)
    whole_gz = tmp_path / "whole.warc.gz"
    whole_gz.write_bytes(gzip.compress(plain.read_bytes()))
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"no archive here\n" * 100)
    for path in (whole_gz, junk):
        assert split(FileRef(path, path.stem)) == [Part(FileRef(path, path.stem))]
