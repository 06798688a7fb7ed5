"""SIGTERM and SIGHUP, as a closed SSH link, `tmux kill-pane` or a shutdown send them: the
reader saves, puts the terminal back as it found it, and exits with status 128+signal.

Textual installs no handler for either, and by default each kills the reader at once, in
the alternate screen with mouse reporting on and the cursor hidden. The handlers are put in
place before anything else starts (workers start before the app mounts).

A handler runs in the main thread between two steps of whatever it was doing, the app's
event loop among them, so there it only asks the loop to close the app as `q` does
(`ReaderApp.leave`): it saves in the loop, where no save is ever half done, and Textual then
leaves the alternate screen, turns mouse reporting off and shows the cursor. Once the
terminal is gone (a hang-up: writing to it gives EIO, and so would a traceback), the standard
streams are pointed at /dev/null first, so that nothing writes to it or waits on it, and the
reader exits as soon as it has saved. A browser running in the terminal is sent the same
signal, as the app waits for it. If the app has not closed after `GRACE` seconds, or a second
signal comes, the process ends at once: every change older than half a second is on disk
already (`keeping.py`).
"""

from __future__ import annotations

import asyncio
import errno
import io
import os
import signal
import threading
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO, cast

from textual.drivers.linux_driver import LinuxDriver

from . import browser

if TYPE_CHECKING:
    from .app import ReaderApp

SIGNALS = (signal.SIGTERM, signal.SIGHUP)
GRACE = 3.0
"""Seconds the app has to close after a signal."""


class Leaving:
    """The reader's handlers of SIGTERM and SIGHUP, from `install` on; `app` is the app to
    close, once there is one."""

    def __init__(self) -> None:
        self.app: ReaderApp | None = None
        self._terminals = [fd for fd in (0, 1, 2) if os.isatty(fd)]
        """The standard streams that are the terminal."""
        self.status: int | None = None
        """128+signal, once a signal came."""
        self._gone = False

    def install(self) -> None:
        for number in SIGNALS:
            signal.signal(number, self._received)

    def _received(self, number: int, frame: FrameType | None) -> None:
        if self.status is not None:  # a second signal: now
            os._exit(self.status)
        self.status = status = 128 + number
        self._hung_up()
        browser.stop_waiting(number)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # before the app runs, or after: none of its work is unsaved
            loop = None
        if self.app is None or loop is None:
            raise SystemExit(status)
        ending = threading.Timer(GRACE, os._exit, (status,))
        ending.daemon = True
        ending.start()
        loop.call_soon_threadsafe(self._leave, self.app, status)

    def _leave(self, app: ReaderApp, status: int) -> None:
        if self._hung_up():  # no terminal to put back
            app.keeping.close()
            os._exit(status)
        app.leave(status)

    def _hung_up(self) -> bool:
        """Whether the terminal is gone; once it is, the streams that were it are pointed at
        /dev/null."""
        gone = [fd for fd in self._terminals if not os.isatty(fd)]
        if gone and not self._gone:
            self._gone = True
            nowhere = os.open(os.devnull, os.O_RDWR)
            for fd in self._terminals:
                os.dup2(nowhere, fd)
            os.close(nowhere)
        return self._gone


class HangUpDriver(LinuxDriver):
    """Textual's terminal driver, its output written through `Hangable`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self._file is not None:
            # The driver and its thread only write to it, flush it and ask its fileno.
            self._file = cast("io.TextIOWrapper", Hangable(self._file))


class Hangable:
    """The terminal as the output thread writes to it. A terminal that hangs up fails the
    writes made before the SIGHUP that follows has pointed the streams at /dev/null: a
    failed write ended the thread with a traceback, and the screenfuls after it waited on
    it for good. Once hung up, what is written goes nowhere."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            if error.errno != errno.EIO:
                raise
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            if error.errno != errno.EIO:
                raise

    def fileno(self) -> int:
        return self._stream.fileno()
