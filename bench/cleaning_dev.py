"""A cleaning dev set of real news articles dressed as scrapers leave them, and its scorer.

    python bench/cleaning_dev.py --data PATH [--data PATH ...] [--show 20]

PATH is a folder (searched for `*.json`) holding either or both sources below, as a clone
of each repository leaves them; /work/data/cleaning/sources holds both. No PyPI package
ships them (the sdists of goose3 and Fundus leave their test data out).

Where the articles come from (read from the paths given when this runs; none of their text
is in this repository):

- the Article-Bias-Prediction dataset (github.com/ramybaly/Article-Bias-Prediction,
  `data/jsons/`, Apache-2.0; Baly et al., EMNLP 2020): 37,554 English articles of 2012-2020
  from US and British outlets, crawled through AllSides, each with its title, date, authors,
  url and the body as newspaper3k extracted it (`content_original`, paragraphs kept). That
  body is sometimes left with scraping junk of its own, so only articles whose every
  paragraph passes a strict check of this module (no credit, promo, prompt, link or entity;
  see `_suspect`; no closing author bio, no editor's note) are taken, one from each outlet
  in turn, from the first `--pool` files in name order (names are random: a sample);
- the parser test fixtures of Fundus (github.com/flairNLP/fundus,
  `tests/resources/parser/test_data/`, MIT): the expected output its authors checked for
  one or more pages of each publisher, with title, date, the body in sections and the
  pictures' real captions and credits. The English ones that pass a lighter check are
  taken (a stop-word test; headings are kept as paragraphs).

The articles' text is the copyright of their publishers; the repositories' licences cover
the repositories, not that text, which is read here only to measure and is never committed.

Each article's paragraphs are the gold body, its title and date the gold metadata. The
article is then dressed in each of six layouts scrapers really produce (`LAYOUTS`: a page
copied as text, a title-and-text dump, Markdown with front matter, a JSON export with HTML
entities, JSON Lines with literal escapes, a raw JSON export with a glued date header),
with the junk real pages carry put among its paragraphs: a photo credit alone between two
paragraphs (no caption above it: the paragraph above is prose and must stay), a credit
with its caption above it (the article's own pictures for Fundus), a promo, a prompt, an
aside, and each layout's own furniture (crumbs, bylines, date lines, bios, pagers, escapes
and entities). Among the articles are titles of two sentences that end in a full stop and
long leads, which are counted apart. The dressed files go under `--out`
(/work/data/cleaning/dressed), are loaded through the real loader, and scored:

- body F1 of 4-gram shingles against the gold body (`bench.scoring.body_score`);
- the share of articles with any inserted junk left in their paragraphs;
- the share that lost real prose: a gold sentence of 15 words or more missing from the
  paragraphs (and whether it went to `removed` or elsewhere), and the lead lost;
- titles right (exact, whitespace normalised) and dates right where the layout gives one.

`--show N` lists the N worst articles with their layout and what was lost or left.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.evaluate import (
    ASIDES,
    CAPTIONS,
    CREDITS,
    CRUMBS,
    PAGERS,
    PROMOS,
    PROMPTS,
    Gold,
    _date_line,
    _json_escaped,
    _normalised,
    _share,
)
from bench.scoring import BodyScore, body_score
from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.model import Article

OUT = Path("/work/data/cleaning/dressed")

# --- the real articles ----------------------------------------------------------------------

_STOP = frozenset("the and of to a in is that for on with was as it by at from".split())
# Junk a scraper left in a gold paragraph; an article with any is not taken. This is this
# module's own test, stricter than the reader's, so that the gold is prose.
_JUNK_WORDS = re.compile(
    r"advertis|getty|shutterstock|\bsign[ -]up\b|newsletter|subscri|click here|tap here|"
    r"\bfollow (?:us|him|her|me|them|\w+ \w+) (?:on|at)\b|read more|see more|\bphotos?\b|"
    r"\bimages?\b|picture|illustration|©|copyright|related\s*:|watch\s*:|listen\s*:|"
    r"pic\.twitter|caption|enlarge|download|\bapp\b|reprint|rights reserved|"
    r"this (?:story|article) (?:was|has|first|originally)|\bemail\b|\bpodcast\b|"
    r"\bshare (?:this|on)\b|\bcomments?\b|\bvideo\b",
    re.I,
)
_NEVER = re.compile(r"https?://|www\.|\.(?:com|org|net)\b|&#?\w+;|\\|\||\w/[A-Z]|@\w|\t|\ufffd")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_NOTE = re.compile(r"^(?:Correction|Clarification|Update|Editor['’]?s? [Nn]ote)s?\b", re.I)
# An author's bio closing the article: the reader takes it out by design, so it is no gold.
_BIO = re.compile(
    r"^(?:Dr\. )?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},? (?:is|was|has been|covers|writes)\b"
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


@dataclass
class Real:
    """A real article: its gold, where it came from, and the real pictures it had."""

    gold: Gold
    origin: str  # "allsides" or "fundus"
    outlet: str
    pictures: list[tuple[str, str]] = field(default_factory=list)  # (caption, credit)

    @property
    def two_sentence_title(self) -> bool:
        return bool(re.fullmatch(r"[^.?!]+[.?!][\"”’]? [^.?!]+\.[\"”’]?", self.gold.title))

    @property
    def long_lead(self) -> bool:
        return len(self.gold.paragraphs[0].split()) >= LONG_LEAD


LONG_LEAD = 50
"""A lead of this many words or more is a long lead."""


def _english(paragraphs: list[str]) -> bool:
    tokens = re.findall(r"\w+", " ".join(paragraphs).lower())
    return bool(tokens) and sum(t in _STOP for t in tokens) / len(tokens) >= 0.15


_PROMO_START = re.compile(
    r"^(?:read more|listen|watch|related|see also|special offer|sign up|subscribe|follow|"
    r"click|tap|share your|download|advertisement|more:)\b",
    re.I,
)


def _suspect(paragraph: str, strict: bool, heading: bool = False) -> bool:
    """A paragraph that may be scraping junk rather than prose. A strict test (for text a
    library extracted unchecked) takes any short paragraph that speaks of pictures, links,
    sign-ups and the like; a heading of checked gold is only tested for links and such."""
    if _NEVER.search(paragraph) or _NOTE.match(paragraph) or paragraph[:1].islower():
        return True
    if heading:
        return False
    if len(paragraph.split()) < 4 and not _SENTENCE_END.search(paragraph):
        return True
    if strict:
        return len(paragraph) < 240 and bool(_JUNK_WORDS.search(paragraph))
    return bool(_PROMO_START.match(paragraph))


def _paragraphs(texts: Iterable[object]) -> list[str]:
    """Paragraphs as a reader shows them: one space between words, no soft hyphens."""
    found = (" ".join(_INVISIBLE.sub("", t).split()) for t in texts if isinstance(t, str))
    return [p for p in found if p]


def _line(value: object) -> str:
    return " ".join(_INVISIBLE.sub("", str(value or "")).split())


def _usable(
    title: str, paragraphs: list[str], strict: bool, headings: frozenset[str] = frozenset()
) -> bool:
    size = sum(len(p) for p in paragraphs)
    return (
        0 < len(title) <= 200
        and not _NEVER.search(title)
        and 4 <= len(paragraphs) <= 80
        and 600 <= size <= 30_000
        and bool(_SENTENCE_END.search(paragraphs[0]))  # a lead that reads as prose
        and len(set(paragraphs)) == len(paragraphs)
        and not any(_suspect(p, strict, p in headings) for p in paragraphs)
        and not any(len(p) <= 400 and _BIO.match(p) for p in paragraphs[-2:])
        and _english(paragraphs)
    )


def _author(names: Iterable[str]) -> str | None:
    """The first two names that read as a person's name, as a byline gives them."""
    people = [
        " ".join(n.split())
        for n in names
        if re.fullmatch(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}", " ".join(n.split()))
    ]
    return ", ".join(people[:2]) or None


