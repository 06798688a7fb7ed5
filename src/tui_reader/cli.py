"""The command line: `tui-reader [PATH ...]` and `tui-reader dump [--json] [PATH ...]`."""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__, cli_fetch
from .corpus.analysis import collector_paused
from .corpus.loading import bundled_seeds
from .corpus.model import Corpus
from .corpus.tables import FIELDS, parse_columns
from .corpus.text import printable
from .store import locations
from .store.cache import Cache, pipeline_version
from .store.pipeline import Loading, cores

EXIT_NOTHING_LOADED = 2
EXIT_OUTPUT_FAILED = 1
EXIT_NOT_SAVED = 1


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tui-reader",
        description="Read a collection of news articles in the terminal. With no PATH, opens "
        "the bundled corpus. Run 'tui-reader dump --help' to print the analysed corpus instead "
        "(use ./dump to open a folder named dump).",
    )
    parser.add_argument("--version", action="version", version=f"tui-reader {__version__}")
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="a Textual theme, such as ansi-dark or ansi-light (the terminal's own colours), "
        "textual-light or nord; the choice is remembered",
    )
    _common_arguments(parser)
    return parser


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache", action="store_true", help="analyse every file again, and keep no cache"
    )
    parser.add_argument(
        "--columns",
        metavar="FIELD=COLUMN,...",
        help="the columns of CSV and TSV tables that hold what their header names otherwise, "
        f"such as title=headline,text=body; the fields are {', '.join(FIELDS)}",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files or folders, feeds, web addresses"
    )
    cli_fetch.add_arguments(parser)


def _parsed(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """The arguments, with `--columns` as a mapping; a bad mapping ends the program with
    one line and status 2, as a bad argument does."""
    args = parser.parse_args(argv)
    try:
        args.columns = parse_columns(args.columns or "")
    except ValueError as error:
        parser.exit(EXIT_NOTHING_LOADED, f"tui-reader: --columns: {printable(str(error))}\n")
    return args


def _dump_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tui-reader dump",
        description="Print the analysed corpus: cleaned articles, events, entities, timeline.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (format version 1)")
    _common_arguments(parser)
    return parser


def _loading(args: argparse.Namespace, workers: int) -> tuple[Loading, bool]:
    """The files to load, found, and whether any address is fetched; the analysis cache is
    in the user's cache folder."""
    cache = None if args.no_cache else Cache(locations.analysis_cache_path(), pipeline_version())
    if not args.paths and args.feeds is None and not args.refresh:
        return Loading([bundled_seeds()], workers=workers, cache=cache), False
    return cli_fetch.loading(args, workers, cache)


def _report(corpus: Corpus) -> Corpus | None:
    """Report each problem on one line, the files' and the articles'; None if nothing
    loaded."""
    for problem in corpus.problems:
        print(f"tui-reader: {printable(str(problem))}", file=sys.stderr)
    for article in corpus.troubled():
        where = f"{article.source}#{article.record}" if article.record else article.source
        for stage_problem in article.problems:
            print(
                f"tui-reader: {printable(where)}: {printable(str(stage_problem))}", file=sys.stderr
            )
    if not corpus.articles:
        print("tui-reader: no articles could be loaded", file=sys.stderr)
        return None
    return corpus


def _dump(argv: Sequence[str]) -> int:
    args = _parsed(_dump_parser(), argv)
    loading, _ = _loading(args, workers=cores())
    loading.start_workers(preload=True)
    with collector_paused():
        corpus = _report(loading.run())
        # What was loaded lives to the end and holds no cycles: set it aside for good, or the
        # collector would walk all of it once when it resumes (0.3 s at 10,000 articles).
        gc.freeze()
    if corpus is None:
        return EXIT_NOTHING_LOADED
    # In a locale whose encoding lacks a character ("—" in Latin-1), it is written as an
    # escape ("\\u2014"), not an error.
    sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        _print(corpus, args.json)
    except BrokenPipeError:
        raise  # `main` ends quietly
    except OSError as error:  # a full disk, say
        _discard_output()
        why = error.strerror or error
        print(f"tui-reader: the output could not be written: {why}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    return 0


def _print(corpus: Corpus, as_json: bool) -> None:
    from .corpus.export import to_data, to_text

    if as_json:
        json.dump(to_data(corpus), sys.stdout, ensure_ascii=True, indent=1)
        sys.stdout.write("\n")
    else:
        lines = to_text(corpus)
        # Thousands of lines a write: a write a line cost half as much again as making them.
        while chunk := list(itertools.islice(lines, 4096)):
            chunk.append("")
            sys.stdout.write("\n".join(chunk))
    sys.stdout.flush()  # now, where a failure is caught, not as the interpreter exits


def _discard_output() -> None:
    """Send what is left of the output nowhere: flushed as the interpreter exits, it would
    fail again, with a message on stderr and exit status 120."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _read(argv: Sequence[str]) -> int:
    args = _parsed(_reader_parser(), argv)
    loading, fetching = _loading(args, workers=max(1, cores() - 1))  # leave the reader a core
    if not fetching and not any(path.exists() for path in loading.paths):  # say why now
        _report(loading.corpus())
        return EXIT_NOTHING_LOADED
    from textual.theme import BUILTIN_THEMES

    from .ui.app import ReaderApp  # Textual is imported only when the reader opens
    from .ui.signals import Leaving

    if args.theme is not None and args.theme not in BUILTIN_THEMES:
        names = ", ".join(sorted(BUILTIN_THEMES))
        print(f"tui-reader: no theme {printable(args.theme)!r}; there are {names}", file=sys.stderr)
        return EXIT_NOTHING_LOADED

    leaving = Leaving()
    leaving.install()  # before the workers start: a signal from now on is the reader's
    if loading.paths != [bundled_seeds()]:  # four files: no worker is ever needed
        loading.start_workers()
    leaving.app = app = ReaderApp(
        loading,
        state_path=locations.state_path(),
        config_path=locations.config_path(),
        theme=args.theme,
    )
    # On a loop of its own: `asyncio.run`'s waits, as it closes, for the threads still at
    # work, such as the search index's first sync (seconds at 100,000 articles).
    result = app.run(loop=asyncio.new_event_loop())
    if leaving.status is None:  # ended by a signal, it may have been loading still: no report
        _report(app.corpus)  # what could not be loaded stays on the terminal after the reader
    if app.keeping.unsaved is not None:  # the save at quit
        why = printable(app.keeping.unsaved)
        print(f"tui-reader: the reading state was not saved: {why}", file=sys.stderr)
        _end(EXIT_NOT_SAVED)
    _end(result if isinstance(result, int) else 0)


def _end(status: int) -> NoReturn:
    """End the reader now, its state saved and the terminal put back. The threads still at
    work are not waited for: what they write (the analysis cache, the search index) is
    written in SQLite transactions, which an end at any moment leaves whole. Nor are the
    corpus's millions of objects freed one by one, as the interpreter would as it ends."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:1] == ["dump"]:
            return _dump(arguments[1:])
        if arguments[:1] == ["import"]:
            return cli_fetch.import_opml(arguments[1:])
        return _read(arguments)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of the output went away, as `head` does
        _discard_output()
        return 0
