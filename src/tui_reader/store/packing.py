"""One file's analysis as bytes, for the analysis cache and for worker processes to send back.

The form is `marshal` over plain tuples: it is several times faster than pickling the
dataclasses, and reading it back can build nothing but this module's own types. What is read
back is untrusted (the cache is a file anyone may damage): `unpack` checks every field for its
type and range, and the articles for the file they must be of, before it builds anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
import operator
from collections.abc import Callable, Sequence
from typing import Any, get_args

from ..corpus.analysis import Analysed
from ..corpus.entities import Candidate
from ..corpus.loading import FileRef, Part
from ..corpus.model import (
    Article,
    DateSource,
    Event,
    Origin,
    OriginKind,
    Precision,
    Problem,
    ProblemKind,
    Stage,
    StageProblem,
)

FORMAT = 6
"""Bumped whenever the layout below, or what it is checked against, changes."""

_LAST_DAY = dt.date.max.toordinal()
_STAGES = frozenset(get_args(Stage))
_KINDS = frozenset(get_args(ProblemKind))
_PRECISIONS = frozenset(get_args(Precision))
_DATE_SOURCES = frozenset(get_args(DateSource))
_ADDRESSED: dict[str, tuple[bool, bool, bool]] = {
    "file": (False, False, False),
    "url": (True, False, False),
    "feed": (True, True, False),
    "warc": (True, False, True),
    "csv": (False, False, False),
}
"""Which of an origin's url, feed and WARC-Record-ID each kind may have."""
_BARE = {kind: Origin(kind) for kind in get_args(OriginKind)}
"""An origin of each kind with no address: one serves every file's article, or row."""
_INT = {int}
_WORDS, _CUES = object(), object()
"""Where, among what a load shares, the offsets of words and the cues checked are kept."""
_WEIGHTS = frozenset((int, float))
_MOST_WEIGHT = 1e6
"""Far more than any cue weighs (a strong one weighs 3)."""
_MOST_RECORDS = 2**63 - 1
"""The largest record number a C long holds."""


class Unpacked(ValueError):
    """Bytes that are not a packed analysis of the file they were read for: the message says
    what is wrong."""


