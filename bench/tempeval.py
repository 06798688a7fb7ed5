"""Measure the reader's date expressions on the TempEval-3 training corpora, TimeBank and AQUAINT.

    python bench/tempeval.py --data /work/data/tempeval/TBAQ-cleaned [--show N] [--out DIR]

The data is the "TBAQ-cleaned" release of TempEval-3's training data: TimeML (.tml) files
under `TimeBank/` and `AQUAINT/`. It is not committed: a public copy (the jspotter/TempEval-3
repository on GitHub, under `data/TBAQ-cleaned/`) is unpacked under /work/data/tempeval/.
The TempEval-3 evaluation data (the "platinum" test set) is held out: it is never read or
scored here, and a `--data` path that names it is refused.

Each document is written as a JSON article (`{"title", "date", "text"}`) whose date is the
document's creation time (its TIMEX3 with functionInDocument="CREATION_TIME") and whose text
is the TimeML <TEXT> with its tags removed, blank lines kept. The articles are analysed with
`open_corpus`, like any folder the reader opens, and each reader event is mapped back to the
TimeML text by aligning the reader's cleaned paragraphs with it word by word.

Scored are the gold TIMEX3s of type DATE whose value is a year, a month or a day
(`1998`, `1998-02`, `1998-02-13`). One is right when a reader event overlaps its span and the
event's date equals the gold value; wrong when events overlap it but none has its value;
missed when none overlaps it. The reader's spurious events are those that overlap no gold
TIMEX3 of any type. Figures are given for both corpora together and for each, and by the form
of the gold expression (full date, bare year, weekday, "last month", "two years ago", ...).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import re
import shutil
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.model import Article, Event

DATA = Path("/work/data/tempeval/TBAQ-cleaned")
VALUE_FORMS = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
"""The gold values scored: a year, a month or a day, as the reader writes them."""
HELD_OUT = re.compile(r"platinum|te3-?test", re.I)
"""Names of the held-out test data, which this never reads."""


# --- the TimeML documents --------------------------------------------------------------------


@dataclass(frozen=True)
class Timex:
    """A gold TIMEX3 in a document's text, with its span in that text."""

    tid: str
    type: str
    value: str
    start: int
    end: int
    text: str

    @property
    def scored(self) -> bool:
        return self.type == "DATE" and bool(VALUE_FORMS.fullmatch(self.value))


@dataclass
class Document:
    """One TimeML document: its creation date, its plain text and its gold TIMEX3s."""

    corpus: str
    name: str
    created: dt.date
    text: str
    timexes: list[Timex]


def _walk(element: ET.Element, parts: list[str], timexes: list[Timex], at: int) -> int:
    """Append an element's text to `parts` and its TIMEX3s to `timexes`; returns the offset
    reached, `at` being where the element starts."""
    if element.text:
        parts.append(element.text)
        at += len(element.text)
    for child in element:
        start = at
        at = _walk(child, parts, timexes, at)
        if child.tag == "TIMEX3":
            text = "".join(child.itertext())
            timexes.append(
                Timex(child.get("tid", ""), child.get("type", ""), child.get("value", ""),
                      start, at, text)
            )  # fmt: skip
        if child.tail:
            parts.append(child.tail)
            at += len(child.tail)
    return at


def read_tml(path: Path, corpus: str) -> Document:
    """A TimeML file's creation date, text and TIMEX3s."""
    root = ET.parse(path).getroot()
    created: dt.date | None = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            created = dt.date.fromisoformat(timex.get("value", "")[:10])
            break
    body = root.find("TEXT")
    if created is None or body is None:
        raise ValueError(f"{path}: no creation time or no TEXT")
    parts: list[str] = []
    timexes: list[Timex] = []
    _walk(body, parts, timexes, 0)
    return Document(corpus, path.stem, created, "".join(parts), timexes)


def documents(data: Path) -> list[Document]:
    """The documents of every .tml file under the folder; the first folder below it names
    the corpus (TimeBank, AQUAINT)."""
    found = []
    for path in sorted(data.rglob("*.tml")):
        relative = path.relative_to(data)
        if HELD_OUT.search(str(relative)):
            continue  # never the held-out test data, even inside a training folder
        corpus = relative.parts[0] if len(relative.parts) > 1 else data.name
        found.append(read_tml(path, corpus))
    return found


