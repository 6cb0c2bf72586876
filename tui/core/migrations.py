"""The library's schema, as ordered migrations recorded in `PRAGMA user_version`.

Migration N (counting from 1) turns a version N-1 database into version N. Each one runs
in a single transaction together with the `user_version` bump, so a crash leaves the file
either before or after it, never half-way. Never edit a released migration: append one.
"""

from __future__ import annotations

import sqlite3

from tui.core.errors import StoreError

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

MIGRATIONS: tuple[str, ...] = (_ARTICLES, _FULL_TEXT)
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
        script = MIGRATIONS[version - 1]
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
