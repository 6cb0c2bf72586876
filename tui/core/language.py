"""A small French/English guess from stop words, for pages that do not declare it."""

from __future__ import annotations

import re

_FRENCH = frozenset(
    "le la les des du de un une et est sont dans pour par sur avec qui que au aux ce cette "
    "il elle ils nous vous pas plus été être ont leur son sa ses".split()
)
_ENGLISH = frozenset(
    "the a an and is are in for by on with who that to of it its this was were be been "
    "has have not more their his her they we you from at as".split()
)
_WORD = re.compile(r"[a-zà-ÿ]+")
SAMPLE_CHARS = 20_000
"""Enough text to tell the two languages apart."""


def guess_language(text: str) -> str | None:
    """'fr', 'en', or None when the text gives too little (or as much of each) to tell."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    french = sum(word in _FRENCH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if french == english:
        return None
    return "fr" if french > english else "en"
