"""Measure the entity layer on British news: one-word junk, "Mr X" merges, types, cut spans.

    python bench/british.py --data PATH [--out DIR] [--show N] [--limit N]

PATH is either a JSON Lines file of articles, which is written out as article files under DIR
(default /work/data/british/articles; only its first N records with --limit) and then analysed,
or a folder of article files, which is analysed as it is. The articles are third-party text:
they are read from PATH each time this runs, and nothing of them is kept or committed in the
repository (this script refuses to write them inside it).

The dev set is 1,000 Guardian news items of 2023 (uk-news 280, politics 200, football 160,
society 100, sport 100, business 70, education 40, money 30, media 20), as the Guardian's own
RSS feeds gave them: headline, standfirst and the first paragraphs of each story (a median of
about 600 characters), not whole articles. They come from the public repository
rumca-js/RSS-Link-Database-2023 (a daily archive of RSS items; the repository is GPL-3.0, the
items' text is Guardian News & Media's), from the tree of its commit 08b89dd9b (2023-12-31, the
last with the daily 2023/MM/YYYY-MM-DD/ folders unzipped): the feeds theguardian.com/rss,
/international/rss and /world/rss, one record per link, without live blogs, galleries, audio,
video and items under 300 characters of text, the first links of each section in the order of
the SHA-1 of their address. The records, as the archive has them ({"source", "link", "title",
"date_published", "description"} with the description in HTML), are in
/work/data/british/source/guardian_rss_2023.jsonl, made by select_guardian_rss.py beside it:

    python select_guardian_rss.py <bare clone of rumca-js/RSS-Link-Database-2023> \
        > guardian_rss_2023.jsonl

The archive has no splits: it is no test split of anything. An RSS record is written as a JSON
file {"title", "text", "date", "url"}, its description's paragraphs (without its lists of links
and its "Continue reading..." link) separated by blank lines.

The dev set must come from a TRAINING or DEVELOPMENT (validation) split of a public corpus, or
from a corpus with no splits, never a test split: this script refuses a file whose name marks a
test split ("test.jsonl", "xsum_test.jsonl"). The 1,000-article XSum test sample
(DavidFanzz/llm_decoding, data/xsum/test.jsonl) that it read before is withdrawn, with the
figures measured on it. No public copy of XSum's train and validation articles could be brought here
(the raw bbc-summary-data/*.summary files in tianjianh/tmp: its newest commit has over 200,000
files; EdinburghNLP/XSum holds only the split lists), nor of the Guardian authorship corpus
(Stamatatos 2013; 444 columns by 13 Guardian writers; its loaders in huggingface/datasets and
JacobTyo/Valla download it from Dropbox or Kaggle, and no GitHub copy of the texts turned up).
Other records still read: {"document", "summary", "id"} is an XSum article, its summary (the
article's opening sentence, which XSum took off its body) written back as the title line, which
the reader reads as the body's first paragraph too; records with "title", "text" and "date" are
written as JSON files. The 2004-05 BBC News classification corpus (2,225 articles in
business/entertainment/politics/sport/tech folders, "bbc-fulltext", "BBC News Summary") is held
out: never use it here; this script refuses a path that looks like it.

The hand judgments sit in bench/british_judgments.json (names and labels only):
- `one_word`: one-word entity names (as the reader names them) labelled junk, grouped by why
  (a sentence's first word, a common word, a fragment of a longer name, a title, a unit, a
  date word, a demonym or adjective, a piece of a word, a miscased word), or name. Names not
  in it are reported as unjudged, to be labelled.
- `types`: names whose type is known: organisations (clubs, parties, companies, broadcasters,
  institutions), places and people.

Measures, all through the public API (`open_corpus`, entities and mentions):
- one-word junk: the share of articles that show any junk one-word entity, and each junk
  entity's share of articles (the goal: none above 1%);
- "Mr X" merges: in each article, each "Mr/Mrs/Ms/Miss/Dr X" whose article also names a full
  name ending in X: whether both are one entity; corpus-wide, the pairs split;
- types: of the articles where a listed name is a whole mention, the share typed right, by
  kind; the mistypes, and how often the name is cut or missed instead;
- cut spans: a name that is a strict part of a longer capitalised run in its text (a
  particle such as "Di", "van" or "al-" cut, "of" split, a number cut, a given name without
  its surname), and names with a role or organisation glued before a person's name
  ("Lib Dems David Laws").
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.model import Article, Corpus

REPOSITORY = Path(__file__).resolve().parent.parent
JUDGMENTS = Path(__file__).resolve().with_name("british_judgments.json")
DEFAULT_OUT = Path("/work/data/british/articles")
KINDS = ("person", "org", "place")
HELD_OUT = ("bbc-fulltext", "bbc news summary", "bbc_news_summary")
HELD_OUT_FOLDERS = frozenset({"business", "entertainment", "politics", "sport", "tech"})
TEST_SPLIT = re.compile(r"(?:^|[\W_])test(?:[\W_]|$)", re.IGNORECASE)
"""A file name that marks a test split: "test.jsonl", "xsum_test.jsonl", "test-00000.json"."""

HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})
"""The titles of "Mr X" forms."""
COURTESY = frozenset(
    "Mr Mrs Ms Miss Dr Madame Sir Lord Lady Dame Prof Professor Rev Reverend King Queen Prince "
    "Princess Pope Saint St Sheikh Baroness Baron".split()
)
"""Titles that belong with a name: "Sir Alex Ferguson" is not a role glued to a name."""
ROLES = frozenset(
    "President Prime Minister Secretary Chancellor Chief Constable Inspector Judge Justice "
    "Senator Governor Mayor Councillor Cllr Manager Coach Captain Leader Chairman Chairwoman "
    "Director Commissioner Sheriff Superintendent Sergeant Sgt Det Insp Supt Ch PC Gen Col Maj "
    "PCC Lieutenant Premier Lt Cpl Pte Capt Officer Editor Correspondent Ambassador Attorney "
    "Deputy Shadow Speaker "
    "PM CEO MP MPs MSP MSPs AM AMs MEP MEPs MLA MLAs Bishop Archbishop Cardinal Dean Boss".split()
)
"""Role words, which end a name's capitalised run ("Health Secretary | Jeremy Hunt")."""
PARTICLES = frozenset(
    "de di da du del della dos das van von der den ter ten bin ibn al el le la "
    "De Di Da Du Del Della Dos Das Van Von Der Den Ter Ten Bin Ibn Al El Le La".split()
)
OF = "split at 'of'"
K = TypeVar("K")

