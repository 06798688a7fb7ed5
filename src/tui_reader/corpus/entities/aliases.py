"""Merge the names of a corpus that stand for one entity ("Chris Smalls", "Christian
Smalls", "Smalls"; "ALU" and "Amazon Labor Union"), and build the entities."""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence

from .. import gazetteer as gz
from ..model import Entity, EntityType, Mentions
from ..text import slug
from .candidate import ACRONYM, Candidate, name_key
from .kinds import Scores, accepted_names, best_type, scores_of

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
    articles: Mapping[str, Sequence[Candidate]],
) -> tuple[dict[str, Entity], dict[str, Mentions]]:
    """Decide the corpus's entities from every article's candidates, merging aliases."""
    accepted = accepted_names(articles)
    scores = scores_of(accepted)
    prelim = {key: best_type(score) for key, score in scores.items()}

    groups = _Groups()
    for key in scores:
        groups.find(key)
    _merge_definitions(groups, accepted)
    _merge_acronyms(groups, prelim)
    _merge_word_sets(groups, prelim)
    _merge_given_names(groups, prelim)
    _merge_extensions(groups, prelim)
    _merge_garbled(groups, prelim, accepted)
    _merge_titled_surnames(groups, prelim, accepted)

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


def _merge_definitions(groups: _Groups, accepted: Mapping[str, list[Candidate]]) -> None:
    for candidates in accepted.values():
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


_TITLE_CUE = ("person", 4)
"""The cue of a name right after a title ("Mr Blair", "President Obama")."""


def _merge_titled_surnames(
    groups: _Groups, prelim: Mapping[str, EntityType], accepted: Mapping[str, list[Candidate]]
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
        for candidates in accepted.values()
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
        kind = best_type(score[group])
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
        full = len(words) > 1 if kind == "person" else not ACRONYM.match(name)
        headed = words[-1].lower() in gz.ORG_HEADS  # "… Store Union" over "Union of … Store"
        return name in defined, full, headed, surfaces[name], len(words), len(name)

    return max(sorted(surfaces), key=rank)
