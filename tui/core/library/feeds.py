"""Feed subscriptions in the library: adding, finding, tagging, their refresh state.

`FeedStore` works over an open `Library`'s connection (one per thread, like the Library);
the items of the feeds are in `feed_items`. Counters of unread and total items sit on the
feed row, kept by triggers (see migration 4), so listing 500 feeds reads 500 rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tui.core.errors import StoreError
from tui.core.feeds.dates import now_iso
from tui.core.library.store import Library

DEFAULT_REFRESH_MINUTES = 60
"""A feed is due again an hour after its last attempt unless it sets its own interval."""
MIN_REFRESH_MINUTES = 10
"""The shortest per-feed interval accepted: market sources need 10 minutes, not less."""

_COLUMNS = (
    "f.id, f.url, coalesce(f.custom_title, f.title), f.site, f.unread, f.total, f.last_success,"
    " f.last_attempt, f.last_new, f.error_kind, f.error_message, f.error_at, f.failures,"
    " f.warning, f.disabled, f.refresh_minutes, f.retry_after, f.etag, f.last_modified,"
    " (SELECT group_concat(tag, ',') FROM (SELECT tag FROM feed_tags t"
    "  WHERE t.feed_id = f.id ORDER BY tag))"
)


@dataclass(frozen=True)
class Feed:
    """One subscription as listed: counters, refresh state and the last error."""

    id: int
    url: str
    title: str | None
    site: str | None
    unread: int
    total: int
    last_success: str | None
    last_attempt: str | None
    last_new: str | None
    error_kind: str | None
    error_message: str | None
    error_at: str | None
    failures: int
    warning: str | None
    disabled: bool
    refresh_minutes: int | None
    retry_after: str | None
    etag: str | None
    last_modified: str | None
    tags: tuple[str, ...]

    @property
    def name(self) -> str:
        """The title to show: the user's, else the feed's, else its address."""
        return self.title or self.url

    @property
    def in_error(self) -> bool:
        return self.error_message is not None


def _feed(row: Any) -> Feed:
    tags = tuple(str(row[19]).split(",")) if row[19] else ()
    return Feed(
        id=row[0],
        url=row[1],
        title=row[2],
        site=row[3],
        unread=row[4],
        total=row[5],
        last_success=row[6],
        last_attempt=row[7],
        last_new=row[8],
        error_kind=row[9],
        error_message=row[10],
        error_at=row[11],
        failures=row[12],
        warning=row[13],
        disabled=bool(row[14]),
        refresh_minutes=row[15],
        retry_after=row[16],
        etag=row[17],
        last_modified=row[18],
        tags=tags,
    )


def refresh_minutes(minutes: int | None) -> int:
    """How often a feed is refreshed: its own interval (never under the floor), else the
    default."""
    return max(minutes or DEFAULT_REFRESH_MINUTES, MIN_REFRESH_MINUTES)


def is_due(feed: Feed, now: datetime) -> bool:
    """True when the feed should be fetched: enabled, past any Retry-After, interval gone."""
    if feed.disabled:
        return False
    if feed.retry_after and datetime.fromisoformat(feed.retry_after) > now:
        return False
    if feed.last_attempt is None:
        return True
    minutes = refresh_minutes(feed.refresh_minutes)
    return datetime.fromisoformat(feed.last_attempt) + timedelta(minutes=minutes) <= now


class FeedStore:
    """Subscriptions and their refresh state, over an open Library's connection."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def add(
        self, url: str, *, title: str | None = None, tags: Iterable[str] = ()
    ) -> tuple[Feed, bool]:
        """Subscribe to `url` (tags are added to an existing one); True when it is new."""
        with self.library._transaction() as conn:
            feed_id, created = _subscribe(conn, url, title, tags)
        return self.get(feed_id), created

    def add_many(self, subscriptions: Sequence[tuple[str, str | None, Sequence[str]]]) -> int:
        """Subscribe to many (url, title, tags) at once, in one transaction; returns how many
        were new (known ones gain the tags)."""
        with self.library._transaction() as conn:
            return sum(_subscribe(conn, *subscription)[1] for subscription in subscriptions)

    def get(self, feed_id: int) -> Feed:
        with self.library._guard() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,))
            found = row.fetchone()
        if found is None:
            raise StoreError(f"There is no feed {feed_id}.")
        return _feed(found)

    def feeds(self) -> list[Feed]:
        """Every subscription, by title."""
        with self.library._guard() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM feeds f"
                " ORDER BY coalesce(f.custom_title, f.title, f.url) COLLATE NOCASE, f.id"
            ).fetchall()
        return [_feed(row) for row in rows]

    def find(self, reference: str) -> Feed | None:
        """A feed by its id, its URL or its title (case-insensitive)."""
        reference = reference.strip()
        with self.library._guard() as conn:
            for where, value in (
                ("f.id = ?", int(reference) if reference.isdigit() else None),
                ("f.url = ?", reference),
                ("coalesce(f.custom_title, f.title) = ? COLLATE NOCASE", reference),
            ):
                if value is None:
                    continue
                row = conn.execute(f"SELECT {_COLUMNS} FROM feeds f WHERE {where}", (value,))
                found = row.fetchone()
                if found is not None:
                    return _feed(found)
        return None

    def remove(self, feed_id: int) -> int:
        """Unsubscribe; the items no other feed carries go too (saved articles stay).

        Returns how many items were removed.
        """
        with self.library._transaction() as conn:
            orphans = [
                int(row[0])
                for row in conn.execute(
                    "SELECT item_id FROM item_sources s WHERE feed_id = ? AND NOT EXISTS"
                    " (SELECT 1 FROM item_sources o WHERE o.item_id = s.item_id"
                    "  AND o.feed_id != s.feed_id)",
                    (feed_id,),
                )
            ]
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
            conn.executemany("DELETE FROM items WHERE id = ?", ((i,) for i in orphans))
        return len(orphans)

    def due(self, now: datetime | None = None) -> list[Feed]:
        """The feeds a refresh of "everything due" fetches."""
        moment = now or datetime.now(UTC)
        return [feed for feed in self.feeds() if is_due(feed, moment)]

    def record_success(
        self,
        feed_id: int,
        *,
        status: int,
        title: str | None = None,
        site: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        warning: str | None = None,
        new_items: int = 0,
    ) -> None:
        """A fetch that worked (200 or 304): the error state is cleared, headers kept."""
        now = now_iso()
        with self.library._transaction() as conn:
            conn.execute(
                "UPDATE feeds SET last_attempt = :now, last_success = :now, http_status = :status,"
                " title = coalesce(:title, title), site = coalesce(:site, site),"
                " etag = iif(:status = 304, etag, :etag),"
                " last_modified = iif(:status = 304, last_modified, :modified),"
                " warning = iif(:status = 304, warning, :warning),"
                " last_new = iif(:new > 0, :now, last_new),"
                " error_kind = NULL, error_message = NULL, error_at = NULL, failures = 0,"
                " retry_after = NULL WHERE id = :id",
                {
                    "now": now,
                    "status": status,
                    "title": title,
                    "site": site,
                    "etag": etag,
                    "modified": last_modified,
                    "warning": warning,
                    "new": new_items,
                    "id": feed_id,
                },
            )

    def record_failure(
        self,
        feed_id: int,
        kind: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: str | None = None,
        title: str | None = None,
    ) -> None:
        """A fetch or parse that failed: kept with its kind, time and the failure count."""
        now = now_iso()
        with self.library._transaction() as conn:
            conn.execute(
                "UPDATE feeds SET last_attempt = ?, http_status = ?, error_kind = ?,"
                " error_message = ?, error_at = ?, failures = failures + 1, retry_after = ?,"
                " title = coalesce(title, ?) WHERE id = ?",
                (now, status, kind, message, now, retry_after, title, feed_id),
            )

    def move(self, feed_id: int, url: str) -> None:
        """The feed answered a permanent redirect: keep its new address (unless known)."""
        with self.library._transaction() as conn:
            taken = conn.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone()
            if taken is None:
                conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (url, feed_id))

    def set_interval(self, feed_id: int, minutes: int | None) -> None:
        """A per-feed refresh interval (None: the default), never under the floor."""
        value = None if minutes is None else max(minutes, MIN_REFRESH_MINUTES)
        with self.library._transaction() as conn:
            conn.execute("UPDATE feeds SET refresh_minutes = ? WHERE id = ?", (value, feed_id))


def _subscribe(
    conn: sqlite3.Connection, url: str, title: str | None, tags: Iterable[str]
) -> tuple[int, bool]:
    """The feed's id (added when new, with `title`) and whether it is new; tags added."""
    cursor = conn.execute(
        "INSERT INTO feeds (url, custom_title, added_at) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO NOTHING",
        (url, title, now_iso()),
    )
    feed_id = int(conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0])
    _add_tags(conn, feed_id, tags)
    return feed_id, cursor.rowcount > 0


def _add_tags(conn: sqlite3.Connection, feed_id: int, tags: Iterable[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO feed_tags VALUES (?, ?)",
        ((feed_id, tag.strip()) for tag in tags if tag.strip()),
    )
