"""Lists of feeds: OPML, which every feed reader exports, and plain lists of addresses, one
a line (`#` starts a comment). Bytes in, addresses out; nothing is fetched."""

from __future__ import annotations

from .text import safe_url


class NotAList(Exception):
    """Bytes that hold no list of feeds: the message says why."""


def addresses(data: bytes, refused: list[str] | None = None) -> list[str]:
    """The http(s) addresses of a plain list, in order, each once. A line may go on after
    its address (newsboat's tags); a line that starts with `#` is a comment. What a line
    names that is no http(s) address goes to `refused`."""
    found: dict[str, None] = {}
    for line in data.decode("utf-8-sig", errors="replace").splitlines():  # a BOM is none
        words = line.split()
        if words and not words[0].startswith("#"):
            _take(words[0], found, refused)
    return list(found)


def _take(address: str, found: dict[str, None], refused: list[str] | None) -> None:
    """Add an address to those found, or, if it is no http(s) address, to `refused`."""
    url = safe_url(address)
    if url:
        found[url] = None
    elif refused is not None:
        refused.append(address)


def opml(data: bytes, refused: list[str] | None = None) -> list[str]:
    """The feeds' addresses of an OPML file (its outlines' `xmlUrl`), in order, each once,
    and those that are no http(s) address in `refused`; `NotAList` when it is not OPML."""
    import lxml.etree  # when a list is read: a reader of text files never waits for it

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as error:
        raise NotAList(f"not OPML ({error})") from None
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise NotAList("not OPML (no <opml> element)")
    found: dict[str, None] = {}
    for node in root.iter("outline"):
        if (address := node.get("xmlUrl")) is not None:  # an outline may only group others
            _take(str(address), found, refused)
    return list(found)
