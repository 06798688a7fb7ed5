"""Where a large file is cut into parts that can be read and analysed apart (`loading.split`):
a JSON Lines file (`lines`), a JSON document of records (`documents`), a table (`tables`),
a web archive (`warc`). Each part is cut at a record's first byte, and its records are
numbered as the whole file numbers them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import documents, feeds, formats, lines, tables
from .folders import JSON_SUFFIXES, LINES_SUFFIXES, TABLE_SUFFIXES, TEXT_SUFFIXES
from .lines import MAX_TEXT_BYTES

HEAD = 64 * 1024
"""The start of a file that tells its kind: more than `feeds.kind` looks at."""


@dataclass(frozen=True, slots=True)
class Cut:
    """A part of a file: from byte `start` to byte `end` (None: to the file's end)."""

    start: int
    end: int | None
    first: int
    """The number of its first record, from 1."""
    line: int = 0
    """The lines of the file before it (JSON Lines)."""
    renamed: frozenset[int] = frozenset()
    """Its records whose own name (`Record.key`) a record before them in the file took."""


def cuttable(path: Path, size: int) -> bool:
    """Whether a file is of a kind that is cut into parts, and large enough to be."""
    suffix = path.suffix.lower()
    if size < lines.SPLIT_FROM:
        return False
    # A text file is read no further than MAX_TEXT_BYTES: cut, it would be read further.
    return suffix in LINES_SUFFIXES | JSON_SUFFIXES | TABLE_SUFFIXES or (
        suffix in TEXT_SUFFIXES and size <= MAX_TEXT_BYTES
    )


def cuts(
    path: Path, stopped: Callable[[], bool] | None = None, columns: Mapping[str, str] | None = None
) -> list[Cut]:
    """The parts of a file that `cuttable` says may be cut (a table read with `columns`);
    one part, the whole file, for one that cannot be (its read then says why). Raises
    `lines.Stopped` once `stopped` says so."""
    whole = [Cut(0, None, 1)]
    if path.suffix.lower() in TABLE_SUFFIXES:
        table = tables.cuts(path, columns or {}, lines.PART_RECORDS, stopped)
        if table is None or len(table[0]) < 2:
            return whole
        starts, last, renamed = table
        stops = [*(start for start, _ in starts[1:]), last]
        return [
            Cut(start, end, first, 0, frozenset(n for n, p in renamed.items() if p == number))
            for number, ((start, first), end) in enumerate(zip(starts, stops, strict=True))
        ]
    if path.suffix.lower() in LINES_SUFFIXES:
        found = lines.cuts(path, stopped)
        ends: list[int | None] = [start for start, _, _ in found[1:]]
        return [
            Cut(start, end, first, line)
            for (start, first, line), end in zip(found, [*ends, None], strict=True)
        ]
    with path.open("rb") as stream:
        head = stream.read(HEAD)
    if feeds.kind(head) == "feed" or not formats.looks_like_json(head.decode("utf-8", "ignore")):
        return whole
    document = documents.cuts(path, stopped)
    if document is None or len(document[0]) < 2:
        return whole
    starts, last = document
    return [
        Cut(start, end, first)
        for (start, first), end in zip(starts, [*(s for s, _ in starts[1:]), last], strict=True)
    ]
