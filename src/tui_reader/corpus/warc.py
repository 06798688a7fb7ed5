"""Web archives: the HTML pages a WARC (or an older ARC) file holds, read as a stream, a
record at a time, with warcio. Each response record of an HTML page is one page; requests,
metadata, redirects and images are passed over."""

from __future__ import annotations

import io
import itertools
import logging
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

from . import html
from .formats import Record
from .lines import Stopped
from .model import Problem

# warcio warns of odd records through logging; with no handler, Python would print that on
# the reader's screen.
logging.getLogger("warcio").addHandler(logging.NullHandler())

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
CUT_SUFFIXES = (".warc", ".warc.gz")
"""Archives cut into parts when large: an ARC record has no mark of its start."""
PART_PAGES = 50
"""Pages in a part of a large archive: extracting a page's article takes far longer than
analysing a text's, so a part is ready in a second or so."""
HTML_TYPES = ("text/html", "application/xhtml+xml")
_WARC, _ARC = b"WARC/", b"filedesc://"
_GZIP = zlib.MAX_WBITS | 16
_BLOCK = 64 * 1024
MAX_PAGE_BYTES = 8_000_000
"""A page's HTML is read no further than this: larger is no article."""


class Broken(Exception):
    """An archive that cannot be read on: the message says where and why."""


@dataclass(frozen=True, slots=True)
class Page:
    """One archived HTML page."""

    uri: str
    """The page's address: the record's target URI."""
    record_id: str
    html: bytes
    charset: str | None
    """The charset its Content-Type header declared, if any."""
    truncated: bool


def is_archive(name: str) -> bool:
    """Whether a file's name says it is a web archive."""
    return name.lower().endswith(SUFFIXES)


def pages(stream: IO[bytes]) -> Iterator[Page]:
    """The HTML pages archived in a seekable stream, in order; `Broken` where the archive
    turns out damaged or cut short (the pages before it have been given)."""
    # Imported when an archive is read: a reader of text files never waits for it.
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    gzipped = stream.read(2) == b"\x1f\x8b"
    stream.seek(0)
    plain: IO[bytes] | _Gunzipped = _Gunzipped(stream) if gzipped else stream
    if not plain.read(len(_WARC)).startswith((_WARC, _ARC)):
        raise Broken("not a web archive (no WARC or ARC header)")
    plain.seek(0)
    records = ArchiveIterator(plain, arc2warc=True)
    try:
        for record in records:
            page = _page(record)
            while record.raw_stream.read(_BLOCK):  # what warcio would read past anyway
                pass
            # warcio takes the end of the file for the end of a header block, so a header cut
            # short shows as a length missing, cut, or longer than what follows it.
            declared = record.rec_headers.get_header("Content-Length") or ""
            if not declared.strip().isdigit() or record.raw_stream.limit:
                where = record.rec_headers.get_header("WARC-Target-URI") or "a record"
                raise Broken(f"the web archive is cut short in the record of {where}")
            if page is not None:
                yield page
    except Broken:
        raise
    except ArchiveLoadFailed as error:
        raise Broken(f"not a readable web archive: {error.msg}") from None
    except Exception as error:  # warcio fails in many ways on damaged headers
        raise Broken(f"the web archive is damaged: {type(error).__name__}: {error}") from None
    # warcio ends quietly where a record's header is cut off: what is left unread says so.
    if not gzipped and records.offset < stream.seek(0, io.SEEK_END):
        raise Broken(f"the web archive is cut short after byte {records.offset}")


def _is_page(record: ArcWarcRecord) -> bool:
    """Whether a record is the response of an HTML page, by its headers alone."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    mime = (record.http_headers.get_header("Content-Type") or "").partition(";")[0]
    return record.http_headers.get_statuscode() == "200" and mime.strip().lower() in HTML_TYPES


def _key(record: ArcWarcRecord) -> str:
    """What names a page's article: its address, else its record's id."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    return uri or record.rec_headers.get_header("WARC-Record-ID") or ""


def _page(record: ArcWarcRecord) -> Page | None:
    """The page a record holds, or None for any other record."""
    if not _is_page(record):
        return None
    assert record.http_headers is not None  # a page has them
    parameters = (record.http_headers.get_header("Content-Type") or "").partition(";")[2]
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    html = record.content_stream().read(MAX_PAGE_BYTES + 1)
    return Page(
        uri=uri,
        record_id=record.rec_headers.get_header("WARC-Record-ID") or "",
        html=html[:MAX_PAGE_BYTES],
        charset=_charset(parameters),
        truncated=len(html) > MAX_PAGE_BYTES,
    )


