"""Two readers on one state: neither loses the other's marks, bookmarks or place."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tui_reader.corpus.loading import bundled_seeds
from tui_reader.store.state import State, corpus_key

from .conftest import SEED_IDS
from .test_terminal import Pty, focused, heading

SEEDS = corpus_key([bundled_seeds()])
FIRST, SECOND, THIRD = SEED_IDS["002"], SEED_IDS["003"], SEED_IDS["001"]
"""The bundled articles in the order the list shows them (newest first)."""


def test_each_reader_saves_only_its_own_changes_onto_the_others(tmp_path: Path) -> None:
    """Both open the same state. One removes a bookmark and a read mark and moves on; the
    other, later, adds a bookmark and a read mark and moves elsewhere. Whichever saves last,
    the file has every change: removals too, and the place of the later move."""
    path = tmp_path / "state.json"
    start = State()
    start.marks_for(SEEDS).read.update({FIRST, SECOND})
    start.marks_for(SEEDS).bookmarks.add(FIRST)
    start.save(path)
    one, two = State.load(path)[0], State.load(path)[0]
    for state in (one, two):
        state.move(SEEDS, FIRST)  # as each opens
    one.marks_for(SEEDS).bookmarks.discard(FIRST)
    one.marks_for(SEEDS).read.discard(SECOND)
    one.move(SEEDS, SECOND)
    two.marks_for(SEEDS).bookmarks.add(THIRD)
    two.marks_for(SEEDS).read.add(THIRD)
    two.move(SEEDS, THIRD)
    one.save(path)
    two.save(path)
    one.save(path)  # again, having changed nothing since: it takes back nothing
    saved = State.load(path)[0]
    assert saved.marks[SEEDS].read == {FIRST, THIRD}
    assert saved.marks[SEEDS].bookmarks == {THIRD}
    assert saved.positions[SEEDS] == THIRD
    assert one.marks[SEEDS] == saved.marks[SEEDS]  # and the first now shows the second's


SAVER = r"""
import sys
from pathlib import Path
from tui_reader.store.state import State
path, me, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
state = State.load(path)[0]
marks = state.marks_for("corpus")
print("ready", flush=True)
sys.stdin.readline()
for number in range(count):  # one mark of its own removed and one added, a save each
    marks.read.discard(f"{me}-old-{number}")
    marks.read.add(f"{me}-new-{number}")
    state.save(path)
"""


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    """Two processes each remove one of its own read marks and add one, and save, again and
    again at the same time: in the end every old mark is gone and every new one is there.
    Without the lock, a save between another's read and write was lost."""
    path = tmp_path / "state.json"
    count = 40
    start = State()
    start.marks_for("corpus").read.update(f"{me}-old-{n}" for me in "ab" for n in range(count))
    start.save(path)
    savers = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), me, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for me in "ab"
    ]
    for saver in savers:
        assert saver.stdout is not None
        assert saver.stdout.readline() == "ready\n"
    for saver in savers:  # both start together
        assert saver.stdin is not None
        saver.stdin.write("go\n")
        saver.stdin.flush()
    for saver in savers:
        assert saver.wait(60) == 0
    read = State.load(path)[0].marks["corpus"].read
    assert read == {f"{me}-new-{n}" for me in "ab" for n in range(count)}


ROW = re.compile(r"^│ (.)(.) .* · (\S+)\.txt")


def flags(shown: Pty) -> dict[str, str]:
    """Each article's flags in the list, by id: a star if bookmarked, a dot if unread."""
    rows = (ROW.match(line[:48]) for line in shown.text().splitlines())
    return {row[3]: row[1] + row[2] for row in rows if row}


def flagged(article: str, marks: str) -> Callable[[Pty], bool]:
    return lambda shown: flags(shown).get(article) == marks


def seeds_reader(home: Path) -> Pty:
    env = dict(os.environ, TERM="xterm-256color", TUI_READER_HOME=str(home))
    reader = Pty([sys.executable, "-m", "tui_reader"], env, (120, 40))
    reader.until(focused("Articles"))
    return reader


def test_two_readers_in_two_terminals_keep_each_others_work(tmp_path: Path) -> None:
    """As a user would: two readers open on the same state. The first removes the first
    article's bookmark and moves to the second; the other then marks the second unread,
    moves to the third and bookmarks it, and quits first. The first quits last, and its
    save keeps the other's work, and the other's later move. Opened again, the reader shows
    all of it."""
    start = State()
    start.marks_for(SEEDS).read.update({FIRST, SECOND})
    start.marks_for(SEEDS).bookmarks.add(FIRST)
    start.save(tmp_path / "state.json")
    one, other = seeds_reader(tmp_path), seeds_reader(tmp_path)
    for reader in (one, other):
        reader.until(flagged(FIRST, "★ "))
    one.press(b"b", flagged(FIRST, "  "))
    one.press(b"j", heading("2 / 4"))
    other.press(b"j", heading("2 / 4"))
    other.press(b"u", flagged(SECOND, " •"))
    other.press(b"j", heading("3 / 4"))
    other.press(b"b", lambda shown: flags(shown)[THIRD].startswith("★"))
    assert other.close() == 0
    assert one.close() == 0
    saved = json.loads((tmp_path / "state.json").read_text())
    assert saved["bookmarks"][SEEDS] == [THIRD]
    assert FIRST in saved["read"][SEEDS]
    assert SECOND not in saved["read"][SEEDS]
    assert saved["positions"][SEEDS] == THIRD
    again = seeds_reader(tmp_path)
    again.until(heading("3 / 4"))
    shown = flags(again)
    assert (shown[FIRST], shown[SECOND], shown[THIRD][0]) == ("  ", " •", "★")
    assert again.close() == 0
