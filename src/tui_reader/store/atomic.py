"""Files written whole or not at all, and set aside, never deleted, when they are damaged.

Every file the reader writes goes through `write_atomically`: a temporary file in the same
folder, flushed, synced, and renamed over the old one, so a crash or a kill leaves the old
version or the new one, never a mix. A user file that cannot be read is moved aside to
`NAME.corrupt-TIMESTAMP` by `damaged`, and the reader goes on with defaults. A file that two
readers read, change and write back is changed under its lock (`locked`), one at a time.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Replace the file's content with `text`, all at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise
    with contextlib.suppress(OSError):  # the rename itself, on file systems that need it
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the file's lock, waiting for another process that holds it. The lock is taken on
    a file of its own beside it, `NAME.lock`, which stays: the file itself is replaced at
    every write, and a lock on it would be left on the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path.with_name(f"{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # which lets the lock go


def set_aside(path: Path) -> Path:
    """Move a damaged file out of the way, keeping it: `NAME.corrupt-TIMESTAMP`."""
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}-{number}")
    os.replace(path, aside)
    return aside


def damaged(path: Path, why: str) -> str:
    """Set a user file that could not be read aside; what to tell the user."""
    try:
        aside = set_aside(path)
    except OSError as error:
        return f"{path} could not be read ({why}) nor moved aside ({error})"
    return f"{path} could not be read ({why}); it was kept as {aside.name}"
