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
