"""The data model of an analysed corpus: articles, their events and entity mentions.

Everything here is plain data. Analysis fills it in (see `analysis.py`); the UI and
`dump` only read it.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress
from operator import attrgetter
from typing import Literal, Protocol, TypeVar, overload

from .view import Filters

EntityType = Literal["person", "org", "place", "other"]
Precision = Literal["day", "week", "month", "season", "quarter", "half", "year", "decade"]
DateSource = Literal["header", "front matter", "json", "table", "html", "feed", "text"]
Stage = Literal["format", "cleaning", "dates", "entities"]
"""The stages of an article's analysis, in order."""
OriginKind = Literal["file", "url", "feed", "warc", "csv"]
"""What an article was read from: a file of its own (or a record of an export), a page
fetched by its address, a feed's item, a web archive's page, a table's row."""
ProblemKind = Literal["error", "timeout"]
"""An error raised inside the analysis (a bug), or the article's time ran out."""
T = TypeVar("T")
_FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")
"""Turns a mask of 0s and 1s into its opposite (`bytes.translate`)."""


@dataclass(frozen=True, slots=True)
class Event:
    """A date expression in an article's body, resolved against its publication date."""

    date: str | None
    """Start of the period as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; None when it has no anchor."""
    precision: Precision | None
    expression: str
    """The words the date came from, exactly as written."""
    text: str
    """The sentence the expression is in."""
    paragraph: int
    offset: int
    """Character offset of the expression within its paragraph."""
    end: str | None = None
    """Where a range ends ("2009-2010" ends in "2010"), in the form of `date`."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article was read from, beyond the file (`Article.source`): the addresses
    and names its source gives, each None where it gives none."""

    kind: OriginKind = "file"
    url: str | None = None
    """The address the article was read from: a page's, as fetched; a feed item's link;
    an archived page's target URI."""
    feed: str | None = None
    """The address of the feed an item was fetched with (None for a feed file's items)."""
    warc_record_id: str | None = None
    """An archived page's WARC-Record-ID."""


FILE = Origin()
"""The origin of an article of a file on disk (frozen: one serves them all)."""


@dataclass(slots=True)  # not frozen: an article holds thousands, and frozen ones build slowly
class Mention:
    """One place where an entity is named in a paragraph."""

    paragraph: int
    start: int
    end: int
    entity: str
    """Corpus-wide entity id."""


