"""Amounts read in the article's own style; wrapping keeps every character's position."""

from __future__ import annotations

from tui.core.model import Amount, AmountCheck
from tui.ui.formatting import format_amount, format_check, format_value
from tui.ui.widgets.wrap import wrap_text


def test_values_in_french_and_english_styles() -> None:
    assert format_value(225_000_000, "EUR", "fr") == "225 M€"
    assert format_value(12_900_000_000, "USD", "en") == "$12.9bn"
    assert format_value(225_000_000, "EUR", "en") == "€225m"
    assert format_value(21_930.54, "EUR", "fr") == "21 930,54 €"
    assert format_value(1_500, "EUR", "fr") == "1 500 €"
    assert format_value(3_500_000, "CHF", "en") == "CHF 3.5m"
    assert format_value(1_900, "USD", "en") == "$1,900"


def test_range_and_checks() -> None:
    low = Amount("10 à 12 millions", 0, 16, 10e6, "EUR", value_max=12e6)
    assert format_amount(low, "fr") == "10 M€ – 12 M€"
    amounts = [
        Amount("135 millions", 0, 1, 135e6, "EUR"),
        Amount("60 millions", 0, 1, 60e6, "EUR"),
        Amount("30 millions", 0, 1, 30e6, "EUR"),
        Amount("225 millions", 0, 1, 225e6, "EUR"),
    ]
    assert format_check(AmountCheck(3, (0, 1, 2), True), amounts, "fr") == (
        "135 + 60 + 30 = 225 M€ ✓"
    )
    assert format_check(AmountCheck(3, (0, 1), False), amounts, "en").endswith(
        "= €225m ✗ does not add up"
    )
    assert "missing" in format_check(AmountCheck(9, (0,), True), amounts, "en")


def test_wrapping_covers_each_line_exactly() -> None:
    text = "Hello world, this is wrapped\n\nanextremelylongwordthatmustbesplit here"
    rows = wrap_text(text, 10)
    assert all(len(text[s:e].rstrip()) <= 10 for s, e in rows)
    lines = text.split("\n")
    offset = 0
    for line in lines:
        covered = "".join(text[s:e] for s, e in rows if offset <= s <= offset + len(line))
        assert covered == line
        offset += len(line) + 1
