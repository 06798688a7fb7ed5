"""Hostile input: files that are not what they claim, and text built to break a reader."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

from tui_reader.corpus import lines, loading
from tui_reader.corpus.analysis import build, open_corpus
from tui_reader.corpus.loading import Source, load
from tui_reader.corpus.model import Problem
from tui_reader.corpus.text import links_in, printable, safe_url
from tui_reader.store.cache import Cache
from tui_reader.store.pipeline import Loading

BODY = "Workers at the warehouse in Albany voted on Friday to join the union, said Jane Doe."


def reasons(problems: list[Problem]) -> dict[str, str]:
    return {Path(problem.path).name: problem.reason for problem in problems}


def test_fifos_and_sockets_are_skipped_without_being_opened(tmp_path: Path) -> None:
    """Opening a FIFO waits for a writer forever: it is reported from its type alone."""
    (tmp_path / "good.txt").write_text(BODY)
    os.mkfifo(tmp_path / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    try:
        started = time.monotonic()
        sources, problems = load([tmp_path])
        assert time.monotonic() - started < 5
    finally:
        server.close()
    assert [s.id for s in sources] == ["good"]
    found = reasons(problems)
    assert found["pipe.txt"].startswith("a FIFO")
    assert found["sock.txt"].startswith("a socket")


def test_a_fifo_named_on_the_command_line_is_skipped_too(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    sources, problems = load([tmp_path / "pipe.txt"])
    assert sources == []
    assert "FIFO" in problems[0].reason


def test_links_are_followed_once_and_dangling_ones_reported(tmp_path: Path) -> None:
    """A link back to a parent folder loops no more than once; a link to nothing is
    named; a link to a file loads it."""
    corpus = tmp_path / "corpus"
    (corpus / "inner").mkdir(parents=True)
    (corpus / "inner" / "a.txt").write_text(BODY)
    (corpus / "inner" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "outside.txt").write_text(BODY.replace("Albany", "Boise"))
    (corpus / "linked.txt").symlink_to(tmp_path / "outside.txt")
    sources, problems = load([corpus])
    assert sorted(s.id for s in sources) == ["a", "linked"]
    assert "dangling" in reasons(problems)["gone.txt"]


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (("\ufeff" + BODY + " Café.").encode("utf-8"), "utf-8 with a byte-order mark"),
        ((BODY + " Café.").encode("utf-16"), "utf-16 with a byte-order mark"),
        ((BODY + " Café.").encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16 big-endian"),
        ((BODY + " Café – “quoted”.").encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_recognised(tmp_path: Path, encoded: bytes, name: str) -> None:
    (tmp_path / "a.txt").write_bytes(encoded)
    sources, problems = load([tmp_path])
    assert problems == [], name
    assert sources[0].text.startswith("Workers"), name
    assert "Café" in sources[0].text, name


def test_binary_files_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (tmp_path / "noise.md").write_bytes(bytes(range(1, 32)) * 40)
    (tmp_path / "accented.txt").write_text("é\x01ü\x02€\x03" * 300)  # half controls
    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / "odd.txt").write_text("Zoë’s café\x0b " * 300)  # a control in ten: text
    sources, problems = load([tmp_path])
    assert [s.id for s in sources] == ["good", "odd"]
    found = reasons(problems)
    assert "binary" in found["image.txt"]
    assert "binary" in found["noise.md"]
    assert "binary" in found["accented.txt"]


def test_a_huge_article_is_cut_and_marked_and_read_no_further(tmp_path: Path) -> None:
    """Tens of megabytes, or one line of 3 MB with no space: each article is cut at
    about 2 MB of text and marked truncated, and it still analyses."""
    (tmp_path / "huge.txt").write_text((BODY + "\n\n") * 300_000)  # about 26 MB
    (tmp_path / "line.txt").write_text("x" * 3_000_000)
    sources, _ = load([tmp_path])
    for source in sources:
        assert source.truncated
        assert len(source.text) <= loading.MAX_CHARS
    started = time.monotonic()
    corpus = open_corpus([tmp_path / "line.txt"])
    assert time.monotonic() - started < 30
    assert corpus.articles[0].truncated


def test_a_file_that_grows_while_it_is_read_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file is read for the size it had when looked at; one written to since (its size
    then given as 10 bytes here) is still read whole, not cut at that size."""
    (tmp_path / "growing.txt").write_text(BODY)
    real = loading._regular
    monkeypatch.setattr(loading, "_regular", lambda path: min(real(path), 10))
    sources, problems = load([tmp_path])
    assert problems == []
    assert sources[0].text == BODY


def test_a_json_lines_record_too_long_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [("One", BODY), ("Huge", "y" * (lines.MAX_TEXT_BYTES + 10)), ("Three", BODY)]
    path.write_text("".join(json.dumps({"title": t, "text": x}) + "\n" for t, x in records))
    sources, problems = load([path])
    assert [s.meta.title for s in sources if s.meta] == ["One", "Three"]
    assert [s.record for s in sources] == [1, 3]
    assert "over 8 MB" in problems[0].reason


