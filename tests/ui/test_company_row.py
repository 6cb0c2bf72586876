"""The company row of the panel shows why the company is listed."""

from __future__ import annotations

from tui.core.model import Company, Mention
from tui.ui.widgets.entity_panel import company_prompt


def test_company_row_shows_its_reasons_as_text() -> None:
    company = Company(
        "Zorbex SA",
        (Mention("Zorbex SA", 0, 9), Mention("Zorbex", 20, 26)),
        industry="Software",
        reasons=("legal form SA", "listed with [bold]Atos[/bold]"),
    )
    plain = company_prompt(company).plain
    assert plain.splitlines()[0] == "Zorbex SA  ×2"
    assert "why: legal form SA · listed with [bold]Atos[/bold]" in plain


def test_company_row_without_reasons_has_no_why_line() -> None:
    plain = company_prompt(Company("Zorbex", (Mention("Zorbex", 0, 6),))).plain
    assert "why:" not in plain
