"""Articles analysed per second, in one process, on articles of the seeds' size.

    python bench/throughput.py [COUNT]

Each article is a bundled seed whose long paragraphs end with a lowercase tag unique to that
copy, so no two articles share a paragraph and no cache is hit that a real corpus would miss;
the tag is neither a name nor a date, so the analysis is the seeds' own. The whole
pipeline runs, corpus-wide entity resolution and the timeline included.
"""

from __future__ import annotations

import sys
import time

from tui_reader.corpus.analysis import build
from tui_reader.corpus.loading import Source, bundled_seeds, load


def _tag(number: int) -> str:
    """A number written in the letters a to j: 120 gives "bca"."""
    return "".join(chr(ord("a") + int(digit)) for digit in str(number))


def corpus(count: int) -> list[Source]:
    seeds, _ = load([bundled_seeds()])
    sources = []
    for number in range(count):
        seed = seeds[number % len(seeds)]
        paragraphs = seed.text.split("\n\n")
        text = "\n\n".join(
            f"{p} ({_tag(number)} {_tag(i)})" if len(p) > 200 else p
            for i, p in enumerate(paragraphs)
        )
        sources.append(Source(f"{seed.id}-{number}", seed.path, text))
    return sources


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    sources = corpus(count)
    size = sum(len(s.text) for s in sources) / count
    started = time.perf_counter()
    built = build(sources)
    elapsed = time.perf_counter() - started
    print(
        f"{count} articles of {size / 1000:.1f} KB on average: {elapsed:.2f} s, "
        f"{count / elapsed:.0f} articles/s in one process "
        f"({len(built.entities)} entities, {len(built.timeline)} events)"
    )


if __name__ == "__main__":
    main()
