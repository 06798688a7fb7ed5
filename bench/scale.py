"""The reader at scale, against a bare Textual app measured in the same run.

    python bench/scale.py [COUNT ...] [--keys N] [--reader-only]      (default: 10000)

First, the bundled corpus's time to the first screen. Then, for each COUNT, it writes a
synthetic corpus (`bench/synthetic.py`, cached under the system's temporary folder), then
measures:
- cold and warm load rates: `tui-reader dump` with an empty analysis cache, then a full one;
- the reader in a pseudo-terminal at 120x40 (TERM=xterm-256color, no COLORTERM), warm cache:
  time to the first screen (an article's text and its entities drawn; the median of five
  runs, each followed by one of the bare app, as single runs vary), time until loading is
  done, then a down-arrow in the article list N times: the time from the key's bytes being
  written to the article shown changing (median and p95), and the bytes each key sends;
- peak RSS of the reader's process, and the sum over its process tree;
and the same for a bare app (a Header, a 30-row ListView and a Footer), whose key moves the
highlight. Times are given as ratios to the bare app's. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import queue
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyte

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import analysis_build, synthetic
from tui_reader.corpus.loading import bundled_seeds

WIDTH, HEIGHT = 120, 40
QUIET = 0.15
"""Seconds without output after which a key's answer is taken as complete."""
TIMEOUT = 600.0
RUNS = 5
"""Runs of each app whose median time to the first screen is given."""
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, ListItem, ListView, Label

class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Header()
        yield ListView(*(ListItem(Label(f"Row {n}")) for n in range(30)))
        yield Footer()

Bare().run()
"""


@dataclass
class Terminal:
    """A program in a pseudo-terminal, its screen as pyte sees it, and the bytes it sent.

    A thread reads the terminal and stamps each read with its arrival time, because parsing
    into the emulator is slow (milliseconds per kilobyte) and must not count as the app's.
    """

    pid: int
    fd: int
    screen: pyte.Screen
    stream: pyte.ByteStream
    chunks: queue.Queue[tuple[float, bytes]]
    pump: threading.Thread
    received: int = 0
    arrived: float = 0.0
    """When the last bytes fed to the screen arrived."""

    @classmethod
    def spawn(cls, argv: list[str], env: dict[str, str]) -> Terminal:
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(argv[0], argv, env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
        screen = pyte.Screen(WIDTH, HEIGHT)
        chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
        pump = threading.Thread(target=_pump, args=(fd, chunks), daemon=True)
        pump.start()
        return cls(pid, fd, screen, pyte.ByteStream(screen), chunks, pump)

    def read(self, timeout: float) -> bool:
        """Feed what arrives within `timeout` seconds to the screen; False if nothing did."""
        try:
            arrived, data = self.chunks.get(timeout=timeout)
        except queue.Empty:
            return False
        self.arrived = arrived
        self.received += len(data)
        self.stream.feed(data)
        return True

    def wait_for(self, done: Callable[[], bool], started: float | None = None) -> float:
        """Read until `done()` holds; the time from `started` (or now) to the arrival of the
        bytes that made it hold."""
        started = time.perf_counter() if started is None else started
        self.arrived = started
        while not done():
            if time.perf_counter() - started > TIMEOUT:
                raise SystemExit("timed out waiting for the screen")
            self.read(0.01)
        return self.arrived - started

    def settle(self) -> None:
        while self.read(QUIET):
            pass

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def key(self, data: bytes, changed: Callable[[str], bool]) -> tuple[float, int]:
        """Send a key; the time until the screen is redrawn and `changed(text before)`
        holds, and the bytes the key caused."""
        self.settle()
        before, self.received = self.text(), 0
        self.screen.dirty.clear()
        os.write(self.fd, data)
        latency = self.wait_for(lambda: bool(self.screen.dirty) and changed(before))
        self.settle()
        return latency, self.received

    def hold(self, data: bytes, presses: int = 30, rate: float = 30.0) -> tuple[float, int]:
        """Send a key as a held-down key repeats; the seconds from the last press until the
        screen is still, and the bytes sent."""
        self.settle()
        self.received = 0
        for _ in range(presses):
            os.write(self.fd, data)
            time.sleep(1 / rate)
        last = time.perf_counter() - 1 / rate
        self.settle()
        return max(0.0, self.arrived - last), self.received

    def peak_rss(self) -> tuple[int, int]:
        """Peak resident memory in MB of the process, and summed over its process tree."""
        tree = _descendants(self.pid)
        peaks = {pid: _peak_kb(pid) for pid in [self.pid, *tree]}
        return peaks[self.pid] // 1024, sum(peaks.values()) // 1024

    def close(self) -> None:
        """End the program and the processes it started (they hold the terminal open too)."""
        for pid in [*_descendants(self.pid), self.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 9)
        os.waitpid(self.pid, 0)
        # The pump ends when the terminal does; only then may the descriptor's number be
        # reused, or it would read the next program's output.
        self.pump.join(5)
        if not self.pump.is_alive():
            os.close(self.fd)


def _pump(fd: int, chunks: queue.Queue[tuple[float, bytes]]) -> None:
    while True:
        try:
            data = os.read(fd, 1 << 16)
        except OSError:
            return
        if not data:
            return
        chunks.put((time.perf_counter(), data))


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        found += children
        frontier += children
    return found


def _environment(cache: Path) -> dict[str, str]:
    dropped = ("COLORTERM", "NO_COLOR", "TUI_READER_HOME")  # it would override the XDG folders
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    # The reading state too: a reader reopened at the last article would not move down.
    return {
        **env,
        "TERM": "xterm-256color",
        "XDG_CACHE_HOME": str(cache),
        "XDG_STATE_HOME": str(cache),
    }


def _reader_pane(text: str) -> str:
    """The reading view's part of the screen (columns 38 to 86 of each row)."""
    return "\n".join(line[38:86] for line in text.splitlines()[2:26])


