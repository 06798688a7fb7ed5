"""Measure the names the corpus layer finds against CoNLL-2003 English, document by document.

    python bench/conll.py --data /work/data/conll/eng.train [--show 40]
    python bench/conll.py --data /work/data/conll/eng.testa [--show 40]

The data is the CoNLL-2003 English named-entity data (Reuters newswire of August to December
1996, tagged PER, ORG, LOC and MISC), taken from a public copy (github.com/zlmao666/nlp_final,
conll2003/train.txt and conll2003/valid.txt: the shared task's eng.train and eng.testa, the
same documents, sentences and names, tagged IOB2) and kept under /work/data/conll/, never
committed: Reuters text is under the Reuters Corpus's research licence. Only the TRAINING
file and the DEVELOPMENT file are used. The test file (eng.testb, test.txt) is held out: it
is where the project is measured, so this refuses any file named like it, and nothing here
may ever be pointed at it.

Each document (the sentences between two `-DOCSTART-` lines) is detokenised into a plain-text
article as a wire story reads when it is pasted: the first sentence, the headline, on the
first line without a final full stop (so the reader takes it as the title, as it does for a
pasted article), a blank line, then every other sentence as a paragraph of its own, the
dateline ("BRUSSELS 1996-08-22") first. CoNLL keeps no paragraphs, so a sentence a paragraph
invents none, and table rows stay one to a line. The articles are written once under
/work/data/conll/built/ and opened through the reader's public API, so the current analysis
runs on them every time.

Names are compared after a light normalisation (case folded, spaces collapsed, curly quotes
straightened, a possessive dropped) and counted once per document, summed over documents:
- recall: the share of the gold PER, ORG and LOC names the reader finds, whatever the type;
- typed recall: found with the right type (PER person, ORG org, LOC place);
- precision: the share of the reader's names that are gold names of any type, MISC included
  (typed: of the reader's own type).
Each overall, per type (recall by gold type, precision by the reader's type), and for
table-like documents apart from prose (see `table_like`). Gold comes from the body alone, the
primary figure since the reader does not look for names in titles, and from the whole
document, headline included. `--show N` lists the errors: misses, false positives by kind,
and mistypes, each with where they happened.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.model import Article, Corpus

BUILT = Path("/work/data/conll/built")
BUILD_VERSION = 4
"""Raise this when the articles written change, so the cached folders are built again."""
TYPES = {"PER": "person", "ORG": "org", "LOC": "place", "MISC": "other"}
SCORED = ("person", "org", "place")
"""The gold types recall is measured on; MISC ("other") only keeps a found name from counting
against precision."""

# --- reading and detokenising --------------------------------------------------------------

NameSpan = tuple[int, int, str]
"""A name's characters in its sentence and its type."""


@dataclass(slots=True)
class Sentence:
    text: str
    names: list[NameSpan]


@dataclass(slots=True)
class Document:
    id: str
    headline: Sentence
    body: list[Sentence]


def refuse_test_file(path: Path) -> None:
    """Stop before reading a file named like the held-out test file."""
    name = path.name.lower()
    if "testb" in name or ("test" in name and "testa" not in name):
        sys.exit(f"{path}: looks like the CoNLL-2003 test file, which is held out; not read")


