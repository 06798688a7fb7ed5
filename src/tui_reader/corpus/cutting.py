"""Where a large file is cut into parts that can be read and analysed apart (`loading.split`):
a JSON Lines file (`lines`), a JSON document of records (`documents`), a table (`tables`),
a web archive (`warc`). Each part is cut at a record's first byte, and its records are
numbered as the whole file numbers them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import documents, feeds, formats, lines, tables, warc
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
    if path.name.lower().endswith(warc.CUT_SUFFIXES):
        return True
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
    if warc.is_archive(path.name):
        archive = warc.cuts(path, warc.PART_PAGES, stopped)
        return whole if archive is None else _records(archive[0], None, archive[1])
    if path.suffix.lower() in TABLE_SUFFIXES:
        table = tables.cuts(path, columns or {}, lines.PART_RECORDS, stopped)
        return whole if table is None else _records(table[0], table[1], table[2])
    if path.suffix.lower() in LINES_SUFFIXES:
        found = lines.cuts(path, stopped)
        return [
            Cut(start, end, first, line)
            for (start, first, line), end in zip(
                found, [*(s for s, _, _ in found[1:]), None], strict=True
            )
        ]
    with path.open("rb") as stream:
        head = stream.read(HEAD)
    if feeds.kind(head) == "feed" or not formats.looks_like_json(head.decode("utf-8", "ignore")):
        return whole
    document = documents.cuts(path, stopped)
    return whole if document is None else _records(*document)


def _records(
    starts: list[tuple[int, int]], last: int | None, renamed: Mapping[int, int] | None = None
) -> list[Cut]:
    """The parts of records that start where `starts` say (the byte, and the number of the
    record there), the last ending at byte `last`; `renamed`: the records whose name an
    earlier record took, each with the number of its part. One part is the whole file."""
    if len(starts) < 2:
        return [Cut(0, None, 1)]
    ends = [*(start for start, _ in starts[1:]), last]
    taken = renamed or {}
    return [
        Cut(start, end, first, 0, frozenset(n for n, p in taken.items() if p == number))
        for number, ((start, first), end) in enumerate(zip(starts, ends, strict=True))
    ]
