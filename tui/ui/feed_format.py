"""How feed and item rows read on screen: ages, dates, flags, the feed list's status line
(pure functions over rows and the refresh's state)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rich.text import Text

from tui.core.library.feed_items import Item
from tui.core.library.feeds import Feed, refresh_minutes
from tui.ui.safe_text import clean

if TYPE_CHECKING:
    from tui.ui.feed_runner import FeedRunner

RECENT_DAYS = 7
"""Up to this age a time reads as "5 min", "3 h", "2 d"; older ones as a date."""


def age(iso: str | None, now: datetime | None = None) -> str:
    """ "5 min", "3 h", "2 d", or the date when older than a week; "never" for None."""
    if not iso:
        return "never"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return clean(iso[:10])
    seconds = ((now or datetime.now(UTC)) - moment).total_seconds()
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h"
    if seconds < RECENT_DAYS * 86400:
        return f"{int(seconds // 86400)} d"
    return moment.strftime("%Y-%m-%d")


def feed_state(feed: Feed) -> Text:
    """The error marker column: ✗ in error, ! with a warning, – disabled."""
    if feed.in_error:
        return Text("✗", style="bold red")
    if feed.disabled:
        return Text("–", style="dim")
    if feed.warning:
        return Text("!", style="yellow")
    return Text(" ")


def feed_detail(feed: Feed) -> Text:
    """The status line under the list for the highlighted feed."""
    out = Text(clean(feed.url), style="dim")
    if feed.tags:
        out.append("  tags: " + clean(", ".join(feed.tags)), style="dim")
    every = refresh_minutes(feed.refresh_minutes)
    out.append(f"  every {every} min" + ("" if feed.refresh_minutes else " (default)"), style="dim")
    if feed.in_error:
        times = f"{feed.failures} failures" if feed.failures > 1 else "failed"
        when = age(feed.error_at)
        when = "just now" if when == "now" else when if "-" in when else f"{when} ago"
        out.append(f"\nerror ({times}, {when}): ", style="bold red")
        out.append(clean(feed.error_message or ""))
    elif feed.warning:
        out.append("\nwarning: ", style="yellow")
        out.append(clean(feed.warning))
    return out


def list_status(runner: FeedRunner, feed: Feed | None, any_feeds: bool) -> Text:
    """The feed list's status line: a refresh's progress, or the last automatic refresh
    and the highlighted feed's details."""
    done, total = runner.progress
    if runner.running and not runner.automatic:
        return Text(f"Refreshing… {done}/{total} feeds")
    out = Text()
    if runner.running:
        out.append(f"Refreshing {total} due feed(s) in the background… {done}/{total}\n", "italic")
    elif runner.note:
        out.append(runner.note + "\n", "italic")
    if feed is not None:
        out.append_text(feed_detail(feed))
    elif any_feeds:
        out.append("No feed matches the filter (Escape clears it).")
    else:
        out.append(
            "No feeds yet: press a to add one by its address or a site's "
            "home page, or run `newsdesk feeds import FILE.opml`."
        )
    return out


def item_flags(item: Item) -> Text:
    """newsboat's flags: N for unread, * for starred, ~ when only the summary could be had."""
    out = Text("N" if not item.read else " ", style="bold")
    out.append("*" if item.starred else " ", style="yellow")
    out.append("~" if item.full_text == "summary" else " ", style="dim")
    return out


def item_date(item: Item) -> str:
    """The item's date to the minute (UTC); the first-seen time when the feed gave none."""
    return clean(item.sort_date[:16].replace("T", " "))
