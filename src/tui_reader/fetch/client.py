"""The one HTTP client: urllib3, which trafilatura brings already, with a pool of bounded
size shared by threads, timeouts for connecting and for each read, and a deadline for the
whole answer (a read timeout alone lets a server that trickles a byte at a time hang on),
a redirect limit, a size limit read as the body streams in, and a user agent that names the
reader. Every fault is a `FetchError` of one line."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping
from dataclasses import dataclass

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)

from .. import __version__

USER_AGENT = f"tui-reader/{__version__} (a terminal news reader)"
_HEADERS = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
"""Sent with every request (a request's own headers replace the pool's, not add to them)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """How long and how much the client waits for and takes."""

    connect: float = 5.0
    read: float = 15.0
    """Seconds without a byte before the server is given up."""
    total: float = 60.0
    """Seconds for the whole answer."""
    size: int = 16 * 1024 * 1024
    """Bytes of body, decompressed."""
    redirects: int = 5
    connections: int = 4
    """Connections open at once, over every server."""


@dataclass(frozen=True, slots=True)
class Response:
    """An answer: 200 with its body, or 304 (Not Modified) without one."""

    url: str
    """Where it came from, after redirects."""
    status: int
    body: bytes
    headers: Mapping[str, str]


class FetchError(Exception):
    """A request that gave no usable answer; the message says why, in one line."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        """Seconds the server asked to be left alone (429, 503), if it said."""


class Client:
    """GET requests, from several threads at once."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._pool = urllib3.PoolManager(
            num_pools=16,
            maxsize=self.limits.connections,
            block=True,
            timeout=urllib3.Timeout(connect=self.limits.connect, read=self.limits.read),
            retries=urllib3.Retry(
                total=self.limits.redirects,
                connect=0,
                read=0,
                status=0,
                other=0,
                redirect=self.limits.redirects,
                raise_on_redirect=True,
                respect_retry_after_header=False,
            ),
        )

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """The answer to a GET; `FetchError` for anything but 200 or 304."""
        try:
            response = self._pool.request(
                "GET", url, headers={**_HEADERS, **(headers or {})}, preload_content=False
            )
        except MaxRetryError as error:
            raise FetchError(_why(error.reason)) from None
        except (HTTPError, OSError, ValueError) as error:  # ValueError: a malformed address
            raise FetchError(_why(error)) from None
        try:
            if response.status == 304:
                return Response(response.geturl() or url, 304, b"", response.headers)
            if response.status != 200:
                raise FetchError(
                    f"HTTP {response.status} {(response.reason or '')[:80]}".strip(),
                    retry_after=_retry_after(response.headers.get("Retry-After")),
                )
            return Response(response.geturl() or url, 200, self._body(response), response.headers)
        finally:
            response.release_conn()

    def _body(self, response: urllib3.BaseHTTPResponse) -> bytes:
        limit = self.limits.size
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"too large ({_size(int(declared))}, over {_size(limit)})")
        deadline = time.monotonic() + self.limits.total
        parts: list[bytes] = []
        size = 0
        try:
            for part in response.stream(64 * 1024, decode_content=True):
                size += len(part)
                if size > limit:
                    raise FetchError(f"too large (over {_size(limit)}): not read further")
                if time.monotonic() > deadline:
                    raise FetchError(f"no whole answer within {self.limits.total:g} s")
                parts.append(part)
        except (HTTPError, OSError) as error:
            raise FetchError(_why(error)) from None
        return b"".join(parts)

    def close(self) -> None:
        """Close every connection."""
        self._pool.clear()


def _why(error: BaseException | None) -> str:
    """A fault of the connection, in words."""
    if isinstance(error, NameResolutionError):
        return "no such server, or no network (the name did not resolve)"
    if isinstance(error, NewConnectionError):  # a kind of ConnectTimeoutError: first
        return "could not connect (refused, or no network)"
    if isinstance(error, ConnectTimeoutError):
        return "no answer to the connection (connect timeout)"
    if isinstance(error, ReadTimeoutError):
        return "the server stopped answering (read timeout)"
    if isinstance(error, DecodeError):
        return "a compressed answer that does not decompress"
    if isinstance(error, ProtocolError):
        return "the connection was cut (reset by the server)"
    if error is not None and "redirect" in str(error).lower():
        return "too many redirects"
    return " ".join(str(error).split())[:200] or type(error).__name__


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds, or a date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count:,} bytes"
