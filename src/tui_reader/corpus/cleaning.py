"""Turn scraped article text into clean paragraphs, keeping everything that was removed.

Each ruling is a small function over lines or paragraphs. Nothing is dropped silently:
whatever leaves the body goes to `Cleaned.removed` (or `notes`, for editor's notes).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re
from dataclasses import dataclass, field

from .text import sentence_spans, strip_unsafe

_MAX_ROUNDS = 8

# --- literal escapes left by JSON export -------------------------------------------------

_ESCAPE = re.compile(
    r"\\(u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[rnt\"\\/'])"
)
_ESCAPE_EVIDENCE = re.compile(r"\\u[0-9a-fA-F]{4}|\\r\\n|\\n|\\r")
_SIMPLE_ESCAPES = {"r": "\r", "n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "'": "'"}


def _decode_escape(match: re.Match[str]) -> str:
    body = match.group(1)
    if len(body) == 1:
        return _SIMPLE_ESCAPES[body]
    if len(body) > 5:  # a surrogate pair: \uD83D\uDE00
        high, low = int(body[1:5], 16), int(body[7:11], 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    code = int(body[1:], 16)
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)


def _looks_escaped(text: str) -> bool:
    """JSON-export text shows several literal escapes, or one and no real line breaks."""
    found = _ESCAPE_EVIDENCE.findall(text, 0, 200_000)
    return len(found) >= 2 or (len(found) == 1 and "\n" not in text)


def decode_escapes(text: str) -> str:
    """Decode literal `\\uXXXX`, `\\r`, `\\n`, … to a fixpoint, where the text shows them."""
    for _ in range(_MAX_ROUNDS):
        if not _looks_escaped(text):
            break
        decoded = _ESCAPE.sub(_decode_escape, text)
        if decoded == text:
            break
        text = decoded
    return text


_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """Decode HTML entities (with their semicolon), doubly encoded ones included."""
    for _ in range(_MAX_ROUNDS):
        decoded = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
        if decoded == text:
            break
        text = decoded
    return text


# Spaces that should read as plain spaces, and invisible characters that only get in the way.
_SPACES = re.compile("[\xa0\u2007\u202f\t\u3000]")  # a regex: far faster than str.translate
_INVISIBLE = re.compile("[\u200b\u200c\u2060\ufeff\u00ad]")


def normalise(raw: str) -> str:
    """Decode escapes and entities, unify line breaks, and remove unsafe characters."""
    text = decode_entities(decode_escapes(raw))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", _INVISIBLE.sub("", strip_unsafe(text)))
    return text


# --- line and paragraph rulings ---------------------------------------------------------

_HEADER_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s+")
_AGENCIES = re.compile(
    r"(?:Getty(?: Images)?|AFP|AP(?: Photo)?|Associated Press|Reuters|Bloomberg|Shutterstock|"
    r"EPA(?:-EFE)?|Alamy|NurPhoto|SOPA Images|LightRocket|Sipa(?: USA)?|ZUMA(?: Wire| Press)?|"
    r"Anadolu(?: Agency)?|Xinhua|Pool|iStock(?:photo)?|Corbis|Courtesy(?: of)? .+|File|"
    r"GETTY|PA(?: Images| Wire)?|Handout|NASA|Wikimedia Commons)$"
)
_CREDIT_PREFIX = re.compile(
    r"^(?:Photo(?:graph)?s?|Images?|Pictures?|Credit)\s*(?:by\b|:)\s*", re.I
)
_PROMO = re.compile(
    r"^(?:WATCH|SEE MORE|READ MORE|READ ALSO|ALSO READ|MORE|RELATED|LISTEN|SIGN UP|SUBSCRIBE)"
    r"\s*:.*$|^(?:You may also like|Advertisement|ADVERTISEMENT|Story continues below)\W*$"
)
# Pager links are often glued to the linked title: "Previous articleApple is launching…".
_PAGER = re.compile(r"^(?:Previous|Next) (?:article|post|story)", re.I)
_ASIDE = re.compile(
    r"\s*\((?:RELATED|READ MORE|SEE ALSO|ALSO READ|WATCH)\s*:[^()]*\)"
    r"|\s*\((?:Photo|Image|Picture)s?(?:\s+by|:)[^()]{0,160}\)",
    re.I,
)
_NOTE = re.compile(
    r"^(?:Correction|Clarification|Editor['’]s [Nn]ote|CORRECTION|CLARIFICATION|"
    r"EDITOR['’]S NOTE)\s*(?:\([^)]{0,40}\))?\s*:"
)
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) (?:is|was|has been|covers)\b.{0,200}?"
    r"\b(?i:reporter|writer|editor|correspondent|journalist|contributor|columnist|producer|"
    r"analyst|author|intern|critic|fellow)\b"
)
_FOLLOW = re.compile(r"\bFollow (?:him|her|them|us|me) on (?:Twitter|X|Instagram|Bluesky)\b")
_SENTENCE_PUNCT = re.compile(r"[.!?:;,…][\"'”’)]*$")


def is_credit(line: str) -> bool:
    """A photo credit line: "Name Bloomberg | Getty Images", "Photo: Name/AP"."""
    if len(line) > 140 or _SENTENCE_PUNCT.search(line):
        return False
    prefixed = _CREDIT_PREFIX.match(line)
    body = line[prefixed.end() :] if prefixed else line
    segments = [s.strip() for s in re.split(r"\s*[|/]\s*", body) if s.strip()]
    if not segments or (len(segments) < 2 and not prefixed):
        return False
    if any(len(segment.split()) > 6 for segment in segments):
        return False
    return any(_AGENCIES.search(segment) for segment in segments)


def _is_caption(paragraph: str) -> bool:
    """A caption above a credit is short: one or two sentences."""
    return len(paragraph) <= 400 and len(list(sentence_spans(paragraph))) <= 2


def _is_heading(paragraph: str) -> bool:
    words = paragraph.split()
    return (
        0 < len(words) <= 14
        and len(paragraph) <= 100
        and not _SENTENCE_PUNCT.search(paragraph)
        and (paragraph[0].isupper() or paragraph[0] in "'\"‘“")
    )


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


def _blocks(text: str) -> list[list[str]]:
    """Lines grouped into blocks separated by blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        stripped = _collapse(line)
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
        if paragraphs and not _SENTENCE_PUNCT.search(paragraphs[-1]) and line[:1].islower():
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


