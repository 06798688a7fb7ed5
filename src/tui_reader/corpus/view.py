"""What of a corpus is seen: the filters, as one value.

`Corpus.filtered` and `Corpus.shows` apply them. The sets of ids come from outside (the
search index's hits, the reading state's read marks), so the corpus knows nothing of
where they are kept.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Literal

Kind = Literal["entity", "search", "period", "unread"]
"""The kinds of filter, as the status line and the palette name them."""


@dataclass(frozen=True, slots=True, eq=True)
class Filters:
    """An entity whose articles show, a period ("2022" or "2022-04") with events in it,
    the ids of the articles a search let through, and the ids hidden (those read, when
    only the unread show). Each is None when that filter is off.

    `order` is the kinds in force, oldest first: Esc clears the newest."""

    entity: str | None = None
    period: str | None = None
    include_ids: AbstractSet[str] | None = None
    exclude_ids: AbstractSet[str] | None = None
    order: tuple[Kind, ...] = ()

    __hash__ = None  # type: ignore[assignment]  # the id sets are not hashable

    @property
    def newest(self) -> Kind | None:
        """The filter set last, which Esc clears; None when none is."""
        return self.order[-1] if self.order else None

    def with_entity(self, entity: str | None) -> Filters:
        """These filters, with only the articles naming this entity (None: any)."""
        return self._with("entity", entity is not None, entity=entity)

    def with_period(self, period: str | None) -> Filters:
        """These filters, with only the articles with an event in this period."""
        return self._with("period", period is not None, period=period)

    def with_period_of(self, date: str) -> Filters:
        """These filters, with a period of this date ("2022-04-01"), chosen again and
        again: the first time its month, then its year, then no period."""
        month, year = date[:7], date[:4]
        if self.period == month and len(month) == 7:
            return self.with_period(year)
        if self.period == year:
            return self.with_period(None)
        return self.with_period(month if len(month) == 7 else year)

    def with_hits(self, ids: AbstractSet[str] | None) -> Filters:
        """These filters, with only the articles a search found (None: no search)."""
        return self._with("search", ids is not None, include_ids=ids)

    def with_hidden(self, ids: AbstractSet[str] | None) -> Filters:
        """These filters, hiding these articles (None: hiding none, the filter off)."""
        return self._with("unread", ids is not None, exclude_ids=ids)

    def without(self, kind: Kind) -> Filters:
        """These filters, with one kind cleared."""
        if kind == "entity":
            return self.with_entity(None)
        if kind == "period":
            return self.with_period(None)
        if kind == "search":
            return self.with_hits(None)
        return self.with_hidden(None)

    def _with(self, kind: Kind, active: bool, **changes: object) -> Filters:
        order = tuple(k for k in self.order if k != kind) + ((kind,) if active else ())
        return replace(self, order=order, **changes)  # type: ignore[arg-type]
