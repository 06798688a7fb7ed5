"""What `dump` does when its output cannot take what it writes: a reader that goes away, a
full disk, a locale whose encoding lacks characters; and names that are not UTF-8 in a
UTF-8 locale where Python does not let them through (en_US.UTF-8, not C.UTF-8)."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .test_terminal import Pty, heading, showing

DUMP = [sys.executable, "-m", "tui_reader", "dump"]
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
"""The environment of a user's shell: output buffered, so that some is still unwritten when
a write fails, and the interpreter tries it again as it exits."""
BODY = "Workers in Albany voted on March 4, 2022, to join the union, said Jane Doe.\n"


def locale(folder: Path, name: str, charmap: str, definitions: str = "en_US") -> dict[str, str]:
    """The environment of a locale made with `localedef` in `folder` (no root needed), or
    a skip if this system cannot make one."""
    try:
        subprocess.run(
            ["localedef", "-i", definitions, "-f", charmap, str(folder / name)],
            capture_output=True,
            timeout=60,
        )
    except FileNotFoundError:
        pytest.skip("no localedef to make a locale with")
    env = {k: v for k, v in BUFFERED.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LOCPATH=str(folder), LC_ALL=name, PYTHONUTF8="0")
    check = "import sys; print(sys.stdout.encoding, sys.stdout.errors)"
    python = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True)
    expected = f"{'utf-8' if charmap == 'UTF-8' else 'iso8859-1'} strict"
    if python.stdout.decode().strip() != expected:
        pytest.skip(f"the locale {name} made with localedef is not in effect")
    return env


def short(folder: Path) -> str:
    """A folder of one short article, whose dump fits in the output's buffer: only the last
    flush can fail."""
    folder.mkdir()
    (folder / "a.txt").write_text(f"A title\n\n{BODY}")
    return str(folder)


def test_a_reader_that_goes_away_ends_the_dump_quietly(tmp_path: Path) -> None:
    """`dump | head -1`, plain and JSON: the first line is read, the pipe closed, and the
    dump exits 0 with nothing on stderr. The pipe holds 4 KB, so the dump is still writing
    when it closes. A short dump into a pipe closed before it writes is as quiet."""
    for arguments in ([], ["--json"]):
        read, write = os.pipe()
        fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)
        dump = subprocess.Popen(
            [*DUMP, *arguments], stdout=write, stderr=subprocess.PIPE, env=BUFFERED
        )
        os.close(write)
        with os.fdopen(read, "rb") as output:
            assert output.readline().strip()
        _, errors = dump.communicate(timeout=60)
        assert (dump.returncode, errors) == (0, b""), arguments
    read, write = os.pipe()
    os.close(read)
    arguments = [*DUMP, short(tmp_path / "short")]
    closed = subprocess.run(arguments, stdout=write, stderr=subprocess.PIPE, env=BUFFERED)
    os.close(write)
    assert (closed.returncode, closed.stderr) == (0, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to fill")
def test_a_full_disk_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """`dump > /dev/full`, plain and JSON, long and short: one line says why, and the
    status is 1."""
    for arguments in ([], ["--json"], [short(tmp_path / "short")]):
        with open("/dev/full", "wb") as full:
            command = [*DUMP, *arguments]
            dump = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, env=BUFFERED)
        assert dump.returncode == 1, arguments
        assert dump.stderr.decode() == (
            "tui-reader: the output could not be written: No space left on device\n"
        ), arguments


def test_dump_in_a_latin_1_locale_writes_what_it_lacks_as_escapes(tmp_path: Path) -> None:
    """The bundled articles hold "—", which Latin-1 lacks: it is written as "\\u2014", what
    Latin-1 has as itself, and the dump exits 0."""
    env = locale(tmp_path, "en_US.ISO-8859-1", "ISO-8859-1")
    article = tmp_path / "a.txt"  # alone: the folder holds the locale's files too
    article.write_text(f"Café — a title\n\n{BODY}")
    dump = subprocess.run([*DUMP, str(article)], env=env, capture_output=True, timeout=60)
    assert (dump.returncode, dump.stderr) == (0, b"")
    assert dump.stdout.decode("latin-1").startswith("# Café \\u2014 a title\n")


def test_a_name_not_utf_8_loads_and_shows_escaped_in_en_us_utf_8(tmp_path: Path) -> None:
    """In en_US.UTF-8, Python writes no undecodable byte: a file named b"bad\\xff.txt" is
    still dumped, plain and JSON, and the reader shows it, with the byte as "\\xff"."""
    # POSIX's definitions are smaller than en_US's, and quicker to make; what Python goes
    # by is the name (not C) and the codeset, which `locale` checks.
    env = locale(tmp_path, "en_US.UTF-8", "UTF-8", definitions="POSIX")
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/bad\xff.txt", "w") as stream:
        stream.write(f"A title\n\n{BODY}")
    plain = subprocess.run([*DUMP, str(folder)], env=env, capture_output=True, timeout=60)
    assert (plain.returncode, plain.stderr) == (0, b"")
    assert f"bad\\xff · 2022-03-04 · {folder}/bad\\xff.txt\n".encode() in plain.stdout
    dumped = subprocess.run([*DUMP, "--json", str(folder)], env=env, capture_output=True)
    assert dumped.returncode == 0
    assert json.loads(dumped.stdout)["articles"][0]["id"] == "bad\\xff"
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    reader = Pty([sys.executable, "-m", "tui_reader", str(folder)], env, (100, 30))
    reader.until(heading("1 article"))
    reader.until(showing("bad\\xff.txt"))
    assert "\ufffd" not in reader.text()
    assert reader.close() == 0
