"""Fetching a web page: timeouts, a size cap while streaming, retries, one clear error each.

`fetch` returns the raw bytes and what the server said about them; `decode_page` turns them
into text (header charset, then the page's `<meta>`, then UTF-8, then Windows-1252).
"""

from __future__ import annotations

import codecs
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.config import Settings
from tui.core.errors import FeedAddress, FetchError

if TYPE_CHECKING:  # httpx is imported when a page is fetched: it pulls in rich when present
    import httpx

USER_AGENT = "newsdesk/0.1 (+terminal news reader)"
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.8,*/*;q=0.1"
PAGE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
"""Answers worth another try: rate limiting and passing server trouble."""
MAX_RETRY_WAIT = 10.0
"""Longest pause before a retry, whatever `Retry-After` asks for (seconds)."""
BACKOFF = 1.0
"""First pause when the server gives no `Retry-After`; doubled at each retry."""
TOTAL_READS = 4
"""A whole download may take this many read timeouts (plus the connect one), no more."""
_SNIFF = 2048
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"RIFF", b"\x1f\x8b")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    """A fetched page, undecoded: `encoding` is the header's charset, if it gave one."""

    url: str
    final_url: str
    content: bytes
    content_type: str
    encoding: str | None
    etag: str | None
    last_modified: str | None
    status: int


class _Cancelled(Exception):
    pass


def fetch(
    url: str,
    settings: Settings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    cancel: threading.Event | None = None,
) -> Page:
    """GET `url`; raises FetchError with one sentence naming the host and the cause.

    A `304 Not Modified` answer (to `etag`/`last_modified`) gives a Page with status 304
    and no content. `cancel`, when set, stops the download between chunks.
    """
    import httpx

    host = _host(url)
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(
        settings.read_timeout, connect=settings.connect_timeout, pool=settings.connect_timeout
    )
    visited: list[str] = []
    with (
        _errors(host, settings, visited),
        httpx.Client(
            headers=headers,
            timeout=timeout,
            follow_redirects=True,
            max_redirects=settings.max_redirects,
            event_hooks={"request": [lambda request: visited.append(str(request.url))]},
        ) as client,
    ):
        return _attempts(client, url, host, settings, cancel)


def _host(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise FetchError(f"{url!r} is not a valid web address ({error}).") from error
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"{url!r} is not a web address (it must start with http:// or https://).")
    return parts.hostname


def _attempts(
    client: httpx.Client, url: str, host: str, settings: Settings, cancel: threading.Event | None
) -> Page:
    deadline = time.monotonic() + settings.connect_timeout + TOTAL_READS * settings.read_timeout
    for attempt in range(settings.retries + 1):
        _check(cancel)
        with client.stream("GET", url) as response:
            status = response.status_code
            if status in RETRY_STATUSES and attempt < settings.retries:
                pause = _retry_wait(response.headers.get("Retry-After"), attempt)
                response.close()
                _pause(pause, cancel)
                continue
            if status >= 400:
                tries = f" after {attempt + 1} tries" if attempt else ""
                raise FetchError(f"{host} answered {status} {response.reason_phrase}{tries}.")
            return _read(response, url, host, settings, cancel, deadline)
    raise FetchError(f"{host} could not be fetched.")  # pragma: no cover - loop always returns


def _retry_wait(header: str | None, attempt: int) -> float:
    """Seconds to wait before the next try: `Retry-After` (seconds or a date), capped."""
    wait = BACKOFF * 2**attempt
    if header:
        header = header.strip()
        if header.isdigit():
            wait = float(header)
        else:
            with suppress(TypeError, ValueError, IndexError):
                wait = parsedate_to_datetime(header).timestamp() - time.time()
    return float(min(max(wait, 0.0), MAX_RETRY_WAIT))


def _pause(seconds: float, cancel: threading.Event | None) -> None:
    if cancel is None:
        time.sleep(seconds)
    elif cancel.wait(seconds):
        raise _Cancelled


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise _Cancelled


def _read(
    response: httpx.Response,
    url: str,
    host: str,
    settings: Settings,
    cancel: threading.Event | None,
    deadline: float,
) -> Page:
    content_type, charset = _media_type(response.headers.get("Content-Type", ""))
    _check_type(content_type, host, url)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchError(_too_large(host, settings.max_bytes))
    if response.status_code == 304:
        content = b""
    else:
        content = _body(response, host, settings, cancel, deadline)
        _check_content(content, content_type, host, url)
    return Page(
        url=url,
        final_url=str(response.url),
        content=content,
        content_type=content_type or "text/html",
        encoding=charset,
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
        status=response.status_code,
    )


def _body(
    response: httpx.Response,
    host: str,
    settings: Settings,
    cancel: threading.Event | None,
    deadline: float,
) -> bytes:
    """The decompressed body, read chunk by chunk, stopped at the size cap."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # as each piece arrives, so cancel is seen at once
        _check(cancel)
        size += len(chunk)
        if size > settings.max_bytes:
            raise FetchError(_too_large(host, settings.max_bytes))
        if time.monotonic() > deadline:
            raise FetchError(f"{host} is sending the page too slowly; gave up.")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(host: str, limit: int) -> str:
    size = f"{limit / 2**20:.3g} MB" if limit >= 2**20 else f"{limit / 2**10:.3g} KB"
    return f"The page at {host} is larger than the {size} limit."


def _media_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _check_type(content_type: str, host: str, url: str) -> None:
    if content_type in FEED_TYPES:
        raise FeedAddress(url)
    if content_type and content_type not in PAGE_TYPES and not content_type.endswith("xml"):
        raise FetchError(f"{host} sent {content_type}, not a web page.")


def _check_content(content: bytes, content_type: str, host: str, url: str) -> None:
    head = content[:_SNIFF]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        raise FetchError(f"{host} sent binary data (an image or a file), not a web page.")
    start = head.lstrip()[:300].lower()
    is_xml = start.startswith(b"<?xml") or content_type.endswith("xml")
    if is_xml and (b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start):
        raise FeedAddress(url)


def decode_page(page: Page) -> str:
    """The page as text: header charset, else `<meta charset>`, else UTF-8, else cp1252."""
    content = page.content
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            return content.decode(name, errors="replace")
    for label in (page.encoding, _meta_charset(content)):
        codec = _codec(label)
        if codec:
            return content.decode(codec, errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _meta_charset(content: bytes) -> str | None:
    match = _META_CHARSET.search(content[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Pages labelled Latin-1 or ASCII are in practice Windows-1252 (as browsers assume).
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


@contextmanager
def _errors(host: str, settings: Settings, visited: list[str]) -> Iterator[None]:
    """Turn every httpx failure into a FetchError naming the host and the cause."""
    import httpx

    try:
        yield
    except FetchError:
        raise
    except _Cancelled as error:
        raise FetchError(f"Fetching the page from {host} was cancelled.") from error
    except httpx.TooManyRedirects as error:
        last_try = visited[-(settings.max_redirects + 1) :]  # earlier tries may have retried
        looping = len(set(last_try)) < len(last_try)
        why = "the redirects go round in a loop" if looping else "too many redirects"
        raise FetchError(
            f"{host} redirected more than {settings.max_redirects} times: {why}."
        ) from error
    except httpx.ConnectTimeout as error:
        raise FetchError(
            f"Connecting to {host} timed out after {settings.connect_timeout:g} s."
        ) from error
    except httpx.ReadTimeout as error:
        raise FetchError(
            f"{host} stopped answering (nothing received for {settings.read_timeout:g} s)."
        ) from error
    except httpx.TimeoutException as error:
        raise FetchError(f"The connection to {host} timed out.") from error
    except httpx.ConnectError as error:
        raise FetchError(_connect_failure(host, str(error))) from error
    except httpx.DecodingError as error:
        raise FetchError(f"{host} sent a compressed page that could not be unpacked.") from error
    except (httpx.RemoteProtocolError, httpx.ReadError) as error:
        raise FetchError(f"{host} closed the connection before the page was complete.") from error
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise FetchError(f"The address for {host} is not valid ({error}).") from error
    except (httpx.HTTPError, httpx.StreamError, OSError) as error:
        raise FetchError(f"Fetching the page from {host} failed: {error}.") from error


def _connect_failure(host: str, reason: str) -> str:
    lowered = reason.lower()
    if any(s in lowered for s in ("name or service", "nodename", "getaddrinfo", "name resolution")):
        return f"The host {host} could not be found (DNS lookup failed)."
    if "refused" in lowered:
        return f"{host} refused the connection."
    if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
        return f"The secure (TLS) connection to {host} failed: {reason}."
    return f"Could not connect to {host}: {reason}."
