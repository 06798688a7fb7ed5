"""Find and read article files; report what cannot be read instead of failing."""

from __future__ import annotations

import itertools
import json
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import cutting, documents, feeds, formats, html, lines, origins, tables, warc
from .folders import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    LINES_SUFFIXES,
    TABLE_SUFFIXES,
    files,
    reason,
)
from .formats import Record
from .lines import MAX_TEXT_BYTES, decode, formatted
from .model import FILE, Origin, Problem

MAX_CHARS = 2_000_000
"""Articles longer than this are cut and marked truncated (a file is read to
`MAX_TEXT_BYTES`, enough for this in any encoding)."""
_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
"""The control characters text does not hold: all but tab, newline, form feed and return."""


@dataclass(frozen=True, slots=True)
class Source:
    """The raw text of one article, the metadata its file gave, and where it came from."""

    id: str
    path: str
    text: str
    truncated: bool = False
    meta: Record | None = None
    record: int | None = None
    """The article's number in a JSON or JSON Lines export, from 1."""
    key: str | None = None
    """The name its record gave itself (`Record.key`), where its id is made of it."""
    origin: Origin = FILE


def bundled_seeds() -> Path:
    """The folder of the bundled corpus, in an installed package or a source checkout."""
    packaged = Path(str(resources.files("tui_reader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    # An editable install runs from src/tui_reader; the seeds sit at the repository root.
    return Path(__file__).resolve().parents[3] / "seeds"


class Unreadable(Exception):
    """A file that is not text: its reason is the message."""


def _regular(path: Path) -> int:
    """The size of a regular file; `Unreadable` for anything else, found without opening
    it: opening a FIFO would wait for a writer forever."""
    status = path.stat()
    mode = status.st_mode
    if not stat.S_ISREG(mode):
        kind = (
            "a FIFO" if stat.S_ISFIFO(mode)
            else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a folder" if stat.S_ISDIR(mode)
            else "not a regular file"
        )  # fmt: skip
        raise Unreadable(f"{kind}, not an article file: skipped")
    return status.st_size


def _text(data: bytes) -> str:
    """Decoded text, or `Unreadable` for a binary file: NUL bytes where text has none, or
    mostly control characters."""
    text = decode(data)
    sample = text[:4096]
    if "\x00" in sample:
        raise Unreadable("binary data (NUL bytes), not text: skipped")
    # Counted in the UTF-8 bytes, where each is one byte and no other character holds one:
    # deleting them is a table lookup a byte, a third of what a pattern's search cost.
    encoded = sample.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROLS))
    if sample and controls > len(sample) // 10:
        raise Unreadable("binary data, not text: skipped")
    return text


def _capped(text: str) -> tuple[str, bool]:
    if len(text) > MAX_CHARS:
        return text[:MAX_CHARS], True
    return text, False


def _records(part: Part, problems: list[Problem]) -> Iterator[Record | None]:
    """The articles in a part of a file, None for a record that holds none (reported).

    JSON Lines files are read one record at a time, whatever their size.
    """
    path = part.ref.path
    size = _regular(path)
    if warc.is_archive(path.name):
        yield from warc.read(path, problems, None if part.whole else (part.start, part.end))
        return
    if path.suffix.lower() in LINES_SUFFIXES:
        yield from lines.records(path, problems, part.start, part.end, part.line)
        return
    if path.suffix.lower() in TABLE_SUFFIXES:
        cut = None if part.whole or part.end is None else (part.start, part.end, part.first)
        yield from _rows(path, problems, dict(part.ref.columns), cut)
        return
    if not part.whole and part.end is not None:  # a part of a JSON document (`documents`)
        try:
            yield from _json_records(
                path, documents.values(path, part.start, part.end), part.first, problems
            )
        except ValueError:  # the file changed since it was cut
            problems.append(Problem(str(path), "not valid JSON"))
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        with path.open("rb") as stream:
            record = html.saved_page(stream.read(MAX_TEXT_BYTES), part.ref.url)
        if record is None:
            problems.append(Problem(str(path), html.NO_ARTICLE))
        elif part.ref.url is not None:
            record = origins.page_named(record, part.ref.url)
        yield record
        return
    if path.suffix.lower() in JSON_SUFFIXES | FEED_SUFFIXES:
        data = path.read_bytes()  # a document: it cannot be parsed a part at a time
        if path.suffix.lower() in FEED_SUFFIXES or feeds.kind(data) == "feed":
            yield from _feed(path, data, problems)
            return
        text = _text(data)
    else:
        with path.open("rb") as stream:
            # What the file holds and a byte more, to see if it grew: a read of the cap
            # itself makes an 8 MB buffer, which cost more than the read.
            data = stream.read(min(size + 1, MAX_TEXT_BYTES))
            if len(data) > size:
                data += stream.read(MAX_TEXT_BYTES - len(data))
            text = _text(data)
    if path.suffix.lower() in JSON_SUFFIXES or formats.looks_like_json(text):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: nested thousands deep
            if path.suffix.lower() in JSON_SUFFIXES:
                problems.append(Problem(str(path), "not valid JSON"))
                return
            yield formatted(formats.text_record, text, text)
            return
        yield from _json_records(path, formats.json_values(document), 1, problems)
        return
    yield formatted(formats.text_record, text, text)


def _json_records(
    path: Path, values: Iterable[object], first: int, problems: list[Problem]
) -> Iterator[Record | None]:
    """The records of a JSON document, numbered from `first`; None for one that holds no
    article (reported)."""
    for number, value in enumerate(values, first):
        record = formatted(formats.json_record, value, None)
        if record is None:
            problems.append(Problem(f"{path}#{number}", "no article text in this record"))
        yield record


def _feed(path: Path, data: bytes, problems: list[Problem]) -> Iterator[Record]:
    """A feed's items; `Unreadable` when it is not a feed, or holds no item."""
    try:
        feed = feeds.parse(data, path.stem)
    except feeds.NotAFeed as error:
        raise Unreadable(f"{error}: skipped") from None
    if feed.truncated:
        reason = f"the feed is cut short: {len(feed.records)} items read before the cut"
        problems.append(Problem(str(path), reason))
    if not feed.records:
        raise Unreadable("a feed with no items")
    yield from feed.records


def _rows(
    path: Path,
    problems: list[Problem],
    columns: Mapping[str, str],
    cut: tuple[int, int, int] | None,
) -> Iterator[Record | None]:
    try:
        yield from tables.read(path, problems, columns, cut)
    except tables.Columns as error:
        raise Unreadable(str(error)) from None


@dataclass(frozen=True, slots=True)
class FileRef:
    """An article file found under the paths given, and the id its articles are named by."""

    path: Path
    id: str
    url: str | None = None
    """The address the file was fetched from, for a body kept in the fetched folder."""
    columns: tuple[tuple[str, str], ...] = ()
    """For a table, the user's names of its columns (`tables.parse_columns`): each field
    and the column that holds it."""

    @property
    def version(self) -> str:
        """What its analysis depends on besides the file's bytes: its id, and a table's
        columns (a different mapping is a different analysis)."""
        mapping = ",".join(f"{field}={column}" for field, column in self.columns)
        return f"{self.id}\0{mapping}" if mapping else self.id


def at_least(paths: Iterable[Path], count: int) -> bool:
    """Whether the paths hold `count` article files or more; no more are looked for, so a
    large folder is answered after a few of its own."""
    found = itertools.chain.from_iterable(files(path, []) for path in paths if path.exists())
    return sum(1 for _ in itertools.islice(found, count)) >= count


def find(
    paths: Iterable[Path],
    *,
    addresses: Mapping[Path, str] | None = None,
    columns: Mapping[str, str] | None = None,
) -> tuple[list[FileRef], list[Problem]]:
    """Every article file under the given files and folders; a missing path is a problem.

    A file's id is its stem, or its path under the named folder when two stems clash.
    `addresses` gives the address each file fetched from the web was fetched from. Each
    table is read with `columns`, the user's names of its columns.
    """
    mapping = tuple((columns or {}).items())
    found: list[tuple[Path, Path]] = []
    problems: list[Problem] = []
    for root in paths:
        if not root.exists():
            problems.append(Problem(str(root), "no such file or folder"))
            continue
        found.extend((root, path) for path in files(root, problems))
    stems = Counter(path.stem for _, path in found)
    refs = []
    for root, path in found:
        if stems[path.stem] == 1:
            file_id = path.stem
        else:
            base = root if root.is_dir() else root.parent
            file_id = path.relative_to(base).with_suffix("").as_posix()
        table = path.suffix.lower() in TABLE_SUFFIXES
        refs.append(FileRef(path, file_id, (addresses or {}).get(path), mapping if table else ()))
    return refs, problems


@dataclass(frozen=True, slots=True)
class Part:
    """A part of an article file: all its records, or (for a large file of records, `split`)
    those from byte `start` to byte `end`, at most `lines.PART_RECORDS` of them."""

    ref: FileRef
    number: int = 0
    """Its place among the file's parts, from 0."""
    start: int = 0
    end: int | None = None
    """None: to the end of the file."""
    first: int = 1
    """The number of its first record: records are numbered across the whole file."""
    line: int = 0
    """The lines of the file before its first."""
    renamed: frozenset[int] = frozenset()
    """Its records whose own name a record of a part before it took: they are named by
    their number, as in the whole file."""

    @property
    def whole(self) -> bool:
        """Whether it is the whole file."""
        return self.start == 0 and self.end is None

    @property
    def records(self) -> range:
        """The numbers its records may have."""
        return range(self.first, self.first + lines.PART_RECORDS if self.end else sys.maxsize)


def large(path: Path) -> bool:
    """Whether a file is large enough to be cut into parts (`split`), by its size alone."""
    try:
        return cutting.cuttable(path, _regular(path))
    except (OSError, Unreadable):
        return False


def split(ref: FileRef, stopped: Callable[[], bool] | None = None) -> list[Part]:
    """The parts of a file, which can be read apart: a large file of records is cut every
    `lines.PART_RECORDS` records (`cutting`); any other file is one part. Finding the cuts
    reads the file (`lines.Stopped` once `stopped` says so): what cannot be read is one
    part, which reports it when it is read."""
    try:
        if not large(ref.path):
            return [Part(ref)]
        cuts = cutting.cuts(ref.path, stopped, dict(ref.columns))
    except (OSError, Unreadable):
        return [Part(ref)]
    return [
        Part(ref, number, cut.start, cut.end, cut.first, cut.line, cut.renamed)
        for number, cut in enumerate(cuts)
    ]


_NUMBERED = ("json", "table", "feed")


def _named(ref: FileRef, record: Record) -> str:
    """The id of a record named by its `key`: a feed's item by its guid alone, so that the
    feed kept again with its pages' full text names its items as the feed did, and a page
    fetched by its address by its URL alone; a row or an archived page within its file."""
    alone = record.origin == "feed" or ref.url is not None
    return record.key if alone and record.key else f"{ref.id}#{record.key}"


def read(part: Part | FileRef, problems: list[Problem]) -> list[Source]:
    """The articles of one file, or of a part of it; what cannot be read is added to
    `problems`."""
    if isinstance(part, FileRef):
        part = Part(part)
    ref, path = part.ref, part.ref.path
    sources: list[Source] = []
    reported = len(problems)
    number = 0
    named: set[str] = set()  # the ids the file's records gave themselves
    try:
        for number, record in enumerate(_records(part, problems), part.first):
            if record is None:
                continue
            text, truncated = _capped(record.body)
            # Records of an export, a table, a feed or an archive are numbered; a text file
            # is one article.
            numbered = number if record.key or record.origin in _NUMBERED else None
            article_id = f"{ref.id}#{number}" if numbered else ref.id
            taken = number in part.renamed or _named(ref, record) in named
            key = record.key if record.key and not taken else None
            if key is not None:  # the record's own name: its id stays when the records move
                named.add(article_id := _named(ref, record))
            origin = origins.of(path, ref.url, record)
            sources.append(
                Source(article_id, str(path), text, truncated, record, numbered, key, origin)
            )
    except OSError as error:
        problems.append(Problem(str(path), reason(error)))
        return sources
    except Unreadable as error:
        problems.append(Problem(str(path), str(error)))
        return sources
    if part.whole and number == 0 and len(problems) == reported:  # "[]", or an empty file
        problems.append(Problem(str(path), "no article records"))
    return sources


def load(paths: Iterable[Path]) -> tuple[list[Source], list[Problem]]:
    """Read every article under the given files and folders."""
    refs, problems = find(paths)
    return [source for ref in refs for source in read(ref, problems)], problems
