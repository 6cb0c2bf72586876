"""The order of the library list: by any column, the newest articles first by default."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.library.store import LibraryEntry

COLUMNS = ("Title", "Site", "Date", "Amounts", "Companies")
"""The columns, left to right; each can order the list."""
DEFAULT_SORT = ("Date", True)
"""Newest first."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_key(entry: LibraryEntry) -> str:
    """The published date as YYYY-MM-DD when it reads as one, else "" (sorted as oldest)."""
    published = entry.published or ""
    return published[:10] if _ISO_DATE.match(published) else ""


_KEYS: dict[str, Callable[[LibraryEntry], tuple[object, ...]]] = {
    "Title": lambda e: (e.title.casefold(), e.saved_at),
    "Site": lambda e: ((e.site or "").casefold(), date_key(e), e.saved_at),
    "Date": lambda e: (date_key(e), e.saved_at),
    "Amounts": lambda e: (e.amounts, date_key(e)),
    "Companies": lambda e: (e.companies, date_key(e)),
}


def sorted_entries(
    entries: Sequence[LibraryEntry], column: str, descending: bool
) -> list[LibraryEntry]:
    """`entries` ordered by `column`; undated articles come last when newest go first."""
    return sorted(entries, key=_KEYS[column], reverse=descending)


def describe_order(column: str, descending: bool) -> str:
    """ "newest first", "by title, A to Z", "by amounts, most first"."""
    if column == "Date":
        return "newest first" if descending else "oldest first"
    if column in ("Title", "Site"):
        return f"by {column.lower()}, {'Z to A' if descending else 'A to Z'}"
    return f"by {column.lower()}, {'most' if descending else 'fewest'} first"


def next_column(column: str) -> str:
    return COLUMNS[(COLUMNS.index(column) + 1) % len(COLUMNS)]
