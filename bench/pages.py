"""Saved web pages: how well the reader reads them, and how fast, against trafilatura alone.

    python bench/pages.py build --repo MIRROR [--data /work/data/pages]
    python bench/pages.py score [--data /work/data/pages] [--limit N]
    python bench/pages.py speed [--data /work/data/pages] [--limit N]

The dev set is trafilatura's own evaluation pages: `tests/evaldata.json` and the pages it
names under `tests/cache/` or `tests/eval/`, read with `git show` from a clone of
github.com/adbar/trafilatura (MIRROR, its git directory). `build` writes the pages that have
a gold title, date and author (851 of 990) and their gold outside the repository, as
`DATA/html/` and `DATA/gold.json`. Never use the ScrapingHub article-extraction benchmark or
NAEB here: they are held out.

`score` scores (a) trafilatura alone, `bare_extraction` with metadata as its own evaluation
runs it (no comments), and (b) the reader's whole path: `corpus.html.page` and the analysis
the reader shows (cleaning, dates), on the same pages. The reader's body is its paragraphs;
its text as shown, scored too, is the title above them, as the reading view has it:

- body: the gold gives, for each page, passages the text must hold ("with") and passages it
  must not ("without"). On 4-gram word shingles (shorter passages whole), recall is the
  share of the "with" shingles found, precision the share of the shingles found of both
  kinds that are "with" ones; both averaged per page, and their F1.
- title: the gold title, equal once case, spaces and quotes are normalised.
- date: the gold day, on the pages with a gold date.

`speed` times, in turns (the machine's load varies), trafilatura alone in one fresh process
over every page, and the reader's cold analysis through the real pipeline (`tui-reader
dump`, two workers, a fresh cache), then warm (the cache filled), of the same pages in three
forms: the folder of saved pages; a web archive of them (a response record a page, at its
gold URL: with enough pages, over the 1 MB an archive is cut into parts from); and an RSS
feed whose items carry, as their full content, the paragraphs the reader found in them. It
also times warm a twin folder of text files holding the same bodies.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui_reader.corpus.analysis import analyse
from tui_reader.corpus.loading import FileRef, read
from tui_reader.corpus.model import Problem

_WORD = re.compile(r"\w+")
_QUOTES = str.maketrans("‘’‚‛“”„‟«»", '\'\'\'\'""""""')


@dataclass(frozen=True, slots=True)
class Reading:
    """What one extractor read of a page."""

    body: str
    """The article's text: trafilatura's, or the reader's paragraphs."""
    title: str | None
    date: str | None
    shown: str = ""
    """The text as the reader shows it, the title above the paragraphs; else the body."""