_WORD = re.compile(r"\w[\w'’&-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_OPENERS = "\"'“‘(["
_MR = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+"
    r"((?:(?:[Dd][eiau]|[Dd]el|[Vv][ao]n|[Dd]e[rn]|[Ll][ea]|[Aa]l|[Ee]l|[Bb]in)[ \t-]+)*"
    r"[A-Z][\w'’-]*\w)"
    r"(?![\w'’-]*[ \t]+(?:[A-Z]|(?:de|di|da|van|von|der|bin|al|le|la)[ \t]))"
)


# --- building the dev set -----------------------------------------------------------------


def held_out(path: Path) -> bool:
    """Whether a path looks like the held-out 2004-05 BBC News corpus."""
    parts = [p.lower() for p in path.resolve().parts]
    if any(name in part for part in parts for name in HELD_OUT):
        return True
    if path.is_dir():
        folders = {child.name.lower() for child in path.iterdir() if child.is_dir()}
        return len(folders & HELD_OUT_FOLDERS) >= 4
    return False


def test_split(path: Path) -> bool:
    """Whether a file's name marks it as a test split, which no dev set is built from."""
    return path.is_file() and bool(TEST_SPLIT.search(path.name))


def records(source: Path) -> Iterator[dict[str, Any]]:
    """The JSON records of a JSON Lines file (or of a JSON list)."""
    text = source.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        yield from json.loads(text)
        return
    for line in text.splitlines():
        if line.strip():
            yield json.loads(line)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


