"""Article text shown as text: control characters become visible placeholders.

An article is untrusted input. Everything taken from one (title, body, URL, names) goes
through `clean` and into `rich.text.Text` objects, never into markup strings, so `[bold]`,
`[link=…]` or an escape sequence appears literally and changes nothing on screen.
`clean` (from `tui.core.sanitise`) keeps the length of the string, so entity offsets stay valid.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from tui.core.sanitise import clean

__all__ = ["clean", "line", "text"]


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
