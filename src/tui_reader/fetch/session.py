"""What the reader fetches, for the command line and for the reader's keys alike: the feeds
and addresses it was opened on, fetched into the fetched folder with one client.

    web = Web(feeds=[...], addresses=[...])
    paths, problems = web.fetch(refresh=False, progress=report)

The command line loads a corpus with it through `loading.Fetching`. The reader's refresh
key can load a new `Fetching(web, files, refresh=True)` as it loaded the first, or call
`web.fetch(refresh=True, progress=...)` in a worker thread; its full-text key the same with
`full=True`, whose paths hold the pages' text in place of the items' summaries (`full.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus.model import Problem
from ..store import locations
from ..store.fetched import SUFFIXES, Fetched
from .client import Client
from .full import with_full_text
from .refresh import Progress, fetch_all


@dataclass(frozen=True, slots=True)
class Web:
    """The feeds (from lists: each must be a feed) and the addresses (a feed or a page)."""

    feeds: Sequence[str] = ()
    addresses: Sequence[str] = ()

    def names(self) -> list[Path]:
        """A path for each address, the same whatever its body (`Fetched.address`)."""
        store = Fetched(locations.fetched_folder())
        return [store.address(url) for url in [*self.feeds, *self.addresses]]

    def fetched_from(self, bodies: Sequence[Path]) -> dict[Path, str]:
        """The address each body `fetch` gave is of."""
        store = Fetched(locations.fetched_folder())
        return store.addresses([*self.feeds, *self.addresses], bodies)

    def fetch(
        self, *, refresh: bool = False, full: bool = False, progress: Progress | None = None
    ) -> tuple[list[Path], list[Problem]]:
        """The bodies to load, fetched now where due (all, with `refresh`, that the
        politeness rules allow), and what went wrong; nothing kept is ever lost. With
        `full`, the feeds' items that carry only a summary get their pages' text."""
        store = Fetched(locations.fetched_folder())
        client = Client()
        try:
            feeds = fetch_all(self.feeds, store, client, refresh=refresh, progress=progress)
            pages = fetch_all(self.addresses, store, client, refresh=refresh,
                              feeds_only=False, progress=progress)  # fmt: skip
            paths = feeds.paths + pages.paths
            problems = feeds.problems + pages.problems
            if full:
                paths = [self._full(path, store, client, problems, progress) for path in paths]
        finally:
            client.close()
        return paths, problems

    @staticmethod
    def _full(
        path: Path, store: Fetched, client: Client, problems: list[Problem],
        progress: Progress | None,
    ) -> Path:  # fmt: skip
        if path.suffix == SUFFIXES["page"]:
            return path
        path, failed = with_full_text(path, store, client, progress)
        problems.extend(failed)
        return path
