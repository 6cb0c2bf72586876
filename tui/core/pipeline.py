"""Source -> Article with entities: read (load, fetch, extract, clean), then analyse.

URLs go through the library: a fetched page is saved with its raw bytes and cache
headers, a saved one is re-fetched conditionally, and when the network fails the saved
copy is opened with a notice that says so.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.errors import FetchError
from tui.core.model import PARAGRAPH_BREAK, Article
from tui.core.sources.load import article_from_page, is_url, read_source

if TYPE_CHECKING:
    from tui.config import Settings
    from tui.core.library.store import Library


def analysed_part(body: str, limit: int) -> tuple[str, str | None]:
    """The part of `body` the entity pass reads, and a notice when that is not all of it.

    The cut falls at the last paragraph break before `limit` characters (or the last
    space when a single paragraph is longer), so no sentence is analysed half-way; the
    part is a prefix of `body`, so every offset found in it is an offset into `body`.
    """
    if len(body) <= limit:
        return body, None
    cut = body.rfind(PARAGRAPH_BREAK, 0, limit)
    if cut <= 0:
        cut = body.rfind(" ", 0, limit)
    if cut <= 0:
        cut = limit
    size = len(body.encode("utf-8"))
    done = len(body[:cut].encode("utf-8"))
    return body[:cut], f"analysed the first {_size(done)} of {_size(size)}"


def _size(size: int) -> str:
    """`1.5 MB` or `300 KB`, of 1024 x 1024 and 1024 bytes, as every size newsdesk prints."""
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 2**10:.0f} KB"


def analyse_article(article: Article, limit: int | None = None) -> Article:
    """The article with its entities filled in (loads the NLP model on first use).

    With `limit`, only the first `limit` characters are analysed and a notice says so.
    """
    from tui.core.entities.analyse import analyse

    part, notice = analysed_part(article.body, limit) if limit else (article.body, None)
    struck = tuple((s, e) for s, e in article.struck if e <= len(part))
    entities = analyse(part, article.lang, struck)
    notices = (*article.notices, *entities.notices, *((notice,) if notice else ()))
    return replace(article, entities=entities, notices=notices)


def fetch_with_library(
    url: str, settings: Settings, library: Library, cancel: threading.Event | None = None
) -> Article:
    """Fetch `url` (conditionally when saved before) and save it; fall back to the saved copy."""
    from tui.core.sources.fetch import fetch

    entry = library.find(source=url) or library.find(url=url)
    etag, modified = library.fetch_info(entry.id) if entry else (None, None)
    try:
        page = fetch(url, settings, etag=etag, last_modified=modified, cancel=cancel)
    except FetchError as error:
        if entry is None:
            raise
        note = f"{error} Showing the copy saved in the library on {entry.saved_at[:16]}."
        return replace(library.get(entry.id), notices=(note,))
    if page.status == 304 and entry is not None:
        return library.get(entry.id)
    article = article_from_page(page, url)
    library.save(article, raw=page.content, etag=page.etag, last_modified=page.last_modified)
    return article


def open_article(source: str, settings: Settings, library: Library | None = None) -> Article:
    """Read a file or URL and analyse it: what `newsdesk show` prints.

    With a library, URLs are fetched through it (saved, and read from it when offline)
    and the analysed article is saved back so it reopens with its entities.
    """
    if library is None or not is_url(source):
        return analyse_article(read_source(source, settings), settings.analysis_limit)
    article = analyse_article(
        fetch_with_library(source, settings, library), settings.analysis_limit
    )
    library.save(article)
    return article