MARKER = ".tempeval-articles"
"""Marks a folder of articles this wrote, which it may replace."""


def write_articles(docs: Iterable[Document], out: Path) -> None:
    """Each document as a JSON article, under a folder for its corpus. A folder this wrote
    before is replaced; any other folder that is not empty is left alone, and an error."""
    if out.exists():
        if not (out / MARKER).exists() and any(out.iterdir()):
            raise SystemExit(f"{out} is not a folder of articles this wrote: not replaced")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Articles written by bench/tempeval.py from TimeML files.\n")
    for doc in docs:
        folder = out / doc.corpus
        folder.mkdir(parents=True, exist_ok=True)
        record = {"title": doc.name, "date": doc.created.isoformat(), "text": doc.text}
        (folder / f"{doc.name}.json").write_text(json.dumps(record, ensure_ascii=False))


# --- from the reader's paragraphs back to the TimeML text --------------------------------

_TOKEN = re.compile(r"[^\W_]+")


@dataclass
class Alignment:
    """The reader's words matched, in order, to the words of the TimeML text."""

    paragraphs: list[list[tuple[int, int]]]
    """Each cleaned paragraph's word spans."""
    source: list[tuple[int, int]]
    """The source text's word spans."""
    matched: dict[tuple[int, int], int]
    """(paragraph, word) to the source word it is."""
    seen: set[int] = field(default_factory=set)
    """The source words that are in the reader's text."""

    @classmethod
    def of(cls, text: str, paragraphs: list[str]) -> Alignment:
        source = [m.span() for m in _TOKEN.finditer(text)]
        words = [[m.span() for m in _TOKEN.finditer(p)] for p in paragraphs]
        flat = [(i, j) for i, spans in enumerate(words) for j in range(len(spans))]
        a = [text[s:e].lower() for s, e in source]
        b = [paragraphs[i][slice(*words[i][j])].lower() for i, j in flat]
        matched: dict[tuple[int, int], int] = {}
        blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        for block in blocks:
            for k in range(block.size):
                matched[flat[block.b + k]] = block.a + k
        return cls(words, source, matched, set(matched.values()))

    def span(self, paragraph: int, start: int, end: int) -> tuple[int, int] | None:
        """The source span of a span of a cleaned paragraph, from its matched words."""
        hits = [
            self.matched[(paragraph, j)]
            for j, (s, e) in enumerate(self.paragraphs[paragraph])
            if s < end and start < e and (paragraph, j) in self.matched
        ]
        if not hits:
            return None
        return self.source[min(hits)][0], self.source[max(hits)][1]

    def kept(self, start: int, end: int) -> bool:
        """Whether any word of a source span is in the reader's text."""
        return any(s < end and start < e and k in self.seen for k, (s, e) in enumerate(self.source))


# --- the form of a gold expression -----------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_YEAR = r"(?:1[6-9]|20)\d\d"
_REL = r"(?:this|last|next|past|coming|current|previous)"
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)"
_UNIT = r"(?:day|week|month|year|decade)s?"
_PART = r"(?:early|late|mid|end|beginning|start|middle|half)"

_DATEISH = rf"(?:\d|{_MONTH}|{_WEEKDAY})"
_RANGE_SECOND = re.compile(
    rf"\b(?:between|from)\b[^.;]{{0,40}}{_DATEISH}[^.;]{{0,12}}\s(?:and|to|through|until|till)\s+$"
    r"|\d\s*[-–]\s*$"
)
_RANGE_FIRST_BEFORE = re.compile(r"\b(?:between|from)\s+$")
_RANGE_FIRST_AFTER = re.compile(
    rf"^[^.;]{{0,12}}?\s*(?:and|to|through|until|till|-|–)\s*{_DATEISH}"
)

