"""Turn scraped article text into clean paragraphs, keeping everything that was removed.

Each ruling is a small function over lines or paragraphs. Nothing is dropped silently:
whatever leaves the body goes to `Cleaned.removed` (or `notes`, for editor's notes).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .budget import unlimited
from .dates import parse_date
from .text import sentence_spans, strip_unsafe

_MAX_ROUNDS = 8

# --- literal escapes left by JSON export -------------------------------------------------

_ESCAPE = re.compile(
    r"\\(u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[rnt\"\\/'])"
)
_ESCAPE_EVIDENCE = re.compile(r"\\u[0-9a-fA-F]{4}|\\r\\n|\\n|\\r")
_SIMPLE_ESCAPES = {"r": "\r", "n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "'": "'"}


@functools.lru_cache(maxsize=4096)
def _decode_escape(body: str) -> str:
    """The character of one escape, given without its backslash: "u0026" gives "&"."""
    if len(body) == 1:
        return _SIMPLE_ESCAPES[body]
    if len(body) > 5:  # a surrogate pair: \uD83D\uDE00
        high, low = int(body[1:5], 16), int(body[7:11], 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    code = int(body[1:], 16)
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)


def _replace_each(pattern: re.Pattern[str], text: str, replace: Callable[[str], str]) -> str:
    """`pattern.sub`, with each match replaced by `replace` of its one group. Splitting and
    joining spares the call through a match object for each of the many escapes of a text."""
    parts = pattern.split(text)
    parts[1::2] = [replace(group) for group in parts[1::2]]
    return "".join(parts)


def _looks_escaped(text: str) -> bool:
    """JSON-export text shows several literal escapes, or one and no real line breaks."""
    found = _ESCAPE_EVIDENCE.findall(text, 0, 200_000)
    return len(found) >= 2 or (len(found) == 1 and "\n" not in text)


def decode_escapes(text: str) -> str:
    """Decode literal `\\uXXXX`, `\\r`, `\\n`, … to a fixpoint, where the text shows them."""
    for _ in range(_MAX_ROUNDS):
        if not _looks_escaped(text):
            break
        decoded = _replace_each(_ESCAPE, text, _decode_escape)
        if decoded == text:
            break
        text = decoded
    return text


_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@functools.lru_cache(maxsize=4096)
def _decode_entity(name: str) -> str:
    """The text of one entity, given without its "&" and ";": "#039" gives "'"."""
    return html.unescape(f"&{name};")


def decode_entities(text: str) -> str:
    """Decode HTML entities (with their semicolon), doubly encoded ones included."""
    for _ in range(_MAX_ROUNDS):
        decoded = _replace_each(_ENTITY, text, _decode_entity)
        if decoded == text:
            break
        text = decoded
    return text


# Spaces that should read as plain spaces, and invisible characters that only get in the way.
# The zero-width joiner and the emoji variation selectors go too: terminals disagree on how
# wide the emoji they join or restyle are, and a row drawn wider or narrower than the reader
# counted breaks the columns and borders of every pane.
_SPACES = re.compile("[\xa0\u2007\u202f\t\u3000]")  # a regex: far faster than str.translate
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f]")
# Anything the loop in `normalise` would change: an unsafe or invisible character, or an
# entity. A pattern that starts with a character class is searched far faster than one
# that starts with an alternation, so the entity is looked for on its own.
_UNSAFE_OR_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u200c\u200d\u2060\ufeff"
    "\u00ad\ufe0e\ufe0f"
    r"\ud800-\udfff"
    "]"
)
_ENTITY_START = re.compile("&[#A-Za-z]")


def _printable(text: str) -> bool:
    """Whether the text, line breaks aside, holds no control, invisible or unusual space
    character: none that `_SPACES` or `_UNSAFE_OR_INVISIBLE` finds. Most texts hold none,
    and `str.isprintable` tells that many times faster than either pattern (the variation
    selectors, which it counts as printable, are looked for on their own)."""
    return text.replace("\n", "").isprintable() and "\ufe0f" not in text and "\ufe0e" not in text


def normalise(raw: str) -> str:
    """Decode escapes and entities, unify line breaks, and remove unsafe characters."""
    return _normalised(raw)[0]


def _normalised(raw: str) -> tuple[str, bool]:
    """The normalised text, and whether it is printable (`_printable`): then " " is its
    only space, which `_blocks` would ask again."""
    text = _one_break(decode_escapes(raw))
    printable = _printable(text)
    # Removing a character can join an entity ("&\x1bamp;") or an escape ("\\\x1bn"), and
    # decoding an entity can make an unsafe character ("&#27;") or an escape ("&#92;n"), so
    # all of it runs until nothing changes the text.
    for _ in range(_MAX_ROUNDS):
        entity = "&" in text and _ENTITY_START.search(text)
        if not entity and (printable or not _UNSAFE_OR_INVISIBLE.search(text)):
            break
        # A printable text has no unsafe or invisible character to remove.
        safe = text if printable else _INVISIBLE.sub("", strip_unsafe(text))
        decoded = _one_break(decode_escapes(decode_entities(safe)))
        if decoded == text:
            break
        text = decoded
        printable = _printable(text)
    if printable:
        return text, True
    spaced = _SPACES.sub(" ", text)  # a no-break space alone no longer makes it unprintable
    return spaced, _printable(spaced)


def _one_break(text: str) -> str:
    """Line breaks as "\\n" only, not "\\r\\n" or "\\r"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(text: str) -> str:
    """Metadata text (a title, an author) as one clean line."""
    return " ".join(normalise(text).split())


