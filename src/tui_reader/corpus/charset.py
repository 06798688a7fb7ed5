"""The text of a saved web page's bytes, whatever its charset says.

In order: a byte-order mark; UTF-8 when the bytes are UTF-8 (a rare few bad bytes are a cut
or a slip, not another encoding); the charset the page declares, if the bytes decode in it;
a guess from the bytes themselves; and cp1252, which decodes anything. A wrong declaration is
common (a page saved as UTF-8 that still says ISO-8859-1), and this order survives it.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16's: it begins with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,300}?charset\s{0,5}=\s{0,5}["']?\s{0,5}([\w.:-]{1,40})""", re.I
)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_HEAD = 8192
"""A charset is declared at the top of the page: in the first 1024 bytes by the standard,
and further down on pages that put long comments or scripts first."""
_SLIPS = 1000
"""Bytes of UTF-8 per bad byte, at least, for the page to be read as UTF-8 all the same."""


def declared(data: bytes) -> str | None:
    """The codec of the charset a page declares in a `<meta>` tag, if Python knows it."""
    found = _DECLARED.search(data[:_HEAD])
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes) -> str:
    """A page's text from its bytes; never fails, at worst a few replacement characters."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="replace")
    slips = loose.count("\ufffd")
    if slips * _SLIPS <= len(data) and _utf8_sequences(data) > slips:
        return loose
    named = declared(data)
    if named is not None and named != "utf-8":
        try:
            return data.decode(named)
        except (UnicodeDecodeError, LookupError):
            pass
    return _sniffed(data)


def _utf8_sequences(data: bytes) -> int:
    """How many multi-byte UTF-8 sequences the bytes hold: they must outnumber the bytes
    that are not UTF-8 for those to be slips. Text that is ASCII but for a stray byte is no
    evidence of UTF-8, nor is a Latin-1 page that quotes one UTF-8 "ü" beside its own."""
    return len(_UTF8_SEQUENCE.findall(data))


def _sniffed(data: bytes) -> str:
    """The bytes in the encoding they look most like, or cp1252."""
    from charset_normalizer import from_bytes  # imported when needed: most pages are UTF-8

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")
