"""The files of the kinds the reader reads, found under a folder; a file of any other kind is
named among the problems, so that nothing is skipped without a word."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path

from . import warc
from .model import Problem

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
JSON_SUFFIXES = frozenset({".json"})
LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".rdf", ".atom"})
"""Files that may hold a feed, as their content says; a JSON file may hold a JSON Feed."""
ARTICLE_SUFFIXES = (
    TEXT_SUFFIXES | JSON_SUFFIXES | LINES_SUFFIXES | TABLE_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
)
LIST_SUFFIXES = frozenset({".opml"})
"""Lists of feeds: read when named on the command line, passed over in a folder."""
UNKNOWN = "not a kind of file the reader reads: skipped"
NAMED_UNKNOWN = 5
"""Files of unknown kinds named one by one in a folder that holds more than `MOST_UNKNOWN`
of them; the rest are counted, by suffix, in one problem."""
MOST_UNKNOWN = 20


def is_article_file(name: str) -> bool:
    """Whether a file's name says it holds articles."""
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES or warc.is_archive(name)


def files(root: Path, problems: list[Problem]) -> Iterator[Path]:
    """The article files under a folder (following links to folders, each folder once, so
    a link that loops is harmless), or the file itself; a folder's files in name order, then
    its folders'. Files of other kinds are problems (`_unknown`), but for hidden ones and the
    folder of a saved page's assets (`page_files/` beside `page.html`)."""
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
            problems.append(Problem(folder, reason(error)))
            continue
        names = {entry.name for entry in entries}
        inner, unknown = [], []
        for entry in entries:
            if _is_folder(entry):
                if not _assets(entry.name, names):
                    inner.append(entry.path)
            elif is_article_file(entry.name):
                if entry.is_symlink() and not os.path.exists(entry.path):
                    why = "a link to nothing (dangling symbolic link)"
                    problems.append(Problem(entry.path, why))
                    continue
                yield Path(entry.path)
            elif not entry.name.startswith(".") and not _is_list(entry.name):
                unknown.append(entry.path)
        problems.extend(_unknown(folder, unknown))
        folders.extend(reversed(inner))  # the first folder is read next


def _is_list(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in LIST_SUFFIXES


def _assets(name: str, names: set[str]) -> bool:
    """Whether a folder is where a browser saved a page's images and scripts: `page_files`
    beside `page.html` (or `.htm`, `.xhtml`)."""
    page = name.removesuffix("_files")
    return page != name and any(page + suffix in names for suffix in HTML_SUFFIXES)


def _unknown(folder: str, paths: list[str]) -> list[Problem]:
    """The problems of a folder's files of unknown kinds: each by name, or for many, the
    first few and a count of the others by suffix."""
    if len(paths) <= MOST_UNKNOWN:
        return [Problem(path, UNKNOWN) for path in paths]
    named, others = paths[:NAMED_UNKNOWN], paths[NAMED_UNKNOWN:]
    suffixes = Counter(os.path.splitext(path)[1].lower() or "no suffix" for path in others)
    counted = ", ".join(f"{count} {suffix}" for suffix, count in suffixes.most_common())
    why = f"{len(others)} more files of kinds the reader does not read ({counted}): skipped"
    return [*(Problem(path, UNKNOWN) for path in named), Problem(folder, why)]


def reason(error: OSError) -> str:
    """Why a file or a folder could not be read, as the system says it."""
    return error.strerror or type(error).__name__


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # through a link too
    except OSError:
        return False
