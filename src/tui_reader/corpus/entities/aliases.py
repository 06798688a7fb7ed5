"""Merge the names of a corpus that stand for one entity ("Chris Smalls", "Christian
Smalls", "Smalls"; "ALU" and "Amazon Labor Union"); `building` makes the entities of
them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence

from .. import gazetteer as gz
from ..model import Entity, EntityType, Mentions
from ..stopping import Stop, check, chunks, never
from .building import build
from .candidate import Candidate, name_key
from .kinds import accepted_names, best_type, scores_of

_INITIAL_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "in", "on", "at", "to"})


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _INITIAL_SKIP)


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


def resolve(
    articles: Mapping[str, Sequence[Candidate]], stopped: Stop = never
) -> tuple[dict[str, Entity], dict[str, Mentions]]:
    """Decide the corpus's entities from every article's candidates, merging aliases.

    `stopped` is asked every few hundred articles or names (`stopping.chunks`): once it
    says so, `Stopped` is raised."""
    accepted = accepted_names(articles, stopped)
    scores = scores_of(accepted, stopped)
    prelim = {
        key: best_type(score) for chunk in chunks(scores.items(), stopped) for key, score in chunk
    }

    groups = _Groups()
    for names in chunks(scores, stopped):
        for key in names:
            groups.find(key)
    _merge_definitions(groups, accepted, stopped)
    for merge in (_merge_acronyms, _merge_word_sets, _merge_given_names, _merge_extensions):
        check(stopped)  # each goes over the names once, in a small part of the time
        merge(groups, prelim)
    _merge_garbled(groups, prelim, accepted, stopped)
    _merge_titled_surnames(groups, prelim, accepted, stopped)

    # Every mention's key is scored.
    group = {key: groups.find(key) for chunk in chunks(scores, stopped) for key in chunk}
    assigned: dict[str, tuple[list[Candidate], list[str]]] = {}
    for some in chunks(accepted.items(), stopped):
        for article_id, candidates in some:
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
    return build(assigned, scores, stopped)


def _merge_definitions(
    groups: _Groups, accepted: Mapping[str, list[Candidate]], stopped: Stop
) -> None:
    for chunk in chunks(accepted.values(), stopped):
        for candidates in chunk:
            for c in candidates:
                if c.acronym:
                    groups.union(c.key, name_key(c.acronym))


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
    groups: _Groups,
    prelim: Mapping[str, EntityType],
    accepted: Mapping[str, list[Candidate]],
    stopped: Stop,
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
    for chunk in chunks(accepted.values(), stopped):
        for candidates in chunk:
            keys = {c.key for c in candidates}
            if keys.isdisjoint(near):
                continue
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


_TITLE_CUE = ("person", 4)
"""The cue of a name right after a title ("Mr Blair", "President Obama")."""


def _merge_titled_surnames(
    groups: _Groups,
    prelim: Mapping[str, EntityType],
    accepted: Mapping[str, list[Candidate]],
    stopped: Stop,
) -> None:
    """ "Mr Blair" in one article and "Tony Blair" in another: a surname after a title is
    the one person of the corpus whose full name ends with it, if there is only one. (In
    an article that names the full name too, `_one_word_group` merges them anyway.)"""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, kind in prelim.items():
        if kind == "person" and " " in key:
            by_surname[key.rsplit(" ", 1)[1]].append(key)
    titled = {
        c.key
        for chunk in chunks(accepted.values(), stopped)
        for candidates in chunk
        for c in candidates
        if " " not in c.key and c.key in by_surname and _TITLE_CUE in c.cues
    }
    for key in titled:
        people = {groups.find(full) for full in by_surname[key]}
        if len(people) == 1:
            groups.union(key, people.pop())


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
