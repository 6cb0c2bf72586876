"""The watch list: companies the reader follows, and the articles that mention them.

A watched company is stored by the key it had when it was marked; it stands for that
key's whole group at the time of asking, so a spelling met later is watched too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from tui.core.library.company_groups import Groups


def watch(conn: sqlite3.Connection, key: str, name: str) -> None:
    """Add a company to the watch list (in the caller's transaction)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute("INSERT OR REPLACE INTO desk_watch VALUES (?, ?, ?)", (key, name, now))


def unwatch(conn: sqlite3.Connection, groups: Groups, key: str) -> None:
    """Take a company (every key of its group) off the watch list."""
    keys = {key, *groups.keys_of([groups.root(key)])}
    conn.executemany("DELETE FROM desk_watch WHERE key = ?", [(k,) for k in keys])


def _stored(conn: sqlite3.Connection) -> list[str]:
    return [str(row[0]) for row in conn.execute("SELECT key FROM desk_watch")]


def watched_roots(conn: sqlite3.Connection, groups: Groups) -> list[str]:
    """The companies on the watch list, as root keys of today's groups."""
    return sorted({groups.root(key) for key in _stored(conn)})


def watched_keys(conn: sqlite3.Connection, groups: Groups | None = None) -> tuple[str, ...]:
    """Every company key that belongs to a watched company (the groups are read only
    when something is watched)."""
    stored = _stored(conn)
    if not stored:
        return ()
    groups = groups or Groups.load(conn)
    roots = {groups.root(key) for key in stored}
    return tuple(sorted({*roots, *groups.keys_of(roots)}))


def watched_names(conn: sqlite3.Connection) -> list[str]:
    """The names the companies had when they were marked, in order of marking."""
    return [str(r[0]) for r in conn.execute("SELECT name FROM desk_watch ORDER BY added_at")]


def watched_article_ids(
    conn: sqlite3.Connection, groups: Groups | None = None, among: Iterable[int] | None = None
) -> set[int]:
    """The saved articles that mention a watched company (only those of `among` if given)."""
    keys = watched_keys(conn, groups)
    if not keys:
        return set()
    marks = ", ".join("?" for _ in keys)
    sql = f"SELECT DISTINCT article_id FROM desk_companies WHERE key IN ({marks})"
    found = {int(row[0]) for row in conn.execute(sql, keys)}
    return found if among is None else found & set(among)