class Place(Protocol):
    """Where a name is: its paragraph, and where it starts and ends in it."""

    @property
    def paragraph(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Mentions:
    """An article's mentions, each made as it is read: the places of the names and the
    entity each names, as entity resolution finds them. Most articles of a large corpus are
    never shown, and making every mention cost a quarter of the corpus-wide work and 21 MB
    of memory at 10,000 articles (half a million mentions)."""

    places: Sequence[Place] = ()
    entities: Sequence[str] = ()
    """The entity id of each place's name."""

    def __iter__(self) -> Iterator[Mention]:
        for place, entity in zip(self.places, self.entities, strict=True):
            yield Mention(place.paragraph, place.start, place.end, entity)


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, with every alias merged across the corpus."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    count: int


@dataclass(frozen=True, slots=True)
class StageProblem:
    """What went wrong in one stage of an article's analysis. The article is kept with what
    the stages before made (its raw text at worst), and the stages after still run where
    they can."""

    stage: Stage
    kind: ProblemKind
    message: str

    def __str__(self) -> str:
        return f"{self.stage}: {self.message}"

    @classmethod
    def raised(cls, stage: Stage, error: BaseException) -> StageProblem:
        """The problem of an error raised in a stage."""
        message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return cls(stage, "error", message[:300])


@dataclass(slots=True)
class Article:
    """One cleaned article."""

    id: str
    source: str
    title: str
    paragraphs: list[str]
    headings: frozenset[int] = frozenset()
    """Indices of paragraphs that are subheadings."""
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_from: DateSource | None = None
    published_guess: dt.date | None = None
    """For an undated article, the latest full date its text writes: shown as a guess,
    never used to resolve its relative dates."""
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    truncated: bool = False
    record: int | None = None
    """Its number in a JSON or JSON Lines export, from 1; None for a file of its own."""
    key: str | None = None
    """The name its record gave itself (a row's id, a page's address), which its id is
    made of instead of the number; None for most."""
    events: list[Event] = field(default_factory=list)
    mentions: Mentions = Mentions()
    problems: list[StageProblem] = field(default_factory=list)
    """What went wrong in its analysis; empty for nearly every article."""
    site: str | None = None
    """The site a web page is from, by its own name for itself."""
    links: list[str] = field(default_factory=list)
    """The web links of a page's text, which the text itself (markup gone) no longer holds."""
    origin: Origin = FILE
    """What it was read from; a table's row is its `record`."""

    def dated(self, unknown: str) -> str:
        """The publication date as text; `unknown` where there is none, with the guess at it
        if there is one."""
        if self.published:
            return self.published.isoformat()
        if self.published_guess:
            return f"{unknown} (perhaps {self.published_guess.isoformat()})"
        return unknown

    def entity_counts(self) -> dict[str, int]:
        """How often each entity id is mentioned, in order of first mention."""
        return Counter(self.mentions.entities)  # counted in C, in order


@dataclass(slots=True)
class TimelineEntry:
    """A resolved event and the article it belongs to."""

    article: str
    event: Event


@dataclass(slots=True)
class Problem:
    """A path that could not be loaded, and why."""

    path: str
    reason: str
    url: str | None = None
    """The address it was fetched from, for an article read from the web."""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class _Picked(Sequence[T]):
    """Some items of a list, picked by position and not copied.

    Filtering 100,000 articles and their 500,000 events this way reads none of them: each,
    wherever it lies in memory, costs a cache miss to read, and reading them all took a
    third of a second."""

    __slots__ = ("_items",)

    def __init__(self, items: Sequence[T]) -> None:
        self._items = items

    def _position(self, index: int) -> int:
        """The position in the list of the item at `index` here (negative counts from the
        end); IndexError if there is none."""
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        return self._items[self._position(index)]


class Selection(_Picked[T]):
    """The items of a list at some positions."""

    __slots__ = ("_positions",)

    def __init__(self, items: Sequence[T], positions: array[int]) -> None:
        """`positions`: those of the items picked, in order."""
        super().__init__(items)
        self._positions = positions

    def __len__(self) -> int:
        return len(self._positions)

    def _position(self, index: int) -> int:
        return self._positions[index]

    def __iter__(self) -> Iterator[T]:
        return map(self._items.__getitem__, self._positions)


class Without(_Picked[T]):
    """A list less some of its items: what a filter that drops few leaves (the events of
    the articles a search did not find). The item at an index is found by binary search."""

    __slots__ = ("_dropped",)

    def __init__(self, items: Sequence[T], dropped: array[int]) -> None:
        """`dropped`: the positions of the items left out, in order, each once."""
        super().__init__(items)
        self._dropped = dropped

    def __len__(self) -> int:
        return len(self._items) - len(self._dropped)

    def _position(self, index: int) -> int:
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        dropped = self._dropped

        def kept(position: int) -> int:  # how many items up to this one are kept
            return position + 1 - bisect_right(dropped, position)

        # The first position with index + 1 items kept up to it: at most all dropped before.
        return index + bisect_left(range(index, index + len(dropped) + 1), index + 1, key=kept)

    def __iter__(self) -> Iterator[T]:
        keep = bytearray(b"\x01") * len(self._items)
        for position in self._dropped:
            keep[position] = 0
        return compress(self._items, keep)


class Chosen(AbstractSet[str]):
    """Some articles of a list, as the set of their ids: a mask over the list, 1 for each
    article chosen. What a search finds over 100,000 articles is built and filtered with
    this way without reading an article (`_Picked` says why that matters)."""

    __slots__ = ("articles", "mask", "positions")

    def __init__(
        self, articles: Sequence[Article], mask: bytearray, positions: Mapping[str, int]
    ) -> None:
        """`positions` maps the id of each article of the list to its position in it."""
        self.articles = articles
        self.mask = mask
        self.positions = positions

    def __contains__(self, article_id: object) -> bool:
        position = self.positions.get(article_id) if isinstance(article_id, str) else None
        return position is not None and self.mask[position] == 1

    def __len__(self) -> int:
        return self.mask.count(1)

    def __iter__(self) -> Iterator[str]:
        return (self.articles[n].id for n in compress(range(len(self.mask)), self.mask))


@dataclass(slots=True)
class Corpus:
    """An analysed collection of articles, newest first."""

    articles: list[Article]
    entities: dict[str, Entity]
    timeline: list[TimelineEntry]
    problems: list[Problem] = field(default_factory=list)
    _by_id: dict[str, Article] = field(init=False, repr=False, compare=False)
    _positions: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    """Each article's position in `articles`: worked out when first needed, as are the two
    below."""
    _ids: list[str] | None = field(default=None, init=False, repr=False, compare=False)
    """The id of each article, in order."""
    _entry_positions: array[int] | None = field(default=None, init=False, repr=False, compare=False)
    """The position of the article of each event on the timeline, in its order."""
    _events_by_article: tuple[array[int], array[int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    """The timeline's events by article (`_events_of`)."""
    _troubled: list[Article] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id = {article.id: article for article in self.articles}

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def troubled(self) -> list[Article]:
        """The articles whose analysis met a problem, in corpus order."""
        if self._troubled is None:
            self._troubled = [article for article in self.articles if article.problems]
        return self._troubled

    def problem_count(self) -> int:
        """How many files could not be read, and articles met a problem."""
        return len(self.problems) + len(self.troubled())

    def article(self, article_id: str) -> Article:
        """The article with this id."""
        return self._by_id[article_id]

    def filtered(self, filters: Filters) -> tuple[Sequence[Article], Sequence[TimelineEntry]]:
        """The articles the filters let through, in corpus order, and their events on the
        timeline (in the period only, if one is given).

        It works on positions and reads no article or event (see `_Picked`): at 100,000
        articles each step runs in C and takes a few milliseconds."""
        entity_id, ids, period = filters.entity, filters.include_ids, filters.period
        hidden = filters.exclude_ids
        if entity_id is None and ids is None and period is None and not hidden:
            return self.articles, self.timeline
        ids_in_order, positions = self._index()
        count = len(self.articles)
        # The positions let through: a set while a filter has narrowed them to few, a mask
        # of 0s and 1s over all articles otherwise.
        few: set[int] | None = None
        if entity_id is not None:
            entity = self.entities.get(entity_id)
            few = {positions[a] for a in entity.articles if a in positions} if entity else set()
        events = range(len(self.timeline))
        if period is not None:
            events = self._period(period)
            dated = set(self._articles_of_events()[events.start : events.stop])
            few = dated if few is None else few & dated
        mask = bytearray(b"\x01") * count if few is None else None
        if ids is not None:
            if few is not None:
                few = {p for p in few if ids_in_order[p] in ids}
            elif isinstance(ids, Chosen) and ids.articles is self.articles:
                mask = bytearray(ids.mask)
            else:
                mask = bytearray(map(ids.__contains__, ids_in_order))
        for article_id in hidden or ():
            if (position := positions.get(article_id)) is not None:
                if few is not None:
                    few.discard(position)
                elif mask is not None:
                    mask[position] = 0
        if few is not None:
            mask = bytearray(count)
            for position in few:
                mask[position] = 1
        assert mask is not None
        shown = array("l", compress(range(count), mask))
        if len(shown) == count and period is None:
            return self.articles, self.timeline
        articles = Selection(self.articles, shown)
        if period is not None:  # the events of the period, of the articles shown
            of_events = self._articles_of_events()[events.start : events.stop]
            kept = compress(events, map(mask.__getitem__, of_events))
            return articles, Selection(self.timeline, array("l", kept))
        # The events of the articles shown, or all but those of the articles not shown:
        # whichever are fewer, as reading each event's article is what takes the time.
        if len(shown) <= count // 2:
            return articles, Selection(self.timeline, self._events_of(shown))
        not_shown = compress(range(count), mask.translate(_FLIP))
        return articles, Without(self.timeline, self._events_of(not_shown))

    def shows(self, filters: Filters, article_id: str | None) -> bool:
        """Whether the filters let this article through, without listing all they do."""
        if article_id is None or article_id not in self:
            return False
        entity = self.entities.get(filters.entity) if filters.entity is not None else None
        hits, hidden, period = filters.include_ids, filters.exclude_ids, filters.period
        article = self.article(article_id)
        return (
            (filters.entity is None or (entity is not None and article_id in entity.articles))
            and (hits is None or article_id in hits)
            and (period is None or any((e.date or "").startswith(period) for e in article.events))
            and not (hidden is not None and article_id in hidden)
        )

    def prepare_filters(self) -> None:
        """Work out now what filtering needs, which at 100,000 articles takes a moment: in
        a worker, the first filter does not wait for it."""
        self._events_of(())

    def _events_of(self, articles: Iterable[int]) -> array[int]:
        """The positions on the timeline of the events of the articles at these positions,
        in order."""
        if self._events_by_article is None:
            # Each article's events, together: the order of events by their articles, and
            # where each article's begin in it.
            of_events = self._articles_of_events()
            order = array("l", sorted(range(len(of_events)), key=of_events.__getitem__))
            counts = [0] * (len(self.articles) + 1)
            for position in of_events:
                counts[position + 1] += 1
            self._events_by_article = order, array("l", accumulate(counts))
        order, starts = self._events_by_article
        found = chain.from_iterable(order[starts[n] : starts[n + 1]] for n in articles)
        return array("l", sorted(found))

    def _index(self) -> tuple[list[str], dict[str, int]]:
        """The article ids in order, and the position of each."""
        if self._ids is None or self._positions is None:
            self._ids = list(map(attrgetter("id"), self.articles))
            self._positions = {article_id: n for n, article_id in enumerate(self._ids)}
        return self._ids, self._positions

    def _articles_of_events(self) -> array[int]:
        if self._entry_positions is None:
            entries = map(attrgetter("article"), self.timeline)
            self._entry_positions = array("l", map(self._index()[1].__getitem__, entries))
        return self._entry_positions

    def _period(self, period: str) -> range:
        """The events on the timeline dated in a period: they are together, as it is in
        date order and their dates begin alike, so two binary searches find them."""
        after = period[:-1] + chr(ord(period[-1]) + 1)  # "2022-04" → "2022-05"

        def date(entry: TimelineEntry) -> str:
            return entry.event.date or ""

        timeline = self.timeline
        return range(
            bisect_left(timeline, period, key=date), bisect_left(timeline, after, key=date)
        )

    def articles_naming(self, entity_id: str) -> list[Article]:
        """The articles that mention an entity, in corpus order."""
        entity = self.entities.get(entity_id)
        named = set(entity.articles) if entity else set()
        return [article for article in self.articles if article.id in named]