def _entities_drawn(text: str) -> bool:
    lines = text.splitlines()
    return len(lines) > 3 and lines[2][88:].strip("│ ") != "" and lines[2][38:86].strip("│ ") != ""


@dataclass
class Figures:
    first_screen: float
    loaded: float
    latencies: list[float]
    sent: list[int]
    rss: tuple[int, int]
    held: tuple[float, int] = (0.0, 0)
    """A key held down (30 presses at 30 a second): seconds from the last press until the
    screen is still, and the bytes sent."""
    indexed: float = 0.0
    """Seconds from the corpus loaded until a search no longer says it is indexing."""
    searches: list[float] | None = None
    """For each character of a search typed one at a time, the seconds until the list
    shows its results."""
    later: list[float] | None = None
    """Down-arrow latencies once the search index is built (as at every later start); the
    first ones are measured while it is being built in the background."""


SEARCHED = "warehouse"
"""The word typed, one character at a time, to time the search."""


def _status_says(term: Terminal, text: str) -> Callable[[], bool]:
    return lambda: text in term.screen.display[0] and "indexing" not in term.screen.display[0]


def measure_search(term: Terminal, started: float) -> tuple[float, list[float]]:
    """Search once and wait until the index is complete (the seconds from `started`); then
    type `SEARCHED` a character at a time, each time waiting for the status line to give
    the search's results."""
    os.write(term.fd, b"/union")
    indexed = term.wait_for(_status_says(term, "search: union  (Esc"), started)
    os.write(term.fd, b"\x1b")  # Esc: the search is cancelled
    term.settle()
    os.write(term.fd, b"/")
    term.settle()
    answers = []
    for end in range(1, len(SEARCHED) + 1):
        term.settle()
        os.write(term.fd, SEARCHED[end - 1].encode())
        answers.append(term.wait_for(_status_says(term, f"search: {SEARCHED[:end]}  (Esc")))
    return indexed, answers


