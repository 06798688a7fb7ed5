"""Fetching against a local HTTP server started here (`webserver.py`): faults one line
each, conditional GET, politeness, damaged records, one failing feed among others. Short
timeouts: no test waits long."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui_reader.fetch.client import USER_AGENT, Client, FetchError
from tui_reader.fetch.refresh import Politeness, fetch_all
from tui_reader.store.fetched import Fetched

from .webserver import LIMITS, RSS, Server, server

pytestmark = pytest.mark.timeout(20)
__all__ = ["server"]  # the fixture: pytest finds it here by its name


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
        ("/bomb", "too large (over 64,000 bytes): not read further"),
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
