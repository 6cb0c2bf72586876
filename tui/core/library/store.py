"""The library: saved articles in one SQLite file, with full-text search and an entity cache.

One `Library` holds one connection; open one per thread (sqlite3's own same-thread check
is left on). Every save is one transaction, so a process killed mid-save leaves the file
as it was before that save.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from tui.core.entities import ANALYSER_VERSION
from tui.core.errors import StoreError
from tui.core.library import entity_index
from tui.core.library.desk import Desk
from tui.core.library.desk import search as desk_search
from tui.core.library.migrations import connect, describe_error
from tui.core.library.watch import watched_article_ids
from tui.core.model import Article, Entities
from tui.core.serialise import article_from_dict, article_to_dict

_ENTITY_KEYS = ("amounts", "companies", "organisations", "checks")
_LISTING_COLUMNS = ("id", "title", "site", "published", "source", "url", "amounts", "companies")
_LISTING = ", ".join((*_LISTING_COLUMNS, "saved_at"))
"""The columns of a listing line, in `LibraryEntry` order: never the body or the page."""


@dataclass(frozen=True)
class LibraryEntry:
    """One line of the library listing: enough to show and pick, without the body."""

    id: int
    title: str
    site: str | None
    published: str | None
    source: str | None
    url: str | None
    amounts: int
    companies: int
    saved_at: str
    watched: bool = False
    """It mentions a company on the watch list."""


@dataclass(frozen=True)
class SearchResult:
    """The articles a query matched, and one-line hints about what it could not use."""

    entries: list[LibraryEntry]
    hints: tuple[str, ...] = ()


def body_hash(body: str) -> str:
    """The key of a body's cached entity results."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _entities_json(entities: Entities) -> str:
    data = article_to_dict(Article(title="", body="", entities=entities))
    return json.dumps({k: data[k] for k in _ENTITY_KEYS}, ensure_ascii=False)


def _cacheable(entities: Entities) -> bool:
    """Results with a notice (a language model that did not load) are a fallback: they
    are shown once with their notice, never cached to stand in for the full analysis."""
    return not entities.notices


def _entities_from_json(text: str) -> Entities:
    rebuilt = article_from_dict({"body": "", **json.loads(text)})
    return rebuilt.entities or Entities()


def _article_json(article: Article) -> str:
    data = article_to_dict(article)
    for key in (*_ENTITY_KEYS, "body"):
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False)


def _company_names(entities: Entities | None) -> str:
    if entities is None:
        return ""
    names = [c.name for c in entities.companies]
    names += [form for c in entities.companies for form in c.forms]
    return " ".join(dict.fromkeys(names))


_UPSERT = """
INSERT INTO articles (source, saved_at, title, site, published, url, amounts, companies,
    fetched_at, etag, last_modified, body_hash, company_names, body, data)
VALUES (:source, :saved_at, :title, :site, :published, :url, :amounts, :companies,
    :fetched_at, :etag, :last_modified, :body_hash, :company_names, :body, :data)
ON CONFLICT (source) DO UPDATE SET
    saved_at = excluded.saved_at, title = excluded.title, site = excluded.site,
    published = excluded.published, url = excluded.url, amounts = excluded.amounts,
    companies = excluded.companies, fetched_at = coalesce(excluded.fetched_at, fetched_at),
    etag = iif(excluded.fetched_at IS NULL, etag, excluded.etag),
    last_modified = iif(excluded.fetched_at IS NULL, last_modified, excluded.last_modified),
    body_hash = excluded.body_hash, company_names = excluded.company_names,
    body = excluded.body, data = excluded.data
RETURNING id
"""
"""Insert or replace by source; fetch headers and time are kept when this save has none."""


def _article_row(
    article: Article,
    key: str,
    digest: str,
    entities: Entities | None,
    fetched: bool,
    etag: str | None,
    last_modified: str | None,
) -> dict[str, object]:
    now = _now()
    return {
        "source": key,
        "saved_at": now,
        "title": article.title,
        "site": article.site,
        "published": article.published,
        "url": article.url,
        "amounts": len(entities.amounts) if entities else 0,
        "companies": len(entities.companies) if entities else 0,
        "fetched_at": now if fetched else None,
        "etag": etag,
        "last_modified": last_modified,
        "body_hash": digest,
        "company_names": _company_names(entities),
        "body": article.body,
        "data": _article_json(replace(article, source=key)),
    }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _entry(row: sqlite3.Row | tuple[Any, ...], watched: set[int] | None = None) -> LibraryEntry:
    return LibraryEntry(
        id=int(row[0]),
        title=str(row[1]),
        site=row[2],
        published=row[3],
        source=row[4],
        url=row[5],
        amounts=int(row[6]),
        companies=int(row[7]),
        saved_at=str(row[8]),
        watched=watched is not None and int(row[0]) in watched,
    )


