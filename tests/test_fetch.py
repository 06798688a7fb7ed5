"""Fetching against a local HTTP server started here: feeds and pages, ETag and 304, slow
answers, resets, redirect loops, bodies too large, 429 with Retry-After, compressed and
Latin-1 answers, and no server at all. Short timeouts: no test waits long."""

from __future__ import annotations

import gzip
import http.server
import json
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui_reader.cli import main
from tui_reader.fetch.client import USER_AGENT, Client, FetchError, Limits
from tui_reader.fetch.refresh import Politeness, fetch_all
from tui_reader.store.fetched import Fetched

pytestmark = pytest.mark.timeout(20)
FEEDS = Path(__file__).parent / "data" / "feeds"
RSS = (FEEDS / "rss2.xml").read_bytes()
PAGE = b"<!DOCTYPE html><html><head><title>A page</title></head><body><p>Text.</p></body></html>"
LIMITS = Limits(connect=0.5, read=0.3, total=2.0, size=64 * 1024, redirects=3)


class Handler(http.server.BaseHTTPRequestHandler):
    hits: Counter[str]
    agents: list[str]

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        self.agents.append(self.headers.get("User-Agent", ""))
        route = getattr(self, "route_" + self.path.strip("/").replace(".", "_"), None)
        if route is None:
            self.send_error(404)
        else:
            route()

    def answer(self, body: bytes, kind: str = "application/rss+xml", **headers: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def route_feed_xml(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.hits["304"] += 1
            self.send_response(304)
            self.end_headers()
        else:
            self.answer(RSS, ETag='"v1"')

    def route_atom(self) -> None:  # no suffix: the content says what it is
        self.answer((FEEDS / "atom.atom").read_bytes(), "text/plain")

    def route_page_html(self) -> None:
        self.answer(PAGE, "text/html; charset=utf-8")

    def route_gzip(self) -> None:
        self.answer(gzip.compress(RSS), Content_Encoding="gzip")

    def route_summaries_xml(self) -> None:
        base = f"http://{self.headers['Host']}"
        self.answer((FEEDS / "summaries.xml").read_bytes().replace(b"{base}", base.encode()))

    def route_story_html(self) -> None:
        self.answer((FEEDS / "story.html").read_bytes(), "text/html")

    def route_badgzip(self) -> None:
        self.answer(b"\x1f\x8b\x08\x00not gzip at all", Content_Encoding="gzip")

    def route_latin1(self) -> None:
        body = (
            b"<rss version='2.0'><channel><title>Caf\xe9</title><item><guid>l1</guid>"
            b"<title>Caf\xe9 opens</title><description>Yes.</description></item></channel></rss>"
        )
        self.answer(body, "application/xml; charset=ISO-8859-1")

    def route_slow(self) -> None:
        time.sleep(1.0)
        self.answer(RSS)

    def route_reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    def route_loop(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_big(self) -> None:  # no Content-Length: it is found too large as it streams
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(b"<rss>" + b" " * (LIMITS.size * 2))

    def route_busy(self) -> None:
        self.send_response(429)
        self.send_header("Retry-After", "120")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_broken(self) -> None:
        self.send_error(500)


class Quiet(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that went away on purpose (the slow answer's): not news


@dataclass
class Server:
    url: str
    hits: Counter[str]
    agents: list[str]
    stop: Callable[[], None]


@pytest.fixture
def server() -> Iterator[Server]:
    hits: Counter[str] = Counter()
    agents: list[str] = []
    handler = type("Serving", (Handler,), {"hits": hits, "agents": agents})
    httpd = Quiet(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if not stopped:
            httpd.shutdown()
            httpd.server_close()
            stopped = True

    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", hits, agents, stop)
    finally:
        stop()


@pytest.fixture
def client() -> Iterator[Client]:
    client = Client(LIMITS)
    yield client
    client.close()


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/slow", "the server stopped answering (read timeout)"),
        ("/reset", "the connection was cut (reset by the server)"),
        ("/loop", "too many redirects"),
        ("/big", "too large (over 64,000 bytes): not read further"),
        ("/busy", "HTTP 429 Too Many Requests"),
        ("/broken", "HTTP 500 Internal Server Error"),
        ("/badgzip", "a compressed answer that does not decompress"),
        ("/missing", "HTTP 404 Not Found"),
    ],
)
def test_each_fault_is_one_line(server: Server, client: Client,
                                path: str, why: str) -> None:  # fmt: skip
    """A server that hangs, resets, loops, sends too much or refuses: one line each."""
    with pytest.raises(FetchError) as raised:
        client.get(server.url + path)
    assert str(raised.value) == why.replace("64,000", f"{LIMITS.size:,}")


def test_no_server_at_all_is_one_line(client: Client) -> None:
    """A port where nothing listens: could not connect."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with pytest.raises(FetchError, match=r"^could not connect \(refused, or no network\)$"):
        client.get(f"http://127.0.0.1:{port}/feed.xml")


def test_conditional_get_reuses_the_body_kept(
    server: Server, client: Client, tmp_path: Path
) -> None:
    """The first fetch keeps the body and its ETag; a refresh sends If-None-Match, gets 304
    and reads the same file; the user agent names the reader."""
    url, hits, agents = server.url, server.hits, server.agents
    store = Fetched(tmp_path)
    first = fetch_all([url + "/feed.xml"], store, client)
    assert first.problems == []
    assert first.paths[0].read_bytes() == RSS
    now = Politeness(due=0.0, interval=0.0)
    again = fetch_all([url + "/feed.xml"], store, client, refresh=True, politeness=now)
    assert again.paths == first.paths
    assert again.problems == []
    assert hits["/feed.xml"] == 2
    assert hits["304"] == 1
    assert agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("tui-reader/")
    meta = json.loads(first.paths[0].with_suffix(".meta").read_text())
    assert meta["etag"] == '"v1"'


def test_an_address_not_due_is_not_asked_for_again(
    server: Server, client: Client, tmp_path: Path
) -> None:
    """Within the minimum interval even a refresh reads the copy kept, and a 429's
    Retry-After keeps the address from being asked for until it has passed."""
    url, hits = server.url, server.hits
    store = Fetched(tmp_path)
    fetch_all([url + "/feed.xml"], store, client)
    fetch_all([url + "/feed.xml"], store, client, refresh=True)
    assert hits["/feed.xml"] == 1
    assert fetch_all([url + "/busy"], store, client).problems[0].reason == (
        "HTTP 429 Too Many Requests"
    )
    later = fetch_all([url + "/busy"], store, client, refresh=True, politeness=Politeness(0, 0))
    assert later.problems[0].reason == "not fetched: the server asked to wait 120 s more"
    assert hits["/busy"] == 1
    fetch_all([url + "/missing"], store, client)
    again = fetch_all([url + "/missing"], store, client, refresh=True)
    assert again.problems[0].reason == "not asked again within 60 s of a try that failed"
    assert hits["/missing"] == 1


def test_a_damaged_record_is_set_aside_and_the_address_fetched_anew(
    server: Server, client: Client, tmp_path: Path
) -> None:
    """A `.meta` file that is not JSON is kept aside, reported once, and the feed fetched as
    if it were new."""
    url = server.url + "/feed.xml"
    first = fetch_all([url], Fetched(tmp_path), client)
    first.paths[0].with_suffix(".meta").write_bytes(b"\x00{ not json")
    again = fetch_all([url], Fetched(tmp_path), client)
    assert again.paths == first.paths
    (problem,) = again.problems
    assert "could not be read" in problem.reason
    assert problem.reason.endswith(": fetched as if new")
    assert problem.path == url
    assert len(list(tmp_path.glob("*.meta.corrupt-*"))) == 1
    assert server.hits["/feed.xml"] == 2


def test_one_failing_feed_never_stops_the_others(
    server: Server, client: Client, tmp_path: Path
) -> None:
    """Seven addresses, four bad: the three good ones are read (gzip, Latin-1 made UTF-8, a
    feed served as text/plain), each bad one is one problem, in the order given."""
    url = server.url
    names = ["/gzip", "/slow", "/latin1", "/reset", "/atom", "/missing", "/page.html"]
    result = fetch_all([url + name for name in names], Fetched(tmp_path), client)
    assert [p.suffix for p in result.paths] == [".xml", ".xml", ".xml"]
    assert result.paths[0].read_bytes() == RSS
    assert "Café opens".encode() in result.paths[1].read_bytes()
    assert [(p.path[len(url) :], p.reason) for p in result.problems] == [
        ("/slow", "the server stopped answering (read timeout)"),
        ("/reset", "the connection was cut (reset by the server)"),
        ("/missing", "HTTP 404 Not Found"),
        ("/page.html", "an HTML page, not a feed"),
    ]


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
    """`import FILE.opml` adds its feeds once; `--feeds` opens them all, a failing one a
    line of its own."""
    monkeypatch.setenv("TUI_READER_HOME", str(tmp_path))
    url = server.url
    outline = "".join(f'<outline xmlUrl="{url}{n}"/>' for n in ("/feed.xml", "/atom", "/broken"))
    listing = tmp_path / "mine.opml"
    listing.write_text(f"<opml><body>{outline}</body></opml>")
    assert main(["import", str(listing)]) == 0
    assert main(["import", str(listing)]) == 0
    out = capsys.readouterr().out
    assert f"3 feeds added to {tmp_path / 'feeds'}" in out
    assert "0 feeds added" in out
    assert main(["dump", "--json", "--feeds"]) == 0
    captured = capsys.readouterr()
    sources = {a["source"] for a in json.loads(captured.out)["articles"]}
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
    assert articles["vl-bridge"]["source"] == "Valley Ledger"
    assert articles["vl-gone"]["paragraphs"] == ["Only this summary."]
    assert captured.err == f"tui-reader: {server.url}/missing: HTTP 404 Not Found\n"
    assert main(["dump", "--json", url]) == 0  # without --full: the summaries
    plain = {a["id"]: a for a in json.loads(capsys.readouterr().out)["articles"]}
    assert plain["vl-bridge"]["paragraphs"] == ["The bridge opened."]
