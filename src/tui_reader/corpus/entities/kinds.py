"""What kind of name each candidate is: the cues of its own words and of its context, and
the type they add up to over every mention of it in the corpus."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .. import gazetteer as gz
from ..model import EntityType
from ..stopping import Stop, chunks, never
from .candidate import ACRONYM, WEAK, Candidate, Cue, name_key, strong

# "Name, a spokesman for Amazon, said": the role ends the phrase, at a comma or a preposition.
_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?([\w-]+)\b"
    r"(?=[,.;:)]|\s+(?:of|for|at|with|in|from|on|to|who|and|since)\b)"
)
_KELVIN = "\u212a"


def _in_any_case(word: str) -> str:
    """A pattern of a word of lowercase ASCII letters written in any case that `str.lower`
    reads as the word: "[sS][aA][iI][dD]", and the Kelvin sign for "k" (the one character
    past ASCII whose lowercase is one ASCII letter)."""
    return "".join(f"[{c}{c.upper()}{_KELVIN if c == 'k' else ''}]" for c in word)


def _any_of(words: Iterable[str]) -> str:
    """A pattern of any of the words, in any case (`_in_any_case`), by their first letter: a
    letter that starts none of them fails at once."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words):
        rests.setdefault(word[0], []).append(_in_any_case(word[1:]))
    return "|".join(f"{_in_any_case(first)}(?:{'|'.join(r)})" for first, r in rests.items())


