"""What the reader fetches, for the command line and for the reader's keys alike: the feeds
and addresses it was opened on, fetched into the fetched folder with one client.

    web = Web(feeds=[...], addresses=[...])
    paths, problems = web.fetch(refresh=False, progress=report)

The reader's refresh key is `web.fetch(refresh=True, progress=...)` in a worker thread,
then a load of the paths it gives; its full-text key is `full_pages([item.url, ...])`,
which fetches the items' pages to be read as saved pages are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus.model import Problem
from ..store import locations
from ..store.fetched import Fetched
from .client import Client
from .refresh import Progress, fetch_all


@dataclass(frozen=True, slots=True)
class Web:
    """The feeds (from lists: each must be a feed) and the addresses (a feed or a page)."""

    feeds: Sequence[str] = ()
    addresses: Sequence[str] = ()

    def fetch(
        self, *, refresh: bool = False, progress: Progress | None = None
    ) -> tuple[list[Path], list[Problem]]:
        """The bodies to load, fetched now where due (all, with `refresh`, that the
        politeness rules allow), and what went wrong; nothing kept is ever lost."""
        store = Fetched(locations.fetched_folder())
        client = Client()
        try:
            feeds = fetch_all(self.feeds, store, client, refresh=refresh, progress=progress)
            pages = fetch_all(self.addresses, store, client, refresh=refresh,
                              feeds_only=False, progress=progress)  # fmt: skip
        finally:
            client.close()
        return feeds.paths + pages.paths, feeds.problems + pages.problems


def full_pages(
    urls: Sequence[str], progress: Progress | None = None
) -> tuple[list[Path], list[Problem]]:
    """The pages of feed items that carry only a summary, fetched (or kept from before):
    what the reader's full-text key, and `--full`, read in place of the summaries."""
    return Web(addresses=urls).fetch(progress=progress)
