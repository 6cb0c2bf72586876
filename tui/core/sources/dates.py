"""Dates written on a page (`26 Juin 2018 - Actualité`, `22/09/2025 à 19:00`) as ISO dates.

Only the date is kept: what follows it on the line (a section label, a time, a source) is
furniture. Day-first numeric dates are read the French and British way (`22/09/2025`).
"""

from __future__ import annotations

import re
from datetime import date

_MONTH_NUMBERS = {
    "janvier": 1,
    "janv": 1,
    "january": 1,
    "jan": 1,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "february": 2,
    "feb": 2,
    "mars": 3,
    "march": 3,
    "mar": 3,
    "avril": 4,
    "avr": 4,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juin": 6,
    "june": 6,
    "jun": 6,
    "juillet": 7,
    "juil": 7,
    "july": 7,
    "jul": 7,
    "août": 8,
    "aout": 8,
    "august": 8,
    "aug": 8,
    "septembre": 9,
    "sept": 9,
    "september": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "october": 10,
    "novembre": 11,
    "nov": 11,
    "november": 11,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
    "december": 12,
    "dec": 12,
}
_NAMES = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_NAMES})\b\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_NAMES})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_FORMS = (
    (_DAY_MONTH_YEAR, "dmy"),
    (_MONTH_DAY_YEAR, "mdy"),
    (_NUMERIC, "dmy"),
    (_ISO, "ymd"),
)
"""Each written form of a date and the order of its day, month and year groups."""


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _dates(text: str) -> list[tuple[int, str]]:
    """(offset, ISO date) of the first valid date of each written form in `text`."""
    found: list[tuple[int, str]] = []
    for pattern, order in _FORMS:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month = parts["m"]
            number = int(month) if month.isdigit() else _MONTH_NUMBERS[month.lower()]
            iso = _iso(int(parts["y"]), number, int(parts["d"] or 1))
            if iso:
                found.append((match.start(), iso if parts["d"] else iso[:7]))
                break
    return found


def find_date(text: str) -> str | None:
    """The first date written in `text`, as `YYYY-MM-DD` (or `YYYY-MM`), else None."""
    found = _dates(text)
    return min(found)[1] if found else None


def without_date(text: str) -> str:
    """`Reuters 22/09/2025 à 19:00` -> `Reuters`: the text before the first date."""
    found = _dates(text)
    return text[: min(found)[0]].rstrip(" ,-–|·") if found else text