# Checked in order; the first that matches the lowercased expression names its form.
FORMS: list[tuple[str, str]] = [
    ("fiscal year", r"\bfiscal\b|\bfy\b"),
    ("yesterday/today/tomorrow", r"\b(?:yesterday|today|tomorrow|tonight)\b"),
    ("N units ago", r"\bago\b"),
    ("N units earlier/later", rf"{_COUNT}\s+{_UNIT}\s+(?:earlier|later|before|after)|-earlier"),
    ("earlier/later this year/month", rf"\b(?:earlier|later)\s+this\s+{_UNIT}"),
    ("full date", rf"{_MONTH},?\s*\d{{1,2}}\w*,?\s+{_YEAR}|\d{{1,2}}\s+{_MONTH},?\s+{_YEAR}"
                  rf"|\d{{1,2}}/\d{{1,2}}/\d\d|{_YEAR}-\d\d-\d\d"),
    ("month and day", rf"{_MONTH}\s*\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"),
    ("month and year", rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
    ("part of a year, with the year", rf"\b(?:{_PART}|part)\b.*{_YEAR}"),
    ("bare year", rf"^(?:the\s+year\s+)?{_YEAR}(?:['’]s)?$"),
    ("open-ended (1990 and beyond)",
     rf"{_YEAR}\s+(?:and|or)\s+(?:beyond|later|after|earlier|before)|\b(?:post|pre)-{_YEAR}"),
    ("year in words", r"\bnineteen|\btwo thousand"),
    ("month, this/last/next year", rf"{_MONTH}\s+{_REL}\s+year"),
    ("this/last/next + month name", rf"\b{_REL}\s+{_MONTH}"),
    ("month name alone", rf"^(?:(?:in|on)\s+)?{_MONTH}$"),
    ("this/last/next + weekday", rf"\b{_REL}\s+{_WEEKDAY}|{_WEEKDAY}\s+{_REL}\s+week"),
    ("weekday", rf"\b{_WEEKDAY}"),
    ("part of a month or year, relative", rf"\b{_PART}\b|year[- ]end|year's end"),
    ("this/last/next year", rf"^(?:the\s+)?{_REL}\s+years?$"),
    ("this/last/next month", rf"^(?:the\s+)?{_REL}\s+months?$"),
    ("this/last/next week(end)", rf"^(?:the\s+)?{_REL}\s+week(?:end)?s?$"),
    ("holiday", r"\b(?:christmas|thanksgiving|easter|new year|election day|independence day)"),
    ("anaphoric (the year, that day)",
     r"^(?:the\s+|that\s+)?(?:\w+\s+)?(?:day|week|weekend|month|year|morning|night)s?$"
     r"|\bthat\s+(?:day|week|month|year)|\bin the year"),
]  # fmt: skip
_FORMS = [(name, re.compile(pattern)) for name, pattern in FORMS]
ABSOLUTE = frozenset(
    {"full date", "month and year", "bare year", "year in words", "part of a year, with the year",
     "open-ended (1990 and beyond)"}
)  # fmt: skip
"""Forms that need no anchor; the rest are relative to the publication date or another time."""


def form(text: str, start: int, end: int) -> str:
    """The form of the gold expression at text[start:end], by its words and, for the ends of
    a range ("between 1994 and 1997"), the words around it."""
    lowered = " ".join(text[start:end].lower().split())
    before = " ".join(text[max(0, start - 60) : start].lower().split()) + " "
    after = " " + " ".join(text[end : end + 30].lower().split())
    if _RANGE_SECOND.search(before):
        return "range, second end (1994 and [1997])"
    if _RANGE_FIRST_BEFORE.search(before) and _RANGE_FIRST_AFTER.search(after):
        return "range, first end (from [May] to July)"
    for name, pattern in _FORMS:
        if pattern.search(lowered):
            return name
    return "other"


_MONTH_NUMBER = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_WRITTEN_MONTH = re.compile(rf"\b({_MONTH})(?:\s*(\d{{1,2}})\b(?!\d))?")
_WRITTEN_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")


def contradicts(expression: str, value: str) -> bool:
    """Whether a gold value disagrees with a year, month or day written in its expression
    ("Sept. 27, 1989" valued 1989-11-27): an error in the gold, not the reader's."""
    lowered = expression.lower()
    parts = value.split("-")
    year = _WRITTEN_YEAR.search(lowered)
    if year and len(_WRITTEN_YEAR.findall(lowered)) == 1 and year.group(1) != parts[0]:
        return True
    month = _WRITTEN_MONTH.search(lowered)
    if month and len(parts) > 1:
        if _MONTH_NUMBER[month.group(1)[:3]] != int(parts[1]):
            return True
        if month.group(2) and len(parts) > 2 and int(month.group(2)) != int(parts[2]):
            return True
    return False


_SENTENCE_END = re.compile(r"(?:[.!?]['\"`’”)]*|\n\s*\n)\s*['\"`‘“(]*\Z")


def sentence_initial(text: str, start: int) -> bool:
    """Whether the expression at `start` begins its sentence or paragraph, capitalised."""
    if not text[start : start + 1].isupper():
        return False
    before = text[max(0, start - 40) : start]
    return not before.strip() or bool(_SENTENCE_END.search(before))


_BOUNDARY = re.compile(r"(?<=[.!?])['\"`’”]*\s+(?=['\"`‘“(]*[A-Z])|\n\s*\n")


def sentence_around(text: str, start: int, end: int, limit: int = 240) -> str:
    """The sentence the span is in, with the span marked [[...]], cut to about `limit`."""
    left = 0
    for boundary in _BOUNDARY.finditer(text, 0, start):
        left = boundary.end()
    after = _BOUNDARY.search(text, end)
    right = after.start() if after else len(text)
    marked = f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}"
    marked = " ".join(marked.split())
    if len(marked) <= limit:
        return marked
    at, to = marked.index("[["), marked.index("]]") + 2
    room = max(limit - (to - at), 40) // 2
    head = marked[max(0, at - room) : at]
    tail = marked[to : to + room]
    head = ("…" if at > room else "") + head
    return head + marked[at:to] + tail + ("…" if to + room < len(marked) else "")


