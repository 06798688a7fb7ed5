"""Lists of feeds: OPML, which every feed reader exports, and plain lists of addresses, one
a line (`#` starts a comment). Bytes in, addresses out; nothing is fetched."""

from __future__ import annotations

from .text import safe_url


class NotAList(Exception):
    """Bytes that hold no list of feeds: the message says why."""


def addresses(data: bytes) -> list[str]:
    """The http(s) addresses of a plain list, in order, each once. A line may go on after
    its address (newsboat's tags); a line that starts with `#` is a comment."""
    found: dict[str, None] = {}
    for line in data.decode("utf-8", errors="replace").splitlines():
        words = line.split()
        if words and not words[0].startswith("#") and (url := safe_url(words[0])):
            found[url] = None
    return list(found)


def opml(data: bytes) -> list[str]:
    """The feeds' addresses of an OPML file (its outlines' `xmlUrl`), in order, each once;
    `NotAList` when it is not OPML."""
    import lxml.etree  # when a list is read: a reader of text files never waits for it

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as error:
        raise NotAList(f"not OPML ({error})") from None
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise NotAList("not OPML (no <opml> element)")
    found = (safe_url(str(node.get("xmlUrl") or "")) for node in root.iter("outline"))
    return list(dict.fromkeys(url for url in found if url))
