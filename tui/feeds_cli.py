"""`newsdesk feeds ...`: subscribe, import and export lists, refresh (for cron), list items."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.config import Settings
from tui.core.errors import LoadError
from tui.core.library.feed_items import FeedItems, Item
from tui.core.library.feeds import MIN_REFRESH_MINUTES, Feed, FeedStore
from tui.core.library.store import Library
from tui.core.sanitise import clean
from tui.output import emit, emit_json, error, note
from tui.subcommand import Parser, run_on_library

if TYPE_CHECKING:  # fetching and parsing are imported by the commands that do them
    from tui.core.feeds.refresh import FeedResult

FULL_TEXT_LIMIT = 200
"""New items whose pages one refresh fetches; the rest wait for the next refresh."""
PROG = "newsdesk feeds"
POOL_MIN_FEEDS = 8
"""Fewer feeds parse in a thread (tens of milliseconds): worker processes would not pay."""


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog=PROG, description="Subscribe to news feeds and read their items.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="subscribe to a feed (or a site that names one)")
    add.add_argument("url", help="the feed's address, or a site's home page")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    add.add_argument(
        "--every", type=int, metavar="MINUTES", help="its own refresh interval (10 at least)"
    )
    imp = commands.add_parser("import", help="subscribe to every feed of an OPML or urls file")
    imp.add_argument("file", help="an OPML file (folders become tags) or newsboat's urls file")
    commands.add_parser("export", help="print the subscriptions as OPML 2.0, tags included")
    listing = commands.add_parser("list", help="the feeds, with unread/total and errors")
    listing.add_argument("--json", action="store_true", help="a JSON array")
    refresh = commands.add_parser("refresh", help="fetch the feeds that are due (for cron)")
    refresh.add_argument("feeds", nargs="*", metavar="FEED", help="only these feeds")
    refresh.add_argument("--all", action="store_true", help="every feed, due or not")
    refresh.add_argument("--json", action="store_true", help="a JSON array of results")
    refresh.add_argument(
        "--no-full-text", action="store_true", help="skip fetching and analysing new pages"
    )
    refresh.add_argument("--jobs", type=int, default=4, help="feeds fetched at once (4)")
    refresh.add_argument("--per-host", type=int, default=2, help="at once from one host (2)")
    items = commands.add_parser("items", help="the items of one feed, or of all")
    items.add_argument("feed", nargs="?", metavar="FEED", help="id, URL or title")
    items.add_argument("--unread", action="store_true", help="unread items only")
    items.add_argument("--json", action="store_true", help="a JSON array")
    items.add_argument("--limit", type=int, default=200, help="at most this many (200)")
    remove = commands.add_parser("rm", help="unsubscribe from a feed")
    remove.add_argument("feed", metavar="FEED", help="id, URL or title")
    return parser


def _find(store: FeedStore, reference: str) -> Feed:
    feed = store.find(reference)
    if feed is None:
        raise LoadError(
            f"no feed matches {clean(reference)!r} (give its id, URL or title; "
            f"`{PROG} list` shows them)"
        )
    return feed


def _age(iso: str | None) -> str:
    return "never" if not iso else iso[:16].replace("T", " ")


def _feed_line(feed: Feed) -> str:
    state = "ok"
    if feed.in_error:
        state = f"error: {feed.error_message}"
    elif feed.disabled:
        state = "disabled"
    elif feed.warning:
        state = f"warning: {feed.warning}"
    elif feed.last_attempt is None:
        state = "not fetched yet"
    cells = (
        feed.id,
        f"{feed.unread}/{feed.total}",
        _age(feed.last_success),
        feed.name,
        feed.url,
        ",".join(feed.tags),
        state,
    )
    return "\t".join(clean(" ".join(str(c).split())) for c in cells)


def _feed_dict(feed: Feed) -> dict[str, object]:
    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.title,
        "site": feed.site,
        "tags": list(feed.tags),
        "unread": feed.unread,
        "total": feed.total,
        "last_success": feed.last_success,
        "last_attempt": feed.last_attempt,
        "error": feed.error_message,
        "error_kind": feed.error_kind,
        "error_at": feed.error_at,
        "failures": feed.failures,
        "warning": feed.warning,
        "disabled": feed.disabled,
        "refresh_minutes": feed.refresh_minutes,
    }


def _list(store: FeedStore, as_json: bool, out: TextIO) -> int:
    feeds = store.feeds()
    if as_json:
        emit_json([_feed_dict(f) for f in feeds], file=out)
    elif not feeds:
        emit(f"No feeds yet: `{PROG} add URL` or `{PROG} import FILE`.", file=sys.stderr)
    else:
        emit("id\tunread/total\tupdated\ttitle\turl\ttags\tstate", file=out)
        for feed in feeds:
            emit(_feed_line(feed), file=out)
    return 0


def _item_dict(item: Item, items: FeedItems) -> dict[str, object]:
    return {
        "id": item.id,
        "title": item.title,
        "link": item.link,
        "published": item.published,
        "published_raw": item.published_raw,
        "date": item.sort_date,
        "read": item.read,
        "starred": item.starred,
        "feeds": items.feed_titles(item.id),
        "full_text": item.full_text,
        "full_text_note": item.full_text_note,
        "article_id": item.article_id,
        "companies": item.companies,
        "summary": items.summary(item.id),
    }


def _item_line(item: Item) -> str:
    flags = ("N" if not item.read else " ") + ("*" if item.starred else " ")
    cells = (
        item.id,
        flags,
        item.sort_date[:16].replace("T", " "),
        item.title,
        item.companies,
        item.link or "",
    )
    return "\t".join(clean(" ".join(str(c).split())) if c else "" for c in cells)


def _items(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    feed_id = _find(FeedStore(library), args.feed).id if args.feed else None
    items = FeedItems(library)
    found = items.items(feed_id, unread_only=args.unread, order="date", limit=args.limit)
    if args.json:
        rows = [_item_dict(item, items) for item in found]
        emit_json(rows, file=out)
    elif not found:
        emit("No items." if not args.unread else "No unread items.", file=sys.stderr)
    else:
        for item in found:
            emit(_item_line(item), file=out)
    return 0


def _export(store: FeedStore, out: TextIO) -> int:
    from tui.core.feeds.opml import Subscription, write_opml

    feeds = [Subscription(f.url, f.title, f.tags, f.site) for f in store.feeds()]
    emit(write_opml(feeds), file=out)
    return 0


def _import(store: FeedStore, path: Path, settings: Settings, out: TextIO) -> int:
    from tui.core.feeds.opml import read_subscriptions
    from tui.core.sources.load import read_bytes

    found = read_subscriptions(read_bytes(path, settings.max_bytes), str(path))
    for reason in found.skipped:
        error(f"skipped {reason}", program=PROG)
    if not found.feeds:
        error(f"{path} lists no feeds.", program=PROG)
        return 1
    created = store.add_many([(f.url, f.title, f.tags) for f in found.feeds])
    known = len({f.url for f in found.feeds}) - created
    emit(
        f"Imported {created} new feed(s) from {clean(str(path))}"
        + (f"; {known} already subscribed (tags added)" if known else "")
        + f". `{PROG} refresh` fetches them.",
        file=out,
    )
    return 0


def _add(args: argparse.Namespace, library: Library, settings: Settings, out: TextIO) -> int:
    import asyncio

    from tui.core.feeds.subscribe import subscribe
    from tui.core.feeds.workers import ParsePool

    pool = ParsePool(0)
    try:
        result, created = asyncio.run(subscribe(args.url, settings, library, pool, args.tag))
    finally:
        pool.shutdown()
    if args.every is not None:
        FeedStore(library).set_interval(result.feed_id, args.every)
        if args.every < MIN_REFRESH_MINUTES:
            note(
                f"--every {args.every}: refreshed every {MIN_REFRESH_MINUTES} minutes, the least",
                program=PROG,
            )
    title = clean(result.title or result.url)
    verb = "Subscribed to" if created else "Already subscribed to"
    emit(f"{verb} {title} <{clean(result.url)}> (feed {result.feed_id}).", file=out)
    emit(result_line(result), file=out)
    return 1 if result.outcome == "error" else 0


def _refresh(args: argparse.Namespace, library: Library, settings: Settings, out: TextIO) -> int:
    import asyncio

    from tui.core.feeds.refresh import RefreshOptions, refresh_feeds
    from tui.core.feeds.workers import ParsePool

    store = FeedStore(library)
    if args.feeds:
        feeds = [_find(store, reference) for reference in args.feeds]
    else:
        feeds = store.feeds() if args.all else store.due()
        waiting = len(store.feeds()) - len(feeds)
        if waiting:
            emit(f"{waiting} feed(s) not due yet (--all fetches them too).", file=sys.stderr)
    started = time.monotonic()

    def report(result: FeedResult) -> None:
        if not args.json:
            emit(result_line(result), file=out)

    options = RefreshOptions(max(1, args.jobs), max(1, args.per_host), on_result=report)
    pool = ParsePool(processes=None if len(feeds) >= POOL_MIN_FEEDS else 0)
    pool.start()  # before the refresh's threads: forked workers, ready with the parser
    try:
        results = asyncio.run(refresh_feeds(feeds, settings, library, pool, options))
        if args.json:
            emit_json([r.as_dict() for r in results], file=out)
        _summary(results, started)
        if not args.no_full_text:
            _full_text(results, library, settings, pool)
    finally:
        pool.shutdown()
    return 1 if any(r.outcome == "error" for r in results) else 0


def _summary(results: list[FeedResult], started: float) -> None:
    counts = {o: sum(r.outcome == o for r in results) for o in ("ok", "unchanged", "error")}
    new = sum(len(r.new_items) for r in results)
    emit(
        f"{len(results)} feed(s): {counts['ok']} fetched, {counts['unchanged']} unchanged, "
        f"{counts['error']} in error; {new} new item(s) in {time.monotonic() - started:.1f} s.",
        file=sys.stderr,
    )


def _full_text(
    results: list[FeedResult], library: Library, settings: Settings, pool: object
) -> None:
    """Fetch and analyse the new items' pages, in this process (the model loads once)."""
    import asyncio

    from tui.core.feeds.fulltext import fetch_full_texts
    from tui.core.feeds.workers import ParsePool
    from tui.core.model import Article, Entities
    from tui.core.pipeline import analyse_article

    assert isinstance(pool, ParsePool)
    new = [item for r in results for item in r.new_items]
    pending = FeedItems(library).pending(new[: FULL_TEXT_LIMIT * 4], limit=FULL_TEXT_LIMIT)
    if not pending:
        return

    async def analyse(article: Article) -> Entities:
        done = await asyncio.to_thread(analyse_article, article, settings.analysis_limit)
        return done.entities or Entities()

    started = time.monotonic()
    texts = asyncio.run(fetch_full_texts(pending, settings, library, pool, analyse))
    fallbacks = sum(t.kind == "summary" for t in texts)
    emit(
        f"Full text: {len(texts) - fallbacks} page(s) fetched and analysed, {fallbacks} from "
        f"the feed's summary, in {time.monotonic() - started:.1f} s.",
        file=sys.stderr,
    )


