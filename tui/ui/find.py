"""Find in an article the way the library search matches: ignoring case, accents and the
form of apostrophes, quotes, dashes and spaces (`thales` finds `Thalès`, `'` finds `’`).

Matches are found in the body itself (each query character becomes the class of body
characters that fold to the same thing), so the offsets need no mapping back.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

Span = tuple[int, int]

_SAME = {
    "'": "'’‘ʼ′´`",
    '"': '"“”«»„‟″',
    "-": "-‐‑‒–—−",
}
"""Characters typed one way and printed another."""
_FOLDED_PUNCTUATION = {char: key for key, chars in _SAME.items() for char in chars}


@cache
def fold(char: str) -> str:
    """What `char` reads as once case, accents and typographic variants are ignored."""
    if char in _FOLDED_PUNCTUATION:
        return _FOLDED_PUNCTUATION[char]
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in decomposed if not unicodedata.combining(part))
    return (base or char).casefold()


def _classes(body: str) -> dict[str, set[str]]:
    classes: dict[str, set[str]] = {}
    for char in set(body):
        classes.setdefault(fold(char), set()).add(char)
    return classes


def find_pattern(body: str, query: str) -> re.Pattern[str] | None:
    """A pattern matching `query` in `body` with folding; None for an empty query."""
    query = " ".join(query.split())
    if not query:
        return None
    classes = _classes(body)
    parts: list[str] = []
    for char in query:
        if char == " ":
            parts.append(r"\s+")
            continue
        variants = classes.get(fold(char), set()) | {char}
        parts.append("[" + "".join(re.escape(v) for v in sorted(variants)) + "]")
    return re.compile("".join(parts))


def find_spans(body: str, query: str) -> list[Span]:
    """Every non-overlapping match of `query` in `body`, as (start, end) offsets."""
    pattern = find_pattern(body, query)
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(body)]