# --- line and paragraph rulings ---------------------------------------------------------

_HEADER_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s+")
# An agency that is a credit line on its own: "Getty Images", "AP".
_AGENCY_ALONE = re.compile(
    r"Getty(?: Images)?|(?:AFP|AP|Reuters|EPA) via Getty Images|AP(?: Photo)?|AAP|AFP|Reuters|"
    r"Associated Press|Bloomberg|Shutterstock|EPA(?:-EFE)?|Alamy|PA(?: Images| Wire)?|Xinhua|"
    r"iStock(?:photo)?|Getty Images for \w[\w ]{0,30}"
)
_AGENCIES = re.compile(
    r"(?:Getty(?: Images)?|AFP|AP(?: Photo)?|Associated Press|Reuters|Bloomberg|Shutterstock|"
    r"EPA(?:-EFE)?|Alamy|NurPhoto|SOPA Images|LightRocket|Sipa(?: USA)?|ZUMA(?: Wire| Press)?|"
    r"Anadolu(?: Agency)?|Xinhua|Pool|iStock(?:photo)?|Corbis|Courtesy(?: of)? .+|File|"
    r"GETTY|PA(?: Images| Wire)?|Handout|NASA|Wikimedia Commons)$"
)
# In a page flattened to one long line, credits and prompts sit between sentences.
_BLOB = 1500
"""A paragraph this long is a flattened page, cleaned sentence by sentence too."""
# Its words and spaces are bounded: a long run of letters or spaces in a flattened page (a
# data URI) would otherwise be tried again from each of its characters.
_INLINE_CREDIT = re.compile(
    r"\b(?:(?:Photo(?:graph)?|Image|Credit)s?:\s{0,3})?(?:[A-Z][\w'’.-]{0,30}\s{1,3}){1,3}"
    r"(?:\|\s{0,3}[A-Z]\w{0,30}\s{1,3})?\|\s{0,3}Getty Images\b"
    r"|\b(?:Photo(?:graph)?|Image|Credit)s?:\s{0,3}[A-Z][\w'’. -]{1,40}/\s{0,3}"
    r"(?:AP|AFP|Reuters|Getty Images|Bloomberg|EPA|Shutterstock|Alamy|Pool)\b"
    r"|\bAdvertisement\b(?=\s{1,3}[A-Z\"“]|\s*$)"
)
_CREDIT_PREFIX = re.compile(
    r"^(?:Photo(?:graph)?s?|Images?|Pictures?|Credit)\s*(?:by\b|:)\s*", re.I
)
_PROMO = re.compile(
    r"^(?i:WATCH|SEE MORE|READ|READ MORE|READ MORE HERE|READ ALSO|ALSO READ|READ THIS NEXT|"
    r"READ OR SHARE THIS STORY|MORE|RELATED|LISTEN|SIGN UP|SUBSCRIBE|"
    r"RECOMMENDED|MORE FROM [\w ]{1,30}|TRENDING|MUST READ|DON'T MISS|DON’T MISS)\s*:.*$"
    r"|^(?i:You (?:may|might) also like|Advertisement|Story continues below(?: advertisement)?|"
    r"Related (?:articles|stories|coverage)|Recommended(?: for you)?|Most (?:read|popular)|"
    r"Read more|See more|Trending(?: now)?|Scroll to continue|Continue reading|"
    r"Share (?:this|on \w+|via \w+)(?: (?:article|story|page))?)\W*$"
    # A copyright notice, with what follows it on the line: "Copyright © 2019 The
    # Washington Times, LLC. Click here for reprint permission."
    r"|^(?:Copyright\s*)?(?:©|\([Cc]\))|^Copyright \d{4}\b"
)
# Newsletter, app and social prompts: short, and addressed to the reader.
_PROMPT = re.compile(
    r"^(?:Sign up|Subscribe|Get (?:the|our) \w+|Download (?:the|our)|Follow us|Like us|"
    r"(?i:Click here|Tap here)|Join (?:us|our)|Enter your email|Already a subscriber|"
    r"Want more|Don['’]t miss)\b.{0,160}"
    r"(?i:newsletter|inbox|email|subscri\w+|app\b|follow|facebook|twitter|instagram|"
    r"youtube|tiktok|podcast|notifications|updates|here\b|below)",
)
# Publication lines at the top: "Published: 3 April 2022", "PUBLISHED: … | UPDATED: …".
_DATE_LINE = re.compile(
    r"^(?P<label>Date|Published(?: on| at)?|Posted(?: on)?|First published(?: on)?|Updated|"
    r"Last updated|Modified|DATE|PUBLISHED|POSTED|UPDATED)\b\s*:?\s*(?P<value>.{4,80}?)"
    r"(?:\s*[|·•]\s*(?:Updated|Last updated|UPDATED|Modified)\b\s*:?.{0,80})?$"
)
# A name as bylines and bios write it: "Alejandro de la Garza", 'Amanda "Tania Mae" Tan'.
_NAME = (
    r"[A-Z][\w'’.-]+(?:\s+(?:(?:de|la|le|van|von|der|den|da|del|du|bin|al)\s+)*"
    r"(?:[A-Z][\w'’.-]+|[\"“][A-Z][\w'’. -]+[\"”])){1,4}"
)
_BYLINE = re.compile(
    rf"^(?:By|BY|Written by|Words by)\s+(?P<name>{_NAME}(?:(?:,| and)\s+{_NAME})*)"
    r"(?:\s*(?:,|\||-|—|–)\s*[\w .&'’-]{0,40})?$"
)
# A dateline alone on its line: "ATLANTA --", "WASHINGTON (AP) —".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.]*)?(?:\s*\([\w .]{1,20}\))?\s*(?:--|—|–)$"
)
_BREADCRUMB_SEPARATORS = re.compile(r"(?<!\s)\s+(?:>|›|»|/|\|)\s+")
_IMAGE_FILE = re.compile(r"^[\w.-]+\.(?:jpe?g|png|gif|webp)$", re.I)  # "google.JPG" alone
# Pager links are often glued to the linked title: "Previous articleApple is launching…".
_PAGER = re.compile(r"^(?:Previous|Next) (?:article|post|story)", re.I)
# Starting at the bracket, not at the spaces before it, lets the search skip to brackets.
_ASIDE = re.compile(
    r"\((?:RELATED|READ MORE|SEE ALSO|ALSO READ|WATCH)\s*:[^()]*\)"
    r"|\((?:Photo|Image|Picture)s?(?:\s+by|:)[^()]{0,160}\)",
    re.I,
)
_NOTE = re.compile(
    r"^(?:Correction|Clarification|Editor['’]s [Nn]ote|CORRECTION|CLARIFICATION|"
    r"EDITOR['’]S NOTE)\s*(?:\([^)]{0,40}\))?\s*:"
)
_BIO = re.compile(
    rf"^(?P<name>{_NAME}) (?:is|was|has been|covers)\b.{{0,200}}?"
    r"\b(?i:reporter|writer|editor|correspondent|journalist|contributor|columnist|producer|"
    r"analyst|author|intern|critic|fellow)\b"
)
_BIO_LIMIT = 400
"""A bio is a short paragraph; a longer one is prose that happens to match."""
_FOLLOW = re.compile(r"\bFollow (?:him|her|them|us|me) on (?:Twitter|X|Instagram|Bluesky)\b")
# With the full-width marks of Chinese and Japanese ("。", "，", "！").
_PROSE_END = re.compile(r"[.:;,…。，：；][\"'”’)」』）]*$")
_FULL_WIDTH_MARK = re.compile("[。，、！？：；]")
_SENTENCE_PUNCT = re.compile(r"[.!?:;,…。，：；！？][\"'”’)」』）]*$")


