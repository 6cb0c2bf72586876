"""The vocabulary of money: currency symbols, codes and words, and scale words.

Plain tables and the patterns compiled from them. Every pattern here is a flat
alternation anchored where it is used (`pattern.match(text, pos)`), so matching
costs time proportional to the longest entry, never more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SPACE = "[ \u00a0\u202f\u2009]"
"""A space that may sit inside an amount: plain, no-break, narrow no-break, thin."""

GAP = SPACE + "{0,3}"
"""Room between the parts of an amount: a few spaces at most, never an unbounded run."""

SEP = SPACE + "{1,3}"
"""A required gap between words of an amount or a currency name."""

SPACES_RE = re.compile(SPACE + "+")
"""A run of spaces, to tidy matched text."""

DOLLAR = "$"
"""Marker for a bare dollar sign: USD, or CAD in a Canadian article."""

YEN = "¥"
"""Marker for a bare yen/yuan sign: JPY, or CNY in an article about China."""

SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "HK$": "HKD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "S$": "SGD",
    "NT$": "TWD",
    "R$": "BRL",
    "$US": "USD",
    "$CA": "CAD",
    "$CAN": "CAD",
    "$AU": "AUD",
    "$": DOLLAR,
    "€": "EUR",
    "£": "GBP",
    "¥": YEN,
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "Rs.": "INR",
    "Rs": "INR",
    "Dh": "AED",
}
"""Symbols written before (or, for some, after) the number."""

CODES = [
    "EUR",
    "USD",
    "GBP",
    "CHF",
    "CAD",
    "JPY",
    "CNY",
    "HKD",
    "INR",
    "AUD",
    "NZD",
    "SGD",
    "SEK",
    "NOK",
    "DKK",
    "RUB",
    "BRL",
    "KRW",
    "MXN",
    "ZAR",
    "TRY",
    "PLN",
    "CZK",
    "HUF",
    "ILS",
    "AED",
    "SAR",
    "XOF",
    "XAF",
    "MAD",
    "TND",
    "DZD",
    "RMB",
]
"""ISO 4217 codes recognised in capitals (RMB is the usual name for CNY)."""

CODE_ALIASES = {"RMB": "CNY"}

WORDS: dict[str, str] = {
    # French
    "dollars américains": "USD",
    "dollars us": "USD",
    "dollars canadiens": "CAD",
    "dollars australiens": "AUD",
    "dollars de hong kong": "HKD",
    "dollars hongkongais": "HKD",
    "dollars de singapour": "SGD",
    "dollars néo-zélandais": "NZD",
    "dollar américain": "USD",
    "dollar canadien": "CAD",
    "dollars": DOLLAR,
    "dollar": DOLLAR,
    "euros": "EUR",
    "euro": "EUR",
    "livres sterling": "GBP",
    "livre sterling": "GBP",
    "francs suisses": "CHF",
    "franc suisse": "CHF",
    "francs cfa": "XOF",
    "francs français": "FRF",
    "francs": "CHF",
    "franc": "CHF",
    "yuans": "CNY",
    "yuan": "CNY",
    "renminbis": "CNY",
    "renminbi": "CNY",
    "yens": "JPY",
    "yen": "JPY",
    "roupies indiennes": "INR",
    "roupies": "INR",
    "roupie": "INR",
    "roubles": "RUB",
    "rouble": "RUB",
    "couronnes suédoises": "SEK",
    "couronnes norvégiennes": "NOK",
    "couronnes danoises": "DKK",
    # English
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "new zealand dollars": "NZD",
    "pounds sterling": "GBP",
    "swiss francs": "CHF",
    "swiss franc": "CHF",
    "rupees": "INR",
    "rupee": "INR",
    "rubles": "RUB",
    "ruble": "RUB",
    "swedish kronor": "SEK",
    "norwegian kroner": "NOK",
    "danish kroner": "DKK",
}
"""Currency words written after the number, lower case."""

SCALED_WORDS: dict[str, str] = {
    "livres": "GBP",
    "livre": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "won": "KRW",
    "wons": "KRW",
}
"""Currency words that name money only after a scale ('5 millions de livres'), not
alone ('500 livres' are books, '5 pounds' may be a weight)."""

SCALES_FR: dict[str, float] = {
    "mille": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e12,
    "billions": 1e12,
}
SCALES_EN: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
}
SCALE_WORDS = {
    **SCALES_EN,
    "mille": 1e3,
    "milliard": 1e9,
    "milliards": 1e9,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
"""Scale words; 'billion' is 10^9 unless the text is French (see `scale_value`)."""

SCALE_ABBREVIATIONS: dict[str, float] = {
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "mrds": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "mn": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "tn": 1e12,
    "trn": 1e12,
    "m": 1e6,
    "b": 1e9,
    "g": 1e9,
    "k": 1e3,
}
"""Abbreviated scales. The one-letter ones need care: see amounts.py."""

SINGLE_LETTER_SCALES = frozenset({"m", "b", "g", "k"})
"""'g' is Québec's milliard ('1,2 G$')."""


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, spaces matching any space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace("\\ ", SEP) for w in ordered)