def measure_reader(folder: Path, count: int, cache: Path, keys: int) -> Figures:
    argv = [sys.executable, "-m", "tui_reader", str(folder)]
    started = time.perf_counter()
    # A reading state of its own: reopened where the last run's held key left it (at the
    # bundled corpus's last article) the reader would not move down.
    state = tempfile.mkdtemp()
    term = Terminal.spawn(argv, {**_environment(cache), "XDG_STATE_HOME": state})
    try:
        first = term.wait_for(lambda: _entities_drawn(term.text()), started)
        total = f" tui-reader  {count:,} articles"
        loaded = term.wait_for(lambda: term.screen.display[0].startswith(total), started)
        answers = [
            term.key(b"j", lambda before: _reader_pane(term.text()) != _reader_pane(before))
            for _ in range(keys)
        ]
        held = term.hold(b"j")
        indexed, searches = measure_search(term, started)
        os.write(term.fd, b"\x1b")  # Esc in the box: the search is cancelled
        term.settle()  # (two Escs at once would be read as one Alt+Esc)
        later = [  # none for the bundled corpus, whose four articles the held key ran past
            term.key(b"j", lambda before: _reader_pane(term.text()) != _reader_pane(before))[0]
            for _ in range(keys if count > keys + 60 else 0)
        ]
        rss = term.peak_rss()
    finally:
        term.close()
        shutil.rmtree(state, ignore_errors=True)
    latencies, sent = [a[0] for a in answers], [a[1] for a in answers]
    return Figures(first, loaded, latencies, sent, rss, held, indexed - loaded, searches, later)


