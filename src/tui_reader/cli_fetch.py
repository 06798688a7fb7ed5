"""The command line's web side: addresses and lists of feeds among the paths, `--feeds`,
`--refresh`, `--full`, and `tui-reader import FILE.opml`. The addresses are fetched as the
corpus loads (`fetch.loading.Fetching`), into the fetched folder, and their bodies read
like any article file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .corpus.feedlists import NotAList, addresses, opml
from .corpus.model import Problem
from .corpus.text import printable, shorten
from .store import locations, subscriptions
from .store.cache import Cache
from .store.pipeline import Loading

SUBSCRIBED = ""
"""`--feeds` with no FILE: the user's subscriptions."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The web's options, for the reader and for `dump`."""
    parser.add_argument(
        "--feeds",
        nargs="?",
        const=SUBSCRIBED,
        metavar="FILE",
        help="open every feed listed in FILE (an address a line, or OPML); without FILE, "
        "the subscriptions (tui-reader import FILE.opml adds to them)",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="fetch the page of each feed item that carries only a summary, and read its "
        "article in place of the summary",
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch the feeds and addresses again now, not only those due (and, with no "
        "PATH, the subscriptions)",
    )


def is_address(text: str) -> bool:
    """Whether a PATH argument is a web address, not a file's name."""
    return text.lower().startswith(("http://", "https://"))


def loading(args: argparse.Namespace, workers: int, cache: Cache | None) -> tuple[Loading, bool]:
    """The loading of the arguments' files, and of the bodies fetched (or kept from
    before) for their addresses and feeds, fetched as it runs; and whether anything is
    fetched."""
    paths: list[Path] = []
    problems: list[Problem] = []
    listed: list[str] = []  # feeds, from lists
    named: list[str] = []  # addresses given: a feed or a page
    feeds_file = args.feeds
    if feeds_file is None and args.refresh and not args.paths:
        feeds_file = SUBSCRIBED
    if feeds_file is not None:
        listed.extend(_listed(feeds_file, problems))
    for argument in args.paths:
        if is_address(argument):
            named.append(argument)
        elif argument.lower().endswith(".opml"):
            listed.extend(_listed(argument, problems))
        else:
            paths.append(Path(argument))
    if not (listed or named):
        loading = Loading(
            paths, workers=workers, cache=cache, problems=problems, columns=args.columns
        )
        return loading, False
    from .fetch.loading import Fetching  # here: a reader of files never loads the client
    from .fetch.session import Web

    web = Web(listed, named)
    fetching = Fetching(web, paths, refresh=args.refresh, full=args.full, workers=workers,
                        cache=cache, problems=problems, columns=args.columns)  # fmt: skip
    return fetching, True


def _listed(name: str, problems: list[Problem]) -> list[str]:
    """The feeds of a list (the subscriptions for `SUBSCRIBED`); a list that cannot be read,
    or holds none, is a problem."""
    path = locations.feeds_path() if name == SUBSCRIBED else Path(name)
    refused: list[str] = []
    try:
        data = path.read_bytes()
        urls = (opml if path.suffix.lower() == ".opml" else addresses)(data, refused)
    except FileNotFoundError:
        hint = ": add some with 'tui-reader import FILE.opml'" if name == SUBSCRIBED else ""
        problems.append(Problem(str(path), f"no such file{hint}"))
        return []
    except (OSError, NotAList) as error:
        problems.append(Problem(str(path), getattr(error, "strerror", None) or str(error)))
        return []
    if refused:
        some = ", ".join(printable(shorten(address, 60)) for address in refused[:3])
        more = f" and {len(refused) - 3} more" if len(refused) > 3 else ""
        why = f"not a web address (http or https), skipped: {some}{more}"
        problems.append(Problem(str(path), why))
    if not urls:
        problems.append(Problem(str(path), "no feed addresses (http or https) in it"))
    return urls


def import_opml(argv: Sequence[str]) -> int:
    """`tui-reader import FILE.opml`: add its feeds to the subscriptions."""
    parser = argparse.ArgumentParser(
        prog="tui-reader import",
        description="Add the feeds of an OPML file (or a list, an address a line) to the "
        "subscriptions, which 'tui-reader --feeds' opens.",
    )
    parser.add_argument("file", metavar="FILE", help="an OPML file, as feed readers export")
    args = parser.parse_args(argv)
    problems: list[Problem] = []
    urls = _listed(args.file, problems)
    for problem in problems:
        print(f"tui-reader: {printable(str(problem))}", file=sys.stderr)
    if not urls:
        return 2
    path = locations.feeds_path()
    try:
        added, known = subscriptions.add(path, urls)
    except OSError as error:
        print(f"tui-reader: {printable(str(path))}: {error.strerror or error}", file=sys.stderr)
        return 1
    already = f" ({known} there already)" if known else ""
    feeds = "feed" if added == 1 else "feeds"
    print(f"{added} {feeds} added to {printable(str(path))}{already}")
    return 0
