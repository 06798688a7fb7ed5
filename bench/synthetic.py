"""Synthetic corpora of any size, made from the seeds' sentences, for the scale benchmark.

    python bench/synthetic.py COUNT FOLDER

Each article is a new mix of the seeds' sentences, with the names, places, numbers and dates
in them varied, so that a corpus of 10,000 holds thousands of entities and a timeline spread
over years, not four articles copied. Sizes follow the seeds' (2 to 4.5 KB), the seeds'
formats are mixed in fixed shares, there is one file per article in nested folders, and the
random seed is fixed: the same COUNT always gives the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.loading import bundled_seeds
from tui_reader.corpus.text import sentence_spans

RANDOM_SEED = 2022
SIZES = (2000, 4500)
"""The range of an article's body, in characters, as the seeds' are."""

GIVEN = "Alice Amir Ana Ben Carla Chen Dana David Elena Femi Grace Hugo Ines Jamal Jorge Kate Lena "
GIVEN += "Luis Maya Nadia Omar Priya Rosa Sam Tariq Uma Victor Wei Yusuf Zoe"
SURNAMES = "Abbott Barros Castillo Dunn Eriksen Fischer Garza Hale Ibarra Jensen Kowalski Lund "
SURNAMES += "Mendez Novak Okafor Petrov Quinn Reyes Sato Tran Ueda Varga Walsh Xu Yilmaz Zamora"
ORG_HEADS = ("Workers Union", "Logistics", "Foundation", "Institute", "Holdings", "Council")
PLACES = (
    "Albany Boise Denver Fresno Madison Omaha Raleigh Tucson Phoenix Austin Memphis Tulsa "
    "Ohio Texas Oregon Nevada Georgia Kansas Maine Utah Iowa Vermont"
).split()
MONTHS = "January February March April May June July August September October November December"
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"

# Fixed shares of the seeds' formats, out of ten articles.
FORMATS = ("plain",) * 4 + ("date-header",) * 2 + ("front-matter",) * 2 + ("json", "jsonl")


def seed_sentences() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Every sentence of the analysed seeds, with the spans and types of its entity mentions."""
    corpus = open_corpus([bundled_seeds()])
    sentences: list[tuple[str, list[tuple[int, int, str]]]] = []
    for article in corpus.articles:
        for index, paragraph in enumerate(article.paragraphs):
            mentions = [m for m in article.mentions if m.paragraph == index]
            for start, end in sentence_spans(paragraph):
                spans: list[tuple[int, int, str]] = [
                    (m.start - start, m.end - start, corpus.entities[m.entity].type)
                    for m in mentions
                    if start <= m.start and m.end <= end
                ]
                sentences.append((paragraph[start:end], spans))
    return sentences


class Varier:
    """Varies a sentence's names, places, numbers and dates, with one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.given, self.surnames = GIVEN.split(), SURNAMES.split()
        self.months, self.weekdays = MONTHS.split(), WEEKDAYS.split()
        words = "|".join(self.months + self.weekdays)
        self.calendar = re.compile(rf"\b(?:{words})\b")

    def name(self, kind: str) -> str:
        pick = self.rng.choice
        if kind == "person":
            return f"{pick(self.given)} {pick(self.surnames)}"
        if kind == "place":
            return pick(PLACES)
        return f"{pick(self.surnames)} {pick(ORG_HEADS)}"

    def sentence(self, text: str, mentions: list[tuple[int, int, str]]) -> str:
        for start, end, kind in sorted(mentions, reverse=True):
            text = text[:start] + self.name(kind) + text[end:]
        text = re.sub(r"\d+", self._number, text)
        return self.calendar.sub(self._calendar_word, text)

    def _number(self, match: re.Match[str]) -> str:
        digits = match.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):  # a year stays a recent one
            return str(self.rng.randint(2015, 2024))
        return str(self.rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    def _calendar_word(self, match: re.Match[str]) -> str:
        pool = self.months if match.group() in self.months else self.weekdays
        return self.rng.choice(pool)


def articles(count: int) -> Iterator[tuple[str, str, dt.date, list[str]]]:
    """`count` articles as (format, title, publication date, paragraphs)."""
    rng = random.Random(RANDOM_SEED)
    sentences = seed_sentences()
    varier = Varier(rng)
    first_day = dt.date(2015, 1, 1).toordinal()
    for number in range(count):
        size = rng.randint(*SIZES)
        paragraphs: list[str] = []
        length = 0
        while length < size:
            paragraph = " ".join(
                varier.sentence(*rng.choice(sentences)) for _ in range(rng.randint(1, 4))
            )
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        title = varier.sentence(*rng.choice(sentences))[:90]
        published = dt.date.fromordinal(first_day + rng.randrange(3650))
        yield FORMATS[number % len(FORMATS)], title, published, paragraphs


FORMATTERS: dict[str, tuple[str, Callable[[str, dt.date, list[str]], str]]] = {
    "plain": (".txt", lambda title, _, body: f"{title}\n\n" + "\n\n".join(body)),
    "date-header": (".txt", lambda _, day, body: f" date {day} " + "\n\n".join(body)),
    "front-matter": (
        ".md",
        lambda title, day, body: f"---\ntitle: {title}\ndate: {day}\n---\n\n" + "\n\n".join(body),
    ),
    "json": (
        ".json",
        lambda title, day, body: json.dumps(
            {"headline": title, "datePublished": str(day), "articleBody": "\n\n".join(body)}
        ),
    ),
    "jsonl": (
        ".jsonl",
        lambda title, day, body: (
            json.dumps({"title": title, "published": str(day), "text": "\n\n".join(body)}) + "\n"
        ),
    ),
}


def write(count: int, folder: Path) -> None:
    """Write `count` articles under `folder`, a hundred to a folder, ten folders to a parent."""
    for number, (style, title, published, paragraphs) in enumerate(articles(count)):
        suffix, render = FORMATTERS[style]
        path = folder / f"{number // 1000:03d}" / f"{number // 100 % 10}" / f"a{number:06d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(title, published, paragraphs), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    write(args.count, args.folder)


if __name__ == "__main__":
    main()
