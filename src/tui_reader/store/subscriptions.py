"""The user's subscriptions: the feeds file (`locations.feeds_path`), one address a line,
like newsboat's urls file. Lines that start with `#` and blank lines are kept as they are;
the reader only adds to it, when told to (`tui-reader import FILE.opml`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..corpus.feedlists import addresses
from .atomic import locked, write_atomically


def read(path: Path) -> list[str]:
    """The subscribed addresses, in the file's order; none when there is no file."""
    try:
        return addresses(path.read_bytes())
    except FileNotFoundError:
        return []


def add(path: Path, urls: Iterable[str]) -> tuple[int, int]:
    """Add the addresses not there yet, after the others; how many were added and how many
    were there already."""
    with locked(path):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            text = ""
        known = set(addresses(text.encode("utf-8")))
        new = [url for url in dict.fromkeys(urls) if url not in known]
        if new:
            lines = [text.rstrip("\n"), *new] if text.strip() else new
            write_atomically(path, "\n".join(lines) + "\n")
    return len(new), len(known.intersection(urls))
