"""A web page's title without the site's name and section labels around it.

A page's `<title>` is often "Headline | Site" or "Headline - Section - Site". What to cut is
found on the page itself, never in a list of sites: a part that is its `<h1>` is the
headline; a part that names the site (its `og:site_name`, or its host name) is cut, with the
labels on its far side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATOR = re.compile(r"\s+(?:[|·•»«~/\\–—-]|::|--)\s+|\s+[|·•»«]|[|·•»«]\s+")
"""What sets a site's name or a section apart in a title: a mark between spaces (a plain
hyphen only so, as it joins words too), or a bar or a guillemet with a space on one side."""
_KEY = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a page says of itself: its top headings, and the site's name in its metadata."""

    headings: tuple[str, ...] = ()
    site: str | None = None


def _key(text: str) -> str:
    """A part or a name as compared: its letters and digits, in lower case."""
    return _KEY.sub("", text.casefold())


def _host_names(host: str | None) -> set[str]:
    """The names a host name gives a site: "www.theguardian.co.uk" gives "theguardian"."""
    if not host:
        return set()
    labels = [label for label in host.casefold().split(".") if label not in ("www", "m")]
    return {_key(label) for label in labels[:-1] if len(label) > 2} or {_key(host)}


def page_title(
    title: str | None, evidence: Evidence, site: str | None, host: str | None
) -> str | None:
    """The headline in a page's title: the part that is its `<h1>`, or else what is left
    when the part that names the site, and what lies beyond it, is cut."""
    title = " ".join(title.split()) if title else ""
    if not title:
        return evidence.headings[0] if evidence.headings else None
    pieces = _SEPARATOR.split(title)
    marks = _SEPARATOR.findall(title)
    if len(pieces) < 2:
        return title
    keys = [_key(piece) for piece in pieces]
    for heading in evidence.headings:
        found = _run(keys, _key(heading))
        if found is not None:
            return _join(pieces, marks, *found)
    names = {_key(name) for name in (site, evidence.site) if name} | _host_names(host)
    names.discard("")
    for index, key in enumerate(keys):
        if key in names or any(key == f"{name}com" for name in names):
            if index == 0:
                return _join(pieces, marks, 1, len(pieces))
            return _join(pieces, marks, 0, index)
    return title


def _run(keys: list[str], heading: str) -> tuple[int, int] | None:
    """The parts, from the first to before the last, that together read as the heading."""
    if not heading:
        return None
    for start in range(len(keys)):
        joined = ""
        for end in range(start, len(keys)):
            joined += keys[end]
            if joined == heading:
                return start, end + 1
            if not heading.startswith(joined):
                break
    return None


def _join(pieces: list[str], marks: list[str], start: int, end: int) -> str:
    """The parts from `start` to before `end`, with the marks between them as written."""
    text = pieces[start]
    for index in range(start + 1, end):
        text += marks[index - 1] + pieces[index]
    return text.strip()
