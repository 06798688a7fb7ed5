"""What was fetched from the web, kept for reading offline and for conditional requests.

Each address has two files in the fetched folder (`locations.fetched_folder`), named by a
hash of the address: its last body as it came (`KEY.xml` or `KEY.json` for a feed,
`KEY.html` for a page), which the ordinary loading path reads like any article file, and
`KEY.meta`, JSON holding the address, its validators (ETag, Last-Modified), when it was
last asked for and when it may be asked again. Both are written atomically; a damaged
`.meta` is set aside and the address is fetched as if new.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..corpus.model import Problem
from .atomic import damaged, write_atomically

VERSION = 1
SUFFIXES = {"feed": ".xml", "json-feed": ".json", "page": ".html"}
"""The body file's suffix for each kind of response: one the loading path reads."""


@dataclass(frozen=True, slots=True)
class Stored:
    """What is kept of one address."""

    url: str
    kind: str
    """A key of `SUFFIXES`."""
    etag: str | None = None
    last_modified: str | None = None
    checked: float = 0.0
    """When it was last asked for (seconds since the epoch), whatever the answer."""
    not_before: float = 0.0
    """When it may be asked for again: a server's Retry-After."""


class Fetched:
    """The fetched folder: bodies and what is known of each address."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []
        """The addresses whose records were found damaged, to report."""

    def _key(self, url: str) -> str:
        return hashlib.blake2b(url.encode("utf-8", "replace"), digest_size=12).hexdigest()

    def address(self, url: str) -> Path:
        """A path that stands for an address, whatever kind its body is: `KEY`, beside
        the files named by it (no file is there)."""
        return self.folder / self._key(url)

    def addresses(self, urls: Iterable[str], bodies: Iterable[Path]) -> dict[Path, str]:
        """The address, among `urls`, that each of the bodies kept (or files made from one,
        `derived`) is of; a file of none of them is left out."""
        keys = {self._key(url): url for url in urls}
        named = ((body, keys.get(body.name.partition(".")[0])) for body in bodies)
        return {body: url for body, url in named if url is not None and body.parent == self.folder}

    def body(self, stored: Stored) -> Path | None:
        """The body kept of an address; None when no answer to it ever had one."""
        path = self._body(stored)
        return path if path.is_file() else None

    def _body(self, stored: Stored) -> Path:
        return self.folder / f"{self._key(stored.url)}{SUFFIXES[stored.kind]}"

    def get(self, url: str) -> Stored | None:
        """What is kept of an address (its body too, if `body` finds it); None for one never
        asked for (or whose record was damaged, which is set aside and reported)."""
        meta = self.folder / f"{self._key(url)}.meta"
        try:
            data = json.loads(meta.read_bytes())
            if data.pop("version") != VERSION or data.get("url") != url:
                raise ValueError("another version, or another address")
            stored = Stored(**data)
            if stored.kind not in SUFFIXES:
                raise ValueError(f"an unknown kind {stored.kind!r}")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError) as error:
            why = damaged(meta, str(error) or type(error).__name__)
            self.problems.append(Problem(url, f"{why}: fetched as if new", url))
            return None
        return stored

    def put(self, stored: Stored, body: bytes | None) -> Path:
        """Keep what is known of an address, and its new body (None: the one kept stays);
        the body file's path."""
        path = self._body(stored)
        if body is not None:
            write_atomically(path, body)
        record = {"version": VERSION, **asdict(stored)}
        write_atomically(path.with_suffix(".meta"), json.dumps(record, ensure_ascii=True))
        return path

    def derived(self, body: Path, suffix: str, data: bytes) -> Path:
        """Keep a file made from a body kept (`KEY.full.json` beside `KEY.xml`), rewritten
        only when it changes, so that its analysis in the cache stays good; its path."""
        path = body.with_suffix(suffix)
        try:
            same = path.read_bytes() == data
        except OSError:
            same = False
        if not same:
            write_atomically(path, data)
        return path
