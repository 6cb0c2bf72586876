"""JSON Feed 1.0 and 1.1 (jsonfeed.org), mapped to the same entries as the XML formats."""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import urljoin

from tui.core.feeds.dates import from_iso
from tui.core.feeds.model import Entry, ParsedFeed
from tui.core.feeds.text import html_to_text, one_line
from tui.core.feeds.urls import canonical_url

MAX_ENTRY_ERRORS = 3
"""Items skipped for a bad field are counted; the first few are named in the warning."""


def looks_like_json(content: bytes, content_type: str) -> bool:
    """A JSON Feed by its media type, or by a body that starts with `{`."""
    if "json" in content_type:
        return True
    return content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_json_feed(content: bytes, url: str) -> ParsedFeed:
    """Map a JSON Feed document; a bad item is skipped, never the whole feed."""
    try:
        data = json.loads(content.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as error:
        return ParsedFeed(None, None, (), "json", error=f"not valid JSON ({error})")
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return ParsedFeed(None, None, (), "json", error="JSON, but not a JSON Feed (no items)")
    entries: list[Entry] = []
    skipped = 0
    for item in data["items"]:
        entry = _entry(item, url) if isinstance(item, dict) else None
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    warning = f"{skipped} item(s) without an id or a link were skipped" if skipped else None
    home = data.get("home_page_url")
    return ParsedFeed(
        title=one_line(_text(data.get("title"))) or None,
        site=urljoin(url, home) if isinstance(home, str) else None,
        entries=tuple(entries),
        kind="json11" if "1.1" in str(data.get("version", "")) else "json10",
        warning=warning,
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _body(item: dict[str, Any]) -> str:
    """The item's content as text (read only when it has no summary)."""
    return html_to_text(_text(item.get("content_html"))) or _text(item.get("content_text")) or ""


def _author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors")
    if isinstance(authors, list):
        names = [a.get("name") for a in authors if isinstance(a, dict)]
        joined = ", ".join(n for n in names if isinstance(n, str) and n)
        if joined:
            return one_line(joined)
    author = item.get("author")
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        return one_line(author["name"])
    return None


def _entry(item: dict[str, Any], url: str) -> Entry | None:
    link = _text(item.get("url"))
    link = urljoin(url, link) if link else None
    external = _text(item.get("external_url"))
    title = one_line(_text(item.get("title")))
    text = html_to_text(_text(item.get("summary"))) or _body(item)
    raw_id = item.get("id")
    guid = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else link
    if guid is None:
        if not (title or text):
            return None
        guid = "sha1:" + hashlib.sha1(f"{title}\n{text[:200]}".encode()).hexdigest()
    raw_date = _text(item.get("date_published")) or _text(item.get("date_modified"))
    return Entry(
        guid=guid,
        title=title or text[:80] or "(untitled)",
        link=link or external,
        canonical=canonical_url(external or link),
        summary=text,
        author=_author(item),
        published=from_iso(raw_date),
        published_raw=raw_date,
    )