class _Gunzipped:
    """A gzip stream's content, member after member, where one cut off raises `Broken` once
    what came before it has been read. (warcio takes gzip's EOFError for the archive's end.)"""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.seek(0)

    def seek(self, offset: int) -> int:
        """Back to the start: the one seek warcio and `pages` need."""
        assert offset == 0
        self._stream.seek(0)
        self._member = zlib.decompressobj(_GZIP)
        self._started = False  # whether the member has been given any data
        self._held = b""
        return 0

    def read(self, size: int = -1) -> bytes:
        while not self._held:
            raw = self._member.unused_data if self._member.eof else self._stream.read(_BLOCK)
            if self._member.eof:
                if not raw and not (raw := self._stream.read(_BLOCK)):
                    return b""
                self._member, self._started = zlib.decompressobj(_GZIP), False
            elif not raw:
                if self._started:
                    raise Broken("the web archive is cut short (its gzip data ends early)")
                return b""
            try:
                self._held = self._member.decompress(raw)
            except zlib.error as error:
                raise Broken(f"the web archive's gzip data is damaged: {error}") from None
            self._started = True
        taken = self._held if size < 0 else self._held[:size]
        self._held = self._held[len(taken) :]
        return taken


def _charset(parameters: str) -> str | None:
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def read(
    path: Path, problems: list[Problem], cut: tuple[int, int | None] | None = None
) -> Iterator[Record | None]:
    """The articles of the pages in a web archive file, each named by its address, None for
    a page that holds none (they are counted in one problem, since a crawl holds many).
    With `cut` (`cuts`), only the records from byte start to byte end (None: the file's)."""
    empty = 0
    with path.open("rb") as stream:
        source: IO[bytes] | _Slice = stream if cut is None else _Slice(stream, *cut)
        try:
            for page in pages(source):  # type: ignore[arg-type]
                record = html.saved_page(_page_text(page), page.uri or None)
                if page.truncated:
                    problems.append(Problem(f"{path}#{page.uri}", "a page over 8 MB: cut"))
                if record is None:
                    empty += 1
                if record is not None:
                    key, address = page.uri or page.record_id, page.uri or None
                    record = replace(
                        record, key=key, address=address, warc_record_id=page.record_id or None
                    )
                yield record
        except Broken as error:
            problems.append(Problem(str(path), str(error)))
    if empty:
        among = "its pages" if cut is None else f"its pages from byte {cut[0]}"
        problems.append(Problem(str(path), f"{empty} of {among} held no article: skipped"))


def cuts(
    path: Path, every: int, stopped: Callable[[], bool] | None = None
) -> tuple[list[tuple[int, int]], dict[int, int]] | None:
    """Where the parts of a WARC file of `every` pages start (the byte of a page's record,
    which in a .warc.gz is its own gzip member, and the number of the page), and the pages
    whose name a page before them took, each with the number of its part; None for an
    archive that cannot be cut (read whole, it says why)."""
    from warcio.archiveiterator import ArchiveIterator

    starts: list[tuple[int, int]] = []
    taken: set[str] = set()
    renamed: dict[int, int] = {}
    with path.open("rb") as stream:
        try:
            records = ArchiveIterator(stream)
            count = 0
            for record in records:
                if not _is_page(record):
                    continue
                count += 1
                if (count - 1) % every == 0:
                    starts.append((records.get_record_offset(), count))
                    if stopped is not None and stopped():
                        raise Stopped
                if (key := _key(record)) in taken:
                    renamed[count] = len(starts) - 1
                taken.add(key)
        except Stopped:
            raise
        except Exception:  # warcio fails in many ways on damaged archives
            return None
        offsets = [start for start, _ in starts]
        magic = b"\x1f\x8b" if path.name.lower().endswith(".gz") else _WARC
        for offset in offsets:  # a gzip of the whole archive has no member a record
            stream.seek(offset)
            if stream.read(len(magic)) != magic:
                return None
    if any(a >= b for a, b in itertools.pairwise(offsets)):
        return None
    return starts, renamed


class _Slice:
    """The bytes of a file from `start` to `end` (None: its end), as a stream of their own:
    what `pages` reads of a part of an archive."""

    def __init__(self, stream: IO[bytes], start: int, end: int | None) -> None:
        self._stream, self._start = stream, start
        self._end = stream.seek(0, io.SEEK_END) if end is None else end
        self.seek(0)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = self._end if whence == io.SEEK_END else self._start
        self._position = min(max(base + offset, self._start), self._end)
        self._stream.seek(self._position)
        return self._position - self._start

    def read(self, size: int = -1) -> bytes:
        left = self._end - self._position
        data = self._stream.read(left if size < 0 else min(size, left))
        self._position += len(data)
        return data


def _page_text(page: Page) -> str | bytes:
    """An archived page's HTML, decoded as its response said where that can be done."""
    if page.charset is not None:
        try:
            return page.html.decode(page.charset)
        except (LookupError, UnicodeDecodeError):  # a wrong or unknown charset
            pass
    return page.html