_PROMO = re.compile(r"<(ul|figure|aside)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
_MORE = re.compile(r"<a\b[^>]*>\s*Continue reading\W*</a>", re.IGNORECASE)
_BREAK = re.compile(r"</p>|<br\s*/?>|</h\d>|</blockquote>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def html_paragraphs(description: str) -> list[str]:
    """The paragraphs of an RSS item's HTML description, without its lists of links ("Follow
    our live blog") and its "Continue reading..." link."""
    text = _MORE.sub("", _PROMO.sub("", description))
    parts = (" ".join(html.unescape(_TAG.sub("", part)).split()) for part in _BREAK.split(text))
    return [part for part in parts if part]


def build(source: Path, out: Path, limit: int | None = None) -> int:
    """Write the articles of a JSON Lines file (its first `limit` records, if given) under
    `out` as files the reader opens; the files this wrote before are replaced. Returns how
    many were written."""
    return write(records(source), out, limit)


def write(items: Iterable[dict[str, Any]], out: Path, limit: int | None = None) -> int:
    """Write article records (the first `limit`, if given) under `out` as files the reader
    opens, as `build` does; the files this wrote before are replaced."""
    if out.resolve().is_relative_to(REPOSITORY):
        sys.exit(f"{out}: the articles are third-party text; write them outside the repository")
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.txt"), *out.glob("*.json")]:
        old.unlink()
    count = 0
    for number, record in enumerate(items, 1):
        if limit is not None and number > limit:
            break
        name = re.sub(r"[^\w-]", "_", str(record.get("id", number)))
        if "document" in record:  # XSum: the summary is the article's opening sentence
            lines = [str(record.get("summary", "")).strip(), *_paragraphs(record["document"])]
            (out / f"{name}.txt").write_text("\n\n".join(line for line in lines if line) + "\n")
            count += 1
            continue
        if "description" in record and "text" not in record:  # an RSS item: HTML paragraphs
            record = {
                "title": record.get("title", ""),
                "text": "\n\n".join(html_paragraphs(str(record["description"] or ""))),
                "date": record.get("date_published", record.get("date", "")),
                "url": record.get("link", record.get("url", "")),
            }
        fields = {k: record[k] for k in ("title", "text", "date", "url") if k in record}
        (out / f"{name}.json").write_text(json.dumps(fields, ensure_ascii=False))
        count += 1
    return count


# --- judgments ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Judgments:
    junk: Mapping[str, str]
    """Junk one-word names, each with why it is junk."""
    names: frozenset[str]
    types: Mapping[str, str]
    """Known names and their right type."""


def load_judgments(path: Path = JUDGMENTS) -> Judgments:
    data = json.loads(path.read_text(encoding="utf-8"))
    junk = {name: why for why, names in data["one_word"]["junk"].items() for name in names}
    types = {name: kind for kind, names in data["types"].items() for name in names}
    return Judgments(junk, frozenset(data["one_word"]["name"]), types)


# --- helpers ------------------------------------------------------------------------------


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def sentence_start(paragraph: str, start: int) -> bool:
    """Whether a word starts a sentence, a quotation or a paragraph."""
    before = paragraph[:start].rstrip()
    if not before:
        return True
    bare = before.rstrip(_OPENERS)
    if bare != before:  # just after an opening quote
        return not bare.strip() or bare[-1].isspace() or bare[-1] in ".!?:;,-–—("
    return bool(re.search(r"[.!?:;•]['\"”’)\]]*$", before))


@dataclass(frozen=True, slots=True)
class Span:
    """A mention with its text, in one article."""

    article: str
    paragraph: int
    start: int
    end: int
    entity: str
    text: str


def spans(article: Article) -> list[Span]:
    return [
        Span(article.id, m.paragraph, m.start, m.end, m.entity, text[m.start : m.end])
        for m in article.mentions
        for text in (article.paragraphs[m.paragraph],)
    ]


def top(counter: Counter[K], n: int | None = None) -> list[tuple[K, int]]:
    """The n most common, ties in the order of their text (a Counter's own order follows
    insertion, which follows set order, which changes from run to run)."""
    ranked = sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))
    return ranked if n is None else ranked[:n]


# --- one-word junk ------------------------------------------------------------------------


@dataclass
class OneWord:
    articles: int
    with_any: int = 0
    with_junk: int = 0
    shown: Counter[str] = field(default_factory=Counter)
    """Articles that show each one-word entity name."""
    kinds: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    mentions: Counter[str] = field(default_factory=Counter)
    initial: Counter[str] = field(default_factory=Counter)
    """Mentions of each name that start a sentence."""
    initial_only: Counter[str] = field(default_factory=Counter)
    """Articles where every mention of the name starts a sentence."""


def one_word(corpus: Corpus, judged: Judgments) -> OneWord:
    result = OneWord(len(corpus.articles))
    for article in corpus.articles:
        names: set[str] = set()
        inside: set[str] = set()
        for span in spans(article):
            entity = corpus.entities[span.entity]
            if len(entity.name.split()) != 1:
                continue
            names.add(entity.name)
            result.kinds[entity.name][entity.type] += 1
            result.mentions[entity.name] += 1
            if sentence_start(article.paragraphs[span.paragraph], span.start):
                result.initial[entity.name] += 1
            else:
                inside.add(entity.name)
        result.shown.update(names)
        result.initial_only.update(names - inside)
        result.with_any += bool(names)
        result.with_junk += any(name in judged.junk for name in names)
    return result


