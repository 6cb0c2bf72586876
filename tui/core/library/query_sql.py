"""A parsed query as SQL: every value travels as a parameter, never inside the text.

The SQL reads the desk's index tables (`desk_articles`, `desk_companies`, `desk_amounts`)
and the full-text index; company names and the watch list arrive already resolved to
company keys (`Resolved`), so this module does no lookups of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from tui.core.library.company_key import company_key
from tui.core.library.query import (
    AmountIs,
    CompanyIs,
    DayFrom,
    FeedIs,
    LangIs,
    Query,
    SiteIs,
    Term,
    Text,
    Watched,
)

BM25_WEIGHTS = "10.0, 1.0, 5.0"
"""bm25 weights of title, body and company names: a hit in the title counts most."""
ARTICLE = "a.id"
"""The article's id in the queries conditions usually go into (`articles AS a`)."""
NOTHING = "0"
"""A condition no row meets: a company that is not in the library, a feed before feeds."""


@dataclass(frozen=True)
class Resolved:
    """What the database says the query's names mean."""

    companies: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """`CompanyIs.name` -> the company keys it names (empty: no such company)."""
    watched: tuple[str, ...] = ()
    """Every key of every watched company."""
    dense: frozenset[int] = frozenset()
    """Indexes of terms that match many articles: tested article by article (`EXISTS`)."""
    feeds: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """`FeedIs.name` -> the ids of the feeds it names (empty: no such feed)."""


@dataclass(frozen=True)
class Sql:
    text: str
    params: tuple[object, ...]


def fts_phrase(term: Text) -> str:
    """A Text as one FTS5 phrase: its words quoted (they are `\\w+`, so no quote inside)."""
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def fts_match(terms: Sequence[Term]) -> str:
    """The FTS5 MATCH text of the positive words and phrases ("" when there are none)."""
    return " ".join(fts_phrase(t) for t in terms if isinstance(t, Text) and not t.negated)


def escape_like(text: str) -> str:
    """`text` as a literal inside a LIKE pattern with `ESCAPE '\\'`."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


_COMPARE = {
    ">": "m.high > ?",
    ">=": "m.high >= ?",
    "<": "m.value < ?",
    "<=": "m.value <= ?",
    "=": "m.value <= ? AND m.high >= ?",
}
"""A range (`value` to `high`) matches when some part of it meets the comparison."""


def amount_condition(term: AmountIs) -> tuple[str, list[object]]:
    """The condition on one amount row (`m`); struck amounts never match."""
    sql = _COMPARE[term.op]
    params: list[object] = [term.value] * sql.count("?")
    if term.currency is not None:
        sql, params = f"m.currency = ? AND {sql}", [term.currency, *params]
    return f"NOT m.struck AND {sql}", params


@dataclass(frozen=True)
class Source:
    """Where a filter term looks: rows of a desk table (with `article_id`) meeting `where`."""

    table: str
    where: str
    params: list[object]

    def condition(self, dense: bool, article: str = ARTICLE) -> str:
        """`a.id IN (...)` builds the set of matching articles once: right when few
        match. `EXISTS` probes each article as it is read, so a listing in date order
        stops after its first rows: right when many match. `article` is the column
        that holds the article's id in the query the condition goes into."""
        if dense:  # the unary + keeps SQLite on the article's rows, off the filter's index
            return (
                f"EXISTS (SELECT 1 FROM {self.table}"
                f" WHERE article_id = {article} AND +({self.where}))"
            )
        return f"{article} IN (SELECT article_id FROM {self.table} WHERE {self.where})"

    def count_sql(self) -> str:
        """How many rows match, counting no further than a cap (the one parameter added)."""
        return f"SELECT count(*) FROM (SELECT 1 FROM {self.table} WHERE {self.where} LIMIT ?)"


