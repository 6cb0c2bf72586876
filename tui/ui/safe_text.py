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

__all__ = ["clean", "line", "sentence", "text"]


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


def sentence(value: str) -> str:
    """`value` cleaned and shown as a sentence: a capital when it starts with a plain word
    (not a file name), and one full stop at the end."""
    value = clean(value.strip())
    first = value.split(" ", 1)[0]
    if first.isalpha() and first.islower():
        value = value[0].upper() + value[1:]
    return value if value.endswith((".", "!", "?", "…")) else value + "."
