"""Article text shown as text: control characters become visible placeholders.

An article is untrusted input. Everything taken from one (title, body, URL, names) goes
through `clean` and into `rich.text.Text` objects, never into markup strings, so `[bold]`,
`[link=…]` or an escape sequence appears literally and changes nothing on screen.
`clean` keeps the length of the string, so entity offsets into the body stay valid.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

REPLACEMENT = "\ufffd"
"""Shown for C1 controls and bidirectional overrides."""

_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE.update({0x7F: "\u2421", 0x09: " "})
_TABLE.update({code: REPLACEMENT for code in range(0x80, 0xA0)})
_TABLE.update({code: REPLACEMENT for code in _BIDI})
_TABLE_KEEP_NEWLINES = {**_TABLE}
del _TABLE_KEEP_NEWLINES[0x0A]


def clean(value: str, *, keep_newlines: bool = False) -> str:
    """Replace every control character one for one with a visible placeholder."""
    return value.translate(_TABLE_KEEP_NEWLINES if keep_newlines else _TABLE)


def text(value: str | None, style: Style | str = "", *, default: str = "") -> Text:
    """A Text holding `value` literally, on one line."""
    return Text(clean(value if value is not None else default), style=style)


def line(*parts: tuple[str | None, Style | str]) -> Text:
    """A one-line Text assembled from (value, style) pairs; None values are skipped."""
    out = Text()
    for value, style in parts:
        if value:
            out.append(clean(value), style=style)
    return out