def conll_sentences(path: Path) -> Iterator[list[tuple[str, str]] | None]:
    """Each sentence as (token, NER tag) pairs; None where a `-DOCSTART-` line stands."""
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if fields and fields[0] == "-DOCSTART-":
                if sentence:
                    yield sentence
                sentence = []
                yield None
            elif fields:
                sentence.append((fields[0], fields[-1]))
            elif sentence:
                yield sentence
                sentence = []
    if sentence:
        yield sentence


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans [start, end) of the names in IOB1 or IOB2 tags, with their CoNLL type."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, tag_kind = tag.partition("-")
        if start >= 0 and (prefix != "I" or tag_kind != kind):
            spans.append((start, index, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = index, tag_kind
    return spans


_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", ".."})
_NO_SPACE_AFTER = frozenset({"(", "[", "{"})
_CLITICS = frozenset({"'s", "'re", "'ve", "'ll", "'d", "'m", "n't"})


@dataclass(slots=True)
class Quoting:
    """Whether a double quote is open: a quotation runs on across a document's sentences."""

    open: bool = False


def detokenise(
    tokens: Sequence[str], quoting: Quoting | None = None
) -> tuple[str, list[tuple[int, int]]]:
    """Tokens joined as news text is written, with each token's characters in the text.

    No space before closing punctuation and clitics ("Germany's", "don't"), none after an
    opening bracket or a dollar sign before a number. A double quote opens a sentence, closes
    an open quotation, one at the sentence's end or before punctuation, and one between
    punctuation and a lowercase word (', "he said'), and otherwise opens. A lone single quote
    is a possessive after an "s", an elision before a digit ("'96"), else a quote. A full
    stop after an abbreviation's own ("U.S.") is dropped.
    """
    quoting = quoting or Quoting()
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    glue_next = False  # the next token attaches to the one before it
    single_open = False
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else ""
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        attach = glue_next or not pieces
        glue_next = False
        if token == "." and before.endswith(".") and before != "...":
            offsets.append((length, length))  # "U.S." ends the sentence too
            continue
        if token in _NO_SPACE_BEFORE or token.lower() in _CLITICS:
            attach = True
        elif token in _NO_SPACE_AFTER or (token.endswith("$") and after[:1].isdigit()):
            glue_next = True
        elif token == '"':
            closing = bool(pieces) and (
                quoting.open
                or not after
                or after in _NO_SPACE_BEFORE
                or (before in (",", ".", "!", "?") and after[:1].islower())  # ', " he said'
            )
            quoting.open = not closing
            attach = attach or closing
            glue_next = not closing
        elif token in ("``", "`"):  # the opening quotes of some tokenisers
            single_open = single_open or token == "`"
            glue_next = True
        elif token == "''":
            attach = True
        elif token == "'":
            if single_open or not after:
                single_open, attach = False, True
            elif len(before) == 1 and before.isalpha() and before.islower():  # "l'Abbaye"
                attach = glue_next = True
            elif before[-1:] in ("s", "S"):
                attach = True
            elif after[:1].isdigit():
                glue_next = True
            else:
                single_open = glue_next = True
        if not attach:
            pieces.append(" ")
            length += 1
        offsets.append((length, length + len(token)))
        pieces.append(token)
        length += len(token)
    return "".join(pieces), offsets


def sentence(
    pairs: Sequence[tuple[str, str]], quoting: Quoting | None = None, *, headline: bool = False
) -> Sentence:
    """One sentence as text, with its names' characters and types."""
    tokens = [token for token, _ in pairs]
    if headline and len(tokens) > 1 and not tokens[-1].strip("."):
        tokens.pop()  # a headline does not end with a full stop
    text, offsets = detokenise(tokens, quoting)
    names = [
        (offsets[start][0], offsets[end - 1][1], TYPES[kind])
        for start, end, kind in tag_spans([tag for _, tag in pairs][: len(tokens)])
    ]
    return Sentence(text, names)


def documents(path: Path) -> list[Document]:
    """The documents of a CoNLL file; the first sentence of each is its headline."""
    grouped: list[list[list[tuple[str, str]]]] = []
    for item in conll_sentences(path):
        if item is None:
            grouped.append([])
        else:
            if not grouped:
                grouped.append([])
            grouped[-1].append(item)
    found = []
    for number, sentences in enumerate((g for g in grouped if g), 1):
        head, *rest = sentences
        quoting = Quoting()
        body = [sentence(each, quoting) for each in rest]
        found.append(Document(f"doc-{number:04d}", sentence(head, headline=True), body))
    return found


# --- the cached articles -------------------------------------------------------------------


def article_text(document: Document) -> str:
    """The headline, a blank line, then one paragraph per sentence."""
    return "\n\n".join([document.headline.text, *(s.text for s in document.body)]) + "\n"


def build(data: Path) -> tuple[Path, list[Document]]:
    """The article folder and the documents of a data file, built once per file content."""
    digest = hashlib.sha1(data.read_bytes()).hexdigest()
    folder = BUILT / data.name
    stamp = f"{BUILD_VERSION} {digest}"
    gold_path = folder / "gold.json"
    if (folder / "stamp").is_file() and (folder / "stamp").read_text() == stamp:
        return folder / "articles", _load_gold(gold_path)
    docs = documents(data)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "articles").mkdir(parents=True)
    for document in docs:
        (folder / "articles" / f"{document.id}.txt").write_text(article_text(document))
    records = [
        {
            "id": d.id,
            "sentences": [[s.text, [list(n) for n in s.names]] for s in (d.headline, *d.body)],
        }
        for d in docs
    ]
    gold_path.write_text(json.dumps({"source": str(data), "documents": records}))
    (folder / "stamp").write_text(stamp)
    return folder / "articles", docs


def _load_gold(path: Path) -> list[Document]:
    records: list[dict[str, Any]] = json.loads(path.read_text())["documents"]
    docs = []
    for record in records:
        sentences = [
            Sentence(text, [(int(a), int(b), str(t)) for a, b, t in names])
            for text, names in record["sentences"]
        ]
        docs.append(Document(record["id"], sentences[0], sentences[1:]))
    return docs


# --- table-like documents ------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]{3,}\b")
_DATELINE = re.compile(r"\b\d{4}-\d\d-\d\d$")


def dateline(line: str) -> bool:
    """The wire's place and date line: "BRUSSELS 1996-08-22"."""
    return bool(_DATELINE.search(line)) and len(line.split()) <= 8


def tabular(line: str) -> bool:
    """A row of a table: it holds a digit and fewer than three lowercase words of three
    letters or more ("Ajax 2 PSV 1", "M. Atherton c Moin Khan b Waqar Younis 31")."""
    return bool(_DIGIT.search(line)) and len(_LOWER_WORD.findall(line)) < 3


def table_like(document: Document) -> bool:
    """Results, scoreboards, standings and market tables: at least half of the body's lines,
    datelines aside, are table rows."""
    lines = [s.text for s in document.body if not dateline(s.text)]
    return sum(map(tabular, lines)) * 2 >= len(lines)


# --- names and their normal form -----------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_POSSESSIVE = re.compile(r"(?:'s|')$")


def norm(name: str) -> str:
    """Case folded, spaces collapsed, curly quotes straightened, a possessive dropped."""
    return _POSSESSIVE.sub("", " ".join(name.translate(_QUOTES).casefold().split()))


_OPENING = re.compile(r"(?:^|^\d+\.|[:;]|\s(?:-|--|—|–))[\"'(\[]*\s*$")


def _initial(text: str, start: int) -> bool:
    """Whether a name at `start` opens its sentence, a ranked line or a clause after a colon
    or a dash ("2. Ludmila Engquist", "Scorers: Hagi", "4 - Goran Ivanisevic"), behind any
    quotes or brackets."""
    return bool(_OPENING.search(text[:start]))


Place = tuple[int, int, int]
"""(sentence, start, end): a body sentence's index (-1 the headline, -2 unknown), characters."""


@dataclass(slots=True)
class Occurrence:
    """One distinct name in one document: its types, a surface as written and where."""

    surface: str
    types: set[str] = field(default_factory=set)
    places: list[Place] = field(default_factory=list)
    initial: bool = True
    """Every occurrence opens its sentence."""
    in_dateline: bool = True
    """Every occurrence is in a dateline."""


Names = dict[str, Occurrence]


def _add(names: Names, surface: str, kind: str, place: Place, text: str) -> None:
    item = names.setdefault(norm(surface), Occurrence(surface))
    item.types.add(kind)
    item.places.append(place)
    item.initial = item.initial and _initial(text, place[1])
    item.in_dateline = item.in_dateline and dateline(text)


def gold_names(document: Document, *, headline: bool) -> Names:
    """The document's distinct gold names, from its body or from the whole of it."""
    names: Names = {}
    sentences = [(-1, document.headline)] if headline else []
    for index, each in [*sentences, *enumerate(document.body)]:
        for start, end, kind in each.names:
            _add(names, each.text[start:end], kind, (index, start, end), each.text)
    return names


def reader_names(corpus: Corpus, article: Article, document: Document) -> Names:
    """The reader's distinct names in an article, placed in the document's body sentences
    where it kept them as they were."""
    where = _paragraph_sentences(article.paragraphs, [s.text for s in document.body])
    names: Names = {}
    for mention in article.mentions:
        paragraph = article.paragraphs[mention.paragraph]
        kind = corpus.entities[mention.entity].type
        place = (where.get(mention.paragraph, -2), mention.start, mention.end)
        _add(names, paragraph[mention.start : mention.end], kind, place, paragraph)
    return names


def _paragraph_sentences(paragraphs: Sequence[str], body: Sequence[str]) -> dict[int, int]:
    """Which body sentence each of the reader's paragraphs is, for those it left unchanged."""
    found: dict[int, int] = {}
    next_sentence = 0
    for index, paragraph in enumerate(paragraphs):
        for position in range(next_sentence, len(body)):
            if body[position] == paragraph:
                found[index] = position
                next_sentence = position + 1
                break
    return found


def _overlap(item: Occurrence, others: Names) -> str | None:
    """A name of `others` that shares characters with `item` in a sentence, if any."""
    for other in others.values():
        for sentence_a, start_a, end_a in item.places:
            for sentence_b, start_b, end_b in other.places:
                if sentence_a == sentence_b >= 0 and start_a < end_b and start_b < end_a:
                    return other.surface
    return None


# --- scoring -------------------------------------------------------------------------------


def _share(part: int, whole: int) -> str:
    return f"{part / whole:7.1%}" if whole else "      -"


@dataclass(slots=True)
class Tally:
    gold: int = 0
    found: int = 0
    """Gold names the reader found, whatever the type."""
    typed: int = 0
    reader: int = 0
    right: int = 0
    """Reader names that are gold names of any type."""
    right_type: int = 0
    """Reader names that are gold names of their type."""

    def line(self, label: str) -> str:
        return (
            f"  {label:<12}{_share(self.found, self.gold)}{_share(self.typed, self.gold)}"
            f"{self.gold:>7,} |{_share(self.right, self.reader)}"
            f"{_share(self.right_type, self.reader)}{self.reader:>7,}"
        )


Key = tuple[str, str]
"""A normalised name and a type."""


@dataclass(slots=True)
class Errors:
    """What went wrong, counted in documents, with notes on where it happened."""

    misses: Counter[Key] = field(default_factory=Counter)
    false: dict[str, Counter[Key]] = field(default_factory=dict)
    """False positives by group: tables, datelines, sentence-initial, one word, several."""
    mistypes: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(name, gold type, reader type)."""
    mistyped_in_tables: Counter[tuple[str, str]] = field(default_factory=Counter)
    flags: dict[str, Counter[str]] = field(default_factory=dict)
    """Per kind of error ("miss" or a false-positive group), how many had each note."""
    notes: dict[tuple[str, Key], Counter[str]] = field(default_factory=dict)
    surfaces: dict[str, Counter[str]] = field(default_factory=dict)

    def note(self, kind: str, key: Key, item: Occurrence, table: bool, other: str | None) -> None:
        notes = self.notes.setdefault((kind, key), Counter())
        flags = self.flags.setdefault(kind, Counter())
        marks = {
            "table": table,
            "dateline": item.in_dateline,
            "initial": item.initial,
            "caps": item.surface.isupper() and len(item.surface) > 3,
            "overlap": other is not None,
        }
        for mark, value in marks.items():
            notes[mark] += value
            flags[mark] += value
        if other is not None:
            notes[f"{'reader' if kind == 'miss' else 'gold'}: {other}"] += 1
        self.surfaces.setdefault(key[0], Counter())[item.surface] += 1

    def written(self, name: str) -> str:
        """The name as it was most often written."""
        return self.surfaces[name].most_common(1)[0][0]


@dataclass(slots=True)
class Score:
    rows: defaultdict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    errors: Errors = field(default_factory=Errors)


def score_document(score: Score, gold: Names, found: Names, table: bool) -> None:
    """Add one document's distinct names to the tallies, and its errors."""
    kind = "table-like" if table else "prose"
    errors = score.errors
    for key, item in gold.items():
        for gold_type in sorted(item.types):
            hit = key in found
            right = hit and gold_type in found[key].types
            rows = ("all", gold_type, kind) if gold_type in SCORED else (gold_type,)
            for row in rows:
                tally = score.rows[row]
                tally.gold += 1
                tally.found += hit
                tally.typed += right
            if gold_type not in SCORED:
                continue
            if not hit:
                errors.misses[key, gold_type] += 1
                errors.note("miss", (key, gold_type), item, table, _overlap(item, found))
            elif not right:
                for reader_type in sorted(found[key].types):
                    errors.mistypes[key, gold_type, reader_type] += 1
                    errors.mistyped_in_tables[gold_type, reader_type] += table
                errors.surfaces.setdefault(key, Counter())[item.surface] += 1
    for key, item in found.items():
        right = key in gold
        right_type = right and bool(item.types & gold[key].types)
        for row in ("all", kind, *sorted(item.types)):
            tally = score.rows[row]
            tally.reader += 1
            tally.right += right
            tally.right_type += right_type
        if not right:
            reader_type = "/".join(sorted(item.types))
            group = _false_group(key, item, table)
            errors.false.setdefault(group, Counter())[key, reader_type] += 1
            errors.note(group, (key, reader_type), item, table, _overlap(item, gold))


FALSE_GROUPS = (
    "in table-like documents",
    "prose, in a dateline",
    "prose, sentence-initial",
    "prose, one word",
    "prose, several words",
)


def _false_group(key: str, item: Occurrence, table: bool) -> str:
    if table:
        return FALSE_GROUPS[0]
    if item.in_dateline:
        return FALSE_GROUPS[1]
    if item.initial:
        return FALSE_GROUPS[2]
    return FALSE_GROUPS[3] if " " not in key else FALSE_GROUPS[4]


@dataclass(slots=True)
class Run:
    documents: list[Document]
    body: Score
    whole: Score
    tables: int
    headline_kept: int
    """Articles whose headline the reader kept in the body instead of taking it as title."""
    changed: int
    """Articles whose paragraphs are not the body's sentences as written."""
    missing: list[str]
    problems: list[str]


def evaluate(folder: Path, docs: list[Document]) -> Run:
    """Analyse the articles with the reader and score them against the gold."""
    corpus = open_corpus([folder])
    by_id = {d.id: d for d in docs}
    run = Run(docs, Score(), Score(), 0, 0, 0, [], [str(p) for p in corpus.problems])
    run.missing = sorted(set(by_id) - {a.id for a in corpus.articles})
    for article in corpus.articles:
        document = by_id[article.id]
        table = table_like(document)
        run.tables += table
        run.headline_kept += document.headline.text in article.paragraphs
        run.changed += article.paragraphs != [s.text for s in document.body]
        found = reader_names(corpus, article, document)
        score_document(run.body, gold_names(document, headline=False), found, table)
        score_document(run.whole, gold_names(document, headline=True), found, table)
    return run


def report(data: Path, folder: Path, run: Run, times: Sequence[float], show: int) -> None:
    docs = run.documents
    sentences = sum(1 + len(d.body) for d in docs)
    rows = run.body.rows
    gold = ", ".join(f"{rows[t].gold:,} {t}" for t in TYPES.values())
    print(f"{data}: {len(docs):,} documents ({run.tables:,} table-like), {sentences:,} sentences")
    print(f"  distinct gold names per document, body: {gold}")
    print(
        f"  build {times[0]:.1f} s, analysis {times[1]:.1f} s, scoring {times[2]:.1f} s; "
        f"articles in {folder}"
    )
    print(
        f"  {run.headline_kept} articles kept the headline in the body rather than as the "
        f"title; {run.changed} have paragraphs other than the body's sentences"
    )
    if run.missing or run.problems:
        print(f"  not analysed: {len(run.missing)} {run.missing[:5]}; problems {run.problems[:5]}")
    for label, score in (("body only (primary)", run.body), ("whole document", run.whole)):
        print(f"\ngold from the {label}; precision by the reader's type")
        print(f"  {'':<12} recall  typed   gold | precis.  typed reader")
        for row in ("all", *SCORED, "other", "table-like", "prose"):
            line = score.rows[row].line(row)
            print(line + ("   (MISC: recall not in all)" if row == "other" else ""))
    if show:
        _print_errors(run.body.errors, show)


def _top(counter: Counter[Any], count: int) -> list[tuple[Any, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:count]


def _notes(notes: Counter[str] | None, total: int) -> str:
    if not notes:
        return ""
    flags = [f"{n} {notes[n]}" for n in ("table", "dateline", "initial", "caps") if notes[n]]
    if total == 1 and flags:  # one document: the flag alone says it
        flags = [flag.rsplit(" ", 1)[0] for flag in flags]
    others = [f"{name} ({n})" for name, n in notes.most_common() if ":" in name][:2]
    return f"  [{'; '.join([*flags, *others])}]" if flags or others else ""


def _print_errors(errors: Errors, show: int) -> None:
    print(
        "\nerrors (gold from the body), counted in documents; [how many were in table-like "
        "documents, in datelines, only sentence-initial, in capitals; an overlapping name]"
        '; sentence-initial includes after a rank ("2."), a colon or a dash'
    )
    total = sum(errors.misses.values())
    print(f"\nmisses: {total:,} ({len(errors.misses):,} distinct), the {show} most frequent")
    print(_flags(errors.flags.get("miss"), "a reader name overlaps"))
    for (name, kind), count in _top(errors.misses, show):
        notes = _notes(errors.notes.get(("miss", (name, kind))), count)
        print(f"  {count:>5}  {kind:<7}{errors.written(name)}{notes}")
    for kind in SCORED:
        own = Counter({key: n for key, n in errors.misses.items() if key[1] == kind})
        names = ", ".join(f"{errors.written(name)} {n}" for (name, _), n in _top(own, 15))
        tables = sum(errors.notes[("miss", key)]["table"] for key in own)
        print(f"  {kind}, {sum(own.values()):,} ({tables:,} in table-like documents): {names}")
    print(f"\nfalse positives: {sum(sum(c.values()) for c in errors.false.values()):,}")
    for group in FALSE_GROUPS:
        counter = errors.false.get(group, Counter())
        print(f"  {group}: {sum(counter.values()):,} ({len(counter):,} distinct)")
        if counter:
            print(_flags(errors.flags.get(group), "part of a gold name"))
        for (name, kind), count in _top(counter, show):
            notes = _notes(errors.notes.get((group, (name, kind))), count)
            print(f"  {count:>5}  {kind:<7}{errors.written(name)}{notes}")
    pairs: Counter[tuple[str, str]] = Counter()
    for (_, gold_type, reader_type), count in errors.mistypes.items():
        pairs[gold_type, reader_type] += count
    print(f"\nmistypes: {sum(pairs.values()):,}, gold type -> reader type")
    for (gold_type, reader_type), count in _top(pairs, len(pairs)):
        examples = [
            f"{errors.written(name)} {n}"
            for (name, g, r), n in _top(errors.mistypes, len(errors.mistypes))
            if (g, r) == (gold_type, reader_type)
        ]
        tables = errors.mistyped_in_tables[gold_type, reader_type]
        print(
            f"  {count:>5}  {gold_type} -> {reader_type} ({tables} in table-like documents): "
            + ", ".join(examples[:show])
        )


def _flags(flags: Counter[str] | None, overlap: str) -> str:
    if not flags:
        return "    -"
    labels = {
        "table": "in table-like documents",
        "dateline": "in datelines",
        "initial": "only sentence-initial",
        "caps": "in capitals",
        "overlap": overlap,
    }
    parts = [f"{flags[key]:,} {label}" for key, label in labels.items() if flags[key]]
    return "    of which " + ", ".join(parts) if parts else "    -"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="eng.train or eng.testa; never the test file"
    )
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list N of each error")
    args = parser.parse_args(argv)
    data: Path = args.data
    refuse_test_file(data)
    started = time.perf_counter()
    folder, docs = build(data)
    built = time.perf_counter()
    run = evaluate(folder, docs)
    done = time.perf_counter()
    report(data, folder, run, (built - started, done - built, 0.0), args.show)


if __name__ == "__main__":
    main()
