"""Full text and facts before the user asks: each new item's page fetched, extracted, saved
as a library article and analysed, so that opening the item shows its body and panel at once.

Pages are fetched with the refresh's limits (a few at a time, two per host); extraction runs
in the parse workers and analysis one article at a time in whatever `analyse` hands it to
(the app's analyser process, or the CLI's own process). An item whose page cannot be had
becomes an article made of the feed's summary, and says so.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.feeds.http import PAGE_ACCEPT, Fetcher
from tui.core.feeds.workers import ParsePool, extract_in_worker
from tui.core.language import guess_language
from tui.core.library.feed_items import FeedItems, PendingItem
from tui.core.library.store import Library
from tui.core.model import Article, Entities
from tui.core.sources.fetch import Page, _media_type

PAGE, SUMMARY = "page", "summary"
COMPANIES_SHOWN = 3
"""Companies named in the item list's column, most mentioned first."""
PAGE_MEDIA = frozenset({"text/html", "application/xhtml+xml", "text/plain", ""})

Analyse = Callable[[Article], Awaitable[Entities]]


@dataclass(frozen=True)
class FullText:
    """What became of one item: its article, where the body came from, and why."""

    item_id: int
    article_id: int | None
    kind: str
    """'page' (the article's own page) or 'summary' (the feed's text, the page failed)."""
    note: str | None
    companies: str


async def fetch_full_texts(
    items: Sequence[PendingItem],
    settings: Settings,
    library: Library,
    pool: ParsePool,
    analyse: Analyse | None,
    on_done: Callable[[FullText], None] | None = None,
) -> list[FullText]:
    """Fetch, extract, save and analyse every item; each one reported when done.

    Without `analyse`, articles are saved unanalysed (unless the library has this body's
    entities) for the caller to analyse: the app does, in its analyser process.
    """
    lock = asyncio.Lock()  # one analysis at a time: the reader's own requests go between
    done: list[FullText] = []

    async def one(item: PendingItem, pages: Fetcher) -> None:
        article, raw, note = await article_for(item, pages, pool, library)
        async with lock:
            result = await _save(item, article, raw, note, library, analyse)
        done.append(result)
        if on_done is not None:
            on_done(result)

    async with Fetcher(settings) as pages:
        await asyncio.gather(*(one(item, pages) for item in items))
    return done


async def article_for(
    item: PendingItem, fetcher: Fetcher, pool: ParsePool, library: Library
) -> tuple[Article, Page | None, str | None]:
    """The item's article from its page, else from the feed's summary with the reason."""
    if not item.link:
        return summary_article(item), None, "the feed gives no link to the article"
    saved = library.find(url=item.link) or library.find(source=item.link)
    if saved is not None:
        return library.get(saved.id), None, None
    try:
        response = await fetcher.get(item.link, accept=PAGE_ACCEPT)
        media, charset = _media_type(response.content_type)
        if media not in PAGE_MEDIA:
            raise NewsdeskError(f"the link leads to {media}, not a web page")
        page = Page(
            item.link,
            response.final_url,
            response.content,
            media or "text/html",
            charset,
            response.etag,
            response.last_modified,
            response.status,
        )
        article = await pool.run(extract_in_worker, page, item.link)
    except NewsdeskError as error:
        return summary_article(item), None, str(error)
    except Exception as error:  # an extraction worker can fail in any way
        return summary_article(item), None, f"the page could not be read ({error})"
    if len(article.body.strip()) < len(item.summary.strip()):
        return summary_article(item), None, "the page held less text than the feed's summary"
    return replace(article, site=article.site or item.feed_title), page, None


async def fetch_one(
    item: PendingItem, settings: Settings, library: Library, pool: ParsePool
) -> FullText:
    """The item's article fetched now and saved unanalysed (the reader analyses it)."""
    async with Fetcher(settings) as fetcher:
        article, page, note = await article_for(item, fetcher, pool, library)
    return await _save(item, article, page, note, library, None)


def summary_article(item: PendingItem) -> Article:
    """An article made of what the feed said about the item."""
    body = item.summary.strip() or item.title
    return Article(
        title=item.title,
        body=body,
        site=item.feed_title,
        url=item.link,
        source=item.link or f"feed-item:{item.id}",
        published=item.published,
        lang=guess_language(body),
    )


async def _save(
    item: PendingItem,
    article: Article,
    page: Page | None,
    note: str | None,
    library: Library,
    analyse: Analyse | None,
) -> FullText:
    kind = SUMMARY if note else PAGE
    raw = page.content if page else None
    etag, modified = (page.etag, page.last_modified) if page else (None, None)
    items = FeedItems(library)
    try:
        if article.entities is None:
            cached = library.cached_entities(article.body)
            if cached is None and analyse is not None:
                cached = await analyse(article)
            article = replace(article, entities=cached)
        article_id = library.save(article, raw=raw, etag=etag, last_modified=modified)
    except NewsdeskError as error:
        items.attach_article(item.id, None, SUMMARY, str(error), "")
        return FullText(item.id, None, SUMMARY, str(error), "")
    except Exception as error:  # the analyser process can fail in any way
        message = f"finding amounts and companies failed ({error})"
        article_id = library.save(article, raw=raw, etag=etag, last_modified=modified)
        items.attach_article(item.id, article_id, kind, message, "")
        return FullText(item.id, article_id, kind, message, "")
    companies = company_column(article.entities)
    items.attach_article(item.id, article_id, kind, note, companies)
    return FullText(item.id, article_id, kind, note, companies)


def company_column(entities: Entities | None) -> str:
    """The companies an item's list row names: the most mentioned first."""
    if entities is None:
        return ""
    ranked = sorted(entities.companies, key=lambda c: -len(c.mentions))
    return ", ".join(c.name for c in ranked[:COMPANIES_SHOWN])
