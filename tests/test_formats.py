"""Files as scrapers leave them: front matter, Markdown, JSON and JSON Lines exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tui_reader.corpus.analysis import open_corpus
from tui_reader.corpus.loading import load


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_front_matter_gives_title_date_author_and_url(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.md",
        '---\ntitle: "Workers vote"\ndate: 2022-04-01T18:00:00Z\nauthor: Jane Doe\n'
        "url: https://example.com/a\n---\n# Workers vote\n\nWorkers voted on Friday.\n",
    )
    (article,) = open_corpus([tmp_path]).articles
    assert article.title == "Workers vote"
    assert article.published == dt.date(2022, 4, 1)
    assert article.published_from == "front matter"
    assert article.author == "Jane Doe"
    assert article.url == "https://example.com/a"
    assert article.paragraphs == ["Workers voted on Friday."]  # the repeated # title left


def test_toml_front_matter_and_a_markdown_title(tmp_path: Path) -> None:
    write(tmp_path, "t.md", '+++\ndate = "2022-04-04"\n+++\n# The count\n\nIt ended Sunday.\n')
    (article,) = open_corpus([tmp_path]).articles
    assert (article.title, str(article.published)) == ("The count", "2022-04-04")
    assert article.events[0].date == "2022-04-03"


def test_json_records_with_varying_keys_are_numbered_from_one(tmp_path: Path) -> None:
    records = [
        {"headline": "One", "articleBody": "It\\u0026#039;s Friday.", "datePublished": "2022-04-01",
         "authors": ["A B", "C D"], "link": "https://x/1"},
        {"title": "No text here"},
        {"title": "Three", "content": "Body &amp; more.", "publish_date": "Fri, 01 Apr 2022"},
    ]  # fmt: skip
    write(tmp_path, "export.json", json.dumps({"articles": records}))
    corpus = open_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["export#1", "export#3"]
    first = corpus.article("export#1")
    assert (first.title, first.paragraphs, first.author) == ("One", ["It's Friday."], "A B, C D")
    assert (first.url, first.published_from) == ("https://x/1", "json")
    assert corpus.article("export#3").paragraphs == ["Body & more."]
    assert [str(p) for p in corpus.problems] == [
        f"{tmp_path / 'export.json'}#2: no article text in this record"
    ]


def test_json_lines_are_read_record_by_record_and_bad_lines_reported(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "A", "text": "First.", "published": "2022-04-01"}),
        "",
        "not json",
        json.dumps({"title": "B", "body": "Second."}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines))
    sources, problems = load([path])
    assert [s.id for s in sources] == ["feed#1", "feed#3"]
    assert [str(p) for p in problems] == [f"{path}:3: not a JSON article record"]


def test_json_is_recognised_by_its_content_whatever_the_extension(tmp_path: Path) -> None:
    write(tmp_path, "dump.txt", json.dumps({"title": "T", "text": "Body text."}))
    write(tmp_path, "note.txt", "[Not JSON] but a line of text.\n")
    corpus = open_corpus([tmp_path])
    assert corpus.article("dump#1").title == "T"
    assert corpus.article("note").paragraphs == ["[Not JSON] but a line of text."]


def test_a_broken_json_file_is_reported_and_skipped(tmp_path: Path) -> None:
    write(tmp_path, "bad.json", "{ nope")
    write(tmp_path, "good.txt", "Fine.")
    corpus = open_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["good"]
    assert [p.reason for p in corpus.problems] == ["not valid JSON"]


def test_metadata_date_wins_and_an_impossible_one_gives_no_date(tmp_path: Path) -> None:
    write(
        tmp_path, "a.json", json.dumps([{"text": " date 2022-12-22 Body.", "date": "2022-04-01"}])
    )
    write(tmp_path, "b.json", json.dumps([{"text": "Body.", "date": "2022-13-45"}]))
    corpus = open_corpus([tmp_path])
    assert corpus.article("a#1").published == dt.date(2022, 4, 1)
    assert corpus.article("b#1").published is None


def test_json_nested_thousands_deep_is_reported_not_raised(tmp_path: Path) -> None:
    write(tmp_path, "deep.json", "[" * 100_000)
    write(tmp_path, "deep.jsonl", "[" * 100_000 + '\n{"text": "kept"}\n')
    write(tmp_path, "authors.json", json.dumps([{"text": "x", "author": [[[[[["deep"]]]]]]}]))
    corpus = open_corpus([tmp_path])
    assert sorted(a.id for a in corpus.articles) == ["authors#1", "deep#2"]
    assert corpus.article("authors#1").author is None
    assert sorted(p.reason for p in corpus.problems) == [
        "not a JSON article record",
        "not valid JSON",
    ]


def test_an_export_with_no_records_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "empty.json", "[]")
    write(tmp_path, "empty.jsonl", "\n\n")
    corpus = open_corpus([tmp_path])
    assert corpus.articles == []
    assert [p.reason for p in corpus.problems] == ["no article records"] * 2


def test_front_matter_lists_give_the_authors(tmp_path: Path) -> None:
    write(tmp_path, "y.md", "---\ntitle: A\nauthors:\n  - Jane Doe\n  - 'John Roe'\n---\nBody.\n")
    write(tmp_path, "t.md", '+++\ntitle = "B"\nauthors = ["Ann Lee", "Bo Kim"]\n+++\nBody.\n')
    corpus = open_corpus([tmp_path])
    assert corpus.article("y").author == "Jane Doe, John Roe"
    assert corpus.article("t").author == "Ann Lee, Bo Kim"


def test_quoted_front_matter_titles_lose_their_escapes(tmp_path: Path) -> None:
    """YAML and TOML escape a quote inside double quotes, and double it inside single ones."""
    write(tmp_path, "a.md", '---\ntitle: "The \\"Textgate\\" scandal"\n---\nWorkers voted.\n')
    write(tmp_path, "b.md", "---\ntitle: 'Workers'' win'\n---\nWorkers voted.\n")
    titles = sorted(article.title for article in open_corpus([tmp_path]).articles)
    assert titles == ['The "Textgate" scandal', "Workers' win"]
