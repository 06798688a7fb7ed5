"""An article's web links: copied with OSC 52 (which works over SSH too) or opened in a
browser. Only an http(s) link is ever sent to the terminal, its control characters
percent-encoded."""

from __future__ import annotations

import os
import sys

from textual.app import App

from ..corpus.model import Article
from ..corpus.text import links_in, printable, safe_url
from .screens.choose import ChooseScreen

NO_LINK = "This article has no web link."


def local_browser() -> bool:
    """Whether a browser opened from here would show on the user's screen."""
    if any(name in os.environ for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")):
        return False
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _link(app: App[object], article: Article | None) -> str | None:
    """The article's web link, safe to send to a terminal, or None (with a notice)."""
    url = safe_url(article.url) if article and article.url else None
    if url is None:
        app.notify(NO_LINK, timeout=3, markup=False)
    return url


def copy(app: App[object], url: str | None) -> None:
    """Copy a link (none: do nothing), and say so."""
    if url is not None:
        app.copy_to_clipboard(url)
        app.notify(f"Copied {printable(url)}", timeout=3, markup=False)


def copy_link(app: App[object], article: Article | None) -> None:
    """Copy the article's own link."""
    copy(app, _link(app, article))


def copy_a_link(app: App[object], article: Article | None) -> None:
    """Choose a link among the article's own and those written in its text, and copy it."""
    if article is None:
        return
    own = [article.url] if article.url else []  # whole: a link in metadata may hold spaces
    candidates = [*own, *article.links, *links_in(article.paragraphs)]
    links = list({url: None for link in candidates if (url := safe_url(link))})
    if not links:
        app.notify(NO_LINK, timeout=3, markup=False)
        return
    app.push_screen(ChooseScreen("Copy which link? (Esc cancels)", links), lambda u: copy(app, u))


def open_link(app: App[object], article: Article | None) -> None:
    """Open the article's link in a web browser, where there is one to open: a local,
    graphical session, or the user's browser when served with `textual serve`. Over SSH
    the browser would open on the far machine."""
    if not (app.is_web or local_browser()):
        app.notify("No local browser here (y copies the link).", timeout=4, markup=False)
        return
    url = _link(app, article)
    if url is not None:
        app.open_url(url)
        app.notify(f"Opened {printable(url)}", timeout=3, markup=False)
