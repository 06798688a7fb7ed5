"""Find and read article files; report what cannot be read instead of failing."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .model import Problem

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".text"})
MAX_CHARS = 2_000_000
"""Articles longer than this are cut and marked truncated."""


@dataclass(frozen=True, slots=True)
class Source:
    """The raw text of one article and where it came from."""

    id: str
    path: str
    text: str
    truncated: bool = False


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


def _read(path: Path) -> tuple[str, bool]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if len(text) > MAX_CHARS:
        return text[:MAX_CHARS], True
    return text, False


def load(paths: Iterable[Path]) -> tuple[list[Source], list[Problem]]:
    """Read every article under the given files and folders."""
    found: list[tuple[Path, Path]] = []
    problems: list[Problem] = []
    for root in paths:
        if not root.exists():
            problems.append(Problem(str(root), "no such file or folder"))
            continue
        found.extend((root, path) for path in _files(root))

    stems = Counter(path.stem for _, path in found)
    sources: list[Source] = []
    for root, path in found:
        try:
            text, truncated = _read(path)
        except OSError as error:
            problems.append(Problem(str(path), error.strerror or type(error).__name__))
            continue
        if stems[path.stem] == 1:
            article_id = path.stem
        else:
            base = root if root.is_dir() else root.parent
            article_id = path.relative_to(base).with_suffix("").as_posix()
        sources.append(Source(article_id, str(path), text, truncated))
    return sources, problems
