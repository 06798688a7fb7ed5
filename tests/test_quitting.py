"""The real reader in a pseudo-terminal, given one large JSON Lines file: `q` typed while the
load is under way (the file's parts analysed by worker processes, the first of them being
assembled into a corpus) ends the reader within seconds, with its state saved and the
terminal put back, and no warning or traceback written on it."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pytest

from .test_processes import MARK, all_gone, marked
from .test_signals import ended
from .test_terminal import Pty

RECORDS = 4000
"""Enough that the load goes on for many seconds after the first articles show."""
PROMPTLY = 5.0
"""Seconds the reader has to exit after `q`: generous, on a loaded machine. Waiting for the
load would take longer."""
NAMES = ["Jane Doe", "Chris Smalls", "Maria Lopez", "Wei Chen", "Amit Shah", "Olga Ivanova"]
UNIONS = ["Amazon Labor Union", "Teamsters", "United Auto Workers", "Starbucks Workers United"]
PLACES = ["Albany", "Staten Island", "Detroit", "Seattle", "Buffalo", "Memphis"]


def big_file(folder: Path) -> Path:
    """`RECORDS` short synthetic articles in one JSON Lines file, each naming people,
    unions and places in its own mix, so that the corpus has entities to resolve."""
    path = folder / "many.jsonl"
    lines = []
    for n in range(RECORDS):
        who, union, place = NAMES[n % 6], UNIONS[n % 4], PLACES[n % 5]
        body = (
            f"Workers in {place} voted on Friday, March {1 + n % 28}, 2022, said {who} of the "
            f"{union}. Vote {n} was the {n % 7 + 1}th in {place} since {2000 + n % 23}."
        )
        lines.append(f'{{"title": "Vote {n} in {place}", "text": "{body} {body}"}}\n')
    path.write_text("".join(lines))
    return path


def listed(reader: Pty) -> bool:
    """Whether the article list shows articles: its border counts them."""
    return re.search(r"1 / [\d,]+", reader.text()) is not None


@pytest.mark.timeout(60)
def test_q_during_a_load_exits_promptly_and_saves(tmp_path: Path) -> None:
    """`q` as soon as the first articles of a 4,000-record file are listed, cold: the
    reader exits with status 0 within a few seconds, the state file is written after the
    `q`, the terminal leaves the alternate screen and shows the cursor again, with no
    traceback or warning, and no worker process is left behind."""
    path = big_file(tmp_path)
    home = tmp_path / "home"
    mark = f"quitting-{os.getpid()}"
    env = dict(os.environ, TERM="xterm-256color", TUI_READER_HOME=str(home), **{MARK: mark})
    reader = Pty([sys.executable, "-m", "tui_reader", str(path)], env, (120, 40))
    reader.until(listed)
    asked = time.monotonic()
    asked_wall = time.time()
    os.write(reader.fd, b"q")
    status = ended(reader, timeout=30)
    took = time.monotonic() - asked
    assert status == 0
    assert took < PROMPTLY, f"{took:.1f} s from q to the exit"
    state = home / "state.json"
    assert state.stat().st_mtime >= asked_wall - 1, "the state was not saved at the q"
    sent = bytes(reader.sent)
    last = sent.rindex(b"\x1b[?1049l")  # the alternate screen left
    assert last > sent.rindex(b"\x1b[?1049h")
    assert sent.rindex(b"\x1b[?25h") > max(last, sent.rindex(b"\x1b[?25l"))  # the cursor shown
    assert b"Traceback" not in sent
    assert b"leaked" not in sent  # the resource tracker's warning of semaphores left behind
    all_gone(lambda: marked(mark), 5)
