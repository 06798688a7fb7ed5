"""Saved web pages and HTML fragments as articles.

trafilatura finds a page's main text and its metadata (and htmldate, inside it, the date);
this module hands them a parsed tree, never a string, as htmldate fetches any string that
starts with "http", and nothing here may touch the network. Their text comes back as
paragraphs and headings, one to a block, and the links of the text as a list apart: the
text holds no markup, ever.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .charset import decode
from .formats import Record
from .model import StageProblem
from .text import strip_unsafe
from .titles import Evidence, page_title

if TYPE_CHECKING:
    from lxml.html import HtmlElement

NO_ARTICLE = "no article in this page (an index, a login or an error page?): skipped"
MIN_CHARS = 100
"""A page whose main text is shorter than this holds no article (an error page): counted in
characters, as Chinese or Japanese text has no spaces between words."""
LOGIN_CHARS = 300
"""A page that asks for a password, with less main text than this, is a login page."""
MAX_LINKED = 0.5
"""A page whose main text is more than this share link text is an index of other pages. Only
the text of links within the page's own site counts: an index leads to the site's other
pages, while a post that gathers links (a blog's roundup) sends its reader to other sites."""
_DROPPED = frozenset(
    "script style noscript template iframe object embed svg math head title form button "
    "select textarea canvas video audio".split()
)
"""Elements of HTML whose content is never text to read."""
_BLOCKS = frozenset(
    "p div section article header footer main aside nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
    "blockquote pre table thead tbody tr figure figcaption address hr details summary".split()
)
"""Elements of HTML that begin a paragraph of their own."""
_BODY_BLOCKS = frozenset("p head list item table row quote div code section".split())
"""The same in trafilatura's XML, where `lb` is a line break, `cell` a table's cell and
`ref` a link."""
_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"\A\s{0,100}<\?xml[^>]{0,300}\?>")