_SYMBOL_ALT = _alternation(SYMBOLS)
_CODE_ALT = "|".join(CODES)
_APOSTROPHE = "['’‘ʼ]"

PREFIX_RE = re.compile(
    rf"(?:(?<![\w$/])(?:{_CODE_ALT})(?![^\W\d_]){SPACE}?|(?<![\w$])(?:{_SYMBOL_ALT}){SPACE}?)$"
)
"""A currency marker written just before the number: matched on a short window."""

SCALE_RE = re.compile(
    rf"(?:{GAP}|-)(?P<scale>{_alternation(SCALE_WORDS)}|{_alternation(SCALE_ABBREVIATIONS)})"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
"""A scale after the number: word or abbreviation, not followed by a letter."""

SUFFIX_SYMBOL_RE = re.compile(
    rf"{GAP}(?P<cur>€|\$(?:{SPACE}?(?:US|CA|CAN)(?![\w]))?|£|¥|₹|(?:{_CODE_ALT})(?![\w]))"
)
"""A currency symbol or code after the number (`3 200 €`, `358 millions $`, `5 M$ US`)."""

SUFFIX_WORD_RE = re.compile(
    rf"{GAP}(?:(?:de|of){SEP}|d{_APOSTROPHE}{GAP})?"
    rf"(?P<word>{_alternation([*WORDS, *SCALED_WORDS])})(?![\w-])",
    re.IGNORECASE,
)
"""A currency word after the number or scale: `euros`, `d’euros`, `de dollars`."""


def symbol_currency(symbol: str) -> str:
    """The currency of a prefix marker (symbol or code), `DOLLAR` for a bare `$`."""
    mark = SPACES_RE.sub("", symbol)
    if mark in SYMBOLS:
        return SYMBOLS[mark]
    return CODE_ALIASES.get(mark, mark)


def suffix_symbol_currency(symbol: str) -> str:
    """The currency of a suffix symbol such as `€`, `$`, `$ US` or `CHF`."""
    mark = SPACES_RE.sub("", symbol)
    if mark.startswith("$"):
        tail = mark[1:]
        return {"US": "USD", "CA": "CAD", "CAN": "CAD"}.get(tail, DOLLAR)
    return symbol_currency(mark)


def word_currency(word: str) -> tuple[str, bool]:
    """The currency of a currency word, and whether the word needs a scale before it."""
    key = SPACES_RE.sub(" ", word.lower())
    if key in WORDS:
        return WORDS[key], False
    return SCALED_WORDS.get(key, "XXX"), True


def scale_value(scale: str, lang: str) -> float:
    """The multiplier of a scale word or abbreviation; French 'billion' is 10^12."""
    key = scale.lower()
    if lang == "fr" and key in SCALES_FR:
        return SCALES_FR[key]
    if key in SCALE_WORDS:
        return SCALE_WORDS[key]
    return SCALE_ABBREVIATIONS.get(key, 1.0)
