"""Tables of articles: a CSV or TSV file whose header row names its columns holds one
article a row, as many public news datasets ship. Columns named like a JSON export's keys
(title, date or published, author, url, text, content or body) are recognised; a mapping
given by the user (`title=headline`) names the others."""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

from .formats import BODY_KEYS, Record, has_body, json_record, url_of
from .lines import Stopped
from .model import Problem

FIELDS = ("title", "date", "author", "url", "text", "id")
"""What a column may be mapped to."""
ID_KEYS = ("id", "guid", "uuid", "article_id")
"""Columns whose value names a row for good: its article keeps its id when rows move."""
DELIMITERS = ",;\t|"
SAMPLE = 64 * 1024
"""How much of a file is looked at to tell its encoding and its delimiter."""

# A cell holds a whole article: far more than the module's default of 128 KB. The limit is
# the process's; no table here wants a lower one.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class Columns(Exception):
    """A table that cannot be read as articles: the message says why."""


def parse_columns(spec: str) -> dict[str, str]:
    """`title=headline,text=body` as {"title": "headline", "text": "body"}; ValueError, with
    a message for the user, for anything else."""
    mapping: dict[str, str] = {}
    for part in filter(None, (piece.strip() for piece in spec.split(","))):
        field, equals, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not equals or not column:
            raise ValueError(f"{part!r} is not FIELD=COLUMN")
        if field not in FIELDS:
            raise ValueError(f"no field {field!r}; the fields are {', '.join(FIELDS)}")
        mapping[field] = column
    return mapping


def delimiter_of(sample: str, suffix: str) -> str:
    """The delimiter of a table: a tab for .tsv; otherwise whichever of the usual ones
    the header line holds most of, outside quotes."""
    if suffix == ".tsv":
        return "\t"
    header = sample.split("\n", 1)[0]
    unquoted = "".join(header.split('"')[::2])
    return max(DELIMITERS, key=unquoted.count) if unquoted else ","


def encoding_of(sample: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) if the sample decodes as it, else cp1252."""
    try:
        sample.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason != "unexpected end of data":  # not a character the sample cut
            return "cp1252"
    return "utf-8-sig"


def open_table(stream: IO[bytes], suffix: str) -> tuple[IO[str], str]:
    """A table's bytes as text, read a row at a time, and its delimiter; the stream must
    be seekable (a regular file)."""
    encoding, delimiter = _kind(stream, suffix)
    return io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=""), delimiter


def _kind(stream: IO[bytes], suffix: str) -> tuple[str, str]:
    """A table's encoding and delimiter, from its start; the stream is left at its start."""
    sample = stream.read(SAMPLE)
    stream.seek(0)
    encoding = encoding_of(sample)
    return encoding, delimiter_of(sample.decode(encoding, errors="replace"), suffix)