# --- scoring -----------------------------------------------------------------------------


@dataclass
class Placed:
    """A reader event and its span in the TimeML text (None when it could not be placed)."""

    event: Event
    span: tuple[int, int] | None


@dataclass
class Outcome:
    """What the reader made of one scored gold TIMEX3."""

    doc: Document
    timex: Timex
    form: str
    verdict: str
    """"right", "wrong", "missed" or "removed" (missed, its words not in the reader's text)."""
    events: list[Event]
    """The reader events that overlap it."""

    @property
    def initial(self) -> bool:
        return sentence_initial(self.doc.text, self.timex.start)

    @property
    def suspect(self) -> bool:
        """Whether the gold value contradicts the date written in the expression."""
        return contradicts(self.timex.text, self.timex.value)

    @property
    def same_precision(self) -> bool:
        """Whether some overlapping event has the gold value's precision (year, month, day)."""
        return any(e.date is not None and len(e.date) == len(self.timex.value) for e in self.events)


@dataclass
class Scored:
    """Everything the report needs, gathered over the documents."""

    outcomes: list[Outcome] = field(default_factory=list)
    spurious: list[tuple[Document, Placed]] = field(default_factory=list)
    other_gold: Counter[str] = field(default_factory=Counter)
    """Events on gold TIMEX3s that are not scored, by the gold type and value form."""
    unplaced: list[tuple[Document, Event]] = field(default_factory=list)
    misplaced: list[tuple[Document, Event, str]] = field(default_factory=list)
    """Events whose words differ from the source words they cover: an expression that stops
    inside a word ("first quarter" of "first quarterly"), or a fault of the alignment."""
    dated_wrong: list[tuple[Document, dt.date | None]] = field(default_factory=list)
    events: int = 0


def _overlaps(span: tuple[int, int] | None, timex: Timex) -> bool:
    return span is not None and span[0] < timex.end and timex.start < span[1]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text)]


