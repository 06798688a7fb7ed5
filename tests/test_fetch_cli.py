"""The command line on the web, against a local HTTP server started here: an address
opened and read offline later, subscriptions imported and opened, `--full`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tui_reader.cli import main

from .webserver import Server, server

pytestmark = pytest.mark.timeout(20)
__all__ = ["server"]  # the fixture: pytest finds it here by its name


def test_the_reader_opens_a_url_and_reads_it_offline_later(
    server: Server, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """`dump --json URL` gives the feed's items; with the server gone, `--refresh` says in
    one line that it could not connect, and gives the same items, with the same ids."""
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path))
    url = server.url + "/feed.xml"
    assert main(["dump", "--json", url]) == 0
    ids = [a["id"] for a in json.loads(capsys.readouterr().out)["articles"]]
    assert sorted(ids) == ["harbour-1", "https://harbour.example/wall"]
    (meta,) = (tmp_path / "data" / "fetched").glob("*.meta")
    record = json.loads(meta.read_text())
    meta.write_text(json.dumps({**record, "checked": record["checked"] - 3600}))  # due
    server.stop()
    assert main(["dump", "--json", "--refresh", url]) == 0
    captured = capsys.readouterr()
    assert [a["id"] for a in json.loads(captured.out)["articles"]] == ids
    assert captured.err == (
        f"tui-reader: {url}: could not connect (refused, or no network); the copy kept is read\n"
    )


def test_import_adds_to_the_subscriptions_and_feeds_opens_them(
    server: Server, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """`import FILE.opml` adds its feeds once, and names what is no web address; `--feeds`
    opens them all, a failing one a line of its own."""
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path))
    url = server.url
    outline = "".join(f'<outline xmlUrl="{url}{n}"/>' for n in ("/feed.xml", "/atom", "/broken"))
    listing = tmp_path / "mine.opml"
    listing.write_text(f'<opml><body>{outline}<outline xmlUrl="file:///etc/x"/></body></opml>')
    assert main(["import", str(listing)]) == 0
    assert main(["import", str(listing)]) == 0
    out, errors = capsys.readouterr()
    assert f"3 feeds added to {tmp_path / 'feeds'}" in out
    assert "0 feeds added" in out
    skipped = f"tui-reader: {listing}: not a web address (http or https), skipped: file:///etc/x\n"
    assert errors == skipped * 2
    assert main(["dump", "--json", "--feeds"]) == 0
    captured = capsys.readouterr()
    sources = {a["site"] for a in json.loads(captured.out)["articles"]}
    assert sources == {"Harbour Gazette", "Valley Ledger"}
    assert f"{url}/broken: HTTP 500 Internal Server Error" in captured.err


def test_full_reads_each_summary_items_page_in_its_place(
    server: Server, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """With `--full`, the item that carries only a summary has its page's article as its
    text, with its own id, title and feed; the one whose page is missing keeps its summary,
    and says so in one line."""
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path))
    url = server.url + "/summaries.xml"
    assert main(["dump", "--json", "--full", url]) == 0
    captured = capsys.readouterr()
    articles = {a["id"]: a for a in json.loads(captured.out)["articles"]}
    assert articles["vl-bridge"]["paragraphs"][0].startswith("The new bridge over the Elm River")
    assert articles["vl-bridge"]["site"] == "Valley Ledger"
    assert articles["vl-gone"]["paragraphs"] == ["Only this summary."]
    assert captured.err == f"tui-reader: {server.url}/missing: HTTP 404 Not Found\n"
    assert main(["dump", "--json", url]) == 0  # without --full: the summaries
    plain = {a["id"]: a for a in json.loads(capsys.readouterr().out)["articles"]}
    assert plain["vl-bridge"]["paragraphs"] == ["The bridge opened."]


async def test_the_reader_opens_at_once_and_shows_the_fetching(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader is up while a slow feed is still being fetched, its bar counting the two
    addresses ("Loading 1 / 2": the missing one is done); then the feed's two items are
    listed."""
    from tui_reader.fetch.loading import Fetching
    from tui_reader.fetch.session import Web
    from tui_reader.ui.app import ReaderApp

    from .conftest import screen_text, until

    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path))
    app = ReaderApp(Fetching(Web(addresses=[server.url + "/slow", server.url + "/missing"]), []))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: re.search(r"Loading [01] / 2", screen_text(app)) is not None)
        await until(pilot, lambda: len(app.corpus.articles) == 2)
        assert "Ferry returns & docks" in screen_text(app)
