"""How soon a change of the reading state is on disk, and what one save costs.

    python bench/state_saves.py [--tree SRC ...] [--runs N]

For each source tree (default: this one), the real reader on the bundled corpus in a
pseudo-terminal: `b` is typed, and the time until the state file holds the bookmark is
measured (the median of `--runs` readers). Then the time of one `State.save` (this tree's)
with 100 to 100,000 read marks, the median of 20, in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tui_reader.store.state import State


def on_disk_after(tree: Path) -> float:
    """Seconds from typing `b` to the bookmark in the state file, for the reader of `tree`."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TERM="xterm-256color", TUI_READER_HOME=home)
        env["PYTHONPATH"] = str(tree)
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(sys.executable, [sys.executable, "-m", "tui_reader"], env)
        state = Path(home) / "state.json"
        seen = b""
        while b"1 / 4" not in seen:  # the first screen is drawn
            if select.select([fd], [], [], 30)[0]:
                seen += os.read(fd, 1 << 16)
        time.sleep(1)  # the first article's own save, if any, is done
        os.write(fd, b"b")
        typed = time.monotonic()
        while not (state.exists() and json.loads(state.read_text()).get("bookmarks")):
            if select.select([fd], [], [], 0.005)[0]:
                os.read(fd, 1 << 16)
        took = time.monotonic() - typed
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
        return took


def save_time(marks: int) -> float:
    """Seconds one save takes with this many read marks (a fiftieth of them bookmarked)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "state.json"
        state = State()
        ids = [f"article_{n:06d}_0123456789abcdef" for n in range(marks)]
        state.marks_for("corpus").read.update(ids)
        state.marks_for("corpus").bookmarks.update(ids[::50])
        state.save(path)
        times = []
        for number in range(20):
            state.move("corpus", f"moved-{number}")
            start = time.perf_counter()
            state.save(path)
            times.append(time.perf_counter() - start)
        return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent.parent / "src"
    parser.add_argument("--tree", action="append", type=Path, help="a source tree's src folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for tree in args.tree or [here]:
        found = subprocess.run(
            [sys.executable, "-c", "import tui_reader; print(tui_reader.__file__)"],
            env=dict(os.environ, PYTHONPATH=str(tree)),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        times = sorted(on_disk_after(tree) for _ in range(args.runs))
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(f"{found}: bookmark on disk after {statistics.median(times):.2f} s ({shown})")
    for marks in (100, 1_000, 10_000, 100_000):
        print(f"one save with {marks:,} read marks: {save_time(marks) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
