"""Facts and companies exports: RFC 4180 CSV a spreadsheet cannot be tricked by, exact JSON."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.library.company_index import CompanySummary, Money
from tui.core.library.desk_export import (
    BOM,
    CLEAN_BELOW,
    json_text,
    spreadsheet_cell,
    write_companies,
    write_facts,
)
from tui.core.library.facts import FACT_FIELDS, FactRow
from tui.core.sanitise import clean

RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
"""What must never reach a terminal raw (tab, LF and CR are the formats' own)."""
HOSTILE = '=HYPERLINK("http://evil","x"), "quoted"\n\x1b[31mred\x1b]52;c;Zm9v\x07\u202eevil|*[x]'


def fact(**changes: object) -> FactRow:
    values: dict[str, object] = {
        "article_id": 7,
        "date": "2026-11-20",
        "site": "The Ledger",
        "title": "Acme, Inc. raises €40m",
        "url": "https://ledger.example/7",
        "amount": "€40m",
        "value": 40e6,
        "value_max": None,
        "currency": "EUR",
        "inferred": False,
        "struck": False,
        "owner": "Acme",
        "sentence": 'Acme said "€40m", then left.',
        "start": 10,
        "end": 14,
    }
    values.update(changes)
    return FactRow(**values)  # type: ignore[arg-type]


def csv_rows(rows: list[FactRow], **options: bool) -> tuple[str, list[list[str]]]:
    out = io.StringIO(newline="")
    assert write_facts(out, rows, "csv", **options) == len(rows)
    text = out.getvalue()
    return text, list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))


def test_csv_header_quoting_and_numbers() -> None:
    text, table = csv_rows([fact(), fact(value=1.5e9, value_max=2.25e9, inferred=True)])
    assert table[0] == list(FACT_FIELDS)
    assert table[1][3] == "Acme, Inc. raises €40m"
    assert table[1][12] == 'Acme said "€40m", then left.'
    assert '"Acme said ""€40m"", then left."' in text, "quotes doubled inside a quoted field"
    assert table[1][6:11] == ["40000000", "", "EUR", "false", "false"]
    assert table[2][6:10] == ["1500000000", "2250000000", "EUR", "true"]
    assert text.count("\r\n") == 3 and not text.startswith(BOM)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_cells_are_neutralised(start: str) -> None:
    _, table = csv_rows([fact(title=f"{start}1+2", owner=f"{start}cmd|' /C calc'!A0")])
    assert table[1][3].startswith("'")
    assert table[1][11].startswith("'")
    assert table[1][6] == "40000000", "numbers are left alone"


def test_hostile_text_is_cleaned_in_csv_and_markdown_but_exact_in_json() -> None:
    row = fact(title=HOSTILE, sentence=HOSTILE, owner=HOSTILE)
    text, table = csv_rows([row])
    assert not RAW_CONTROL.search(text)
    assert table[1][3].startswith("'=HYPERLINK"), "neutralised"
    assert "\n" not in table[1][3]
    markdown = io.StringIO()
    write_facts(markdown, [row], "markdown")
    assert not RAW_CONTROL.search(markdown.getvalue())
    assert markdown.getvalue().count("\n") == 3, "one line per row: header, rule, row"
    assert "\\|" in markdown.getvalue() and "\\[x\\]" in markdown.getvalue()
    out = io.StringIO()
    write_facts(out, [row], "json")
    assert not RAW_CONTROL.search(out.getvalue())
    assert json.loads(out.getvalue())[0]["title"] == HOSTILE


def test_bom_is_optional() -> None:
    text, table = csv_rows([fact()], bom=True)
    assert text.startswith(BOM) and table[0][0] == "article_id"


def test_empty_exports() -> None:
    out = io.StringIO()
    assert write_facts(out, [], "json") == 0
    assert json.loads(out.getvalue()) == []
    _, table = csv_rows([])
    assert table == [list(FACT_FIELDS)]


def test_companies_csv_and_json() -> None:
    summary = CompanySummary(
        key="capgemini",
        name="@Capgemini",
        articles=2,
        mentions=5,
        first_seen="2026-11-03",
        last_seen="2026-11-12",
        money=(Money("EUR", 23.5e9, 22e9, 2), Money(None, 5.0, 5.0, 1)),
        spellings="capgemini",
        watched=True,
    )
    out = io.StringIO(newline="")
    write_companies(out, [summary], "csv")
    table = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert table[1] == [
        "'@Capgemini", "capgemini", "2", "5", "2026-11-03", "2026-11-12",
        "EUR 23500000000; ? 5", "EUR 22000000000; ? 5", "true",
    ]  # fmt: skip
    out = io.StringIO()
    write_companies(out, [summary], "json")
    data = json.loads(out.getvalue())[0]
    assert data["name"] == "@Capgemini"
    assert data["money"][0] == {"currency": "EUR", "total": 23.5e9, "largest": 22e9, "amounts": 2}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_is_safe_in_every_format(text: str) -> None:
    row = fact(title=text, sentence=text, site=text)
    csv_text, table = csv_rows([row])
    assert not RAW_CONTROL.search(csv_text)
    assert len(table) == 2 and len(table[1]) == len(FACT_FIELDS)
    assert not table[1][3].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert json.loads(json_text({"t": text}))["t"] == text
    assert not RAW_CONTROL.search(json_text({"t": text}))
    assert "\r" not in spreadsheet_cell(text) and "\n" not in spreadsheet_cell(text)


def test_clean_changes_nothing_from_clean_below_up() -> None:
    everything = "".join(chr(c) for c in range(CLEAN_BELOW, 0x110000) if not 0xD800 <= c < 0xE000)
    assert clean(everything) == everything, "fast_clean would let such a character through"