def is_credit(line: str) -> bool:
    """A photo credit line: "Name Bloomberg | Getty Images", "Photo: Name/AP",
    "Credit: Name/The New York Times", or an agency alone ("Getty Images", "AP")."""
    if len(line) > 140 or _SENTENCE_PUNCT.search(line):
        return False
    prefixed = _CREDIT_PREFIX.match(line)
    body = line[prefixed.end() :] if prefixed else line
    segments = [s.strip() for s in re.split(r"\s*[|/]\s*", body) if s.strip()]
    if not segments or any(len(segment.split()) > 6 for segment in segments):
        return False
    if len(segments) < 2:
        return bool(
            _AGENCY_ALONE.fullmatch(segments[0]) if not prefixed else _AGENCIES.search(body)
        )
    if prefixed:  # "Credit: Name/Outlet": names either side, whoever the outlet is
        return all(segment[:1].isupper() for segment in segments)
    return any(_AGENCIES.search(segment) for segment in segments)


CAPTION_WORDS = 15
"""A sentence this long is prose: no rule removes it as junk, unless it reads as a
photo's caption (`_reads_as_caption`)."""
CRUMB_CHARS = 32
"""The most letters a crumb of a breadcrumb trail has ("Science & Environment")."""
_PHOTO_DATE = re.compile(
    r"\b(?:on|in)\s(?:\w{3,6}day,?\s)?(?:[A-Z]\w{2,8}\.?\s\d{1,2},?|\d{1,2}\s[A-Z]\w{2,8}),?\s"
    r"(?:1[89]|20)\d\d\.?$"
)
# Who a photo shows: looked for with str methods, far cheaper than a pattern that is blind
# to case or starts with a word.
_PICTURED_STARTS = ("pictured", "from left", "left to right", "file photo")
_PICTURED_MARKS = (
    "(left)", "(right)", "(centre)", "(center)", "(pictured)", "(top)", "(above)", "(inset)",
    "file photo", "file image", "file picture",
)  # fmt: skip
_QUOTES = ('"', "“", "”", "?", " said", " says", " told")
_ON_A_DAY = re.compile(r"\bon (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\.$")
# Captions say what a photo shows, in the present: a past, a perfect or a modal is prose.
_NOT_PRESENT = frozenset(
    "was were had did won lost said told has have will would could should".split()
)
_WORD = re.compile(r"\w+")
_WORD_MARKS = ".,;:!?\"'“”‘’()"


