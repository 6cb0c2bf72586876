"""What a parsed feed holds: plain frozen dataclasses shared by the parsers and the store."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One item of a feed as the parser read it; every text is plain (no HTML)."""

    guid: str
    """The feed's own id for the item (`id`/`guid`), else its link, else a hash."""
    title: str
    link: str | None = None
    canonical: str | None = None
    """The article's URL for de-duplication: `feedburner:origLink` first, tracking stripped."""
    summary: str = ""
    author: str | None = None
    published: str | None = None
    """UTC, ISO 8601, when the feed's date could be read; None otherwise."""
    published_raw: str | None = None
    """The date exactly as the feed wrote it."""


@dataclass(frozen=True)
class ParsedFeed:
    """A feed document: its metadata and entries, and what went wrong reading it.

    `error` is set when nothing usable came out (the feed is then in error); `warning`
    when something was odd but entries were read (a wrong charset, a truncated tail).
    """

    title: str | None
    site: str | None
    entries: tuple[Entry, ...]
    kind: str
    """'rss20', 'atom10', 'rss10', 'json', …: the format the parser recognised."""
    error: str | None = None
    warning: str | None = None
