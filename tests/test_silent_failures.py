"""Nothing fails silently: a save at quit that fails, and a folder that cannot be read."""

from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path

import pytest

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.export import to_data

from .test_terminal import Pty, focused, showing

BODY = "A vote\n\nWorkers in Albany voted on Friday, said Jane Doe.\n"


@pytest.mark.parametrize("how", ["full disk", "read-only folder"])
def test_a_save_that_fails_at_quit_says_so_and_exits_non_zero(tmp_path: Path, how: str) -> None:
    """The reader cannot write its state: no file may grow (as on a full disk; `ulimit -f
    0`, which holds root too), or the folder is read only. A bookmark is made, and the
    reader quits with q; then one line on the terminal says the state was not saved, and
    why, and the exit status is 1."""
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, TERM="xterm-256color", TUI_READER_HOME=str(home))
    argv = [sys.executable, "-m", "tui_reader", "--no-cache"]
    if how == "full disk":
        argv = ["sh", "-c", 'ulimit -f 0 && exec "$@"', "sh", *argv]
        why = "File too large"
    elif os.geteuid() == 0:
        pytest.skip("root writes in a read-only folder all the same")
    else:
        home.chmod(0o500)
        why = "Permission denied"
    reader = Pty(argv, env, (120, 40))
    try:
        reader.until(focused("Articles"))
        reader.press(b"b", showing("★"))  # a change to save, however soon q follows
        status = reader.close()
    finally:
        home.chmod(0o700)
    after = reader.sent.rsplit(b"\x1b[?1049l", 1)[-1].decode()  # once the screen is left
    (line,) = re.findall(r"tui-reader: [^\r\n]*", after)
    assert line.startswith(f"tui-reader: the reading state was not saved: {home}")
    assert why in line
    assert status == 1


def test_a_folder_that_cannot_be_read_is_a_problem_with_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a file that cannot be read is: its path and the system's reason; the rest
    loads. (Root reads a folder of mode 000 all the same: there the system's refusal is
    made.)"""
    (tmp_path / "ok.txt").write_text(BODY)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(BODY)
    closed.chmod(0)
    if os.access(closed, os.R_OK):
        scandir = os.scandir

        def refusing(path: str) -> object:
            if path == str(closed):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
            return scandir(path)

        monkeypatch.setattr(os, "scandir", refusing)
    try:
        data = to_data(open_corpus([tmp_path]))
    finally:
        closed.chmod(0o700)
    assert data["problems"] == [{"path": str(closed), "url": None, "message": "Permission denied"}]
    assert [article["id"] for article in data["articles"]] == ["ok"]
