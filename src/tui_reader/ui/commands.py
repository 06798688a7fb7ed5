"""Every key the reader binds, read from the declarations the bindings themselves use, so
that the help screen, the keymap's command ids and the key table of docs/keys.md cannot drift
from what the keys do."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.keys import format_key

from .keys import GLOBAL, NAVIGATION
from .screens.choose import ChooseScreen
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .screens.problems import ProblemsScreen
from .screens.prompt import PromptScreen
from .widgets.lists import ArticleList, EntitySidebar, TimelineList
from .widgets.reader import ReadingView
from .widgets.rows import RowList
from .widgets.search import SearchBox

SECTIONS: tuple[tuple[str, list[BindingType]], ...] = (
    ("Anywhere", [*GLOBAL, *MainScreen.BINDINGS]),
    ("Every pane", NAVIGATION),
    ("Lists", [b for b in RowList.BINDINGS if b not in NAVIGATION]),
    ("Article list", ArticleList.BINDINGS),
    ("Entities", EntitySidebar.BINDINGS),
    ("Timeline", TimelineList.BINDINGS),
    ("Article", [b for b in ReadingView.BINDINGS if b not in NAVIGATION]),
    ("Search box", SearchBox.BINDINGS),
    ("Help", HelpScreen.BINDINGS),
    ("Prompt", PromptScreen.BINDINGS),
    ("Choosing a link", ChooseScreen.BINDINGS),
    ("Problems", ProblemsScreen.BINDINGS),
)
"""The key declarations, by where they act."""


@dataclass(frozen=True, slots=True)
class Command:
    """One command as the help lists it: its id, its keys, and what it does."""

    id: str
    keys: tuple[str, ...]
    description: str


def bindings(declared: list[BindingType]) -> list[Binding]:
    """Declarations as Binding objects (a declaration may be a tuple)."""
    return [b if isinstance(b, Binding) else Binding(*b) for b in declared]


def command(binding: Binding, keymap: dict[str, str]) -> Command:
    """A binding as a command, with the keys the keymap gives it."""
    keys = keymap.get(binding.id or "", binding.key)
    return Command(binding.id or "", tuple(canonical(keys)), binding.description)


def sections(keymap: dict[str, str]) -> list[tuple[str, list[Command]]]:
    """Each section's commands, with the keys the keymap gives them."""
    return [
        (title, [command(binding, keymap) for binding in bindings(declared)])
        for title, declared in SECTIONS
    ]


def defaults() -> dict[str, str]:
    """Every command id and all its keys, as declared (an id may be bound in several
    places, as moving down is in the panes and in a list to choose from)."""
    keys: dict[str, list[str]] = {}
    for _, declared in SECTIONS:
        for binding in bindings(declared):
            if binding.id:
                known = keys.setdefault(binding.id, [])
                known += [key for key in canonical(binding.key) if key not in known]
    return {command_id: ",".join(ids) for command_id, ids in keys.items()}


def canonical(keys: str) -> list[str]:
    """Keys as Textual names them: "?" is "question_mark"."""
    return [b.key for b in Binding.make_bindings([Binding(keys, "")])]


_NAMES = {
    "down": "↓", "up": "↑", "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End",
    "escape": "Esc", "enter": "Enter", "tab": "Tab", "space": "Space",
}  # fmt: skip


def shown_keys(keys: tuple[str, ...]) -> str:
    """Keys as the help and the palette show them: "↓ j"."""
    return " ".join(shown(key) for key in keys)


def shown(key: str) -> str:
    """A key as the help and docs/keys.md show it: "Ctrl+d", "PgDn", "?"."""
    *modifiers, name = key.split("+")
    function_key = name[:1] == "f" and name[1:].isdigit()
    label = _NAMES.get(name) or (name.upper() if function_key else format_key(name))
    return "+".join([*(m.title() for m in modifiers), label])


def markdown(keymap: dict[str, str] | None = None) -> str:
    """The key table of docs/keys.md."""
    lines = ["| Keys | Command id | What it does |", "| --- | --- | --- |"]
    for title, commands in sections(keymap or {}):
        lines.append(f"| **{title}** | | |")
        for entry in commands:
            keys = " ".join(f"`{shown(key)}`" for key in entry.keys).replace("`|`", "`\\|`")
            lines.append(f"| {keys} | `{entry.id}` | {entry.description} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
