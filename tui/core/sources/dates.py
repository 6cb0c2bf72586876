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


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first date written in `text`, as `YYYY-MM-DD` (or `YYYY-MM`), else None."""
    found: list[tuple[int, str]] = []
    if match := _DAY_MONTH_YEAR.search(text):
        day, month, year = match.groups()
        iso = _iso(int(year), _MONTH_NUMBERS[month.lower()], int(day))
        found += [(match.start(), iso)] if iso else []
    if match := _MONTH_DAY_YEAR.search(text):
        month, day, year = match.groups()
        iso = _iso(int(year), _MONTH_NUMBERS[month.lower()], int(day))
        found += [(match.start(), iso)] if iso else []
    if match := _NUMERIC.search(text):
        day, month, year = match.groups()
        iso = _iso(int(year), int(month), int(day))
        found += [(match.start(), iso)] if iso else []
    if match := _ISO.search(text):
        year, month, day = match.groups()
        iso = _iso(int(year), int(month), int(day or 1))
        if iso:
            found.append((match.start(), iso if day else iso[:7]))
    return min(found)[1] if found else None


def without_date(text: str) -> str:
    """`Reuters 22/09/2025 à 19:00` -> `Reuters`: the text before the first date."""
    starts = [
        m.start()
        for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC, _ISO)
        if (m := pattern.search(text))
    ]
    return text[: min(starts)].rstrip(" ,-–|·") if starts else text
