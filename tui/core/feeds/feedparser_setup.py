"""feedparser, set up once for speed without changing what it returns.

feedparser spends a fifth of its time joining URLs: on every start tag it re-joins the
document's base with the element's `xml:base` (nearly always the same two strings), and it
resolves every `link` and `id` against that base. Both helpers are pure functions of their
strings, so they are memoised here. Its SAX parser hands text to Python in many small
pieces (expat splits at each entity and line end); a parser with expat's `buffer_text`
hands over each run of text at once. feedparser picks its SAX driver from a list of module
names (`PREFERRED_XML_PARSERS`); this module is such a driver.

The result is checked against an untouched feedparser on every fixture by
`tests/core/test_feeds_parse.py`. feedparser is pinned (`<7`): these are its 6.x names.
"""

from __future__ import annotations

import functools
from types import ModuleType
from typing import Any
from xml.sax.expatreader import ExpatParser

URL_CACHE = 4096
"""URL joins remembered per process: a feed has a handful of bases and a link per item."""
_tuned: ModuleType | None = None


class BufferedExpatParser(ExpatParser):
    """The standard expat SAX reader, with text delivered in whole runs."""

    def reset(self) -> None:
        super().reset()
        self._parser.buffer_text = True  # type: ignore[attr-defined]


def create_parser(*args: Any, **kwargs: Any) -> BufferedExpatParser:
    """The SAX driver entry point `xml.sax.make_parser` calls."""
    return BufferedExpatParser(*args, **kwargs)


def tuned_feedparser() -> ModuleType:
    """The feedparser module, with memoised URL joins and this SAX driver (done once)."""
    global _tuned
    if _tuned is None:
        import feedparser
        import feedparser.api
        import feedparser.mixin

        mixin: Any = feedparser.mixin
        mixin.make_safe_absolute_uri = functools.lru_cache(URL_CACHE)(mixin.make_safe_absolute_uri)
        mixin._urljoin = functools.lru_cache(URL_CACHE)(mixin._urljoin)
        api: Any = feedparser.api
        api.PREFERRED_XML_PARSERS = [__name__]
        _tuned = feedparser
    return _tuned
