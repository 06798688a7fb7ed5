"""JSON Lines, read a record at a time from any line on: a large file is cut into parts of
`PART_RECORDS` records, which are read and analysed apart, in parallel.

The same walk over the lines (`_walk`) finds the cuts and reads the records, so that a
record's number, which names its article (`file#n`), is the same whatever part reads it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from . import formats
from .formats import Record
from .model import Problem, StageProblem

T = TypeVar("T")

MAX_TEXT_BYTES = 8_000_000
"""A text file, or a line of JSON Lines, is read no further than this: enough for an
article's most characters (`loading.MAX_CHARS`) in any encoding."""
PART_RECORDS = 500
"""Records in a part of a large file (the last may hold fewer)."""
SPLIT_FROM = 1 << 20
"""A JSON Lines file smaller than this is read as one part: cutting it costs a read."""


class Stopped(Exception):
    """A read or an analysis told to stop (by a callable it asks now and then) before its
    end."""


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without a byte-order mark), UTF-16 with one, and
    otherwise cp1252, the encoding of most old Western pages, whose few undefined bytes
    become replacement characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # a read cut a character in two
            return data[: error.start].decode("utf-8-sig", errors="replace")
        return data.decode("cp1252", errors="replace")


def formatted(read: Callable[[T], Record | None], value: T, raw: str | None) -> Record | None:
    """What the format reads of a value (a file's text, a JSON record); if that raises,
    the value's raw text as the body, with the problem, so that no article is lost."""
    try:
        return read(value)
    except Exception as error:  # a bug in reading one format must not lose the article
        body = raw if raw is not None else json.dumps(value, ensure_ascii=False, default=str)
        return Record(body, problems=(StageProblem.raised("format", error),))


def _walk(stream: BinaryIO, end: int | None) -> Iterator[tuple[int, bytes | None]]:
    """Each line from where the stream is to byte `end` (or to its end): the byte it starts
    at, and the line, or None for one too long to be an article's record, whose rest is
    skipped."""
    start = stream.tell()
    while (end is None or start < end) and (raw := stream.readline(MAX_TEXT_BYTES)):
        if len(raw) == MAX_TEXT_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(MAX_TEXT_BYTES)) and not rest.endswith(b"\n"):
                pass  # the rest of a record too long to be an article
            yield start, None
            start = stream.tell()
        else:
            yield start, raw
            start += len(raw)


def _blank(raw: bytes) -> bool:
    """Whether a line holds nothing: blank lines are no records, and are not numbered."""
    stripped = raw.lstrip()
    # Only a line that starts with a control character or a byte of a multi-byte character
    # may be blank otherwise than in ASCII ("\x1c", "\u00a0").
    odd = not stripped or stripped[0] < 0x20 or stripped[0] >= 0x80
    return not stripped or (odd and not decode(raw).strip())


def cuts(path: Path, stopped: Callable[[], bool] | None = None) -> list[tuple[int, int, int]]:
    """Where the parts of a JSON Lines file start: the byte, the number of the record there
    (from 1) and the number of its line before it; one part for a small file. Raises
    `Stopped` once `stopped` says so (asked every `PART_RECORDS` records)."""
    found = [(0, 1, 0)]
    if path.stat().st_size < SPLIT_FROM:
        return found
    records = 0
    with path.open("rb") as stream:
        for line, (start, raw) in enumerate(_walk(stream, None)):
            if raw is not None and _blank(raw):
                continue
            if records and records % PART_RECORDS == 0:
                found.append((start, records + 1, line))
                if stopped is not None and stopped():
                    raise Stopped
            records += 1
    return found


def records(
    path: Path, problems: list[Problem], start: int = 0, end: int | None = None, line: int = 0
) -> Iterator[Record | None]:
    """The records of a JSON Lines file from byte `start` to byte `end`, `line` lines in;
    None for a line that holds no article (reported)."""
    with path.open("rb") as stream:
        stream.seek(start)
        for number, (_, raw) in enumerate(_walk(stream, end), line + 1):
            if raw is None:
                problems.append(Problem(f"{path}:{number}", "a record over 8 MB: skipped"))
                yield None
                continue
            if _blank(raw):
                continue
            text = decode(raw).strip()
            try:
                value = json.loads(text)
            except (ValueError, RecursionError):
                record = None
            else:
                record = formatted(formats.json_record, value, text)
            if record is None:
                problems.append(Problem(f"{path}:{number}", "not a JSON article record"))
            yield record
