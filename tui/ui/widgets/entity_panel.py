"""The side panel: amounts, checks, companies and organisations found in the body.

It fills in stages: amounts (found without the language model) first, then companies and
organisations, with the analysis's progress on a long body. Each section is a list that
takes a Tab stop only when it has rows; the focused section's heading is highlighted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.model import Amount, Article, Company, Entities, Mention, Organisation
from tui.ui.formatting import format_amount, format_check
from tui.ui.safe_text import clean
from tui.ui.widgets.lists import KeyList
from tui.ui.widgets.related_list import RelatedList

Span = tuple[int, int]

MAX_ROWS = 60
"""Rows a section lists; a long body's thousands of amounts stay highlighted in the body,
but a list that long would take seconds to build and help no one."""
PROGRESS_CELLS = 24
"""Width of the analysis progress bar, in cells."""
MAX_CHECKS = 20
"""Total checks shown under the amounts."""


@dataclass(frozen=True)
class Entry:
    """One panel row: what it names and where the body mentions it."""

    kind: str
    label: str
    spans: tuple[Span, ...]


def amount_prompt(amount: Amount, lang: str | None) -> Text:
    """ "225 M€" (struck if the page struck it), its currency, then the phrase it came from."""
    value_style = "bold strike" if amount.struck else "bold"
    prompt = Text(clean(format_amount(amount, lang)), style=value_style)
    currency = amount.currency or "no currency"
    if amount.currency_inferred:
        currency = f"≈ {currency} (inferred)"
    prompt.append(f"  {clean(currency)}", style="dim")
    if amount.qualifier:
        prompt.append(f"  {clean(amount.qualifier)}", style="italic dim")
    if amount.struck:
        prompt.append("  struck out", style="italic")
    prompt.append("\n" + f"“{clean(amount.text)}”", style="dim")
    if amount.owner:
        prompt.append(" · " + clean(amount.owner), style="italic dim")
    return prompt


def company_prompt(company: Company) -> Text:
    """Name and mention count; other surface forms and ticker, country, industry if known;
    the evidence that weighed most for listing it."""
    prompt = Text(clean(company.name), style="bold")
    prompt.append(f"  ×{len(company.mentions)}", style="dim")
    others = [form for form in company.forms if form != company.name]
    details = [f"as {clean(', '.join(others))}"] if others else []
    details += [clean(v) for v in (company.ticker, company.country, company.industry) if v]
    if details:
        prompt.append("\n" + " · ".join(details), style="dim")
    if company.reasons:
        prompt.append("\nwhy: " + clean(" · ".join(company.reasons)), style="italic dim")
    return prompt


def organisation_prompt(organisation: Organisation) -> Text:
    prompt = Text(clean(organisation.name), style="bold")
    prompt.append(f"  ×{len(organisation.mentions)}", style="dim")
    if organisation.kind and organisation.kind != "organisation":
        prompt.append("\n" + clean(organisation.kind), style="dim")
    return prompt


class EntityList(KeyList):
    """One section of the panel; highlighting a row marks its mentions, Enter jumps."""

    def __init__(self, kind: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.kind = kind
        self.entries: list[Entry] = []

    def show(
        self, rows: Sequence[tuple[Text, Entry]], empty: str, *, total: int | None = None
    ) -> None:
        """List `rows` (at most `MAX_ROWS`); `total` says how many there were in all."""
        rows = rows[:MAX_ROWS]
        self.entries = [entry for _, entry in rows]
        self.clear_options()
        if not rows:
            self.add_option(Option(Text(empty, style="dim"), disabled=True))
            return
        self.add_options(Option(prompt) for prompt, _ in rows)
        if total is not None and total > len(rows):
            more = f"… and {total - len(rows)} more, highlighted in the body"
            self.add_option(Option(Text(more, style="dim italic"), disabled=True))
        self.highlighted = 0

    def on_focus(self) -> None:
        entry = self.entry(self.highlighted)
        if entry is not None:
            self.post_message(EntityPanel.Selected(entry, jump=False))

    def entry(self, index: int | None) -> Entry | None:
        return self.entries[index] if index is not None and 0 <= index < len(self.entries) else None


class EntityPanel(VerticalScroll, can_focus=False):
    """Amounts, companies, organisations and related posts of the shown article."""

    class Ready(Message):
        """The panel and its sections are mounted: it can be filled."""

        def __init__(self, panel: EntityPanel) -> None:
            super().__init__()
            self.panel = panel

    def on_mount(self) -> None:
        self.post_message(self.Ready(self))

    class Selected(Message):
        """A panel row was highlighted (`jump` False) or chosen (`jump` True)."""

        def __init__(self, entry: Entry, jump: bool) -> None:
            super().__init__()
            self.entry = entry
            self.jump = jump

    def compose(self) -> ComposeResult:
        yield Static(id="panel-status")
        yield Static("Amounts", classes="panel-heading", id="amounts-heading")
        yield EntityList("amount", id="amounts")
        yield Static(id="checks")
        yield Static("Companies", classes="panel-heading", id="companies-heading")
        yield EntityList("company", id="companies")
        yield Static("Organisations", classes="panel-heading", id="organisations-heading")
        yield EntityList("organisation", id="organisations")
        yield Static("Related posts", classes="panel-heading", id="related-heading")
        yield RelatedList(id="related")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._mark_heading(event.widget, focused=True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._mark_heading(event.widget, focused=False)

    def _mark_heading(self, widget: Widget, *, focused: bool) -> None:
        """The focused section's heading is highlighted, so the focus is always visible."""
        for heading in self.query(f"#{widget.id}-heading") if widget.id else ():
            heading.set_class(focused, "-focused")

    # ---- stages --------------------------------------------------------------------

    def show_loading(self, message: str) -> None:
        """Nothing is known yet: say what is being done."""
        self.set_class(True, "-loading")
        self._status(Text(message))
        for section in self.query(EntityList):
            section.show([], "…")
        self.query_one("#checks", Static).update("")

    def show_amounts(self, article: Article, amounts: Entities, waiting: str) -> None:
        """Amounts and checks are known; companies are still being looked for."""
        self._fill_amounts(amounts, article.lang)
        self._status(Text(waiting))
        for section_id in ("#companies", "#organisations"):
            self.query_one(section_id, EntityList).show([], "…")

    def show_progress(self, message: str, done: int, total: int) -> None:
        """A long body is analysed in pieces: `done` of `total` so far, drawn as a bar."""
        status = Text(message)
        if total > 1:
            filled = round(PROGRESS_CELLS * done / total)
            status.append("\n" + "▰" * filled, style="bold")
            status.append("▱" * (PROGRESS_CELLS - filled), style="dim")
            status.append(f" {100 * done // total} %", style="dim")
        self._status(status)

    def show_nothing(self, message: str) -> None:
        """There is nothing to analyse (no article, or one without text): say so."""
        self.set_class(False, "-loading")
        self._status(Text(message, style="italic"))
        for section in self.query(EntityList):
            section.show([], "—")
        self.query_one("#checks", Static).update("")

    def show_failure(self, message: str) -> None:
        self.set_class(False, "-loading")
        self._status(Text(clean(message), style="bold red"))

    def show_entities(self, article: Article, note: str | None = None) -> None:
        """Fill the sections from `article.entities`; `note` says what was left out."""
        self.set_class(False, "-loading")
        self._status(Text(clean(note), style="italic") if note else None)
        entities = article.entities
        if entities is None:
            return
        self._fill_amounts(entities, article.lang)
        self.query_one("#companies", EntityList).show(
            [
                (company_prompt(c), _entry("company", c.name, c.mentions))
                for c in entities.companies[:MAX_ROWS]
            ],
            "No companies found.",
            total=len(entities.companies),
        )
        self.query_one("#organisations", EntityList).show(
            [
                (organisation_prompt(o), _entry("organisation", o.name, o.mentions))
                for o in entities.organisations[:MAX_ROWS]
            ],
            "No other organisations found.",
            total=len(entities.organisations),
        )

    def show_related(self, article: Article) -> None:
        self.query_one(RelatedList).show_posts(article.related)

    def _fill_amounts(self, entities: Entities, lang: str | None) -> None:
        amounts = [
            (amount_prompt(a, lang), Entry("amount", a.text, ((a.start, a.end),)))
            for a in entities.amounts[:MAX_ROWS]
        ]
        total = len(entities.amounts)
        self.query_one("#amounts", EntityList).show(amounts, "No amounts found.", total=total)
        checks = Text()
        for check in entities.checks[:MAX_CHECKS]:
            line = format_check(check, entities.amounts, lang)
            checks.append(line + "\n", style="green" if check.holds else "bold red")
        if len(entities.checks) > MAX_CHECKS:
            checks.append(f"… and {len(entities.checks) - MAX_CHECKS} more checks", style="dim")
        checks.rstrip()
        self.query_one("#checks", Static).update(checks)

    def _status(self, message: Text | None) -> None:
        status = self.query_one("#panel-status", Static)
        status.update(message or "")
        status.display = message is not None

    # ---- rows ----------------------------------------------------------------------

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._post(event, jump=False)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._post(event, jump=True)

    def _post(
        self, event: OptionList.OptionHighlighted | OptionList.OptionSelected, jump: bool
    ) -> None:
        if isinstance(event.option_list, EntityList):
            event.stop()
            entry = event.option_list.entry(event.option_index)
            if entry is not None and event.option_list.has_focus:
                self.post_message(self.Selected(entry, jump))


def _entry(kind: str, label: str, mentions: Sequence[Mention]) -> Entry:
    return Entry(kind, label, tuple((m.start, m.end) for m in mentions))
