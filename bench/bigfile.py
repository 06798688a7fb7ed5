"""One big JSON Lines file, cold and warm: the reader's time to its first articles and from `q`
to its exit, and the whole of `tui-reader dump`.

    python bench/bigfile.py [--lines 200000] [--src TREE/src ...]

Writes LINES short synthetic articles (`bench/synthetic.py`'s varied seed sentences, two to
four a record, a fixed random seed) as one JSONL file under the system's temporary folder
(kept for the next run), then for each tree (this one, and each `--src` given, run through
PYTHONPATH, so that a baseline is measured in the same run):
- cold: with an empty analysis cache, `dump FILE > /dev/null`, its seconds; then the reader in
  a pseudo-terminal at 120x40, empty cache again: seconds to the first articles listed (the
  list's "1 / N"), and, `q` typed one second later, seconds from the `q` to its exit;
- warm: the same with the cache the cold `dump` filled.
The cache and the reading state are in a temporary folder: the user's are never touched. This
is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import synthetic
from bench.scale import Terminal, _environment

LISTED = re.compile(r"1 / [\d,]+")
"""The article list's border once it lists articles."""


def big_file(lines: int) -> Path:
    """The JSONL file of `lines` articles, written once."""
    path = Path(tempfile.gettempdir()) / f"tui-reader-bigfile-{lines}.jsonl"
    if path.exists():
        return path
    rng = random.Random(synthetic.RANDOM_SEED)
    sentences = synthetic.seed_sentences()
    varier = synthetic.Varier(rng)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for number in range(lines):
            body = " ".join(
                varier.sentence(*rng.choice(sentences)) for _ in range(rng.randint(2, 4))
            )
            day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            title = f"Story {number}: {varier.sentence(*rng.choice(sentences))[:70]}"
            out.write(json.dumps({"title": title, "published": day, "text": body}) + "\n")
    partial.rename(path)
    return path


def environment(home: Path, src: str | None) -> dict[str, str]:
    env = _environment(home)
    if src is not None:
        env["PYTHONPATH"] = src
    return env


def dump_seconds(path: Path, home: Path, src: str | None) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui_reader", "dump", str(path)],
        env=environment(home, src),
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


@contextlib.contextmanager
def reader(
    path: Path, home: Path, src: str | None
) -> Iterator[tuple[Terminal, Callable[[], float]]]:
    """The reader of `path` in a pseudo-terminal, and a call that types `q` and gives the
    seconds from it to the reader's exit. The terminal is closed at the end, the reader
    killed if it has not exited."""
    term = Terminal.spawn([sys.executable, "-m", "tui_reader", str(path)], environment(home, src))
    exited = False

    def quit_seconds() -> float:
        nonlocal exited
        asked = time.perf_counter()
        os.write(term.fd, b"q")
        while not (exited := os.waitpid(term.pid, os.WNOHANG)[0] != 0):
            term.read(0.01)
        return time.perf_counter() - asked

    try:
        yield term, quit_seconds
    finally:
        if exited:
            term.pump.join(5)
            os.close(term.fd)
        else:
            term.close()


def reader_seconds(path: Path, home: Path, src: str | None) -> tuple[float, float]:
    """Seconds to the first articles listed, and from a `q` typed a second later to the
    exit."""
    started = time.perf_counter()
    with reader(path, home, src) as (term, quit_seconds):
        first = term.wait_for(lambda: LISTED.search(term.text()) is not None, started)
        time.sleep(1)
        return first, quit_seconds()


def measure(path: Path, src: str | None) -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as cold_home, tempfile.TemporaryDirectory() as home:
        print(f"  {src or 'this tree'}: cold dump", file=sys.stderr)
        figures["dump, cold"] = dump_seconds(path, Path(home), src)
        print("  warm dump", file=sys.stderr)
        figures["dump, warm"] = dump_seconds(path, Path(home), src)
        print("  cold reader", file=sys.stderr)
        figures["first articles, cold"], figures["q to exit, cold"] = reader_seconds(
            path, Path(cold_home), src
        )
        print("  warm reader", file=sys.stderr)
        figures["first articles, warm"], figures["q to exit, warm"] = reader_seconds(
            path, Path(home), src
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--src", action="append", default=[], help="another tree's src folder")
    args = parser.parse_args()
    path = big_file(args.lines)
    print(f"{path}: {path.stat().st_size / 1e6:.0f} MB, {args.lines:,} lines", file=sys.stderr)
    trees: list[str | None] = [*args.src, None]
    results = {tree: measure(path, tree) for tree in trees}
    names = [tree or "this tree" for tree in trees]
    print(f"| seconds | {' | '.join(names)} |")
    print(f"| --- |{' --- |' * len(names)}")
    for what in results[None]:
        print(f"| {what} | {' | '.join(f'{results[t][what]:.2f}' for t in trees)} |")


if __name__ == "__main__":
    main()
