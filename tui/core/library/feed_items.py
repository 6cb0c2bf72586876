"""Items of the subscribed feeds: storing a refresh's entries (de-duplicated), listing, flags.

Works over an open `Library`'s connection, like `FeedStore`. One row of `items` is one
story; `item_sources` links it to every feed that carried it (see `tui.core.feeds.dedupe`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.feeds import dedupe
from tui.core.feeds.dates import now_iso
from tui.core.feeds.model import Entry
from tui.core.feeds.text import title_key
from tui.core.library.store import Library

LIST_LIMIT = 2000
"""Items listed at once for one feed; a bigger feed is filtered with `/`, never truncated
in the library."""
ORDERS = ("unread", "date")

_ITEM_COLUMNS = (
    "i.id, i.title, i.link, i.published, i.published_raw, i.sort_date, i.read, i.starred,"
    " i.article_id, i.full_text, i.full_text_note, i.companies,"
    " (SELECT count(*) FROM item_sources c WHERE c.item_id = i.id)"
)


@dataclass(frozen=True)
class Item:
    """One story as listed: flags, dates, whether its full text is in, its companies."""

    id: int
    title: str
    link: str | None
    published: str | None
    published_raw: str | None
    sort_date: str
    read: bool
    starred: bool
    article_id: int | None
    full_text: str | None
    """None until fetched; 'page' (the article's page) or 'summary' (the feed's text)."""
    full_text_note: str | None
    companies: str
    sources: int
    """How many feeds carried this story."""


@dataclass(frozen=True)
class StoredEntries:
    """What one refresh added: new items, and entries merged into another feed's item."""

    new: tuple[int, ...]
    merged: int


@dataclass(frozen=True)
class PendingItem:
    """An item whose page the background job fetches, with what it falls back to."""

    id: int
    title: str
    link: str | None
    summary: str
    published: str | None
    feed_title: str | None


def _item(row: Any) -> Item:
    return Item(
        id=row[0],
        title=row[1],
        link=row[2],
        published=row[3],
        published_raw=row[4],
        sort_date=row[5],
        read=bool(row[6]),
        starred=bool(row[7]),
        article_id=row[8],
        full_text=row[9],
        full_text_note=row[10],
        companies=row[11],
        sources=row[12],
    )