def records(
    lines: IO[str], delimiter: str, columns: Mapping[str, str] | None = None
) -> Iterator[Record | None]:
    """Each row's article, keyed by the row's own id where it gives one; None for a row
    with no text. `Columns` if the header names no column of text."""
    reader = csv.reader(lines, delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return
    names = _names(header, columns)
    mapping = dict(columns or {})
    for row in reader:
        yield _record(names, row, mapping)


def _names(header: Sequence[str], columns: Mapping[str, str] | None) -> list[str]:
    """The names of a header's columns; `Columns` if it lacks a column the mapping names,
    or any column of text."""
    names = [name.strip() for name in header]
    mapping = dict(columns or {})
    missing = [column for column in mapping.values() if column not in names]
    if missing:
        raise Columns(f"no column {missing[0]!r}; the columns are {_listed(names)}")
    if "text" not in mapping and not {name.lower() for name in names} & _BODIES:
        raise Columns(
            f"no column of article text among {_listed(names)}: name one with --columns text=COLUMN"
        )
    return names


def _record(names: Sequence[str], row: Sequence[str], mapping: Mapping[str, str]) -> Record | None:
    fields = _fields(names, row, mapping)
    record = json_record(fields)
    return replace(record, origin="table", key=_key(fields)) if record else None


def _key(fields: Mapping[str, str]) -> str | None:
    """A row's own name: its id, else the url of a row that holds an article."""
    return _row_id(fields) or (url_of(fields) if has_body(fields) else None)


_BODIES = frozenset(key.lower() for key in BODY_KEYS)


def _fields(names: Sequence[str], row: Sequence[str], mapping: Mapping[str, str]) -> dict[str, str]:
    """A row as a record's fields: the mapped columns under their fields' names first, so
    that a mapping wins over a column that happens to bear the field's name."""
    cells = dict(zip(names, row, strict=False))
    fields = {field: cells.pop(column, "") for field, column in mapping.items()}
    for name, cell in cells.items():
        fields.setdefault(name, cell)
    return fields


def _row_id(fields: Mapping[str, str]) -> str | None:
    lowered = {key.lower(): value for key, value in fields.items()}
    for key in ID_KEYS:
        value = " ".join(lowered.get(key, "").split())
        if value:
            return value
    return None


def _listed(names: Sequence[str]) -> str:
    shown = ", ".join(repr(name) for name in names[:12])
    return shown + (", …" if len(names) > 12 else "") if names else "none"


def read(
    path: Path,
    problems: list[Problem],
    columns: Mapping[str, str] | None = None,
    cut: tuple[int, int, int] | None = None,
) -> Iterator[Record | None]:
    """The rows of a table file, each an article or None (reported), its columns named by
    `columns` where the header's names are not the fields'; `Columns` if its header names
    no column of text, or lacks a column named. With `cut` (`cuts`), only the rows from
    byte start to byte end, the first numbered as given."""
    with path.open("rb") as stream:
        encoding, delimiter = _kind(stream, path.suffix.lower())
        first = 1
        if cut is None:
            lines = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
            rows = records(lines, delimiter, columns)
        else:
            start, end, first = cut
            header = next(csv.reader(_decoded_lines(stream, encoding), delimiter=delimiter), [])
            names, mapping = _names(header, columns), dict(columns or {})
            stream.seek(start)
            part = io.StringIO(stream.read(end - start).decode(encoding, "replace"), newline="")
            rows = (_record(names, row, mapping) for row in csv.reader(part, delimiter=delimiter))
        try:
            for number, record in enumerate(rows, first):
                if record is None:
                    problems.append(Problem(f"{path}#{number}", "no article text in this row"))
                yield record
        except csv.Error as error:  # a quote never closed, say
            problems.append(Problem(str(path), f"not a readable table: {error}"))


def cuts(
    path: Path, columns: Mapping[str, str], every: int, stopped: Callable[[], bool] | None
) -> tuple[list[tuple[int, int]], int, dict[int, int]] | None:
    """Where the parts of a table of `every` rows start (the byte, and the number of the
    row there), where its rows end, and the rows whose name (`Record.key`) a row before them
    took, each with the number of its part: their articles are named by their number, as
    in the whole file. None for a table that cannot be cut (its read says why). The rows
    are found by the csv module's reader, given the file a line at a time: a quoted cell may
    hold line breaks."""
    with path.open("rb") as stream:
        encoding, delimiter = _kind(stream, path.suffix.lower())
        offsets = [0]  # the byte each line read ends at, the last one's alone
        reader = csv.reader(_decoded_lines(stream, encoding, offsets), delimiter=delimiter)
        try:
            names = _names(next(reader, []), columns)
            starts: list[tuple[int, int]] = []
            taken: set[str] = set()
            renamed: dict[int, int] = {}
            start = offsets[0]
            for count, row in enumerate(reader, 1):
                if (count - 1) % every == 0:
                    starts.append((start, count))
                    if stopped is not None and stopped():
                        raise Stopped
                start = offsets[0]
                key = _key(_fields(names, row, columns))
                if key:
                    if key in taken:
                        renamed[count] = len(starts) - 1
                    taken.add(key)
        except (csv.Error, Columns):
            return None
    return starts, offsets[0], renamed


def _decoded_lines(
    stream: IO[bytes], encoding: str, offsets: list[int] | None = None
) -> Iterator[str]:
    """The stream's lines from where it is, decoded; `offsets[0]` is kept at the byte the
    last line given ends at, so that a reader of them can tell where its rows end."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    for raw in stream:
        if offsets is not None:
            offsets[0] += len(raw)
        yield decoder.decode(raw)
