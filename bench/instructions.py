"""Instructions per article of each analysis stage, counted by valgrind's callgrind.

    python bench/instructions.py [STAGE ...]     (stages: build clean spans find extract resolve)

Seconds on this shared machine drift by a third from run to run; instruction counts do not,
so they show whether a change to the pipeline made it cheaper. Each stage runs under
callgrind on the articles of `throughput.corpus` and on none, with the stages before it run
for all of them both times (the sentence spans that the later stages are given among
them); the difference, per article, is the stage's cost. It needs
valgrind (Debian's package) and takes about a minute a stage.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from tui_reader.corpus import dates, entities, text
from tui_reader.corpus.analysis import build
from tui_reader.corpus.cleaning import clean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.throughput import corpus

STAGES = ("build", "clean", "spans", "find", "extract", "resolve")
COUNT = 300


def run_stage(stage: str, count: int) -> None:
    """Run one stage on the first `count` of COUNT articles (in the process callgrind counts)."""
    sources = corpus(COUNT)
    if stage == "build":
        build(sources[:count])
        return
    bodies = [clean(s.text).paragraphs for s in (sources[:count] if stage == "clean" else sources)]
    if stage == "clean":
        return
    if stage == "spans":
        for paragraphs in bodies[:count]:
            for paragraph in paragraphs:
                text.sentence_spans(paragraph)
        return
    sentences = [[text.sentence_spans(p) for p in paragraphs] for paragraphs in bodies]
    if stage == "find":
        for paragraphs, spans in zip(bodies[:count], sentences, strict=False):
            dates.find(paragraphs, spans)
    elif stage in ("extract", "resolve"):
        found = [
            entities.extract(paragraphs, spans)
            for paragraphs, spans in zip(
                bodies[:count] if stage == "extract" else bodies, sentences, strict=False
            )
        ]
        if stage == "resolve":
            entities.resolve({str(i): candidates for i, candidates in enumerate(found[:count])})


def instructions(stage: str, count: int) -> int:
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, __file__, "--run", stage, str(count)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    refs = re.search(r"refs:\s*([\d,]+)", result.stderr)
    if refs is None:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(refs.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stages", nargs="*", metavar="STAGE", help=", ".join(STAGES))
    parser.add_argument("--run", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_stage(args.run[0], int(args.run[1]))
        return
    unknown = set(args.stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stage: {', '.join(sorted(unknown))}")
    for stage in args.stages or STAGES:
        cost = (instructions(stage, COUNT) - instructions(stage, 0)) / COUNT
        print(f"{stage:8} {cost / 1e6:6.2f} M instructions per article")


if __name__ == "__main__":
    main()
