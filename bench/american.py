"""Measure one-word junk entities on American news, as bench/british.py does on British news.

    python bench/american.py --data PATH [--out DIR] [--show N] [--limit N]

PATH is either a copy of the Article-Bias-Prediction dataset (a folder holding
`data/jsons/*.json` and `data/splits/`), from which the dev set is picked and written out as
article files under DIR (default /work/data/american/articles) and then analysed, or a folder
of article files, which is analysed as it is. The articles are third-party text: they are
read from PATH each time this runs, and nothing of them is kept or committed in the
repository (this script refuses to write them inside it).

The source is github.com/ramybaly/Article-Bias-Prediction (Apache-2.0; Baly et al., EMNLP
2020): 37,554 articles of 2012-2020 crawled through AllSides, one JSON file each with its
`source` (the outlet), `title`, `date` and the body as newspaper3k extracted it
(`content_original`, paragraphs separated by blank lines): whole articles, not excerpts (a
median of about 5,000 characters, against the Guardian RSS items' 600). /work/data/cleaning/
sources/article-bias-prediction holds the JSON files, and the split lists of the
repository's commit e9353def, train and validation only (`data/splits/{random,media}/
{train,valid}.tsv`; the test lists are not copied there).

The dev set must come from no test split: an article is taken only if it is listed in the
train or the validation split of both split schemes, the random one and the media-based one
(which holds out whole outlets in its test split: CNN, Reuters, BBC, the Guardian, the AP,
ABC News, Breitbart, ...; their articles in its train split are kept). The test lists are
never read; without the train and validation lists this script refuses to pick anything.

Of those articles, the ones from `OUTLETS` (the 30 American news outlets with 100 or more
such articles; no British or other foreign outlet such as Reuters, the BBC, the Guardian, Al
Jazeera or the Daily Mail, no guest writers, columnists or opinion sections), whose body has
300 characters or more and is not the same as one already taken, are ordered by the SHA-1
of their ID within each outlet and taken one from each outlet in turn (in the outlets' name
order), 1,000 in all (`--limit`): 34 from each of the first 10 outlets, 33 from the others.
Each is written as a JSON file {"title", "text", "date"} named by its ID, its paragraphs
separated by blank lines; the list of what was taken (ID, outlet, date, the splits that list
it) goes in `selection.tsv` beside DIR.

The hand judgments sit in bench/american_judgments.json, as bench/british_judgments.json
holds them (names and labels only): `one_word` labels the one-word entity names (as the
reader names them) as junk, grouped by why (as bench/british.py's, and "promo" for leftovers
of web page furniture: "Read", "Click", "Replay", "Videos"), or as names; every one-word name
shown in 3 or more of the 1,000 articles is labelled. `types` lists names whose type is known
(organisations, places, people), as written in the text. Measures, through the public API
(`open_corpus`), with bench/british.py's functions: the share of articles that show any junk
one-word entity and each junk entity's share of articles (the goal: none above 1%); the "Mr
X" merges; the types of the known names (of the articles where a listed name is a whole
mention, the share typed right, by kind; the mistypes, and how often the name is cut or
missed instead); and the cut spans, which need no labels of their own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.british import load_judgments, measure, refuse_held_out, test_split, write

JUDGMENTS = Path(__file__).resolve().with_name("american_judgments.json")
DEFAULT_OUT = Path("/work/data/american/articles")
DEFAULT_LIMIT = 1000
MIN_CHARS = 300
SCHEMES = ("random", "media")
KEPT_SPLITS = ("train", "valid")
"""The only split lists read: an article must be in one of them in every scheme."""
OUTLETS = (
    "Bloomberg",
    "CBS News",
    "CNBC",
    "CNN (Web News)",
    "Christian Science Monitor",
    "Daily Beast",
    "Daily Kos",
    "Fox News",
    "Fox Online News",
    "MarketWatch",
    "Media Matters",
    "Mother Jones",
    "NPR Online News",
    "National Review",
    "New York Post",
    "New York Times - News",
    "Politico",
    "Slate",
    "The Atlantic",
    "The Daily Wire",
    "The Hill",
    "The Week - News",
    "TheBlaze.com",
    "Townhall",
    "USA TODAY",
    "Vanity Fair",
    "Vox",
    "Wall Street Journal - News",
    "Washington Post",
    "Washington Times",
)
"""American news outlets, as the dataset's `source` field names them."""


