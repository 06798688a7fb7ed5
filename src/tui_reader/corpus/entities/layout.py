"""What kind of text a paragraph is, for finding names in it: prose, a row of a table
(results, standings, prices), or a line in capitals (a headline, a schedule).

The rules of prose do not hold in the other two. In a table row the first word starts no
sentence: "Airdrieonians 2 1 1 0" names a club, and a name followed by a score is a team.
In capitals every word looks like a name, so a name there needs evidence from elsewhere
(a gazetteer, or the same name written in ordinary case), and words such as "AT" part
names instead of joining them ("SAN FRANCISCO AT NEW YORK").
"""

from __future__ import annotations

import re
from typing import Literal

Layout = Literal["prose", "table", "capitals"]

# Three lowercase words, each found after the last: one match at the start instead of a
# search a word, and linear, as each word once found is not given back.
_THREE_LOWER_WORDS = re.compile(r"\A(?>.*?\b[a-z]{3,}\b){3}", re.DOTALL)
_ROW_LENGTH = 400
"""A paragraph longer than this is no row of a table."""
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]")
# A dateline's place: "BELGRADE 1996-08-30", "WASHINGTON (Reuters) -", "LONDON, April 1 -".
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]{2,30}(?: [A-Z][A-Z.'’-]{1,30}){0,2})"
    r"(?=,? \d{4}-\d\d-\d\d\b|,? \([A-Za-z .]{2,20}\)|, [A-Z][a-z]{2,8}\.? \d{1,2}\b| [-—–])"
)
# A score, a count or a time after a name in a table row: "Bolton 2", "Bolton 3 1 1 1".
SCORE_AFTER = re.compile(r" \d{1,3}(?=\s|$)")


def layout_of(paragraph: str) -> Layout:
    """Capitals where every letter is a capital (and there are several words); a table
    row where digits stand among few lowercase words; prose otherwise, as nearly every
    paragraph is, found from its first three lowercase words."""
    if len(paragraph) > _ROW_LENGTH:
        return "prose"  # the cheap test first: most paragraphs are long
    if _THREE_LOWER_WORDS.match(paragraph):
        return "prose"
    if paragraph.isupper() and " " in paragraph.strip() and len(_LETTERS.findall(paragraph)) > 3:
        return "capitals"
    return "table" if _DIGIT.search(paragraph) else "prose"
