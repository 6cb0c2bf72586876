"""Values typed in a query: an amount with its scale and currency, a day.

`100M€`, `€100m`, `1,5Md€`, `1bn$`, `$1.2bn`, `250kEUR`, `1e6`, `3 000 000` (no spaces in a
query, so `3000000`). A single `,` or `.` followed by exactly three digits groups
thousands (`1,000` and `1.000` are a thousand); otherwise it is the decimal point.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date

SCALES = {
    "k": 1e3, "thousand": 1e3, "mille": 1e3,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "billions": 1e9,
    "md": 1e9, "mds": 1e9, "mrd": 1e9, "milliard": 1e9, "milliards": 1e9, "g": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12,
}  # fmt: skip
"""Scale words and letters after a number, case-insensitive (`m` is a million, as in `$12m`)."""
SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₣": "CHF"}
"""Currency signs; any three-letter code (`EUR`, `chf`) is read as an ISO code."""

_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_SIGN = "|".join(re.escape(s) for s in SYMBOLS)
_AMOUNT = re.compile(
    rf"(?P<pre>{_SIGN}|[a-z]{{3}}(?=[\d.]))?"
    r"(?P<number>\d[\d.,_]*(?:e[+-]?\d+)?)"
    rf"(?P<scale>{_SCALE})?"
    rf"(?P<post>{_SIGN}|[a-z]{{3}})?",
    re.IGNORECASE,
)


def parse_amount(text: str) -> tuple[float, str | None]:
    """`100M€` -> (100000000.0, 'EUR'); raises ValueError with a short reason."""
    found = _AMOUNT.fullmatch(text.strip())
    if found is None:
        raise ValueError("not an amount (100M€, 1bn$, 250kEUR, 1e6)")
    if found["pre"] and found["post"]:
        raise ValueError("two currencies")
    value = _number(found["number"]) * SCALES.get((found["scale"] or "").casefold(), 1.0)
    if not math.isfinite(value):
        raise ValueError("too large a number")
    currency = found["pre"] or found["post"]
    return value, (SYMBOLS.get(currency, currency.upper()) if currency else None)


def _number(text: str) -> float:
    text = text.replace("_", "")
    mantissa, _, exponent = text.casefold().partition("e")
    separators = [c for c in mantissa if c in ".,"]
    if len(set(separators)) == 2:
        decimal = separators[-1]
        mantissa = mantissa.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    elif len(separators) > 1 or (separators and re.search(r"[.,]\d{3}$", mantissa)):
        mantissa = mantissa.replace(separators[0], "")
    else:
        mantissa = mantissa.replace(",", ".")
    try:
        return float(mantissa + (f"e{exponent}" if exponent else ""))
    except ValueError:
        raise ValueError("not a number") from None


def parse_day(text: str, *, end: bool = False) -> str:
    """`2026-11-05`, `2026-11` or `2026` as an ISO day: the first one, or the last with `end`."""
    parts = text.strip().split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(text)
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
    if len(parts) == 3:
        day = int(parts[2])
    else:
        day = calendar.monthrange(year, month)[1] if end and 1 <= month <= 12 else 1
    return date(year, month, day).isoformat()