def _fields(cls: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """What gives an object's fields as a tuple, read in C: packing with a generator of
    getattr cost 9% of a file's instructions, and this halves it. (From the dataclass's
    fields, not its `__slots__`: a class of the compiled build has none.)"""
    return operator.attrgetter(*(field.name for field in dataclasses.fields(cls)))


_event_fields = _fields(Event)
_candidate_fields = _fields(Candidate)


def _article(article: Article) -> tuple[Any, ...]:
    return (
        article.id,
        article.source,
        article.title,
        article.paragraphs,
        tuple(article.headings),
        article.author,
        article.url,
        article.published.toordinal() if article.published else None,
        article.published_from,
        article.published_guess.toordinal() if article.published_guess else None,
        article.removed,
        article.notes,
        article.truncated,
        article.record,
        article.key,
        [_event_fields(event) for event in article.events],
        [(problem.stage, problem.kind, problem.message) for problem in article.problems],
        article.site,
        article.links,
        article.origin.kind,
        article.origin.url,
        article.origin.feed,
        article.origin.warc_record_id,
    )


def _texts(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _optional_text(value: Any) -> bool:
    return value is None or type(value) is str


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    if type(value) is not int or not 1 <= value <= _LAST_DAY:
        raise Unpacked("a date out of range")
    return dt.date.fromordinal(value)


def _tuple_of(value: Any, size: int, what: str) -> tuple[Any, ...]:
    if type(value) is not tuple or len(value) != size:
        raise Unpacked(f"{what} is not {size} fields")
    return value


def _unarticle(fields: Any, part: Part) -> Article:
    fields = _tuple_of(fields, 23, "an article")
    (id_, source, title, paragraphs, headings, author, url, published, published_from, guess,
     removed, notes, truncated, record, key, events, problems, site, links,
     *origin) = fields  # fmt: skip
    if not (
        record is None
        or (type(record) is int and record in part.records and record <= _MOST_RECORDS)
    ):
        raise Unpacked("a record number out of range")
    if not (key is None or (type(key) is str and key and record is not None)):
        raise Unpacked("a record's name of the wrong type")
    ref = part.ref
    if key is not None:  # a feed's item by its own name; a row or a page within its file
        named = id_ in (key, f"{ref.id}#{key}")
    else:
        named = id_ == (ref.id if record is None else f"{ref.id}#{record}")
    if not named or source != str(ref.path):
        raise Unpacked("an article of another file")
    if not (
        type(title) is str
        and _texts(paragraphs)
        and _optional_text(author)
        and _optional_text(url)
        and _texts(removed)
        and _texts(notes)
        and _optional_text(site)
        and _texts(links)
        and type(truncated) is bool
        and (published_from is None or published_from in _DATE_SOURCES)
    ):
        raise Unpacked("an article's text or metadata of the wrong type")
    if type(headings) is not tuple or not all(
        type(h) is int and 0 <= h < len(paragraphs) for h in headings
    ):
        raise Unpacked("a heading out of range")
    if type(events) is not list or type(problems) is not list:
        raise Unpacked("an article's events or problems are not lists")
    return Article(
        id_,
        source,
        title,
        paragraphs,
        frozenset(headings),
        author,
        url,
        _day(published),
        published_from,
        _day(guess),
        removed,
        notes,
        truncated,
        record,
        key,
        [_unevent(event, paragraphs) for event in events],
        problems=[_unproblem(problem) for problem in problems],
        site=site,
        links=links,
        origin=_unorigin(origin, record),
    )


def _unorigin(fields: list[Any], record: int | None) -> Origin:
    """An article's origin, of an article whose record number is `record`: only the
    addresses its kind may have, and a table's row numbered."""
    kind, url, feed, warc_record_id = fields
    allowed = _ADDRESSED.get(kind) if type(kind) is str else None
    if allowed is None:
        raise Unpacked("an article's origin of an unknown kind")
    addresses = (url, feed, warc_record_id)
    if not all(map(_optional_text, addresses)) or any(
        value is not None and not may for value, may in zip(addresses, allowed, strict=True)
    ):
        raise Unpacked("an article's origin of the wrong type")
    if (kind == "url" and url is None) or (kind == "csv" and record is None):
        raise Unpacked("an article's origin without its address or row")
    if addresses == (None, None, None):
        return _BARE[kind]
    return Origin(kind, url, feed, warc_record_id)


def _unevent(fields: Any, paragraphs: list[str]) -> Event:
    date, precision, expression, text, paragraph, offset, end = _tuple_of(fields, 7, "an event")
    if not (
        _optional_text(date)
        and (precision is None or precision in _PRECISIONS)
        and type(expression) is str
        and type(text) is str
        and _optional_text(end)
        and type(paragraph) is int
        and 0 <= paragraph < len(paragraphs)
        and type(offset) is int
        and 0 <= offset <= len(paragraphs[paragraph])
    ):
        raise Unpacked("an event out of range")
    return Event(date, precision, expression, text, paragraph, offset, end)


def _unproblem(fields: Any) -> StageProblem:
    stage, kind, message = _tuple_of(fields, 3, "an article's problem")
    if stage not in _STAGES or kind not in _KINDS or type(message) is not str:
        raise Unpacked("an article's problem out of range")
    return StageProblem(stage, kind, message)


class _Kept:
    """What the candidates of a whole load share, each distinct one kept once (`unpack`):
    names and keys, and the offsets of words and the cues, each checked once too."""

    def __init__(self, shared: dict[object, Any]) -> None:
        self.share = shared.setdefault
        self.words: dict[Any, Any] = shared.setdefault(_WORDS, {})
        self.cues: dict[Any, Any] = shared.setdefault(_CUES, {})

    def checked_words(self, words: Any) -> Any:
        """The one copy of these offsets of a name's words, which rise from 0."""
        known = self.words.get(words)
        if known is None:
            if not (
                type(words) is tuple
                and len(words) > 0
                and set(map(type, words)) == _INT
                and words[0] == 0
                and all(map(operator.lt, words, words[1:]))
            ):
                raise Unpacked("a name's words out of range")
            known = self.words[words] = words
        return known

    def checked_cues(self, cues: Any) -> Any:
        """The one copy of these cues: pairs of a kind and a finite weight."""
        known = self.cues.get(cues)
        if known is None:
            if type(cues) is not tuple or not all(map(_cue, cues)):
                raise Unpacked("a name's cues out of range")
            known = self.cues[cues] = cues
        return known


def _uncandidate(fields: Any, lengths: list[int], kept: _Kept) -> Candidate:
    """A candidate of an article whose paragraphs are this long."""
    if type(fields) is not tuple or len(fields) != 9:
        raise Unpacked("a name is not 9 fields")
    paragraph, start, end, name, key, words, initial, cues, acronym = fields
    words = kept.checked_words(words)
    if not (
        type(paragraph) is int
        and 0 <= paragraph < len(lengths)
        and type(start) is int
        and type(end) is int
        and 0 <= start < end <= lengths[paragraph]
        and words[-1] < end - start
        and type(name) is str
        and type(key) is str
        and type(initial) is bool
        and (acronym is None or type(acronym) is str)
    ):
        raise Unpacked("a name out of range")
    return Candidate(
        paragraph,
        start,
        end,
        kept.share(name, name),
        kept.share(key, key),
        words,
        initial,
        kept.checked_cues(cues),
        acronym,
    )


def _cue(cue: Any) -> bool:
    return (
        type(cue) is tuple
        and len(cue) == 2
        and type(cue[0]) is str
        and type(cue[1]) in _WEIGHTS
        and -_MOST_WEIGHT <= cue[1] <= _MOST_WEIGHT  # not NaN, nor too large for a float
    )


def pack(analysed: list[Analysed], problems: list[Problem]) -> bytes:
    """One file's analysed articles and problems, as bytes."""
    return marshal.dumps(
        (
            FORMAT,
            [
                (
                    _article(article),
                    [_candidate_fields(c) for c in candidates],
                )
                for article, candidates in analysed
            ],
            [(problem.path, problem.reason, problem.url) for problem in problems],
        )
    )


def unpack(
    data: bytes, part: Part, shared: dict[object, Any] | None = None
) -> tuple[list[Analysed], list[Problem]]:
    """What `pack` packed of the file, or the part of one, `part`. Raises `Unpacked` (a
    ValueError) for bytes it did not write, or not of this part, or that hold a value of the
    wrong type or out of range, before anything is built of them.

    Candidates repeat the same names, keys and cues thousands of times over a corpus; with
    `shared` (one dict for a whole load), each distinct one is kept once, which is most of
    the memory a large corpus takes.
    """
    try:
        loaded = marshal.loads(data)
    except (EOFError, TypeError, ValueError) as error:  # what marshal raises
        raise Unpacked(f"not marshal data: {error}") from error
    try:
        return _unpacked(loaded, part, _Kept(shared if shared is not None else {}))
    except TypeError as error:  # a value looked up among those kept that cannot be
        raise Unpacked(f"a value of the wrong type ({error})") from error


def _unpacked(loaded: Any, part: Part, kept: _Kept) -> tuple[list[Analysed], list[Problem]]:
    version, articles, problems = _tuple_of(loaded, 3, "the analysis")
    if version != FORMAT:
        raise Unpacked(f"not of format {FORMAT}")
    if type(articles) is not list or type(problems) is not list:
        raise Unpacked("the articles or the problems are not lists")
    analysed: list[Analysed] = []
    for item in articles:
        fields, candidates = _tuple_of(item, 2, "an analysed article")
        article = _unarticle(fields, part)
        if type(candidates) is not list:
            raise Unpacked("an article's names are not a list")
        lengths = list(map(len, article.paragraphs))
        analysed.append((article, [_uncandidate(c, lengths, kept) for c in candidates]))
    # Records come in order (0 here for none: a feed's items), and no id may repeat.
    records = [article.record or 0 for article, _ in analysed]
    ids = {article.id for article, _ in analysed}
    if any(map(operator.gt, records, records[1:])) or len(ids) != len(analysed):
        raise Unpacked("records out of order")
    return analysed, [_unfile_problem(problem) for problem in problems]


def pack_parts(parts: Sequence[Part]) -> bytes:
    """Where a large file was cut (`loading.split`), as bytes: finding it takes a pass over
    the file, which a warm load would otherwise make before it could ask for any part."""
    cuts = [(p.start, p.end, p.first, p.line, sorted(p.renamed)) for p in parts]
    return marshal.dumps((FORMAT, cuts))


def unpack_parts(data: bytes, ref: FileRef) -> list[Part]:
    """The parts of the file `ref` that `pack_parts` packed. Raises `Unpacked` for bytes it
    did not write, or parts that do not follow each other through the file."""
    try:
        loaded = marshal.loads(data)
    except (EOFError, TypeError, ValueError) as error:  # what marshal raises
        raise Unpacked(f"not marshal data: {error}") from error
    version, cuts = _tuple_of(loaded, 2, "the parts")
    if version != FORMAT or type(cuts) is not list or not cuts:
        raise Unpacked(f"not parts of format {FORMAT}")
    parts: list[Part] = []
    for number, cut in enumerate(cuts):
        start, end, first, line, renamed = _tuple_of(cut, 5, "a part")
        follows = not parts or (parts[-1].end == start and parts[-1].first < first)
        if not (
            _count(start)
            and (end is None or (_count(end) and end > start))
            and _count(first)
            and 1 <= first <= _MOST_RECORDS
            and _count(line)
            and type(renamed) is list
            and all(_count(n) and n <= _MOST_RECORDS for n in renamed)
            and follows
        ):
            raise Unpacked("a part out of range, or out of place")
        parts.append(Part(ref, number, start, end, first, line, frozenset(renamed)))
    return parts


def _count(value: Any) -> bool:
    """Whether a value is an int that counts something (bytes, lines): not negative."""
    return type(value) is int and value >= 0


def _unfile_problem(fields: Any) -> Problem:
    path, reason, url = _tuple_of(fields, 3, "a file's problem")
    if type(path) is not str or type(reason) is not str or not _optional_text(url):
        raise Unpacked("a file's problem of the wrong type")
    return Problem(path, reason, url)
