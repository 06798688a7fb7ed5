"""Generated news-like text through the whole analysis: no stage may raise on any of it.

    python bench/fuzz.py [--examples 100000] [--seed 0]

The text is built from the pieces real news is made of and that rules trip on: honorifics
and titles ("Vice President", "Mr.", "the Rev."), initials, capitalised runs, ALL-CAPS
lines and table rows, quotes, possessives and hyphens, numbers and odd dates, non-Latin
letters, escapes and entities, with arbitrary characters between them. The suite runs
2,000 examples of it (tests/test_properties.py); this runs as many as asked, and prints
each example whose analysis met a problem, which should be none.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tui_reader.corpus.analysis import build
from tui_reader.corpus.formats import Record
from tui_reader.corpus.loading import Source
from tui_reader.corpus.model import Corpus

TITLES = (
    "Mr", "Mr.", "Mrs", "Ms.", "Dr", "Dr.", "Gov.", "Sen.", "Rep.", "Prime Minister", "President",
    "Vice President", "Vice president", "Vice", "the Rev.", "Rev.", "Sir", "Lord", "Dame", "Judge",
    "Justice", "Secretary of State", "Chancellor", "Chief Executive", "Lt. Gen.", "St.", "Mt.",
)  # fmt: skip
NAMES = (
    "John", "Smith", "Di Canio", "Paolo", "van der", "Westhuizen", "bin", "al-Assad", "O'Brien",
    "McDonald", "J.", "J.R.R.", "Ocasio-Cortez", "de la", "Ñúñez", "Zoë", "Михаил", "李明",
    "Blair", "Tony", "Will", "May", "Chelsea", "Labour", "Amazon", "Labor", "Union", "ALU",
    "Bank of America", "New York", "Staten Island", "Sheffield Wednesday", "Real Madrid",
)  # fmt: skip
CAPITALS = (
    "NEW YORK", "WASHINGTON (AP) —", "AP", "U.S.", "UK", "NATO", "SOCCER - ENGLISH PREMIER",
    "RESULTS", "BBC Radio 4's Today", "GMT", "BST", "CEO", "F.B.I.", "N.Y.", "D-N.Y.",
)  # fmt: skip
WORDS = (
    "said", "says", "the", "of", "and", "in", "on", "at", "a", "to", "will", "was", "last",
    "next", "this", "ago", "year", "years", "month", "week", "weekend", "Friday", "friday",
    "April", "may", "March", "Sept.", "spring", "quarter", "fiscal", "half", "first",
    "between", "from", "until", "by", "early", "mid-", "late", "Today", "Last", "This", "Ten",
    "One", "end", "beginning", "Christmas", "beat", "shares of", "said in a statement",
)  # fmt: skip
NUMBERS = (
    "1", "12", "31", "0", "-5", "1650", "2022", "1957-58", "2009-2010", "2,654", "3.5", "1st",
    "9999999999999999999999", "2022-04-01", "2022-13-45", "4/1/2022", "'90s", "1990s", "67",
    "19:30", "No. 1", "Q3", "2-1", "12.74",
)  # fmt: skip
MARKS = (
    ".", ",", ";", ":", "—", "–", "-", "'s", "’s", "'", "\"", "“", "”", "‘", "(", ")", "[", "]",
    "|", "/", "&", "?", "!", "…", "\n", "\n\n", "\t", "\\n", "\\u0041", "&amp;", "&#8217;",
    "\xa0", "\u200b", "\x1b", "🙂", "\u202e",
)  # fmt: skip
ROWS = ("Arsenal 2 Chelsea 1", "1. Ludmila Engquist (Sweden) 12.74", "Bolton 3 1 1 1 4 3 4")

PIECES = (*TITLES, *NAMES, *CAPITALS, *WORDS, *NUMBERS, *MARKS, *ROWS)
JOINTS = (" ", " ", " ", " ", "", "\n", ", ")


def woven(tables: Sequence[Sequence[str]], longest: int, most: int) -> st.SearchStrategy[str]:
    """Texts of up to `most` parts, each drawn from one of `tables` or arbitrary characters
    (up to `longest` of them), in equal shares, as `st.lists(st.one_of(...))` of those would
    give.

    Drawn as two strings of bytes (which kind each part is; which of its table) and three
    of characters, taken in turn by the arbitrary parts: Hypothesis spends about as long on
    each value it draws as the analysis on a whole text, and a list draws one a part."""
    texts = st.text(max_size=longest)

    def put_together(drawn: tuple[bytes, bytes, str, str, str]) -> str:
        kinds, picks, *arbitrary = drawn
        parts: list[str] = []
        for number, kind in enumerate(kinds):
            table = kind % (len(tables) + 1)
            if table == len(tables):
                parts.append(arbitrary[number % len(arbitrary)])
            else:
                pick = picks[number] if number < len(picks) else kind
                parts.append(tables[table][pick % len(tables[table])])
        return "".join(parts)

    # At least three parts: Hypothesis draws shorter strings of bytes than lists.
    kinds = st.binary(min_size=min(3, most), max_size=most)
    drawn = st.tuples(kinds, st.binary(max_size=most), texts, texts, texts)
    return drawn.map(put_together)


news_like = woven((PIECES, PIECES, JOINTS), longest=6, most=150)  # half of it pieces
metadata = st.one_of(
    st.none(),
    st.builds(
        Record,
        body=st.just(""),
        title=st.one_of(st.none(), news_like),
        date=st.one_of(st.none(), st.sampled_from(NUMBERS), st.text(max_size=12)),
        author=st.one_of(st.none(), st.sampled_from(NAMES)),
    ),
)


def analysed(texts: list[str], meta: Record | None) -> Corpus:
    """The texts as one corpus of articles (the first with the metadata), analysed."""
    sources = [
        Source(f"a{n}", f"a{n}.txt", text, meta=meta if n == 0 else None)
        for n, text in enumerate(texts)
    ]
    return build(sources)


def troubles(corpus: Corpus) -> list[str]:
    """Every problem any article of the corpus met."""
    return [f"{a.id}: {p}" for a in corpus.articles for p in a.problems]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    failures: list[tuple[list[str], list[str]]] = []
    started = time.perf_counter()

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(news_like, min_size=1, max_size=3), metadata)
    def run(texts: list[str], meta: Record | None) -> None:
        found = troubles(analysed(texts, meta))
        if found:
            failures.append((texts, found))

    seed(args.seed)(run)()  # a fixed seed, so that a run can be repeated
    for texts, found in failures[:20]:
        print(repr(texts)[:400])
        for line in found:
            print(f"  {line}")
    took = time.perf_counter() - started
    print(f"{args.examples:,} examples in {took:.0f} s: {len(failures)} with a problem")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
