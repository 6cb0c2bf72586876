"""Adding a feed by its address or by a site's home page, fetched at once.

The address is fetched; a feed is subscribed to as it is, a web page is searched for the
feeds it declares (`discover.feed_links`) and the first one that answers with a feed is
taken. Either way the feed's entries are stored straight away, from that same response.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from tui.config import Settings
from tui.core.errors import FetchError
from tui.core.feeds.discover import feed_links, looks_like_feed
from tui.core.feeds.http import FEED_ACCEPT, Fetcher, Response
from tui.core.feeds.refresh import FeedResult, store_response
from tui.core.feeds.workers import ParsePool
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library

MAX_CANDIDATES = 3
"""Feeds declared by a page that are tried, in the page's order of preference."""


async def find_feed(url: str, fetcher: Fetcher) -> Response:
    """The response of the feed at `url`, or of the feed the page at `url` declares."""
    response = await fetcher.get(url, accept=FEED_ACCEPT + ", text/html;q=0.4")
    if looks_like_feed(response.content, response.content_type):
        return response
    text = response.content.decode("utf-8", errors="replace")
    candidates = feed_links(text, response.final_url)
    if not candidates:
        raise FetchError(
            f'{url} is a web page that names no feed (no <link rel="alternate"> to RSS, '
            "Atom or JSON Feed); give the feed's own address."
        )
    problems: list[str] = []
    for candidate in candidates[:MAX_CANDIDATES]:
        try:
            found = await fetcher.get(candidate)
        except FetchError as error:
            problems.append(str(error))
            continue
        if looks_like_feed(found.content, found.content_type):
            return found
        problems.append(f"{candidate} is not a feed")
    raise FetchError(f"The feeds {url} names could not be read: {'; '.join(problems)}")


async def subscribe(
    url: str,
    settings: Settings,
    library: Library,
    pool: ParsePool,
    tags: Sequence[str] = (),
) -> tuple[FeedResult, bool]:
    """Subscribe to the feed at (or named by) `url` and store its entries now.

    Returns how that first fetch went and whether the feed is new; raises FetchError when
    nothing at `url` is a feed (nothing is subscribed to then).
    """
    started = time.monotonic()
    async with Fetcher(settings) as fetcher:
        response = await find_feed(url, fetcher)
    feed, created = FeedStore(library).add(response.moved_to or response.url, tags=tags)
    result = await store_response(feed, response, library, pool, started)
    return result, created