@dataclass(slots=True)
class _Walk:
    """Text gathered from a tree: its paragraphs as pieces, its links, and how many of its
    characters are those of a link within the site `home` (any link's, if it is unknown)."""

    blocks: frozenset[str]
    home: str | None = None
    paragraphs: list[list[str]] = field(default_factory=lambda: [[]])
    links: list[str] = field(default_factory=list)
    linked: int = 0

    def text(self, text: str | None, link: bool) -> None:
        if text:
            self.paragraphs[-1].append(text)
            if link:
                self.linked += len(text.strip())

    def walk(self, root: Any, dropped: frozenset[str] = frozenset()) -> None:
        """Gather the text of `root` and all it holds, but for `dropped` elements'."""
        from lxml import etree

        skipping = links = 0  # how deep in dropped elements, and in links that count
        counted: list[bool] = []  # whether each link open here counts (`_elsewhere`)
        events = ("start", "end", "comment", "pi")
        for event, element in etree.iterwalk(root, events=events):
            tag = element.tag.lower() if isinstance(element.tag, str) else ""
            if event in ("comment", "pi"):  # no text of its own: only what follows it
                if not skipping:
                    self.text(element.tail, links > 0)
                continue
            if event == "start":  # its own text
                skipping += tag in dropped
                if skipping:
                    continue
                if tag in self.blocks:
                    self.paragraphs.append([])
                elif tag in ("br", "lb"):
                    self.paragraphs[-1].append("\n")
                elif tag == "cell" and element.getprevious() is not None:
                    self.paragraphs[-1].append(" · ")
                elif tag in ("a", "ref"):
                    target = element.get("href") or element.get("target")
                    counted.append(not _elsewhere(target, self.home))
                    links += counted[-1]
                    self._link(target)
                self.text(element.text, links > 0)
                continue
            if tag in dropped:  # its end, and the text after it
                skipping -= 1
            if skipping:
                continue
            if tag in self.blocks:
                self.paragraphs.append([])
            if tag in ("a", "ref"):
                links -= counted.pop()
            if element is not root:
                self.text(element.tail, links > 0)

    def _link(self, target: str | None) -> None:
        if target and target.startswith(("http://", "https://")) and target not in self.links:
            self.links.append(target)

    def joined(self) -> list[str]:
        """Each paragraph as one block: spaces collapsed, its line breaks kept."""
        blocks = []
        for pieces in self.paragraphs:
            lines = (_SPACE.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
            block = "\n".join(line for line in lines if line)
            if block:
                blocks.append(block)
        return blocks


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
    walk = _Walk(_BLOCKS)
    walk.walk(root, _DROPPED)
    return "\n\n".join(walk.joined())


@dataclass(frozen=True, slots=True)
class _Body:
    """The main text as paragraphs, the links it holds, and how much of it is link text."""

    paragraphs: list[str]
    links: list[str]
    chars: int
    linked: float


def page(html: str | bytes, url: str | None = None) -> Record | None:
    """A whole saved page as an article, or None when it holds none (an index, a login
    page, an error page). `url` is where it was saved from, if known: its canonical URL,
    when it gives one, wins."""
    import trafilatura
    from lxml import etree
    from lxml.html import document_fromstring

    # Control characters are never a page's text, and the parser gives up on some.
    text = strip_unsafe(decode(html) if isinstance(html, bytes) else html)
    if not text.strip():
        return None
    try:
        # The text is decoded already: a declaration of its encoding would only mislead.
        tree = document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError):  # nothing an HTML parser can read
        return None
    evidence = _evidence(tree)
    targets = _targets(tree)
    language = _language(tree)
    own_words = " ".join([tree.findtext(".//title") or "", *evidence.headings])
    with _dates_read_in(_Page(language, own_words)):
        found: Any = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_links=True,
            include_images=False,
            deduplicate=False,
            # htmldate reads English and numeric dates itself; the month names of any
            # other language ("4 de mayo de 2022") only its extensive search reads.
            date_extraction_params=_dates(extensive=language not in ("", "en")),
        )
        if found is None or found.body is None:
            return None
        body = _body(found.body, targets, _site(found.url or url))
        login = evidence.password and body.chars < LOGIN_CHARS
        if body.chars < MIN_CHARS or body.linked > MAX_LINKED or login:
            return None
        date = found.date or _searched_date(text, found.url or url)
    site = found.sitename or evidence.site or found.hostname
    sections = tuple(found.categories or ())
    title = page_title(found.title, evidence, site, found.hostname, sections)
    return Record(
        body="\n\n".join(body.paragraphs),
        title=title,
        date=date,
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


def _dates(*, extensive: bool) -> dict[str, Any]:
    """htmldate's options: the date first published, none after today; `extensive` searches
    the page's text too, at a cost: its last resort (dateparser) takes seconds a page on
    its first pages in a process."""
    today = dt.date.today().isoformat()
    return {"original_date": True, "extensive_search": extensive, "max_date": today}


def _language(tree: HtmlElement) -> str:
    """The two letters of the language the page says it is in; "" if it says none."""
    said = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    code = said.strip().lower()[:2]
    return code if len(code) == 2 and code.isalpha() else ""


_BY_SCRIPT = {
    "CYRILLIC": ("ru", "uk", "bg", "sr", "be", "mk"),
    "GREEK": ("el",),
    "ARABIC": ("ar", "fa", "ur"),
    "HEBREW": ("he",),
    "CJK": ("zh", "ja"),
    "HIRAGANA": ("ja",),
    "KATAKANA": ("ja",),
    "HANGUL": ("ko",),
    "THAI": ("th",),
    "DEVANAGARI": ("hi",),
}
"""The languages a page that names none may be in, by the script most of its letters are in;
those of the Latin script are `_LATIN`."""
_LATIN = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "sv", "da", "nb", "fi", "cs")


@dataclass(slots=True)
class _Page:
    """The page whose dates htmldate is reading: the language it names, and words of its
    own (its title and top headings: its text holds scripts and markup)."""

    language: str
    text: str

    def languages(self) -> tuple[str, ...]:
        """The languages to read its dates in: the one it names and English; else those of
        the script most of its words' letters are in."""
        if self.language:
            return tuple(dict.fromkeys([self.language, "en"]))
        scripts: dict[str, int] = {}
        for char in itertools.islice((c for c in self.text if c.isalpha()), 5000):
            script = "LATIN" if char.isascii() else unicodedata.name(char, "LATIN").split()[0]
            scripts[script] = scripts.get(script, 0) + 1
        most = max(scripts, key=scripts.__getitem__, default="LATIN")
        return (*_BY_SCRIPT[most], "en") if most in _BY_SCRIPT else _LATIN


_READING: ContextVar[_Page | None] = ContextVar("reading", default=None)
_DATEPARSER_SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}
"""dateparser's settings as htmldate sets them for its own parser."""


