"""Time every pattern of the analysis over long runs of one repeated piece of text.

    python bench/regex_audit.py [--length 20000]

Each pattern's `finditer` is timed over a run of letters, capitals, spaces or punctuation,
the harshest way a pattern can be used, and again over a run four times as long. A pattern
that works in linear time takes about four times as long on it; one that backtracks over
the run from each of its characters takes sixteen times as long. Prints the runs that grow
more than eight times, and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Iterator

import tui_reader.corpus

PIECES = (
    "a", "A", "Aa", "A ", "a ", " ", ".", "1", "-", "'", "A.", "Aa ", "1 ", ", ", "A-", "a-",
    "|", "/", "&", "(", "\\", "Aa. ", "on ", "\\u", "&#", "— ", "Mr ", "The ", "A, ", "U.S. ",
    "A | ", "1 April 2022 ", "2,654 ", "\"A\" ", "ÀÉ", "日本",
)  # fmt: skip


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern held by a module of the analysis, at its top level or in a
    dict or sequence there, with where it is."""
    package = tui_reader.corpus
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            where = f"{info.name.removeprefix('tui_reader.corpus.')}.{name}"
            if isinstance(value, re.Pattern):
                yield where, value
            elif isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, re.Pattern):
                        yield f"{where}[{key!r}]", item
            elif isinstance(value, list | tuple):
                for index, item in enumerate(value):
                    if isinstance(item, re.Pattern):
                        yield f"{where}[{index}]", item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--length", type=int, default=20_000, help="characters in each run")
    args = parser.parse_args()
    slow: list[tuple[float, float, str, str]] = []
    count = 0
    for where, pattern in patterns():
        count += 1
        for piece in PIECES:
            took = _timed(pattern, piece, args.length)
            if took < 0.001:  # too quick to tell growth from noise, and harmless
                continue
            longer = _timed(pattern, piece, 4 * args.length)
            if longer > 8 * took:
                slow.append((longer / took, longer, where, piece))
    for growth, longer, where, piece in sorted(slow, reverse=True):
        print(f"{growth:5.1f}× ({longer:.3f} s)  {where}  over {piece!r}")
    print(f"{count} patterns, {len(PIECES)} runs each of {args.length:,} and "
          f"{4 * args.length:,} characters: {len(slow)} grew more than eight times")  # fmt: skip
    sys.exit(1 if slow else 0)


def _timed(pattern: re.Pattern[str], piece: str, length: int) -> float:
    """The least time of three that `finditer` takes over `length` characters of `piece`."""
    text = piece * (length // len(piece))
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        best = min(best, time.perf_counter() - started)
    return best


if __name__ == "__main__":
    main()
