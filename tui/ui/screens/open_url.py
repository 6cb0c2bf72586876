"""Small dialogs: type a URL or path to open; a related post has no link; yes or no."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.ui.safe_text import clean


class OpenUrlScreen(ModalScreen[str | None]):
    """Ask for a URL or a file path; dismisses with the text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, initial: str = "") -> None:
        super().__init__()
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Open a URL or a file path", style="bold"))
            yield Input(
                value=self.initial, placeholder="https://… or ~/articles/page.html", id="location"
            )
            yield Static(Text("Enter to open, Escape to cancel", style="dim"))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoLinkScreen(ModalScreen[bool]):
    """A related post without a link: offer to search the library for its title."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n,q", "answer(False)", "Cancel"),
        Binding("s,y", "answer(True)", "Search the library"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.post_title = title

    def compose(self) -> ComposeResult:
        message = Text("This related post has no link in the page:\n", style="bold")
        message.append(clean(self.post_title), style="italic")
        with Vertical(classes="dialog"):
            yield Static(message)
            with Horizontal(classes="buttons"):
                yield Button("Search the library", id="search", variant="primary")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "search")

    def action_answer(self, search: bool) -> None:
        self.dismiss(search)


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question: y or Enter says yes; n, Escape or q says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n,q", "answer(False)", "Cancel"),
        Binding("y", "answer(True)", "Yes"),
    ]

    def __init__(self, question: str, yes: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean(self.question), style="bold"))
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button("Cancel", id="cancel")
            yield Static(Text(f"y or Enter: {self.yes.lower()}; n or Escape: cancel", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
