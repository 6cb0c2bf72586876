"""The companies index as shown: filtered by what is typed, sorted by any column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tui.core.library.company_index import CompanySummary
from tui.core.library.company_key import company_key

COLUMNS = ("company", "articles", "mentions", "total", "largest", "first", "last")
"""The index's columns, in order; each can sort it."""
DESCENDING_FIRST = frozenset({"articles", "mentions", "total", "largest", "last"})
"""Columns whose first sort puts the biggest (or latest) on top."""

_SORT: dict[str, Callable[[CompanySummary], Any]] = {
    "company": lambda s: s.name.casefold(),
    "articles": lambda s: s.articles,
    "mentions": lambda s: s.mentions,
    "total": lambda s: max((m.total for m in s.money), default=-1.0),
    "largest": lambda s: max((m.largest for m in s.money), default=-1.0),
    "first": lambda s: s.first_seen,
    "last": lambda s: s.last_seen,
}
"""Money columns sort by the largest figure in any one currency (no exchange rates)."""


def matches(summary: CompanySummary, text: str) -> bool:
    """Typed text found in the name, or (ignoring case, accents, spaces) in any spelling."""
    typed = text.strip().casefold()
    if not typed or typed in summary.name.casefold():
        return True
    key = company_key(typed)
    return bool(key) and key in summary.spellings


def shown(
    summaries: Sequence[CompanySummary], text: str, column: str, descending: bool
) -> list[CompanySummary]:
    """The companies matching `text`, sorted by `column` (ties by name).

    `summaries` come as `company_index` gives them, most articles first and ties by
    name: that order is kept as it is.
    """
    found = [s for s in summaries if matches(s, text)] if text.strip() else list(summaries)
    if column == "articles" and descending:
        return found
    found.sort(key=lambda s: s.name.casefold())
    found.sort(key=_SORT[column], reverse=descending)
    return found