def test_a_text_file_cut_inside_a_character_keeps_its_encoding(tmp_path: Path) -> None:
    """A read that stops inside a UTF-8 character does not make the file cp1252."""
    text = "é" * (lines.MAX_TEXT_BYTES // 2 + 1)
    (tmp_path / "a.txt").write_text("Title\n\n" + text, encoding="utf-8")
    sources, _ = load([tmp_path])
    assert set(sources[0].text[7:100]) == {"é"}


def test_only_http_urls_are_sent_and_their_controls_are_percent_encoded() -> None:
    assert safe_url("https://example.com/a b\x1b]52;c;x\x07") == (
        "https://example.com/a%20b%1B]52;c;x%07"
    )
    assert safe_url(" http://example.com/\u202eevil ") == "http://example.com/%E2%80%AEevil"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "example.com", ""):
        assert safe_url(bad) is None


def test_lone_surrogates_never_reach_the_text(tmp_path: Path) -> None:
    """A JSON "\\udc80" decodes to a character no terminal (nor UTF-8) can take; broken
    literal escapes stay as they are. Everything loaded can be written out as UTF-8."""
    record = {"title": "Lone \udc80 here", "text": "Body \ud83d alone, \\ud83d literal, \\uZZZZ."}
    (tmp_path / "export.json").write_text(json.dumps([record]))
    corpus = open_corpus([tmp_path])
    article = corpus.articles[0]
    for text in (article.title, *article.paragraphs):
        text.encode("utf-8")
    assert "\\uZZZZ" in article.paragraphs[0]


def test_a_file_name_that_is_not_utf_8_loads_and_caches(tmp_path: Path) -> None:
    """Undecodable bytes in a file name become lone surrogates in Python: the file still
    loads (with the analysis cache on), and its name shows the byte as an escape."""
    with open(os.fsencode(tmp_path) + b"/bad\xff.txt", "w") as stream:
        stream.write(BODY)
    cache = Cache(tmp_path / "cache.sqlite3", "v")
    corpus = Loading([tmp_path], cache=cache).run()
    assert len(corpus.articles) == 1
    assert printable(corpus.articles[0].source).endswith("/bad\\xff.txt")


def test_emoji_joiners_and_variation_selectors_are_left_out(tmp_path: Path) -> None:
    """Terminals disagree on how wide a joined emoji ("👩‍👧", one glyph or two) or one with
    a variation selector ("❤️") is, and a row drawn at another width than counted breaks
    the pane's border: the joiner and the selectors leave the text, in the body, the
    title and a file's name; the emoji themselves stay."""
    family, heart = "👩\u200d👩\u200d👧", "❤\ufe0f"
    (tmp_path / f"a {family}.txt").write_text(
        f"Title {family}\n\nThe union {heart} won {family}.\n"
    )
    article = open_corpus([tmp_path]).articles[0]
    shown = [article.title, *article.paragraphs, printable(article.source)]
    for text in shown:
        assert not {"\u200d", "\ufe0e", "\ufe0f"} & set(text), repr(text)
    assert "👩👩👧" in article.paragraphs[0]
    assert "❤" in article.paragraphs[0]


def test_links_are_found_in_text_without_their_closing_punctuation() -> None:
    text = "See https://a.example/x?y=1. Also (http://b.example/z), javascript:x and https://a.example/x?y=1!"
    assert links_in([text]) == ["https://a.example/x?y=1", "http://b.example/z"]


# Runs of one piece of text that made a pattern backtrack from each of its characters (a
# mangled data URI is a run of letters), or made each date keep a copy of its paragraph.
PATHOLOGICAL_RUNS = (
    "A", "Aa", "A ", " ", ".", "1", "A.", "A-", "Aa-Bb'Cc ", "U.S. ", "A | ", "Mr. ",
    "Smith said, ", "(A) ", "&amp", "\\u0041", "1 April 2022 ",
)  # fmt: skip


@pytest.mark.timeout(30)
@pytest.mark.parametrize("piece", PATHOLOGICAL_RUNS)
def test_a_long_run_of_one_piece_of_text_is_analysed_in_time(piece: str) -> None:
    """200 KB of one piece of text repeated, on one line: analysed in well under the limit
    (a pattern that backtracks over the run took over a minute here), and no event keeps
    more than a few hundred characters of its sentence. `bench/regex_audit.py` checks each
    pattern on its own."""
    text = "Title\n\n" + piece * (200_000 // len(piece))
    corpus = build([Source("a", "a.txt", text)])
    assert not corpus.problems
    (article,) = corpus.articles
    assert all(len(event.text) <= 402 for event in article.events)
