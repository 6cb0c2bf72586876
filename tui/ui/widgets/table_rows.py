"""Refreshing a DataTable's rows in place, so a reload repaints cells, not the whole table."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

Row = tuple[str, Sequence[Text]]
"""A row key and its cells, one per column."""


def _same(old: object, new: Text) -> bool:
    return isinstance(old, Text) and (old.plain, str(old.style), old.spans) == (
        new.plain,
        str(new.style),
        new.spans,
    )


def update_in_place(table: DataTable[Text], columns: Sequence[str], rows: Sequence[Row]) -> bool:
    """Update the cells that changed when the table already lists these keys in this order.

    Returns False (and changes nothing) when the rows differ: the caller rebuilds the table.
    """
    if table.row_count != len(rows) or len(table.columns) != len(columns):
        return False
    if [row.key.value for row in table.ordered_rows] != [key for key, _ in rows]:
        return False
    for key, cells in rows:
        for column, old, new in zip(columns, table.get_row(key), cells, strict=True):
            if not _same(old, new):
                table.update_cell(key, column, new)
    return True