@contextlib.contextmanager
def _dates_read_in(page: _Page) -> Iterator[None]:
    """Have htmldate's extensive search parse the page's dates with dateparser in the
    page's languages only (`_Page.languages`). Its own dateparser tries each of 200 locales
    on every string, and compiles each locale's patterns on first use: about 9 s of CPU on
    the first pages of every process, more than extracting them."""
    from htmldate import extractors

    # htmldate's is a cached function of no arguments, and only ever called.
    extractors.get_external_parser = _page_date_parser  # type: ignore[assignment,unused-ignore]
    reading = _READING.set(page)
    try:
        yield
    finally:
        _READING.reset(reading)


def _page_date_parser() -> Any:
    page = _READING.get()
    return _date_parser(page.languages() if page else ("en",))


@functools.lru_cache(maxsize=32)
def _date_parser(languages: tuple[str, ...]) -> Any:
    from dateparser import DateDataParser
    from dateparser.data import language_order

    # It refuses a parser in a language it lacks.
    known = [code for code in languages if code in language_order] or ["en"]
    return DateDataParser(languages=known, settings=_DATEPARSER_SETTINGS)


def _searched_date(text: str, url: str | None) -> str | None:
    """The date htmldate's extensive search finds in a page where its quick one found none.
    The page is parsed again, as extraction has changed the tree."""
    from htmldate import find_date
    from lxml.html import document_fromstring

    tree = document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    found = find_date(tree, url=url, **_dates(extensive=True))
    return found if isinstance(found, str) else None


def _evidence(tree: HtmlElement) -> Evidence:
    """What the page says of itself before extraction changes the tree: its headings and
    the site's name."""
    h1 = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    sites = tree.xpath(
        "//meta[@property='og:site_name' or @name='og:site_name' "
        "or @name='application-name' or @name='apple-mobile-web-app-title']/@content"
    )
    site = next((" ".join(str(s).split()) for s in sites if str(s).strip()), None)
    password = bool(tree.xpath("//input[@type='password']"))
    sections = tree.xpath("//meta[@property='article:section']/@content")
    return Evidence(
        headings=tuple(h for h in h1 if h),
        site=site,
        sections=tuple(str(section) for section in sections),
        password=password,
    )


def _targets(tree: HtmlElement) -> dict[str, list[str]]:
    """The text of each of the page's links, and where the links of that text lead: read
    before extraction changes the tree."""
    targets: dict[str, list[str]] = {}
    for a in tree.iter("a"):
        targets.setdefault(" ".join(a.text_content().split()), []).append(a.get("href") or "")
    return targets


def _site(url: str | None) -> str | None:
    """The site of an absolute URL: the last two labels of its host, "example.com" of
    "news.example.com", and "co.uk" of every host in ".co.uk" (one site for them all: more
    links count as the page's own, never fewer); None for a relative URL."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # a malformed address: its site is unknown
        return None
    host = host.rstrip(".") if host else None  # "example.com." is example.com
    return ".".join(host.split(".")[-2:]) if host else None


def _elsewhere(target: str | None, home: str | None) -> bool:
    """Whether a link leads to another site than `home`, the page's (when it is known)."""
    if home is None:
        return False
    site = _site(target)
    return site is not None and site != home


def _body(root: Any, targets: dict[str, list[str]], home: str | None) -> _Body:
    """trafilatura's body (its XML: `p`, `head`, `list` of `item`, `table` of `row` and
    `cell`, `quote`, `ref` for a link) as paragraphs, one per block, and its links. Its
    link text (`MAX_LINKED`) is that of its links within the site `home`, or of its lines
    that are the text of such a link of the page (`targets`: trafilatura's last resort
    keeps no links)."""
    walk = _Walk(_BODY_BLOCKS, home)
    walk.walk(root)
    paragraphs = walk.joined()
    total = sum(map(len, paragraphs))
    lines = [line for paragraph in paragraphs for line in paragraph.split("\n")]
    # Each distinct text once: a page can repeat one ("Share") hundreds of times.
    own = {
        text
        for text in set(lines)
        if (where := targets.get(text)) and not all(_elsewhere(t, home) for t in where)
    }
    anchored = sum(len(line) for line in lines if line in own)
    linked = max(walk.linked, anchored)
    return _Body(paragraphs, walk.links, total, linked / total if total else 0.0)