def _iso_date(value: object) -> str | None:
    text = str(value or "")[:10]
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


_NOT_NEWS = frozenset({"Wikipedia"})


def read_allsides(path: Path, record: dict[str, object]) -> Real | None:
    title = _line(record.get("title"))
    body = str(record.get("content_original") or "")
    paragraphs = _paragraphs(body.split("\n"))
    outlet = str(record.get("source") or "?")
    if outlet in _NOT_NEWS or not _usable(title, paragraphs, strict=True):
        return None
    authors = str(record.get("authors") or "").split(",")
    name = f"allsides-{record.get('ID') or path.stem}"
    gold = Gold(
        name,
        title,
        _iso_date(record.get("date")),
        _author(authors),
        str(record.get("url") or "") or None,
        paragraphs,
    )
    return Real(gold, "allsides", outlet)


def _credit(authors: object) -> str | None:
    """A picture's credit as a page prints it, when it reads as one: "Name/Agency"."""
    if not isinstance(authors, list) or len(authors) != 1 or not isinstance(authors[0], str):
        return None
    credit = " ".join(authors[0].split())
    agency = r"Getty|AP\b|AFP|Reuters|Associated Press|Bloomberg|EPA|Shutterstock|Alamy|Pool"
    if len(credit) > 80 or not ("/" in credit or "|" in credit or re.search(agency, credit)):
        return None
    return credit


