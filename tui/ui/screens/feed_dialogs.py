"""Dialogs of the feed screens: add a feed by address, set its refresh interval, confirm an
unsubscription."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core.library.feeds import DEFAULT_REFRESH_MINUTES, MIN_REFRESH_MINUTES
from tui.ui.safe_text import clean


class AddFeedScreen(ModalScreen[str | None]):
    """Ask for a feed's address or a site's home page; None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Add a feed", style="bold"))
            yield Input(placeholder="https://… a feed, or a site's home page", id="feed-url")
            yield Static(
                Text(
                    "A home page works when it names its feed (<link rel=alternate>).\n"
                    "Enter to add, Escape to cancel",
                    style="dim",
                )
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class IntervalScreen(ModalScreen[int | None]):
    """Ask how often a feed is refreshed: minutes as typed, 0 (or empty) for the default;
    None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, name: str, minutes: int | None) -> None:
        super().__init__()
        self.feed_name = name
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        current = f"every {self.minutes} minutes" if self.minutes else "the default"
        with Vertical(classes="dialog"):
            yield Static(Text(f"Refresh {clean(self.feed_name)}", style="bold"))
            yield Input(
                str(self.minutes or ""),
                placeholder=f"minutes (empty: the default, {DEFAULT_REFRESH_MINUTES})",
                type="integer",
                id="feed-interval",
            )
            yield Static(
                Text(
                    f"Now {current}. {MIN_REFRESH_MINUTES} minutes at the least; empty or 0 "
                    "for the default.\nEnter to set, Escape to cancel",
                    style="dim",
                )
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        minutes = int(text) if text.lstrip("-").isdigit() else 0
        self.dismiss(max(minutes, 0))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; `y` or Enter says yes, `n` or Escape says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean(self.question), style="bold"))
            yield Static(Text(clean(self.detail)))
            yield Static(Text("y: yes   n / Escape: no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
