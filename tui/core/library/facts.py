"""The facts: one row per amount found in the library, with its article and its sentence."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

FACT_FIELDS = (
    "article_id", "date", "site", "title", "url", "amount", "value", "value_max",
    "currency", "inferred", "struck", "owner", "sentence",
)  # fmt: skip
"""The columns of a facts export, in order."""


@dataclass(frozen=True)
class FactRow:
    """One amount of one article."""

    article_id: int
    date: str
    site: str | None
    title: str
    url: str | None
    amount: str
    value: float
    value_max: float | None
    currency: str | None
    inferred: bool
    struck: bool
    owner: str | None
    sentence: str
    start: int
    end: int


_FACTS = """
SELECT m.article_id, m.day, a.site, a.title, coalesce(a.url, a.source), m.text, m.value,
    m.value_max, m.currency, m.inferred, m.struck, m.owner, m.sentence, m.start, m."end"
FROM desk_amounts AS m
JOIN articles AS a ON a.id = m.article_id
WHERE {where}
ORDER BY m.day DESC, m.article_id DESC, m.position
LIMIT ?
"""
FETCH_BATCH = 2000
"""Rows read from SQLite at a time while an export streams."""


def fact_rows(
    conn: sqlite3.Connection, where: str, params: Sequence[object], limit: int = -1
) -> list[FactRow]:
    """The amounts meeting `where` (over `m` and `a`), newest article first."""
    return [FactRow(*values) for values in iter_fact_values(conn, where, params, limit)]


def iter_fact_values(
    conn: sqlite3.Connection, where: str, params: Sequence[object], limit: int = -1
) -> Iterator[tuple[Any, ...]]:
    """The values of `FactRow`s, in its field order, read in batches: what an export
    streams without building an object per row."""
    cursor = conn.execute(_FACTS.format(where=where or "1"), (*params, limit))
    while batch := cursor.fetchmany(FETCH_BATCH):
        for row in batch:
            yield (*row[:9], bool(row[9]), bool(row[10]), *row[11:])
