"""When two entries are the same story: the rules `feed_items.store_entries` applies.

1. The same feed's guid: the same item (its text is updated).
2. The same canonical URL (`urls.canonical_url`: `feedburner:origLink` first, tracking
   parameters stripped), from any feed: the same article, one item with several sources.
3. A near-identical title (`text.title_key`) from another feed within a day: the same wire
   story carried by two outlets. Never within one feed: a feed's daily "Markets wrap"
   posts are different items that share a title.
"""

from __future__ import annotations

from datetime import datetime, timedelta

TITLE_WINDOW = timedelta(days=1)
"""How far apart two dates may be for equal titles to be one story."""
MIN_TITLE_WORDS = 4
"""Shorter titles ("Markets wrap", "Live updates") are too common to identify a story."""


def window(sort_date: str) -> tuple[str, str]:
    """The ISO bounds (exclusive) of the dates a same-title story may carry."""
    moment = datetime.fromisoformat(sort_date)
    return (
        (moment - TITLE_WINDOW).isoformat(timespec="seconds"),
        (moment + TITLE_WINDOW).isoformat(timespec="seconds"),
    )


def title_can_match(key: str) -> bool:
    """True when a title key is distinctive enough to merge two feeds' entries on."""
    return len(key.split()) >= MIN_TITLE_WORDS
