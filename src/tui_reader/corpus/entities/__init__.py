"""Find people, organisations and places by rules, and merge their aliases across a corpus.

Two stages, so that the first can be cached per article:
- `extract` (`spans`) finds candidate names in one article's paragraphs, with the cues
  around each (`kinds`: a title before it, "said" after it, an organisation word at its
  end, a gazetteer entry);
- `resolve` (`aliases`) decides, over the whole corpus, which candidates are entities,
  what type each is (`kinds`), and which names are aliases of one another.
"""

from __future__ import annotations

from .aliases import resolve
from .candidate import Candidate
from .spans import extract

__all__ = ["Candidate", "extract", "resolve"]
