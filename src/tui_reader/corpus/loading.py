"""Find and read article files; report what cannot be read instead of failing."""

from __future__ import annotations

import csv
import itertools
import json
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import TypeVar

from . import formats, html, tables, warc
from .formats import Record
from .model import Problem, StageProblem

T = TypeVar("T")

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
JSON_SUFFIXES = frozenset({".json"})
LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | LINES_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES
MAX_CHARS = 2_000_000
"""Articles longer than this are cut and marked truncated."""
MAX_TEXT_BYTES = 4 * MAX_CHARS
"""A text file is read no further than this: enough for `MAX_CHARS` in any encoding."""
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


def bundled_seeds() -> Path:
    """The folder of the bundled corpus, in an installed package or a source checkout."""
    packaged = Path(str(resources.files("tui_reader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    # An editable install runs from src/tui_reader; the seeds sit at the repository root.
    return Path(__file__).resolve().parents[3] / "seeds"


class Unreadable(Exception):
    """A file that is not text: its reason is the message."""


def _files(root: Path, problems: list[Problem]) -> Iterator[Path]:
    """The article files under a folder (following links to folders, each folder once, so
    a link that loops is harmless), or the file itself; a folder's files in name order, then
    its folders'."""
    if not root.is_dir():
        yield root
        return
    seen: set[tuple[int, int]] = set()
    folders = [str(root)]
    while folders:
        folder = folders.pop()
        try:
            status = os.stat(folder)
            if (status.st_dev, status.st_ino) in seen:  # a link back to a folder already read
                continue
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(folder) as listing:
                # The entries tell a folder, a link and a name apart without a call to the
                # system for each: at 10,000 files that was a tenth of a second.
                entries = sorted(listing, key=attrgetter("name"))
        except OSError as error:  # reported as a file that cannot be read is
            problems.append(Problem(folder, _reason(error)))
            continue
        inner = []
        for entry in entries:
            if _is_folder(entry):
                inner.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES or warc.is_archive(
                entry.name
            ):
                if entry.is_symlink() and not os.path.exists(entry.path):
                    reason = "a link to nothing (dangling symbolic link)"
                    problems.append(Problem(entry.path, reason))
                    continue
                yield Path(entry.path)
        folders.extend(reversed(inner))  # the first folder is read next


def _reason(error: OSError) -> str:
    """Why a file or a folder could not be read, as the system says it."""
    return error.strerror or type(error).__name__


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # through a link too
    except OSError:
        return False


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


def _decode(data: bytes) -> str:
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


def _text(data: bytes) -> str:
    """Decoded text, or `Unreadable` for a binary file: NUL bytes where text has none, or
    mostly control characters."""
    text = _decode(data)
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


def _records(path: Path, problems: list[Problem]) -> Iterator[Record | None]:
    """The articles in one file, None for a record that holds none (reported).

    JSON Lines files are read one record at a time, whatever their size.
    """
    size = _regular(path)
    if warc.is_archive(path.name):
        yield from _archived(path, problems)
        return
    if path.suffix.lower() in LINES_SUFFIXES:
        yield from _lines(path, problems)
        return
    if path.suffix.lower() in TABLE_SUFFIXES:
        yield from _rows(path, problems)
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        with path.open("rb") as stream:
            record = html.saved_page(stream.read(MAX_TEXT_BYTES))
        if record is None:
            problems.append(Problem(str(path), html.NO_ARTICLE))
        yield record
        return
    if path.suffix.lower() in JSON_SUFFIXES:
        text = _text(path.read_bytes())  # a document: it cannot be parsed a part at a time
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
            yield _formatted(formats.text_record, text, text)
            return
        for number, value in enumerate(formats.json_values(document), 1):
            record = _formatted(formats.json_record, value, None)
            if record is None:
                problems.append(Problem(f"{path}#{number}", "no article text in this record"))
            yield record
        return
    yield _formatted(formats.text_record, text, text)


def _formatted(read: Callable[[T], Record | None], value: T, raw: str | None) -> Record | None:
    """What the format reads of a value (a file's text, a JSON record); if that raises,
    the value's raw text as the body, with the problem, so that no article is lost."""
    try:
        return read(value)
    except Exception as error:  # a bug in reading one format must not lose the article
        body = raw if raw is not None else json.dumps(value, ensure_ascii=False, default=str)
        return Record(body, problems=(StageProblem.raised("format", error),))


def _rows(path: Path, problems: list[Problem]) -> Iterator[Record | None]:
    """The rows of a table, numbered as the lines of the file below its header are."""
    with path.open("rb") as stream:
        lines, delimiter = tables.open_table(stream, path.suffix.lower())
        try:
            for number, record in enumerate(tables.records(lines, delimiter), 1):
                if record is None:
                    problems.append(Problem(f"{path}#{number}", "no article text in this row"))
                yield record
        except tables.Columns as error:
            raise Unreadable(str(error)) from None
        except csv.Error as error:  # a quote never closed, say
            problems.append(Problem(str(path), f"not a readable table: {error}"))


def _archived(path: Path, problems: list[Problem]) -> Iterator[Record | None]:
    """The articles of the pages in a web archive, each named by its address; the pages
    with none are counted in one problem, since a crawl holds many."""
    empty = 0
    with path.open("rb") as stream:
        try:
            for page in warc.pages(stream):
                record = html.saved_page(_page_text(page), page.uri or None)
                if page.truncated:
                    problems.append(Problem(f"{path}#{page.uri}", "a page over 8 MB: cut"))
                if record is None:
                    empty += 1
                    continue
                yield replace(record, key=page.uri or page.record_id)
        except warc.Broken as error:
            problems.append(Problem(str(path), str(error)))
    if empty:
        problems.append(Problem(str(path), f"{empty} of its pages held no article: skipped"))


def _page_text(page: warc.Page) -> str | bytes:
    """An archived page's HTML, decoded as its response said where that can be done."""
    if page.charset is not None:
        try:
            return page.html.decode(page.charset)
        except (LookupError, UnicodeDecodeError):  # a wrong or unknown charset
            pass
    return page.html


def _lines(path: Path, problems: list[Problem]) -> Iterator[Record | None]:
    with path.open("rb") as stream:
        number = 0
        while raw := stream.readline(MAX_TEXT_BYTES):
            number += 1
            if len(raw) == MAX_TEXT_BYTES and not raw.endswith(b"\n"):
                while (rest := stream.readline(MAX_TEXT_BYTES)) and not rest.endswith(b"\n"):
                    pass  # the rest of a record too long to be an article
                problems.append(Problem(f"{path}:{number}", "a record over 8 MB: skipped"))
                yield None
                continue
            line = _decode(raw).strip()
            if not line:
                continue
            try:
                value = json.loads(line)
            except (ValueError, RecursionError):
                record = None
            else:
                record = _formatted(formats.json_record, value, line)
            if record is None:
                problems.append(Problem(f"{path}:{number}", "not a JSON article record"))
            yield record


@dataclass(frozen=True, slots=True)
class FileRef:
    """An article file found under the paths given, and the id its articles are named by."""

    path: Path
    id: str


def at_least(paths: Iterable[Path], count: int) -> bool:
    """Whether the paths hold `count` article files or more; no more are looked for, so a
    large folder is answered after a few of its own."""
    files = itertools.chain.from_iterable(_files(path, []) for path in paths if path.exists())
    return sum(1 for _ in itertools.islice(files, count)) >= count


def find(paths: Iterable[Path]) -> tuple[list[FileRef], list[Problem]]:
    """Every article file under the given files and folders; a missing path is a problem.

    A file's id is its stem, or its path under the named folder when two stems clash.
    """
    found: list[tuple[Path, Path]] = []
    problems: list[Problem] = []
    for root in paths:
        if not root.exists():
            problems.append(Problem(str(root), "no such file or folder"))
            continue
        found.extend((root, path) for path in _files(root, problems))
    stems = Counter(path.stem for _, path in found)
    refs = []
    for root, path in found:
        if stems[path.stem] == 1:
            file_id = path.stem
        else:
            base = root if root.is_dir() else root.parent
            file_id = path.relative_to(base).with_suffix("").as_posix()
        refs.append(FileRef(path, file_id))
    return refs, problems


def read(ref: FileRef, problems: list[Problem]) -> list[Source]:
    """The articles of one file; what cannot be read is added to `problems`."""
    path = ref.path
    sources: list[Source] = []
    reported = len(problems)
    number = 0
    named: set[str] = set()  # the ids the file's records gave themselves
    try:
        for number, record in enumerate(_records(path, problems), 1):
            if record is None:
                continue
            text, truncated = _capped(record.body)
            # Records of a JSON export or a table are numbered; a text file is one article.
            numbered = number if record.key or record.origin in ("json", "table") else None
            article_id = f"{ref.id}#{number}" if numbered else ref.id
            key = record.key if record.key and f"{ref.id}#{record.key}" not in named else None
            if key is not None:  # a row's own name: its id stays when the rows move
                named.add(article_id := f"{ref.id}#{key}")
            sources.append(Source(article_id, str(path), text, truncated, record, numbered, key))
    except OSError as error:
        problems.append(Problem(str(path), _reason(error)))
        return sources
    except Unreadable as error:
        problems.append(Problem(str(path), str(error)))
        return sources
    if number == 0 and len(problems) == reported:  # "[]", or an empty JSON Lines file
        problems.append(Problem(str(path), "no article records"))
    return sources


def load(paths: Iterable[Path]) -> tuple[list[Source], list[Problem]]:
    """Read every article under the given files and folders."""
    refs, problems = find(paths)
    return [source for ref in refs for source in read(ref, problems)], problems