def report_one_word(result: OneWord, judged: Judgments, show: int) -> None:
    n = result.articles
    print("\n== One-word entities")
    print(f"articles showing any one-word entity: {result.with_any} / {n} "
          f"({share(result.with_any, n)})")  # fmt: skip
    print(f"articles showing a junk one-word entity: {result.with_junk} / {n} "
          f"({share(result.with_junk, n)})")  # fmt: skip
    junk = Counter({k: v for k, v in result.shown.items() if k in judged.junk})
    over = [k for k, v in junk.items() if v / n > 0.01]
    print(
        f"junk names above 1% of articles: {len(over)} (goal: none); junk names seen: {len(junk)}"
    )
    print("\ntop junk by share of articles (why, type, share of mentions starting a sentence):")
    for name, count in top(junk, max(show, 10)):
        kinds = "/".join(k for k, _ in top(result.kinds[name]))
        print(f"  {name:14} {share(count, n):>6}  {judged.junk[name]:11} {kinds:12} "
              f"initial {share(result.initial[name], result.mentions[name])}")  # fmt: skip
    by_why: Counter[str] = Counter()
    names_by_why: Counter[str] = Counter()
    for name, count in junk.items():
        by_why[judged.junk[name]] += count
        names_by_why[judged.junk[name]] += 1
    only: Counter[str] = Counter()
    for name in junk:
        only[judged.junk[name]] += result.initial_only[name]
    print("\njunk by why: article-appearances, names, and appearances whose every mention")
    print("starts a sentence:")
    for why, count in top(by_why):
        print(f"  {why:12} {count:5}  {names_by_why[why]:4} names  {only[why]:5} "
              "sentence-initial only")  # fmt: skip
    print(f"  {'all':12} {sum(by_why.values()):5}  {len(junk):4} names  {sum(only.values()):5} "
          f"sentence-initial only ({share(sum(only.values()), sum(by_why.values()))})")  # fmt: skip
    unjudged = Counter(
        {k: v for k, v in result.shown.items() if k not in judged.junk and k not in judged.names}
    )
    print(f"\nunjudged one-word names: {len(unjudged)} (in {sum(unjudged.values())} "
          f"article-appearances); most shown:")  # fmt: skip
    for name, count in top(unjudged, max(show, 10)):
        kinds = "/".join(k for k, _ in top(result.kinds[name]))
        print(f"  {name:14} {count:4} articles  {kinds}")


# --- Mr X merges --------------------------------------------------------------------------


