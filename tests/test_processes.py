"""The worker processes die with the reader: killed by any signal during a cold load, the
reader and `dump` leave no forkserver, resource tracker or worker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from .test_terminal import Pty

FILES = 400
MARK = "TUI_READER_TEST_MARK"
"""An environment variable given to the reader alone: every process it starts inherits it,
so they are found under /proc whoever adopted them."""


def many_files(folder: Path) -> Path:
    """A few hundred short articles, longer to analyse cold than the test waits."""
    folder.mkdir()
    body = " ".join(
        f"Workers in Albany voted on Friday, March {1 + n % 28}, said Jane Doe of the Amazon "
        f"Labor Union, and {n} of them met Chris Smalls in Staten Island."
        for n in range(12)
    )
    for number in range(FILES):
        (folder / f"a{number:04d}.txt").write_text(f"Vote {number}\n\n{body}\n")
    return folder


def marked(mark: str) -> list[int]:
    """The processes whose environment holds the mark, whatever their parent now."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # gone meanwhile, or not ours
            continue
        if state != "Z" and f"{MARK}={mark}".encode() in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def wait_for(done: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(what)
        time.sleep(0.02)


def all_gone(left: Callable[[], list[int]], timeout: float) -> None:
    """Wait until no process is left, and else say which are, and what they run."""
    deadline = time.monotonic() + timeout
    while found := left():
        if time.monotonic() > deadline:
            running = {pid: command(pid) for pid in found}
            raise AssertionError(f"processes left after {timeout} s: {running}")
        time.sleep(0.02)


def command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:100].decode()
    except OSError:
        return "(gone)"


def workers_running(mark: str, leader: int) -> Callable[[], bool]:
    """Whether the leader's worker processes have started: processes forked by a process
    it started (the forkserver)."""

    def running() -> bool:
        found = marked(mark)
        started = {pid for pid in found if parent(pid) == leader}
        return any(parent(pid) in started for pid in found)

    return running


def environment(tmp_path: Path, mark: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update({MARK: mark, "TERM": "xterm-256color", "XDG_CACHE_HOME": str(tmp_path / "c")})
    return env


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="walks /proc")
@pytest.mark.timeout(30)
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_dump_killed_during_a_cold_load_leaves_no_process(tmp_path: Path, signum: int) -> None:
    """`dump` is killed once its workers are analysing: within 2 s, no process it started
    is left, the forkserver, the resource tracker and the workers included. Interrupted
    (Ctrl+C), it exits within a second, with status 130."""
    folder = many_files(tmp_path / "corpus")
    mark = uuid.uuid4().hex
    dump = subprocess.Popen(
        [sys.executable, "-m", "tui_reader", "dump", str(folder)],
        env=environment(tmp_path, mark),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(workers_running(mark, dump.pid), 20, "the workers never started")
        dump.send_signal(signum)
        status = dump.wait(1 if signum == signal.SIGINT else 5)
        assert status == (130 if signum == signal.SIGINT else -signum)
        all_gone(lambda: marked(mark), 2)
    finally:
        for pid in marked(mark):
            os.kill(pid, signal.SIGKILL)
        dump.kill()
        dump.wait()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="walks /proc")
@pytest.mark.timeout(30)
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_the_reader_killed_during_a_cold_load_leaves_no_process(
    tmp_path: Path, signum: int
) -> None:
    """The reader, started from a shell in a terminal, is killed while its workers analyse;
    the shell and the terminal stay, as when the reader is killed from elsewhere (and no
    hangup reaches the workers). Within 2 s, no process the reader started is left."""
    folder = many_files(tmp_path / "corpus")
    mark = uuid.uuid4().hex
    command = f"{sys.executable} -m tui_reader {folder}; exec sleep 60"
    shell = Pty(["sh", "-c", command], environment(tmp_path, mark), (80, 24))
    try:
        deadline = time.monotonic() + 20
        while not (reader := [p for p in marked(mark) if parent(p) == shell.pid]):
            assert time.monotonic() < deadline, "the reader never started"
            shell.read(0.02)
        running = workers_running(mark, reader[0])
        while not running():
            assert time.monotonic() < deadline, "the workers never started"
            shell.read(0.02)
        os.kill(reader[0], signum)
        wait_for(lambda: reader[0] not in marked(mark), 5, "the reader lives")
        all_gone(lambda: [pid for pid in marked(mark) if pid != shell.pid], 2)
    finally:
        for pid in marked(mark):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(shell.pid, 0)
        os.close(shell.fd)


def parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError):
        return None
