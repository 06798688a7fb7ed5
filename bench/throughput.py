"""Articles analysed per second, in one process, on articles of the seeds' size.

    python bench/throughput.py [COUNT] [--runs N] [--folder FOLDER] [--together K]

With `--folder`, the articles are the first COUNT of that folder instead (a synthetic corpus
from `bench/synthetic.py`, whose names vary from article to article).

With `--together K`, each run is K such processes started at once, and its rate is the sum of
theirs: what a pool of K workers could reach if nothing else ran (no sending results back,
no cache, no assembly of the corpus). On a machine with K cores it shows how well they
scale; `tui-reader dump` cannot beat it.

Each article is a bundled seed whose long paragraphs end with a lowercase tag unique to that
copy; the tag is neither a name nor a date, so the analysis is the seeds' own. Short
paragraphs (titles, captions, credits) are left alone, as a tag would change how they are
cleaned, so copies share them; but the pipeline keeps nothing per paragraph, only per word
and per name, which a real corpus repeats as well. The whole pipeline runs, corpus-wide
entity resolution and the timeline included.

Each run is a fresh process, so no cache outlives it; this machine's neighbours make single
runs vary by a third, so the best and the median of several runs are reported.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tui_reader.corpus.analysis import build
from tui_reader.corpus.loading import Source, bundled_seeds, load

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import analysis_build


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


def run_once(count: int, folder: Path | None) -> None:
    sources = load([folder])[0][:count] if folder else corpus(count)
    count = len(sources)
    started = time.perf_counter()
    built = build(sources)
    elapsed = time.perf_counter() - started
    size = sum(len(s.text) for s in sources) / count
    print(f"{count / elapsed:.1f} {size:.0f} {len(built.entities)} {len(built.timeline)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="articles from this folder")
    parser.add_argument("--together", type=int, default=1, help="processes run at once")
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        run_once(args.count, args.folder)
        return
    folder = ["--folder", str(args.folder)] if args.folder else []
    command = [sys.executable, __file__, str(args.count), "--once", *folder]
    rates = []
    for _ in range(args.runs):
        processes = [
            subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
            for _ in range(args.together)
        ]
        outputs = [process.communicate()[0].split() for process in processes]
        if any(process.returncode for process in processes):
            sys.exit("a run failed")
        rates.append(sum(float(output[0]) for output in outputs))
    size, entities, events = int(outputs[0][1]), outputs[0][2], outputs[0][3]
    where = "in one process" if args.together == 1 else f"in {args.together} processes at once"
    print(
        f"{args.count} articles of {size / 1000:.1f} KB on average ({entities} entities, "
        f"{events} events), {args.runs} runs: best {max(rates):.0f}, median "
        f"{statistics.median(rates):.0f} articles/s {where} (Python "
        f"{platform.python_version()}, {analysis_build()})"
    )


if __name__ == "__main__":
    main()
