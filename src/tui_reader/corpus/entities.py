"""Find people, organisations and places by rules, and merge their aliases across a corpus.

Two stages, so that the first can be cached per article:
- `extract` finds candidate names in one article's paragraphs, with the cues around each
  (a title before it, "said" after it, an organisation word at its end, a gazetteer entry);
- `resolve` decides, over the whole corpus, which candidates are entities, what type each
  is, and which names are aliases of one another.
A capital at the start of a sentence is not evidence on its own: such a word counts only if
the corpus shows it elsewhere as a name, or a cue backs it.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from . import gazetteer as gz
from .model import Entity, EntityType, Mentions
from .text import Spans, slug

_WORD_REST = r"[\w'’&.\-]*"
_FIRST_WORD = re.compile(rf"[^\W_]{_WORD_REST}")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")  # the "W." of "George W. Bush" keeps its dot
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$|^(?:[A-Z]\.){2,}$")
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][a-z]*\.?$")
_DEFINITION = re.compile(r"(?<!\s)\s*\(([A-Z][A-Za-z0-9.&-]{1,9})\)")
# "Name, a spokesman for Amazon, said": the role ends the phrase, at a comma or a preposition.
_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?([\w-]+)\b"
    r"(?=[,.;:)]|\s+(?:of|for|at|with|in|from|on|to|who|and|since)\b)"
)
_SAYS_AFTER = re.compile(r"[,\"”’]{0,3}\s{1,3}(\w+)\b")
# A name whose last word ends so is a thing, not a person: surnames rarely end in "-tion".
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ence", "ance", "ism", "ship", "ture")
_PLACE_PREPOSITIONS = frozenset({"in", "near", "from", "across", "outside", "throughout", "to"})
_STATE_AFTER = re.compile(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
_OPENERS = "\"“‘'(:—–"
# A text starts after one of these and a space too: "WASHINGTON (AP) -- Workers voted".
_OPENING_MARKS = ":-—–"
_PARTICLES = frozenset({"van", "von", "de", "da", "del", "der", "bin", "al", "le", "la", "du"})
_LINKS = frozenset({"of", "for", "the", "and", "&"}) | _PARTICLES
# Only capitalised words can be names; the words between two of them either link them
# ("Bank of America") or part them. A word starts with a letter that is not lowercase ASCII:
# the search skips quickly to the range that holds all of those, and the lookbehind tests it.
_TOKEN = re.compile(rf"[A-Z\u00aa-\U0010ffff](?<=[^\W\d_a-z]){_WORD_REST}")
_LINK_WORDS = frozenset(w for w in _LINKS if w.isalpha())
_LINK_HEADS = gz.ORG_HEADS | gz.PLACE_HEADS | {"center", "centre", "city", "republic", "house"}
_INITIAL_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "in", "on", "at", "to"})

Cue = tuple[str, float]
STRONG = 3
"""A cue this heavy (a gazetteer entry, a head word, a title, a given name) is evidence alone."""
WEAK = 0.75
"""Cues lighter than this (a name's shape, "the" before it) count once per name."""
Scores = dict[str, float]


@dataclass(slots=True)  # not frozen, which would make building each one 4 times slower
class Candidate:
    """A capitalised name in an article, with the cues around it."""

    paragraph: int
    start: int
    end: int
    name: str
    key: str
    """The form names are compared in (`_key`)."""
    words: tuple[int, ...]
    """Start of each word, relative to `start`."""
    initial: bool
    cues: tuple[Cue, ...]
    acronym: str | None = None
    """An acronym defined right after the name: "National Labor Relations Board (NLRB)"."""

    def backed(self, kind: str | None = None) -> bool:
        """Whether a strong cue (of this kind, if given) backs the name on its own."""
        for k, weight in self.cues:  # noqa: SIM110 (a loop, not any(): this runs for every mention)
            if weight >= STRONG and (kind is None or kind == k):
                return True
        return False

    def without_first_word(self) -> Candidate | None:
        """The same name less its first word, or None if that leaves nothing."""
        if len(self.words) < 2:
            return None
        cut = self.words[1]
        return Candidate(
            self.paragraph,
            self.start + cut,
            self.end,
            self.name[cut:],
            _key(self.name[cut:]),
            tuple(w - cut for w in self.words[1:]),
            False,
            # A strong person cue (a given name) was about the word that is dropped.
            tuple(c for c in self.cues if c[0] != "person" or c[1] < STRONG),
            self.acronym,
        )


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str
    possessive: bool
    name: bool
    """Whether the word can be part of a name."""
    sentence: int
    """The number of its sentence in the paragraph."""


@dataclass(slots=True)
class _Paragraph:
    """A paragraph being read: its text and number, and the candidates found so far."""

    text: str
    index: int
    found: list[Candidate]
    firsts: set[int]
    """Where the first word of each sentence starts."""

    def starts_clause(self, at: int) -> bool:
        """Whether a word starts a sentence, a quote or a clause after a colon or a dash."""
        text = self.text
        before = text[at - 1] if at else " "
        return (
            at in self.firsts
            or before in _OPENERS
            or (before == " " and at >= 2 and text[at - 2] in _OPENING_MARKS)
        )


def _tokens(paragraph: str, spans: Sequence[tuple[int, int]]) -> list[_Token]:
    """The paragraph's capitalised words that can be in a name, each with its sentence's
    number. A word that is neither a name, a link nor a title only parts names, and the gap
    between its neighbours shows that as well, so it is left out."""
    sentence = 0
    sentence_end = spans[0][1] if spans else len(paragraph)
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(paragraph):
        text, lower, possessive, name, kept = _word(match.group())
        if not kept:
            continue
        at = match.start()
        while at >= sentence_end:
            sentence += 1
            sentence_end = spans[sentence][1] if sentence < len(spans) else len(paragraph) + 1
        tokens.append(_Token(at, at + len(text), text, lower, possessive, name, sentence))
    return tokens


@functools.lru_cache(maxsize=65536)
def _word(raw: str) -> tuple[str, str, bool, bool, bool]:
    """A token's text less any possessive, its lowercase form, whether it was possessive,
    whether it can be part of a name, and whether it is kept as a token (a name, a link or a
    title). Words recur, so this is cached."""
    text, possessive = _trim(raw)
    lower = text.lower()
    name = bool(text) and _is_name_word(text)
    return (
        text,
        lower,
        possessive,
        name,
        bool(text) and (name or lower in _LINKS or lower in gz.TITLES),
    )


def _trim(raw: str) -> tuple[str, bool]:
    lowered = raw.lower().replace("’", "'")
    if lowered in gz.NEVER:
        return raw, False
    for suffix in ("'s", "’s"):
        if raw.endswith(suffix):
            return raw[: -len(suffix)], True
    if _DOTTED.match(raw) or _INITIAL.match(raw) or lowered in gz.TITLES:
        return raw, False
    trimmed = raw.rstrip(".-'’")
    return trimmed, trimmed != raw and raw[len(trimmed) :].startswith(("'", "’"))


def _is_name_word(text: str) -> bool:
    lowered = text.lower().replace("’", "'")
    if not text[0].isupper() or lowered in gz.NEVER or lowered in gz.TITLES:
        return False
    if text in gz.FUNCTION_WORDS:  # capitalised only because a sentence starts with it
        return False
    if _PARTY_STATE.match(text):
        return False
    # "Ocasio-Cortez" and "Covid-19" are names; "Long-time" and "David-versus-Goliath" are not.
    return all(part[:1].isupper() or part[:1].isdigit() for part in text.split("-") if part)


def extract(paragraphs: Sequence[str], sentences: Sequence[Spans]) -> list[Candidate]:
    """Every candidate name in an article's paragraphs, given the sentence spans of each."""
    found: list[Candidate] = []
    for index, (paragraph, spans) in enumerate(zip(paragraphs, sentences, strict=True)):
        firsts = {
            word.start()
            for start, end in spans
            if (word := _FIRST_WORD.search(paragraph, start, end))
        }
        _extract_paragraph(_Paragraph(paragraph, index, found, firsts), spans)
    return found


def _extract_paragraph(para: _Paragraph, spans: Sequence[tuple[int, int]]) -> None:
    """Add the paragraph's candidates to `para.found` (appending, not yielding: this is hot)."""
    paragraph = para.text
    run: list[_Token] = []
    previous: _Token | None = None
    for token in _tokens(paragraph, spans):
        if previous and token.sentence != previous.sentence:  # names end with sentences
            _candidates(para, run)
            run, previous = [], None
        gap = paragraph[previous.end : token.start] if previous else ""
        joined = bool(run) and not run[-1].possessive and gap in (" ", ", ")
        if run and not joined and not run[-1].possessive:
            if run[-1].text == "Vice" and gap.split(" ", 2)[1:2] == ["president"]:
                run.pop()  # "Vice president"; "Vice" alone is a name
            else:
                joined = _link(paragraph, gap, previous, run)
        if token.lower in gz.TITLES and run and run[-1].text == "Vice":
            run.pop()  # "Vice President": the title joins nothing that is left of the run
            joined = False
        # A title after "of" names a thing: "the Department of Justice".
        if token.name or (joined and run[-1].lower == "of" and token.lower in gz.TITLES):
            if not joined:
                _candidates(para, run)
                run = []
            run.append(token)
        elif token.lower in _LINKS and joined and gap == " ":
            run.append(token)
        else:
            _candidates(para, run)
            run = []
        previous = token
    _candidates(para, run)


def _link(paragraph: str, gap: str, previous: _Token | None, run: list[_Token]) -> bool:
    """Whether a gap of link words (" of the ") joins the next word to the run; if so, the
    links join the run too."""
    if previous is None or len(gap) < 3 or gap[0] != " " or gap[-1] != " ":
        return False
    words = gap[1:-1].split(" ")
    if not _LINK_WORDS.issuperset(words):
        return False
    at = previous.end + 1
    for word in words:
        run.append(_Token(at, at + len(word), word, word, False, False, previous.sentence))
        at += len(word) + 1
    return True


def _split(run: list[_Token], paragraph: str) -> Iterator[list[_Token]]:
    """Cut a run of capitalised words where its links and commas do not hold it together."""
    for piece in _split_links(run):
        words = [t.lower for t in piece]
        # "Retail, Wholesale and Department Store Union" is one name; "Bessemer, Alabama" two.
        if piece and (words[-1] in gz.ORG_HEADS or words[0] in gz.ORG_HEADS) and "and" in words:
            yield piece
            continue
        part: list[_Token] = []
        for i, token in enumerate(piece):
            if i and paragraph[piece[i - 1].end : token.start] == ", ":
                yield part
                part = []
            part.append(token)
        yield part


def _split_links(run: list[_Token]) -> Iterator[list[_Token]]:
    words = [t.lower for t in run]
    piece: list[_Token] = []
    for i, token in enumerate(run):
        word = words[i]
        if word in _LINKS:
            nxt = run[i + 1] if i + 1 < len(run) else None
            if nxt is None or (nxt.lower in _LINKS and word not in ("of", "for")) or not piece:
                yield piece
                piece = []
                continue
            before = piece[-1].lower
            held = (
                word == "&"
                or (word in _PARTICLES and nxt.text[:1].isupper())
                or (word in ("of", "for") and any(t.lower in _LINK_HEADS for t in piece))
                or (word == "the" and before in ("of", "for"))
                # "Retail, Wholesale and Department Store Union" is one; "Princeton and Yale" two
                or (
                    word == "and"
                    and (
                        "of" in words[:i]
                        or (words[-1] in gz.ORG_HEADS and len(piece) >= 2)
                        # "Center for Strategic and International Studies"
                        or (piece[0].lower in _LINK_HEADS and words[1] in ("of", "for"))
                    )
                )
            )
            if not held:
                yield piece
                piece = []
                continue
        piece.append(token)
    yield piece


def _candidates(para: _Paragraph, run: list[_Token]) -> None:
    if len(run) < 2:  # most runs are one word, which needs no splitting
        if run and run[0].lower not in _LINKS:  # a lone "De" or "La" is no name
            para.found.append(_candidate(para, run))
        return
    for piece in _split(run, para.text):
        while piece and piece[-1].lower in _LINKS:
            piece.pop()
        if piece:
            para.found.append(_candidate(para, piece))


def _candidate(para: _Paragraph, piece: list[_Token]) -> Candidate:
    paragraph = para.text
    start, end = piece[0].start, piece[-1].end
    if (
        paragraph[end : end + 2] in ("'s", "’s")
        and f"{paragraph[start:end]}'s".lower() in gz.COMPANIES
    ):
        end += 2  # the possessive is part of the name: "Trader Joe's"
    name = paragraph[start:end]
    after = paragraph[end : end + 60]
    definition = _DEFINITION.match(after) if "(" in after[:3] else None
    return Candidate(  # positional: four times faster to build than with keywords
        para.index,
        start,
        end,
        name,
        _key(name),
        (0,) if len(piece) == 1 else tuple([t.start - start for t in piece]),
        para.starts_clause(start),
        _cues(name, piece, _previous_word(paragraph, start), after),
        definition.group(1) if definition and _abbreviates(definition.group(1), name) else None,
    )


def _previous_word(paragraph: str, start: int) -> str:
    """The word just before a name, without an opening quote; "" after anything but a space."""
    if start < 1 or paragraph[start - 1] != " ":
        return ""
    low = max(0, start - 40)
    space = paragraph.rfind(" ", low, start - 1)
    return paragraph[space + 1 if space >= 0 else low : start - 1].lstrip(_OPENERS)


def _cues(name: str, piece: list[_Token], previous_word: str, after: str) -> tuple[Cue, ...]:
    words = (piece[0].lower,) if len(piece) == 1 else tuple([t.lower for t in piece])
    says = _SAYS_AFTER.match(after)
    said = bool(says and says.group(1).lower() in gz.SAYING_VERBS)
    if after.startswith(","):  # the cheap test before the patterns that need one
        appositive = _APPOSITIVE.match(after)
        role = bool(appositive and appositive.group(1).lower() in gz.ROLES)
        state = _STATE_AFTER.match(after)
        in_state = bool(state and _is_state(state.group(1)))
    else:
        role = in_state = False
    return _context_cues(name, words, previous_word, said, role, in_state)


def _context_cues(
    name: str, words: tuple[str, ...], previous_word: str, said: bool, role: bool, state: bool
) -> tuple[Cue, ...]:
    """The cues of a name in its context: the word before it, whether a saying verb follows
    it, and whether a role ("a spokesman for") or a state (", Alabama") follows a comma.
    The name's own cues are cached (`_name_cues`), these are not: a name in its context
    repeats less, and a cache of them grew to tens of thousands of entries that cost more
    to look up than the work (8% of the extraction's time, compiled)."""
    gazetteer, given_name, acronym = _name_cues(name, words)
    cues = list(gazetteer)
    previous_lower = previous_word.lower()
    if previous_lower in gz.TITLES or previous_word in gz.TITLES:
        cues.append(("person", 4))
    elif previous_lower in gz.ROLES:
        cues.append(("person", 3))
    cues.extend(given_name)
    if role:
        cues.append(("person", 3))
    if said or previous_word in ("said", "says"):
        cues.append(("person", 1))
    if state:
        cues.append(("place", 3))
    if previous_word in _PLACE_PREPOSITIONS:
        cues.append(("place", 1))
    cues.extend(acronym)
    if previous_word == "the" and len(words) == 1:
        cues.append(("org", 0.5))
    cues.append(("person", 0.5) if len(words) > 1 else ("org", 0.3))
    return tuple(cues)


@functools.lru_cache(maxsize=65536)
def _name_cues(
    name: str, words: tuple[str, ...]
) -> tuple[tuple[Cue, ...], tuple[Cue, ...], tuple[Cue, ...]]:
    """The cues a name gives whatever its context: gazetteers and head words, a given name,
    and the shape of an acronym. Names recur, so this is cached."""
    lowered = name.lower()
    key = _key(name)
    cues: list[Cue] = []
    if (
        lowered in gz.COUNTRIES
        or lowered in gz.US_STATES
        or lowered in gz.CITIES
        or ("." in name and key.replace(" ", "") in gz.STATE_ABBREVIATIONS)
    ):
        cues.append(("place", 5))
    if lowered in gz.COMPANIES or (words[0] in gz.COMPANIES and len(words) > 1):
        cues.append(("org", 5))
    if lowered in gz.OTHER:
        cues.append(("other", 5))
    if len(words) > 1 and (
        words[-1] in gz.ORG_HEADS
        or any(w in gz.ORG_HEADS and n in ("of", "for") for w, n in itertools.pairwise(words))
    ):
        cues.append(("org", 4))
    if len(words) > 1 and (
        words[-1] in gz.PLACE_HEADS
        or (words[0] in gz.PLACE_HEADS and words[1] == "of")  # "Republic of Korea"
    ):
        cues.append(("place", 4))
    if words[-1] in gz.OTHER_HEADS and len(words) > 1:
        cues.append(("other", 4.5))
    elif len(words) > 1 and words[-1].endswith(_ABSTRACT_ENDINGS):
        cues.append(("org", 1.5))  # "Ethical Treatment", "National Conference": no surname
    given = words[0] in gz.FIRST_NAMES and all(w.isalpha() or "-" in w for w in words)
    acronym: tuple[Cue, ...] = (("org", 1),) if _ACRONYM.match(name) else ()
    # A given name alone ("Jim") is a weaker sign than one followed by a surname.
    given_cue: tuple[Cue, ...] = (("person", 3 if len(words) > 1 else 1),) if given else ()
    return tuple(cues), given_cue, acronym


def _is_state(text: str) -> bool:
    return text.lower() in gz.US_STATES or _key(text).replace(" ", "") in gz.STATE_ABBREVIATIONS


@functools.lru_cache(maxsize=65536)
def _key(name: str) -> str:
    """The form names are compared in: "the U.S." and "US" share the key "us"."""
    key = " ".join(name.replace("’", "'").replace(".", "").lower().split())
    return key[4:] if key.startswith("the ") else key


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _INITIAL_SKIP)


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's letters appear in order in the name, starting with its first."""
    letters = acronym.replace(".", "").lower()
    text = name.lower()
    if not letters or not text.startswith(letters[0]):
        return False
    position = 0
    for letter in letters:
        position = text.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _edit_distance_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(a)):
        if a[i] != b[i]:
            return a[i:] == b[i + 1 :] or a[i + 1 :] == b[i + 1 :]
    return True


