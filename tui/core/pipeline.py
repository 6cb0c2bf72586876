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
from tui.core.load import article_from_page, is_url, read_source
from tui.core.model import Article

if TYPE_CHECKING:
    from tui.config import Settings
    from tui.core.store import Library


def analyse_article(article: Article) -> Article:
    """The article with its entities filled in (loads the NLP model on first use)."""
    from tui.core.entities.analyse import analyse

    return replace(article, entities=analyse(article.body, article.lang, article.struck))


def fetch_with_library(
    url: str, settings: Settings, library: Library, cancel: threading.Event | None = None
) -> Article:
    """Fetch `url` (conditionally when saved before) and save it; fall back to the saved copy."""
    from tui.core.fetch import fetch

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
        return analyse_article(read_source(source, settings))
    article = analyse_article(fetch_with_library(source, settings, library))
    library.save(article)
    return article
