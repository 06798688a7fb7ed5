"""Saved web pages and HTML fragments as articles.

trafilatura finds a page's main text and its metadata (and htmldate, inside it, the date);
this module hands them a parsed tree, never a string, as htmldate fetches any string that
starts with "http", and nothing here may touch the network. Their text comes back as
paragraphs and headings, one to a block, and the links of the text as a list apart: the
text holds no markup, ever.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .charset import decode
from .formats import Record
from .model import StageProblem
from .titles import Evidence, page_title

if TYPE_CHECKING:
    from lxml.html import HtmlElement

NO_ARTICLE = "no article in this page (an index, a login or an error page?): skipped"
MIN_WORDS = 40
"""A page whose main text is shorter than this holds no article (a login form, an error)."""
MAX_LINKED = 0.5
"""A page whose main text is more than this share link text is an index of other pages."""
_DROPPED = frozenset(
    "script style noscript template iframe object embed svg math head title form button "
    "select textarea canvas video audio".split()
)
"""Elements whose content is never text to read."""
_BLOCKS = frozenset(
    "p div section article header footer main aside nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
    "blockquote pre table thead tbody tr figure figcaption address hr details summary".split()
)
"""Elements that begin a paragraph of their own."""
_SPACE = re.compile(r"\s+")


def fragment_text(html: str) -> str:
    """An HTML fragment (a feed entry's content) as plain text: paragraphs separated by blank
    lines, line breaks kept, no markup, scripts and styles dropped. Nothing is fetched."""
    from lxml import etree
    from lxml.html import fragment_fromstring

    if not html.strip():
        return ""
    try:
        root = fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):  # nothing an HTML parser can read
        return ""
    paragraphs: list[list[str]] = [[]]
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None:  # a comment or a processing instruction: only its tail is text
            if event == "end" and not skipping and element.tail:
                paragraphs[-1].append(element.tail)
            continue
        tag = tag.lower()
        if event == "start":
            if tag in _DROPPED:
                skipping += 1
            elif not skipping:
                if tag in _BLOCKS:
                    paragraphs.append([])
                elif tag == "br":
                    paragraphs[-1].append("\n")
                if element.text:
                    paragraphs[-1].append(element.text)
            continue
        if tag in _DROPPED:
            skipping -= 1
        if skipping:
            continue
        if tag in _BLOCKS:
            paragraphs.append([])
        if element.tail and element is not root:
            paragraphs[-1].append(element.tail)
    return "\n\n".join(_joined(paragraphs))


def _joined(paragraphs: Iterable[list[str]]) -> Iterator[str]:
    """Each paragraph's pieces as one block: spaces collapsed, its line breaks kept."""
    for pieces in paragraphs:
        lines = (_SPACE.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
        block = "\n".join(line for line in lines if line)
        if block:
            yield block


@dataclass(frozen=True, slots=True)
class _Body:
    """The main text as paragraphs, the links it holds, and how much of it is link text."""

    paragraphs: list[str]
    links: list[str]
    words: int
    linked: float


def page(html: str | bytes, url: str | None = None) -> Record | None:
    """A whole saved page as an article, or None when it holds none (an index, a login
    page, an error page). `url` is where it was saved from, if known: its canonical URL,
    when it gives one, wins."""
    import trafilatura
    from lxml import etree
    from lxml.html import document_fromstring

    text = decode(html) if isinstance(html, bytes) else html
    if not text.strip():
        return None
    try:
        tree = document_fromstring(text)
    except (etree.ParserError, ValueError):  # ValueError: an XML declaration in a str
        try:
            tree = document_fromstring(text.encode("utf-8", "surrogatepass"))
        except (etree.ParserError, ValueError):
            return None
    evidence = _evidence(tree)
    found: Any = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_links=True,
        include_images=False,
        deduplicate=False,
    )
    if found is None or found.body is None:
        return None
    body = _body(found.body)
    if body.words < MIN_WORDS or body.linked > MAX_LINKED:
        return None
    site = found.sitename or evidence.site or found.hostname
    title = page_title(found.title, evidence, site, found.hostname)
    return Record(
        body="\n\n".join(body.paragraphs),
        title=title,
        date=found.date,
        author=found.author,
        url=found.url or url,
        origin="html",
        site=site,
        links=tuple(body.links),
    )


def saved_page(data: str | bytes, url: str | None = None) -> Record | None:
    """A saved page's article, as `page` finds it; should that raise, the page's text as it
    is, with the problem, so that no article is lost to a bug."""
    try:
        return page(data, url)
    except Exception as error:  # a bug in extraction must not lose the article
        text = fragment_text(decode(data) if isinstance(data, bytes) else data)
        return Record(text, problems=(StageProblem.raised("format", error),)) if text else None


def _evidence(tree: HtmlElement) -> Evidence:
    """What the page says of itself before extraction changes the tree: its headings and
    the site's name."""
    h1 = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    sites = tree.xpath(
        "//meta[@property='og:site_name' or @name='og:site_name' "
        "or @name='application-name' or @name='apple-mobile-web-app-title']/@content"
    )
    site = next((" ".join(str(s).split()) for s in sites if str(s).strip()), None)
    return Evidence(headings=tuple(h for h in h1 if h), site=site)


def _body(root: Any) -> _Body:
    """trafilatura's body (its XML: `p`, `head`, `list` of `item`, `table` of `row` and
    `cell`, `quote`, `ref` for a link) as paragraphs, one per block, and its links."""
    paragraphs: list[str] = []
    links: list[str] = []
    linked = total = 0
    for block in _blocks(root):
        words = _words(block)
        if not words:
            continue
        paragraphs.append(words)
        total += len(words)
        for ref in block.iter("ref"):
            linked += len(" ".join("".join(ref.itertext()).split()))
            target = ref.get("target")
            if target and target.startswith(("http://", "https://")) and target not in links:
                links.append(target)
    count = sum(len(p.split()) for p in paragraphs)
    return _Body(paragraphs, links, count, linked / total if total else 0.0)


def _words(block: Any) -> str:
    """A block's text on one line; a table row's cells apart."""
    if block.tag == "row":
        return " · ".join(text for cell in block if (text := _words(cell)))
    return " ".join("".join(block.itertext()).split())


def _blocks(root: Any) -> Iterator[Any]:
    """The blocks that are paragraphs: each list item and table row of its own."""
    for element in root:
        if element.tag == "list":
            yield from element.iterchildren("item")
        elif element.tag == "table":
            yield from element.iter("row")
        elif element.tag != "graphic":
            yield element
