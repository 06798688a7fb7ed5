"""Key declarations shared by the panes, each with a stable id a keymap can rebind."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# Anywhere, whatever has focus.
GLOBAL: list[BindingType] = [
    Binding("question_mark,f1", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]

# Moving in any pane. Each pane implements the actions `move`, `page` and `jump`.
NAVIGATION: list[BindingType] = [
    Binding("down,j", "move(1)", "Down", show=False, id="down"),
    Binding("up,k", "move(-1)", "Up", show=False, id="up"),
    Binding("pagedown", "page(1)", "Page down", show=False, id="page-down"),
    Binding("pageup", "page(-1)", "Page up", show=False, id="page-up"),
    Binding("home,g", "jump(0)", "First", show=False, id="first"),
    Binding("end,G", "jump(-1)", "Last", show=False, id="last"),
]

# Moving in a list of choices (an OptionList): the ids of moving down and up in the panes,
# so that a keymap that moves those moves these.
CHOICES: list[BindingType] = [
    Binding("j", "cursor(1)", "Down", show=False, id="down"),
    Binding("k", "cursor(-1)", "Up", show=False, id="up"),
]

# The main screen's own, acting on the panes and the article shown.
MAIN: list[BindingType] = [
    # Priority bindings, run as the key arrives, before the keys typed after it are
    # handed to the widget with focus: after "2G" the G must go to the article.
    Binding("tab", "cycle_pane(1)", "Next pane", id="next-pane", priority=True),
    Binding(
        "shift+tab",
        "cycle_pane(-1)",
        "Previous pane",
        show=False,
        id="previous-pane",
        priority=True,
    ),
    Binding("1", "pane(0)", "Article list pane", show=False, id="pane-articles", priority=True),
    Binding("2", "pane(1)", "Article pane", show=False, id="pane-reader", priority=True),
    Binding("3", "pane(2)", "Entities pane", show=False, id="pane-entities", priority=True),
    Binding("4", "pane(3)", "Timeline pane", show=False, id="pane-timeline", priority=True),
    # The keys typed after it must go to the box it opens.
    Binding("slash", "search", "Search", id="search", priority=True),
    Binding("n", "next_match(1)", "Next search match", show=False, id="next-match"),
    Binding("N", "next_match(-1)", "Previous search match", show=False, id="previous-match"),
    Binding("b", "toggle_bookmark", "Bookmark", show=False, id="bookmark"),
    Binding("U", "toggle_unread_only", "Unread articles only", show=False, id="unread-only"),
    Binding("u", "toggle_read", "Mark unread (or read)", show=False, id="toggle-read"),
    Binding("y", "copy_link", "Copy the article's link", show=False, id="copy-link"),
    Binding("Y", "copy_a_link", "Copy a link from the article", show=False, id="copy-a-link"),
    Binding("o", "open_link", "Open the link in a browser", show=False, id="open-link"),
    Binding("e", "export", "Export", show=False, id="export"),
    Binding("R", "app.refresh", "Fetch the feeds and addresses again", show=False, id="refresh"),
    Binding("F", "app.refresh(True)", "Full text of feed summaries", show=False, id="full-text"),
    Binding("exclamation_mark", "problems", "Problems", show=False, id="problems"),
    Binding("escape", "clear_filter", "Clear filter", id="clear-filter"),
    Binding("less_than_sign", "list_width(-1)", "Narrower list", show=False, id="list-narrower"),
    Binding("greater_than_sign", "list_width(1)", "Wider list", show=False, id="list-wider"),
]
