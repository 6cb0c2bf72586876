"""The desk: queries that know the facts, the companies index, the facts export, the watch list.

`Desk` works on one library connection (get it from `Library.desk`); every method turns
SQLite errors into `StoreError` like the library does. The query text is parsed by
`query`, its names resolved here, and its SQL built by `query_sql`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import TextIO

from tui.core.library import watch as watch_list
from tui.core.library.company_groups import Groups
from tui.core.library.company_index import (
    CompanyPage,
    CompanySummary,
    company_index,
    company_page,
    owned_by,
    top_companies,
)
from tui.core.library.company_key import company_key
from tui.core.library.desk_export import CRLF, write_companies, write_fact_values
from tui.core.library.facts import FactRow, fact_rows, iter_fact_values
from tui.core.library.query import AmountIs, CompanyIs, FeedIs, Query, Watched, parse
from tui.core.library.query_sql import (
    Resolved,
    Sql,
    amount_condition,
    conditions,
    escape_like,
    listing,
    source,
)

Guard = Callable[[], AbstractContextManager[sqlite3.Connection]]
DENSE_SHARE = 0.05
"""A filter matching this share of the articles or more is tested article by article
while a listing is read in date order, instead of collecting its matches first."""


@dataclass(frozen=True)
class Answer:
    """Rows for a query, and the one-line hints about the parts that could not be used."""

    rows: list[tuple[object, ...]]
    hints: tuple[str, ...]


def _company_roots(conn: sqlite3.Connection, groups: Groups, name: str) -> list[str]:
    """The companies `name` spells; when none does exactly, those with a spelling that
    starts with it (`company:capg` while typing)."""
    key = company_key(name)
    roots = groups.named(conn, key)
    if roots or len(key) < 2:
        return roots
    return groups.named(conn, key, prefix=True)


def resolve(conn: sqlite3.Connection, query: Query) -> tuple[Resolved, list[str]]:
    """The company keys behind the query's names, and hints for names that match nothing."""
    hints: list[str] = []
    names = [t.name for t in query.terms if isinstance(t, CompanyIs)]
    watched = any(isinstance(t, Watched) for t in query.terms)
    groups = Groups.load(conn) if names or watched else None
    companies: dict[str, tuple[str, ...]] = {}
    for name in names:
        assert groups is not None
        companies[name] = groups.keys_of(_company_roots(conn, groups, name))
        if not companies[name]:
            hints.append(f"no company called {name!r} in the library")
    keys = watch_list.watched_keys(conn, groups) if watched else ()
    if watched and not keys:
        hints.append("no company is watched yet: press w on a company to watch it")
    feeds = {t.name: feed_ids(conn, t.name) for t in query.terms if isinstance(t, FeedIs)}
    for name, ids in feeds.items():
        if not ids:
            hints.append(_no_feed_hint(conn, name))
    return Resolved(companies, keys, feeds=feeds), hints


def feed_ids(conn: sqlite3.Connection, name: str) -> tuple[int, ...]:
    """The feeds `feed:NAME` names: by id, else by address or title, whole or in part
    (case ignored), so `feed:guardian` finds "The Guardian - World news"."""
    name = name.strip()
    if name.isdigit():
        found = conn.execute("SELECT id FROM feeds WHERE id = ?", (int(name),)).fetchall()
        if found:
            return (int(found[0][0]),)
    like = f"%{escape_like(name)}%"
    rows = conn.execute(
        "SELECT id FROM feeds WHERE coalesce(custom_title, title, '') LIKE ? ESCAPE '\\'"
        " OR url LIKE ? ESCAPE '\\' ORDER BY id",
        (like, like),
    ).fetchall()
    return tuple(int(r[0]) for r in rows)


def _no_feed_hint(conn: sqlite3.Connection, name: str) -> str:
    if conn.execute("SELECT 1 FROM feeds LIMIT 1").fetchone() is None:
        return f"feed:{name} matches nothing: this library has no feeds yet"
    return f"feed:{name} matches nothing: no feed's title or address holds {name!r}"


def dense_terms(
    conn: sqlite3.Connection, query: Query, resolved: Resolved, limit: int
) -> frozenset[int]:
    """The filter terms that match at least `DENSE_SHARE` of the articles (or `limit`
    rows), counted no further than that; none when every match is wanted anyway."""
    sources = [(i, found) for i, t in enumerate(query.terms) if (found := source(t, resolved))]
    if limit < 0 or not sources:
        return frozenset()
    total = int(conn.execute("SELECT count(*) FROM desk_articles").fetchone()[0])
    cap = max(limit, int(total * DENSE_SHARE), 1)
    counts = {i: conn.execute(s.count_sql(), (*s.params, cap)).fetchone()[0] for i, s in sources}
    return frozenset(i for i, count in counts.items() if count >= cap)


