"""A list to choose one line from, over the reader: a link to copy, for instance."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from ..glyphs import OVERFLOW
from ..keys import CHOICES


class ChooseScreen(ModalScreen[str | None]):
    """Asks to choose one of some lines; Enter gives it, Esc gives None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-choice"),
        *CHOICES,
    ]
    DEFAULT_CSS = """
    ChooseScreen { align: center middle; }
    ChooseScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 80%;
        border: solid $accent; background: $surface; padding: 0 1;
    }
    ChooseScreen OptionList, ChooseScreen OptionList:focus {
        border: none; height: auto; max-height: 20;
    }
    """

    def __init__(self, question: str, choices: list[str]) -> None:
        super().__init__()
        self.question, self.choices = question, choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.question, markup=False)
            # Text, not strings: a string option would be read as markup, and these are data.
            yield OptionList(
                *(Text(choice, no_wrap=True, overflow=OVERFLOW) for choice in self.choices)
            )

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[message.option_index])

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
