"""Damage in the analysis cache, read back through the store: no load may raise, and no
damaged record may be used.

    python bench/cache_faults.py [--examples 20000] [--seed 0]

A small corpus (a text file; a JSON file of two articles and a record that is none, which
is a problem of the file) is analysed into a cache. Each example damages one file's stored
record, in one of two ways, and loads the corpus through the cache again
(`store.pipeline.Loading`):

- flips: 1 to 300 bytes of the record as it lies in the database file (its header, path,
  stamp, packed analysis or checksum) changed at random, as bit rot or a stray write would
  change them;
- values: one field of the packed analysis given a value of the wrong type or out of its
  range, and the record stored through `Cache.put`, so that its checksum matches and only
  the checks of `packing.unpack` stand in the way.

An example passes when the load reports the damage in one problem (naming the file, or the
cache's file when SQLite found that damaged and it was set aside) and gives the corpus a
fresh analysis gives. It fails when the load raises ("escaped"), reports nothing
("accepted"), or gives another corpus ("wrong"). The suite runs 1,000 examples
(tests/test_cache_faults.py); this runs as many as asked, and prints the count of each
outcome and the first failures.
"""

from __future__ import annotations

import argparse
import json
import marshal
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tui_reader.corpus.export import to_data
from tui_reader.store.cache import Cache, Stamp, pipeline_version
from tui_reader.store.pipeline import Loading

TEXT = (
    "Vote in Albany\n\nWorkers in Albany voted on Friday, said Jane Doe of the Amazon Labor "
    "Union (ALU).\n\nThe count was on April 1, 2022, the National Labor Relations Board said.\n"
)
RECORDS = [
    {
        "title": "One",
        "date": "2022-04-01",
        "text": "Chris Smalls spoke in Staten Island on Monday.",
    },
    {"title": "None"},  # no text: a problem of the file
    {"title": "Two", "author": "Jo Ann", "url": "https://example.com/2", "text": "NLRB, May 2."},
]
FLIPS_UP_TO = 300
OUTCOMES = ("rejected", "escaped", "accepted", "wrong")
"""What an example can end in: the first passes, the others fail."""


def _varint(value: int) -> bytes:
    """SQLite's variable-length integer (below 2**56: seven bits a byte, high bit for more)."""
    groups = [value & 0x7F]
    while value := value >> 7:
        groups.append(value & 0x7F | 0x80)
    return bytes(reversed(groups))


def _record(values: tuple[Any, ...]) -> bytes:
    """A row as SQLite lays it out in its file: a header of each value's type and size,
    then the values."""
    types, body = [], b""
    for value in values:
        if isinstance(value, int) and value in (0, 1):
            types.append(8 + value)  # 0 and 1 take no bytes
            continue
        if isinstance(value, int):
            size = next(
                n for n in (1, 2, 3, 4, 6, 8) if -(1 << (8 * n - 1)) <= value < 1 << (8 * n - 1)
            )
            types.append({1: 1, 2: 2, 3: 3, 4: 4, 6: 5, 8: 6}[size])
            body += value.to_bytes(size, "big", signed=True)
        else:
            data = value.encode() if isinstance(value, str) else value
            types.append(len(data) * 2 + (13 if isinstance(value, str) else 12))
            body += data
    header = b"".join(map(_varint, types))
    return _varint(len(header) + 1) + header + body  # a header under 127 bytes