def search(conn: sqlite3.Connection, text: str, columns: str, limit: int) -> Answer:
    """The listing rows (`columns` of `articles AS a`) of the articles matching `text`."""
    query = parse(text)
    if not query.terms:
        return Answer([], query.hints)
    resolved, hints = resolve(conn, query)
    resolved = replace(resolved, dense=dense_terms(conn, query, resolved, limit))
    sql = listing(query, resolved, columns, limit)
    return Answer(conn.execute(sql.text, sql.params).fetchall(), (*query.hints, *hints))


def matching_articles(query: Query, resolved: Resolved) -> Sql | None:
    """A subquery of the ids of the articles matching every term; None for no terms."""
    where, params = conditions(query, resolved)
    if not query.terms:
        return None
    clause = " AND ".join(where) or "1"
    return Sql(f"SELECT a.id FROM articles AS a WHERE {clause}", tuple(params))


def facts_condition(query: Query, resolved: Resolved) -> Sql:
    """The condition on amount rows: amount terms pick the rows, the others the articles."""
    where, params = conditions(query, resolved, skip=lambda t: isinstance(t, AmountIs))
    for term in query.terms:
        if isinstance(term, AmountIs):
            sql, values = amount_condition(term)
            where.append(f"NOT ({sql})" if term.negated else f"({sql})")
            params += values
    return Sql(" AND ".join(where) or "1", tuple(params))


class Desk:
    """The desk's reads and writes on one library connection."""

    def __init__(self, guard: Guard, transaction: Guard) -> None:
        self._guard = guard
        self._transaction = transaction

    def companies(self, text: str = "") -> tuple[list[CompanySummary], tuple[str, ...]]:
        """Every company, or those of the articles matching `text`, most articles first."""
        query = parse(text)
        with self._guard() as conn:
            resolved, hints = resolve(conn, query)
            groups = Groups.load(conn)
            sub = matching_articles(query, resolved)
            articles = (sub.text, list(sub.params)) if sub else None
            roots = watch_list.watched_roots(conn, groups)
            found = company_index(conn, groups, articles, roots)
        return found, (*query.hints, *hints)

    def top_companies(self, count: int) -> list[CompanySummary]:
        """The first lines of the companies index, read faster than all of them."""
        with self._guard() as conn:
            groups = Groups.load(conn)
            return top_companies(conn, groups, count, watch_list.watched_roots(conn, groups))

    def company(self, key: str) -> CompanyPage | None:
        """The page of a company (any of its keys); None when no article names it now."""
        with self._guard() as conn:
            groups = Groups.load(conn)
            root = groups.root(key)
            return company_page(conn, groups, root, watch_list.watched_roots(conn, groups))

    def company_amounts(self, key: str) -> list[FactRow]:
        """Every amount that belongs to a company (any of its keys), newest first."""
        with self._guard() as conn:
            groups = Groups.load(conn)
            keys = groups.keys_of([groups.root(key)]) or (key,)
            return fact_rows(conn, owned_by(keys), keys)

    def facts(self, text: str = "") -> tuple[list[FactRow], tuple[str, ...]]:
        query = parse(text)
        with self._guard() as conn:
            resolved, hints = resolve(conn, query)
            where = facts_condition(query, resolved)
            return fact_rows(conn, where.text, where.params), (*query.hints, *hints)

    def write_facts(
        self, text: str, out: TextIO, fmt: str, *, bom: bool = False, line_end: str = CRLF
    ) -> Answer:
        """Stream the facts of `text` to `out`; the answer's rows hold the count."""
        query = parse(text)
        with self._guard() as conn:
            resolved, hints = resolve(conn, query)
            where = facts_condition(query, resolved)
            rows = iter_fact_values(conn, where.text, where.params)
            count = write_fact_values(out, rows, fmt, bom=bom, line_end=line_end)
        return Answer([(count,)], (*query.hints, *hints))

    def write_companies(
        self, text: str, out: TextIO, fmt: str, *, bom: bool = False, line_end: str = CRLF
    ) -> Answer:
        found, hints = self.companies(text)
        count = write_companies(out, found, fmt, bom=bom, line_end=line_end)
        return Answer([(count,)], hints)

    def watch(self, key: str, name: str) -> None:
        with self._transaction() as conn:
            watch_list.watch(conn, Groups.load(conn).root(key), name)

    def unwatch(self, key: str) -> None:
        with self._transaction() as conn:
            watch_list.unwatch(conn, Groups.load(conn), key)

    def watched_names(self) -> list[str]:
        with self._guard() as conn:
            return watch_list.watched_names(conn)

    def watched_article_ids(self, among: Iterable[int] | None = None) -> set[int]:
        """The saved articles that mention a watched company (only those of `among`)."""
        with self._guard() as conn:
            return watch_list.watched_article_ids(conn, among=among)
