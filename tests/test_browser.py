"""Opening a link: which browser, and the real reader in a pseudo-terminal running one that
does not return (it starts detached) and a text browser (it has the terminal meanwhile)."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from tui_reader.corpus.analysis import open_corpus
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.browser import Browser, choose

from .conftest import notices
from .test_terminal import Pty, heading, showing

URL = "https://example.com/a%20b"


def test_the_browser_is_chosen_as_webbrowser_chooses_it() -> None:
    """The first BROWSER command found, "%s" standing for the link or the link last; a
    graphical one starts detached, a text browser or an unknown command in the terminal.
    Without BROWSER: macOS's `open`, xdg-open in a graphical session, else a text browser
    when there is a terminal, else none."""
    found = {"firefox", "lynx", "my-viewer", "xdg-open", "w3m"}

    def which(name: str) -> str | None:
        return f"/usr/bin/{name}" if name in found else None

    def chosen(environ: dict[str, str], platform: str = "linux") -> Browser | None:
        return choose(URL, environ, which, platform)

    assert chosen({"BROWSER": "missing:firefox --new-tab"}) == Browser(
        ("firefox", "--new-tab", URL), in_terminal=False
    )
    assert chosen({"BROWSER": "lynx -accept_all_cookies '%s'"}) == Browser(
        ("lynx", "-accept_all_cookies", URL), in_terminal=True
    )
    assert chosen({"BROWSER": "my-viewer"}) == Browser(("my-viewer", URL), in_terminal=True)
    assert chosen({"BROWSER": "'unclosed:"}) is None
    assert chosen({}, "darwin") == Browser(("open", URL), in_terminal=False)
    assert chosen({"DISPLAY": ":0", "TERM": "xterm"}) == Browser(("xdg-open", URL), False)
    assert chosen({"TERM": "xterm"}) == Browser(("lynx", URL), in_terminal=True)
    assert chosen({}) is None


def linked_reader(tmp_path: Path, browser: str, script: str, env: dict[str, str]) -> Pty:
    """The reader on one article with a link, `browser` (a shell script in a folder put
    first on PATH) its BROWSER."""
    (tmp_path / "corpus").mkdir()
    record = {"title": "Linked", "text": "A body.", "url": "https://example.com/a b"}
    (tmp_path / "corpus" / "linked.json").write_text(json.dumps([record]))
    (tmp_path / "bin").mkdir()
    program = tmp_path / "bin" / browser
    program.write_text(f"#!/bin/sh\n{script}")
    program.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SSH_", "WAYLAND"))} | env
    env.update(BROWSER=browser, PATH=f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    env.update(TERM="xterm-256color", TUI_READER_HOME=str(tmp_path / "home"))
    reader = Pty([sys.executable, "-m", "tui_reader", str(tmp_path / "corpus")], env, (100, 30))
    reader.until(heading("1 / 1"))
    return reader


def wait_for(done: Path, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not done.exists():
        assert time.monotonic() < deadline, f"{done.name} never came"
        time.sleep(0.02)


@pytest.mark.timeout(30)
def test_a_browser_that_does_not_return_leaves_the_reader_free(tmp_path: Path) -> None:
    """BROWSER is a graphical browser's name, here a script that waits until told to end:
    `o` says the link was opened while it still runs, and the reader answers keys (the help
    opens). The browser runs in a session of its own with its input at /dev/null; when it
    exits it is reaped, no zombie left, and the reader quits normally."""
    script = f'echo "$$ $(ps -o sid= -p $$) $(readlink /proc/$$/fd/0) $1" > {tmp_path}/seen\n'
    # Told to end, or else gone within 30 s: a failed test must leave no process behind.
    script += (
        f"n=0; while [ ! -e {tmp_path}/end ] && [ $n -lt 1500 ]; do sleep 0.02; n=$((n+1)); done\n"
    )
    reader = linked_reader(tmp_path, "firefox", script, {"DISPLAY": ":0"})
    reader.press(b"o", showing("Opened"))
    wait_for(tmp_path / "seen")
    pid, session, stdin, url = (tmp_path / "seen").read_text().split()
    reader.press(b"?", showing("Keys"))
    assert Path(f"/proc/{pid}").exists()  # still running, as the reader answered
    assert (int(session), stdin, url) == (int(pid), "/dev/null", URL)
    (tmp_path / "end").touch()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists():  # a zombie keeps its entry until reaped
        assert time.monotonic() < deadline, Path(f"/proc/{pid}/stat").read_text()
        time.sleep(0.02)
    reader.press(b"\x1b", lambda shown: "Keys" not in shown.text())
    assert reader.close() == 0


@pytest.mark.timeout(30)
def test_a_text_browser_has_the_terminal_until_it_exits(tmp_path: Path) -> None:
    """BROWSER=lynx, here a script that shows the link and waits for Enter: `o` suspends the
    reader (it leaves the alternate screen) and the script reads the keys; after Enter the
    reader is back, and answers keys again."""
    script = 'echo "TEXT BROWSER ON $1"; read line; echo "$line" > ' + f"{tmp_path}/typed\n"
    reader = linked_reader(tmp_path, "lynx", script, {})
    before = len(reader.sent)
    reader.press(b"o", showing(f"TEXT BROWSER ON {URL}"))
    assert b"\x1b[?1049l" in reader.sent[before:]
    suspended = len(reader.sent)
    os.write(reader.fd, b"typed\r")
    wait_for(tmp_path / "typed")
    assert (tmp_path / "typed").read_text() == "typed\n"
    reader.until(lambda shown: b"\x1b[?1049h" in shown.sent[suspended:])  # back
    reader.press(b"?", showing("Keys"))
    reader.press(b"\x1b", lambda shown: "Keys" not in shown.text())
    assert reader.close() == 0


@pytest.mark.timeout(30)
def test_a_signal_while_a_text_browser_runs_ends_both(tmp_path: Path) -> None:
    """SIGTERM to the reader while a text browser has the terminal: the browser is sent it
    too (it says so), and the reader exits 143 rather than waiting for the browser."""
    script = f"trap 'echo TERM > {tmp_path}/signalled; exit 1' TERM\n"
    script += 'echo "TEXT BROWSER"; sleep 30 & wait\n'
    reader = linked_reader(tmp_path, "lynx", script, {})
    reader.press(b"o", showing("TEXT BROWSER"))
    os.kill(reader.pid, signal.SIGTERM)
    deadline = time.monotonic() + 5
    while not (exited := os.waitpid(reader.pid, os.WNOHANG))[0]:
        assert time.monotonic() < deadline, "the reader did not exit"
        reader.read(0.05)
    assert os.waitstatus_to_exitcode(exited[1]) == 128 + signal.SIGTERM
    signalled = tmp_path / "signalled"  # the browser, signalled as the reader was, may end later
    while not (signalled.exists() and signalled.read_text() == "TERM\n"):
        assert time.monotonic() < deadline, "the browser was not signalled"
        time.sleep(0.05)
    # Only now: closing the terminal hangs up on the browser, which would end it untrapped.
    os.close(reader.fd)


async def test_a_text_browser_where_the_app_cannot_be_suspended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under Pilot's headless driver the app cannot be suspended: `o` with a text browser
    says the browser did not start, and the reader goes on."""
    (tmp_path / "linked.json").write_text(json.dumps([{"title": "T", "text": "B.", "url": URL}]))
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "lynx").write_text("#!/bin/sh\n")
    (tmp_path / "bin" / "lynx").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("BROWSER", "lynx")
    app = ReaderApp(open_corpus([tmp_path / "linked.json"]))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert any("did not start" in notice for notice in notices(app))
        assert app.is_running
