"""Every company of the library, and one company's page, read from the desk's index.

A company on the desk is a group of company keys (`company_key.merge_groups`): the
figures of its rows are added up, and its name is the one most of its articles use.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tui.core.library.company_key import merge_groups
from tui.core.library.facts import FactRow, fact_rows

PAGE_ARTICLES = 500
"""Articles listed on a company page, newest first (the count says how many there are)."""


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
    form_keys: tuple[str, ...]
    """The keys of every spelling, for filtering as you type."""
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
    amounts: tuple[FactRow, ...]


class Groups:
    """Which key belongs to which company, from the spellings table."""

    def __init__(self, aliases: Iterable[tuple[str, str, int]]) -> None:
        pairs = list(aliases)
        own = {key: n for form, key, n in pairs if form == key}
        self.root = merge_groups(((form, key) for form, key, _ in pairs), own)
        self.members: dict[str, list[str]] = defaultdict(list)
        for key, root in self.root.items():
            self.members[root].append(key)
        self.form_keys: dict[str, set[str]] = defaultdict(set)
        self.by_form: dict[str, set[str]] = defaultdict(set)
        for form, key, _ in pairs:
            self.form_keys[self.root[key]].add(form)
            self.by_form[form].add(self.root[key])

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Groups:
        return cls(conn.execute("SELECT form_key, key, articles FROM desk_aliases"))

    def named(self, form_key: str) -> list[str]:
        """The roots of the companies spelled `form_key` anywhere (`dassault`: both)."""
        return sorted(self.by_form.get(form_key, ()))

    def keys_of(self, roots: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted({k for root in roots for k in self.members.get(root, ())}))


_NAMES = """
SELECT key, name, count(*), sum(mentions), min(day), max(day) FROM desk_companies AS c
{where} GROUP BY key, name
"""
_MONEY = """
SELECT owner_key, currency, sum(value), max(value), count(*) FROM (
    SELECT DISTINCT m.article_id, m.owner_key, m.currency, m.value FROM desk_amounts AS m
    WHERE m.owner_key IS NOT NULL AND NOT m.struck {also}
) GROUP BY owner_key, currency
"""


def company_index(
    conn: sqlite3.Connection,
    groups: Groups,
    articles: tuple[str, list[object]] | None = None,
    watched: Sequence[str] = (),
    only: Sequence[str] = (),
) -> list[CompanySummary]:
    """Every company, most articles first: of the articles of the `articles` subquery
    when given, and only the keys `only` when given; `watched` holds watched roots."""
    clauses, params = _where(articles, only, "c.article_id", "c.key")
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    rows = conn.execute(_NAMES.format(where=where), params).fetchall()
    also, money_params = _where(articles, only, "m.article_id", "m.owner_key")
    money_sql = _MONEY.format(also="".join(f" AND {c}" for c in also))
    tallies = _money(conn.execute(money_sql, money_params), groups)
    distinct = _distinct_articles(conn, groups, {r[0] for r in rows}, where, params)
    return _summaries(rows, groups, tallies, distinct, set(watched))


def _where(
    articles: tuple[str, list[object]] | None, only: Sequence[str], article: str, key: str
) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if articles:
        clauses.append(f"{article} IN ({articles[0]})")
        params += articles[1]
    if only:
        clauses.append(f"{key} IN ({', '.join('?' for _ in only)})")
        params += only
    return clauses, params


@dataclass
class _Tally:
    """Figures added up over the rows of one company."""

    articles: int = 0
    mentions: int = 0
    first: str = "9999-99-99"
    last: str = ""
    names: Counter[str] = field(default_factory=Counter)
    money: dict[str | None, Money] = field(default_factory=dict)

    def add_money(self, currency: str | None, total: float, largest: float, count: int) -> None:
        old = self.money.get(currency, Money(currency, 0.0, 0.0, 0))
        self.money[currency] = Money(
            currency, old.total + total, max(old.largest, largest), old.count + count
        )


def _money(
    rows: Iterable[tuple[str, str | None, float, float, int]], groups: Groups
) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for owner, currency, total, largest, count in rows:
        root = groups.root.get(owner)
        if root is not None:
            tallies[root].add_money(currency, total, largest, count)
    return tallies


def _distinct_articles(
    conn: sqlite3.Connection, groups: Groups, keys: set[str], where: str, params: list[object]
) -> dict[str, int]:
    """Article counts of the companies with several keys (an article naming two of its
    spellings as two rows counts once)."""
    merged = [k for root, members in groups.members.items() if len(members) > 1 for k in members]
    merged = [k for k in merged if k in keys]
    if not merged:
        return {}
    marks = ", ".join("?" for _ in merged)
    clause = f"{where} AND" if where else "WHERE"
    sql = f"SELECT key, article_id FROM desk_companies AS c {clause} c.key IN ({marks})"
    seen: dict[str, set[int]] = defaultdict(set)
    for key, article_id in conn.execute(sql, [*params, *merged]):
        seen[groups.root[key]].add(article_id)
    return {root: len(ids) for root, ids in seen.items()}


def _summaries(
    rows: Iterable[tuple[str, str, int, int, str, str]],
    groups: Groups,
    tallies: dict[str, _Tally],
    distinct: dict[str, int],
    watched: set[str],
) -> list[CompanySummary]:
    for key, name, count, mentions, first, last in rows:
        tally = tallies[groups.root.get(key, key)]
        tally.names[name] += count
        tally.articles += count
        tally.mentions += mentions
        tally.first = min(tally.first, first)
        tally.last = max(tally.last, last)
    out = [
        CompanySummary(
            key=root,
            name=max(t.names.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0],
            articles=distinct.get(root, t.articles),
            mentions=t.mentions,
            first_seen=t.first,
            last_seen=t.last,
            money=tuple(sorted(t.money.values(), key=lambda m: -m.total)),
            form_keys=tuple(sorted(groups.form_keys.get(root, {root}))),
            watched=root in watched,
        )
        for root, t in tallies.items()
        if t.names
    ]
    out.sort(key=lambda s: (-s.articles, s.name.casefold()))
    return out


_PAGE_ARTICLES = """
SELECT c.article_id, a.title, a.site, c.day, a.url, c.name, c.mentions, c.sentence,
    c.first_start, c.first_end
