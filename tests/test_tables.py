"""Tables of articles: CSV and TSV files with a header row, one article a row."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from tui_reader.corpus import tables
from tui_reader.corpus.analysis import open_corpus
from tui_reader.store.cache import Cache, pipeline_version
from tui_reader.store.pipeline import Loading

pytestmark = pytest.mark.timeout(30)

BODY = "Workers at the warehouse voted to join the union on Friday as the count showed."


def test_a_csv_gives_an_article_a_row_with_its_metadata(tmp_path: Path) -> None:
    """Each row is an article with the title, date, author, link and source (its site) of
    its columns, named by the file and the row's link, or its number when it has none."""
    (tmp_path / "news.csv").write_text(
        "title,published,author,url,source,text\n"
        f'Workers vote,2022-04-01,Jane Doe,https://example.com/a,Reuters,"{BODY}"\n'
        f'"The count, day two",2022-04-02,,,,"{BODY} It ended Sunday."\n',
        encoding="utf-8",
    )
    corpus = open_corpus([tmp_path])
    second, first = sorted(corpus.articles, key=lambda article: article.title)
    assert (first.title, first.author) == ("Workers vote", "Jane Doe")
    assert first.id == "news#https://example.com/a"
    assert (first.url, first.published) == ("https://example.com/a", dt.date(2022, 4, 1))
    assert first.published_from == "table"
    assert (first.site, second.site) == ("Reuters", None)
    assert (second.id, second.title) == ("news#2", "The count, day two")
    assert corpus.problems == []


def test_a_row_keeps_its_id_when_rows_move(tmp_path: Path) -> None:
    """A row's id column names its article, so a read mark stays with it when the rows of
    the file are sorted anew; a repeated id falls back to the row's number."""
    path = tmp_path / "t.csv"
    path.write_text(f"id,title,body\nx7,Seven,{BODY}\nx9,Nine,{BODY}\nx7,Again,{BODY}\n")
    ids = {article.title: article.id for article in open_corpus([path]).articles}
    assert ids == {"Seven": "t#x7", "Nine": "t#x9", "Again": "t#3"}
    path.write_text(f"id,title,body\nx9,Nine,{BODY}\nx7,Seven,{BODY}\n")
    assert {a.title: a.id for a in open_corpus([path]).articles} == {
        "Seven": "t#x7",
        "Nine": "t#x9",
    }


def test_tsv_and_semicolons_and_quoted_paragraphs(tmp_path: Path) -> None:
    """A .tsv file is split at tabs; a .csv written with semicolons at them; a quoted cell
    holds paragraphs, and a cell far longer than the csv module's default limit."""
    long_body = " ".join([BODY] * 3000)  # about 230 KB
    (tmp_path / "a.tsv").write_text(f"headline\tcontent\nTabbed\t{BODY}\n")
    (tmp_path / "b.csv").write_text(f'title;text\nSemi;"{BODY}\n\nSecond paragraph here."\n')
    (tmp_path / "c.csv").write_text(f"title,text\nLong,{long_body}\n")
    articles = {a.title: a for a in open_corpus([tmp_path]).articles}
    assert set(articles) == {"Tabbed", "Semi", "Long"}
    assert articles["Semi"].paragraphs[-1] == "Second paragraph here."
    assert len(articles["Long"].paragraphs[0]) > 200_000


def test_a_table_with_no_text_column_is_reported_by_name(tmp_path: Path) -> None:
    """A table whose header names no column of text is one problem that lists its columns
    and says how to name one; a row without text is reported, and the rest are kept."""
    (tmp_path / "prices.csv").write_text("ticker,price\nAMZN,3000\n")
    (tmp_path / "news.csv").write_text(f"title,text\nEmpty,\nFull,{BODY}\n")
    corpus = open_corpus([tmp_path])
    assert [a.title for a in corpus.articles] == ["Full"]
    reasons = {Path(p.path).name: p.reason for p in corpus.problems}
    assert "'ticker', 'price'" in reasons["prices.csv"]
    assert "--columns text=COLUMN" in reasons["prices.csv"]
    assert reasons["news.csv#1"] == "no article text in this row"


def test_columns_are_mapped_as_the_user_says() -> None:
    """`--columns title=headline,text=story` reads those columns, over any that bear the
    fields' own names."""
    mapping = tables.parse_columns("title=headline, text=story")
    table = io.StringIO(f"title,headline,story\nSection,The real title,{BODY}\n")
    (record,) = tables.records(table, ",", mapping)
    assert record is not None
    assert (record.title, record.body) == ("The real title", BODY)
    with pytest.raises(
        tables.Columns, match="no column 'headline'; the columns are 'title', 'text'"
    ):
        list(tables.records(io.StringIO("title,text\n"), ",", mapping))


@pytest.mark.parametrize(
    ("spec", "message"),
    [("title", "is not FIELD=COLUMN"), ("colour=red", "no field 'colour'"), ("text=", "not")],
)
def test_a_bad_mapping_says_what_is_wrong(spec: str, message: str) -> None:
    """A mapping that is not FIELD=COLUMN, or names no field, is refused with a reason."""
    with pytest.raises(ValueError, match=message):
        tables.parse_columns(spec)


def test_a_table_in_cp1252_and_an_unclosed_quote(tmp_path: Path) -> None:
    """A table in cp1252 is read with its accents; a quote that never closes takes the
    rest of the file into one cell, as a spreadsheet would, and nothing raises."""
    (tmp_path / "old.csv").write_bytes(f"title,text\nCaf\xe9 owners,{BODY}\n".encode("cp1252"))
    (tmp_path / "cut.csv").write_text(f'title,text\nCut,"{BODY}\n')
    titles = sorted(a.title for a in open_corpus([tmp_path]).articles)
    assert titles == ["Café owners", "Cut"]


def test_rows_named_by_their_ids_come_back_from_the_cache(tmp_path: Path) -> None:
    """The second load of a table takes its articles, named by the rows' ids, from the
    analysis cache, with no problem reported."""
    path = tmp_path / "t.csv"
    path.write_text(f"id,title,text\nx7,Seven,{BODY}\n")
    cache = Cache(tmp_path / "analysis.sqlite3", pipeline_version())
    first = Loading([path], cache=cache).run()
    again = Loading([path], cache=cache).run()
    assert [a.id for a in again.articles] == [a.id for a in first.articles] == ["t#x7"]
    assert again.problems == []