def _same_given_name(a: str, b: str) -> bool:
    if gz.NICKNAMES.get(a, a) == gz.NICKNAMES.get(b, b):
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter)


class _Groups:
    """Union-find over name keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_NOT_NAMES = gz.DEMONYMS | gz.NEVER | gz.COMMON_NOUNS


def _accepted(candidates: Iterable[Candidate], known: set[str]) -> list[Candidate]:
    """The candidates that are names. `known` holds the key of every candidate that is not
    at the start of a sentence or that a cue backs, so a key in it is accepted at once."""
    accepted = []
    for candidate in candidates:
        key = candidate.key
        if len(key) < 2 or key in _NOT_NAMES:
            continue  # a lone letter ("C" of "2 C") or a common noun ("Workers") is no name
        if key in known:
            accepted.append(candidate)
            continue
        rest = candidate.without_first_word()
        if rest and (len(rest.words) > 1 or rest.key in known):
            accepted.append(rest)
    return accepted


def resolve(
    articles: Mapping[str, Sequence[Candidate]],
) -> tuple[dict[str, Entity], dict[str, Mentions]]:
    """Decide the corpus's entities from every article's candidates, merging aliases."""
    known = {
        c.key for candidates in articles.values() for c in candidates if not c.initial or c.backed()
    }
    accepted = {aid: _accepted(cands, known) for aid, cands in articles.items()}
    # Mentions of a name repeat the same cues (one shared tuple): count them, then score.
    mentions = Counter((c.key, c.cues) for candidates in accepted.values() for c in candidates)
    scores: dict[str, Scores] = defaultdict(lambda: defaultdict(float))
    weak: set[tuple[str, str, float]] = set()
    for (key, cues), count in mentions.items():
        for kind, weight in cues:
            # A weak cue counts once for a name; strong ones add up over its mentions.
            if weight < WEAK:
                if (key, kind, weight) in weak:
                    continue
                weak.add((key, kind, weight))
                scores[key][kind] += weight
            else:
                scores[key][kind] += weight * count
    prelim = {key: _best_type(score) for key, score in scores.items()}

    groups = _Groups()
    for key in scores:
        groups.find(key)
    _merge_definitions(groups, accepted)
    _merge_acronyms(groups, prelim)
    _merge_word_sets(groups, prelim)
    _merge_given_names(groups, prelim)
    _merge_extensions(groups, prelim)
    _merge_garbled(groups, prelim, accepted)

    group = {key: groups.find(key) for key in scores}  # every mention's key is scored
    assigned: dict[str, tuple[list[Candidate], list[str]]] = {}
    for article_id, candidates in accepted.items():
        people = {
            c.key.split()[-1]: group[c.key]
            for c in candidates
            if " " in c.key and prelim.get(c.key) == "person"
        }
        groups_of = [
            group[c.key] if " " in c.key else _one_word_group(c, people, group, prelim)
            for c in candidates
        ]
        assigned[article_id] = (candidates, groups_of)
    return _build(assigned, scores)


def _best_type(score: Mapping[str, float]) -> EntityType:
    order: tuple[EntityType, ...] = ("person", "org", "place", "other")
    return max(order, key=lambda kind: (score.get(kind, 0.0), -order.index(kind)))


def _merge_definitions(groups: _Groups, accepted: Mapping[str, list[Candidate]]) -> None:
    for candidates in accepted.values():
        for c in candidates:
            if c.acronym:
                groups.union(c.key, _key(c.acronym))


def _merge_acronyms(groups: _Groups, prelim: Mapping[str, EntityType]) -> None:
    """ALU and Amazon Labor Union; N.Y. and New York: initials that match one name only."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key, kind in prelim.items():
        if " " in key and kind in ("org", "place"):
            by_initials[_initials(key)].add(key)
    for key, kind in prelim.items():
        if " " in key or kind == "person":
            continue
        expansions = {groups.find(k) for k in by_initials.get(key, ())}
        state = gz.STATE_ABBREVIATIONS.get(key, "").lower()
        if state in prelim:
            expansions = {groups.find(state)}
        if len(expansions) == 1:
            groups.union(key, expansions.pop())


