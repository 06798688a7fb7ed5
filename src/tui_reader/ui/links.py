"""An article's web links: copied with OSC 52 (which works over SSH too) or opened in a
browser (`browser.py`). Only an http(s) link is ever sent to the terminal or a browser,
its control characters percent-encoded."""

from __future__ import annotations

import os

from textual.app import App, SuspendNotSupported

from ..corpus.model import Article
from ..corpus.text import links_in, printable, safe_url
from . import browser
from .screens.choose import ChooseScreen

NO_LINK = "This article has no web link."


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
    """Open the article's link in a web browser, where there is one to open: one that
    runs in this terminal, one of a local graphical session, or the user's own when served
    with `textual serve`. Over SSH a graphical browser would open on the far machine."""
    url = _link(app, article)
    if url is None:
        return
    if app.is_web:
        app.open_url(url)
    else:
        chosen = browser.choose(url, os.environ)
        if chosen is None or not (chosen.in_terminal or browser.local_browser(os.environ)):
            app.notify("No local browser here (y copies the link).", timeout=4, markup=False)
            return
        try:
            browser.open_with(app, chosen)
        except (OSError, SuspendNotSupported) as error:
            app.notify(f"The browser did not start: {error}", severity="error", markup=False)
            return
    app.notify(f"Opened {printable(url)}", timeout=3, markup=False)
