"""Full text in the background: new items' pages fetched, extracted, saved and analysed, with
the feed's summary when the page cannot be had."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.feeds_server import FeedServer, article_feed, serve_feeds
from tui.config import Settings
from tui.core.feeds.fulltext import FullText, fetch_full_texts, fetch_one
from tui.core.feeds.refresh import refresh_feeds
from tui.core.feeds.workers import ParsePool
from tui.core.library.feed_items import FeedItems
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library
from tui.core.model import Article, Entities
from tui.core.pipeline import analyse_article


async def analyse(article: Article) -> Entities:
    """The real entity pass, in this process (the CLI's way)."""
    done = await asyncio.to_thread(analyse_article, article)
    return done.entities or Entities()


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    yield from serve_feeds()


def test_pages_are_saved_analysed_and_failures_fall_back_to_the_summary(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    settings = Settings(library_path=tmp_path / "l.sqlite3", read_timeout=1.0)
    links = [feed_server.url("/article"), feed_server.url("/missing-page"), feed_server.url("/pdf")]
    feed_server.routes["/local-news"] = (200, article_feed(links), "application/rss+xml")
    pool = ParsePool(0)
    with Library(settings.library_path) as library:
        feed = FeedStore(library).add(feed_server.url("/local-news"))[0]
        [result] = asyncio.run(refresh_feeds([feed], settings, library, pool))
        pending = FeedItems(library).pending(result.new_items)
        assert len(pending) == 3
        done = asyncio.run(fetch_full_texts(pending, settings, library, pool, analyse))
        by_link = {FeedItems(library).item(d.item_id).link: d for d in done}  # type: ignore[union-attr]
        page = by_link[links[0]]
        assert page.kind == "page" and page.note is None
        assert "Harbourline Robotics" in page.companies
        assert page.article_id is not None
        article = library.get(page.article_id)
        assert "plant near Grenoble" in article.body
        assert article.entities is not None and article.amounts, "the panel is ready"
        for link, why in ((links[1], "404"), (links[2], "application/pdf")):
            fallback: FullText = by_link[link]
            assert fallback.kind == "summary" and why in (fallback.note or "")
            assert fallback.article_id is not None
            saved = library.get(fallback.article_id)
            assert saved.body.startswith("Summary") and saved.entities is not None
        listed = {i.link: i for i in FeedItems(library).items(feed.id)}
        assert listed[links[0]].full_text == "page" and listed[links[0]].article_id
        assert listed[links[1]].full_text == "summary"
        assert FeedItems(library).pending() == []
    pool.shutdown()


def test_an_item_opened_before_its_page_is_in_is_fetched_then(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    settings = Settings(library_path=tmp_path / "l.sqlite3", read_timeout=1.0)
    links = [feed_server.url("/article?now=1"), feed_server.url("/missing-now")]
    feed_server.routes["/opened-news"] = (200, article_feed(links), "application/rss+xml")
    pool = ParsePool(0)
    with Library(settings.library_path) as library:
        feed = FeedStore(library).add(feed_server.url("/opened-news"))[0]
        [result] = asyncio.run(refresh_feeds([feed], settings, library, pool))
        page, missing = FeedItems(library).pending(result.new_items)
        if page.link != links[0]:
            page, missing = missing, page
        opened = asyncio.run(fetch_one(page, settings, library, pool))
        assert opened.kind == "page" and opened.article_id is not None
        assert "plant near Grenoble" in library.get(opened.article_id).body
        fallback = asyncio.run(fetch_one(missing, settings, library, pool))
        assert fallback.kind == "summary" and "404" in (fallback.note or "")
        items = {i.link: i for i in FeedItems(library).items(feed.id)}
        assert items[links[0]].article_id == opened.article_id
        assert items[links[1]].full_text == "summary"
    pool.shutdown()
