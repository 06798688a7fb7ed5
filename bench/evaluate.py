"""Measure the corpus layer on real text: bodies, junk, titles, dates, date expressions, entities.

    python bench/evaluate.py [--cache DIR] [--show]

The material is fetched when this runs and never committed:
- the English articles among the newspaper4k 0.9.6 sdist's test fixtures (MIT): their text is
  the gold body, their metadata the gold title and date. Each is dressed in every scraping style
  the reader must handle (see `dress`), loaded through the real loader, and scored against
  the undressed text;
- English date expressions from the dateparser 1.5.0 and ctparse 0.3.6 sdists, relabelled to
  the news convention and put in sentences of the right tense;
- the seeds, scored against the hand-written gold in `tests/gold/seeds.json`.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateutil.relativedelta import relativedelta

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.dates import scan
from tui_reader.corpus.loading import bundled_seeds
from tui_reader.corpus.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.scoring import body_score, entity_score

PACKAGES = ("newspaper4k==0.9.6", "dateparser==1.5.0", "ctparse==0.3.6")
GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "seeds.json"


def fetch(cache: Path) -> dict[str, Path]:
    """Download and unpack the sdists once; returns each package's unpacked folder."""
    cache.mkdir(parents=True, exist_ok=True)
    folders: dict[str, Path] = {}
    for spec in PACKAGES:
        name, version = spec.split("==")
        folder = cache / f"{name}-{version}"
        if not folder.is_dir():
            archive = cache / f"{name}-{version}.tar.gz"
            if not archive.exists():
                subprocess.run(
                    [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                     "--no-binary", ":all:", spec, "-d", str(cache)],
                    check=True,
                )  # fmt: skip
            with tarfile.open(archive) as tar:
                tar.extractall(cache, filter="data")
        folders[name] = folder
    return folders


# --- articles and the scraping styles they are dressed in ---------------------------------


@dataclass
class Gold:
    name: str
    title: str
    date: str | None
    author: str | None
    url: str | None
    paragraphs: list[str]


def articles(newspaper: Path) -> list[Gold]:
    data = newspaper / "tests" / "data"
    found = []
    for meta_path in sorted((data / "metadata").glob("*.json")):
        meta = json.loads(meta_path.read_text())
        text_path = data / "txt" / f"{meta_path.stem}.txt"
        if meta.get("language") != "en" or not text_path.exists():
            continue
        paragraphs = [p.strip() for p in text_path.read_text().split("\n") if p.strip()]
        date = (meta.get("publish_date") or "")[:10] or None
        authors = [a for a in meta.get("authors") or [] if " " in a][:2]
        found.append(
            Gold(meta_path.stem, meta["title"].strip(), date, ", ".join(authors) or None,
                 meta.get("url"), paragraphs)
        )  # fmt: skip
    return found


CREDITS = [
    "Stephanie Keith Bloomberg | Getty Images",
    "Yuki Iwamura | AFP | Getty Images",
    "Photo: Mark Lennihan/AP",
    "Photograph: Andrew Kelly/Reuters",
]
CAPTIONS = [
    "Protesters gather outside the courthouse before the hearing began.",
    "A view of the main entrance, seen from across the street.",
    "Supporters hold signs during a rally in the city centre.",
]
PROMOS = [
    "WATCH: What to know about the case so far",
    "READ MORE: Ten questions that remain unanswered",
    "SEE MORE: The latest pictures from the scene",
    "You may also like",
    "Advertisement",
    "Story continues below advertisement",
]
PROMPTS = [
    "Sign up for our morning newsletter to get the news in your inbox.",
    "Follow us on Twitter and Facebook for the latest updates.",
    "Download our app to get breaking news alerts on your phone.",
]
ASIDES = [
    " (RELATED: Officials Respond To The Latest Report)",
    " (Photo by John Moore/Getty Images)",
]
PAGERS = ["Previous articleWhat the numbers say about it", "Next articleA look at the week ahead"]
CRUMBS = ["Home", "News", "World"]


@dataclass
class Dressed:
    gold: Gold
    style: str
    filename: str
    content: str
    junk: list[str] = field(default_factory=list)
    has_title: bool = True
    has_date: bool = True


def _json_escaped(text: str) -> str:
    """Text as a JSON export leaves it when it is shown raw: literal escapes everywhere."""
    text = text.replace("'", "&#039;").replace("&", "\\u0026").replace('"', "\\u0022")
    return text.replace("\n", "\\r\\n")