@dataclass
class Merges:
    pairs: int = 0
    merged: int = 0
    ambiguous: int = 0
    split: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(title form, full name) split, by articles."""
    why: Counter[str] = field(default_factory=Counter)
    entities: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    """What the reader named each side of a split pair."""
    forms: Counter[str] = field(default_factory=Counter)
    """Every title form written, by where it stands and what the reader made of it."""
    unread: Counter[str] = field(default_factory=Counter)
    """Title forms that are no mention, by form."""


def _words(text: str) -> list[str]:
    return _POSSESSIVE.sub("", text).split()


def vocabulary(corpus: Corpus) -> frozenset[str]:
    """Words written in lower case three times or more: a capitalised one that starts a
    sentence is a common word, not a name."""
    lower: Counter[str] = Counter()
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            lower.update(w for w in _WORD.findall(paragraph) if w.islower())
    return frozenset(w for w, c in lower.items() if c >= 3)


def _given(words: list[str], common: frozenset[str]) -> list[str]:
    """The words of a full name before its surname, without the roles, titles, possessives
    ("Labour's") and common words before them."""
    kept: list[str] = []
    for word in words:
        bare = _POSSESSIVE.sub("", word)
        if bare != word or bare in ROLES | COURTESY or word.lower() in common:
            kept = []
        else:
            kept.append(word)
    return kept


def merges(corpus: Corpus, common: frozenset[str]) -> Merges:
    result = Merges()
    for article in corpus.articles:
        found = spans(article)
        titled: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for index, paragraph in enumerate(article.paragraphs):
            for match in _MR.finditer(paragraph):
                surname = _POSSESSIVE.sub("", match.group(2))
                if surname.split()[-1] in ROLES | COURTESY:
                    continue
                start, x_start, end = match.start(), match.start(2), match.end(2)
                over = [
                    s for s in found if s.paragraph == index and s.start < end and s.end > start
                ]
                on_x = [s for s in over if s.end > x_start] or over
                form = f"{match.group(1)} {surname}"
                titled[surname].append((form, on_x[0].entity if on_x else None))
                where = "starting a sentence" if sentence_start(paragraph, start) else "inside one"
                if not on_x:
                    made = "no mention"
                    result.unread[form] += 1
                elif corpus.entities[on_x[0].entity].name in HONORIFICS:
                    made = "named by its title alone"
                else:
                    made = "a mention"
                result.forms[f"{where}: {made}"] += 1
        for surname, forms in titled.items():
            x = surname.split()
            full: dict[str, Counter[str]] = defaultdict(Counter)  # given name -> entities
            surfaces: dict[str, str] = {}
            pattern = re.compile(
                rf"(?<![\w'’-])((?:[A-Z][\w'’.-]*[ ]){{1,3}}){re.escape(surname)}(?![\w-])"
            )
            for index, paragraph in enumerate(article.paragraphs):
                if surname not in paragraph:
                    continue
                for match in pattern.finditer(paragraph):
                    given = _given(match.group(1).split(), common)
                    if not given:
                        continue  # "Mr Blair", "Prime Minister Blair"
                    start = match.end() - len(" ".join([*given, surname]))
                    end, x_start = match.end(), match.end() - len(surname)
                    over = [
                        s for s in found if s.paragraph == index and s.start < end and s.end > start
                    ]  # fmt: skip
                    on_x = [s for s in over if s.end > x_start] or over
                    if on_x:
                        full[given[-1]][on_x[0].entity] += 1
                        surfaces.setdefault(given[-1], paragraph[start:end])
            if not full:
                continue
            if len(full) > 1:
                result.ambiguous += 1
                continue
            (wanted,) = full.values()
            result.pairs += 1
            picked = Counter(entity for _, entity in forms).most_common(1)[0][0]
            if picked in wanted:
                result.merged += 1
                continue
            form = Counter(f for f, _ in forms).most_common(1)[0][0]
            name = surfaces[next(iter(full))]
            result.split[form, name] += 1
            full_entity = corpus.entities[top(wanted, 1)[0][0]]
            if picked is None:
                why, mr_name = "title form not a mention", "-"
            else:
                mr_entity = corpus.entities[picked]
                mr_name = f"{mr_entity.name} ({mr_entity.type})"
                if mr_entity.name in HONORIFICS:
                    why = "title form named by its title alone"
                elif _words(full_entity.name)[-len(x) :] != x:
                    why = "full name cut (its entity is not named ... X)"
                else:
                    why = "title form a separate entity"
            result.why[why] += 1
            result.entities[form, name] = (mr_name, f"{full_entity.name} ({full_entity.type})")
    return result


def report_merges(result: Merges, show: int) -> None:
    print('\n== "Mr X" forms (Mr, Mrs, Ms, Miss, Dr; with a full stop or none)')
    total = sum(result.forms.values())
    print(f"written: {total}")
    for what, count in sorted(result.forms.items()):
        print(f"  {what}: {count} ({share(count, total)})")
    if result.unread:
        print("  most often no mention: " + ", ".join(
            f"{form} ({n})" for form, n in top(result.unread, max(show, 8))))  # fmt: skip
    print('"Mr X" and a full name ending in X in the same article:')
    print(f"pairs (article, surname): {result.pairs}; merged: {result.merged} "
          f"({share(result.merged, result.pairs)}); split: {result.pairs - result.merged}; "
          f"skipped as ambiguous (two given names): {result.ambiguous}")  # fmt: skip
    for why, count in top(result.why):
        print(f"  split: {why}: {count}")
    if result.split:
        print("split pairs, by articles (reader's entity for each side):")
    for (form, name), count in top(result.split, max(show, 10)):
        mr_name, full_name = result.entities[form, name]
        print(f"  {count:3}  {form!r} vs {name!r}: {mr_name} | {full_name}")


# --- types --------------------------------------------------------------------------------


@dataclass
class Types:
    seen: Counter[str] = field(default_factory=Counter)
    """(article, name) pairs with the name as a whole mention, by right kind."""
    right: Counter[str] = field(default_factory=Counter)
    wrong: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    cut: Counter[str] = field(default_factory=Counter)
    """Articles where the name is written but only parts of it are mentions."""
    missed: Counter[str] = field(default_factory=Counter)
    """Articles where the name is written and is no mention nor part of one."""
    cut_as: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """The names seen as whole mentions, by right kind."""


def types(corpus: Corpus, judged: Judgments) -> Types:
    result = Types()
    patterns = {
        name: re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-]|['’][a-rt-z])")
        for name in judged.types
    }
    for article in corpus.articles:
        found = spans(article)
        by_paragraph: dict[int, list[Span]] = defaultdict(list)
        for span in found:
            by_paragraph[span.paragraph].append(span)
        exact: dict[str, Counter[str]] = defaultdict(Counter)
        for span in found:
            if span.text in judged.types:
                exact[span.text][corpus.entities[span.entity].type] += 1
        for name, kind in judged.types.items():
            if name in exact:
                got = top(exact[name], 1)[0][0]
                result.seen[kind] += 1
                result.names[kind].add(name)
                if got == kind:
                    result.right[kind] += 1
                else:
                    result.wrong[name][got] += 1
                continue
            outcome = None
            parts: list[str] = []
            for index, paragraph in enumerate(article.paragraphs):
                if name.split()[0] not in paragraph:
                    continue
                for match in patterns[name].finditer(paragraph):
                    lo, hi = match.start(), match.end()
                    over = [s for s in by_paragraph[index] if s.start < hi and s.end > lo]
                    if any(s.start <= lo and s.end >= hi for s in over):
                        outcome = outcome or "inside"
                    elif over:
                        outcome = "cut"
                        parts = [s.text for s in over]
                    elif outcome is None:
                        outcome = "missed"
            if outcome == "cut":
                result.cut[name] += 1
                result.cut_as[name][" + ".join(parts)] += 1
            elif outcome == "missed":
                result.missed[name] += 1
    return result


def report_types(result: Types, judged: Judgments, show: int) -> None:
    print("\n== Types of known names (articles where the name is a whole mention)")
    for kind in KINDS:
        listed = sum(1 for k in judged.types.values() if k == kind)
        right, seen = result.right[kind], result.seen[kind]
        names = result.names[kind]
        good = sum(1 for name in names if name not in result.wrong)
        print(f"  {kind:7} {right:4} / {seen:4} right ({share(right, seen)}); by name "
              f"{good} / {len(names)} ({share(good, len(names))}); {listed} listed")  # fmt: skip
    total = sum(result.seen.values())
    print(f"  all     {sum(result.right.values()):4} / {total:4} right "
          f"({share(sum(result.right.values()), total)})")  # fmt: skip
    wrong = Counter({name: sum(c.values()) for name, c in result.wrong.items()})
    print(f"mistyped names: {len(wrong)}, in {sum(wrong.values())} articles; most often:")
    for name, _ in top(wrong, max(show, 15)):
        got = ", ".join(f"{k} {v}" for k, v in top(result.wrong[name]))
        print(f"  {name:24} should be {judged.types[name]:6} got {got}")
    print(f"written but cut into parts: {sum(result.cut.values())} articles; "
          f"not a mention at all: {sum(result.missed.values())} articles")  # fmt: skip
    for name, count in top(result.cut, max(show, 10)):
        parts = "; ".join(f"{p} ({c})" for p, c in top(result.cut_as[name], 3))
        print(f"  cut    {name:24} {count:3}  as {parts}")
    for name, count in top(result.missed, show):
        print(f"  missed {name:24} {count:3}")


# --- cut spans ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def _tokens(paragraph: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(paragraph)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


_I = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll"})
MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
NUMBERED = frozenset(
    {
        "Radio",
        "Channel",
        "Formula",
        "Apollo",
        "Windows",
        "Series",
        "Chapter",
        "Article",
        "News",
        "Pro",
    }
)
"""Words a number of one or two digits belongs to: "Radio 4", "Formula 1", "Article 50"."""
_ADJECTIVE = re.compile(
    r"-(?:born|based|listed|held|owned|led|run|elect|era|style|backed|funded|bound|made|"
    r"registered|linked|bred|raised|trained|inspired|themed|speaking|wide|affiliated)$"
)
"""A capitalised word made an adjective: "Caerleon-born", "New York-listed"."""


def _number(previous: Token, word: str) -> bool:
    """Whether a number is part of the name before it: "Euro 2016", "FTSE 100", "Channel 4",
    not a score ("Norway 2"), a minute ("Robinson 60") nor a date's year ("June 2016")."""
    if not word.isdigit() or not _capitalised(previous.text) or previous.text in MONTHS:
        return False
    return len(word) in (3, 4) or previous.text in NUMBERED