def _value_shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def _value_at(placed: Placed, timex: Timex) -> str | None:
    """The reader's value for the gold expression under its event: a range's end where the
    gold expression ends where the range does ("from 1991 to [1997]"), else its date."""
    event, span = placed.event, placed.span
    if event.end is not None and span is not None and timex.end >= span[1] - 1:
        return event.end
    return event.date


def score_document(doc: Document, article: Article, scored: Scored) -> None:
    alignment = Alignment.of(doc.text, article.paragraphs)
    if article.published != doc.created:
        scored.dated_wrong.append((doc, article.published))
    placed = []
    for event in article.events:
        span = alignment.span(event.paragraph, event.offset, event.offset + len(event.expression))
        placed.append(Placed(event, span))
        if span is None:
            scored.unplaced.append((doc, event))
        elif _words(doc.text[span[0] : span[1]]) != _words(event.expression):
            scored.misplaced.append((doc, event, doc.text[span[0] : span[1]]))
    scored.events += len(placed)
    for timex in doc.timexes:
        near = [p for p in placed if _overlaps(p.span, timex)]
        on = [p.event for p in near]
        if not timex.scored:
            if on:
                scored.other_gold[f"{timex.type} {_value_shape(timex.value)}"] += len(on)
            continue
        if any(_value_at(p, timex) == timex.value for p in near):
            verdict = "right"
        elif on:
            verdict = "wrong"
        else:
            verdict = "missed" if alignment.kept(timex.start, timex.end) else "removed"
        scored.outcomes.append(
            Outcome(doc, timex, form(doc.text, timex.start, timex.end), verdict, on)
        )
    for p in placed:
        if p.span is not None and not any(_overlaps(p.span, t) for t in doc.timexes):
            scored.spurious.append((doc, p))


def score(docs: list[Document], articles: dict[tuple[str, str], Article]) -> Scored:
    scored = Scored()
    for doc in docs:
        article = articles.get((doc.corpus, doc.name))
        if article is None:
            print(f"  {doc.corpus}/{doc.name}: the reader gave no article", file=sys.stderr)
            continue
        score_document(doc, article, scored)
    return scored


# --- the report --------------------------------------------------------------------------


def _counts(outcomes: Iterable[Outcome]) -> Counter[str]:
    return Counter(o.verdict for o in outcomes)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def _line(label: str, outcomes: list[Outcome], width: int = 42) -> str:
    c = _counts(outcomes)
    n = len(outcomes)
    missed = c["missed"] + c["removed"]
    return (
        f"  {label:{width}} {n:5} {_share(c['right'], n)} {_share(c['wrong'], n)} "
        f"{_share(missed, n)}  ({c['right']} right, {c['wrong']} wrong, {missed} missed)"
    )


def report_overall(scored: Scored, corpora: list[str]) -> None:
    outcomes = scored.outcomes
    print(f"  {'':42} {'gold':>5} {'right':>6} {'wrong':>6} {'missed':>6}")
    print(_line("all", outcomes))
    for corpus in corpora:
        print(_line(corpus, [o for o in outcomes if o.doc.corpus == corpus]))
    for precision in ("year", "month", "day"):
        digits = {"year": 4, "month": 7, "day": 10}[precision]
        chosen = [o for o in outcomes if len(o.timex.value) == digits]
        print(_line(f"gold value a {precision}", chosen))
    removed = sum(o.verdict == "removed" for o in outcomes)
    wrong = [o for o in outcomes if o.verdict == "wrong"]
    coarser = sum(not o.same_precision for o in wrong)
    print(
        f"  Of the wrong, {len(wrong) - coarser} have the gold's precision but another date, "
        f"{coarser} another precision (1990-12 for 1990)."
    )
    print(f"  Of the missed, {removed} are in text that the reader's cleaning removed.")
    suspect = [o for o in outcomes if o.suspect]
    if suspect:
        failing = sum(o.verdict != "right" for o in suspect)
        print(
            f"  {len(suspect)} gold values contradict the date written in their expression "
            f"(errors in the gold; {failing} of them count against the reader), e.g. "
            + "; ".join(f"{o.timex.text!r} valued {o.timex.value}" for o in suspect[:3])
        )
    report_directions(wrong)


