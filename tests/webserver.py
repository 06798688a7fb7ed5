"""A local HTTP server for the fetching tests, started in the test: feeds and pages,
ETag/304, slow answers, resets, redirect loops, bodies too large, 429 with Retry-After,
compressed and Latin-1 answers, a feed that grows an item, each at a path of its own."""

from __future__ import annotations

import gzip
import http.server
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui_reader.fetch.client import Limits

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

    def route_growing_xml(self) -> None:  # a second item from the second answer on
        items = [(n, f"Item {n} of the growing feed") for n in (1, 2)][: self.hits[self.path]]
        body = "".join(
            f"<item><guid>grow-{n}</guid><title>{title}</title><link>https://grow.example/{n}"
            f"</link><description>{title}, in a few words.</description></item>"
            for n, title in items
        )
        self.answer(f"<rss><channel><title>Growing</title>{body}</channel></rss>".encode())

    def route_plain_html(self) -> None:  # no canonical link, no site's name
        story = (FEEDS / "story.html").read_text()
        plain = "".join(line for line in story.splitlines(True) if "canonical" not in line)
        self.answer(plain.encode(), "text/html")

    def route_page_html(self) -> None:
        self.answer(PAGE, "text/html; charset=utf-8")

    def route_gzip(self) -> None:
        self.answer(gzip.compress(RSS), Content_Encoding="gzip")

    def route_summaries_xml(self) -> None:
        base = f"http://{self.headers['Host']}"
        self.answer((FEEDS / "summaries.xml").read_bytes().replace(b"{base}", base.encode()))

    def route_story_html(self) -> None:
        self.answer((FEEDS / "story.html").read_bytes(), "text/html")

    def route_bomb(self) -> None:  # small on the wire, too large once decompressed
        self.answer(gzip.compress(b"<rss>" + b" " * LIMITS.size * 4), Content_Encoding="gzip")

    def route_badgzip(self) -> None:
        self.answer(b"\x1f\x8b\x08\x00not gzip at all", Content_Encoding="gzip")

    def route_latin1(self) -> None:
        body = (
            b"<rss version='2.0'><channel><title>Caf\xe9</title><item><guid>l1</guid>"
            b"<title>Caf\xe9 opens</title><description>Yes.</description></item></channel></rss>"
        )
        self.answer(body, "application/xml; charset=ISO-8859-1")

    def route_slow(self) -> None:
        time.sleep(0.6)
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