def _body_with_junk(gold: Gold, number: int, junk: list[str]) -> list[str]:
    """The gold paragraphs with a credited caption, promos, a prompt and an aside among them."""
    paragraphs = list(gold.paragraphs)
    pick = number % 3
    caption, credit = CAPTIONS[pick], CREDITS[number % len(CREDITS)]
    promo, prompt = PROMOS[number % len(PROMOS)], PROMPTS[pick]
    middle = max(1, len(paragraphs) // 2)
    paragraphs[middle:middle] = [promo]
    paragraphs[1:1] = [caption, credit]
    paragraphs.append(prompt)
    aside = ASIDES[number % len(ASIDES)]
    paragraphs[-2] = paragraphs[-2] + aside
    junk.extend([caption, credit, promo, prompt, aside.strip()])
    return paragraphs


def _date_line(date: str | None) -> str:
    if date is None:
        return ""
    day = dt.date.fromisoformat(date)
    later = day + dt.timedelta(days=1)
    return f"PUBLISHED: 09:12 BST, {day:%d %B %Y} | UPDATED: 11:40 BST, {later:%d %B %Y}"


def dress(gold: Gold, number: int) -> Iterator[Dressed]:
    """The article in each scraping style, with the junk each style adds."""
    junk: list[str] = []
    body = _body_with_junk(gold, number, junk)
    pager = PAGERS[number % len(PAGERS)]

    # The seeds' style: a JSON export shown raw, the date header glued to the first sentence.
    header = f" date {gold.date} " if gold.date else ""
    text = header + _json_escaped("\n\n".join([*body, "WATCH:", pager]))
    yield Dressed(gold, "seed-escaped", f"seed-{gold.name}.txt", text,
                  [*junk, pager], has_title=False)  # fmt: skip

    # Plain text as a page copy gives it: crumbs, title, byline, date line, bio at the end.
    top = [*CRUMBS, gold.title]
    bio = []
    if gold.author:
        top.append(f"By {gold.author.split(',')[0]}")
        bio = [f"{gold.author.split(',')[0]} is a staff reporter covering national news."]
    top.append(_date_line(gold.date))
    text = "\n".join(t for t in top if t) + "\n\n" + "\n\n".join([*body, *bio])
    yield Dressed(gold, "plain", f"plain-{gold.name}.txt", text, [*junk, *CRUMBS, *bio])

    # Markdown with front matter.
    front = [f'title: "{gold.title}"', f"date: {gold.date}T08:00:00Z" if gold.date else "",
             f"author: {gold.author}" if gold.author else "", f"url: {gold.url}"]  # fmt: skip
    text = "---\n" + "\n".join(f for f in front if f) + "\n---\n"
    text += f"# {gold.title}\n\n" + "\n\n".join([*body, "You may also like", pager])
    yield Dressed(gold, "front-matter", f"front-{gold.name}.md", text, [*junk, pager])

    # A JSON export with HTML entities in the body.
    record = {
        "headline": gold.title,
        "articleBody": "\n\n".join(body).replace("’", "&#8217;").replace("—", "&mdash;"),
        "datePublished": gold.date,
        "author": {"name": gold.author},
        "url": gold.url,
    }
    yield Dressed(gold, "json", f"json-{gold.name}.json", json.dumps([record]), junk)

    # JSON Lines whose bodies carry the literal escapes of a second export.
    line = {"title": gold.title, "text": _json_escaped("\n\n".join(body)),
            "published": gold.date, "byline": gold.author, "link": gold.url}  # fmt: skip
    yield Dressed(gold, "jsonl", f"jsonl-{gold.name}.jsonl", json.dumps(line) + "\n", junk)


def readability(gold: Gold, number: int) -> Dressed:
    """A readability tool's output: one long line per page, crumbs, credits and promos left in."""
    junk: list[str] = []
    body = _body_with_junk(gold, number, junk)
    text = " ".join([*CRUMBS, gold.title, *body, "Advertisement"])
    return Dressed(gold, "readability", f"readability-{gold.name}.txt", text,
                   [*junk, *CRUMBS, "Advertisement"])  # fmt: skip


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _has_junk(article: Article, junk: list[str]) -> bool:
    shown = _normalised(" ".join([article.title, *article.paragraphs]))
    return any(
        f" {_normalised(j)} " in f" {shown} "
        for j in junk
        if len(j.split()) >= 3 or j in ("Advertisement", "WATCH:")
    )


@dataclass
class StyleScore:
    pairs: list[tuple[str, str]] = field(default_factory=list)
    inputs: list[tuple[str, str]] = field(default_factory=list)
    junk: int = 0
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)


