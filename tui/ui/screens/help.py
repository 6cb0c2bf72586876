"""Every key binding of the app, the reader and the library, from their `BINDINGS`, and
the library's search terms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

Section = tuple[str, Sequence[BindingType]]
Term = tuple[str, str]
"""A search term as written, and what it matches."""


def _bindings(items: Sequence[BindingType]) -> list[Binding]:
    found: list[Binding] = []
    for item in items:
        if isinstance(item, Binding):
            found.append(item)
        elif len(item) >= 2:
            found.append(Binding(*item))
    return found


KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "space": "Space",
    "escape": "Esc",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "backspace": "Backspace",
    "enter": "Enter",
    "tab": "Tab",
    "delete": "Delete",
    "home": "Home",
    "end": "End",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}
"""How key names read on the help screen."""


def _key_name(key: str) -> str:
    parts = key.strip().split("+")
    return "+".join(KEY_NAMES.get(p, p.capitalize() if len(p) > 1 else p) for p in parts)


def _keys(binding: Binding) -> str:
    return ", ".join(_key_name(key) for key in binding.key.split(","))


def bindings_table(sections: Sequence[Section]) -> Table:
    """A two-column table of keys and what they do, one block per section."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for title, items in sections:
        table.add_row(Text(title, style="bold underline"), Text(""))
        for binding in _bindings(items):
            if binding.description:  # the tooltip, when there is one, says more
                text = binding.tooltip or binding.description
                table.add_row(Text(_keys(binding)), Text(text))
        table.add_row(Text(""), Text(""))
    return table


def terms_table(title: str, terms: Sequence[Term]) -> Table:
    """The same two columns for search terms: each as typed, and what it matches."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_row(Text(title, style="bold underline"), Text(""))
    for written, meaning in terms:
        table.add_row(Text(written), Text(meaning))
    return table


class HelpScreen(ModalScreen[None]):
    """A scrollable list of key bindings and search terms; Escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "end(False)", "Top", show=False),
        Binding("G,end", "end(True)", "Bottom", show=False),
    ]

    def __init__(self, sections: Sequence[Section], terms: Sequence[Term] = ()) -> None:
        super().__init__()
        self.sections = list(sections)
        self.terms = list(terms)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("newsdesk keys", style="bold"), id="help-title")
            yield Static(bindings_table(self.sections), id="help-table")
            if self.terms:
                yield Static(terms_table("Library search", self.terms), id="help-terms")
                yield Static("")
            yield Static(
                Text("Mouse: click a row in the side panel, scroll with the wheel.", style="dim")
            )

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, rows: int) -> None:
        self.body.scroll_relative(y=rows, animate=False)

    def action_page(self, pages: int) -> None:
        self.body.scroll_relative(
            y=pages * self.body.scrollable_content_region.height, animate=False
        )

    def action_end(self, bottom: bool) -> None:
        if bottom:
            self.body.scroll_end(animate=False)
        else:
            self.body.scroll_home(animate=False)
