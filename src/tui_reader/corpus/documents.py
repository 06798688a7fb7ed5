"""Large JSON documents that hold a list of records (the document itself, or a list under a
known key, `formats.LIST_KEYS`): cut into parts of `lines.PART_RECORDS` records at byte
offsets, each read and analysed apart, as a JSON Lines file is (`lines`).

Finding the cuts steps from record to record with the JSON decoder's `raw_decode` over a
window of the file's text, so that the memory it takes is a window and a record, whatever
the document's size; the records it decodes are dropped at once. A document that is not
UTF-8, not valid JSON, or not a list of records is not cut: read whole, it says so as
today.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from . import formats, lines
from .lines import Stopped

WINDOW = 1 << 20
"""Bytes of the file read at a time while its cuts are found."""
_BOM = codecs.BOM_UTF8
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Scanner:
    """A UTF-8 file's text, a window at a time, with a position in it and the byte offset
    of that position; `ValueError` for what is not valid JSON or not UTF-8."""

    def __init__(self, stream: BinaryIO, start: int) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self.text = ""
        self.pos = 0
        self._base = start
        """The byte offset of the window's first character."""
        self._ended = False

    def _fill(self, least: int = WINDOW) -> bool:
        """Read on, at least `least` bytes; False at the file's end."""
        if self._ended:
            return False
        data = self._stream.read(max(least, WINDOW))
        self._ended = not data
        self.text += self._decoder.decode(data, final=not data)
        return bool(data)

    def peek(self) -> str:
        """The next character that is not white space (the position is then at it), or ""
        at the file's end. The window drops what is behind once it is large."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or not self._fill():
                break
        if self.pos > WINDOW:
            self._base = self.offset
            self.text, self.pos = self.text[self.pos :], 0
        return self.text[self.pos : self.pos + 1]

    @property
    def offset(self) -> int:
        """The byte offset of the position."""
        return self._base + len(self.text[: self.pos].encode("utf-8"))

    def value(self) -> object:
        """The value at the position, which then moves past it."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                # A value the window cuts fails at its end, or (a string) where it starts.
                cut = error.pos >= len(self.text) - 6 or error.msg.startswith("Unterminated")
                if cut and self._fill(len(self.text)):
                    continue
                raise
            if end == len(self.text) and self._fill():  # a number the window may have cut
                continue
            self.pos = end
            return value

    def take(self, char: str) -> None:
        if self.peek() != char:
            raise ValueError(f"expected {char!r}")
        self.pos += 1


Cuts = list[tuple[int, int]]
"""Where each part of a document starts (its byte, and the number of its record there, from
1), and where its last record ends."""


def _list(scanner: _Scanner, stopped: Callable[[], bool] | None) -> tuple[Cuts, int]:
    """Step over the list at the position: its cuts, and the byte its last record ends at."""
    scanner.take("[")
    found: Cuts = []
    count = 0
    while scanner.peek() != "]":
        if count:
            scanner.take(",")
            scanner.peek()
        if count % lines.PART_RECORDS == 0:  # the offset costs the window's length: not always
            found.append((scanner.offset, count + 1))
            if stopped is not None and stopped():
                raise Stopped
        scanner.value()
        count += 1
    end = scanner.offset  # the "]", after the last record and the space after it
    scanner.pos += 1
    return found, end


def _document(scanner: _Scanner, stopped: Callable[[], bool] | None) -> tuple[Cuts, int] | None:
    """The cuts of the records of the document at the position, as `formats.json_values`
    finds them; None for a document with no list of records."""
    first = scanner.peek()
    if first == "[":
        return _list(scanner, stopped)
    if first != "{":
        return None
    scanner.take("{")
    lists: dict[str, tuple[Cuts, int] | None] = {}  # each known key: its list, if it is one
    while scanner.peek() != "}":
        key = scanner.value()
        if not isinstance(key, str) or key in lists:  # a key repeated: the last would win
            return None
        scanner.take(":")
        if key in formats.LIST_KEYS and scanner.peek() == "[":
            lists[key] = _list(scanner, stopped)
        else:
            lists[key] = None
            scanner.value()
        if scanner.peek() != "}":
            scanner.take(",")
            if scanner.peek() == "}":
                raise ValueError("a comma before '}'")
    scanner.pos += 1
    return next((found for key in formats.LIST_KEYS if (found := lists.get(key))), None)


def cuts(path: Path, stopped: Callable[[], bool] | None = None) -> tuple[Cuts, int] | None:
    """Where the parts of a JSON document of records start, and where its last record ends;
    None for a document that cannot be cut (it is read whole). Raises `Stopped` once
    `stopped` says so."""
    with path.open("rb") as stream:
        start = len(_BOM) if stream.read(len(_BOM)) == _BOM else 0
        stream.seek(start)
        scanner = _Scanner(stream, start)
        try:
            found = _document(scanner, stopped)
            if scanner.peek() != "":  # json.loads takes no more after the document
                return None
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            return None
    return found


def values(path: Path, start: int, end: int) -> Iterator[object]:
    """The records of a document from byte `start` to byte `end`, which `cuts` found;
    `ValueError` if they are no longer JSON records (the file changed since)."""
    with path.open("rb") as stream:
        stream.seek(start)
        text = stream.read(end - start).decode("utf-8")
    pos = 0
    while (pos := _SPACE.match(text, pos).end()) < len(text):  # type: ignore[union-attr]
        value, pos = _DECODER.raw_decode(text, pos)
        yield value
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text[pos : pos + 1] == ",":
            pos += 1