def score_articles(golds: list[Gold], show: bool) -> None:
    dressed = [d for number, gold in enumerate(golds) for d in dress(gold, number)]
    dressed += [readability(gold, number) for number, gold in enumerate(golds)]
    with tempfile.TemporaryDirectory() as folder:
        for item in dressed:
            Path(folder, item.filename).write_text(item.content)
        corpus = open_corpus([Path(folder)])
    by_file = {Path(a.source).name: a for a in corpus.articles}
    styles: dict[str, StyleScore] = {}
    for item in dressed:
        article = by_file[item.filename]
        score = styles.setdefault(item.style, StyleScore())
        gold_body = "\n".join(item.gold.paragraphs)
        score.pairs.append(("\n".join(article.paragraphs), gold_body))
        score.inputs.append((item.content, gold_body))
        left = _has_junk(article, item.junk)
        score.junk += left
        if item.has_title:
            score.titles.append(_normalised(article.title) == _normalised(item.gold.title))
        if item.has_date and item.gold.date:
            score.dates.append(str(article.published) == item.gold.date)
        if show and (left or (item.has_title and not score.titles[-1])):
            print(f"  {item.style} {item.gold.name}: title {article.title!r}")
            print(f"    junk left: {[j for j in item.junk if _has_junk(article, [j])]}")

    print(f"Articles: {len(golds)} English newspaper4k fixtures, each in {len(styles)} styles")
    print(f"  {'style':14} {'P':>6} {'R':>6} {'F1':>6}  {'junk':>5} {'titles':>7} {'dates':>6}")
    dressed_pairs: list[tuple[str, str]] = []
    junk_total = titles_right = titles_all = dates_right = dates_all = 0
    for style, score in styles.items():
        body = body_score(score.pairs)
        print(
            f"  {style:14} {body.precision:6.3f} {body.recall:6.3f} {body.f1:6.3f}  "
            f"{score.junk / len(score.pairs):5.0%} "
            f"{_share(score.titles):>7} {_share(score.dates):>6}"
        )
        if style != "readability":
            dressed_pairs += score.pairs
            junk_total += score.junk
            titles_right, titles_all = (
                titles_right + sum(score.titles),
                titles_all + len(score.titles),
            )
            dates_right, dates_all = dates_right + sum(score.dates), dates_all + len(score.dates)
        else:
            untouched = body_score(score.inputs)
            print(f"  {'(input as is)':14} {untouched.precision:6.3f} {untouched.recall:6.3f} "
                  f"{untouched.f1:6.3f}")  # fmt: skip
    overall = body_score(dressed_pairs)
    print(
        f"  dressed styles together: F1 {overall.f1:.3f} (P {overall.precision:.3f}, "
        f"R {overall.recall:.3f}), junk left in "
        f"{junk_total / len(dressed_pairs):.1%}, titles {titles_right}/{titles_all}, "
        f"dates {dates_right}/{dates_all}"
    )


def _share(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.0%}" if values else "-"


# --- date expressions ---------------------------------------------------------------------


@dataclass(frozen=True)
class DateCase:
    source: str
    sentence: str
    expression: str
    anchor: dt.date
    value: str


# ctparse's corpus mixes German and English; an expression is English when every word is.
_ENGLISH = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday today tomorrow yesterday the of on at in this next last end "
    "following week month year st nd rd th".split()
)
_TIME_OF_DAY = re.compile(r"\d:\d|\d\s*[ap]\.?m\b|\d\.\d", re.I)
# Where the news convention reads an expression otherwise than ctparse, which schedules
# forward: on a Wednesday, "this Wednesday" is that day, and "next Friday" the first Friday
# after it; an end is the month or the year itself (HeidelTime marks it with a modifier).
RELABEL = {
    ("this Wednesday", "2018-03-14"): "2018-03-07",
    ("next Friday", "2018-03-16"): "2018-03-09",
    ("on the following Friday", "2018-03-16"): "2018-03-09",
    ("end of the month", "2018-03-31"): "2018-03",
    ("end of the year", "2018-12-31"): "2018-12",
}