def clean(raw: str) -> Cleaned:
    """Clean one article's raw text."""
    cleaned = Cleaned()
    text = _header_date(normalise(raw), cleaned)

    # Units are paragraphs in order; a credit removes itself and the caption above it.
    units: list[str] = []
    credit_follows: set[int] = set()
    for block in _blocks(text):
        for line in _join_lines(block):
            if is_credit(line):
                if units and len(units) - 1 not in credit_follows and _is_caption(units[-1]):
                    cleaned.removed.append(units.pop())
                credit_follows.add(len(units) - 1)
                cleaned.removed.append(line)
            elif _PROMO.match(line) or _PAGER.match(line):
                cleaned.removed.append(line)
            else:
                units.append(line)

    body: list[str] = []
    for index, unit in enumerate(units):
        unit = _ASIDE.sub(lambda m: _keep(cleaned, m.group().strip()), unit).strip()
        if not unit:
            continue
        if _NOTE.match(unit):
            cleaned.notes.append(unit)
        elif index == 0 and _is_title(unit, units, credit_follows):
            cleaned.title = unit
        else:
            body.append(unit)

    _remove_bio(body, cleaned)
    cleaned.paragraphs = body
    cleaned.headings = {i for i, p in enumerate(body) if 0 < i < len(body) - 1 and _is_heading(p)}
    return cleaned


def _keep(cleaned: Cleaned, removed: str) -> str:
    cleaned.removed.append(removed)
    return ""


def _is_title(unit: str, units: list[str], credit_follows: set[int]) -> bool:
    """A first line is a title when short, unpunctuated, and not a caption over a credit."""
    return (
        len(units) > 1
        and len(unit) <= 120
        and 0 not in credit_follows
        and not _SENTENCE_PUNCT.search(unit)
    )


def _remove_bio(body: list[str], cleaned: Cleaned) -> None:
    """An author bio among the last two paragraphs leaves the body; its name is the author."""
    for index in range(len(body) - 1, max(len(body) - 3, -1), -1):
        paragraph = body[index]
        bio = _BIO.match(paragraph)
        if bio or _FOLLOW.search(paragraph):
            if bio and cleaned.author is None:
                cleaned.author = bio.group("name")
            cleaned.removed.append(body.pop(index))
