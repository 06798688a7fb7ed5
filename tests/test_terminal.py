"""The real reader in a pseudo-terminal: what reaches the terminal from hostile articles."""

from __future__ import annotations

import base64
import json
import os
import pty
import re
import select
import struct
import sys
import time
from collections.abc import Callable
from fcntl import ioctl
from pathlib import Path
from termios import TIOCSWINSZ

import pyte
import pytest

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.export import to_text
from tui_reader.corpus.model import Corpus
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.screens.main import MainScreen

from .conftest import screen_text

ESCAPES = {
    "a window title": "\x1b]0;PWNED-TITLE\x07",
    "a clipboard write": "\x1b]52;c;cHduZWQ=\x07",
    "a link": "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "a C1 control sequence": "\x9b31m",
    "a bidi override": "\u202eevil\u202c",
    "a bell": "\x07",
}
FORBIDDEN = [b"\x1b]0;", b"\x1b]2;", b"\x1b]8;;http", b"\xc2\x9b", "\u202e".encode()]
"""Byte sequences the reader must never send: only article text could have put them there."""


def hostile_corpus(folder: Path) -> int:
    """Articles whose titles, bodies, authors, URLs and file names carry escapes, markup
    and wide characters, beside files that are no articles (a FIFO, a dangling link, a
    link looping back, binary bytes) and articles that are hard to read (empty, junk,
    UTF-16, cp1252, one 300 kB line, impossible dates, lone surrogates); returns how many
    articles load."""
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop").symlink_to(folder)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (folder / "empty.txt").write_text("")
    (folder / "junk.txt").write_text("<<<>>> ||| --- ***\n\n}}}{{{")
    (folder / "utf16.txt").write_bytes(
        "\ufeffUTF-16 title\n\nA body in UTF-16.\n".encode("utf-16-le")
    )
    (folder / "cp1252.txt").write_bytes(b"Caf\xe9 title\n\nA \x93quoted\x94 body, na\xefve.\n")
    (folder / "line.txt").write_text("x" * 300_000)
    (folder / "dates.txt").write_text(
        "Dates\n\nIt was on February 30, 2022, on 2022-13-45 and in the year 99999.\n"
    )
    (folder / "surrogates.json").write_text(
        '[{"title": "Lone \\ud83d", "text": "A \\udc80 body."}]'
    )
    sequences = "".join(ESCAPES.values())
    markup = "[bold red]not bold[/] [@click=app.quit]quit[/] [link=http://x.example]x[/link]"
    wide = "漢字の見出し 👩‍👩‍👧‍👦 e\u0301\u0301 ﷽"
    (folder / "plain.txt").write_text(
        f"Escapes {sequences} in a title\n\nWorkers voted on Friday {sequences}, said Jane Doe.\n"
    )
    (folder / "markup.md").write_text(f"# {markup}\n\nThe union {markup} won in Albany.\n")
    (folder / "wide.txt").write_text(f"{wide} {wide}\n\n{wide} said the union won. {wide}\n")
    (folder / f"name-{ESCAPES['a window title']}.txt").write_text("Named badly\n\nA body.\n")
    record = {
        "title": f"JSON {sequences}",
        "text": f"Body {sequences} with {markup}.",
        "author": f"Eve {sequences}",
        "url": "http://evil.example/\x1b]52;c;eA==\x07 space",
        "date": "2022-13-45",
    }
    (folder / "export.json").write_text(json.dumps([record, {**record, "date": "99999-01-01"}]))
    return 13  # the FIFO, the dangling link and the binary file are skipped


GREYS = {"30", "37", "90", "97", "40", "47", "100", "107"}
"""Basic SGR colours without a hue: black, white and their bright forms."""
HUES = {str(n) for n in [*range(30, 38), *range(40, 48), *range(90, 98), *range(100, 108)]} - GREYS


def hues(sent: bytes) -> set[str]:
    """The colours with a hue that SGR sequences set: basic ones but black and white,
    256-colour ones outside the grey ramp, and true colours whose channels differ."""
    found = set()
    for params in re.findall(rb"\x1b\[([0-9;]*)m", sent):
        parts = params.decode().split(";")
        while parts:
            part = parts.pop(0)
            if part in ("38", "48") and parts[:1] == ["5"]:
                index = parts[1]
                del parts[:2]
                if not (int(index) in (0, 7, 8, 15) or int(index) >= 232):
                    found.add(f"{part};5;{index}")
            elif part in ("38", "48") and parts[:1] == ["2"]:
                rgb = parts[1:4]
                del parts[:4]
                if len(set(rgb)) > 1:
                    found.add(f"{part};2;{';'.join(rgb)}")
            elif part in HUES:
                found.add(part)
    return found


SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
"""Whether the terminal has synchronized output (DEC mode 2026), and its answer: it has."""
SYNC_START, SYNC_END = b"\x1b[?2026h", b"\x1b[?2026l"


class Pty:
    """The reader in a pseudo-terminal, every byte it sends kept, and its screen."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        width, height = size
        # The terminal's size is the pty's, not what a parent (pytest-xdist) put in the
        # environment: Rich reads COLUMNS and LINES first.
        env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            # Sized before the reader starts: sized after, a loaded machine let it read the
            # default 80x24 first.
            ioctl(0, TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
            os.execvpe(argv[0], argv, env)
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.sent = bytearray()
        self._asked = False
        """Whether the reader asked if the terminal has synchronized output, which it then
        uses to mark where each frame starts and ends: this terminal says it has."""
        self._unshown = bytearray()
        """What was read of a frame not yet ended: the screen shows whole frames only, so
        that a wait never sees half of one."""

    def read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.sent += data
        if not self._asked and SYNC_QUERY in self.sent:
            self._asked = True
            os.write(self.fd, SYNC_REPLY)
        self._unshown += data
        start = self._unshown.rfind(SYNC_START)
        end = start if start >= 0 and SYNC_END not in self._unshown[start:] else None
        self.stream.feed(bytes(self._unshown[:end]))
        del self._unshown[:end]
        return bool(data)

    def until(self, done: Callable[[Pty], bool], timeout: float = 30) -> None:
        """Wait until the screen shows what it should."""
        deadline = time.monotonic() + timeout
        while not done(self):
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never showed it:\n{self.text()}")
            self.read(0.05)

    def press(self, data: bytes, done: Callable[[Pty], bool]) -> None:
        """Type this, and wait until the screen shows what it should."""
        os.write(self.fd, data)
        self.until(done)

    def focused(self, title: str) -> bool:
        """Whether the pane with this border title has the focus: its title is bold."""
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            line = "".join(row[x].data or " " for x in range(self.screen.columns))
            at = line.find(f"─ {title} ")
            if at >= 0 and row[at + 2].bold:
                return True
        return False

    def cursor(self) -> tuple[tuple[int, str], ...]:
        """The focused list's cursor as the terminal draws it: the rows whose text, from
        the third column (after the border and the padding), is in reverse video, with
        the first 40 columns of each. A notice, drawn at the right, leaves them be."""
        width = min(40, self.screen.columns)
        rows = (self.screen.buffer[y] for y in range(self.screen.lines))
        return tuple(
            (y, "".join(row[x].data for x in range(width)))
            for y, row in enumerate(rows)
            if row[2].reverse
        )

    def text(self) -> str:
        """The screen's rows. Not pyte's `display`: between two writes of a frame, a wide
        character's second cell can be left without its first, and `display` then fails."""
        rows = (self.screen.buffer[y] for y in range(self.screen.lines))
        return "\n".join("".join(row[x].data for x in range(self.screen.columns)) for row in rows)

    def borders(self) -> list[tuple[int, ...] | None]:
        """The columns of the panes' vertical borders in each row, as the terminal has them;
        None for a row a notice covers (its left edge is "▌"). The last row is the footer,
        not a pane: its "│" before the palette's key is Textual's, and it was seen drawn
        late once, on a loaded machine."""
        rows = (self.screen.buffer[y] for y in range(self.screen.lines - 1))
        cells = [[row[x].data for x in range(self.screen.columns)] for row in rows]
        return [
            None if "▌" in row else tuple(x for x, c in enumerate(row) if c in ("│", "┃"))
            for row in cells
        ]

    def close(self) -> int:
        """Quit with q; the exit status."""
        os.write(self.fd, b"q")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            self.read(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                while self.read(0.05):  # what it wrote as it ended, not read yet
                    pass
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        raise AssertionError("the reader did not quit")


def showing(part: str) -> Callable[[Pty], bool]:
    """Whether the screen shows this."""
    return lambda shown: part in shown.text()


def heading(part: str) -> Callable[[Pty], bool]:
    """Whether the screen's first line, the status line, shows this."""
    return lambda shown: part in shown.text().splitlines()[0]


def every(*waits: Callable[[Pty], bool]) -> Callable[[Pty], bool]:
    """Whether the screen shows all of these."""
    return lambda shown: all(wait(shown) for wait in waits)


def moved_from(cursor: tuple[tuple[int, str], ...]) -> Callable[[Pty], bool]:
    """Whether the focused list's cursor is drawn, and elsewhere than `cursor`."""
    return lambda shown: shown.cursor() not in ((), cursor)


def unmoved(layout: list[tuple[int, ...] | None]) -> Callable[[Pty], bool]:
    """Whether every pane's vertical borders are where `layout` has them, in each row but
    those a notice covers: wide characters, emoji and combining marks move none."""
    return lambda shown: all(
        None in (row, was) or row == was for row, was in zip(shown.borders(), layout, strict=True)
    )


def focused(title: str) -> Callable[[Pty], bool]:
    """Whether the pane with this border title has the focus."""
    return lambda shown: shown.focused(title)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "term", "no_color"),
    [((120, 40), "xterm-256color", False), ((80, 24), "linux", True)],
)
def test_no_escape_from_an_article_reaches_the_terminal(
    tmp_path: Path, size: tuple[int, int], term: str, no_color: bool
) -> None:
    """Visit every article of the hostile corpus, in every pane: the terminal receives no
    title, clipboard, link or bidi sequence, markup shows as the text it is, wide characters
    move no pane's border, and the reader quits normally (the markup's [@click=app.quit] did
    nothing). At 80x24 one pane shows at a time, and each is visited for each article; at
    120x40 the four show side by side, so each article is in all of them as the list moves
    (each pane has the focus once, on the first)."""
    count = hostile_corpus(tmp_path / "corpus")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLORTERM")}
    env.update(TERM=term, XDG_CACHE_HOME=str(tmp_path / "cache"))
    if no_color:
        env["NO_COLOR"] = "1"
    reader = Pty([sys.executable, "-m", "tui_reader", str(tmp_path / "corpus")], env, size)
    reader.until(heading(f"{count} articles"))
    panes = {b"2": "Article", b"3": "Entities", b"4": "Timeline", b"1": "Articles"}
    layout = {}  # where each pane's borders are, on the first article
    for pane, title in panes.items():
        reader.press(pane, focused(title))
        layout[pane] = reader.borders()
    visits = panes if size == (80, 24) else {b"1": "Articles"}
    for index in range(count):
        for pane, title in visits.items():  # every pane shows this article's part
            reader.press(pane, every(focused(title), unmoved(layout[pane])))
        # Copy the article's link, if it has one, and go to the next article (from the
        # last, back to the first). Waited for by the cursor, which no notice covers: the
        # status line's position can be under one, and a key sent before the "j" is done
        # can take the focus from the list before the "j" reaches it.
        step = b"yj" if index < count - 1 else b"yg"
        reader.press(step, every(moved_from(reader.cursor()), unmoved(layout[b"1"])))
    reader.press(b"/", showing("Search titles and bodies"))
    reader.press("union 漢字".encode(), showing("union 漢字"))
    # Esc: the search is cancelled, and q quits again.
    reader.press(b"\x1b", lambda shown: "union 漢字" not in shown.text())
    status = reader.close()
    assert status == 0
    for forbidden in FORBIDDEN:
        assert forbidden not in reader.sent, forbidden
    copied = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)", reader.sent)
    assert copied  # the JSON articles' links, and nothing else
    for payload in copied:
        url = base64.b64decode(payload).decode()
        assert url.startswith("http://evil.example/")
        assert url.endswith("%20space")
        assert all(" " < char < "\x7f" for char in url), url
    # No bell but those ending Textual's own sequences: a copy, and the mouse pointer's shape.
    own = rb"\x1b\](?:52;c;[A-Za-z0-9+/=]*|22;[a-z-]+)\x07"
    assert b"\x07" not in re.sub(own, b"", bytes(reader.sent))
    assert "[bold red]" in reader.sent.decode("utf-8", "replace")