def read_fundus(path: Path, document: dict[str, object]) -> Iterator[Real]:
    for version, value in document.items():
        if not isinstance(value, dict) or not isinstance(value.get("body"), dict):
            continue
        body = value["body"]
        texts = list(body.get("summary") or [])
        headlines: list[object] = []
        for section in body.get("sections") or []:
            headlines += section.get("headline") or []
            texts += [*(section.get("headline") or []), *(section.get("paragraphs") or [])]
        paragraphs = _paragraphs(texts)
        headings = frozenset(_paragraphs(headlines))
        title = _line(value.get("title"))
        if not _usable(title, paragraphs, strict=False, headings=headings):
            continue
        text = _normalised(" ".join(paragraphs))
        pictures = []
        for picture in value.get("images") or []:
            caption = " ".join(str(picture.get("caption") or "").split())
            credit = _credit(picture.get("authors"))
            if credit and 20 <= len(caption) <= 300 and _normalised(caption) not in text:
                pictures.append((caption, credit))
        country = path.parent.name
        gold = Gold(
            f"fundus-{country}-{path.stem}-{version}",
            title,
            _iso_date(value.get("publishing_date")),
            _author(a for a in value.get("authors") or [] if isinstance(a, str)),
            None,
            paragraphs,
        )
        yield Real(gold, "fundus", f"{country}/{path.stem}", pictures)


def read_all(paths: Iterable[Path], pool: int) -> tuple[list[Real], list[Real]]:
    """The usable articles under the paths: those of the first `pool` AllSides files in
    name order (their names are random, so they are a random sample), and all of Fundus."""
    allsides: list[Real] = []
    fundus: list[Real] = []
    seen = 0
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*.json"))
        for path in files:
            try:
                text = path.read_text(encoding="utf-8")
                if '"content_original"' in text:
                    seen += 1
                    if seen > pool:
                        continue
                document = json.loads(text)
            except (OSError, ValueError):
                continue
            if not isinstance(document, dict):
                continue
            if "content_original" in document:
                real = read_allsides(path, document)
                if real:
                    allsides.append(real)
            elif any(isinstance(v, dict) and "body" in v for v in document.values()):
                fundus.extend(read_fundus(path, document))
    return allsides, fundus


def _round_robin(pool: list[Real], count: int, taken: set[str]) -> list[Real]:
    """Up to `count` articles of the pool, one from each outlet in turn."""
    by_outlet: dict[str, list[Real]] = defaultdict(list)
    for real in pool:
        if real.gold.name not in taken:
            by_outlet[real.outlet].append(real)
    queues = [by_outlet[o] for o in sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o))]
    picked: list[Real] = []
    while len(picked) < count and any(queues):
        for queue in queues:
            if queue and len(picked) < count:
                picked.append(queue.pop(0))
    taken.update(r.gold.name for r in picked)
    return picked


