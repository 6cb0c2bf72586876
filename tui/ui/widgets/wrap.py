"""Word wrapping that remembers where each row starts in the original string.

Rows are (start, end) offsets into the body, so a character offset maps back to its
row; a row keeps its trailing spaces, so the rows cover each line exactly. Rows break
at spaces only: a no-break space keeps "12 millions" together, as typography wants.
Widths are those of the text as shown (`clean` turns controls into one-cell symbols).

A body of several megabytes is wrapped a batch of lines at a time (`BodyLayout`), so the
first screen never waits for the last line.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len, get_character_cell_size

from tui.ui.safe_text import clean

_WORD = re.compile(r"[^ ]+ *| +")
_SINGLE_CELL: set[str] = {chr(code) for code in range(0x20, 0x7F)}
"""Characters known to take one cell; others are measured once and added."""

Span = tuple[int, int]


def _all_single_cell(line: str) -> bool:
    unknown = set(line) - _SINGLE_CELL
    for char in unknown:
        if get_character_cell_size(char) != 1:
            return False
        _SINGLE_CELL.add(char)
    return True


def _hard_split(line: str, start: int, end: int, width: int) -> list[Span]:
    """Split one over-long word into rows of at most `width` cells."""
    rows: list[Span] = []
    row_start, cells = start, 0
    for index in range(start, end):
        size = cell_len(line[index])
        if cells + size > width and index > row_start:
            rows.append((row_start, index))
            row_start, cells = index, 0
        cells += size
    rows.append((row_start, end))
    return rows


def _wrap_one_cell_chars(line: str, width: int) -> list[Span]:
    """Rows of a line whose every character is one cell wide: a few `rfind`s per row."""
    rows: list[Span] = []
    size, start = len(line), 0
    while size - start > width:
        space = line.rfind(" ", start + 1, start + width + 1)
        if space <= start:
            end = start + width
        else:
            end = space + 1
            while end < size and line[end] == " ":
                end += 1
        rows.append((start, end))
        start = end
    if start < size or not rows:
        rows.append((start, size))
    return rows


def _wrap_measured(line: str, width: int) -> list[Span]:
    """Rows of a line with wide or zero-width characters, measured word by word."""
    rows: list[Span] = []
    row_start, cells = 0, 0
    for match in _WORD.finditer(line):
        word_start, word_end = match.span()
        word = match.group()
        visible = cell_len(word.rstrip(" "))
        if cells and cells + visible > width:
            rows.append((row_start, word_start))
            row_start, cells = word_start, 0
        if not cells and visible > width:
            *full, last = _hard_split(line, word_start, word_end, width)
            rows.extend(full)
            row_start, cells = last[0], cell_len(line[last[0] : last[1]])
            continue
        cells += cell_len(word)
    rows.append((row_start, len(line)))
    return rows


def wrap_line(text: str, start: int, end: int, width: int) -> list[Span]:
    """Rows of `text[start:end]` (one line, no newline) as (start, end) offsets into `text`."""
    width = max(1, width)
    line = clean(text[start:end])
    found = (
        _wrap_one_cell_chars(line, width) if _all_single_cell(line) else _wrap_measured(line, width)
    )
    return [(start + a, start + b) for a, b in found]


def wrap_text(text: str, width: int) -> list[Span]:
    """Rows of a multi-line string: each line wrapped, an empty line giving an empty row."""
    layout = BodyLayout(text, width)
    layout.extend(len(text) + 1)
    return list(zip(layout.starts, layout.ends, strict=True))


class BodyLayout:
    """The rows of a body at one width, computed on demand a batch of lines at a time."""

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = width
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._next = 0
        """Offset of the first line not wrapped yet (past the end when complete)."""

    @property
    def complete(self) -> bool:
        return self._next > len(self.text)

    @property
    def wrapped_to(self) -> int:
        """Every offset before this one has its row."""
        return min(self._next, len(self.text))

    def extend(self, chars: int) -> None:
        """Wrap whole lines until at least `chars` more characters have rows."""
        text, goal = self.text, self._next + chars
        while self._next <= len(text) and self._next < goal:
            newline = text.find("\n", self._next)
            end = len(text) if newline < 0 else newline
            for start, stop in wrap_line(text, self._next, end, self.width):
                self.starts.append(start)
                self.ends.append(stop)
            self._next = end + 1

    def ensure(self, offset: int) -> None:
        """Wrap far enough that `offset` has its row."""
        if offset >= self._next:
            self.extend(offset - self._next + 1)

    def row_of(self, offset: int) -> int:
        """The body row on which character `offset` is drawn (wrapping to it if needed)."""
        self.ensure(offset)
        return max(0, bisect_right(self.starts, offset) - 1)
