"""The desk's index: per-article rows of the stored entity results, kept in sync with saves.

`write` runs inside the save's transaction and replaces the article's rows; removing an
article removes its rows by `ON DELETE CASCADE`, and triggers keep the spelling table
(`desk_aliases`) in step. The rows are derived data: when `INDEX_VERSION` changes (or a
library predates the desk), `ensure_current` rebuilds them once from the articles and
their cached entity results, without analysing anything again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from tui.core.entities import ANALYSER_VERSION
from tui.core.library.entity_rows import (
    AmountRow,
    CompanyRow,
    amount_rows,
    article_row,
    company_rows,
    forms_json,
)
from tui.core.model import Article, Entities
from tui.core.serialise import article_from_dict

INDEX_VERSION = "2"
"""Bumped when the rows or the company key change, so every library rebuilds its index."""
SUMMARY_TABLES = (
    "desk_aliases",
    "desk_company_stats",
    "desk_company_names",
    "desk_company_forms",
    "desk_company_money",
)
REBUILD_BATCH = 500
"""Articles read at a time while rebuilding."""

_ARTICLE = "INSERT INTO desk_articles VALUES (?, ?, ?, ?, ?)"
_COMPANY = "INSERT INTO desk_companies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_AMOUNT = "INSERT INTO desk_amounts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


def write(
    conn: sqlite3.Connection,
    article_id: int,
    article: Article,
    entities: Entities | None,
    saved_at: str,
) -> None:
    """Replace the index rows of one article (call inside the save's transaction)."""
    forget(conn, article_id)
    facts = article_row(article, saved_at)
    conn.execute(_ARTICLE, (article_id, facts.day, facts.lang, facts.host, facts.site_key))
    companies = company_rows(article.body, entities)
    conn.executemany(_COMPANY, [_company_values(article_id, row, facts.day) for row in companies])
    amounts = amount_rows(article.body, entities, companies)
    conn.executemany(_AMOUNT, [_amount_values(article_id, row, facts.day) for row in amounts])


def _company_values(article_id: int, row: CompanyRow, day: str) -> tuple[object, ...]:
    forms, form_keys = forms_json(row)
    return (
        *(article_id, row.key, row.name, forms, form_keys, row.mentions),
        *(row.first_start, row.first_end, row.sentence, day),
        *(row.ticker, row.country, row.industry),
    )


def _amount_values(article_id: int, row: AmountRow, day: str) -> tuple[object, ...]:
    a = row.amount
    high = max(a.value, a.value_max or a.value)
    return (
        *(article_id, row.position, a.text, a.value, a.value_max, high, a.currency),
        *(a.currency_inferred, a.struck, row.repeated, row.owner, row.owner_key, a.start, a.end),
        *(row.sentence, day),
    )


def forget(conn: sqlite3.Connection, article_id: int) -> None:
    """Delete the index rows of one article (the triggers update the spellings)."""
    for table in ("desk_articles", "desk_companies", "desk_amounts"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))


def is_current(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM desk_meta WHERE name = 'index_version'").fetchone()
    return row is not None and row[0] == INDEX_VERSION


def ensure_current(conn: sqlite3.Connection) -> bool:
    """Rebuild the index when it is missing or older than this code; True if it did.

    `conn` is in autocommit mode; the rebuild is one transaction, and the version is read
    again under the write lock so two processes opening the library rebuild it once.
    """
    if is_current(conn):
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not is_current(conn):
            rebuild(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    return True


def rebuild(conn: sqlite3.Connection) -> None:
    """Fill the index from every article and its stored entity results (in a transaction)."""
    for table in (*SUMMARY_TABLES, "desk_amounts", "desk_companies", "desk_articles"):
        conn.execute(f"DELETE FROM {table}")  # summaries first: the triggers then find none
    for article_id, article, saved_at, entities in _stored_articles(conn):
        write(conn, article_id, article, entities, saved_at)
    conn.execute("INSERT OR REPLACE INTO desk_meta VALUES ('index_version', ?)", (INDEX_VERSION,))


_STORED = """
SELECT a.id, a.body, a.data, a.saved_at, (
    SELECT e.data FROM entity_results AS e WHERE e.body_hash = a.body_hash
    ORDER BY e.analyser_version = ? DESC, length(e.analyser_version) DESC,
        e.analyser_version DESC LIMIT 1
) FROM articles AS a WHERE a.id > ? ORDER BY a.id LIMIT ?
"""
"""Each article with its entity results: this analyser's when there are some, else the
newest older ones (an article keeps its facts on the desk until it is analysed again)."""


def _stored_articles(
    conn: sqlite3.Connection,
) -> Iterator[tuple[int, Article, str, Entities | None]]:
    last = 0
    while True:
        rows = conn.execute(_STORED, (ANALYSER_VERSION, last, REBUILD_BATCH)).fetchall()
        if not rows:
            return
        for article_id, body, data, saved_at, entities in rows:
            last = article_id
            article = _article(body, data, entities)
            if article is not None:
                yield article_id, article, saved_at, article.entities


def _article(body: str, data: str, entities: str | None) -> Article | None:
    """The stored article with its entities; None when its JSON is damaged (skipped)."""
    try:
        fields = {**json.loads(data), **(json.loads(entities) if entities else {})}
        return article_from_dict({**fields, "body": body})
    except (ValueError, KeyError, TypeError):
        return None
