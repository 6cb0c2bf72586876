"""Word wrapping that remembers where each row starts in the original string."""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")


def _hard_split(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Split one over-long word into rows of at most `width` cells."""
    rows: list[tuple[int, int]] = []
    row_start, cells = start, 0
    for index in range(start, end):
        size = cell_len(text[index])
        if cells + size > width and index > row_start:
            rows.append((row_start, index))
            row_start, cells = index, 0
        cells += size
    rows.append((row_start, end))
    return rows


def wrap_spans(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Rows of `text[start:end]` (one line, no newline) as (start, end) offsets into `text`.

    Breaks between words; a row keeps its trailing spaces so the rows cover the line
    exactly, which lets a character offset be mapped back to its row.
    """
    width = max(1, width)
    if start >= end:
        return [(start, start)]
    rows: list[tuple[int, int]] = []
    row_start, cells = start, 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        word = match.group()
        visible = cell_len(word.rstrip())
        if cells and cells + visible > width:
            rows.append((row_start, word_start))
            row_start, cells = word_start, 0
        if not cells and visible > width:
            *full, last = _hard_split(text, word_start, word_end, width)
            rows.extend(full)
            row_start, cells = last[0], cell_len(text[last[0] : last[1]])
            continue
        cells += cell_len(word)
    rows.append((row_start, end))
    return rows


def wrap_text(text: str, width: int) -> list[tuple[int, int]]:
    """Rows of a multi-line string: each line wrapped, an empty line giving an empty row."""
    rows: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        rows.extend(wrap_spans(text, offset, offset + len(line), width))
        offset += len(line) + 1
    return rows