# --- picking the dev set ------------------------------------------------------------------


def jsons_folder(root: Path) -> Path | None:
    """The folder of per-article JSON files of an Article-Bias-Prediction copy, if it is one."""
    for folder in (root / "data" / "jsons", root / "jsons"):
        if folder.is_dir():
            return folder
    return None


def allowed(jsons: Path) -> dict[str, list[str]]:
    """The IDs listed in a train or validation split of every scheme, with the lists that
    hold each ("random/train", "media/valid")."""
    splits = jsons.parent / "splits"
    listed: dict[str, dict[str, str]] = {scheme: {} for scheme in SCHEMES}
    for scheme in SCHEMES:
        for split in KEPT_SPLITS:
            path = splits / scheme / f"{split}.tsv"
            if not path.is_file():
                sys.exit(f"{path}: missing; the dev set is picked from train and valid splits only")
            if test_split(path):
                sys.exit(f"{path}: a test split")
            for line in path.read_text(encoding="utf-8").splitlines()[1:]:
                if line.strip():
                    listed[scheme][line.split("\t")[0]] = f"{scheme}/{split}"
    ids = set.intersection(*(set(ids) for ids in listed.values()))
    return {i: [listed[scheme][i] for scheme in SCHEMES] for i in ids}


def _body(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def pick(jsons: Path, limit: int) -> list[tuple[dict[str, Any], list[str]]]:
    """The dev set: records {"id", "outlet", "title", "text", "date"} and their splits."""
    splits = allowed(jsons)
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article_id in sorted(splits):
        data = json.loads((jsons / f"{article_id}.json").read_text(encoding="utf-8"))
        if data.get("source") not in OUTLETS:
            continue
        text = _body(str(data.get("content_original") or ""))
        if len(text) < MIN_CHARS:
            continue
        by_outlet[data["source"]].append(
            {
                "id": article_id,
                "outlet": data["source"],
                "title": " ".join(str(data.get("title") or "").split()),
                "text": text,
                "date": str(data.get("date") or ""),
            }
        )
    queues: list[Iterator[dict[str, Any]]] = [
        iter(sorted(by_outlet[outlet], key=lambda r: _sha1(r["id"])))
        for outlet in sorted(by_outlet)
    ]
    picked: list[tuple[dict[str, Any], list[str]]] = []
    bodies: set[str] = set()
    while queues and len(picked) < limit:
        for queue in list(queues):
            if len(picked) >= limit:
                break
            for record in queue:
                if (body := _sha1(" ".join(record["text"].split()))) not in bodies:
                    bodies.add(body)
                    picked.append((record, splits[record["id"]]))
                    break
            else:
                queues.remove(queue)
    return picked


def build(jsons: Path, out: Path, limit: int) -> Counter[str]:
    """Write the dev set under `out` and its list beside it; returns the count by outlet."""
    picked = pick(jsons, limit)
    fields = ("id", "title", "text", "date")
    write(({k: record[k] for k in fields} for record, _ in picked), out)
    lines = ["id\toutlet\tdate\tsplits"] + [
        f"{r['id']}\t{r['outlet']}\t{r['date']}\t{','.join(s)}" for r, s in picked
    ]
    (out.parent / "selection.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Counter(record["outlet"] for record, _ in picked)


# --- main ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="a copy of Article-Bias-Prediction (picked from, written out, "
                        "then analysed) or a folder of article files")  # fmt: skip
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"where the picked articles are written ({DEFAULT_OUT})")  # fmt: skip
    parser.add_argument("--show", type=int, default=0, help="list this many of each detail")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                        help=f"how many articles to pick ({DEFAULT_LIMIT})")  # fmt: skip
    args = parser.parse_args(argv)
    data: Path = args.data
    refuse_held_out(data)
    if not data.is_dir():
        sys.exit(f"{data}: not a folder; give a copy of Article-Bias-Prediction or articles")
    judged = load_judgments(JUDGMENTS)
    began = time.perf_counter()
    folder = data
    if (jsons := jsons_folder(data)) is not None:
        outlets = build(jsons, args.out, args.limit)
        folder = args.out
        print(f"wrote {sum(outlets.values())} articles of {len(outlets)} outlets from {jsons} "
              f"to {folder} in {time.perf_counter() - began:.1f} s")  # fmt: skip
    measure(folder, judged, args.show, began)


if __name__ == "__main__":
    main()