# A saying verb after a name ("Smalls said", "the union,” said"): the verbs are in the
# pattern, so that a name followed by anything else (nearly every one) costs one failed match.
_SAYS_AFTER = re.compile(rf"[,\"”’]{{0,3}}\s{{1,3}}(?:{_any_of(gz.SAYING_VERBS)})(?!\w)")
# A name whose last word ends so is a thing, not a person: surnames rarely end in "-tion".
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ence", "ance", "ism", "ship", "ture")
_PLACE_PREPOSITIONS = frozenset({"in", "near", "from", "across", "outside", "throughout", "to"})
_STATE_AFTER = re.compile(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
Scores = dict[str, float]
COMMON = "common"
COMMON_CUES: tuple[Cue, ...] = ((COMMON, 0.0),)
DATELINE_CUES: tuple[Cue, ...] = (("place", 4),)
"""The place of a dateline: "BELGRADE 1996-08-30"."""
TEAM_CUES: tuple[Cue, ...] = (("org", 6),)
"""A team in a table row of results or standings: stronger than the place it is named
after ("Bolton 2 Chelsea 1")."""
"""The cue of a one-word name that the article also writes in lowercase: a common word
capitalised, unless a strong cue backs it (`accepted_names`). It says no type."""


def cues(
    name: str, words: tuple[str, ...], previous_word: str, after: str
) -> tuple[tuple[Cue, ...], bool]:
    """The cues of a name, given its words lowercased, the word before it and the text
    after it, and whether a strong one is among them (`candidate.strong`): the name's own
    (`_name_cues`), the word before it, a saying verb after it, and a role ("a spokesman
    for") or a state (", Alabama") after a comma. Only the name's own cues are cached: a
    name in its context repeats less, and a cache of them grew to tens of thousands of
    entries that cost more to look up than the work."""
    gazetteer, given_name, own, tail, tail_after_the, backed = _name_cues(name, words)
    # The gazetteer's titles and roles are lowercase: the word as written need not be asked.
    previous_lower = previous_word.lower()
    if previous_lower in gz.TITLES:
        cues = [*gazetteer, ("person", 4), *given_name]
        backed = True
    elif previous_lower in gz.ROLES:
        cues = [*gazetteer, ("person", 3), *given_name]
        backed = True
    else:
        cues = list(own)
    comma = after.startswith(",")  # the cheap test before the patterns that need one
    if comma and (role := _APPOSITIVE.match(after)) and role[1].lower() in gz.ROLES:
        cues.append(("person", 3))
        backed = True
    if previous_word in ("said", "says") or _SAYS_AFTER.match(after):
        cues.append(("person", 1))
    if comma and (state := _STATE_AFTER.match(after)) and _is_state(state[1]):
        cues.append(("place", 3))
        backed = True
    if previous_word in _PLACE_PREPOSITIONS:
        cues.append(("place", 1))
    cues.extend(tail_after_the if previous_word == "the" else tail)
    return tuple(cues), backed


_NameCues = tuple[
    tuple[Cue, ...], tuple[Cue, ...], tuple[Cue, ...], tuple[Cue, ...], tuple[Cue, ...], bool
]


@functools.lru_cache(maxsize=65536)
def _name_cues(name: str, words: tuple[str, ...]) -> _NameCues:
    """The cues a name gives whatever its context: gazetteers and head words, a given name,
    and the two together; then its shape (an acronym, one word or several) after any other
    word, and after "the"; and whether a strong cue is among them. Names recur, so this is
    cached."""
    lowered = name.lower()
    key = name_key(name)
    cues: list[Cue] = []
    if (
        lowered in gz.COUNTRIES
        or lowered in gz.US_STATES
        or lowered in gz.CITIES
        or lowered in gz.PLACES
        or ("." in name and key.replace(" ", "") in gz.STATE_ABBREVIATIONS)
    ):
        cues.append(("place", 5))
    if (
        lowered in gz.COMPANIES
        or lowered in gz.ORGANISATIONS
        or name in gz.ORG_ACRONYMS
        or (words[0] in gz.COMPANIES and len(words) > 1)
    ):
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
    acronym: tuple[Cue, ...] = (("org", 1),) if ACRONYM.match(name) else ()
    # A given name alone ("Jim") is a weaker sign than one followed by a surname.
    given_cue: tuple[Cue, ...] = (("person", 3 if len(words) > 1 else 1),) if given else ()
    if len(words) > 1:
        tail = tail_after_the = (*acronym, ("person", 0.5))
    else:
        tail = (*acronym, ("org", 0.3))
        tail_after_the = (*acronym, ("org", 0.5), ("org", 0.3))
    gazetteer = tuple(cues)
    own = gazetteer + given_cue
    return gazetteer, given_cue, own, tail, tail_after_the, strong(own)


def _is_state(text: str) -> bool:
    return text.lower() in gz.US_STATES or name_key(text).replace(" ", "") in gz.STATE_ABBREVIATIONS


def _accepted(candidates: Iterable[Candidate], known: set[str]) -> list[Candidate]:
    """The candidates that are names. `known` holds the key of every candidate that is not
    at the start of a sentence or that a cue backs, so a key in it is accepted at once."""
    accepted = []
    for candidate in candidates:
        key = candidate.key
        if key in known:
            accepted.append(candidate)
            continue
        if _shouted(candidate):
            continue  # "PCT GB" of a line in capitals: only what ordinary text backs
        rest = candidate.without_first_word()
        if rest and (len(rest.words) > 1 or rest.key in known):
            accepted.append(rest)
    return accepted


def _shouted(candidate: Candidate) -> bool:
    """A name in capitals that is no acronym (several words, or a long one): as every word
    of a line in capitals looks like a name, only a cue or the same name written in
    ordinary case elsewhere makes it one."""
    name = candidate.name
    return name.isupper() and (len(name) > 5 or " " in name)


def best_type(score: Mapping[str, float]) -> EntityType:
    order: tuple[EntityType, ...] = ("person", "org", "place", "other")
    return max(order, key=lambda kind: (score.get(kind, 0.0), -order.index(kind)))


def accepted_names(
    articles: Mapping[str, Sequence[Candidate]], stopped: Stop = never
) -> dict[str, list[Candidate]]:
    """Each article's candidates that are names. A capital at the start of a sentence is
    not evidence on its own: such a word counts only if the corpus shows it elsewhere as a
    name, or a cue backs it. `stopped` is asked now and then (`stopping.chunks`)."""
    known = {
        c.key
        for chunk in chunks(articles.values(), stopped)
        for candidates in chunk
        for c in candidates
        if not c.initial or c.backed()
    }
    return {
        aid: _accepted(cands, known)
        for chunk in chunks(articles.items(), stopped)
        for aid, cands in chunk
    }


def scores_of(
    accepted: Mapping[str, Sequence[Candidate]], stopped: Stop = never
) -> dict[str, Scores]:
    """How strongly the mentions of each name (by its key) say each type."""
    # Mentions of a name repeat the same cues (one shared tuple): count them, then score.
    mentions = Counter(
        (c.key, c.cues)
        for chunk in chunks(accepted.values(), stopped)
        for candidates in chunk
        for c in candidates
    )
    scores: dict[str, Scores] = defaultdict(lambda: defaultdict(float))
    weak: set[tuple[str, str, float]] = set()
    for chunk in chunks(mentions.items(), stopped):
        for (name, cues_of_name), count in chunk:
            for kind, weight in cues_of_name:
                # A weak cue counts once for a name; strong ones add up over its mentions.
                if weight < WEAK:
                    if (name, kind, weight) in weak:
                        continue
                    weak.add((name, kind, weight))
                    scores[name][kind] += weight
                else:
                    scores[name][kind] += weight * count
    return scores
