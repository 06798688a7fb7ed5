"""One big file of each kind that is cut into parts: a JSON document of records, a CSV table
and a web archive, cold and warm, this tree against others (`--src`) in the same run.

    python bench/bigkinds.py [--records 200000] [--pages 3000] [--src TREE/src ...]

Writes (once, under the system's temporary folder) RECORDS synthetic articles
(`bench/bigfile.py`'s) as `{"articles": [...]}` and as a CSV table, and PAGES synthetic
news pages of our own writing (`bench/synthetic.py`'s sentences) as a .warc.gz, a record a
gzip member. For each file and tree, as `bench/bigfile.py` does: `dump FILE > /dev/null`
cold and warm, and the reader's seconds to its first articles cold and warm. For the
archive, also its pages per second cold and warm, and trafilatura alone (`bare_extraction`
with metadata) on the same pages in one process. The user's cache and state are never
touched. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bigfile import big_file, measure
from bench.pages import trafilatura_seconds, write_archive


def _records(count: int) -> list[dict[str, str]]:
    with big_file(count).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def document(count: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"tui-reader-bigkinds-{count}.json"
    if not path.exists():
        path.write_text(json.dumps({"articles": _records(count)}, indent=1), encoding="utf-8")
    return path


def table(count: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"tui-reader-bigkinds-{count}.csv"
    if not path.exists():
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, ["title", "published", "text"])
            writer.writeheader()
            writer.writerows(_records(count))
    return path


def page(record: dict[str, str], number: int) -> bytes:
    """A news page of our own writing around a synthetic article."""
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in record["text"].split(". "))
    return (
        f"<html><head><title>{record['title']} | Example News</title>"
        f'<meta property="article:published_time" content="{record["published"]}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{record['title']}</h1>{paragraphs * 3}</article>"
        f"<footer>Page {number}. Copyright Example News.</footer></body></html>"
    ).encode()


def pages(count: int) -> list[bytes]:
    return [page(record, number) for number, record in enumerate(_records(count))]


def archive(count: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"tui-reader-bigkinds-{count}.warc.gz"
    if not path.exists():
        urls = (f"https://news.example.com/{number}" for number in range(count))
        write_archive(path, zip(urls, pages(count), strict=False))
    return path


def page_folder(count: int) -> Path:
    """The archive's pages as files of a folder, for trafilatura alone."""
    folder = Path(tempfile.gettempdir()) / f"tui-reader-bigkinds-{count}-pages"
    if not folder.exists():
        partial = folder.with_name(folder.name + ".partial")
        partial.mkdir(exist_ok=True)
        for number, body in enumerate(pages(count)):
            (partial / f"{number:06}.html").write_bytes(body)
        partial.rename(folder)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--src", action="append", default=[], help="another tree's src folder")
    parser.add_argument("--kinds", default="json,csv,warc", help="which files, of json,csv,warc")
    args = parser.parse_args()
    makers = {"json": lambda: document(args.records), "csv": lambda: table(args.records)}
    makers["warc"] = lambda: archive(args.pages)
    trees: list[str | None] = [*args.src, None]
    names = [tree or "this tree" for tree in trees]
    started = time.perf_counter()
    for kind in args.kinds.split(","):
        path = makers[kind]()
        print(f"{path}: {path.stat().st_size / 1e6:.0f} MB", file=sys.stderr)
        results = {tree: measure(path, tree) for tree in trees}
        print(f"\n{path.name}\n\n| seconds | {' | '.join(names)} |")
        print(f"| --- |{' --- |' * len(names)}")
        for what in results[None]:
            print(f"| {what} | {' | '.join(f'{results[t][what]:.2f}' for t in trees)} |")
        if kind == "warc":
            for when in ("cold", "warm"):
                rates = " | ".join(f"{args.pages / results[t][f'dump, {when}']:.0f}" for t in trees)
                print(f"| pages/s, dump {when} | {rates} |")
            alone = trafilatura_seconds(page_folder(args.pages))
            print(f"| pages/s, trafilatura alone, one process | {args.pages / alone:.0f} |")
    print(f"\n({time.perf_counter() - started:.0f} s in all)", file=sys.stderr)


if __name__ == "__main__":
    main()