class Library:
    """The saved articles in one SQLite file; one instance per thread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = connect(self.path)
        try:
            with self._guard() as conn:
                entity_index.ensure_current(conn)
        except StoreError:
            self.close()
            raise

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; later calls raise StoreError. Safe to call twice."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"The library {self.path} is closed.")
        return self._conn

    @contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        """Turn sqlite3 errors into StoreError with one sentence."""
        conn = self._db
        try:
            yield conn
        except sqlite3.Error as error:
            raise StoreError(describe_error(self.path, error)) from error

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._guard() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.execute("COMMIT")

    def save(
        self,
        article: Article,
        *,
        raw: bytes | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> int:
        """Store `article` (replacing the one with the same source) and return its id.

        The key is `article.source`, else its URL, else a hash of its body. `raw` is the
        page as fetched; when omitted, an earlier raw page and fetch headers are kept.
        """
        digest = body_hash(article.body)
        key = article.source or article.url or f"text:{digest}"
        fetched = raw is not None or etag is not None or last_modified is not None
        with self._transaction() as conn:
            entities = article.entities
            if entities is not None and _cacheable(entities):
                conn.execute(
                    "INSERT OR REPLACE INTO entity_results VALUES (?, ?, ?)",
                    (digest, ANALYSER_VERSION, _entities_json(entities)),
                )
            elif entities is None:
                entities = self._cached(conn, digest)
            values = _article_row(article, key, digest, entities, fetched, etag, last_modified)
            article_id = int(conn.execute(_UPSERT, values).fetchone()[0])
            entity_index.write(conn, article_id, article, entities, str(values["saved_at"]))
            if raw is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO pages VALUES (?, ?)", (article_id, zlib.compress(raw))
                )
        return article_id

    def remember_entities(self, body: str, entities: Entities) -> None:
        """Cache the entity results of a body that is not (yet) saved as an article."""
        if not _cacheable(entities):
            return
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO entity_results VALUES (?, ?, ?)",
                (body_hash(body), ANALYSER_VERSION, _entities_json(entities)),
            )

    @staticmethod
    def _cached(conn: sqlite3.Connection, digest: str) -> Entities | None:
        row = conn.execute(
            "SELECT data FROM entity_results WHERE body_hash = ? AND analyser_version = ?",
            (digest, ANALYSER_VERSION),
        ).fetchone()
        return None if row is None else _entities_from_json(str(row[0]))

    def cached_entities(self, body: str) -> Entities | None:
        """The entity results stored for this exact body by this analyser version."""
        with self._guard() as conn:
            return self._cached(conn, body_hash(body))

    def get(self, article_id: int) -> Article:
        """The saved article, with its cached entities when the analyser has not changed."""
        with self._guard() as conn:
            row = conn.execute(
                "SELECT body, data, body_hash FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                raise StoreError(f"There is no article {article_id} in the library.")
            try:
                article = article_from_dict({**json.loads(row[1]), "body": row[0]})
            except (ValueError, KeyError, TypeError) as error:
                raise StoreError(f"Article {article_id} in the library is damaged.") from error
            return replace(article, entities=self._cached(conn, str(row[2])))

    def raw_page(self, article_id: int) -> bytes | None:
        """The page as it was fetched, when the article came from the web."""
        with self._guard() as conn:
            row = conn.execute(
                "SELECT raw FROM pages WHERE article_id = ?", (article_id,)
            ).fetchone()
        if row is None:
            return None
        try:
            return zlib.decompress(row[0])
        except zlib.error as error:
            raise StoreError(f"The saved page of article {article_id} is damaged.") from error

    def fetch_info(self, article_id: int) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified headers of the last fetch, for a conditional request."""
        with self._guard() as conn:
            row = conn.execute(
                "SELECT etag, last_modified FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            raise StoreError(f"There is no article {article_id} in the library.")
        return row[0], row[1]

    def find(
        self, *, url: str | None = None, source: str | None = None, title: str | None = None
    ) -> LibraryEntry | None:
        """The most recently saved article matching every given field, or None."""
        clauses = []
        params: list[str] = []
        for column, value in (("url", url), ("source", source), ("title", title)):
            if value is not None:
                collate = " COLLATE NOCASE" if column == "title" else ""
                clauses.append(f"{column} = ?{collate}")
                params.append(value)
        if not clauses:
            return None
        sql = f"SELECT {_LISTING} FROM articles WHERE {' AND '.join(clauses)}"
        with self._guard() as conn:
            row = conn.execute(sql + " ORDER BY saved_at DESC LIMIT 1", params).fetchone()
        return None if row is None else _entry(row)

    def entries(self, limit: int = 500) -> list[LibraryEntry]:
        """The most recently saved articles first."""
        with self._guard() as conn:
            rows = conn.execute(
                f"SELECT {_LISTING} FROM articles ORDER BY saved_at DESC, id DESC LIMIT ?",
                (limit,),
            ).fetchall()
            watched = watched_article_ids(conn) if rows else set()
        return [_entry(r, watched) for r in rows]

    def count(self) -> int:
        """How many articles the library holds."""
        with self._guard() as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 50) -> list[LibraryEntry]:
        """The articles matching `query` (see `query`), best first; [] for no usable term."""
        return self.query(query, limit).entries

    def query(self, text: str, limit: int = 50) -> SearchResult:
        """Articles matching a query of the desk's language (`tui.core.library.query`):
        words and "phrases" in title, body or company names, ranked by relevance, and
        filters (`company:`, `amount>`, `lang:`, `site:`, `since:`, …), newest first when
        there are no words. Any text is accepted: what cannot be used becomes a hint.
        `limit` -1 means no limit.
        """
        columns = ", ".join(f"a.{c}" for c in (*_LISTING_COLUMNS, "saved_at"))
        with self._guard() as conn:
            answer = desk_search(conn, text, columns, limit)
            watched = watched_article_ids(conn) if answer.rows else set()
        return SearchResult([_entry(r, watched) for r in answer.rows], answer.hints)

    @property
    def desk(self) -> Desk:
        """Companies, facts and the watch list, on this library's connection."""
        return Desk(self._guard, self._transaction)

    def remove(self, article_id: int) -> bool:
        """Delete an article and its raw page; False when there was no such article."""
        with self._transaction() as conn:
            cursor = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            return cursor.rowcount > 0
