"""Feed documents to entries: feedparser for RSS 0.9x/1.0/2.0, Atom and RDF; JSON Feed mapped.

Only bytes that newsdesk fetched itself are parsed, with the response headers: never a URL
or a path (feedparser would fetch or open it). The headers give the charset precedence and
the base (`Content-Location`) that root-relative links resolve against.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from functools import partial
from typing import Any

from tui.core.feeds.dates import from_struct
from tui.core.feeds.jsonfeed import looks_like_json, parse_json_feed
from tui.core.feeds.model import Entry, ParsedFeed
from tui.core.feeds.text import html_to_text, one_line
from tui.core.feeds.urls import canonical_url

HARMLESS_BOZO = frozenset({"CharacterEncodingOverride", "NonXMLContentType"})
"""feedparser's complaints that say nothing about the entries (feedparser#81)."""
_HTML_START = (b"<!doctype html", b"<html")
_FEEDISH_TYPES = ("xml", "rss", "atom", "rdf", "json", "text/", "octet-stream")
"""Media types a feed is served as in the wild (text/plain and octet-stream included)."""


def parse_feed(content: bytes, headers: Mapping[str, str], url: str) -> ParsedFeed:
    """Parse one fetched feed; never raises on bad input (the problem is in `error`)."""
    content_type = _header(headers, "content-type").lower()
    if looks_like_json(content, content_type):
        return parse_json_feed(content, url)
    if _is_html(content, content_type):
        return ParsedFeed(None, None, (), "html", error="this is a web page, not a feed")
    media = content_type.split(";")[0].strip()
    if media and not any(word in media for word in _FEEDISH_TYPES):
        return ParsedFeed(None, None, (), "other", error=f"this is {media}, not a feed")
    return _parse_xml(content, content_type, url)


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return ""


def _is_html(content: bytes, content_type: str) -> bool:
    start = content.lstrip()[:200].lower()
    return start.startswith(_HTML_START) or (
        "html" in content_type and not start.startswith(b"<?xml")
    )


def _parse_xml(content: bytes, content_type: str, url: str) -> ParsedFeed:
    from tui.core.feeds.feedparser_setup import tuned_feedparser

    feedparser = tuned_feedparser()
    response_headers = {"content-location": url}
    if content_type:
        response_headers["content-type"] = content_type
    # Sanitising and resolving links inside HTML cost a third of the time (feedparser#209);
    # newsdesk never renders feed HTML, it keeps the text only (`html_to_text`).
    result: Any = feedparser.parse(
        io.BytesIO(content),
        response_headers=response_headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    feed = result.get("feed", {})
    entries = tuple(e for e in (_entry(raw, url) for raw in result.get("entries", [])) if e)
    problem = _bozo(result)
    title = one_line(feed.get("title")) or None
    site = feed.get("link") or None
    kind = str(result.get("version") or "")
    if not entries and problem is not None:
        return ParsedFeed(
            title, site, (), kind or "xml", error=f"the feed is malformed ({problem})"
        )
    if not entries and not kind and title is None:
        return ParsedFeed(None, None, (), "unknown", error="this is not an RSS, Atom or JSON feed")
    return ParsedFeed(title, site, entries, kind or "xml", warning=problem)


def _bozo(result: Any) -> str | None:
    """What feedparser found wrong, unless it is one of the harmless complaints."""
    if not result.get("bozo"):
        return None
    error = result.get("bozo_exception")
    name = type(error).__name__
    if name in HARMLESS_BOZO:
        return None
    return f"{name}: {error}" if str(error) else name


def _entry(raw: Any, base: str) -> Entry | None:
    """One feedparser entry as an Entry; None when it has nothing to show or link to."""
    get = partial(dict.get, raw)  # plain lookups: FeedParserDict's own are slow
    link = get("link") or None
    origin = get("feedburner_origlink") or None
    title = one_line(get("title"))
    summary = html_to_text(get("summary"))
    if not summary:
        contents = get("content") or []
        summary = html_to_text(contents[0].get("value")) if contents else ""
    if not (title or summary or link):
        return None
    # dict.get: feedparser's own `get` maps a missing `updated` to `published`, with a warning
    raw_date = dict.get(raw, "published") or dict.get(raw, "updated") or None
    parsed = dict.get(raw, "published_parsed") or dict.get(raw, "updated_parsed")
    guid = get("id") or link
    if not guid:
        guid = "sha1:" + hashlib.sha1(f"{title}\n{raw_date}\n{summary[:200]}".encode()).hexdigest()
    return Entry(
        guid=str(guid),
        title=title or summary[:80] or "(untitled)",
        link=link,
        canonical=canonical_url(origin or link, base),
        summary=summary,
        author=one_line(get("author")) or None,
        published=from_struct(parsed),
        published_raw=str(raw_date) if raw_date else None,
    )
