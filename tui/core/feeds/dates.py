"""Feed dates: UTC ISO strings from feedparser's struct_time or an ISO 8601 string."""

from __future__ import annotations

import calendar
import time
from datetime import UTC, datetime, timedelta

EARLIEST_YEAR = 1990
"""A date before this is a feed's mistake (feedparser reads `2016/6/29` as year 2016 fine,
but some feeds write year 1 or 1970): it is kept raw and the first-seen time used."""
FUTURE_SLACK = timedelta(days=1)
"""A date further ahead than this is a mistake too (time zones explain less than a day)."""


def now_iso() -> str:
    """The current time in UTC, ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def plausible(moment: datetime) -> str | None:
    """`moment` as a UTC ISO string, or None when it cannot be a publication date."""
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    if moment.year < EARLIEST_YEAR or moment > datetime.now(UTC) + FUTURE_SLACK:
        return None
    return moment.isoformat(timespec="seconds")


def from_struct(value: time.struct_time | None) -> str | None:
    """feedparser's `*_parsed` (a naive UTC struct_time) as a UTC ISO string."""
    if value is None:
        return None
    try:
        return plausible(datetime.fromtimestamp(calendar.timegm(value), UTC))
    except (OverflowError, ValueError, TypeError, OSError):
        return None


def from_iso(value: str | None) -> str | None:
    """An RFC 3339 string (JSON Feed's dates) as a UTC ISO string."""
    if not value:
        return None
    try:
        return plausible(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        return None
