"""Small text helpers shared by the analysis steps: safe characters, sentences, slugs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# C0 and C1 controls (tab and newline excepted), DEL, and the bidi embedding, override and
# isolate characters, which can reorder what a terminal shows.
# Lone surrogates (from a JSON "\\udc80", or a file name's undecodable bytes) cannot be
# written to a terminal at all; they are given as the pattern's escapes (r"\ud800"), as the
# compiled build cannot hold them in a string.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069" r"\ud800-\udfff" "]")
_UNSAFE_WITH_BREAKS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069" r"\ud800-\udfff" "\u200d\ufe0e\ufe0f]"
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def strip_unsafe(text: str) -> str:
    """Remove characters that must never reach a terminal, keeping tabs and newlines."""
    return _UNSAFE.sub("", text)


def printable(text: str) -> str:
    """One line fit for a terminal or a text file, every character that must not reach one
    shown as what `less` shows for it: a control character in caret notation (`^[` for
    escape, `^J` for a newline, `^?` for delete), a C1 control or a bidi control as its code
    point (`<U+009B>`, `<U+202E>`), and a byte of a file name that did not decode as an
    escape (`\\xff`, `escape_undecodable`). The joiner and variation selectors that make
    emoji of unsure width are left out.

    The notation is plain ASCII, which every terminal's font has, where the Control
    Pictures (`␛`) are missing from the Linux console's font; and it is what `less` shows
    of the raw name, so the two read alike."""
    if text.isascii() and text.isprintable():  # most lines: two tests in C, half the scan
        return text
    return _UNSAFE_WITH_BREAKS.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20 or code == 0x7F:
        return "^" + chr(code ^ 0x40)  # ^@ … ^_, and ^? for delete
    if code in (0x200D, 0xFE0E, 0xFE0F):
        return ""
    return _escaped(code)


def escape_undecodable(name: str) -> str:
    """A name with each byte that did not decode (which Python keeps as a lone surrogate,
    U+DC80 to U+DCFF) written as an escape, `\\xff`, and any other lone surrogate as its
    code point, `<U+D83D>`: a valid string, which UTF-8 and a strict JSON parser take.
    Nothing else changes."""
    if name.isascii():
        return name
    return _SURROGATE.sub(lambda match: _escaped(ord(match.group())), name)


def _escaped(code: int) -> str:
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"<U+{code:04X}>"


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft sen rep gov gen lt col capt sgt rev hon pres supt inc "
    "corp co ltd llc bros dept univ assn no vs etc approx est fig al jan feb mar apr jun "
    "jul aug sep sept oct nov dec ala ariz ark calif colo conn del fla ga ill ind kan ky la "
    "md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo".split()
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_MARKS = ".!?…"
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ."
# A run of spaces is only entered at its start, so that no pattern here retries it from
# every space along it: on a long run that would take time in its square.
_NEXT_START = re.compile(r"(?<!\s)\s+([\"'“‘(\[]*)(\S)")


Spans = tuple[tuple[int, int], ...]
"""The (start, end) of each sentence of a paragraph."""


def sentence_spans(paragraph: str) -> Spans:
    """The (start, end) of each sentence in a paragraph.

    Dating and entity finding split the same paragraphs: the analysis splits them once and
    gives both the spans.
    """
    spans = []
    start = 0
    length = len(paragraph)
    while start < length and paragraph[start].isspace():
        start += 1
    position = 0
    # `_SENTENCE_END` is tried only at the marks `occurrences` finds: faster than its search,
    # which would test every character against its class.
    for at, _ in sorted(occurrences(paragraph, _MARKS)):
        if at < position or not (match := _SENTENCE_END.match(paragraph, at)):
            continue
        end = position = match.end()
        if end <= start or not _ends_sentence(paragraph, at, end):
            continue
        spans.append((start, end))
        start = end
        while start < length and paragraph[start].isspace():
            start += 1
    if start < length:
        spans.append((start, length))
    return tuple(spans)


def occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """The span of each occurrence of each word in the text, a word after another. Each is
    found with `str.find`, a pass over the text many times cheaper than a pattern's search
    for any of them."""
    found: list[tuple[int, int]] = []
    for word in words:
        at = text.find(word)
        if at < 0:
            continue  # as nearly every word is
        size = len(word)
        while at >= 0:
            found.append((at, at + size))
            at = text.find(word, at + size)
    return found


def _ends_sentence(paragraph: str, at: int, end: int) -> bool:
    """Whether the marks from `at` to `end` (a match of `_SENTENCE_END`) end a sentence."""
    if paragraph[at] == ".":
        # The word of ASCII letters and dots before the stop ("U.S", "Mr"), if any.
        head = paragraph[at - 40 if at > 40 else 0 : at]
        word = head[len(head.rstrip(_WORD_CHARS)) :].lstrip(".")
        if word:
            # An initial ("J.") or a dotted abbreviation ("U.S", "D.C") rarely ends a sentence
            # unless the next word is capitalised and not a name continuation.
            if word.lower().rstrip(".") in _ABBREVIATIONS:
                return False
            if len(word) == 1 and word.isupper():
                return False
            if "." in word:
                following = _NEXT_START.match(paragraph, end)
                return bool(following and following[2].isupper()) and _looks_like_start(
                    paragraph, end
                )
    following = _NEXT_START.match(paragraph, end)
    if following is None:
        return end >= len(paragraph.rstrip())
    first = following[2]
    return first.isupper() or first.isdigit() or not first.isalpha()


_FUNCTION_STARTS = frozenset(
    "The A An In On At It He She They We I But And As For This That These Those His Her Its "
    "Their Our After Before When While Since If So Yet Still However Meanwhile".split()
)


_NEXT_WORD = re.compile(r"(?<!\s)\s+[\"'“‘(]*([A-Za-z]+)")


def _looks_like_start(paragraph: str, position: int) -> bool:
    """After "U.S." a sentence only starts with a word that usually starts one."""
    word = _NEXT_WORD.match(paragraph, position)
    return bool(word and word.group(1) in _FUNCTION_STARTS)


def sentence_at(paragraph: str, offset: int) -> tuple[int, int]:
    """The span of the sentence that contains `offset`."""
    last = (0, len(paragraph))
    for start, end in sentence_spans(paragraph):
        last = (start, end)
        if offset < end:
            return start, end
    return last


def slug(name: str) -> str:
    """A stable ASCII slug: "Christian Smalls" gives "christian-smalls"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def shorten(text: str, limit: int) -> str:
    """Cut `text` at a word boundary so it fits in `limit` characters, marking the cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"


def around(text: str, start: int, end: int, at: int, limit: int) -> str:
    """`text[start:end]`, or, when that is longer than `limit`, the part of it around `at`
    that fits, cut at word boundaries and marked where cut: a paragraph with no sentence
    end in it can be a whole page long, and each of its dates would keep a copy of it."""
    if end - start <= limit:
        return text[start:end]
    low = max(start, min(at - limit // 3, end - limit))
    high = min(end, low + limit)
    if low > start and (space := text.find(" ", low, low + limit // 4)) >= 0:
        low = space + 1
    if high < end and (space := text.rfind(" ", high - limit // 4, high)) > low:
        high = space
    return ("…" if low > start else "") + text[low:high] + ("…" if high < end else "")


_URL = re.compile(r"https?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)


def links_in(texts: Iterable[str]) -> list[str]:
    """The http(s) links written in the texts, in order, each once; a sentence's closing
    punctuation after a link is not part of it."""
    found: dict[str, None] = {}
    for text in texts:
        for match in _URL.finditer(text):
            found[match.group().rstrip(".,;:!?")] = None
    return list(found)


_URL_UNSAFE = re.compile('[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069"<>\\\\^`{|}]')


def safe_url(url: str) -> str | None:
    """A URL fit to send to a terminal (to copy it, or as a link): http or https only, with
    control characters, spaces and bidi controls percent-encoded; None for anything else."""
    url = url.strip()
    scheme, colon, rest = url.partition(":")
    if not colon or scheme.lower() not in ("http", "https") or not rest.startswith("//"):
        return None
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
