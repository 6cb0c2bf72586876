"""Every company of the library, and one company's page, read from the desk's index.

A company on the desk is a group of company keys (`company_key.merge_groups`): the
figures of its rows are added up, and its name is the one most of its articles use.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from tui.core.library.company_groups import Groups
from tui.core.library.facts import FactRow, fact_rows

PAGE_ROWS = 500
"""Articles, and amounts, listed on a company page, newest first (the counts say how many
there are; an export writes them all)."""


class Money(NamedTuple):
    """The amounts that belong to a company in one currency (None: currency unknown).

    An amount repeated in one article (the headline and the body) counts once.
    """

    currency: str | None
    total: float
    largest: float
    amounts: int


class CompanySummary(NamedTuple):
    """One line of the companies index (a tuple: the index builds thousands at once)."""

    key: str
    name: str
    articles: int
    mentions: int
    first_seen: str
    last_seen: str
    money: tuple[Money, ...]
    """Largest total first."""
    spellings: str
    """The keys of every spelling, space separated, for filtering as you type."""
    watched: bool = False


@dataclass(frozen=True)
class CompanyArticle:
    """An article that names the company, at its first mention."""

    article_id: int
    title: str
    site: str | None
    day: str
    url: str | None
    name: str
    mentions: int
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class CompanyPage:
    """Everything the desk knows about one company."""

    summary: CompanySummary
    keys: tuple[str, ...]
    forms: tuple[str, ...]
    """Every spelling seen, the most used first."""
    ticker: str | None
    country: str | None
    industry: str | None
    articles: tuple[CompanyArticle, ...]
    """The newest `PAGE_ROWS`; `summary.articles` says how many there are."""
    amounts: tuple[FactRow, ...]
    """The newest `PAGE_ROWS` amounts that belong to the company."""
    amount_count: int


_STATS = """
SELECT s.key, (
    SELECT n.name FROM desk_company_names AS n WHERE n.key = s.key
    ORDER BY n.articles DESC, length(n.name) DESC, n.name DESC LIMIT 1
), s.articles, s.mentions, s.first_seen, s.last_seen, (
    SELECT group_concat(a.form_key, ' ') FROM desk_aliases AS a WHERE a.key = s.key
) FROM desk_company_stats AS s{where}
"""
"""One row per company key, from the summaries the triggers keep."""
_MONEY = """
SELECT key, nullif(currency, ''), total, largest, amounts FROM desk_company_money{where}
ORDER BY key, total DESC
"""
_ROW_NAMES = "SELECT key, name, count(*) FROM desk_companies AS c{where} GROUP BY key, name"
_ROW_STATS = """
SELECT key, count(*), sum(mentions), min(day), max(day), (
    SELECT group_concat(a.form_key, ' ') FROM desk_aliases AS a WHERE a.key = c.key
) FROM desk_companies AS c{where} GROUP BY key
"""
_ROW_MONEY = """
SELECT owner_key, currency, sum(value), max(value), count(*) FROM desk_amounts AS m
WHERE owner_key IS NOT NULL AND NOT struck AND NOT repeated{also}
GROUP BY owner_key, currency ORDER BY owner_key, 3 DESC
"""
"""The same, added up from the rows of the articles a query matched."""

Row = tuple[Any, ...]
"""key, name, articles, mentions, first seen, last seen, spellings."""


def company_index(
    conn: sqlite3.Connection,
    groups: Groups,
    articles: tuple[str, list[object]] | None = None,
    watched: Sequence[str] = (),
    only: Sequence[str] = (),
) -> list[CompanySummary]:
    """Every company, most articles first: of the articles of the `articles` subquery
    when given, and only the keys `only` when given; `watched` holds watched roots."""
    marks = ", ".join("?" for _ in only)
    rows: Iterable[Row]
    if articles is None:
        rows = conn.execute(_STATS.format(where=f" WHERE s.key IN ({marks})" if only else ""), only)
        money = conn.execute(_MONEY.format(where=f" WHERE key IN ({marks})" if only else ""), only)
    else:
        where = f" WHERE c.article_id IN ({articles[0]})"
        where += f" AND c.key IN ({marks})" if only else ""
        also = f" AND m.article_id IN ({articles[0]})"
        also += f" AND m.owner_key IN ({marks})" if only else ""
        params = [*articles[1], *only]
        rows = _rows_of(conn, where, params)
        money = conn.execute(_ROW_MONEY.format(also=also), params)
    found = [tuple(r) for r in rows]
    cash = _money(money, groups)
    if groups.joins:
        distinct = _distinct_articles(conn, groups, {r[0] for r in found}, articles)
        found = _fold(found, groups, distinct)
    found.sort(key=lambda r: (-r[2], r[1].casefold()))
    chosen = set(watched)
    return [
        CompanySummary(key, name, n, mentions, first, last, cash.get(key, ()), spelled or key,
                       key in chosen)
        for key, name, n, mentions, first, last, spelled in found
    ]  # fmt: skip


def top_companies(
    conn: sqlite3.Connection, groups: Groups, count: int, watched: Sequence[str] = ()
) -> list[CompanySummary]:
    """About the `count` companies with the most articles, quickly: what a screen shows
    first while the whole index is read (a company whose spellings add up to more, once
    joined, may be missing from it)."""
    top = conn.execute(
        "SELECT key FROM desk_company_stats ORDER BY articles DESC LIMIT ?", (count,)
    ).fetchall()
    roots = {groups.root(str(row[0])) for row in top}
    return company_index(conn, groups, watched=watched, only=groups.keys_of(roots))[:count]


def _rows_of(conn: sqlite3.Connection, where: str, params: list[object]) -> Iterable[Row]:
    best: dict[str, tuple[int, int, str]] = {}
    for key, name, count in conn.execute(_ROW_NAMES.format(where=where), params):
        candidate = (count, len(name), name)
        if key not in best or candidate > best[key]:
            best[key] = candidate
    for key, n, mentions, first, last, spelled in conn.execute(
        _ROW_STATS.format(where=where), params
    ):
        yield key, best[key][2], n, mentions, first, last, spelled


def _fold(rows: list[Row], groups: Groups, distinct: dict[str, int]) -> list[Row]:
    """Rows of keys that join another company added into that company's row."""
    by_root: dict[str, list[Any]] = {}
    for key, name, n, mentions, first, last, spelled in rows:
        root = groups.root(key)
        row = by_root.get(root)
        if row is None:
            by_root[root] = [root, name, n, mentions, first, last, spelled, n if key == root else 0]
            continue
        if key == root or n > row[7]:
            row[1], row[7] = name, max(row[7], n)
        row[2:6] = [row[2] + n, row[3] + mentions, min(row[4], first), max(row[5], last)]
        row[6] = f"{row[6]} {spelled}"
    for root, row in by_root.items():
        row[2] = distinct.get(root, row[2])
    return [tuple(row[:7]) for row in by_root.values()]


