"""Tables of articles: a CSV or TSV file whose header row names its columns holds one
article a row, as many public news datasets ship. Columns named like a JSON export's keys
(title, date or published, author, url, text, content or body) are recognised; a mapping
given by the user (`title=headline`) names the others."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

from .formats import BODY_KEYS, Record, json_record
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
    sample = stream.read(SAMPLE)
    stream.seek(0)
    encoding = encoding_of(sample)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    return text, delimiter_of(sample.decode(encoding, errors="replace"), suffix)


def records(
    lines: IO[str], delimiter: str, columns: Mapping[str, str] | None = None
) -> Iterator[Record | None]:
    """Each row's article, keyed by the row's own id where it gives one; None for a row
    with no text. `Columns` if the header names no column of text."""
    reader = csv.reader(lines, delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return
    names = [name.strip() for name in header]
    mapping = dict(columns or {})
    missing = [column for column in mapping.values() if column not in names]
    if missing:
        raise Columns(f"no column {missing[0]!r}; the columns are {_listed(names)}")
    if "text" not in mapping and not {name.lower() for name in names} & _BODIES:
        raise Columns(
            f"no column of article text among {_listed(names)}: name one with --columns text=COLUMN"
        )
    for row in reader:
        fields = _fields(names, row, mapping)
        record = json_record(fields)
        key = _row_id(fields) or (record.url if record else None)
        yield replace(record, origin="table", key=key) if record else None


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
    path: Path, problems: list[Problem], columns: Mapping[str, str] | None = None
) -> Iterator[Record | None]:
    """The rows of a table file, each an article or None (reported), its columns named by
    `columns` where the header's names are not the fields'; `Columns` if its header names
    no column of text, or lacks a column named."""
    with path.open("rb") as stream:
        lines, delimiter = open_table(stream, path.suffix.lower())
        try:
            for number, record in enumerate(records(lines, delimiter, columns), 1):
                if record is None:
                    problems.append(Problem(f"{path}#{number}", "no article text in this row"))
                yield record
        except csv.Error as error:  # a quote never closed, say
            problems.append(Problem(str(path), f"not a readable table: {error}"))