def report_directions(wrong: list[Outcome]) -> None:
    """For each form, whether the reader's wrong dates fall before or after the gold's:
    a relative date put in the past when it is in the future, or the other way round."""
    by_form: dict[str, Counter[str]] = defaultdict(Counter)
    for o in wrong:
        same = [e.date for e in o.events if e.date and len(e.date) == len(o.timex.value)]
        if same:
            by_form[o.form]["earlier" if same[0] < o.timex.value else "later"] += 1
    if not by_form:
        return
    print("  Wrong dates of the gold's precision, the reader's before or after the gold's:")
    for name, counts in sorted(by_form.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"    {name:40} {counts['earlier']:3} before, {counts['later']:3} after")


def report_forms(scored: Scored, corpora: list[str]) -> None:
    by_form: dict[str, list[Outcome]] = defaultdict(list)
    for o in scored.outcomes:
        by_form[o.form].append(o)
    heads = "".join(f" {c[:9]:>9}" for c in corpora)
    print(f"  {'form of the gold expression':42} {'gold':>5} {'right':>6} {'wrong':>6} "
          f"{'missed':>6}{heads}   example")  # fmt: skip
    for name, outcomes in sorted(by_form.items(), key=lambda kv: -len(kv[1])):
        c = _counts(outcomes)
        n = len(outcomes)
        per = ""
        for corpus in corpora:
            mine = [o for o in outcomes if o.doc.corpus == corpus]
            right = sum(o.verdict == "right" for o in mine)
            per += f" {f'{right}/{len(mine)}':>9}"
        example = Counter(" ".join(o.timex.text.split()) for o in outcomes).most_common(1)[0][0]
        print(
            f"  {name:42} {n:5} {_share(c['right'], n)} {_share(c['wrong'], n)} "
            f"{_share(c['missed'] + c['removed'], n)}{per}   {example!r}"
        )
    relative = [o for o in scored.outcomes if o.form not in ABSOLUTE]
    print("\n  Relative expressions by place in the sentence:")
    print(_line("sentence-initial", [o for o in relative if o.initial]))
    print(_line("inside a sentence", [o for o in relative if not o.initial]))


def _reader_shape(expression: str) -> str:
    words = expression.split()
    if re.fullmatch(r"\d{4}", words[-1]) and len(words) <= 2:
        return 'a year number ("in 1995")'
    if re.search(r"\d", expression):
        return "with digits"
    return "words only"