def _distinct_articles(
    conn: sqlite3.Connection,
    groups: Groups,
    keys: set[str],
    articles: tuple[str, list[object]] | None,
) -> dict[str, int]:
    """Article counts of the companies with several keys (an article naming two of its
    spellings as two rows counts once)."""
    merged = [k for members in groups.members.values() for k in members if k in keys]
    if not merged:
        return {}
    marks = ", ".join("?" for _ in merged)
    sql = f"SELECT key, article_id FROM desk_companies WHERE key IN ({marks})"
    params: list[object] = list(merged)
    if articles is not None:
        sql += f" AND article_id IN ({articles[0]})"
        params += articles[1]
    seen: dict[str, set[int]] = defaultdict(set)
    for key, article_id in conn.execute(sql, params):
        seen[groups.root(key)].add(article_id)
    return {root: len(ids) for root, ids in seen.items()}


def _money(rows: Iterable[Row], groups: Groups) -> dict[str, tuple[Money, ...]]:
    """Money by company and currency, the largest total first (an owner that is not a
    company of the library, `l’État`, is kept under its own key and shown nowhere)."""
    by_key: dict[str, list[Money]] = defaultdict(list)
    for key, currency, total, largest, count in rows:
        by_key[key].append(Money(currency, total, largest, count))
    if not groups.joins:
        return {key: tuple(found) for key, found in by_key.items()}
    folded: dict[str, dict[str | None, Money]] = defaultdict(dict)
    for key, found in by_key.items():
        slots = folded[groups.root(key)]
        for m in found:
            old = slots.get(m.currency, Money(m.currency, 0.0, 0.0, 0))
            slots[m.currency] = Money(
                m.currency,
                old.total + m.total,
                max(old.largest, m.largest),
                old.amounts + m.amounts,
            )
    return {
        root: tuple(sorted(slots.values(), key=lambda m: -m.total))
        for root, slots in folded.items()
    }


