"""The entities of a corpus, once its names are grouped (`aliases`): each group's type, its
canonical name and its aliases, and each article's mentions of them."""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Mapping

from .. import gazetteer as gz
from ..model import Entity, EntityType, Mentions
from ..stopping import Stop, chunks
from ..text import slug
from .candidate import ACRONYM, Candidate
from .kinds import Scores, best_type

_named_as = operator.attrgetter("key", "name", "acronym")


def build(
    assigned: Mapping[str, tuple[list[Candidate], list[str]]],
    scores: Mapping[str, Scores],
    stopped: Stop,
) -> tuple[dict[str, Entity], dict[str, Mentions]]:
    """The entities of the groups, and each article's mentions of them; `assigned` gives
    each article's candidates and the group of each. `stopped` is asked now and then
    (`stopping.chunks`)."""
    # How often each group names a name each way (counted in C: this runs for every mention).
    named: Counter[tuple[str, tuple[str, str, str | None]]] = Counter()
    in_articles: dict[str, list[str]] = defaultdict(list)
    for some in chunks(assigned.items(), stopped):
        for article_id, (candidates, groups_of) in some:
            named.update(zip(groups_of, map(_named_as, candidates), strict=True))
            for group in set(groups_of):  # once an article, not once a mention
                in_articles[group].append(article_id)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    defined: dict[str, set[str]] = defaultdict(set)
    score: dict[str, Scores] = defaultdict(lambda: defaultdict(float))
    counted: set[tuple[str, str]] = set()
    for counts in chunks(named.items(), stopped):
        for (group, (key, name, acronym)), count in counts:
            surfaces[group][name] += count
            if (group, key) not in counted:  # a name's score already sums its mentions
                counted.add((group, key))
                for kind, weight in scores[key].items():
                    score[group][kind] += weight
            if acronym:
                defined[group].add(name)

    ids: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    by_size = sorted(surfaces, key=lambda g: (-sum(surfaces[g].values()), g))
    for groups in chunks(by_size, stopped):
        for group in groups:
            kind = best_type(score[group])
            name = _canonical(surfaces[group], defined[group], kind)
            entity_id = f"{kind}:{slug(name)}"
            suffix = 2
            while entity_id in entities:
                entity_id, suffix = f"{kind}:{slug(name)}-{suffix}", suffix + 1
            ids[group] = entity_id
            aliases = tuple(sorted({s for s in surfaces[group] if s != name}))
            mentioned = sum(surfaces[group].values())
            entities[entity_id] = Entity(
                entity_id, name, kind, aliases, tuple(in_articles[group]), mentioned
            )
    mentions = {
        article_id: Mentions(candidates, [ids[group] for group in groups_of])
        for chunk in chunks(assigned.items(), stopped)
        for article_id, (candidates, groups_of) in chunk
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