def _content_words(key: str) -> tuple[str, ...]:
    return tuple(sorted(w.strip(",") for w in key.split() if w not in _INITIAL_SKIP))


def _merge_word_sets(groups: _Groups, prelim: Mapping[str, EntityType]) -> None:
    """ "Union of Retail, Wholesale and Department Store" is the same words reordered."""
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, kind in prelim.items():
        words = _content_words(key)
        if kind == "org" and len(words) >= 3:
            by_words[words].append(key)
    for keys in by_words.values():
        for other in keys[1:]:
            groups.union(keys[0], other)


def _merge_extensions(groups: _Groups, prelim: Mapping[str, EntityType]) -> None:
    """ "Yahoo Finance Live" and "Yahoo Finance": an organisation's name and one more word;
    "Democrats" and "Democratic Party": a party and its members."""
    for key, kind in prelim.items():
        if kind != "org":
            continue
        shorter = key.rsplit(" ", 1)[0]
        if " " in shorter and prelim.get(shorter) == "org":
            groups.union(key, shorter)
        party = gz.PARTY_MEMBERS.get(key, "")
        if party in prelim:
            groups.union(key, party)


def _merge_given_names(groups: _Groups, prelim: Mapping[str, EntityType]) -> None:
    """ "Chris Smalls" and "Christian Smalls": one surname, compatible given names."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, kind in prelim.items():
        words = key.split()
        if kind == "person" and len(words) == 2:
            by_surname[words[-1]].append(key)
    for keys in by_surname.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if _same_given_name(a.split()[0], b.split()[0]):
                    groups.union(a, b)


def _merge_garbled(
    groups: _Groups, prelim: Mapping[str, EntityType], accepted: Mapping[str, list[Candidate]]
) -> None:
    """A paraphrased name one word off a known one ("National Labor Relations Council"),
    merged only where the article also names the known one by its acronym."""
    orgs = {k for k, kind in prelim.items() if kind == "org" and len(k.split()) >= 3}
    # Names one word apart share a pattern with that word blanked: "national labor * council".
    by_pattern: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for org in orgs:
        for pattern in _blanked(org):
            by_pattern[pattern].append(org)
    # The groups as they stand now, before this merges any: a key's group, and group sizes.
    root = {key: groups.find(key) for key in prelim}
    sizes = Counter(root.values())
    # The names one word off each name still alone in its group; most have none.
    near = {
        key: others
        for key in orgs
        if sizes[root[key]] == 1
        and (others := [o for p in _blanked(key) for o in by_pattern[p] if o != key])
    }
    # The groups of the names near each, looked up once until a merge changes them: the
    # same names come up in article after article.
    near_groups: dict[str, set[str]] = {}
    for candidates in accepted.values():
        keys = {c.key for c in candidates}
        if not keys.isdisjoint(near):
            # The groups the article names by a one-word name (an acronym).
            named = {root[k] for k in keys if " " not in k and k in root}
            for key in keys & orgs:
                if key in near:
                    if key not in near_groups:
                        near_groups[key] = {groups.find(o) for o in near[key]}
                    matches = near_groups[key] & named
                    if len(matches) == 1:
                        groups.union(key, matches.pop())
                        near_groups.clear()


def _blanked(key: str) -> Iterator[tuple[str, ...]]:
    words = key.split()
    for i in range(len(words)):
        yield (*words[:i], "*", *words[i + 1 :])


def _one_word_group(
    candidate: Candidate,
    people: Mapping[str, str],
    group: Mapping[str, str],
    prelim: Mapping[str, EntityType],
) -> str:
    """The group of a one-word mention (a name of more words is its own key's group); a lone
    surname goes to the full name it stands for.

    `people` maps the surnames of the article's full-named people to their groups, and
    `group` every name's key to its group.
    """
    key = candidate.key
    if prelim.get(key) in ("place", "other") and candidate.backed("place"):
        return group[key]
    if key in people:
        return people[key]
    if people and len(key) >= 5 and any(kind == "person" for kind, _ in candidate.cues):
        close = {group for surname, group in people.items() if _edit_distance_one(key, surname)}
        if len(close) == 1:
            return close.pop()
    return group[key]


_named_as = operator.attrgetter("key", "name", "acronym")


def _build(
    assigned: Mapping[str, tuple[list[Candidate], list[str]]], scores: Mapping[str, Scores]
) -> tuple[dict[str, Entity], dict[str, Mentions]]:
    """The entities of the groups, and each article's mentions of them; `assigned` gives
    each article's candidates and the group of each."""
    # How often each group names a name each way (counted in C: this runs for every mention).
    named: Counter[tuple[str, tuple[str, str, str | None]]] = Counter()
    in_articles: dict[str, list[str]] = defaultdict(list)
    for article_id, (candidates, groups_of) in assigned.items():
        named.update(zip(groups_of, map(_named_as, candidates), strict=True))
        for group in set(groups_of):  # once an article, not once a mention
            in_articles[group].append(article_id)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    defined: dict[str, set[str]] = defaultdict(set)
    score: dict[str, Scores] = defaultdict(lambda: defaultdict(float))
    counted: set[tuple[str, str]] = set()
    for (group, (key, name, acronym)), count in named.items():
        surfaces[group][name] += count
        if (group, key) not in counted:  # a name's score already sums its mentions
            counted.add((group, key))
            for kind, weight in scores[key].items():
                score[group][kind] += weight
        if acronym:
            defined[group].add(name)

    ids: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    for group in sorted(surfaces, key=lambda g: (-sum(surfaces[g].values()), g)):
        kind = _best_type(score[group])
        name = _canonical(surfaces[group], defined[group], kind)
        entity_id = f"{kind}:{slug(name)}"
        suffix = 2
        while entity_id in entities:
            entity_id, suffix = f"{kind}:{slug(name)}-{suffix}", suffix + 1
        ids[group] = entity_id
        aliases = tuple(sorted({s for s in surfaces[group] if s != name}))
        entities[entity_id] = Entity(
            entity_id, name, kind, aliases, tuple(in_articles[group]), sum(surfaces[group].values())
        )
    mentions = {
        article_id: Mentions(candidates, [ids[group] for group in groups_of])
        for article_id, (candidates, groups_of) in assigned.items()
    }
    return entities, mentions


def _canonical(surfaces: Counter[str], defined: set[str], kind: EntityType) -> str:
    """The fullest common name: a defined expansion, else the most frequent multi-word form."""

    def rank(name: str) -> tuple[bool, bool, bool, int, int, int]:
        words = name.split()
        full = len(words) > 1 if kind == "person" else not _ACRONYM.match(name)
        headed = words[-1].lower() in gz.ORG_HEADS  # "… Store Union" over "Union of … Store"
        return name in defined, full, headed, surfaces[name], len(words), len(name)

    return max(sorted(surfaces), key=rank)