class FeedItems:
    """The stories of every feed, over an open Library's connection."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def store_entries(self, feed_id: int, entries: Sequence[Entry]) -> StoredEntries:
        """Add a refresh's entries to the feed in one transaction; known ones are updated."""
        now = now_iso()
        new: list[int] = []
        merged = 0
        with self.library._transaction() as conn:
            known = dict(
                conn.execute("SELECT guid, item_id FROM item_sources WHERE feed_id = ?", (feed_id,))
            )
            for entry in entries:
                if entry.guid in known:
                    _update(conn, int(known[entry.guid]), entry)
                    continue
                known[entry.guid] = -1  # a guid twice in one document is one item
                sort_date = entry.published or now
                same = _same_story(conn, feed_id, entry, sort_date)
                if same is None:
                    item_id = _insert(conn, entry, now, sort_date)
                    new.append(item_id)
                else:
                    item_id = same
                    merged += 1
                conn.execute(
                    "INSERT INTO item_sources (feed_id, item_id, guid, read, sort_date)"
                    " VALUES (?, ?, ?, (SELECT read FROM items WHERE id = ?), ?)"
                    " ON CONFLICT (feed_id, item_id) DO UPDATE SET guid = excluded.guid",
                    (feed_id, item_id, entry.guid, item_id, sort_date),
                )
        return StoredEntries(tuple(new), merged)

    def items(
        self,
        feed_id: int | None = None,
        *,
        unread_only: bool = False,
        order: str = "unread",
        limit: int = LIST_LIMIT,
    ) -> list[Item]:
        """One feed's items (or every feed's), unread first then newest, or newest first."""
        sort = "read, sort_date DESC" if order == "unread" else "sort_date DESC"
        where = ["feed_id = :feed"] if feed_id is not None else []
        if unread_only:
            where.append("read = 0")
        source = "item_sources"
        if feed_id is None:  # every feed: one row per story
            source = (
                "(SELECT item_id, min(read) AS read, max(sort_date) AS sort_date"
                " FROM item_sources GROUP BY item_id)"
            )
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        sql = (
            f"SELECT {_ITEM_COLUMNS} FROM (SELECT item_id, read, sort_date FROM {source}{clause}"
            f" ORDER BY {sort} LIMIT :limit) AS page JOIN items i ON i.id = page.item_id"
            f" ORDER BY {sort.replace('read', 'page.read').replace('sort_date', 'page.sort_date')}"
        )
        with self.library._guard() as conn:
            rows = conn.execute(sql, {"feed": feed_id, "limit": limit}).fetchall()
        return [_item(row) for row in rows]

    def item(self, item_id: int) -> Item | None:
        with self.library._guard() as conn:
            row = conn.execute(
                f"SELECT {_ITEM_COLUMNS} FROM items i WHERE i.id = ?", (item_id,)
            ).fetchone()
        return None if row is None else _item(row)

    def summary(self, item_id: int) -> str:
        with self.library._guard() as conn:
            row = conn.execute("SELECT summary FROM items WHERE id = ?", (item_id,)).fetchone()
        return "" if row is None else str(row[0])

    def feed_titles(self, item_id: int) -> list[str]:
        """The feeds that carried the item, by title (or URL)."""
        with self.library._guard() as conn:
            rows = conn.execute(
                "SELECT coalesce(f.custom_title, f.title, f.url) FROM item_sources s"
                " JOIN feeds f ON f.id = s.feed_id WHERE s.item_id = ? ORDER BY f.id",
                (item_id,),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def set_read(self, item_ids: Sequence[int], read: bool = True) -> None:
        with self.library._transaction() as conn:
            conn.executemany(
                "UPDATE items SET read = ? WHERE id = ?", ((int(read), i) for i in item_ids)
            )

    def mark_feed_read(self, feed_id: int) -> int:
        """Mark every item of the feed read; returns how many were unread."""
        with self.library._transaction() as conn:
            cursor = conn.execute(
                "UPDATE items SET read = 1 WHERE read = 0 AND id IN"
                " (SELECT item_id FROM item_sources WHERE feed_id = ? AND read = 0)",
                (feed_id,),
            )
            return cursor.rowcount

    def set_starred(self, item_id: int, starred: bool) -> None:
        with self.library._transaction() as conn:
            conn.execute("UPDATE items SET starred = ? WHERE id = ?", (int(starred), item_id))

    def pending(self, item_ids: Sequence[int] | None = None, limit: int = 200) -> list[PendingItem]:
        """Items whose full text has not been fetched yet (these ids only, when given)."""
        sql = (
            "SELECT i.id, i.title, i.link, i.summary, i.published,"
            " (SELECT coalesce(f.custom_title, f.title) FROM item_sources s JOIN feeds f"
            "  ON f.id = s.feed_id WHERE s.item_id = i.id ORDER BY f.id LIMIT 1)"
            " FROM items i WHERE i.full_text IS NULL"
        )
        params: list[object] = []
        if item_ids is not None:
            sql += f" AND i.id IN ({','.join('?' * len(item_ids))})"
            params.extend(item_ids)
        sql += " ORDER BY i.sort_date DESC LIMIT ?"
        with self.library._guard() as conn:
            rows = conn.execute(sql, (*params, limit)).fetchall()
        return [PendingItem(int(r[0]), str(r[1]), r[2], str(r[3]), r[4], r[5]) for r in rows]

    def set_companies(self, item_id: int, companies: str) -> None:
        """The companies column of an item, once its article is analysed."""
        with self.library._transaction() as conn:
            conn.execute("UPDATE items SET companies = ? WHERE id = ?", (companies, item_id))

    def attach_article(
        self, item_id: int, article_id: int | None, kind: str, note: str | None, companies: str
    ) -> None:
        """Record the item's full text: the library article and where its body came from."""
        with self.library._transaction() as conn:
            conn.execute(
                "UPDATE items SET article_id = ?, full_text = ?, full_text_note = ?,"
                " companies = ? WHERE id = ?",
                (article_id, kind, note, companies, item_id),
            )


def _update(conn: sqlite3.Connection, item_id: int, entry: Entry) -> None:
    conn.execute(
        "UPDATE items SET title = ?, summary = ?, link = coalesce(?, link) WHERE id = ?"
        " AND (title != ? OR summary != ?)",
        (entry.title, entry.summary, entry.link, item_id, entry.title, entry.summary),
    )


def _same_story(conn: sqlite3.Connection, feed_id: int, entry: Entry, sort_date: str) -> int | None:
    """The item of another feed this entry is another copy of, if any. Within one feed,
    entries with their own guids are their own items, even when they link to the same page
    (a link blog's posts about one site)."""
    other_feed = (
        " AND NOT EXISTS (SELECT 1 FROM item_sources s WHERE s.item_id = i.id AND s.feed_id = ?)"
    )
    if entry.canonical:
        row = conn.execute(
            f"SELECT i.id FROM items i WHERE i.canonical = ?{other_feed} LIMIT 1",
            (entry.canonical, feed_id),
        ).fetchone()
        if row is not None:
            return int(row[0])
    key = title_key(entry.title)
    if not dedupe.title_can_match(key):
        return None
    start, end = dedupe.window(sort_date)
    row = conn.execute(
        "SELECT i.id FROM items i WHERE i.title_key = ? AND i.sort_date > ? AND i.sort_date < ?"
        f"{other_feed} LIMIT 1",
        (key, start, end, feed_id),
    ).fetchone()
    return None if row is None else int(row[0])


def _insert(conn: sqlite3.Connection, entry: Entry, now: str, sort_date: str) -> int:
    row = conn.execute(
        "INSERT INTO items (title, link, canonical, title_key, summary, author, published,"
        " published_raw, first_seen, sort_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING id",
        (
            entry.title,
            entry.link,
            entry.canonical,
            title_key(entry.title),
            entry.summary,
            entry.author,
            entry.published,
            entry.published_raw,
            now,
            sort_date,
        ),
    ).fetchone()
    return int(row[0])
