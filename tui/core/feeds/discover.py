"""Subscribing by a site's address: find its feed from `<link rel="alternate">`.

A URL that answers with a feed is the feed. A web page is searched for the feeds it
declares (RSS, Atom, JSON Feed), best first; nothing is guessed beyond what the page says.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

from tui.core.feeds.jsonfeed import looks_like_json

FEED_MEDIA_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
)
"""The `type` of a `<link rel="alternate">` that names a feed, in order of preference."""
_LINK = re.compile(r"<link\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_FEED_START = re.compile(
    rb"^\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)\s*)*"
    rb"<(?:rss|feed|(?:\w+:)?RDF)\b",
    re.S,
)
"""A feed's root element, after any XML declaration, processing instructions (a
stylesheet), comments and a DOCTYPE."""


def looks_like_feed(content: bytes, content_type: str) -> bool:
    """True when a response is a feed document rather than a web page."""
    media = content_type.split(";")[0].strip().lower()
    if media in FEED_MEDIA_TYPES[:3] or media == "application/rdf+xml":
        return True
    if looks_like_json(content[:10], media) and b'"items"' in content[:100_000]:
        return True
    return bool(_FEED_START.match(content[:2048].lstrip(b"\xef\xbb\xbf")))


def feed_links(html: str, base: str) -> list[str]:
    """The feeds a page declares with `<link rel="alternate" type=…>`, best first."""
    found: list[tuple[int, str]] = []
    for tag in _LINK.findall(html[:500_000]):
        attrs = {m[0].lower(): unescape(m[1] or m[2] or m[3]) for m in _ATTR.findall(tag)}
        rel = attrs.get("rel", "").lower().split()
        media = attrs.get("type", "").lower().strip()
        href = attrs.get("href", "").strip()
        if "alternate" in rel and media in FEED_MEDIA_TYPES and href:
            found.append((FEED_MEDIA_TYPES.index(media), urljoin(base, href)))
    found.sort(key=lambda pair: pair[0])
    return list(dict.fromkeys(url for _, url in found))