def runs(paragraph: str, common: frozenset[str]) -> Iterator[tuple[int, int, list[Token]]]:
    """Maximal runs of capitalised words joined by single spaces, with particles, "of" and
    numbers inside; role words end them, a common word that starts a sentence is left off,
    and so is a possessive's "'s". Yields (start, end, tokens)."""
    tokens = _tokens(paragraph)
    run: list[Token] = []

    def close() -> Iterator[tuple[int, int, list[Token]]]:
        words = list(run)
        while words and (
            words[0].text in PARTICLES
            or words[0].text in ("of", "the", "The")
            or words[0].text.isdigit()
            or (words[0].text.lower() in common and sentence_start(paragraph, words[0].start))
        ):
            words.pop(0)
        while words and (words[-1].text in PARTICLES or words[-1].text in ("of", "the")):
            words.pop()
        if len(words) > 1:
            last = words[-1]
            end = last.end - len(m.group()) if (m := _POSSESSIVE.search(last.text)) else last.end
            yield words[0].start, end, words

    for token in tokens:
        word = token.text
        bare = _POSSESSIVE.sub("", word)
        joined = bool(run) and paragraph[run[-1].end : token.start] == " "
        if run and _POSSESSIVE.search(run[-1].text):
            joined = False
        name_like = (
            _capitalised(word)
            and bare not in ROLES
            and bare not in COURTESY
            and bare not in _I
            and not _ADJECTIVE.search(word)
        )
        inner = word in PARTICLES or word in ("of", "the") or (bool(run) and _number(run[-1], word))
        if not joined:
            yield from close()
            run = []
        if name_like or (run and inner) or (word in PARTICLES and _capitalised(word)):
            if word == "the" and run and run[-1].text != "of":
                yield from close()
                run = []
                continue
            run.append(token)
        else:
            yield from close()
            run = []
    yield from close()


