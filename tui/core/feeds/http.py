"""Polite concurrent fetching for feeds and their articles' pages (httpx, asyncio).

At most `concurrency` requests at a time and `per_host` to one host; a conditional GET
when the feed's ETag or Last-Modified is known; a 429 or 503 waits for its `Retry-After`
when that is short, and is reported with the time to come back when it is long; every
fetch has its own deadline and a size cap, and every failure is one FetchError sentence.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from tui.config import Settings
from tui.core.errors import FetchError
from tui.core.feeds.urls import host_of
from tui.core.sources.fetch import (
    MAX_RETRY_WAIT,
    RETRY_STATUSES,
    TOTAL_READS,
    USER_AGENT,
    _errors,
    _retry_wait,
    _too_large,
)

if TYPE_CHECKING:
    import httpx

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml,"
    " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
CONCURRENCY = 4
"""Requests in flight at once, all hosts together (newsboat's `reload-threads`)."""
PER_HOST = 2
"""Requests in flight to one host: feeds of one publisher share a server."""
PERMANENT = frozenset({301, 308})


class RateLimited(FetchError):
    """The server asked newsdesk to come back later than it is worth waiting for."""

    def __init__(self, message: str, retry_at: datetime, status: int) -> None:
        super().__init__(message)
        self.retry_at = retry_at
        self.status = status


@dataclass(frozen=True)
class Response:
    """What a feed or page server answered (the body is empty on 304 Not Modified)."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    """The new address when every redirect on the way was permanent (301/308)."""
    headers: dict[str, str] = field(default_factory=dict)


class Fetcher:
    """One shared httpx client with per-host and overall limits; use `async with`."""

    def __init__(
        self, settings: Settings, *, concurrency: int = CONCURRENCY, per_host: int = PER_HOST
    ) -> None:
        self.settings = settings
        self._slots = asyncio.Semaphore(concurrency)
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(per_host)
        )
        self._client: httpx.AsyncClient | None = None
        self._concurrency = concurrency

    async def __aenter__(self) -> Fetcher:
        import httpx

        settings = self.settings
        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=True,
            max_redirects=settings.max_redirects,
            limits=httpx.Limits(max_connections=self._concurrency * 2),
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    @property
    def deadline(self) -> float:
        """Seconds one fetch may take in all, retries excluded."""
        return self.settings.connect_timeout + TOTAL_READS * self.settings.read_timeout

    async def get(
        self,
        url: str,
        *,
        accept: str = FEED_ACCEPT,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Response:
        """GET `url` within the limits; raises FetchError (RateLimited for a long wait)."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = host_of(url)
        if not host or not url.lower().startswith(("http://", "https://")):
            raise FetchError(f"{url!r} is not a web address (it must start with http(s)://).")
        for attempt in range(self.settings.retries + 1):
            # the host's slot first: a request waiting for its host holds no global slot
            async with self._hosts[host], self._slots:
                response, wait = await self._attempt(url, host, headers, attempt)
            if response is not None:
                return response
            await asyncio.sleep(wait)
        raise FetchError(f"{host} could not be fetched.")  # pragma: no cover - loop returns

    async def _attempt(
        self, url: str, host: str, headers: dict[str, str], attempt: int
    ) -> tuple[Response | None, float]:
        """One request: the response, or None and how long to wait before the next try."""
        try:
            async with asyncio.timeout(self.deadline):
                return await self._request(url, host, headers, attempt)
        except TimeoutError as error:
            raise FetchError(f"{host} took more than {self.deadline:g} s; gave up.") from error

    async def _request(
        self, url: str, host: str, headers: dict[str, str], attempt: int
    ) -> tuple[Response | None, float]:
        assert self._client is not None, "use the Fetcher in `async with`"
        with _errors(host, self.settings, []):
            async with self._client.stream("GET", url, headers=headers) as answer:
                status = answer.status_code
                if status in RETRY_STATUSES:
                    wait = _retry_wait(answer.headers.get("Retry-After"), attempt)
                    asked = _asked_wait(answer.headers.get("Retry-After"))
                    if asked > MAX_RETRY_WAIT:
                        retry_at = datetime.now(UTC) + timedelta(seconds=asked)
                        raise RateLimited(
                            f"{host} answered {status} and asks to wait until "
                            f"{retry_at:%H:%M} UTC.",
                            retry_at,
                            status,
                        )
                    if attempt < self.settings.retries:
                        return None, wait
                if status >= 400:
                    tries = f" after {attempt + 1} tries" if attempt else ""
                    raise FetchError(f"{host} answered {status} {answer.reason_phrase}{tries}.")
                content = b"" if status == 304 else await self._body(answer, host)
                return _response(url, answer, content), 0.0

    async def _body(self, answer: httpx.Response, host: str) -> bytes:
        limit = self.settings.max_bytes
        declared = answer.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(_too_large(host, limit))
        chunks: list[bytes] = []
        size = 0
        async for chunk in answer.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(_too_large(host, limit))
            chunks.append(chunk)
        return b"".join(chunks)


def _asked_wait(header: str | None) -> float:
    """The seconds a `Retry-After` header asks for, uncapped (0 when absent or unreadable)."""
    if not header:
        return 0.0
    header = header.strip()
    if header.isdigit():
        return float(header)
    from email.utils import parsedate_to_datetime

    try:
        return max(0.0, parsedate_to_datetime(header).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return 0.0


def _response(url: str, answer: httpx.Response, content: bytes) -> Response:
    history = answer.history
    moved = (
        str(answer.url) if history and all(r.status_code in PERMANENT for r in history) else None
    )
    return Response(
        url=url,
        final_url=str(answer.url),
        status=answer.status_code,
        content=content,
        content_type=answer.headers.get("Content-Type", ""),
        etag=answer.headers.get("ETag"),
        last_modified=answer.headers.get("Last-Modified"),
        moved_to=moved,
        headers={"content-type": answer.headers.get("Content-Type", "")},
    )