def build(repo: Path, data: Path) -> None:
    """Write the dev set's pages and gold under `data`."""
    gold = json.loads(_show(repo, "tests/evaldata.json"))
    folder = data / "html"
    folder.mkdir(parents=True, exist_ok=True)
    kept: dict[str, Any] = {}
    for url, item in gold.items():
        if "title" not in item:
            continue
        raw = _show_any(repo, item["file"])
        if raw is None:
            continue
        name = re.sub(r"[^\w.-]", "_", item["file"])
        (folder / name).write_bytes(raw)
        kept[name] = {"url": url, **{k: item.get(k) for k in ("with", "without", "title", "date")}}
    (data / "gold.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1))
    print(f"{len(kept)} pages in {folder}")


def _show(repo: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=True
    ).stdout


def _show_any(repo: Path, name: str) -> bytes | None:
    for folder in ("tests/cache", "tests/eval"):
        try:
            return _show(repo, f"{folder}/{name}")
        except subprocess.CalledProcessError:
            continue
    return None


def trafilatura_alone(raw: bytes) -> Reading:
    import trafilatura

    found: Any = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if found is None:
        return Reading("", None, None)
    return Reading(found.text or "", found.title, found.date, found.text or "")


def reader(path: Path) -> Reading:
    problems: list[Problem] = []
    sources = read(FileRef(path, path.stem), problems)
    if not sources:
        return Reading("", None, None)
    article, _ = analyse(sources[0])
    published = article.published.isoformat() if article.published else None
    shown = "\n".join([article.title, *article.paragraphs])
    return Reading("\n".join(article.paragraphs), article.title, published, shown)


def _grams(text: str, size: int) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _shingles(passages: Iterable[str]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for passage in passages:
        size = min(4, len(_WORD.findall(passage)))
        if size:
            found |= _grams(passage, size)
    return found


def body_scores(text: str, gold: dict[str, Any]) -> tuple[float, float]:
    """Precision and recall of a page's text against its passages (the docstring above)."""
    sizes = range(1, 5)
    got = set().union(*(_grams(text, size) for size in sizes))
    wanted, unwanted = _shingles(gold["with"]), _shingles(gold["without"])
    hit, wrong = len(wanted & got), len(unwanted & got)
    recall = hit / len(wanted) if wanted else 1.0
    precision = hit / (hit + wrong) if hit + wrong else float(not wanted)
    return precision, recall


def same_title(got: str | None, want: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(text.translate(_QUOTES).casefold().split())

    return got is not None and norm(got) == norm(want)


def score(data: Path, limit: int | None) -> None:
    gold: dict[str, Any] = json.loads((data / "gold.json").read_text())
    names = sorted(gold)[:limit]
    readers: dict[str, Callable[[Path], Reading]] = {
        "trafilatura alone": lambda path: trafilatura_alone(path.read_bytes()),
        "the reader": reader,
    }
    print(f"{len(names)} pages of {data}")
    for label, read_page in readers.items():
        scores: dict[str, list[tuple[float, float]]] = {"body": [], "as shown": []}
        titles, dates, dated = 0, 0, 0
        for name in names:
            item, got = gold[name], read_page(data / "html" / name)
            scores["body"].append(body_scores(got.body, item))
            scores["as shown"].append(body_scores(got.shown, item))
            titles += same_title(got.title, item["title"])
            if item["date"]:
                dated += 1
                dates += (got.date or "")[:10] == item["date"][:10]
        print(f"{label}: titles {titles}/{len(names)} ({titles / len(names):.3f}); "
              f"dates {dates}/{dated} ({dates / max(dated, 1):.3f})")  # fmt: skip
        for kind, pairs in scores.items():
            p = sum(pair[0] for pair in pairs) / len(names)
            r = sum(pair[1] for pair in pairs) / len(names)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"  {kind}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")


def speed(data: Path, limit: int | None, rounds: int) -> None:
    gold: dict[str, Any] = json.loads((data / "gold.json").read_text())
    pages = sorted((data / "html").iterdir())[:limit]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "pages"
        folder.mkdir()
        texts = Path(scratch) / "texts"
        texts.mkdir()
        readings = []
        for page in pages:
            (folder / page.name).write_bytes(page.read_bytes())
            reading = reader(page)
            readings.append((gold[page.name]["url"], reading))
            # The title line, then the paragraphs, each a block of its own.
            (texts / f"{page.stem}.txt").write_text(reading.shown.replace("\n", "\n\n"))
        archive = write_archive(
            Path(scratch) / "pages.warc.gz",
            [(gold[page.name]["url"], page.read_bytes()) for page in pages],
        )
        feed = Path(scratch) / "feed.xml"
        feed.write_text(_feed(readings), encoding="utf-8")
        forms = {"pages": folder, "WARC records": archive, "feed items": feed}
        size = archive.stat().st_size / 1e6
        print(f"{len(pages)} pages, {os.cpu_count()} cores, {platform.python_version()}; "
              f"the archive {size:.0f} MB")  # fmt: skip
        for number in range(rounds):  # in turn, as the machine's load varies
            load = os.getloadavg()[0]
            alone = len(pages) / trafilatura_seconds(folder)
            print(f"round {number + 1} (load {load:.1f}): trafilatura alone {alone:.1f} pages/s")
            for form, path in forms.items():
                home = Path(scratch) / f"home-{number}-{form}"
                cold = len(pages) / _dump(path, home)
                warm = len(pages) / _dump(path, home)
                print(f"  {form}: cold {cold:.1f}/s ({cold / alone:.2f}x trafilatura alone), "
                      f"warm {warm:.0f}/s")  # fmt: skip
            home = Path(scratch) / f"home-{number}-texts"
            _dump(texts, home)
            print(f"  the same bodies as text files, warm: {len(pages) / _dump(texts, home):.0f}/s")


def _feed(readings: Sequence[tuple[str, Reading]]) -> str:
    """An RSS feed of the pages read, each item's full content their paragraphs."""
    items = []
    for number, (url, reading) in enumerate(readings):
        title, *paragraphs = reading.shown.split("\n")
        content = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs).replace("]]>", "]] >")
        items.append(
            f"<item><guid>page-{number}</guid><title>{html.escape(title)}</title>"
            f"<link>{html.escape(url)}</link><pubDate>{reading.date or ''}</pubDate>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>The dev set's pages</title>{''.join(items)}</channel></rss>"
    )


def write_archive(path: Path, pages: Iterable[tuple[str, bytes]]) -> Path:
    """A .warc.gz of the pages, each a response record (a gzip member) at its URL."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return path


def trafilatura_seconds(folder: Path) -> float:
    """Seconds trafilatura alone takes over the pages of a folder, in a fresh process of its
    own (the pages read before the clock starts)."""
    code = (
        "import sys, pathlib, time\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from bench.pages import trafilatura_alone\n"
        "pages = [p.read_bytes() for p in sorted(pathlib.Path(sys.argv[1]).iterdir())]\n"
        "start = time.perf_counter()\n"
        "for page in pages: trafilatura_alone(page)\n"
        "print(time.perf_counter() - start)\n"
    )
    root = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), root], capture_output=True, check=True, text=True
    )
    return float(done.stdout.split()[-1])


def _dump(folder: Path, home: Path) -> float:
    """Seconds `tui-reader dump` takes over the folder, with its cache in `home`."""
    env = {**os.environ, "TUI_READER_HOME": str(home)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui_reader", "dump", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "score", "speed"))
    parser.add_argument("--data", type=Path, default=Path("/work/data/pages"))
    parser.add_argument("--repo", type=Path, help="a git directory of adbar/trafilatura")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if args.command == "build":
        if args.repo is None:
            parser.error("build needs --repo")
        build(args.repo, args.data)
    elif args.command == "score":
        score(args.data, args.limit)
    else:
        speed(args.data, args.limit, args.rounds)


if __name__ == "__main__":
    main()