@dataclass
class Cuts:
    cut: Counter[str] = field(default_factory=Counter)
    """Mentions cut, by kind."""
    examples: dict[str, Counter[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    glued: Counter[str] = field(default_factory=Counter)
    glued_examples: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    mentions: int = 0


def _cut_kind(run: list[Token], start: int, end: int) -> str:
    inside = [t.text for t in run if t.start >= start and t.end <= end]
    left = [t.text for t in run if t.end <= start]
    right = [t.text for t in run if t.start >= end]
    edge = (left[-1:] + right[:1]) if left or right else []
    if any(w in PARTICLES for w in edge) or any(
        re.match(r"(?:al|el|bin|ibn)-", t.text) for t in run
    ):
        return "particle cut (Di, van, al-, ...)"
    if "of" in edge or "of" in left or "of" in right:
        return OF
    if any(w.isdigit() for w in right[:1]):
        return "number cut (Channel 4, Euro 2016)"
    if not left and len(inside) == 1:
        return "given name or first word alone"
    if not right:
        return "left words cut"
    return "right words cut"


def _glued_kind(prefix: list[str], organisations: set[str], junk: Mapping[str, str]) -> str | None:
    """What a prefix glued before a person's name is, if it is one."""
    if all(w in COURTESY for w in prefix):
        return None  # "Sir Alex Ferguson"
    if any(_POSSESSIVE.sub("", w) in ROLES for w in prefix):
        return "role glued before a name (Chancellor George Osborne)"
    text = " ".join(prefix)
    if text in junk:
        return "junk word glued before a name (State John Kerry)"
    if text in organisations:
        return "organisation or place glued before a name (Lib Dems David Laws)"
    return None


def _person_of_place(run: list[Token], mentions: list[Span], corpus: Corpus) -> bool:
    """Whether a run "X of Y" starts with a person: where they are from, or what they are
    ("Sergey Karjakin of Russia"), not one name."""
    of = next(t for t in run if t.text == "of")
    return any(
        m.end > run[0].start and m.end <= of.start and corpus.entities[m.entity].type == "person"
        for m in mentions
    )


def cuts(corpus: Corpus, judged: Judgments, common: frozenset[str]) -> Cuts:
    result = Cuts()
    people: set[str] = set()  # person names written on their own somewhere in the corpus
    for article in corpus.articles:
        for span in spans(article):
            words = span.text.split()
            if corpus.entities[span.entity].type == "person" and len(words) >= 2:
                people.add(span.text)
    starts: dict[str, Counter[bool]] = defaultdict(Counter)
    for entity in corpus.entities.values():
        for name in {entity.name, *entity.aliases}:
            if len(name.split()) >= 2:
                starts[name.split()[0]][entity.type == "person"] += 1
    # Given names: words that start more people's names than other names, and no common word.
    given = {
        word
        for word, count in starts.items()
        if count[True] > count[False]
        and word not in ROLES | COURTESY | PARTICLES
        and word.lower() not in common
        and word not in judged.junk
    }
    organisations = {
        entity.name
        for entity in corpus.entities.values()
        if entity.type in ("org", "place") and entity.name not in judged.junk
    }
    for article in corpus.articles:
        found = spans(article)
        result.mentions += len(found)
        by_paragraph: dict[int, list[Span]] = defaultdict(list)
        for span in found:
            by_paragraph[span.paragraph].append(span)
        for index, paragraph in enumerate(article.paragraphs):
            mentions = by_paragraph[index]
            for start, end, run in runs(paragraph, common):
                for span in mentions:
                    if (
                        start <= span.start
                        and span.end <= end
                        and (span.start, span.end) != (start, end)
                    ):
                        kind = _cut_kind(run, span.start, span.end)
                        if kind == OF and _person_of_place(run, mentions, corpus):
                            continue
                        result.cut[kind] += 1
                        result.examples[kind][span.text, paragraph[start:end]] += 1
            for span in mentions:
                if corpus.entities[span.entity].type != "person":
                    continue
                words = span.text.split()
                for k in range(1, len(words) - 1):
                    how = _glued_kind(words[:k], organisations, judged.junk)
                    if how is None or words[k] in ROLES | COURTESY:
                        continue
                    role = how.startswith("role")
                    if role and words[k].lower() in common:
                        continue
                    if not role and (" ".join(words[k:]) not in people or words[k] not in given):
                        continue
                    result.glued[how] += 1
                    result.glued_examples[how][span.text] += 1
                    break
    return result


def report_cuts(result: Cuts, show: int) -> None:
    print("\n== Cut spans (a mention that is a strict part of a capitalised run in its text)")
    print(f"mentions: {result.mentions}; cut: {sum(result.cut.values())}")
    for kind, count in top(result.cut):
        examples = result.examples[kind]
        print(f"  {kind}: {count} mentions, {len(examples)} distinct")
        for (surface, run), n in top(examples, max(show, 5)):
            print(f"      {n:3}  {surface!r} in {run!r}")
    print("glued: a person mention with a role before a name, or a word or an organisation before")
    print("a person's name written alone in the corpus whose first word is a given name (one that")
    print("starts more people's names than others):")
    for how, count in top(result.glued):
        print(f"  {how}: {count} mentions, {len(result.glued_examples[how])} distinct")
        for surface, n in top(result.glued_examples[how], max(show, 5)):
            print(f"      {n:3}  {surface!r}")


# --- main ---------------------------------------------------------------------------------


def analyse(folder: Path) -> Corpus:
    return open_corpus([folder])


def refuse_held_out(data: Path) -> None:
    """Stop, with a message, if `data` is the held-out BBC corpus or a test split."""
    if held_out(data):
        sys.exit(f"{data}: this looks like the held-out 2004-05 BBC News corpus; not used here")
    if test_split(data):
        sys.exit(f"{data}: a test split; dev sets come from training or validation splits only")


def measure(folder: Path, judged: Judgments, show: int, began: float) -> None:
    """Analyse the articles under `folder` and print every measure of them (this script's
    and bench/american.py's); `began` is when the run began, for the total time."""
    analysed = time.perf_counter()
    corpus = analyse(folder)
    scored = time.perf_counter()
    print(f"analysed {len(corpus.articles)} articles, {len(corpus.entities)} entities, "
          f"in {scored - analysed:.1f} s")  # fmt: skip
    for problem in corpus.problems:
        print(f"  problem: {problem}")
    report_one_word(one_word(corpus, judged), judged, show)
    common = vocabulary(corpus)
    report_merges(merges(corpus, common), show)
    report_types(types(corpus, judged), judged, show)
    report_cuts(cuts(corpus, judged, common), show)
    print(f"\nscored in {time.perf_counter() - scored:.1f} s; "
          f"total {time.perf_counter() - began:.1f} s")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="a JSON Lines file of articles (written out, then analysed) "
                        "or a folder of article files")  # fmt: skip
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"where a JSON Lines file is written out ({DEFAULT_OUT})")  # fmt: skip
    parser.add_argument("--show", type=int, default=0, help="list this many of each detail")
    parser.add_argument("--limit", type=int, default=None,
                        help="write out only this many records of a JSON Lines file")  # fmt: skip
    args = parser.parse_args(argv)
    data: Path = args.data
    refuse_held_out(data)
    judged = load_judgments()
    began = time.perf_counter()
    folder = data
    if data.is_file():
        count = build(data, args.out, args.limit)
        folder = args.out
        print(f"wrote {count} articles from {data} to {folder} "
              f"in {time.perf_counter() - began:.1f} s")  # fmt: skip
    measure(folder, judged, args.show, began)


if __name__ == "__main__":
    main()
