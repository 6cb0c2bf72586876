"""Subscription lists: OPML import (folders become tags) and export (OPML 2.0 with tags),
and newsboat's `urls` file.

The OPML reader is expat driven by hand: no entity is ever declared or expanded (a
document that declares one is refused), nothing is fetched, and nesting is followed
without recursion, so a deep or huge file is read in one pass.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree import ElementTree as ET
from xml.parsers import expat

from tui.core.errors import LoadError

MAX_TAG_DEPTH = 8
"""Folders nested deeper than this add no further level to the tag (the feed is kept)."""
FEED_TYPES = frozenset({"rss", "atom", "rdf", "json", ""})


@dataclass(frozen=True)
class Subscription:
    """One feed of a subscription list: its address, a title and its tags."""

    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()
    site: str | None = None


@dataclass
class SubscriptionList:
    """What a list held, and what was skipped (with the reason, for the user)."""

    feeds: list[Subscription] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class _EntitiesRefused(Exception):
    pass


def _refuse_entities(*_: object) -> None:
    raise _EntitiesRefused


def read_opml(data: bytes, name: str = "the file") -> SubscriptionList:
    """The feeds of an OPML document; raises LoadError when it is not OPML at all."""
    result = SubscriptionList()
    folders: list[str] = []
    pushed: list[bool] = []  # one per open outline: did it open a named folder?
    seen_opml = False

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal seen_opml
        seen_opml = seen_opml or tag == "opml"
        if tag != "outline":
            return
        url = (attrs.get("xmlUrl") or attrs.get("xmlurl") or "").strip()
        label = (attrs.get("title") or attrs.get("text") or "").strip()
        if not url:
            pushed.append(bool(label))
            if label:
                folders.append(label)
            if attrs.get("type") in {"include", "link"} and attrs.get("url"):
                result.skipped.append(f"{attrs['url']}: included lists are not followed")
            return
        pushed.append(False)
        _add_outline(result, url, label, attrs, folders[:MAX_TAG_DEPTH])

    def end(tag: str) -> None:
        if tag == "outline" and pushed and pushed.pop():
            folders.pop()

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entities
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except _EntitiesRefused as error:
        raise LoadError(f"{name} declares XML entities; an OPML list never needs them.") from error
    except expat.ExpatError as error:
        if not result.feeds:
            raise LoadError(f"{name} is not a readable OPML file ({error}).") from error
        result.skipped.append(f"the rest of {name} after line {error.lineno}: {error}")
    if not seen_opml:
        raise LoadError(f"{name} is XML but not an OPML subscription list.")
    return result


def _add_outline(
    result: SubscriptionList,
    url: str,
    label: str,
    attrs: dict[str, str],
    folders: list[str],
) -> None:
    kind = attrs.get("type", "").lower()
    if kind not in FEED_TYPES:
        result.skipped.append(f"{url}: an outline of type {kind!r}, not a feed")
        return
    tags = ["/".join(folders)] if folders else []
    category = attrs.get("category", "")
    tags += [t.strip().strip("/") for t in category.split(",") if t.strip().strip("/")]
    title = label if label and label != url else None  # an export's `text` falls back to the URL
    result.feeds.append(
        Subscription(url, title, tuple(dict.fromkeys(tags)), attrs.get("htmlUrl") or None)
    )


def read_urls_file(text: str) -> SubscriptionList:
    """newsboat's `urls` file: `URL tag "another tag" ~Title`, `#` comments."""
    result = SubscriptionList()
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=False)
        except ValueError as error:
            result.skipped.append(f"line {number}: {error}")
            continue
        url, rest = words[0], words[1:]
        if not url.lower().startswith(("http://", "https://")):
            result.skipped.append(f"line {number}: {url.split(':')[0]}: feeds are not supported")
            continue
        title = next((w[1:] for w in rest if w.startswith("~") and len(w) > 1), None)
        tags = tuple(w for w in rest if not w.startswith(("~", "!")) and w)
        result.feeds.append(Subscription(url, title, tags))
    return result


def read_subscriptions(data: bytes, name: str) -> SubscriptionList:
    """An OPML document, or else a newsboat `urls` file, recognised by content."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return read_opml(data, name)
    return read_urls_file(data.decode("utf-8", errors="replace"))


def write_opml(feeds: list[Subscription], title: str = "newsdesk subscriptions") -> str:
    """OPML 2.0: a folder per feed's first tag, every tag in `category` (as newsboat does)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = datetime.now(UTC).strftime(
        "%a, %d %b %Y %H:%M:%S GMT"
    )
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            folder = feed.tags[0]
            if folder not in folders:
                folders[folder] = ET.SubElement(body, "outline", text=folder, title=folder)
            parent = folders[folder]
        attrs = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attrs["title"] = feed.title
        if feed.site:
            attrs["htmlUrl"] = feed.site
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
