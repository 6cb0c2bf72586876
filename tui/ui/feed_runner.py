"""The app's feed work: refreshing (on `R`, `r`, or by itself) and fetching new items' pages.

One `FeedRunner` per app, so there is one refresh at a time whoever asks for it. A refresh
runs in the feed child process (`feed_jobs.refresh`); each step is published on `changed`,
which the feed and item lists subscribe to, so they follow it even when another screen
started it. While the app runs, the feeds that are due (their interval is over) are
refreshed every `Settings.feed_check_seconds` unless `Settings.auto_refresh` is off:
quietly, with a note on the feed list's status line instead of a progress bar.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.signal import Signal

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.ui.analysis import AnalyserGate
from tui.ui.safe_text import clean

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from tui.core.feeds.fulltext import FullText
    from tui.core.feeds.refresh import FeedResult

STARTED, FEED_DONE, FINISHED, PAGE_DONE = "started", "feed", "finished", "page"
FIRST_CHECK_SECONDS = 5.0
"""The first look for due feeds comes this long after start-up (unless checks are more
often), so that start-up itself is never slowed by a refresh."""


@dataclass(frozen=True)
class FeedNews:
    """What the runner did: a refresh STARTED or FINISHED, one feed done (FEED_DONE), or
    an item's page fetched and analysed (PAGE_DONE)."""

    kind: str
    feed_id: int | None = None


class FeedRunner:
    """Runs the app's feed refreshes, one at a time, and the background full-text jobs."""

    def __init__(self, app: App[Any], settings: Settings, gate: AnalyserGate) -> None:
        self.app = app
        self.settings = settings
        self.gate = gate
        self.changed: Signal[FeedNews] = Signal(app, "feeds-changed")
        self.cancel = threading.Event()
        """Set when the app closes: the child process and background jobs stop."""
        self.running = False
        self.automatic = False
        """True while the running refresh is one the app started by itself."""
        self.progress = (0, 0)
        """Feeds done, and feeds to do, in the running refresh."""
        self.note: str | None = None
        """What the last automatic refresh did, for the feed list's status line."""
        self._looking = False

    # ---- refreshing ----------------------------------------------------------------

    def refresh(self, feed_ids: Sequence[int], *, automatic: bool = False) -> bool:
        """Refresh these feeds in the background; False when a refresh is running already."""
        if self.running or not feed_ids:
            return False
        self.running, self.automatic = True, automatic
        self.progress = (0, len(feed_ids))
        self.changed.publish(FeedNews(STARTED))
        work = partial(self._refresh, list(feed_ids))
        self.app.run_worker(work, thread=True, group="refresh", exit_on_error=False)
        return True

    def _refresh(self, feed_ids: list[int]) -> None:
        from tui.ui import feed_jobs

        def report(result: FeedResult) -> None:
            self.app.call_from_thread(self._feed_done, result)

        try:
            results = feed_jobs.refresh(self.settings, feed_ids, report, self.cancel)
        except Exception as error:  # the feed process can fail in any way: say so
            self.app.call_from_thread(self._finished, [], str(error))
            return
        self.app.call_from_thread(self._finished, results, None)

    def _feed_done(self, result: FeedResult) -> None:
        done, total = self.progress
        self.progress = (done + 1, total)
        self.changed.publish(FeedNews(FEED_DONE, result.feed_id))

    def _finished(self, results: list[FeedResult], failure: str | None) -> None:
        self.running = False
        new = [item for result in results for item in result.new_items]
        message = _summary(results, new, failure)
        if self.automatic:
            self.note = f"{time.strftime('%H:%M')} automatic refresh: {message}"
        else:
            errors = any(r.outcome == "error" for r in results)
            severity: SeverityLevel = "error" if failure else "warning" if errors else "information"
            self.app.notify(message, severity=severity, markup=False)
        self.changed.publish(FeedNews(FINISHED))
        if new:
            self.fetch_full_texts(new)

    # ---- the feeds that are due ----------------------------------------------------

    def start_checking(self) -> None:
        """Look for due feeds now and then while the app runs (unless turned off)."""
        if not self.settings.auto_refresh:
            return
        period = self.settings.feed_check_seconds
        self.app.set_timer(min(FIRST_CHECK_SECONDS, period), self.check_due)
        self.app.set_interval(period, self.check_due)

    def check_due(self) -> None:
        """Refresh the feeds that are due, unless a refresh (or a look) is under way."""
        if self.running or self._looking or self.cancel.is_set():
            return
        self._looking = True
        self.app.run_worker(self._find_due, thread=True, group="feed-check", exit_on_error=False)

    def _find_due(self) -> None:
        from tui.core.library.feeds import FeedStore
        from tui.core.library.store import Library

        try:
            with Library(self.settings.library_path) as library:
                due = [feed.id for feed in FeedStore(library).due()]
        except NewsdeskError:
            due = []  # the feed list says when the library cannot be read
        self.app.call_from_thread(self._due_found, due)

    def _due_found(self, due: list[int]) -> None:
        self._looking = False
        if due and not self.cancel.is_set():
            self.refresh(due, automatic=True)

    # ---- full text in the background -----------------------------------------------

    def fetch_full_texts(self, item_ids: list[int]) -> None:
        """Fetch, save and analyse these items' pages, in the background."""
        work = partial(self._full_text, item_ids)
        self.app.run_worker(work, thread=True, group="full-text", exit_on_error=False)

    def _full_text(self, item_ids: list[int]) -> None:
        from tui.ui import feed_jobs

        def done(result: FullText) -> None:
            self.app.call_from_thread(self.changed.publish, FeedNews(PAGE_DONE))

        try:
            feed_jobs.full_text(self.settings, item_ids, self.gate, done, self.cancel)
        except Exception as error:  # fetching pages is best effort: the items stay readable
            self.app.call_from_thread(
                self.app.notify,
                f"Fetching full texts stopped: {error}",
                severity="warning",
                markup=False,
            )

    def stop(self) -> None:
        """Stop the running jobs (the app is closing)."""
        self.cancel.set()


def _summary(results: list[FeedResult], new: list[int], failure: str | None) -> str:
    """One sentence on a refresh: feeds, new items, the first error."""
    if failure is not None:
        return f"The refresh failed: {clean(failure)}"
    message = f"Refreshed {len(results)} feed(s): {len(new)} new item(s)"
    errors = [r for r in results if r.outcome == "error"]
    if errors:
        first = clean(errors[0].title or errors[0].url)
        message += f"; {len(errors)} in error (✗), e.g. {first}: {clean(errors[0].message)}"
    return message