@pytest.mark.slow
async def test_the_hostile_corpus_through_pilot(tmp_path: Path) -> None:
    """The same corpus in the app under Pilot at 120x40, where the four panes show at once:
    each pane with the focus, then every article with its removed text hidden and again
    shown, then a search, draws no control character and no bidi override; the markup
    in an article shows as the text it is and never acts (the app is still running)."""
    count = hostile_corpus(tmp_path / "corpus")
    app = ReaderApp(open_corpus([tmp_path / "corpus"]))
    unsafe = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for pane in ("2", "3", "4", "1"):
            await pilot.press(pane)
            assert not unsafe.search(app.export_screenshot()), pane
        for key, removed in (("j", False), ("k", True)):  # down the list, then back up
            if removed:
                await pilot.press("2", "r", "1")
            shown = set()
            for index in range(count):
                if index:
                    await pilot.press(key)
                await pilot.pause()
                assert not unsafe.search(app.export_screenshot()), screen.article_id
                shown.add(screen.article_id)
                if screen.article_id == "markup":  # in the title, and again in the text
                    text = screen_text(app)
                    for markup in ("[bold red]not bold[/]", "[@click=app.quit]quit[/]"):
                        assert text.count(markup) >= 2, text
            assert len(shown) == count, (removed, shown)
        assert "markup" in shown
        await pilot.press("slash", *"union", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not unsafe.search(app.export_screenshot())
        assert app.is_running


def bundled_reader(tmp_path: Path, size: tuple[int, int] = (120, 40)) -> Pty:
    """The reader on the bundled corpus in a terminal of this size, its first screen drawn."""
    env = dict(os.environ, TERM="xterm-256color", XDG_CACHE_HOME=str(tmp_path / "cache"))
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    reader = Pty([sys.executable, "-m", "tui_reader"], env, size)
    reader.until(heading("1 / 4"))
    reader.until(focused("Articles"))
    return reader


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_keys_typed_together_go_where_the_first_sends_them(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """ "2G" written at once: the 2 moves to the article, and the G goes there too (to its
    end), not to the list that had focus when both arrived; at 80x24 too, where the article
    was hidden, and so not yet laid out, when the G arrived.

    Then, in the same reader, back at the article's top and in the list: a search, then
    Enter, "2" and "G" written at once, as a slow link delivers them: Enter keeps the
    results and leaves the box, the 2 moves to the article and the G to its end; neither
    is typed into the search."""
    reader = bundled_reader(tmp_path, size)
    reader.press(b"2G", showing("100%"))
    assert "1 / 4" in reader.text().splitlines()[0]  # the list did not move
    # At the top again, the article shows "100%" only once a G below reaches its end.
    reader.press(b"g", lambda shown: "100%" not in shown.text())
    reader.press(b"1", focused("Articles"))
    reader.press(b"/bessemer", heading("1 of 4 articles"))
    reader.press(b"\r2G", showing("100%"))
    assert "search: bessemer  (Esc" in reader.text().splitlines()[0]
    assert reader.close() == 0


CODE_PAGE_437 = set(bytes(range(128, 256)).decode("cp437") + "".join(map(chr, range(32, 127))))
CODE_PAGE_437 |= set("☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼⌂")  # the glyphs of its control codes
"""The characters of the Linux console's default font."""


def glyphs(sent: bytes) -> set[str]:
    """The characters drawn: what is sent, less escape sequences and control characters."""
    text = re.sub(
        r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>78])",
        "",
        sent.decode("utf-8", "replace"),
    )
    return {char for char in text if char >= " " and char != "\x7f"}