def has_prose(paragraph: str) -> bool:
    """Whether the paragraph holds a sentence of `CAPTION_WORDS` words or more."""
    if paragraph.count(" ") + 1 < CAPTION_WORDS:  # too few words for one such sentence
        return False
    return any(
        paragraph.count(" ", start, end) + 1 >= CAPTION_WORDS
        for start, end in sentence_spans(paragraph)
    )


def _reads_as_caption(paragraph: str) -> bool:
    """The paragraph right above a credit line is that photo's caption, and goes with it,
    when it is one or two sentences and reads as a caption: it says who is pictured
    ("(left)", "file photo"), or it asks and quotes nothing, says in the present what the
    photo shows ("Supporters hold signs"), and is short (no sentence of `CAPTION_WORDS`
    words) or ends with the day the photo was taken ("… on Friday, April 1, 2022.")."""
    if len(paragraph) > 400 or len(sentence_spans(paragraph)) > 2:
        return False
    lower = paragraph.lower()
    if lower.startswith(_PICTURED_STARTS) or any(mark in lower for mark in _PICTURED_MARKS):
        return True
    if any(quote in paragraph for quote in _QUOTES) or not _in_the_present(paragraph):
        return False
    end = max(0, len(paragraph) - 45)  # the day of a photo ends its caption
    return not has_prose(paragraph) or bool(
        _PHOTO_DATE.search(paragraph, end) or _ON_A_DAY.search(paragraph, end)
    )