def report_spurious(scored: Scored, limit: int) -> None:
    spurious = scored.spurious
    print(f"Spurious events (overlapping no gold TIMEX3): {len(spurious)} of {scored.events}")
    if not spurious:
        return
    by_corpus = Counter(doc.corpus for doc, _ in spurious)
    print("  " + ", ".join(f"{corpus} {count}" for corpus, count in sorted(by_corpus.items())))
    by_precision = Counter(p.event.precision or "unresolved" for _, p in spurious)
    print("  by the reader's precision: " + ", ".join(f"{k} {v}" for k, v in by_precision.items()))
    by_shape = Counter(_reader_shape(p.event.expression) for _, p in spurious)
    print("  by shape: " + ", ".join(f"{k} {v}" for k, v in by_shape.most_common()))
    common = Counter(" ".join(p.event.expression.lower().split()) for _, p in spurious)
    print("  most frequent: " + ", ".join(f"{k!r} {v}" for k, v in common.most_common(15)))
    for doc, p in spurious[:: max(1, len(spurious) // limit)][:limit]:  # spread over them
        assert p.span is not None
        sentence = sentence_around(doc.text, *p.span, limit=180)
        print(f"    {doc.corpus}/{doc.name}: {p.event.expression!r} -> {p.event.date}: {sentence}")


def report_other(scored: Scored) -> None:
    if scored.other_gold:
        common = ", ".join(f"{k} {v}" for k, v in scored.other_gold.most_common(10))
        print(f"Events on gold TIMEX3s not scored (type and value): {common}")
    if scored.unplaced:
        print(f"Events that could not be placed in the TimeML text: {len(scored.unplaced)}")
        for doc, event in scored.unplaced[:5]:
            print(f"    {doc.corpus}/{doc.name}: {event.expression!r} in {event.text[:100]!r}")
    if scored.misplaced:
        print(
            "Events whose words are not those of the text they cover (an expression that stops "
            f"inside a word, or a fault of the alignment): {len(scored.misplaced)}"
        )
        for doc, event, placed in scored.misplaced[:5]:
            print(f"    {doc.corpus}/{doc.name}: {event.expression!r} placed on {placed!r}")
    if scored.dated_wrong:
        print(f"Articles not dated with their creation time: {len(scored.dated_wrong)}")
        for doc, published in scored.dated_wrong[:5]:
            print(f"    {doc.corpus}/{doc.name}: {published} for {doc.created}")


def _round_robin(groups: dict[str, list[Outcome]]) -> Iterator[Outcome]:
    """One failure of each form in turn, the forms that fail most first."""
    queues = sorted(groups.values(), key=len, reverse=True)
    index = 0
    while any(index < len(q) for q in queues):
        for q in queues:
            if index < len(q):
                yield q[index]
        index += 1


def show_failures(scored: Scored, count: int) -> None:
    failures: dict[str, list[Outcome]] = defaultdict(list)
    for o in scored.outcomes:
        if o.verdict != "right":
            failures[o.form].append(o)
    print(f"\nMisses and wrong values ({count} of {sum(map(len, failures.values()))}):")
    for o in list(_round_robin(failures))[:count]:
        got = ", ".join(f"{e.date} from {e.expression!r}" for e in o.events)
        verdict = {"removed": "missed (text removed by cleaning)"}.get(o.verdict, o.verdict)
        if o.suspect:
            verdict += " (the gold value contradicts the expression)"
        print(f"  [{o.form}] {o.doc.corpus}/{o.doc.name} (created {o.doc.created}): {verdict}")
        print(f"    gold {o.timex.value} for {' '.join(o.timex.text.split())!r}; "
              f"reader {got or '-'}")  # fmt: skip
        print(f"    {sentence_around(o.doc.text, o.timex.start, o.timex.end)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="a folder of .tml files")
    parser.add_argument(
        "--out", type=Path, help="where to write the articles (default: beside --data)"
    )
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list N failures")
    args = parser.parse_args()
    data: Path = args.data.resolve()
    if HELD_OUT.search(str(data)):
        parser.error(f"{data} looks like the held-out test data, which is never scored")
    out: Path = (args.out or data.parent / f"{data.name}-articles").resolve()

    started = time.perf_counter()
    docs = documents(data)
    if not docs:
        parser.error(f"no .tml files under {data}")
    write_articles(docs, out)
    built = time.perf_counter()
    corpus = open_corpus([out])
    analysed = time.perf_counter()
    for problem in corpus.problems:
        print(f"  reader problem: {problem.path}: {problem.reason}", file=sys.stderr)
    articles = {(Path(a.source).parent.name, Path(a.source).stem): a for a in corpus.articles}
    scored = score(docs, articles)
    done = time.perf_counter()

    corpora = sorted({doc.corpus for doc in docs}, key=lambda c: (c != "TimeBank", c))
    sizes = ", ".join(f"{c} {sum(d.corpus == c for d in docs)}" for c in corpora)
    print(f"TempEval-3 training data: {len(docs)} documents ({sizes}) from {data}")
    print(
        f"Gold DATE TIMEX3s valued as a year, month or day: {len(scored.outcomes)} "
        f"(of {sum(len(d.timexes) for d in docs)} TIMEX3s in the texts)\n"
    )
    report_overall(scored, corpora)
    print()
    report_forms(scored, corpora)
    print()
    report_spurious(scored, limit=25)
    report_other(scored)
    if args.show:
        show_failures(scored, args.show)
    print(
        f"\nTime: {done - started:.1f} s (articles written in {built - started:.1f} s, "
        f"analysed in {analysed - built:.1f} s, scored in {done - analysed:.1f} s)"
    )


if __name__ == "__main__":
    main()