@pytest.mark.slow
def test_the_reader_at_80x24_on_the_linux_console_without_colour(
    tmp_path: Path, seeds: Corpus
) -> None:
    """A real terminal of 80x24, TERM=linux, NO_COLOR=1: the help lists the keys, a
    bookmark shows as "*" (the console's font has no star), a search narrows the list and
    says so in the status line, each pane shows, the command palette opens, and Esc and q
    work. No colour with a hue is ever sent, and every character drawn is one the console's
    font has (code page 437), or comes from the articles."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLORTERM",)}
    env.update(TERM="linux", NO_COLOR="1", XDG_CACHE_HOME=str(tmp_path / "cache"))
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    reader = Pty([sys.executable, "-m", "tui_reader"], env, (80, 24))
    reader.until(heading("4 articles"))
    reader.until(focused("Articles"))
    reader.press(
        b"?", lambda shown: all(map(shown.text().__contains__, ("Keys", "Search", "Quit")))
    )
    reader.press(b"\x1b", focused("Articles"))
    # The mark, at once: not its row without the unread dot, which waits for the keys to
    # stop for two seconds (the article is then read).
    reader.press(
        b"b", lambda shown: any(line.startswith("│ *") for line in shown.text().splitlines())
    )
    reader.press(b"/bessemer", heading("1 of 4 articles"))
    assert "search: bessemer" in reader.text().splitlines()[0]
    reader.press(b"\x1b", lambda shown: "1 of 4" not in shown.text().splitlines()[0])
    for pane, title in ((b"2", "┌─ Article "), (b"3", "┌─ Entities "), (b"4", "┌─ Timeline ")):
        reader.press(pane, showing(title))  # one pane at a time at 80x24: each in turn
    reader.press(b"1", focused("Articles"))
    reader.press(b"\x10", showing("Search for commands..."))  # Ctrl+P
    reader.press(b"\x1b", lambda shown: "Search for commands" not in shown.text())
    assert reader.close() == 0
    assert not hues(bytes(reader.sent))  # NO_COLOR: greys at most
    articles = "".join(to_text(seeds))
    assert glyphs(bytes(reader.sent)) - CODE_PAGE_437 - set(articles) == set()
