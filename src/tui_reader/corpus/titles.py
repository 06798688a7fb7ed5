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
    """What a page says of itself: its top headings, the site's name and its sections in
    its metadata, and whether it asks for a password."""

    headings: tuple[str, ...] = ()
    site: str | None = None
    sections: tuple[str, ...] = ()
    """The sections it says it is in (`article:section`)."""
    password: bool = False
    """Whether it asks for a password (a login page)."""


def _key(text: str) -> str:
    """A part or a name as compared: its letters and digits, in lower case."""
    return _KEY.sub("", text.casefold())


def _host_names(host: str | None) -> set[str]:
    """The names a host name gives a site: "www.theguardian.co.uk" gives "theguardian" and
    "theguardiancouk"."""
    if not host:
        return set()
    labels = [label for label in host.casefold().split(".") if label not in ("www", "m")]
    return {_key(label) for label in labels[:-1] if len(label) > 2} | {_key(".".join(labels))}


def page_title(
    title: str | None,
    evidence: Evidence,
    site: str | None,
    host: str | None,
    sections: tuple[str, ...] = (),
) -> str | None:
    """The headline in a page's title: the part that is its `<h1>`, or else what is left
    when the part that names the site, and what lies beyond it, is cut, and the parts that
    name a section the page is in (`sections`, with those of `evidence`)."""
    title = " ".join(title.split()) if title else ""
    names = {_key(name) for name in (site, evidence.site) if name} | _host_names(host)
    names.discard("")
    if not title or (_key(title) in names and evidence.headings):  # the site's name alone
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
    start, end = 0, len(pieces)
    for name in names:
        found = _run(keys, name)
        if found is not None:
            start, end = (found[1], len(pieces)) if found[0] == 0 else (0, found[0])
            break
    labels = {_key(section) for section in (*sections, *evidence.sections)} - {""}
    while end - start > 1 and keys[end - 1] in labels:
        end -= 1
    while end - start > 1 and keys[start] in labels:
        start += 1
    return _join(pieces, marks, start, end)


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
