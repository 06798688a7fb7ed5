"""A load that also fetches (`fetch.loading.Fetching`), against a local HTTP server started
here: it reads its tables with the user's `--columns`, names the problems of what it
fetched by their addresses, and a stop ends the analysis of what it loads within a
moment, as a stop ends any load."""

from __future__ import annotations

import csv
import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from tui_reader.cli import main
from tui_reader.corpus.loading import bundled_seeds
from tui_reader.fetch.loading import Fetching
from tui_reader.fetch.session import Web

from .webserver import Server, server

pytestmark = pytest.mark.timeout(30)
__all__ = ["server"]  # the fixture: pytest finds it here by its name

FILES = 400
"""Article files to analyse after the fetch: seconds of work in this process."""


def test_columns_reach_the_tables_of_a_load_that_fetches(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dump --columns title=heading,text=story TABLE URL` lists the table's rows by their
    headings beside the feed's items, with no problem that the table has no text column."""
    path = tmp_path / "stories.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["heading", "story"])
        writer.writerow(["Union wins", "Workers in Albany voted on Friday, said Jane Doe."])
    spec = "title=heading,text=story"
    assert main(["dump", "--columns", spec, str(path), server.url + "/feed.xml"]) == 0
    captured = capsys.readouterr()
    assert "Union wins" in captured.out
    assert "Ferry returns & docks" in captured.out  # the feed's, fetched
    assert captured.err == ""


def test_a_problem_of_a_body_fetched_names_its_address(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page fetched with no article in it is a problem named by its address (the `path`
    and the `url` of `dump --json`'s problem, and stderr's line), not by its file in the
    fetched folder; the feed beside it is read."""
    page = server.url + "/page.html"
    assert main(["dump", "--json", server.url + "/feed.xml", page]) == 0
    captured = capsys.readouterr()
    (problem,) = json.loads(captured.out)["problems"]
    assert problem["path"] == problem["url"] == page
    assert problem["message"].startswith("no article in this page")
    assert captured.err.startswith(f"tui-reader: {page}: no article in this page")


def test_a_stop_ends_the_analysis_after_the_fetch_at_once(server: Server, tmp_path: Path) -> None:
    """Stopped once the files loaded after the fetch are being analysed (seconds of work
    in this process), the load's iteration ends within half a second, with far fewer
    articles than files."""
    seed = next(bundled_seeds().glob("*.txt"))
    files = tmp_path / "files"
    files.mkdir()
    for number in range(FILES):
        shutil.copy(seed, files / f"{number:03}.txt")
    fetching = Fetching(Web(addresses=[server.url + "/feed.xml"]), [files])
    analysing = threading.Event()
    articles = 0

    def load() -> None:
        nonlocal articles
        for progress in fetching:
            articles = progress.articles
            if articles:
                analysing.set()

    loader = threading.Thread(target=load, daemon=True)
    loader.start()
    assert analysing.wait(20), "the files were never analysed"
    told = time.monotonic()
    fetching.stop()
    loader.join(5)
    took = time.monotonic() - told
    assert not loader.is_alive(), "the load went on after the stop"
    assert took < 0.5, f"the analysis went on {took:.2f} s after the stop"
    assert articles < FILES // 2
