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

HYPHEN = "[-\u2010\u2011]"
"""A hyphen: ASCII, Unicode hyphen or non-breaking hyphen ('$2.5‑million')."""

DASH = "[-\u2010\u2011\u2012\u2013\u2014]"
"""A hyphen or dash joining the ends of a range ('3‑5 M€', '$5m–$10m')."""

SPACES_RE = re.compile(SPACE + "+")
"""A run of spaces, to tidy matched text."""

DOLLAR = "$"
"""Marker for a bare dollar sign: USD, or CAD in a Canadian article."""

YEN = "¥"
"""Marker for a bare yen/yuan sign: JPY, or CNY in an article about China."""

DIRHAM = "dirham"
"""Marker for 'dirhams': MAD or AED, by the country the text is about."""

RUPEE = "rupee"
"""Marker for 'Rs' and 'rupees': INR, or PKR, LKR, NPR by the country the text is about."""

DINAR = "dinar"
"""Marker for 'dinars': TND, DZD, KWD…, by the country the text is about."""

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
    "Rs.": RUPEE,
    "Rs": RUPEE,
    "Dh": "AED",
    "SFr.": "CHF",
    "SFr": "CHF",
    "Sfr.": "CHF",
    "Sfr": "CHF",
    "Fr.": "CHF",
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
    "fcfa": "XOF",
    "f cfa": "XOF",
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
    "roupies pakistanaises": "PKR",
    "roupies": RUPEE,
    "roupie": RUPEE,
    "roubles": "RUB",
    "rouble": "RUB",
    "couronnes suédoises": "SEK",
    "couronnes norvégiennes": "NOK",
    "couronnes danoises": "DKK",
    "couronnes tchèques": "CZK",
    "dirhams marocains": "MAD",
    "dirhams émiratis": "AED",
    "dirhams": DIRHAM,
    "dinars tunisiens": "TND",
    "dinars algériens": "DZD",
    "dinars koweïtiens": "KWD",
    "dinars": DINAR,
    "nairas": "NGN",
    "naira": "NGN",
    "rands": "ZAR",
    "zlotys": "PLN",
    "zloty": "PLN",
    "livres turques": "TRY",
    "shekels": "ILS",
    "reais": "BRL",
    "pesos mexicains": "MXN",
    "pesos argentins": "ARS",
    "riyals saoudiens": "SAR",
    "ringgits": "MYR",
    "bahts": "THB",
    "forints": "HUF",
    "cedis": "GHS",
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
    "indian rupees": "INR",
    "pakistani rupees": "PKR",
    "sri lankan rupees": "LKR",
    "rupees": RUPEE,
    "rupee": RUPEE,
    "rubles": "RUB",
    "ruble": "RUB",
    "swedish kronor": "SEK",
    "norwegian kroner": "NOK",
    "danish kroner": "DKK",
    "czech crowns": "CZK",
    "moroccan dirhams": "MAD",
    "uae dirhams": "AED",
    "emirati dirhams": "AED",
    "tunisian dinars": "TND",
    "algerian dinars": "DZD",
    "kuwaiti dinars": "KWD",
    "rand": "ZAR",
    "turkish lira": "TRY",
    "lira": "TRY",
    "mexican pesos": "MXN",
    "argentine pesos": "ARS",
    "philippine pesos": "PHP",
    "saudi riyals": "SAR",
    "qatari riyals": "QAR",
    "ringgit": "MYR",
    "baht": "THB",
    "rupiah": "IDR",
    "kenyan shillings": "KES",
    "taiwan dollars": "TWD",
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
    "lac": 1e5,
    "lacs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "lakh crore": 1e12,
    "lakh crores": 1e12,
    "thousand crore": 1e10,
    "thousand crores": 1e10,
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
    "mia": 1e9,
    "mias": 1e9,
    "mm": 1e6,
    "cr": 1e7,
    "tn": 1e12,
    "trn": 1e12,
    "m": 1e6,
    "b": 1e9,
    "g": 1e9,
    "k": 1e3,
}
"""Abbreviated scales. The one-letter ones need care: see amounts.py."""

GUARDED_SCALES = frozenset({"m", "b", "g", "k", "mm", "cr"})
"""Scales that are also units ('5 m', '5 mm'); 'g' is Québec's milliard ('1,2 G$'),
'MM' the US finance million ('$5MM'), 'cr' the Indian crore ('₹500 cr')."""


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
    rf"(?:{GAP}|{HYPHEN})(?P<half>demi{HYPHEN})?(?P<scale>{_alternation(SCALE_WORDS)}|{_alternation(SCALE_ABBREVIATIONS)})"
    rf"(?:(?![^\W\d_])|(?=(?:{_CODE_ALT})(?!\w)))",
    re.IGNORECASE,
)
"""A scale after the number: word or abbreviation, not followed by a letter;
`half` marks 'un demi-milliard'."""

SUFFIX_SYMBOL_RE = re.compile(
    rf"{GAP}(?P<cur>€|\$(?:{SPACE}?(?:US|CA|CAN)(?![\w]))?|£|¥|₹|(?:{_CODE_ALT})(?![\w])"
    r"|[Ff]r\.(?!\w))"
)
"""A currency symbol or code after the number (`3 200 €`, `358 millions $`, `5 M$ US`,
the Swiss `50 fr.`)."""

RANGE_LOW_RE = re.compile(
    rf"(?:{_SYMBOL_ALT}|{_CODE_ALT}){SPACE}?\d[\d.,]*(?:{SPACE}?[^\W\d_]{{1,8}})?{GAP}{DASH}{GAP}$"
)
"""The low end of a dashed range opened by a currency marker (`£5-` in `£5-10m`): the
high end then borrows the marker's licence for a one-letter scale."""

SUBUNIT_RE = re.compile(rf"{GAP}(?P<unit>cents?|centimes?|pence|¢)(?![\w-])", re.I)
SUBUNITS: dict[str, str] = {
    "cent": DOLLAR,
    "cents": DOLLAR,
    "¢": DOLLAR,
    "centime": "EUR",
    "centimes": "EUR",
    "pence": "GBP",
}
"""Coins written after the number: '45 cents', '80 centimes', '30 pence', '99¢'."""

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
    if mark.lower() == "fr.":
        return "CHF"
    return symbol_currency(mark)


def word_currency(word: str) -> tuple[str, bool]:
    """The currency of a currency word, and whether the word needs a scale before it."""
    key = SPACES_RE.sub(" ", word.lower())
    if key in WORDS:
        return WORDS[key], False
    return SCALED_WORDS.get(key, "XXX"), True


def scale_value(scale: str, lang: str) -> float:
    """The multiplier of a scale word or abbreviation; French 'billion' is 10^12."""
    key = SPACES_RE.sub(" ", scale.lower())
    if lang == "fr" and key in SCALES_FR:
        return SCALES_FR[key]
    if key in SCALE_WORDS:
        return SCALE_WORDS[key]
    return SCALE_ABBREVIATIONS.get(key, 1.0)
