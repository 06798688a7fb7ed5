"""`q` at any moment of a warm load of a large corpus, and Ctrl+C in `dump`: the seconds from
the key to the exit.

    python bench/quitting.py [--lines 100000] [--form jsonl|json|csv] [--moments 3]
                             [--src TREE/src ...]

Uses `bench/bigfile.py`'s JSONL file of LINES short synthetic articles, or the same articles
as one JSON document (an array of records) or as a CSV table. For each tree (this
one, and each `--src` given, run through PYTHONPATH, so that a baseline is measured in the
same run), with an analysis cache of its own that a first `dump` fills:
- the reader, in a pseudo-terminal at 120x40, is sent `q` at each of `MOMENTS` (once the
  first articles are listed, while the first assemblies run, and while the whole corpus is
  assembled), and the seconds from it to the exit are measured, with what the list showed
  then;
- `dump FILE > /dev/null` is sent SIGINT (Ctrl+C) at MOMENTS fractions of its own run, and
  the seconds to its exit, and its status, are measured.
The cache and the reading state are in a folder of the system's temporary folder, one a tree,
kept for the next run: the user's are never touched. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bigfile import big_file, environment, reader
from bench.scale import Terminal

LISTED = re.compile(r"[\d,]+ / ([\d,]+) *$", re.M)
"""The position at the end of the top line, with the articles listed so far (the article
shown need not be the first: articles that arrive later can sort above it)."""
MOMENTS = ((1, 0.3), (2000, 0.3), (32_000, 0.5), (32_000, 2.0), (32_000, 4.0))
"""When `q` is typed: seconds after the list first shows so many articles. Shown again as they
grow fourfold (500, 2,000, 8,000, 32,000), the last 100,000 are assembled after 32,000."""


def in_form(path: Path, form: str) -> Path:
    """The JSONL file's articles as a file of another form, written once beside it."""
    if form == "jsonl":
        return path
    other = path.with_suffix(f".{form}")
    if other.exists():
        return other
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    partial = other.with_suffix(".partial")
    with partial.open("w", encoding="utf-8", newline="") as out:
        if form == "json":
            json.dump(records, out)
        else:
            table = csv.DictWriter(out, fieldnames=["title", "published", "text"])
            table.writeheader()
            table.writerows(records)
    partial.rename(other)
    return other


def listed(term: Terminal) -> int:
    found = LISTED.search(term.text())
    return int(found.group(1).replace(",", "")) if found else 0


def quit_at(path: Path, home: Path, src: str | None, shown: int, after: float) -> tuple[float, int]:
    """Seconds from a `q` typed `after` seconds after the reader first lists `shown`
    articles or more to its exit, and the articles it listed at the `q`."""
    with reader(path, home, src) as (term, quit_seconds):
        term.wait_for(lambda: listed(term) >= shown)
        until = time.perf_counter() + after
        while time.perf_counter() < until:
            term.read(0.01)
        then = listed(term)
        return quit_seconds(), then


def dump_run(path: Path, home: Path, src: str | None, moment: float | None) -> tuple[float, int]:
    """Seconds of a whole `dump` (with no moment), or from a SIGINT sent `moment` seconds
    after it starts to its exit; and its exit status."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui_reader", "dump", str(path)],
        env=environment(home, src),
        stdout=subprocess.DEVNULL,
        # Python ignores SIGINT in a program started with it ignored, as a shell's
        # background job is: the default, as in a terminal.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    if moment is None:
        status = process.wait()
        return time.perf_counter() - started, status
    try:
        process.wait(moment)
        return 0.0, process.returncode  # over before the moment
    except subprocess.TimeoutExpired:
        pass
    asked = time.perf_counter()
    process.send_signal(signal.SIGINT)
    status = process.wait()
    return time.perf_counter() - asked, status


def measure(path: Path, src: str | None, lines: int, moments: int) -> None:
    name = src or "this tree"
    # A cache of the tree's own, kept for the next run as the file is: filling it is a cold
    # load of all LINES.
    tree = src or str(Path(__file__).resolve().parent.parent / "src")
    home = Path(tempfile.gettempdir()) / f"tui-reader-quitting-{zlib.crc32(tree.encode()):08x}"
    home.mkdir(exist_ok=True)
    print(f"{name}: filling the cache in {home}", file=sys.stderr)
    dump_run(path, home, src, None)
    dumped, _ = dump_run(path, home, src, None)
    print(f"\n{name}: dump takes {dumped:.1f} s")
    print("| q, after the list first shows | listed at the q | q to exit |")
    print("| --- | --- | --- |")
    for most, after in MOMENTS:
        shown = min(most, lines)
        took, then = quit_at(path, home, src, shown, after)
        print(f"| {after:g} s after {shown:,} | {then:,} | {took:.2f} s |", flush=True)
    print("| Ctrl+C in dump at | to exit | status |")
    print("| --- | --- | --- |")
    for step in range(1, moments + 1):
        at = dumped * step / (moments + 1)
        interrupted, status = dump_run(path, home, src, at)
        print(f"| {at:.1f} s | {interrupted:.2f} s | {status} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--form", choices=("jsonl", "json", "csv"), default="jsonl")
    parser.add_argument("--moments", type=int, default=3, help="Ctrl+C moments in dump")
    parser.add_argument("--src", action="append", default=[], help="another tree's src folder")
    args = parser.parse_args()
    path = in_form(big_file(args.lines), args.form)
    for tree in [*args.src, None]:
        measure(path, tree, args.lines, args.moments)


if __name__ == "__main__":
    main()
