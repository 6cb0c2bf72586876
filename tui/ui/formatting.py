"""How amounts, checks and dates read on screen, in the article's own language."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text

from tui.core.model import Amount, AmountCheck

WATCHED_MARK = "★"
"""Marks what concerns a company the user watches: library rows, companies, feed items."""


def watched_mark(after: str = " ") -> Text:
    """The watched mark, styled, followed by `after`."""
    return Text(WATCHED_MARK + after, style="bold yellow")


SYMBOLS = {
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "HKD": "HK$",
    "INR": "₹",
    "CAD": "C$",
    "AUD": "A$",
}
"""Currencies written with a symbol; any other ISO code is written out."""

SCALES_EN = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
SCALES_FR = ((1e12, "Bn"), (1e9, "Md"), (1e6, "M"))
"""Short scale words: English newspaper style and French abbreviations (M€, Md€)."""

NARROW_NBSP = "\u202f"


def _is_french(lang: str | None) -> bool:
    return (lang or "").lower().startswith("fr")


def _scale(value: float, french: bool) -> tuple[float, str]:
    for size, word in SCALES_FR if french else SCALES_EN:
        if abs(value) >= size:
            return size, word
    return 1.0, ""


def _number(value: float, french: bool, *, decimals: int = 3) -> str:
    """Digits with thousands grouping, at most `decimals` places, no trailing zeros."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if french:
        text = text.replace(",", " ").replace(".", ",")
    return text


def _plain_number(value: float, french: bool) -> str:
    decimals = 0 if float(value).is_integer() else 2
    return _number(value, french, decimals=decimals)


def _scaled(value: float, size: float, french: bool) -> str:
    if size == 1.0:
        return _plain_number(value, french)
    return _number(value / size, french)


def _with_currency(number: str, word: str, currency: str | None, french: bool) -> str:
    if currency is None:
        return f"{number} {word}".strip() if french else f"{number}{word}"
    symbol = SYMBOLS.get(currency)
    if french:
        unit = f"{word}{symbol}" if symbol else f"{word} {currency}".strip()
        return f"{number} {unit}"
    if symbol:
        return f"{symbol}{number}{word}"
    return f"{currency} {number}{word}"


def format_value(value: float, currency: str | None, lang: str | None) -> str:
    """225000000 EUR reads "225 M€" in French and "€225m" in English."""
    french = _is_french(lang)
    size, word = _scale(value, french)
    return _with_currency(_scaled(value, size, french), word, currency, french)


def format_amount(amount: Amount, lang: str | None) -> str:
    """The amount's value (or range) with its currency, in the article's style."""
    low = format_value(amount.value, amount.currency, lang)
    if amount.value_max is None or amount.value_max == amount.value:
        return low
    return f"{low} – {format_value(amount.value_max, amount.currency, lang)}"


def format_check(check: AmountCheck, amounts: Sequence[Amount], lang: str | None) -> str:
    """ "135 + 60 + 30 = 225 M€ ✓" or the same with "✗ does not add up"."""
    if not 0 <= check.total < len(amounts) or any(
        not 0 <= part < len(amounts) for part in check.parts
    ):
        return "✗ check refers to a missing amount"
    french = _is_french(lang)
    total = amounts[check.total]
    size, _ = _scale(total.value, french)
    parts = " + ".join(_scaled(amounts[p].value, size, french) for p in check.parts)
    verdict = "✓" if check.holds else "✗ does not add up"
    return f"{parts} = {format_amount(total, lang)} {verdict}"


_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def format_published(value: str) -> str:
    """An ISO timestamp to the minute (`2006-12-20 21:42`); any other date as it is."""
    return value[:16].replace("T", " ") if _ISO_TIME.match(value) else value
