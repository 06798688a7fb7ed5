"""Where each article came from, in `dump --json`: its kind of source and the addresses,
record ids and rows that apply, the others null; the same from the analysis cache. A page
opened by its address is named by its canonical URL, or else by the address."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tui_reader.cli import main
from tui_reader.corpus.export import to_data
from tui_reader.store.cache import Cache, pipeline_version
from tui_reader.store.pipeline import Loading

from .webserver import FEEDS, Server, server

pytestmark = pytest.mark.timeout(30)
__all__ = ["server"]  # the fixture: pytest finds it here by its name
BODY = "Workers at the warehouse on Staten Island voted on Friday to join the union. " * 3
NULLS = {"url": None, "feed": None, "warc_record_id": None, "row": None}


def page(title: str) -> bytes:
    """A news page of our own writing."""
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{BODY}</p><p>{BODY}</p></article></body></html>"
    ).encode()


def crawl() -> bytes:
    """A web archive of one page."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://news.example.com/vote", "response", payload=io.BytesIO(page("Vote")),
        http_headers=headers,
    )  # fmt: skip
    writer.write_record(record)
    return out.getvalue()


def origins(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {article["id"]: article["origin"] for article in data["articles"]}


def test_each_source_says_what_it_is_and_the_cache_keeps_it(tmp_path: Path) -> None:
    """A text file and a JSON export's records are files (the record's number is in the
    id, not a row); a table's rows have their numbers; a feed file's items their links and
    no feed address; an archived page its address and its WARC-Record-ID. The analysis
    cache gives the same origins back."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "note.txt").write_text(f"A note\n\n{BODY}")
    (folder / "export.json").write_text(json.dumps([{"title": "One", "text": BODY}] * 2))
    (folder / "rows.csv").write_text(f"title,text\nFirst,{BODY}\nSecond,{BODY}\n")
    (folder / "news.xml").write_bytes((FEEDS / "rss2.xml").read_bytes())
    (folder / "crawl.warc.gz").write_bytes(crawl())
    cache = Cache(tmp_path / "analysis.sqlite3", pipeline_version())
    cold = origins(to_data(Loading([folder], cache=cache).run()))
    warm = origins(to_data(Loading([folder], cache=cache).run()))
    assert warm == cold
    path = str(folder)
    assert cold["note"] == {**NULLS, "kind": "file", "path": f"{path}/note.txt"}
    assert cold["export#2"] == {**NULLS, "kind": "file", "path": f"{path}/export.json"}
    assert cold["rows#2"] == {**NULLS, "kind": "csv", "path": f"{path}/rows.csv", "row": 2}
    assert cold["harbour-1"] == {
        **NULLS, "kind": "feed", "path": f"{path}/news.xml", "url": "https://harbour.example/ferry"
    }  # fmt: skip
    archived = cold["crawl.warc#https://news.example.com/vote"]
    record_id = archived["warc_record_id"]
    assert record_id.startswith("<urn:uuid:")
    assert archived == {
        **NULLS, "kind": "warc", "path": f"{path}/crawl.warc.gz",
        "url": "https://news.example.com/vote", "warc_record_id": record_id,
    }  # fmt: skip


def test_web_articles_know_their_addresses_and_pages_are_named_by_them(
    server: Server, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """A page opened by its address is named by its canonical URL, its origin the address
    asked for; one with no canonical link is named by that address, and its site is the
    server's. A feed's items fetched know the feed's address."""
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path))
    story, plain, feed = (server.url + name for name in ("/story.html", "/plain.html", "/feed.xml"))
    assert main(["dump", "--json", story, plain, feed]) == 0
    articles = {a["id"]: a for a in json.loads(capsys.readouterr().out)["articles"]}
    assert sorted(articles) == sorted(
        ["https://valley.example/bridge-opens", plain, "harbour-1", "https://harbour.example/wall"]
    )
    bridge = articles["https://valley.example/bridge-opens"]
    assert (bridge["origin"]["kind"], bridge["origin"]["url"]) == ("url", story)
    assert bridge["site"] == "Valley Ledger"
    assert articles[plain]["origin"]["url"] == plain
    assert articles[plain]["site"] == server.url.removeprefix("http://")
    item = articles["harbour-1"]["origin"]
    assert (item["kind"], item["feed"]) == ("feed", feed)
    assert item["url"] == "https://harbour.example/ferry"
