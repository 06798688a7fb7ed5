"""Opening a link in a web browser, never blocking the reader.

The browser is chosen as Python's `webbrowser` chooses it: the first command of `BROWSER`
(commands separated by ":", "%s" standing for the link, or the link last) that is found,
else the desktop's opener (macOS `open`, `xdg-open` in a graphical session), else a text
browser when there is a terminal. `webbrowser` then waits for every command it does not
know, and for the text browsers; that froze the reader until the browser exited.

Here a browser that would be waited for, one that runs in the terminal (lynx, w3m,
links, elinks, www-browser...) or a `BROWSER` command not known as graphical, runs with
the app suspended (`App.suspend`): it has the terminal until it exits, and then the reader
is back. Any other starts detached: in a session of its own, its standard streams at
/dev/null, not waited for; a thread reaps it when it exits, so that no zombie stays.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

TEXT_BROWSERS = ("www-browser", "links", "elinks", "lynx", "w3m")
"""Browsers that run in the terminal, in the order `webbrowser` prefers them."""
OPENERS = ("xdg-open", "gio", "x-www-browser")
"""What opens a link in a graphical session's own browser, in `webbrowser`'s order."""
GRAPHICAL = frozenset(
    {*OPENERS, "open", "gvfs-open", "gnome-open", "kde-open", "kfmclient", "sensible-browser"}
    | {"firefox", "iceweasel", "seamonkey", "librewolf", "google-chrome", "chrome", "chromium"}
    | {"chromium-browser", "brave-browser", "microsoft-edge", "opera", "vivaldi", "epiphany"}
    | {"konqueror", "falkon", "qutebrowser", "midori", "safari"}
)
"""Commands known to start a graphical browser and come back (or that may be left to run):
they start detached. Any other `BROWSER` command is waited for, with the app suspended."""


@dataclass(frozen=True)
class Browser:
    """A command that opens one link, and whether it runs in the terminal."""

    argv: tuple[str, ...]
    in_terminal: bool


def choose(
    url: str,
    environ: Mapping[str, str],
    which: Callable[[str], str | None] = shutil.which,
    platform: str = sys.platform,
) -> Browser | None:
    """The browser to open `url` with, or None if there is none."""
    for command in environ.get("BROWSER", "").split(os.pathsep):
        try:
            words = shlex.split(command)
        except ValueError:  # an unclosed quote: not a command
            continue
        if words and which(words[0]) is not None:
            given = [word.replace("%s", url) for word in words]
            argv = given if any("%s" in word for word in words) else [*words, url]
            return Browser(tuple(argv), os.path.basename(words[0]) not in GRAPHICAL)
    if platform == "darwin":
        return Browser(("open", url), in_terminal=False)
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        for opener in OPENERS:
            if which(opener) is not None:
                opens = ("gio", "open", "--") if opener == "gio" else (opener,)
                return Browser((*opens, url), in_terminal=False)
    if environ.get("TERM"):
        for name in TEXT_BROWSERS:
            if which(name) is not None:
                return Browser((name, url), in_terminal=True)
    return None


def local_browser(environ: Mapping[str, str]) -> bool:
    """Whether a graphical browser started from here would show on the user's screen."""
    if any(name in environ for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")):
        return False
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


_waited: subprocess.Popen[bytes] | None = None
"""The browser the app is suspended for, while it runs."""


def open_with(app: App[object], browser: Browser) -> None:
    """Run the browser: in the terminal, with the app suspended until it exits; or
    detached. OSError if it cannot be started."""
    global _waited
    if not browser.in_terminal:
        detach(browser.argv)
        return
    with app.suspend():
        _waited = subprocess.Popen(browser.argv)
        try:
            _waited.wait()
        finally:
            _waited = None


def detach(argv: tuple[str, ...]) -> None:
    """Start a program of its own: not waited for, reaped when it exits."""
    process = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    threading.Thread(target=process.wait, name="browser-reaper", daemon=True).start()


def stop_waiting(number: int) -> None:
    """Pass a signal on to the browser the app is suspended for, if one runs: the app then
    goes on, and can act on the signal."""
    waited = _waited
    if waited is not None and waited.poll() is None:
        waited.send_signal(number)