def source(term: Term, resolved: Resolved) -> Source | None:
    """The table rows a filter term needs; None for words (full-text) and for terms that
    match nothing (no such company, no feeds)."""
    if isinstance(term, CompanyIs | Watched):
        keys = (
            resolved.watched if isinstance(term, Watched) else resolved.companies.get(term.name, ())
        )
        return Source("desk_companies", f"key IN ({_marks(keys)})", list(keys)) if keys else None
    if isinstance(term, AmountIs):
        sql, params = amount_condition(term)
        return Source("desk_amounts AS m", sql, params)
    if isinstance(term, LangIs):
        return Source("desk_articles", "lang = ?", [term.lang])
    if isinstance(term, SiteIs):
        like = "%." + escape_like(term.site)
        where = "host = ? OR host LIKE ? ESCAPE '\\' OR site_key = ?"
        return Source("desk_articles", where, [term.site, like, company_key(term.site)])
    if isinstance(term, DayFrom):
        return Source("desk_articles", "day <= ?" if term.until else "day >= ?", [term.day])
    if isinstance(term, FeedIs) and (ids := resolved.feeds.get(term.name)):
        where = f"id IN (SELECT item_id FROM item_sources WHERE feed_id IN ({_marks(ids)}))"
        return Source("items", f"article_id IS NOT NULL AND {where}", list(ids))
    return None


def term_condition(
    term: Term, resolved: Resolved, dense: bool = False, article: str = ARTICLE
) -> tuple[str, list[object]]:
    """The condition on an article (its id in `article`) for one term, before negation."""
    if isinstance(term, Text):
        where = "articles_fts MATCH ?"
        return f"{article} IN (SELECT rowid FROM articles_fts WHERE {where})", [fts_phrase(term)]
    found = source(term, resolved)
    if found is None:
        return NOTHING, []
    return found.condition(dense, article), list(found.params)


def conditions(
    query: Query,
    resolved: Resolved,
    *,
    skip: Callable[[Term], bool] = lambda _: False,
    article: str = ARTICLE,
) -> tuple[list[str], list[object]]:
    """One condition per term, `AND`ed by the caller; `skip` leaves out the terms the
    caller handles itself (the ranked words, the amounts of a facts export)."""
    sql: list[str] = []
    params: list[object] = []
    for index, term in enumerate(query.terms):
        if skip(term):
            continue
        where, values = term_condition(term, resolved, index in resolved.dense, article)
        sql.append(f"NOT ({where})" if term.negated else where)
        params += values
    return sql, params


def is_ranked(term: Term) -> bool:
    """A word or phrase that must appear: it goes into the MATCH that ranks the results."""
    return isinstance(term, Text) and not term.negated


def listing(query: Query, resolved: Resolved, columns: str, limit: int) -> Sql:
    """Matching articles: best first when there are words to rank by, else newest first.

    `columns` names columns of `articles AS a`; `limit` -1 means all.
    """
    match = fts_match(query.terms)
    if not match:
        where, params = conditions(query, resolved)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        order = " ORDER BY a.saved_at DESC, a.id DESC LIMIT ?"
        return Sql(f"SELECT {columns} FROM articles AS a{clause}{order}", (*params, limit))
    # Filter and rank inside the full-text index, on its rowids: bm25 is computed only for
    # the hits every filter keeps, and only the rows listed are read from `articles`. The
    # unary + keeps a filter's ids from driving the index (one MATCH per id is far slower
    # than testing each hit).
    where, params = conditions(query, resolved, skip=is_ranked, article="+f.rowid")
    ranked = f"SELECT rowid, bm25(articles_fts, {BM25_WEIGHTS}) AS score FROM articles_fts AS f"
    ranked += " WHERE " + " AND ".join(["articles_fts MATCH ?", *where])
    ranked += " ORDER BY score LIMIT ?"
    join = f"SELECT {columns} FROM ({ranked}) AS hit JOIN articles AS a ON a.id = hit.rowid"
    return Sql(join + " ORDER BY hit.score", (match, *params, limit))
