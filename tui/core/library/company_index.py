"""Every company of the library, and one company's page, read from the desk's index.

A company on the desk is a group of company keys (`company_key.merge_groups`): the
figures of its rows are added up, and its name is the one most of its articles use.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.library.company_groups import Groups
from tui.core.library.facts import FactRow, fact_rows

PAGE_ROWS = 500
"""Articles, and amounts, listed on a company page, newest first (the counts say how many
there are; an export writes them all)."""


@dataclass(frozen=True)
class Money:
    """The amounts that belong to a company in one currency (None: currency unknown).

    An amount repeated in one article (the headline and the body) counts once.
    """

    currency: str | None
    total: float
    largest: float
    count: int


@dataclass(frozen=True)
class CompanySummary:
    """One line of the companies index."""

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


_SUMMARY_SQL = (
    "SELECT key, name, articles FROM desk_company_names{where}",
    "SELECT key, articles, mentions, first_seen, last_seen FROM desk_company_stats{where}",
    "SELECT key, nullif(currency, ''), total, largest, amounts FROM desk_company_money{where}",
)
"""Names, figures and money of every company key, from the summaries the triggers keep."""
_SPELLINGS = "SELECT key, group_concat(form_key, ' ') FROM desk_aliases{where} GROUP BY key"
_DETAIL_SQL = (
    "SELECT key, name, count(*) FROM desk_companies AS c{where} GROUP BY key, name",
    "SELECT key, count(*), sum(mentions), min(day), max(day) FROM desk_companies AS c{where}"
    " GROUP BY key",
    "SELECT owner_key, currency, sum(value), max(value), count(*) FROM desk_amounts AS m"
    " WHERE owner_key IS NOT NULL AND NOT struck AND NOT repeated{also}"
    " GROUP BY owner_key, currency",
)
"""The same, added up from the article rows of the articles a query matched."""

Row = tuple[Any, ...]


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
    if articles is None:
        where = f" WHERE key IN ({marks})" if only else ""
        names, stats, money = (conn.execute(q.format(where=where), only) for q in _SUMMARY_SQL)
    else:
        where = " WHERE c.article_id IN (" + articles[0] + ")"
        where += f" AND c.key IN ({marks})" if only else ""
        params = [*articles[1], *only]
        also = " AND m.article_id IN (" + articles[0] + ")"
        also += f" AND m.owner_key IN ({marks})" if only else ""
        names, stats = (conn.execute(q.format(where=where), params) for q in _DETAIL_SQL[:2])
        money = conn.execute(_DETAIL_SQL[2].format(also=also), params)
    stats_rows = stats.fetchall()
    where = f" WHERE key IN ({marks})" if only else ""
    spellings = conn.execute(_SPELLINGS.format(where=where), only)
    distinct = _distinct_articles(conn, groups, {r[0] for r in stats_rows}, articles)
    tables = _Tables(names, stats_rows, money, spellings)
    return _summaries(tables, groups, distinct, set(watched))


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
    sql = (
        f"SELECT key, article_id FROM desk_companies WHERE key IN ({', '.join('?' * len(merged))})"
    )
    params: list[object] = list(merged)
    if articles is not None:
        sql += f" AND article_id IN ({articles[0]})"
        params += articles[1]
    seen: dict[str, set[int]] = defaultdict(set)
    for key, article_id in conn.execute(sql, params):
        seen[groups.root(key)].add(article_id)
    return {root: len(ids) for root, ids in seen.items()}


@dataclass(frozen=True)
class _Tables:
    """The rows a companies index is made from, by company key."""

    names: Iterable[Row]
    stats: Iterable[Row]
    money: Iterable[Row]
    spellings: Iterable[Row]


def _summaries(
    tables: _Tables, groups: Groups, distinct: dict[str, int], watched: set[str]
) -> list[CompanySummary]:
    root = groups.joins
    tally: dict[str, list[Any]] = {}
    for key, articles, mentions, first, last in tables.stats:
        company: str = root.get(key) or key
        t = tally.get(company)
        if t is None:
            tally[company] = [articles, mentions, first, last]
        else:
            t[0], t[1] = t[0] + articles, t[1] + mentions
            t[2], t[3] = min(t[2], first), max(t[3], last)
    best: dict[str, tuple[int, int, str]] = {}
    for key, name, count in tables.names:
        candidate = (count, len(name), name)
        company = root.get(key) or key
        if company not in best or candidate > best[company]:
            best[company] = candidate
    spelled: dict[str, str] = {}
    for key, forms in tables.spellings:
        company = root.get(key) or key
        spelled[company] = f"{spelled[company]} {forms}" if company in spelled else forms
    cash = _money(tables.money, groups)
    out = [
        CompanySummary(
            key=company,
            name=best[company][2],
            articles=distinct.get(company, t[0]),
            mentions=t[1],
            first_seen=t[2],
            last_seen=t[3],
            money=cash.get(company, ()),
            spellings=spelled.get(company, company),
            watched=company in watched,
        )
        for company, t in tally.items()
        if company in best
    ]
    out.sort(key=lambda s: (-s.articles, s.name.casefold()))
    return out


def _money(rows: Iterable[Row], groups: Groups) -> dict[str, tuple[Money, ...]]:
    """Money by company root and currency, the largest total first (an owner that is not
    a company of the library, `l’État`, simply matches no company)."""
    sums: dict[str, dict[str | None, list[Any]]] = defaultdict(dict)
    for key, currency, total, largest, count in rows:
        slot = sums[groups.root(key)].setdefault(currency, [0.0, 0.0, 0])
        slot[0], slot[1], slot[2] = slot[0] + total, max(slot[1], largest), slot[2] + count
    return {
        root: tuple(
            sorted((Money(c, t, big, n) for c, (t, big, n) in by.items()), key=lambda m: -m.total)
        )
        for root, by in sums.items()
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
