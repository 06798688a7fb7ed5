"""What the reading view lays out: an article as styled blocks, the blocks wrapped into
lines (`Page`), a long paragraph in pieces, and where a search matches it (`Matches`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from rich.console import Console
from rich.style import Style
from rich.text import Text

from ...corpus.loading import MAX_CHARS
from ...corpus.model import Article, Entity, Event, Mention
from ...corpus.naming import title_opens_body
from ...corpus.search import Query
from ...corpus.text import sentence_at
from .lists import ENTITY_CLASSES
from .rows import source_label

Block = tuple[Text | None, int | None, int]
"""A block to lay out: its text (None for a blank line), its paragraph's number (None
outside the body), and its offset in that paragraph."""
BLANK: Block = (None, None, 0)


@dataclass
class Marking:
    """What the view marks in an article, and how its parts are styled."""

    style: Callable[[str], Style]
    """The style of a component class of the view ("reader--title")."""
    entities: Mapping[str, Entity]
    selected_entity: str | None = None
    target: Event | None = None
    query: Query | None = None
    show_removed: bool = False


def article_blocks(article: Article | None, marking: Marking) -> Iterator[Block]:
    """The article's blocks in order, each with its paragraph's number (None for the rest)
    and its offset in it; None for a blank line. Each is styled only when it is laid out,
    and a long paragraph comes in pieces (`PIECE`). A title that only opens the first
    paragraph (an untitled article's) is not shown above it again."""
    style = marking.style
    meta = style("reader--meta")
    if article is None:
        yield Text("No article to show.", style=meta), None, 0
        return
    if not title_opens_body(article.title, article.paragraphs):
        title = Text(article.title, style=style("reader--title"))
        for start, end in marking.query.spans(article.title) if marking.query else ():
            title.stylize(style("reader--match"), start, end)
        yield title, None, 0
    yield Text(_byline(article), style=meta), None, 0
    if article.truncated:
        notice = f"Cut at {MAX_CHARS:,} characters: the file holds more than is shown."
        yield Text(notice, style=style("reader--note")), None, 0
    yield BLANK
    mentions: dict[int, list[Mention]] = {}
    for mention in article.mentions:
        mentions.setdefault(mention.paragraph, []).append(mention)
    for index, paragraph in enumerate(article.paragraphs):
        text = _paragraph(article, index, paragraph, mentions.get(index, []), marking)
        for offset, piece in _pieces(text):
            yield piece, index, offset
        yield BLANK
    for note in article.notes:
        yield Text(f"Note: {note}", style=style("reader--note")), None, 0
        yield BLANK
    count = len(article.removed)
    if count and not marking.show_removed:
        plural = "s" * (count != 1)
        summary = f"{count} passage{plural} removed in cleaning (r shows)"
        yield Text(summary, style=meta), None, 0
    elif count:
        yield Text(f"Removed in cleaning ({count}; r hides):", style=meta), None, 0
        for removed in article.removed:
            yield Text(f"  – {removed}", style=meta), None, 0


def _byline(article: Article) -> str:
    parts = [article.dated("date unknown")]
    if article.author:
        parts.append(f"by {article.author}")
    parts.append(source_label(article))  # its site, or else its file
    if article.url:
        parts.append(article.url)
    return " · ".join(parts)


def _paragraph(
    article: Article, index: int, paragraph: str, mentions: list[Mention], marking: Marking
) -> Text:
    style = marking.style
    text = Text(paragraph)
    if index in article.headings:
        text.stylize(style("reader--heading"))
    if marking.query:
        match = style("reader--match")
        for start, end in marking.query.spans(paragraph):
            text.stylize(match, start, end)
    target = marking.target
    if target is not None and target.paragraph == index:
        start, end = sentence_at(paragraph, target.offset)
        text.stylize(style("reader--target"), start, end)
    for mention in mentions:
        entity = marking.entities.get(mention.entity)
        if entity is None:
            continue
        entity_style = style(ENTITY_CLASSES[entity.type])
        if mention.entity == marking.selected_entity:
            entity_style += style("reader--selected")
        text.stylize(entity_style, mention.start, mention.end)
    return text


class Page:
    """An article's blocks wrapped into lines (None for a blank one) a few at a time, and
    where each paragraph's lines start."""

    def __init__(self, console: Console, measure: int, blocks: Iterator[Block]) -> None:
        self.console, self.measure = console, measure
        self.lines: list[Text | None] = []
        self.paragraph_lines: dict[int, list[tuple[int, int]]] = {}
        """For each paragraph, (line number, offset of the line's first character)."""
        self.last_paragraph = -1
        """The last paragraph laid out."""
        self._blocks: Iterator[Block] | None = blocks
        """The blocks still to lay out; None once all are."""

    @property
    def complete(self) -> bool:
        """Whether every block is laid out."""
        return self._blocks is None

    def lay_out(self, lines: int, through: int | None = None, until: float | None = None) -> None:
        """Lay out blocks, at least one, until the page has `lines` lines, paragraph
        `through` among them, and `time.perf_counter()` is past `until`; or all there are."""
        if self._blocks is None:
            return
        for text, paragraph, offset in self._blocks:
            self.add(text, paragraph, offset)
            if (
                len(self.lines) >= lines
                and (through is None or self.last_paragraph >= through)
                and (until is None or time.perf_counter() > until)
            ):
                return
        self._blocks = None

    def line_of(self, paragraph: int, offset: int) -> int:
        """The line that holds a paragraph's character at `offset`, among those laid out
        (0 if none of the paragraph is)."""
        lines = self.paragraph_lines.get(paragraph, [(0, 0)])
        return max(line for line, start in lines if start <= offset or line == lines[0][0])

    def place_of(self, top: int) -> tuple[int, int] | None:
        """The paragraph and offset of line `top`, or of the last line of a paragraph above
        it (None if there is none): where it is whatever the width."""
        at: tuple[int, int] | None = None
        for paragraph, lines in self.paragraph_lines.items():
            for line, offset in lines:
                if line > top:
                    return at
                at = (paragraph, offset)
        return at

    def add(self, text: Text | None, paragraph: int | None, offset: int) -> None:
        """Add a block, wrapped, which starts at `offset` in its paragraph (None adds a
        blank line)."""
        if text is None:
            self.lines.append(None)
            return
        if paragraph is not None:
            self.last_paragraph = paragraph
        for line in text.wrap(self.console, self.measure):
            if paragraph is not None:
                self.paragraph_lines.setdefault(paragraph, []).append((len(self.lines), offset))
            offset += len(line.plain)
            self.lines.append(Text(" ") + line)


class Matches:
    """Where a search matches an article's body, in order, and which match the view was
    last taken to."""

    def __init__(self, article: Article | None = None, query: Query | None = None) -> None:
        self.places: list[tuple[int, int]] = []
        """The paragraph and offset of each match."""
        if article is not None and query:
            self.places = [
                (index, start)
                for index, paragraph in enumerate(article.paragraphs)
                for start, _ in query.spans(paragraph)
            ]
        self.current = 0

    def step(self, step: int) -> tuple[int, int] | None:
        """The place of the next match (`step` 1) or the one before (-1), which is the
        current one from now; None if there is none that way."""
        match = self.current + step
        if not 0 <= match < len(self.places):
            return None
        self.current = match
        return self.places[match]


PIECE = 10_000
"""A paragraph longer than this is wrapped in pieces of about this many characters: the
time to wrap a paragraph grows faster than its length."""


def _pieces(text: Text) -> Iterator[tuple[int, Text]]:
    """The text in pieces to wrap one by one, each with its offset; a long one is cut after
    a space near every `PIECE` characters, or at `PIECE` in a run with no space."""
    plain = text.plain
    if len(plain) <= PIECE:
        yield 0, text
        return
    cuts = []
    at = 0
    while len(plain) - at > PIECE:
        space = plain.rfind(" ", at + PIECE // 2, at + PIECE)
        at = space + 1 if space >= 0 else at + PIECE
        cuts.append(at)
    yield from zip([0, *cuts], text.divide(cuts), strict=True)
