"""Find and read article files; report what cannot be read instead of failing."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import formats
from .formats import Record
from .model import Problem

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
JSON_SUFFIXES = frozenset({".json"})
LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | LINES_SUFFIXES
MAX_CHARS = 2_000_000
"""Articles longer than this are cut and marked truncated."""


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


def bundled_seeds() -> Path:
    """The folder of the bundled corpus, in an installed package or a source checkout."""
    packaged = Path(str(resources.files("tui_reader"))) / "seeds"
    if packaged.is_dir():
        return packaged
    # An editable install runs from src/tui_reader; the seeds sit at the repository root.
    return Path(__file__).resolve().parents[3] / "seeds"


def _files(root: Path) -> Iterator[Path]:
    if root.is_dir():
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder, name)
                if path.suffix.lower() in ARTICLE_SUFFIXES:
                    yield path
    else:
        yield root


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _capped(text: str) -> tuple[str, bool]:
    if len(text) > MAX_CHARS:
        return text[:MAX_CHARS], True
    return text, False


def _records(path: Path, problems: list[Problem]) -> Iterator[Record | None]:
    """The articles in one file, None for a record that holds none (reported).

    JSON Lines files are read one record at a time, whatever their size.
    """
    if path.suffix.lower() in LINES_SUFFIXES:
        yield from _lines(path, problems)
        return
    text = _decode(path.read_bytes())
    if path.suffix.lower() in JSON_SUFFIXES or formats.looks_like_json(text):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: nested thousands deep
            if path.suffix.lower() in JSON_SUFFIXES:
                problems.append(Problem(str(path), "not valid JSON"))
                return
            yield formats.text_record(text)
            return
        for number, value in enumerate(formats.json_values(document), 1):
            record = formats.json_record(value)
            if record is None:
                problems.append(Problem(f"{path}#{number}", "no article text in this record"))
            yield record
        return
    yield formats.text_record(text)


def _lines(path: Path, problems: list[Problem]) -> Iterator[Record | None]:
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            line = _decode(raw).strip()
            if not line:
                continue
            try:
                record = formats.json_record(json.loads(line))
            except (ValueError, RecursionError):
                record = None
            if record is None:
                problems.append(Problem(f"{path}:{number}", "not a JSON article record"))
            yield record


@dataclass(frozen=True, slots=True)
class FileRef:
    """An article file found under the paths given, and the id its articles are named by."""

    path: Path
    id: str


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
        found.extend((root, path) for path in _files(root))
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
    try:
        for number, record in enumerate(_records(path, problems), 1):
            if record is None:
                continue
            text, truncated = _capped(record.body)
            # Records of a JSON export are numbered; a text file is one article.
            numbered = number if record.origin == "json" else None
            article_id = f"{ref.id}#{number}" if numbered else ref.id
            sources.append(Source(article_id, str(path), text, truncated, record, numbered))
    except OSError as error:
        problems.append(Problem(str(path), error.strerror or type(error).__name__))
        return sources
    if number == 0 and len(problems) == reported:  # "[]", or an empty JSON Lines file
        problems.append(Problem(str(path), "no article records"))
    return sources


def load(paths: Iterable[Path]) -> tuple[list[Source], list[Problem]]:
    """Read every article under the given files and folders."""
    refs, problems = find(paths)
    return [source for ref in refs for source in read(ref, problems)], problems
