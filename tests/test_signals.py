"""The real reader in a pseudo-terminal, ended as a dropped link or a shutdown ends it: it
saves, puts the terminal back, and exits 128+signal; and every change is on disk within half
a second of being made, whatever ends it."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import pytest

from tui_reader.corpus.model import Corpus
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.signals import Hangable, HangUpDriver

from .test_terminal import Pty, heading, showing
from .test_two_readers import FIRST, SECOND, SEEDS, flagged, seeds_reader

HOOKED = r"""
import sys, threading, traceback
log = open(sys.argv[1], "w", buffering=1)
def logged(kind, value, trace):
    traceback.print_exception(kind, value, trace, file=log)
sys.excepthook = logged
threading.excepthook = lambda hooked: logged(*hooked[:3])
sys.unraisablehook = lambda hooked: logged(hooked.exc_type, hooked.exc_value, None)
from tui_reader.cli import main
sys.exit(main([]))
"""
"""The reader, with every exception that reaches Python's hooks written to a file: once the
terminal is gone, a traceback could be seen nowhere else."""


def ended(reader: Pty, timeout: float = 10) -> int:
    """Read what the reader sends until it exits; its exit status."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reader.read(0.05)
        pid, status = os.waitpid(reader.pid, os.WNOHANG)
        if pid:
            while reader.read(0.05):  # what is left in the pty
                pass
            os.close(reader.fd)
            return os.waitstatus_to_exitcode(status)
    os.kill(reader.pid, signal.SIGKILL)
    os.waitpid(reader.pid, 0)
    raise AssertionError("the reader did not exit")


def saved(home: Path) -> dict[str, object]:
    return dict(json.loads((home / "state.json").read_text()))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_saves_and_puts_the_terminal_back(tmp_path: Path, number: int) -> None:
    """A bookmark, and the signal at once: the reader exits 128+signal, the state file has
    the bookmark, and the last the terminal received leaves the alternate screen, turns mouse
    reporting off and shows the cursor again."""
    reader = seeds_reader(tmp_path)
    reader.press(b"b", flagged(FIRST, "★•"))
    os.kill(reader.pid, number)
    assert ended(reader) == 128 + number
    assert saved(tmp_path)["bookmarks"] == {SEEDS: [FIRST]}
    sent = bytes(reader.sent)
    last = sent.rindex(b"\x1b[?1049l")  # the alternate screen left
    assert last > sent.rindex(b"\x1b[?1049h")
    assert sent.rindex(b"\x1b[?25h") > max(last, sent.rindex(b"\x1b[?25l"))  # the cursor shown
    assert sent.rindex(b"\x1b[?1000l") > sent.rindex(b"\x1b[?1000h")  # no mouse reporting
    assert re.fullmatch(rb"(\x1b\[\?(\d+l|25h))*", sent[last:])  # then modes reset, no drawing


@pytest.mark.timeout(30)
def test_a_closed_terminal_saves_quietly_and_promptly(tmp_path: Path) -> None:
    """The terminal closes under the reader, as a dropped SSH link closes it: the reader,
    hung up, saves the bookmark made just before and exits 129 within a few seconds, and no
    exception reached Python's hooks (a traceback, with nowhere to go)."""
    log = tmp_path / "exceptions.log"
    env = dict(os.environ, TERM="xterm-256color", TUI_READER_HOME=str(tmp_path))
    reader = Pty([sys.executable, "-c", HOOKED, str(log)], env, (120, 40))
    reader.until(heading("1 / 4"))
    reader.press(b"b", flagged(FIRST, "★•"))
    os.close(reader.fd)
    deadline = time.monotonic() + 5
    while not (exited := os.waitpid(reader.pid, os.WNOHANG))[0]:
        if time.monotonic() > deadline:
            os.kill(reader.pid, signal.SIGKILL)
            raise AssertionError("the reader did not exit")
        time.sleep(0.02)
    assert os.waitstatus_to_exitcode(exited[1]) == 128 + signal.SIGHUP
    assert saved(tmp_path)["bookmarks"] == {SEEDS: [FIRST]}
    assert log.read_text() == ""


@pytest.mark.timeout(30)
def test_every_change_is_on_disk_within_half_a_second(tmp_path: Path) -> None:
    """Move to the second article and bookmark it; once it shows as read (shown for two
    seconds), scroll it to its end; half a second later kill the reader with SIGKILL, which
    leaves it no time to save: the file has the bookmark, the read mark, the position and
    the scroll all the same."""
    reader = seeds_reader(tmp_path)
    reader.press(b"j", heading("2 / 4"))
    reader.press(b"b", flagged(SECOND, "★•"))
    reader.until(flagged(SECOND, "★ "))  # read
    reader.press(b"2G", showing("100%"))
    time.sleep(0.5)
    os.kill(reader.pid, signal.SIGKILL)
    assert ended(reader) == -signal.SIGKILL
    state = saved(tmp_path)
    assert state["bookmarks"] == {SEEDS: [SECOND]}
    assert state["read"] == {SEEDS: [SECOND]}
    assert state["positions"] == {SEEDS: SECOND}
    assert state["views"][SEEDS]["top"] is not None  # type: ignore[index]


class _Failing(io.StringIO):
    def __init__(self, code: int) -> None:
        super().__init__()
        self.code = code

    def write(self, text: str) -> int:
        raise OSError(self.code, os.strerror(self.code))

    def flush(self) -> None:
        raise OSError(self.code, os.strerror(self.code))


def test_a_terminal_that_hangs_up_fails_no_write_of_the_output_thread(seeds: Corpus) -> None:
    """The reader draws through `HangUpDriver`: a write or a flush that meets a hung-up
    terminal (EIO) goes nowhere, in the moment before SIGHUP points the streams at
    /dev/null, while any other failure (a full disk's) is raised as before."""
    assert ReaderApp(seeds).get_driver_class() is HangUpDriver
    hung = Hangable(_Failing(errno.EIO))
    assert hung.write("screen") == len("screen")
    hung.flush()
    full = Hangable(_Failing(errno.ENOSPC))
    with pytest.raises(OSError, match="No space"):
        full.write("screen")