class Faults:
    """The corpus, its cache as first written, and where each file's record lies in it."""

    def __init__(self, folder: Path) -> None:
        corpus = folder / "corpus"
        corpus.mkdir()
        (corpus / "vote.txt").write_text(TEXT)
        (corpus / "export.json").write_text(json.dumps(RECORDS))
        self.paths = [corpus]
        self.cache_path = folder / "cache" / "analysis.sqlite3"
        self.version = pipeline_version()
        cache = Cache(self.cache_path, self.version)
        self.fresh = to_data(Loading(self.paths, cache=cache).run())
        cache.close()  # which writes the log back into the file
        self.pristine = self.cache_path.read_bytes()
        db = sqlite3.connect(self.cache_path)
        rows = db.execute("SELECT path, part, file_id, size, mtime, data, checksum FROM files")
        self.records = {row[0]: row for row in rows}
        db.close()
        self.bad = {path: _bad_values(marshal.loads(row[5])) for path, row in self.records.items()}
        """The bad values each file's packed analysis can be given (`_bad_values`)."""
        self.extents = {}
        """Where each file's record starts and ends in the file."""
        for path, row in self.records.items():
            laid = _record(row)
            start = self.pristine.find(laid)
            assert start > 0, path
            assert self.pristine.find(laid, start + 1) < 0, path
            self.extents[path] = (start, start + len(laid))

    def _restore(self) -> None:
        folder = self.cache_path.parent
        shutil.rmtree(folder)
        folder.mkdir()
        self.cache_path.write_bytes(self.pristine)

    def flips(self, rng: random.Random) -> tuple[str, Cache]:
        """Change bytes of one file's record in the database file, and open it."""
        self._restore()
        path = rng.choice(sorted(self.records))
        start, end = self.extents[path]
        damaged = bytearray(self.pristine)
        count = rng.randint(1, min(FLIPS_UP_TO, end - start))
        for at in rng.sample(range(start, end), count):
            damaged[at] ^= rng.randint(1, 255)
        self.cache_path.write_bytes(damaged)
        return f"{count} bytes of {Path(path).name}'s record", Cache(self.cache_path, self.version)

    def value(self, rng: random.Random) -> tuple[str, Cache]:
        """Give one field of one file's packed analysis a bad value, and store it whole, in
        the cache opened."""
        self._restore()
        path = rng.choice(sorted(self.records))
        _, part, file_id, size, mtime, data, _ = self.records[path]
        where, at, value = rng.choice(self.bad[path])
        bad = marshal.dumps(_replaced(marshal.loads(data), at, value))
        cache = Cache(self.cache_path, self.version)
        cache.put([(Stamp(path, file_id, size, mtime, part), bad)])
        return f"{Path(path).name}: {where}", cache

    def example(self, rng: random.Random) -> tuple[str, str]:
        """Damage a record, one way or the other, and load the corpus again: the outcome
        (`OUTCOMES`), and what the damage was."""
        what, cache = self.flips(rng) if rng.random() < 0.5 else self.value(rng)
        try:
            data = to_data(Loading(self.paths, cache=cache).run())
        except Exception as error:  # what the test is there to find
            return "escaped", f"{what}: {type(error).__name__}: {error}"
        finally:
            cache.close()
        found = [p for p in data["problems"] if p not in self.fresh["problems"]]
        reported = [p for p in found if p["path"] in (*self.records, str(self.cache_path))]
        if not reported:
            return "accepted", what
        if len(found) != 1 or {**data, "problems": self.fresh["problems"]} != self.fresh:
            return "wrong", f"{what}: {found}"
        return "rejected", what