def measure_bare(keys: int) -> Figures:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(BARE_APP)
    started = time.perf_counter()
    term = Terminal.spawn([sys.executable, script.name], _environment(Path(tempfile.gettempdir())))
    try:
        first = term.wait_for(lambda: "Row 29" in term.text() and "Quit" in term.text(), started)
        # Down to the last of the 30 rows, then back up: a key that moves nothing draws nothing.
        arrows = [b"\x1b[B" if i // 29 % 2 == 0 else b"\x1b[A" for i in range(keys)]
        answers = [term.key(arrow, lambda before: True) for arrow in arrows]
        rss = term.peak_rss()
    finally:
        term.close()
        os.unlink(script.name)
    return Figures(first, first, [a[0] for a in answers], [a[1] for a in answers], rss)


def load_rate(folder: Path, count: int, cache: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui_reader", "dump", str(folder)],
        env=_environment(cache), stdout=subprocess.DEVNULL, check=True,
    )  # fmt: skip
    return count / (time.perf_counter() - started)


def corpus(count: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "tui-reader-bench" / f"synthetic-{count}"
    if not (folder / "done").exists():
        synthetic.write(count, folder)
        (folder / "done").touch()
    return folder


def _say(stage: str) -> None:
    print(f"[{stage}]", file=sys.stderr, flush=True)


def _row(name: str, app: float, bare: float, unit: str = "s") -> str:
    return f"| {name} | {app:.3f} {unit} | {bare:.3f} {unit} | {app / bare:.2f} |"


def report(count: int, keys: int, rates: bool = True) -> None:
    folder = corpus(count)
    with tempfile.TemporaryDirectory() as cache:
        cold = warm = 0.0
        if rates:
            _say(f"{count:,}: cold load")
            cold = load_rate(folder, count, Path(cache))
            _say(f"{count:,}: warm load")
            warm = load_rate(folder, count, Path(cache))
        else:  # the reader still opens with a warm cache
            _say(f"{count:,}: filling the cache")
            load_rate(folder, count, Path(cache))
        _say(f"{count:,}: the reader")
        reader = measure_reader(folder, count, Path(cache), keys)
        first, bare_first = first_screens(folder, Path(cache), RUNS, f"{count:,}")
    _say("the bare app")
    bare = measure_bare(keys)

    def p95(values: list[float]) -> float:
        return sorted(values)[int(0.95 * (len(values) - 1))]

    print(f"\n{count:,} articles ({keys} down-arrows)\n")
    print("| What | tui-reader | bare app | ratio |\n| --- | --- | --- | --- |")
    print(_row(f"time to first screen (median of {RUNS} alternating runs)", first, bare_first))
    print(f"| time until loaded | {reader.loaded:.3f} s | | |")
    med, bare_med = statistics.median(reader.latencies), statistics.median(bare.latencies)
    print(_row("down-arrow while the index is built, median", med * 1000, bare_med * 1000, "ms"))
    print(
        _row(
            "down-arrow while indexing, p95",
            p95(reader.latencies) * 1000,
            p95(bare.latencies) * 1000,
            "ms",
        )
    )
    print(
        f"| bytes per down-arrow, mean / max | {statistics.mean(reader.sent):,.0f} / "
        f"{max(reader.sent):,} | {statistics.mean(bare.sent):,.0f} / {max(bare.sent):,} | |"
    )
    print(
        f"| a held-down key (30 at 30/s): still after the last, bytes | {reader.held[0]:.3f} s, "
        f"{reader.held[1]:,} | | |"
    )
    if reader.later:
        later_med = statistics.median(reader.later) * 1000
        print(_row("down-arrow once the index is built, median", later_med, bare_med * 1000, "ms"))
    if reader.searches:
        searches = reader.searches
        print(f"| search index ready after loading | {reader.indexed:.1f} s | | |")
        print(
            f"| search, each key of {SEARCHED!r}: median / max | "
            f"{statistics.median(searches) * 1000:.0f} / {max(searches) * 1000:.0f} ms | | |"
        )
    print(f"| peak RSS, process / tree | {reader.rss[0]} / {reader.rss[1]} MB | "
          f"{bare.rss[0]} / {bare.rss[1]} MB | |")  # fmt: skip
    if rates:
        print(f"| load rate with `dump`, cold / warm | {cold:,.0f} / {warm:,.0f} articles/s | | |")


def reader_first_screen(folder: Path, cache: Path) -> float:
    """Seconds until the reader shows its first screen (an article's text and its entities),
    after which it is ended."""
    state = tempfile.mkdtemp()
    started = time.perf_counter()
    argv = [sys.executable, "-m", "tui_reader", str(folder)]
    term = Terminal.spawn(argv, {**_environment(cache), "XDG_STATE_HOME": state})
    try:
        return term.wait_for(lambda: _entities_drawn(term.text()), started)
    finally:
        term.close()
        shutil.rmtree(state, ignore_errors=True)


def first_screens(folder: Path, cache: Path, runs: int, label: str) -> tuple[float, float]:
    """The reader's and the bare app's times to the first screen, each the median of `runs`
    runs, taken in turn: single runs here vary by a third with the machine's neighbours."""
    reader, bare = [], []
    for _ in range(runs):
        _say(f"{label}: first screens, the reader's and the bare app's")
        reader.append(reader_first_screen(folder, cache))
        bare.append(measure_bare(1).first_screen)
    return statistics.median(reader), statistics.median(bare)


def report_bundled(runs: int = RUNS) -> None:
    """The bundled corpus's first screen against the bare app's; the first run fills the
    analysis cache, as a user's first start does."""
    with tempfile.TemporaryDirectory() as cache:
        reader, bare = first_screens(bundled_seeds(), Path(cache), runs, "bundled corpus")
    print(f"\nBundled corpus, first screen (median of {runs} alternating runs)\n")
    print("| What | tui-reader | bare app | ratio |\n| --- | --- | --- | --- |")
    print(_row("time to first screen", reader, bare))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=int, nargs="*", default=[10000])
    parser.add_argument("--keys", type=int, default=30)
    parser.add_argument(
        "--reader-only", action="store_true", help="skip the bundled corpus and the load rates"
    )
    args = parser.parse_args()
    print(analysis_build())
    if not args.reader_only:
        report_bundled()
    for count in args.counts:
        report(count, args.keys, rates=not args.reader_only)


if __name__ == "__main__":
    main()