FROM desk_companies AS c JOIN articles AS a ON a.id = c.article_id
WHERE c.key IN ({marks}) ORDER BY c.day DESC, c.article_id DESC LIMIT ?
"""
_FACTS = """
SELECT ticker, country, industry FROM desk_companies WHERE key IN ({marks})
    AND (ticker IS NOT NULL OR country IS NOT NULL OR industry IS NOT NULL)
GROUP BY ticker, country, industry ORDER BY count(*) DESC LIMIT 1
"""


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
    rows = conn.execute(_PAGE_ARTICLES.format(marks=marks), (*keys, PAGE_ARTICLES)).fetchall()
    facts = conn.execute(_FACTS.format(marks=marks), keys).fetchone() or (None, None, None)
    amounts = fact_rows(conn, f"m.owner_key IN ({marks})", [*keys])
    return CompanyPage(
        summary=summary,
        keys=keys,
        forms=_forms(conn, keys, marks),
        ticker=facts[0],
        country=facts[1],
        industry=facts[2],
        articles=_unique_articles(rows),
        amounts=tuple(amounts),
    )


def _forms(conn: sqlite3.Connection, keys: Sequence[str], marks: str) -> tuple[str, ...]:
    used: Counter[str] = Counter()
    sql = f"SELECT forms, count(*) FROM desk_companies WHERE key IN ({marks}) GROUP BY forms"
    for forms, count in conn.execute(sql, keys):
        for form in json.loads(forms):
            used[form] += count
    return tuple(form for form, _ in used.most_common())


def _unique_articles(rows: Iterable[tuple[object, ...]]) -> tuple[CompanyArticle, ...]:
    seen: dict[int, CompanyArticle] = {}
    for row in rows:
        item = CompanyArticle(*row)  # type: ignore[arg-type]
        if item.article_id not in seen or item.start < seen[item.article_id].start:
            seen[item.article_id] = item
    return tuple(seen.values())
