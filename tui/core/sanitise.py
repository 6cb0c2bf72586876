"""Untrusted text made safe to print: control characters become visible placeholders.

Articles, feeds and URLs are untrusted input. Everything from them that reaches a
terminal (the reader, or the command line's text, Markdown and CSV outputs) goes through
`clean`, so an escape sequence (`ESC [ … m`, `ESC ] 52 ; …`), a C1 control or a bidi
override shows as a placeholder and changes nothing. `clean` keeps the length of the
string, so entity offsets into a body stay valid. JSON output keeps the exact text:
its encoder escapes control characters itself.
"""

from __future__ import annotations

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
