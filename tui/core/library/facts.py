"""The facts: one row per amount found in the library, with its article and its sentence."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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
SELECT m.article_id, d.day, a.site, a.title, coalesce(a.url, a.source), m.text, m.value,
    m.value_max, m.currency, m.inferred, m.struck, m.owner, m.sentence, m.start, m."end"
FROM desk_amounts AS m
JOIN articles AS a ON a.id = m.article_id
JOIN desk_articles AS d ON d.article_id = m.article_id
WHERE {where}
ORDER BY d.day DESC, m.article_id DESC, m.position
LIMIT ?
"""
FETCH_BATCH = 2000
"""Rows read from SQLite at a time while an export streams."""


def fact_rows(
    conn: sqlite3.Connection, where: str, params: Sequence[object], limit: int = -1
) -> list[FactRow]:
    """The amounts meeting `where` (over `m`, `a` and `d`), newest article first."""
    return list(iter_fact_rows(conn, where, params, limit))


def iter_fact_rows(
    conn: sqlite3.Connection, where: str, params: Sequence[object], limit: int = -1
) -> Iterator[FactRow]:
    """Like `fact_rows`, read in batches so a large export does not sit in memory twice."""
    cursor = conn.execute(_FACTS.format(where=where or "1"), (*params, limit))
    while batch := cursor.fetchmany(FETCH_BATCH):
        for row in batch:
            yield FactRow(
                article_id=int(row[0]),
                date=str(row[1]),
                site=row[2],
                title=str(row[3]),
                url=row[4],
                amount=str(row[5]),
                value=float(row[6]),
                value_max=None if row[7] is None else float(row[7]),
                currency=row[8],
                inferred=bool(row[9]),
                struck=bool(row[10]),
                owner=row[11],
                sentence=str(row[12]),
                start=int(row[13]),
                end=int(row[14]),
            )