_PAGE_ARTICLES = """
SELECT c.article_id, a.title, a.site, c.day, a.url, c.name, c.mentions, c.sentence,
    c.first_start, c.first_end
FROM desk_companies AS c JOIN articles AS a ON a.id = c.article_id
WHERE c.key IN ({marks}) ORDER BY c.day DESC, c.article_id DESC LIMIT ?
"""
_FACTS = """
SELECT ticker, country, industry FROM desk_companies WHERE key IN ({marks})
    AND (ticker IS NOT NULL OR country IS NOT NULL OR industry IS NOT NULL)
ORDER BY day DESC LIMIT 1
"""
"""What the gazetteer said about the company in the newest article that said anything."""
_FORMS = """
SELECT form FROM desk_company_forms WHERE key IN ({marks})
GROUP BY form ORDER BY sum(articles) DESC, form
"""
_OWNED = "SELECT count(*) FROM desk_amounts WHERE owner_key IN ({marks})"


def company_page(
    conn: sqlite3.Connection, groups: Groups, root: str, watched: Sequence[str] = ()
) -> CompanyPage | None:
    """The page of the company whose root key is `root`; None when it has no article."""
    keys = groups.keys_of([root]) or (root,)
    marks = ", ".join("?" for _ in keys)
    summaries = company_index(conn, groups, watched=watched, only=keys)
    summary = next((s for s in summaries if s.key == root), None)
    if summary is None:
        return None
    rows = conn.execute(_PAGE_ARTICLES.format(marks=marks), (*keys, PAGE_ROWS)).fetchall()
    facts = conn.execute(_FACTS.format(marks=marks), keys).fetchone() or (None, None, None)
    forms = conn.execute(_FORMS.format(marks=marks), keys).fetchall()
    owned = conn.execute(_OWNED.format(marks=marks), keys).fetchone()[0]
    return CompanyPage(
        summary=summary,
        keys=keys,
        forms=tuple(str(f[0]) for f in forms),
        ticker=facts[0],
        country=facts[1],
        industry=facts[2],
        articles=_unique_articles(rows),
        amounts=tuple(fact_rows(conn, owned_by(keys), keys, limit=PAGE_ROWS)),
        amount_count=int(owned),
    )


def owned_by(keys: Sequence[str]) -> str:
    """The condition on amount rows (`m`) that belong to one of `keys`."""
    return f"m.owner_key IN ({', '.join('?' for _ in keys)})"


def _unique_articles(rows: Iterable[Row]) -> tuple[CompanyArticle, ...]:
    seen: dict[int, CompanyArticle] = {}
    for row in rows:
        item = CompanyArticle(*row)
        if item.article_id not in seen or item.start < seen[item.article_id].start:
            seen[item.article_id] = item
    return tuple(seen.values())