def select(allsides: list[Real], fundus: list[Real], count: int) -> list[Real]:
    """All Fundus articles and `count` of AllSides: two-sentence titles and long leads
    first, a sixth each, then the rest, each share taken across the outlets in turn."""
    allsides = sorted(allsides, key=lambda r: r.gold.name)
    taken: set[str] = set()
    picked = _round_robin([r for r in allsides if r.two_sentence_title], count // 6, taken)
    picked += _round_robin([r for r in allsides if r.long_lead], count // 6, taken)
    picked += _round_robin(allsides, count - len(picked), taken)
    return sorted(fundus, key=lambda r: r.gold.name) + picked


# --- the layouts and the junk put in them ---------------------------------------------------

# Credits as pages print them alone under a picture, besides those of `bench.evaluate`.
MORE_CREDITS = [
    "Saul Loeb/AFP via Getty Images",
    "AP Photo/J. Scott Applewhite",
    "Photo by Drew Angerer/Getty Images",
    "Credit: Erin Schaff/The New York Times",
    "Image: Reuters",
    "Kevin Lamarque/Reuters",
    "EPA-EFE/Jim Lo Scalzo",
    "Getty Images",
]
MORE_CAPTIONS = [
    "The president speaks to reporters on the South Lawn of the White House on Tuesday.",
    "Voters wait in line outside a polling station in the early morning.",
    "Firefighters work at the scene after the blaze was brought under control.",
    "Lawmakers arrive for a vote at the Capitol in Washington, D.C., on March 3, 2020.",
    "Traders work on the floor of the New York Stock Exchange.",
]
MORE_PROMPTS = [
    "Want more stories like this? Sign up for our newsletter.",
    "To get the best of our coverage in your inbox, subscribe to our daily newsletter.",
    "Get our free app for breaking news alerts. Download it here.",
]
MORE_PROMOS = ["RELATED: What we know so far", "CLICK HERE TO GET THE APP", "Read more:"]
DATE_LINES = ("evaluate", "published", "month")


def _date_text(date: str | None, style: str) -> str:
    if date is None:
        return ""
    day = dt.date.fromisoformat(date)
    if style == "published":
        return f"Published: {day.day} {day:%B %Y}"
    if style == "month":
        return f"Published {day:%B} {day.day}, {day.year} 9:12 a.m. ET"
    return _date_line(date)


@dataclass
class Dressed:
    real: Real
    layout: str
    filename: str
    content: str = ""
    junk: list[str] = field(default_factory=list)
    has_title: bool = True
    has_date: bool = True
    credit_after: int | None = None
    """The gold paragraph right above the credit that stands alone."""


def _body(real: Real, number: int, item: Dressed) -> list[str]:
    """The gold paragraphs with a credit alone, a captioned credit, a promo, a prompt and an
    aside among them; the junk goes to `item.junk`."""
    gold = real.gold
    paragraphs = list(gold.paragraphs)
    count = len(paragraphs)
    credits = [*CREDITS, *MORE_CREDITS]
    captions = [*CAPTIONS, *MORE_CAPTIONS]
    alone = credits[number % len(credits)]
    caption, caption_credit = captions[number % len(captions)], credits[(number + 5) % len(credits)]
    if real.pictures:  # the article's own pictures: one captioned, another's credit alone
        caption, caption_credit = real.pictures[number % len(real.pictures)]
        other = real.pictures[(number + 1) % len(real.pictures)][1]
        if number % 2 and other != caption_credit:
            alone = other
    promo = [*PROMOS, *MORE_PROMOS][number % (len(PROMOS) + len(MORE_PROMOS))]
    prompt = [*PROMPTS, *MORE_PROMPTS][number % (len(PROMPTS) + len(MORE_PROMPTS))]
    aside = ASIDES[number % len(ASIDES)]
    # Where each goes, as positions among the gold paragraphs: inserted from the last back.
    after_credit = 0 if number % 3 == 0 else min(2, count - 2)  # the credit alone: under it
    top_picture = number % 2 == 0  # the captioned picture heads the body, or sits lower
    # Nothing else goes right under the paragraph above the credit alone.
    picture_at = 0 if top_picture else max(after_credit + 3, (count * 2) // 3)
    promo_at = max(after_credit + 2, count // 2)
    aside_at = max(1, count - 2)
    paragraphs[aside_at] += aside
    inserts = [
        (after_credit + 1, [alone]),
        (min(picture_at, count), [caption, caption_credit]),
        (min(promo_at, count), [promo]),
    ]
    for at, lines in sorted(inserts, key=lambda x: -x[0]):
        paragraphs[at:at] = lines
    paragraphs.append(prompt)
    item.junk += [alone, caption, caption_credit, promo, prompt, aside.strip()]
    item.credit_after = after_credit
    return paragraphs


def page_copy(real: Real, number: int, item: Dressed) -> None:
    """A page copied as text: crumbs, title, byline, date line, the body, a bio."""
    gold = real.gold
    body = _body(real, number, item)
    crumbs = list(CRUMBS) if number % 2 else [" > ".join(CRUMBS)]
    top = [*crumbs, gold.title]
    bio = []
    if gold.author:
        name = gold.author.split(",")[0]
        top.append(f"By {name}")
        bio = [f"{name} is a staff reporter covering national news."]
    date_line = _date_text(gold.date, DATE_LINES[number % len(DATE_LINES)])
    top.append(date_line)
    item.content = "\n".join(t for t in top if t) + "\n\n" + "\n\n".join([*body, *bio]) + "\n"
    item.junk += [*crumbs, *bio, *([date_line] if date_line else [])]


def title_text(real: Real, number: int, item: Dressed) -> None:
    """A newspaper-style text dump: the title, a blank line, one paragraph a line."""
    body = _body(real, number, item)
    item.content = real.gold.title + "\n\n" + "\n".join([*body, "Advertisement"]) + "\n"
    item.junk.append("Advertisement")
    item.has_date = False


def front_matter(real: Real, number: int, item: Dressed) -> None:
    """Markdown with front matter and a `# title`, a pager at the end."""
    gold = real.gold
    body = _body(real, number, item)
    pager = PAGERS[number % len(PAGERS)]
    front = [
        f"title: {json.dumps(gold.title, ensure_ascii=False)}",
        f"date: {gold.date}T08:00:00Z" if gold.date else "",
        f"author: {gold.author}" if gold.author else "",
        f"url: {gold.url}" if gold.url else "",
    ]
    text = "---\n" + "\n".join(f for f in front if f) + "\n---\n"
    item.content = text + f"# {gold.title}\n\n" + "\n\n".join([*body, "You may also like", pager])
    item.junk += ["You may also like", pager]


def _entities(text: str) -> str:
    """Text as a CMS export gives it: HTML entities for marks, ampersands and some spaces."""
    text = html.escape(text, quote=False).replace('"', "&quot;")
    for mark, entity in (
        ("’", "&#8217;"),
        ("‘", "&#8216;"),
        ("“", "&ldquo;"),
        ("”", "&rdquo;"),
        ("é", "&eacute;"),
        ("–", "&ndash;"),
    ):
        text = text.replace(mark, entity)
    return text.replace(" — ", "&nbsp;&mdash; ").replace("—", "&mdash;")


def json_export(real: Real, number: int, item: Dressed) -> None:
    """A JSON-LD-like export: entities in the headline and the body."""
    gold = real.gold
    body = _body(real, number, item)
    record = {
        "headline": _entities(gold.title),
        "articleBody": "\n\n".join(_entities(p) for p in body),
        "datePublished": f"{gold.date}T09:12:00Z" if gold.date else None,
        "author": {"name": gold.author},
        "url": gold.url,
    }
    item.content = json.dumps([record], ensure_ascii=False)


def json_lines(real: Real, number: int, item: Dressed) -> None:
    """JSON Lines whose bodies carry the literal escapes of a second export."""
    gold = real.gold
    body = _body(real, number, item)
    line = {
        "title": gold.title,
        "text": _json_escaped("\n\n".join(body)),
        "published": gold.date,
        "byline": gold.author,
        "link": gold.url,
    }
    item.content = json.dumps(line) + "\n"


def raw_export(real: Real, number: int, item: Dressed) -> None:
    """A JSON export shown raw: escapes everywhere, the date header glued to the text."""
    gold = real.gold
    body = _body(real, number, item)
    pager = PAGERS[number % len(PAGERS)]
    header = f" date {gold.date} " if gold.date else ""
    item.content = header + _json_escaped("\n\n".join([*body, "WATCH:", pager]))
    item.junk += [pager]
    item.has_title = False


LAYOUTS = {
    "page-copy": (page_copy, ".txt"),
    "title-text": (title_text, ".txt"),
    "front-matter": (front_matter, ".md"),
    "json-entities": (json_export, ".json"),
    "jsonl-escaped": (json_lines, ".jsonl"),
    "raw-export": (raw_export, ".txt"),
}


def dress_all(reals: list[Real]) -> list[Dressed]:
    """Every article in every layout; the junk's places turn with the layout."""
    dressed = []
    for number, real in enumerate(reals):
        for turn, (layout, (render, suffix)) in enumerate(LAYOUTS.items()):
            item = Dressed(real, layout, f"{layout}/{real.gold.name}{suffix}")
            render(real, number + turn, item)
            dressed.append(item)
    return dressed


def write(dressed: list[Dressed], out: Path) -> None:
    """The dressed files under `out`, one folder a layout, and their gold beside them."""
    for layout in LAYOUTS:
        shutil.rmtree(out / layout, ignore_errors=True)
        (out / layout).mkdir(parents=True)
    with (out / "gold.jsonl").open("w", encoding="utf-8") as gold_file:
        for item in dressed:
            (out / item.filename).write_text(item.content, encoding="utf-8")
            gold = item.real.gold
            gold_file.write(
                json.dumps(
                    {
                        "file": item.filename,
                        "layout": item.layout,
                        "origin": item.real.origin,
                        "outlet": item.real.outlet,
                        "title": gold.title,
                        "date": gold.date,
                        "paragraphs": gold.paragraphs,
                        "junk": item.junk,
                        "credit_after": item.credit_after,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


# --- scoring --------------------------------------------------------------------------------

_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
PROSE_WORDS = 15
"""A gold sentence of this many words or more is real prose that must stay."""


def long_sentences(paragraph: str) -> list[str]:
    return [s for s in _SPLIT.split(paragraph) if len(s.split()) >= PROSE_WORDS]


@dataclass
class Lost:
    paragraph: int
    sentence: str
    where: str


@dataclass
class Outcome:
    item: Dressed
    article: Article | None
    body: BodyScore = field(default_factory=lambda: BodyScore(0.0, 0.0))
    junk_left: list[str] = field(default_factory=list)
    lost: list[Lost] = field(default_factory=list)
    lead_lost: bool = False
    above_credit_lost: bool = False
    title: bool | None = None
    date: bool | None = None


def _padded(text: str) -> str:
    """Text as lowercase words between single spaces, a space at each end: a phrase is in
    it when `f" {phrase} "` is."""
    return f" {_normalised(text)} "


def _where(sentence: str, article: Article, removed: list[str]) -> str:
    """Where a lost sentence went: a removed item, the title, or nowhere whole."""
    for original, padded in zip(article.removed, removed, strict=True):
        if f" {sentence} " in padded:
            return f"removed: {original[:70]!r}"
    if f" {sentence} " in _padded(article.title):
        return "taken as the title"
    return "altered or cut"


def score(item: Dressed, article: Article | None) -> Outcome:
    outcome = Outcome(item, article)
    gold = item.real.gold
    if article is None:
        outcome.lost = [Lost(0, "(the article did not load)", "missing")]
        outcome.lead_lost = True
        return outcome
    outcome.body = body_score([("\n".join(article.paragraphs), "\n".join(gold.paragraphs))])
    shown = _padded(" ".join(article.paragraphs))
    wanted = _padded(" ".join(gold.paragraphs))
    alone = {_padded(p) for p in article.paragraphs}
    for junk in dict.fromkeys(item.junk):
        words = _normalised(junk)
        if not words or f" {words} " in wanted:
            continue
        # One word ("Advertisement", "AP") is left when it is a paragraph of its own.
        where = shown if len(words.split()) >= 2 else alone
        if f" {words} " in where:
            outcome.junk_left.append(junk)
    removed = [_padded(r) for r in article.removed]
    for index, paragraph in enumerate(gold.paragraphs):
        sentences = long_sentences(paragraph) or ([paragraph] if index == 0 else [])
        for sentence in sentences:
            words = _normalised(sentence)
            if words and f" {words} " not in shown:
                if len(sentence.split()) >= PROSE_WORDS:
                    where = _where(words, article, removed)
                    outcome.lost.append(Lost(index, sentence, where))
                if index == 0:
                    outcome.lead_lost = True
                if index == item.credit_after:
                    outcome.above_credit_lost = True
    if item.has_title:
        outcome.title = " ".join(article.title.split()) == gold.title
    if item.has_date and gold.date:
        outcome.date = str(article.published) == gold.date
    return outcome


def _body_of(group: list[Outcome]) -> BodyScore:
    """Precision and recall averaged over the articles, as `body_score` does."""
    count = len(group) or 1
    return BodyScore(
        sum(o.body.precision for o in group) / count, sum(o.body.recall for o in group) / count
    )


def _pct(values: Iterable[bool]) -> str:
    flags = list(values)
    return f"{sum(flags) / len(flags):.0%}" if flags else "-"


def report(outcomes: list[Outcome], show: int) -> None:
    by_layout: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_layout[outcome.item.layout].append(outcome)
    header = (
        f"  {'layout':14} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6} {'junk':>6} "
        f"{'lost':>6} {'lead':>6} {'titles':>7} {'dates':>6}"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for name, group in [*by_layout.items(), ("all", outcomes)]:
        body = _body_of(group)
        titles = [o.title for o in group if o.title is not None]
        dates = [o.date for o in group if o.date is not None]
        print(
            f"  {name:14} {len(group):5} {body.precision:6.3f} {body.recall:6.3f} "
            f"{body.f1:6.3f} {_pct(bool(o.junk_left) for o in group):>6} "
            f"{_pct(bool(o.lost) for o in group):>6} {_pct(o.lead_lost for o in group):>6} "
            f"{_share(titles):>7} {_share(dates):>6}"
        )
    print("  junk: share of articles with any inserted junk left in the paragraphs; lost: share")
    print(f"  that lost a gold sentence of {PROSE_WORDS}+ words; lead: share that lost the lead")

    print("\nCases the reader must get right (all layouts):")
    after_lead = [o for o in outcomes if o.item.credit_after == 0]
    lower = [o for o in outcomes if o.item.credit_after not in (None, 0)]
    lead_lost = _pct(o.lead_lost for o in after_lead)
    print(f"  credit alone right under the lead: lead lost in {lead_lost} of {len(after_lead)}")
    print(
        f"  credit alone lower down: paragraph above it lost in "
        f"{_pct(o.above_credit_lost for o in lower)} of {len(lower)}"
    )
    alone_left = [o for o in outcomes if o.item.junk[0] in o.junk_left]
    print(f"  credit alone left in the body: {len(alone_left)} of {len(outcomes)}")
    captioned = [
        o for o in outcomes if o.item.junk[1] in o.junk_left or o.item.junk[2] in o.junk_left
    ]
    print(f"  captioned credit (caption or credit) left: {len(captioned)} of {len(outcomes)}")
    long_leads = [o for o in outcomes if o.item.real.long_lead]
    print(
        f"  long leads ({LONG_LEAD}+ words): lost in {_pct(o.lead_lost for o in long_leads)} "
        f"of {len(long_leads)}"
    )
    two = [o for o in outcomes if o.item.real.two_sentence_title and o.title is not None]
    other = [o for o in outcomes if not o.item.real.two_sentence_title and o.title is not None]
    print(
        f"  titles of two sentences ending in a full stop: right in "
        f"{_pct(o.title is True for o in two)} of {len(two)} (other titles "
        f"{_pct(o.title is True for o in other)} of {len(other)})"
    )
    for origin in ("allsides", "fundus"):
        group = [o for o in outcomes if o.item.real.origin == origin]
        if group:
            print(
                f"  {origin}: {len(group)} docs, F1 {_body_of(group).f1:.3f}, junk left "
                f"{_pct(bool(o.junk_left) for o in group)}, prose lost "
                f"{_pct(bool(o.lost) for o in group)}"
            )

    kinds: dict[str, int] = defaultdict(int)
    for outcome in outcomes:
        for junk in outcome.junk_left:
            kinds[_kind(junk, outcome.item)] += 1
    print("\nJunk left, by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    strings: dict[str, int] = defaultdict(int)
    for outcome in outcomes:
        for junk in outcome.junk_left:
            strings[junk[:60]] += 1
    common = sorted(strings.items(), key=lambda x: -x[1])[:8]
    print("  most often left: " + "; ".join(f"{k!r} {n}" for k, n in common))
    went: dict[str, int] = defaultdict(int)
    for outcome in outcomes:
        for lost in outcome.lost:
            went[lost.where.split(":")[0]] += 1
    print("Prose lost, by where it went: " + ", ".join(f"{k} {n}" for k, n in went.items()))

    if show:
        print(f"\nThe {show} worst articles:")
        worst = sorted(outcomes, key=lambda o: (-len(o.lost), -len(o.junk_left), o.body.f1))
        for outcome in worst[:show]:
            _show(outcome)


def _kind(junk: str, item: Dressed) -> str:
    index = item.junk.index(junk)
    names = ["credit alone", "caption", "captioned credit", "promo", "prompt", "aside"]
    return names[index] if index < len(names) else f"{item.layout} furniture"


def _show(outcome: Outcome) -> None:
    item, article = outcome.item, outcome.article
    print(f"- {item.layout} {item.real.gold.name} ({item.real.outlet}): F1 {outcome.body.f1:.3f}")
    if article is not None and outcome.title is False:
        print(f"    title {article.title[:90]!r}, want {item.real.gold.title[:90]!r}")
    if article is not None and outcome.date is False:
        print(f"    date {article.published}, want {item.real.gold.date}")
    for lost in outcome.lost[:4]:
        print(f"    lost p{lost.paragraph}: {lost.sentence[:80]!r} -> {lost.where}")
    if len(outcome.lost) > 4:
        print(f"    ... and {len(outcome.lost) - 4} more sentences lost")
    for junk in outcome.junk_left:
        print(f"    left ({_kind(junk, item)}): {junk[:80]!r}")


def save(outcomes: list[Outcome], path: Path) -> None:
    """Each article's score, what it lost and what junk it kept, one JSON line each."""
    with path.open("w", encoding="utf-8") as out:
        for o in outcomes:
            record = {
                "file": o.item.filename,
                "layout": o.item.layout,
                "f1": round(o.body.f1, 4),
                "junk_left": o.junk_left,
                "lost": [[lost.paragraph, lost.sentence, lost.where] for lost in o.lost],
                "lead_lost": o.lead_lost,
                "title_right": o.title,
                "date_right": o.date,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        action="append",
        required=True,
        help="Article-Bias-Prediction's data/jsons or Fundus's test_data",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where the dressed files go")
    parser.add_argument("--articles", type=int, default=240, help="AllSides articles taken")
    parser.add_argument(
        "--pool", type=int, default=10_000, help="AllSides files read to choose from (all: 40000)"
    )
    parser.add_argument("--show", type=int, default=0, help="list the N worst articles")
    args = parser.parse_args()

    started = time.perf_counter()
    allsides, fundus = read_all(args.data, args.pool)
    reals = select(allsides, fundus, args.articles)
    if not reals:
        sys.exit("no usable article under the paths given")
    dressed = dress_all(reals)
    write(dressed, args.out)
    built = time.perf_counter()
    corpus = open_corpus([args.out / layout for layout in LAYOUTS])
    loaded = time.perf_counter()
    by_file = {str(Path(a.source).relative_to(args.out)): a for a in corpus.articles}
    outcomes = [score(item, by_file.get(item.filename)) for item in dressed]

    two = sum(r.two_sentence_title for r in reals)
    long = sum(r.long_lead for r in reals)
    origins = {o: sum(r.origin == o for r in reals) for o in ("allsides", "fundus")}
    print(
        f"Articles: {len(reals)} real ({origins['allsides']} of {len(allsides)} usable "
        f"AllSides, {origins['fundus']} Fundus), {two} with two-sentence titles, {long} "
        f"with long leads; {len(dressed)} dressed in {len(LAYOUTS)} layouts"
    )
    print(f"  dressed files, their gold (gold.jsonl) and scores (outcomes.jsonl) in {args.out}")
    for problem in corpus.problems:
        print(f"  problem: {problem}")
    report(outcomes, args.show)
    save(outcomes, args.out / "outcomes.jsonl")
    print(
        f"\nTime: read and dressed {built - started:.1f} s, loaded {loaded - built:.1f} s, "
        f"scored {time.perf_counter() - loaded:.1f} s"
    )


if __name__ == "__main__":
    main()
