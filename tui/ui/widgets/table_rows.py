"""Filling a DataTable's rows: in place when only cells changed (a reload then repaints cells,
not the whole table), else anew with one column that takes the width the others leave."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

Row = tuple[str, Sequence[Text]]
"""A row key and its cells, one per column."""
Column = tuple[str, int, str]
"""A column's label, width (0: the rest of the table's width) and key."""
MIN_WIDE_COLUMN = 20
"""The column that takes the rest of the width never gets less than this."""


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


def rebuild(
    table: DataTable[Text], columns: Sequence[Column], rows: Sequence[Row], width: int
) -> None:
    """Clear the table and add the columns and rows; the column of width 0 takes what the
    others leave of `width`, the screen's (call it again on resize)."""
    table.clear(columns=True)
    fixed = sum(size + 2 for _, size, _ in columns if size)
    rest = max(MIN_WIDE_COLUMN, width - fixed - 4)
    for label, size, key in columns:
        table.add_column(label, width=size or rest, key=key)
    for key, cells in rows:
        table.add_row(*cells, key=key)