def _in_the_present(paragraph: str) -> bool:
    """Whether no word of the paragraph tells a past, a perfect or a modal."""
    for word in paragraph.split():
        word = word.strip(_WORD_MARKS)
        if word in _NOT_PRESENT or (len(word) > 3 and word.endswith("ed") and word.islower()):
            return False
    return True


def _is_heading(paragraph: str) -> bool:
    return (
        len(paragraph) <= 100
        and 0 < len(paragraph.split()) <= 14
        and not _SENTENCE_PUNCT.search(paragraph)
        and (paragraph[0].isupper() or paragraph[0] in "'\"‘“")
    )


TITLE_MAX = 200
"""A first line longer than this is prose, not a title."""


@dataclass(slots=True)
class Cleaned:
    """The result of cleaning one article's text."""

    paragraphs: list[str] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    header_date: dt.date | None = None


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _blocks(text: str, printable: bool) -> list[list[str]]:
    """Lines grouped into blocks separated by blank lines; `printable` is whether the text
    is printable (`_printable`); False is never wrong, only slower."""
    blocks: list[list[str]] = []
    current: list[str] = []
    # In a printable text the only space is " ", so a line without two in a row only needs
    # its ends stripped; that is much cheaper than splitting it into words and joining them.
    for line in text.split("\n"):
        stripped = line.strip(" ") if printable and "  " not in line else _collapse(line)
        if stripped:
            current.append(stripped)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _join_lines(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped lines; keep lines that end a sentence as separate paragraphs."""
    paragraphs: list[str] = []
    for line in lines:
        # The cheap test first: the pattern is searched for along the whole line before.
        if paragraphs and line[:1].islower() and not _SENTENCE_PUNCT.search(paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def _header_date(text: str, cleaned: Cleaned) -> str:
    match = _HEADER_DATE.match(text)
    if not match:
        return text
    # An impossible date gives no date; the header still leaves the text.
    with contextlib.suppress(ValueError):
        cleaned.header_date = dt.date.fromisoformat(match.group(1))
    cleaned.removed.append(match.group().strip())
    return text[match.end() :]


def clean(raw: str, title: str | None = None, check: Callable[[], None] = unlimited) -> Cleaned:
    """Clean one article's raw text; `title` is the title its metadata gives, if any.
    `check` is called between blocks of lines and between paragraphs, and may raise to
    stop the work (`budget.Budget.check`)."""
    cleaned = Cleaned()
    text, printable = _normalised(raw)
    text = _header_date(text, cleaned)  # what it leaves of a printable text is printable

    # Units are paragraphs in order; a credit removes itself and the caption above it.
    units: list[str] = []
    credit_follows: set[int] = set()  # units above a credit, its caption gone or not
    under_credit: set[int] = set()
    top = True  # before the first paragraph of prose: where datelines, bylines and crumbs sit
    dateline = ""
    for block in _blocks(text, printable):
        check()
        for line in _join_lines(block):
            if is_credit(line):
                if units and len(units) - 1 not in credit_follows and _reads_as_caption(units[-1]):
                    cleaned.removed.append(units.pop())
                else:
                    under_credit.add(len(units) - 1)  # kept, yet right above a credit
                credit_follows.add(len(units) - 1)
                cleaned.removed.append(line)
            elif _is_promo(line) or (top and _top_line(line, cleaned)):
                cleaned.removed.append(line)
            elif top and _DATELINE.match(line):
                dateline = f"{line} "  # it belongs to the paragraph below it
            else:
                units.append(dateline + line)
                dateline = ""
                top = top and not _is_prose(line, units, len(units) - 1)
    if dateline:
        units.append(dateline.strip())

    first = _first_unit(units, title, cleaned)
    body: list[str] = []
    for index, unit in enumerate(units[first:], first):
        check()
        if "(" in unit:
            unit = _remove_asides(unit, cleaned)
        if len(unit) >= _BLOB:
            unit = _clean_blob(unit, cleaned)
        if not unit:
            continue
        if _NOTE.match(unit):
            cleaned.notes.append(unit)
        elif (
            index == first and title is not None and (at := _title_run_on(unit, title)) is not None
        ):
            if at and _is_prose(unit[at:]):  # the page ran its heading into the paragraph
                cleaned.removed.append(unit[:at].strip())
                body.append(unit[at:].strip())
            elif at:  # the title line, the site's name after it
                cleaned.title = unit
            else:
                body.append(unit)
        elif index == first and _is_title(unit, index, units, under_credit, title):
            cleaned.title = unit
        else:
            body.append(unit)

    _remove_bio(body, cleaned)
    cleaned.paragraphs = body
    cleaned.headings = {i for i, p in enumerate(body) if 0 < i < len(body) - 1 and _is_heading(p)}
    return cleaned


def _is_prose(line: str, units: list[str] | None = None, count: int = 0) -> bool:
    """A paragraph of prose, not a title or a crumb; a title may end with "!" or "?", or,
    below nothing but crumbs (the first `count` of `units`, if given), be a few short
    sentences (`_is_headline_of_sentences`)."""
    if len(line) > 150 or not _PROSE_END.search(line):
        return len(line) > 150
    return not (
        units is not None and _is_headline_of_sentences(line) and _only_crumbs(units, count)
    )


def _only_crumbs(units: list[str], count: int) -> bool:
    """Whether the first `count` units are no more than crumbs (`is_crumb`)."""
    return all(_is_crumb(units[i]) for i in range(count))


def _is_crumb(text: str) -> bool:
    """A crumb of a breadcrumb trail, or a section's label: three words at most, and short
    in letters too, as a whole sentence of a script written without spaces (Chinese,
    Japanese) is one "word", and with none of that script's marks of a sentence."""
    return len(text) <= CRUMB_CHARS and len(text.split()) <= 3 and not _FULL_WIDTH_MARK.search(text)


def _is_headline_of_sentences(line: str) -> bool:
    """A headline of two or three short sentences: "Workers won. Now the hard part."."""
    if not line.endswith(".") or line.count(" ") >= 16:
        return False
    spans = sentence_spans(line)
    return 2 <= len(spans) <= 3 and all(line.count(" ", start, end) < 10 for start, end in spans)


def _is_promo(line: str) -> bool:
    """A promo, a pager link, a prompt to subscribe or follow, or an image's file name;
    never a line of prose (`has_prose`)."""
    if _PAGER.match(line) or _IMAGE_FILE.match(line):
        return True
    prompt = len(line) <= 240 and _PROMPT.match(line)
    return bool(_PROMO.match(line) or prompt) and not has_prose(line)


def _top_line(line: str, cleaned: Cleaned) -> bool:
    """A publication line, a byline or a breadcrumb trail above the text (taken in); never
    a line of prose."""
    date_line = _DATE_LINE.match(line)
    byline = None if date_line else _BYLINE.match(line)
    if (date_line or byline) and has_prose(line):
        return False
    if date_line:
        label = date_line.group("label").lower()
        value = parse_date(date_line.group("value"))
        if value is None:
            return False
        if not label.startswith(("updated", "last", "modified")) and cleaned.header_date is None:
            cleaned.header_date = value
        return True
    if byline:
        cleaned.author = cleaned.author or byline.group("name")
        return True
    crumbs = _BREADCRUMB_SEPARATORS.split(line)
    return len(crumbs) >= 2 and all(crumb.strip() and _is_crumb(crumb) for crumb in crumbs)


def _same_title(unit: str, title: str) -> bool:
    a, b = (_WORD.findall(text.lower()) for text in (unit, title))
    return bool(a) and (a == b[: len(a)] or b == a[: len(b)])


def _title_run_on(unit: str, title: str) -> int | None:
    """For a paragraph that opens with all the title's words and goes on: where its own
    text starts, after a heading's end (a capital, or a colon, a dash or a bar); 0 where the
    title's words only begin its first sentence ("Dear people of Europe, in Greece…").
    None for any other paragraph."""
    wanted = _WORD.findall(title.lower())
    words = list(itertools.islice(_WORD.finditer(unit), len(wanted) + 1))
    if not wanted or len(words) <= len(wanted):
        return None
    if [word.group().lower() for word in words[: len(wanted)]] != wanted:
        return None
    after = words[len(wanted)]
    gap = unit[words[len(wanted) - 1].end() : after.start()]
    if any(mark in gap for mark in ":|—–-") or (after.group()[0].isupper() and gap.isspace()):
        return after.start()
    return 0


def _first_unit(units: list[str], title: str | None, cleaned: Cleaned) -> int:
    """Drop the breadcrumbs ("Home", "News", "Spaceflight") above the title.

    They are the short lines that lead the lines above the first paragraph of prose, less
    the title itself: the known title when the metadata gives one, else the line after them.
    """
    head = 0
    while head < len(units) and not _is_prose(units[head], units, head):
        head += 1
    if head == len(units):
        return 0
    if title is not None:
        matches = [i for i in range(head) if _same_title(units[i], title)]
        end = matches[0] if matches else head
    else:
        end = head - 1
    crumbs = 0
    while crumbs < end and _is_crumb(units[crumbs]):
        crumbs += 1
    if crumbs == head == 1 and len(units[0].split()) > 1:
        crumbs = 0  # a line of words alone above the first paragraph heads it: no crumb
    cleaned.removed.extend(units[:crumbs])
    return crumbs


def _clean_blob(unit: str, cleaned: Cleaned) -> str:
    """A flattened page: credits, "Advertisement" and prompts between its sentences go."""
    unit = _INLINE_CREDIT.sub(lambda m: _keep(cleaned, m.group().strip()), unit).strip()
    kept: list[str] = []
    for start, end in sentence_spans(unit):
        sentence = unit[start:end]
        # A promo's title runs on into the next sentence here, so only prompts, which end
        # as sentences do, can leave.
        if len(sentence) <= 240 and _PROMPT.match(sentence) and not has_prose(sentence):
            cleaned.removed.append(sentence)
        else:
            kept.append(sentence)
    return " ".join(kept)


def _remove_asides(unit: str, cleaned: Cleaned) -> str:
    """Remove "(RELATED: …)" and "(Photo by …)" asides, with the spaces before them."""
    parts: list[str] = []
    last = 0
    for aside in _ASIDE.finditer(unit):
        start = aside.start()
        while start > last and unit[start - 1].isspace():
            start -= 1
        parts.append(unit[last:start])
        cleaned.removed.append(aside.group())
        last = aside.end()
    parts.append(unit[last:])
    return "".join(parts).strip()


def _keep(cleaned: Cleaned, removed: str) -> str:
    cleaned.removed.append(removed)
    return ""


def _is_title(
    unit: str, index: int, units: list[str], under_credit: set[int], title: str | None
) -> bool:
    """A first line is the title when it repeats the known title, or, with none known, when
    it is short, does not end as prose does, and is not a caption over a credit."""
    if title is not None:
        return _same_title(unit, title)
    return (
        len(units) > index + 1
        and len(unit) <= TITLE_MAX
        and index not in under_credit
        and (
            not _PROSE_END.search(unit)
            or (_is_headline_of_sentences(unit) and _only_crumbs(units, index))
        )
    )


def _remove_bio(body: list[str], cleaned: Cleaned) -> None:
    """An author bio among the last two paragraphs leaves the body; its name is the author.
    The lead, or a paragraph of prose (`has_prose`), is never taken for one."""
    for index in range(len(body) - 1, max(len(body) - 3, 0), -1):
        paragraph = body[index]
        if len(paragraph) > _BIO_LIMIT:
            continue
        bio = _BIO.match(paragraph)
        follow = "Follow " in paragraph and _FOLLOW.search(paragraph)  # a quick test first
        if (bio or follow) and not has_prose(paragraph):
            if bio and cleaned.author is None:
                cleaned.author = bio.group("name")
            cleaned.removed.append(body.pop(index))
