"""A candidate name and what names are compared by: the unit that finding, typing and
merging pass along."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$|^(?:[A-Z]\.){2,}$")

Cue = tuple[str, float]
STRONG = 3
"""A cue this heavy (a gazetteer entry, a head word, a title, a given name) is evidence alone."""
WEAK = 0.75
"""Cues lighter than this (a name's shape, "the" before it) count once per name."""


@dataclass(slots=True)  # not frozen, which would make building each one 4 times slower
class Candidate:
    """A capitalised name in an article, with the cues around it."""

    paragraph: int
    start: int
    end: int
    name: str
    key: str
    """The form names are compared in (`name_key`)."""
    words: tuple[int, ...]
    """Start of each word, relative to `start`."""
    initial: bool
    cues: tuple[Cue, ...]
    acronym: str | None = None
    """An acronym defined right after the name: "National Labor Relations Board (NLRB)"."""

    def backed(self, kind: str | None = None) -> bool:
        """Whether a strong cue (of this kind, if given) backs the name on its own."""
        return strong(self.cues, kind)

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
            name_key(self.name[cut:]),
            tuple(w - cut for w in self.words[1:]),
            False,
            # A strong person cue (a given name) was about the word that is dropped.
            tuple(c for c in self.cues if c[0] != "person" or c[1] < STRONG),
            self.acronym,
        )


def strong(cues: tuple[Cue, ...], kind: str | None = None) -> bool:
    """Whether a strong cue (of this kind, if given) is among these."""
    for k, weight in cues:  # noqa: SIM110 (a loop, not any(): this runs for every mention)
        if weight >= STRONG and (kind is None or kind == k):
            return True
    return False


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The form names are compared in: "the U.S." and "US" share the key "us"."""
    key = " ".join(name.replace("’", "'").replace(".", "").lower().split())
    return key[4:] if key.startswith("the ") else key
