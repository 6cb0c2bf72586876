"""The library file: opening it, and its schema as ordered migrations in `PRAGMA user_version`.

Migration N (counting from 1) turns a version N-1 database into version N. Each one runs
in a single transaction together with the `user_version` bump, so a crash leaves the file
either before or after it, never half-way. Never edit a released migration: append one.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tui.core.errors import StoreError
from tui.core.library.desk_schema import DESK_SCHEMA

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another process holding the library before giving up."""

_ARTICLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    saved_at TEXT NOT NULL,
    title TEXT NOT NULL,
    site TEXT,
    published TEXT,
    url TEXT,
    amounts INTEGER NOT NULL DEFAULT 0,
    companies INTEGER NOT NULL DEFAULT 0,
    fetched_at TEXT,
    etag TEXT,
    last_modified TEXT,
    body_hash TEXT NOT NULL,
    company_names TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX articles_saved_at ON articles (saved_at DESC, id DESC);
CREATE INDEX articles_url ON articles (url);
CREATE TABLE pages (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    raw BLOB NOT NULL
);
CREATE TABLE entity_results (
    body_hash TEXT NOT NULL,
    analyser_version TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (body_hash, analyser_version)
) WITHOUT ROWID;
"""
"""Version 1: articles (listing columns first, big ones last), raw pages, entity cache."""

_FULL_TEXT = """
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, company_names,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body, company_names)
    VALUES (new.id, new.title, new.body, new.company_names);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, company_names)
    VALUES ('delete', old.id, old.title, old.body, old.company_names);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, company_names)
    VALUES ('delete', old.id, old.title, old.body, old.company_names);
    INSERT INTO articles_fts (rowid, title, body, company_names)
    VALUES (new.id, new.title, new.body, new.company_names);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""
"""Version 2: full-text search over title, body and company names, kept in sync by triggers."""

_PREFIX_INDEX = """
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, company_names,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""
"""Version 3: prefix indexes, so search-as-you-type on two or three letters stays fast.

The triggers of version 2 name the table, so they keep working on the new one.
"""

_FEEDS = """
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    custom_title TEXT,
    site TEXT,
    added_at TEXT NOT NULL,
    refresh_minutes INTEGER,
    disabled INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    last_modified TEXT,
    last_attempt TEXT,
    last_success TEXT,
    last_new TEXT,
    http_status INTEGER,
    error_kind TEXT,
    error_message TEXT,
    error_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    warning TEXT,
    retry_after TEXT,
    unread INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE feed_tags (
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (feed_id, tag)
) WITHOUT ROWID;
CREATE INDEX feed_tags_tag ON feed_tags (tag);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    link TEXT,
    canonical TEXT,
    title_key TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    author TEXT,
    published TEXT,
    published_raw TEXT,
    first_seen TEXT NOT NULL,
    sort_date TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    full_text TEXT,
    full_text_note TEXT,
    companies TEXT NOT NULL DEFAULT ''
);
CREATE INDEX items_canonical ON items (canonical);
CREATE INDEX items_title_key ON items (title_key, sort_date);
CREATE INDEX items_pending ON items (full_text) WHERE full_text IS NULL;
CREATE TABLE item_sources (
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    sort_date TEXT NOT NULL,
    PRIMARY KEY (feed_id, item_id)
) WITHOUT ROWID;
CREATE INDEX item_sources_guid ON item_sources (feed_id, guid);
CREATE INDEX item_sources_item ON item_sources (item_id);
CREATE INDEX item_sources_listing ON item_sources (feed_id, read, sort_date DESC);
CREATE TRIGGER items_read AFTER UPDATE OF read ON items WHEN new.read != old.read BEGIN
    UPDATE item_sources SET read = new.read WHERE item_id = new.id;
END;
CREATE TRIGGER item_sources_insert AFTER INSERT ON item_sources BEGIN
    UPDATE feeds SET total = total + 1, unread = unread + (1 - new.read) WHERE id = new.feed_id;
END;
CREATE TRIGGER item_sources_delete AFTER DELETE ON item_sources BEGIN
    UPDATE feeds SET total = total - 1, unread = unread - (1 - old.read) WHERE id = old.feed_id;
END;
CREATE TRIGGER item_sources_read AFTER UPDATE OF read ON item_sources
WHEN new.read != old.read BEGIN
    UPDATE feeds SET unread = unread + old.read - new.read WHERE id = new.feed_id;
END;
"""
"""Version 4: feed subscriptions and their items.

An item is one story; `item_sources` says which feeds carried it (under which guid), so the
same article from two feeds is one row of `items` with two sources. `read` and `sort_date`
are copied into `item_sources` (by the `items_read` trigger) so that one feed's listing,
unread first then newest, is read straight from the `item_sources_listing` index, and the
per-feed `unread` and `total` counters on `feeds` are kept by triggers: the feed list never
counts items.
"""

_ITEM_ARTICLES = """
CREATE INDEX items_article ON items (article_id) WHERE article_id IS NOT NULL;
"""
"""Items by their saved article: `feed:` queries and an article's removal (which clears
`items.article_id`) read it instead of scanning every item."""

MIGRATIONS: tuple[str, ...] = (
    _ARTICLES,
    _FULL_TEXT,
    _PREFIX_INDEX,
    _FEEDS,
    DESK_SCHEMA,
    _ITEM_ARTICLES,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The version recorded in the file (0 for a new, empty database)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring the database up to `target`, one transaction per migration.

    `conn` must be in autocommit mode (`isolation_level=None`). Raises StoreError when the
    file was written by a newer newsdesk; lets sqlite3 errors through for the caller.
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"The library uses schema version {current}, newer than this newsdesk "
            f"understands ({SCHEMA_VERSION}); upgrade newsdesk to open it."
        )
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) < version:
                for statement in _statements(MIGRATIONS[version - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise


def _statements(script: str) -> list[str]:
    """A script split into whole statements (trigger bodies hold semicolons of their own).

    Each migration runs statement by statement inside one write transaction, after the
    version is read again under the lock: two processes opening a new library at once
    then migrate it once, not twice.
    """
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


def describe_error(path: Path, error: sqlite3.Error) -> str:
    """One sentence for a failed database operation on the library at `path`."""
    reason = str(error).rstrip(".")
    if "not a database" in reason:
        return f"The library file {path} is not an SQLite database."
    if "locked" in reason or "busy" in reason:
        return f"The library {path} is busy: another newsdesk is writing to it."
    if "readonly" in reason:
        return f"The library {path} is read-only."
    if "malformed" in reason or "corrupt" in reason:
        return f"The library {path} is damaged ({reason})."
    return f"The library {path} could not be used: {reason}."


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL mode. SQLite does not wait for the lock this takes (its busy
    handler is not called), so a new file opened by several newsdesks at once is retried
    here for as long as a busy database would be waited for."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the library file in WAL mode, migrated to the current schema.

    The connection is in autocommit mode: callers open their own transactions.
    """
    if path.is_dir():
        raise StoreError(f"The library path {path} is a directory, not a file.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"Cannot create the library folder {path.parent}: {error.strerror}."
        ) from error
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StoreError(describe_error(path, error)) from error
    try:
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.Error as error:
        conn.close()
        raise StoreError(describe_error(path, error)) from error
    except StoreError:
        conn.close()
        raise
    return conn