def _bad_values(loaded: Any) -> list[tuple[str, tuple[int, ...], Any]]:
    """Every way this module damages one file's packed analysis: what each changes, where
    (a path of indices into the analysis), and to what. Each value is of the wrong type or
    out of range for its field, and none equals a value that field may have."""
    found: list[tuple[str, tuple[int, ...], Any]] = []
    version, articles, problems = loaded

    def put(where: str, path: tuple[int, ...], values: list[Any]) -> None:
        found.extend((f"{where} = {value!r}"[:80], path, value) for value in values)

    wrong_text = [None, 1, b"x", ["x"], 1.5]
    put("format", (0,), [version + 1, str(version), None])
    put("articles", (1,), [tuple(articles), {}, None])
    put("problems", (2,), [tuple(problems), [(1, "r", None)], [("p", None, None)], [("p", "r")]])
    put("the analysis", (), [[version, articles, problems], (version, articles)])
    for number, (fields, candidates) in enumerate(articles):
        at = (1, number, 0)
        paragraphs = fields[3]
        put(f"article {number}", (1, number), [fields, (fields,), (fields, candidates, [])])
        put("id", (*at, 0), ["other", f"{fields[0]}#9", *wrong_text])
        put("source", (*at, 1), ["/elsewhere.txt", *wrong_text])
        put("title", (*at, 2), wrong_text)
        put("paragraphs", (*at, 3), [tuple(paragraphs), [1], [None], "x", None])
        put("headings", (*at, 4), [(len(paragraphs),), (-1,), [0], (True,), ("0",), None])
        for field, name in ((5, "author"), (6, "url")):
            put(name, (*at, field), [1, b"x", ["x"], 1.5])
        days = [0, -1, 3652060, 10**30, 1.5, "738000", True]
        put("published", (*at, 7), days)
        put("date from", (*at, 8), ["bogus", 1, ["json"]])
        put("guessed date", (*at, 9), days)
        put("removed", (*at, 10), [[1], "x", None])
        put("notes", (*at, 11), [[b"x"], ("x",)])
        put("truncated", (*at, 12), [1, 0, None, "True"])
        put("record", (*at, 13), [0, -1, 10**30, "1", 1.5, (fields[13] or 0) + 1])
        put("key", (*at, 14), ["", "x", 1, b"x", ["x"]])
        put("events", (*at, 15), ["x", [None], [("x",)], None])
        stage = [[("bogus", "error", "m")], [("format", "x", "m")], [("format", "error", 1)]]
        put("stage problems", (*at, 16), [*stage, [("format", "error")], "x"])
        put("site", (*at, 17), [1, b"x", ["x"], 1.5])
        put("links", (*at, 18), [[1], "x", None, ("x",)])
        # Its origin: a file's, so that any address, and a table's kind without a row, is
        # out of range for it.
        row = ["csv"] if fields[13] is None else []
        put("origin kind", (*at, 19), ["bogus", "url", *row, 1, None, ["file"]])
        for field, name in ((20, "origin url"), (21, "origin feed"), (22, "origin record id")):
            put(name, (*at, field), ["x", "", 1, b"x", ["x"]])
        for index, event in enumerate(fields[15]):
            e = (*at, 15, index)
            length = len(paragraphs[event[4]])
            put("event", e, [event[:-1], list(event)])
            put("event date", (*e, 0), [5, b"x"])
            put("event precision", (*e, 1), ["fortnight", 1, ["day"]])
            put("event expression", (*e, 2), wrong_text)
            put("event paragraph", (*e, 4), [-1, len(paragraphs), 10**30, 1.5, "0"])
            put("event offset", (*e, 5), [-1, length + 1, 10**30, 0.5, "0"])
        put("names", (1, number, 1), ["x", [None], [("x",)], None])
        for index, candidate in enumerate(candidates):
            c = (1, number, 1, index)
            paragraph, start, end = candidate[:3]
            length = len(paragraphs[paragraph])
            put("name", c, [candidate[:-1], list(candidate)])
            put("name paragraph", (*c, 0), [-1, len(paragraphs), 10**30, 0.5, "0"])
            put("name start", (*c, 1), [-1, end, 10**30, 0.5, None])
            put("name end", (*c, 2), [start, length + 1, 10**30, 0.5, None])
            put("name text", (*c, 3), wrong_text)
            put("name key", (*c, 4), wrong_text)
            put("name words", (*c, 5), [(), (1,), (0, 0), (0, -1), (0, end - start), [0], "0",
                                        (0, "1"), (0, 0.5), None])  # fmt: skip
            put("name initial", (*c, 6), [1, 0, None, "True"])
            put("name cues", (*c, 7), [("x",), (("k",),), (("k", "w"),), (("k", float("nan")),),
                                       (("k", float("inf")),), (("k", 10**30),), ((1, 1.0),),
                                       "x", [("k", 1.0)], (("k-bool", True),)])  # fmt: skip
            put("name acronym", (*c, 8), [1, b"x", ["x"]])
    return found


def _replaced(value: Any, path: tuple[int, ...], new: Any) -> Any:
    """`value` (tuples and lists, nested), with what is at `path` replaced by `new`."""
    if not path:
        return new
    items = list(value)
    items[path[0]] = _replaced(items[path[0]], path[1:], new)
    return tuple(items) if isinstance(value, tuple) else items


def scratch() -> tempfile.TemporaryDirectory[str]:
    """A folder for the cache, in memory where the machine has one (/dev/shm): each example
    writes the file afresh and SQLite syncs it as it closes, which on a disk took ten times
    as long as the rest of the example."""
    shm = Path("/dev/shm")
    return tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None)


def run(examples: int, seed: int, folder: Path) -> tuple[Counter[str], list[str]]:
    """The outcome of each of `examples` examples (a fixed seed: a run can be repeated), and
    a line for each failure."""
    faults = Faults(folder)
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    failures = []
    for _ in range(examples):
        outcome, what = faults.example(rng)
        outcomes[outcome] += 1
        if outcome != "rejected":
            failures.append(f"{outcome}: {what}")
    return outcomes, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    with scratch() as folder:
        outcomes, failures = run(args.examples, args.seed, Path(folder))
    for line in failures[:20]:
        print(line)
    took = time.perf_counter() - started
    counts = ", ".join(f"{outcomes[name]:,} {name}" for name in OUTCOMES)
    print(f"{args.examples:,} examples in {took:.0f} s: {counts}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