def _run(args: argparse.Namespace, library: Library, settings: Settings, out: TextIO) -> int:
    store = FeedStore(library)
    if args.command == "list":
        return _list(store, args.json, out)
    if args.command == "items":
        return _items(library, args, out)
    if args.command == "rm":
        feed = _find(store, args.feed)
        removed = store.remove(feed.id)
        emit(f"Unsubscribed from {clean(feed.name)} ({removed} item(s) removed).", file=out)
        return 0
    if args.command == "export":
        return _export(store, out)
    if args.command == "import":
        return _import(store, Path(args.file).expanduser(), settings, out)
    if args.command == "add":
        return _add(args, library, settings, out)
    return _refresh(args, library, settings, out)


def run_feeds(argv: Sequence[str], settings: Settings, out: TextIO | None = None) -> int:
    """Run one `newsdesk feeds` command; returns the exit status (0 ok, 1 error, 2 usage)."""
    stream = out or sys.stdout
    return run_on_library(
        _parser(), argv, settings, lambda args, library: _run(args, library, settings, stream)
    )


def result_line(result: FeedResult) -> str:
    """One line per refreshed feed: outcome, title, what happened."""
    title = clean(" ".join((result.title or result.url).split()))
    return f"{result.outcome:<9} {title}: {clean(result.message)}"