def ctparse_cases(ctparse: Path) -> Iterator[DateCase]:
    """English single dates, put in a future-tense sentence: ctparse reads forward."""
    tree = ast.parse((ctparse / "ctparse" / "time" / "corpus.py").read_text())
    node = next(n for n in tree.body if isinstance(n, ast.Assign))
    for gold, reference, texts in ast.literal_eval(node.value):
        found = re.fullmatch(r"Time\[\]\{(\d{4})-(\d\d|X)-(\d\d|X) X:X \(X/X\)\}", gold)
        if not found:
            continue
        year, month, day = found.groups()
        value = "-".join(part for part in (year, month, day) if part != "X")
        if month == "X" and day != "X":
            continue
        anchor = dt.date.fromisoformat(reference[:10])
        for text in texts:
            words = re.findall(r"[^\W\d_]+", text.lower())
            if not words or set(words) - _ENGLISH or _TIME_OF_DAY.search(text):
                continue
            label = RELABEL.get((text, value), value)
            yield DateCase("ctparse", f"The meeting will be held {text}.", text, anchor, label)


_UNITS = {"days": "day", "weeks": "week", "months": "month", "years": "year"}


def dateparser_cases(dateparser: Path) -> Iterator[DateCase]:
    """English "ago" expressions, relabelled from "before now" to before the publication date."""
    source = (dateparser / "tests" / "test_freshness_date_parser.py").read_text()
    anchor = dt.date(2022, 4, 1)
    seen: set[str] = set()
    for call in re.finditer(r'param\(\s*"([^"]+)",\s*ago=(\{[^}]*\}),\s*period="(\w+)"', source):
        text, ago_text, period = call.groups()
        ago = ast.literal_eval(ago_text)
        if text in seen or not text.isascii() or period not in ("day", "week", "month", "year"):
            continue
        if not re.search(r"\bago\b|^yesterday$|^today$", text) or set(ago) - set(_UNITS):
            continue
        if len(ago) != 1 or not re.match(r"^(?:\d+|an?|one|two|three|four|five|six|seven|"
                                         r"eight|nine|ten|yesterday|today)\b", text):  # fmt: skip
            continue
        seen.add(text)
        ((unit, amount),) = ago.items()
        moved = anchor - relativedelta(
            years=amount if unit == "years" else 0,
            months=amount if unit == "months" else 0,
            weeks=amount if unit == "weeks" else 0,
            days=amount if unit == "days" else 0,
        )
        value = {
            "day": moved.isoformat(),
            "week": (moved - dt.timedelta(days=moved.weekday())).isoformat(),
            "month": f"{moved:%Y-%m}",
            "year": f"{moved.year:04d}",
        }[_UNITS[unit]]
        yield DateCase("dateparser", f"It happened {text}.", text, anchor, value)


def score_dates(cases: list[DateCase], show: bool) -> None:
    right: dict[str, list[bool]] = {}
    for case in cases:
        values = [e.resolved.date for e in scan(case.sentence, case.anchor) if e.resolved]
        hit = case.value in values
        right.setdefault(case.source, []).append(hit)
        if show and not hit:
            print(f"  {case.source}: {case.expression!r} -> {values}, want {case.value}")
    every = [hit for hits in right.values() for hit in hits]
    parts = ", ".join(f"{name} {sum(h)}/{len(h)}" for name, h in right.items())
    print(f"Date expressions resolved right: {sum(every) / len(every):.1%} ({parts})")


# --- the seeds against hand gold ----------------------------------------------------------


def score_seeds(show: bool) -> None:
    gold = json.loads(GOLD.read_text())
    corpus = open_corpus([bundled_seeds()])
    dates_right = sum(
        any(e.expression == d["expression"] and e.date == d["value"]
            for e in corpus.article(d["article"]).events)
        for d in gold["dates"]
    )  # fmt: skip
    published = sum(
        str(corpus.article(a).published or None) == str(v["published"])
        for a, v in gold["articles"].items()
    )
    entities = entity_score(corpus, gold["entities"], gold["not_entities"])
    print(f"Seeds: publication dates {published}/{len(gold['articles'])}, date expressions "
          f"{dates_right}/{len(gold['dates'])}")  # fmt: skip
    print(
        f"  entities: recall {entities.recall:.0%}, right type {entities.typed:.0%}, "
        f"precision {entities.precision:.0%}, aliases merged {entities.merged:.0%}, "
        f"never-entities taken {len(entities.never)}"
    )
    if show:
        print(f"  missed {entities.missed}; not in gold {entities.wrong}; split {entities.split}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "tui-reader-bench"
    )
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args()
    folders = fetch(args.cache)
    score_articles(articles(folders["newspaper4k"]), args.show)
    cases = [*ctparse_cases(folders["ctparse"]), *dateparser_cases(folders["dateparser"])]
    score_dates(cases, args.show)
    score_seeds(args.show)


if __name__ == "__main__":
    main()
