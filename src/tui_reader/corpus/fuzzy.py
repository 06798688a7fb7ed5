"""Which of many names hold the letters of a query in order: the cheap test that comes before
a fuzzy matcher's costly scoring, so that "krstl bll" finds "Krystal Ball"."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence


class InOrder:
    """Names, lowered into one text a line each, searched with one pattern per query."""

    def __init__(self, names: Sequence[str]) -> None:
        lines = [name.lower().replace("\n", " ") for name in names]
        self._text = "\n".join(lines)
        self._starts: list[int] = []
        start = 0
        for line in lines:
            self._starts.append(start)
            start += len(line) + 1

    def matches(self, query: str) -> Iterator[int]:
        """The indices of the names that hold every character of `query` in order, case
        aside: first those that hold it whole, in the order of the names, then the rest.
        A matcher scores a whole match at once and a scattered one slowly, and ranks the
        whole higher, so the first hits are both the cheapest and the best."""
        letters = query.lower()
        if not letters:
            return
        whole: set[int] = set()
        for match in re.finditer(re.escape(letters), self._text):
            index = self._line(match.start())
            if index not in whole:
                whole.add(index)
                yield index
        # Each step takes the first occurrence and never gives it back (an atomic group),
        # so a name costs one pass, whatever the query.
        steps = "".join(f"(?>[^{re.escape(c)}\n]*{re.escape(c)})" for c in letters)
        for match in re.finditer(f"^{steps}", self._text, re.MULTILINE):
            if (index := self._line(match.start())) not in whole:
                yield index

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1
