"""Untrusted text made safe to print: control characters become visible placeholders.

Articles, feeds and URLs are untrusted input. Everything from them that reaches a
terminal (the reader, or the command line's text, Markdown and CSV outputs) goes through
`clean`, so an escape sequence (`ESC [ … m`, `ESC ] 52 ; …`), a C1 control or a bidi
override shows as a placeholder and changes nothing. `clean` keeps the length of the
string, so entity offsets into a body stay valid. JSON output keeps the exact text:
`json_line` escapes every such character as `\\uXXXX`, which a JSON reader turns back
into the same string.
"""

from __future__ import annotations

import io
import json
import re
import sys
from typing import Any, TextIO

REPLACEMENT = "\ufffd"
"""Shown for C1 controls and bidirectional overrides."""

_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE.update({0x7F: "\u2421", 0x09: " "})
_TABLE.update({code: REPLACEMENT for code in range(0x80, 0xA0)})
_TABLE.update({code: REPLACEMENT for code in _BIDI})
_TABLE_KEEP_NEWLINES = {**_TABLE}
del _TABLE_KEEP_NEWLINES[0x0A]
_TABLE_TERMINAL = {**_TABLE_KEEP_NEWLINES}
del _TABLE_TERMINAL[0x09]
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(value: str, *, keep_newlines: bool = False) -> str:
    """Replace every control character one for one with a visible placeholder."""
    return value.translate(_TABLE_KEEP_NEWLINES if keep_newlines else _TABLE)


def clean_for_terminal(value: str) -> str:
    """`clean` for a whole printed stream: newline and tab are the only controls kept."""
    return value.translate(_TABLE_TERMINAL)


def json_line(data: Any) -> str:
    """`data` as one line of JSON that keeps every string exact and is safe in a terminal.

    `json.dumps` escapes the C0 controls; DEL, the C1 controls and the bidi overrides
    (which it leaves raw) are escaped here too. They can only occur inside strings, so
    the escape reads back as the same character.
    """
    text = json.dumps(data, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeStream(io.TextIOBase):
    """A text stream that writes everything through `clean_for_terminal`."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(clean_for_terminal(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.inner.encoding


def install_safe_streams() -> None:
    """Route `sys.stdout` and `sys.stderr` through `clean_for_terminal` from now on.

    Unencodable characters are replaced rather than raised, so an odd terminal
    encoding cannot stop a run either.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, SafeStream):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")
            setattr(sys, name, SafeStream(stream))
