"""How the corpus is seen, kept with the reading state between runs: where the article
is scrolled to, and the filters. Read and set through the main screen's public API."""

from __future__ import annotations

from .screens.main import MainScreen
from .widgets.lists import ArticleList
from .widgets.reader import ReadingView


def view_of(screen: MainScreen) -> dict[str, object]:
    """How the corpus is seen now, to see it so again (`restore`)."""
    search = screen.search_box.value.strip() if screen.search_box.search_query else None
    return {
        "top": screen.query_one(ReadingView).top_position(),
        "entity": screen.filters.entity,
        "search": search or None,
        "period": screen.filters.period,
        "unread": screen.filters.exclude_ids is not None,
        "list_width": screen.query_one(ArticleList).width_asked,
    }


def restore(screen: MainScreen, article_id: str, view: dict[str, object]) -> None:
    """Open the corpus as it was seen (`view_of`), on this article. What no longer fits
    (an entity gone, an article filtered out) is left as it is."""
    entity, period, search = view.get("entity"), view.get("period"), view.get("search")
    search = search if isinstance(search, str) and search else None
    filters = screen.filters
    if isinstance(entity, str) and entity in screen.corpus.entities:
        filters = filters.with_entity(entity)
    if isinstance(period, str):
        filters = filters.with_period(period)
    if view.get("unread") is True:
        filters = filters.with_hidden(frozenset(screen.marks.read))
    width = view.get("list_width")
    if isinstance(width, int) and not isinstance(width, bool):
        screen.query_one(ArticleList).ask_width(width)  # first: the article wraps to it
    screen.set_filters(filters)
    screen.go_to(article_id)
    top = view.get("top")
    if isinstance(top, list) and len(top) == 2 and all(isinstance(n, int) for n in top):
        screen.scroll_article((top[0], top[1]), after_search=search is not None)
    if search is not None:
        screen.search_box.restore(search)
