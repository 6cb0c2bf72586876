"""A real HTTP server on 127.0.0.1 serving the shared feed fixtures, plus crafted faults.

The fixtures are read from `../shared/feeds/fixtures` at run time, never copied into the
project. Paths:
- `/f/NAME`: the fixture NAME, with an ETag and Last-Modified (a matching conditional GET
  is answered 304); `/n/K/NAME` is the same file under another address (K any number).
- `/limited/NAME`: 429 with `Retry-After: 1` on the first request, then the fixture.
- `/moved/NAME`: a permanent redirect (301) to `/f/NAME`.
- `/limited-long`: always 429 with `Retry-After: 3600`.
- `/held/NAME`: the fixture NAME, once the test sets `server.released` (at most
  `HOLD_SECONDS` later): a refresh that surely lasts until the test lets it end.
- `/stall`: headers, a few bytes, then nothing for `STALL_SECONDS`.
- `/home`: an HTML page whose `<link rel=alternate>` points to `/f/rss-parser__guardian.rss`;
  `/page`: an HTML page with no feed link.
- `/bomb`, `/xxe`: a billion-laughs feed and an external-entity feed, generated here.
- `/article`: an article page written for the tests; `/pdf`: a PDF.
- anything registered in `server.routes` (path -> (status, body, content type)).
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.paths import ROOT

FEED_FIXTURES = ROOT.parent / "shared" / "feeds" / "fixtures"
STALL_SECONDS = 3.0
HOLD_SECONDS = 60.0
LAST_MODIFIED = "Tue, 07 May 2024 10:00:00 GMT"
TYPES = {
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".rdf": "application/rdf+xml",
    ".xml": "application/xml",
    ".json": "application/feed+json",
    ".opml": "text/x-opml",
}
_LOL = ['<!ENTITY lol0 "lol">'] + [
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
]
BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [' + "".join(_LOL) + ']>\n<rss version="2.0">'
    "<channel><title>&lol9;</title><item><title>Bomb &lol9;</title>"
    "<link>http://bomb.example/1</link></item></channel></rss>"
)
XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
    '<rss version="2.0"><channel><title>T&x;</title><item><title>Item &x;</title>'
    "<link>http://xxe.example/1</link></item></channel></rss>"
)
HOME = (
    "<html><head><title>Home</title>"
    '<link rel="alternate" type="application/rss+xml" title="News" '
    'href="/f/rss-parser__guardian.rss"></head><body><p>Welcome</p></body></html>'
)
PAGE = "<html><head><title>Page</title></head><body><p>No feed here.</p></body></html>"
ARTICLE = (
    "<html><head><title>Harbourline Robotics raises €40m</title></head><body><article>"
    "<h1>Harbourline Robotics raises €40m from Larkspur Capital</h1>"
    "<p>Harbourline Robotics, the Lyon maker of warehouse robots, said on Monday it had "
    "raised €40m in a round led by Larkspur Capital, which now owns a fifth of the company."
    "</p><p>Harbourline Robotics will use the money to open a plant near Grenoble and hire "
    "120 engineers over two years, its chief executive told reporters in Lyon.</p>"
    "<p>Larkspur Capital had already backed the company in 2024, when it raised €12m.</p>"
    "</article></body></html>"
)
"""An article page written for these tests (the items of generated feeds link to it)."""


def article_feed(links: list[str], title: str = "Local news") -> bytes:
    """An RSS feed whose items link to `links` (each item has a summary of its own)."""
    items = "".join(
        f"<item><title>Story {n}: Harbourline Robotics and Larkspur Capital</title>"
        f"<link>{link}</link><description>Summary {n}: Harbourline Robotics raised money "
        "from Larkspur Capital.</description></item>"
        for n, link in enumerate(links)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>{items}"
        "</channel></rss>"
    ).encode()


def fixture_names() -> list[str]:
    """The 12 feed fixtures (not the OPML files)."""
    return sorted(
        p.name for p in FEED_FIXTURES.iterdir() if p.suffix in TYPES and p.suffix != ".opml"
    )


class FeedHandler(BaseHTTPRequestHandler):
    server: FeedServer

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.seen.append((path, dict(self.headers)))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._route(path)

    def _route(self, path: str) -> None:
        if path in self.server.routes:
            status, body, ctype = self.server.routes[path]
            self.reply(status, body, ctype)
        elif path.startswith(("/f/", "/n/")):
            self.fixture(path.rsplit("/", 1)[1])
        elif path.startswith("/limited/"):
            if self.count(path) == 1:
                self.reply(429, b"slow down", "text/plain", {"Retry-After": "1"})
            else:
                self.fixture(path.rsplit("/", 1)[1])
        elif path.startswith("/moved/"):
            self.send_response(301)
            self.send_header("Location", "/f/" + path.rsplit("/", 1)[1])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/limited-long":
            self.reply(429, b"slow down", "text/plain", {"Retry-After": "3600"})
        elif path == "/stall":
            self.stall()
        elif path.startswith("/held/"):
            self.server.released.wait(HOLD_SECONDS)
            self.fixture(path.rsplit("/", 1)[1])
        else:
            self.reply(*FIXED.get(path, (404, b"not here", "text/html")))

    def reply(
        self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def fixture(self, name: str) -> None:
        path = FEED_FIXTURES / name
        if "/" in name or not path.is_file():
            self.reply(404, b"no such fixture", "text/plain")
            return
        body = path.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        ctype = TYPES.get(Path(name).suffix, "application/xml")
        self.reply(200, body, ctype, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

    def stall(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<?xml version='1.0'?><rss version='2.0'><channel>")
        self.wfile.flush()
        time.sleep(STALL_SECONDS)

    def count(self, path: str) -> int:
        return sum(1 for seen, _ in self.server.seen if seen == path)


FIXED: dict[str, tuple[int, bytes, str]] = {
    "/home": (200, HOME.encode(), "text/html; charset=utf-8"),
    "/page": (200, PAGE.encode(), "text/html; charset=utf-8"),
    "/bomb": (200, BOMB.encode(), "application/rss+xml"),
    "/xxe": (200, XXE.encode(), "application/rss+xml"),
    "/article": (200, ARTICLE.encode(), "text/html; charset=utf-8"),
    "/pdf": (200, b"%PDF-1.4 not a page", "application/pdf"),
}


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.routes: dict[str, tuple[int, bytes, str]] = {}
        self.released = threading.Event()
        """Set to let the `/held/` answers go."""
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")


def serve_feeds() -> Iterator[FeedServer]:
    """A running server with proxies unset so 127.0.0.1 is reached directly: a test module's
    fixture is `yield from serve_feeds()`."""
    with pytest.MonkeyPatch.context() as patch, FeedServer() as running:
        for name in PROXY_VARIABLES:
            patch.delenv(name, raising=False)
        yield running
