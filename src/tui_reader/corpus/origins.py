"""Where an article was read from (`model.Origin`): its file, the address that file was
fetched from if it was, and what its record says of itself."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import warc
from .formats import Record
from .model import FILE, Origin

ROW = Origin("csv")
"""A table's row: its number is the article's `record`."""


def of(path: Path, fetched_from: str | None, record: Record) -> Origin:
    """The origin of a record of the file at `path`, which was fetched from the address
    `fetched_from` (None for a file of the user's)."""
    if warc.is_archive(path.name):
        return Origin("warc", record.address, warc_record_id=record.warc_record_id)
    if record.origin == "feed":
        return Origin("feed", record.url, feed=fetched_from)
    if record.origin == "table":
        return ROW
    if fetched_from is not None:
        return Origin("url", fetched_from)
    return FILE


def page_named(record: Record, fetched_from: str) -> Record:
    """A page fetched by its address, named by its canonical URL, or else by the address:
    its id is that, stable and readable, whatever the hash its body is kept under."""
    return replace(record, key=record.url or fetched_from)
