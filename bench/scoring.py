"""How the evaluation scores the corpus layer; `tests/test_gold.py` uses it on the seeds too."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tui_reader.corpus.model import Corpus

_WORD = re.compile(r"\w+")


def four_grams(text: str) -> Counter[tuple[str, ...]]:
    """Lowercase `\\w+` tokens counted as a multiset of 4-grams."""
    tokens = _WORD.findall(text.lower())
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


@dataclass(frozen=True, slots=True)
class BodyScore:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def body_score(pairs: Iterable[tuple[str, str]]) -> BodyScore:
    """(extracted, gold) bodies: precision and recall averaged per document; F1 of the two."""
    precisions: list[float] = []
    recalls: list[float] = []
    for extracted, gold in pairs:
        got, want = four_grams(extracted), four_grams(gold)
        common = sum((got & want).values())
        precisions.append(common / sum(got.values()) if got else float(not want))
        recalls.append(common / sum(want.values()) if want else 1.0)
    count = len(precisions) or 1
    return BodyScore(sum(precisions) / count, sum(recalls) / count)


def _norm(name: str) -> str:
    return " ".join(name.replace("’", "'").replace(".", "").lower().split())


@dataclass(frozen=True, slots=True)
class EntityScore:
    recall: float
    typed: float
    """Share of the gold entities found with a right type."""
    precision: float
    merged: float
    """Share of the gold entities with several surfaces whose found surfaces are one entity."""
    missed: tuple[str, ...]
    wrong: tuple[str, ...]
    split: tuple[str, ...]
    never: tuple[str, ...]
    """Words that must never be entities but are."""


def entity_score(
    corpus: Corpus, gold: Sequence[Mapping[str, Any]], never: Iterable[str]
) -> EntityScore:
    """Score the corpus's merged entities against gold entities with all their surfaces."""
    found = [e for e in corpus.entities.values() if e.type != "other"]
    by_surface: dict[str, set[str]] = {}
    for entity in found:
        for surface in (entity.name, *entity.aliases):
            by_surface.setdefault(_norm(surface), set()).add(entity.id)
    matched: set[str] = set()
    recalled = typed = merged = several = 0
    missed: list[str] = []
    split: list[str] = []
    for item in gold:
        ids = set().union(*(by_surface.get(_norm(s), set()) for s in item["surfaces"]))
        matched |= ids
        if not ids:
            missed.append(item["name"])
            continue
        recalled += 1
        if any(corpus.entities[i].type in item["types"] for i in ids):
            typed += 1
        present = [s for s in item["surfaces"] if by_surface.get(_norm(s))]
        if len(item["surfaces"]) > 1:
            several += 1
            if len(ids) == 1:
                merged += 1
            else:
                split.append(f"{item['name']}: {', '.join(sorted(present))}")
    wrong = sorted(e.name for e in found if e.id not in matched)
    never_names = {_norm(word) for word in never}
    bad = sorted(
        e.name for e in corpus.entities.values() if _names_never(e.name, e.aliases, never_names)
    )
    return EntityScore(
        recall=recalled / len(gold),
        typed=typed / len(gold),
        precision=(len(found) - len(wrong)) / len(found) if found else 1.0,
        merged=merged / several if several else 1.0,
        missed=tuple(missed),
        wrong=tuple(wrong),
        split=tuple(split),
        never=tuple(bad),
    )


def _names_never(name: str, aliases: Iterable[str], never: set[str]) -> bool:
    """Whether any of an entity's surfaces is a word that must never be an entity."""
    return any(_norm(surface) in never for surface in (name, *aliases))
