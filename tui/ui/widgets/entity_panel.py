"""The side panel: amounts, checks, companies and organisations found in the body."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.model import Amount, Article, Company, Mention, Organisation
from tui.ui.formatting import format_amount, format_check
from tui.ui.safe_text import clean
from tui.ui.widgets.related_list import RelatedList

Span = tuple[int, int]


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


class EntityList(OptionList):
    """One section of the panel; highlighting a row marks its mentions, Enter jumps."""

    def __init__(self, kind: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.kind = kind
        self.entries: list[Entry] = []

    def show(self, rows: Sequence[tuple[Text, Entry]], empty: str) -> None:
        self.entries = [entry for _, entry in rows]
        self.clear_options()
        if not rows:
            self.add_option(Option(Text(empty, style="dim"), disabled=True))
            return
        self.add_options(Option(prompt) for prompt, _ in rows)
        self.highlighted = 0

    def on_focus(self) -> None:
        entry = self.entry(self.highlighted)
        if entry is not None:
            self.post_message(EntityPanel.Selected(entry, jump=False))

    def entry(self, index: int | None) -> Entry | None:
        return self.entries[index] if index is not None and 0 <= index < len(self.entries) else None


class EntityPanel(VerticalScroll):
    """Amounts, companies, organisations and related posts of the shown article."""

    class Selected(Message):
        """A panel row was highlighted (`jump` False) or chosen (`jump` True)."""

        def __init__(self, entry: Entry, jump: bool) -> None:
            super().__init__()
            self.entry = entry
            self.jump = jump

    def compose(self) -> ComposeResult:
        yield Static(id="panel-status")
        yield LoadingIndicator(id="panel-spinner")
        yield Static("Amounts", classes="panel-heading")
        yield EntityList("amount", id="amounts")
        yield Static(id="checks")
        yield Static("Companies", classes="panel-heading")
        yield EntityList("company", id="companies")
        yield Static("Organisations", classes="panel-heading")
        yield EntityList("organisation", id="organisations")
        yield Static("Related posts", classes="panel-heading")
        yield RelatedList(id="related")

    def show_loading(self, message: str) -> None:
        """The entity sections are being computed: say so, with a spinner."""
        self.set_class(True, "-loading")
        self._status(Text(message))
        for section in self.query(EntityList):
            section.show([], "…")
        self.query_one("#checks", Static).update("")

    def show_failure(self, message: str) -> None:
        self.set_class(False, "-loading")
        self._status(Text(clean(message), style="bold red"))

    def _status(self, message: Text | None) -> None:
        status = self.query_one("#panel-status", Static)
        status.update(message or "")
        status.display = message is not None

    def show_related(self, article: Article) -> None:
        self.query_one(RelatedList).show_posts(article.related)

    def show_entities(self, article: Article) -> None:
        """Fill the sections from `article.entities`."""
        self.set_class(False, "-loading")
        self._status(None)
        entities = article.entities
        if entities is None:
            return
        lang = article.lang
        amounts = [
            (amount_prompt(a, lang), Entry("amount", a.text, ((a.start, a.end),)))
            for a in entities.amounts
        ]
        self.query_one("#amounts", EntityList).show(amounts, "No amounts found.")
        checks = Text()
        for check in entities.checks:
            line = format_check(check, entities.amounts, lang)
            checks.append(line + "\n", style="green" if check.holds else "bold red")
        checks.rstrip()
        self.query_one("#checks", Static).update(checks)
        self.query_one("#companies", EntityList).show(
            [
                (company_prompt(c), _entry("company", c.name, c.mentions))
                for c in entities.companies
            ],
            "No companies found.",
        )
        self.query_one("#organisations", EntityList).show(
            [
                (organisation_prompt(o), _entry("organisation", o.name, o.mentions))
                for o in entities.organisations
            ],
            "No other organisations found.",
        )

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
