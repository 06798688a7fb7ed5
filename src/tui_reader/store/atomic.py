"""Files written whole or not at all, and set aside, never deleted, when they are damaged.

Every file the reader writes goes through `write_atomically`, or `write_new` for one the
user names: a temporary file in the same folder, flushed, synced, and renamed over the old
one (or linked to a name not yet taken), so a crash or a kill leaves the old version or the
new one, never a mix. A user file that cannot be read is moved aside to
`NAME.corrupt-TIMESTAMP` by `damaged`, and the reader goes on with defaults. A file that two
readers read, change and write back is changed under its lock (`locked`), one at a time.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace the file's content with `text` (or bytes, as they are), all at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _written(path, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise
    _sync_folder(path.parent)


def write_new(path: Path, text: str, *, replace: bool = False) -> None:
    """Write `text` to a file the user named, all at once, and only as a file of its own:
    FileExistsError if the name is taken, unless `replace`; `NotAFile` if it is a
    symbolic link (even to nothing), a folder or anything but a regular file. No folder is
    made: FileNotFoundError if the path's folder does not exist.

    The temporary file is linked to the name, which fails if the name exists, however it
    came to: nothing is ever written through a link planted there."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
        raise NotAFile(errno.EEXIST, f"{kind}, not written to", str(path))
    if not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder, and none is made", str(path))
    temporary = _written(path, text)
    try:
        if replace:
            os.replace(temporary, path)  # a link put there since is itself replaced
        else:
            os.link(temporary, path)
    finally:
        _remove(temporary)
    _sync_folder(path.parent)


class NotAFile(OSError):
    """A name `write_new` does not write to: a link, a folder, a device."""


def _written(path: Path, text: str | bytes) -> str:
    """A temporary file beside `path`, holding `text`, flushed and synced: its name."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(temporary)


def _sync_folder(folder: Path) -> None:
    """Sync a rename or a link, on file systems that need it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


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
