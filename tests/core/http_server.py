"""A real HTTP server on 127.0.0.1 for the fetch tests: dev pages plus crafted faults."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli

from tests.paths import CORPUS

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
STALL_SECONDS = 3.0
HUGE_BYTES = 60 * 1024 * 1024
TRICKLE_PIECES = 20
TRICKLE_PAUSE = 0.1
ARTICLE = (
    "<html><head><title>Quay</title></head><body><article><h1>Quay works begin</h1>"
    + "<p>The works on the old quay began on Monday and should last until the spring, "
    "the harbour office said, adding that the ferries would keep running.</p>"
    * 4
    + "</article></body></html>"
)
LATIN1 = (
    "<html><head><title>Café</title></head><body><p>Le café du port a rouvert, "
    "déjà très fréquenté.</p></body></html>"
).encode("latin-1")
COOKIE_WALL = (
    "<html><body><div class='consent'><h2>Your privacy</h2><p>We use cookies to store and "
    "access information on your device.</p><button>Accept all</button></div></body></html>"
)
FEED = "<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>"


class Handler(BaseHTTPRequestHandler):
    """Routes by path; `server` is a FaultServer."""

    server: FaultServer

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""

    def do_GET(self) -> None:
        self.server.seen.append((self.path, dict(self.headers)))
        route = ROUTES.get(self.path.split("?")[0])
        if route is None and self.path.startswith("/dev/"):
            route = _dev_page
        if route is None:
            self.reply(404, b"<html><body>not here</body></html>")
            return
        # the client hangs up on the huge and stalled bodies, as it should
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)

    def reply(
        self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def count(self) -> int:
        """How many times this path was asked for, this one included."""
        return sum(1 for path, _ in self.server.seen if path == self.path)


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.huge_sent = 0
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


def _dev_page(h: Handler) -> None:
    path = CORPUS / "dev" / h.path.removeprefix("/dev/")
    h.reply(200, path.read_bytes())


def _slow(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for part in ARTICLE.encode().split(b"</p>"):
        h.wfile.write(part + b"</p>")
        h.wfile.flush()
        time.sleep(0.05)


def _trickle(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(TRICKLE_PIECES):
        h.wfile.write(b"<p>drip</p>")
        h.wfile.flush()
        time.sleep(TRICKLE_PAUSE)


def _stall(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    h.wfile.write(b"<html><body><p>The beginning of a page that never ends")
    h.wfile.flush()
    time.sleep(STALL_SECONDS)


def _flaky(h: Handler) -> None:
    if h.count() == 1:
        h.reply(500, b"oops")
    else:
        h.reply(200, ARTICLE.encode())


def _rate_limited(h: Handler) -> None:
    if h.count() == 1:
        h.reply(429, b"slow down", Retry_After="1")
    else:
        h.reply(200, ARTICLE.encode())


def _always_busy(h: Handler) -> None:
    h.reply(503, b"busy", Retry_After="0")


def _huge(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    block = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>"
    while h.server.huge_sent < HUGE_BYTES:
        h.wfile.write(block)
        h.server.huge_sent += len(block)


def _huge_declared(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(HUGE_BYTES))
    h.end_headers()


def _redirect(target: str) -> Callable[[Handler], None]:
    def route(h: Handler) -> None:
        h.send_response(302)
        h.send_header("Location", target)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return route


def _etag(h: Handler) -> None:
    if h.headers.get("If-None-Match") == '"v7"':
        h.send_response(304)
        h.send_header("ETag", '"v7"')
        h.end_headers()
    else:
        h.reply(200, ARTICLE.encode(), ETag='"v7"', Last_Modified="Tue, 07 May 2024 10:00:00 GMT")


ROUTES: dict[str, Callable[[Handler], None]] = {
    "/article": lambda h: h.reply(200, ARTICLE.encode()),
    "/slow": _slow,
    "/stall": _stall,
    "/trickle": _trickle,
    "/missing": lambda h: h.reply(404, b"gone"),
    "/flaky": _flaky,
    "/rate-limited": _rate_limited,
    "/busy": _always_busy,
    "/loop-a": _redirect("/loop-b"),
    "/loop-b": _redirect("/loop-a"),
    "/moved": _redirect("/article"),
    **{f"/chain-{n}": _redirect(f"/chain-{n + 1}") for n in range(20)},
    "/huge": _huge,
    "/huge-declared": _huge_declared,
    "/image": lambda h: h.reply(200, PNG),
    "/png": lambda h: h.reply(200, PNG, "image/png"),
    "/latin1": lambda h: h.reply(200, LATIN1, "text/html"),
    "/cookie-wall": lambda h: h.reply(200, COOKIE_WALL.encode()),
    "/feed": lambda h: h.reply(200, FEED.encode(), "application/rss+xml"),
    "/feed-as-xml": lambda h: h.reply(200, FEED.encode(), "text/xml"),
    "/plain": lambda h: h.reply(200, b"Just some text.", "text/plain; charset=utf-8"),
    "/gzip": lambda h: h.reply(200, gzip.compress(ARTICLE.encode()), Content_Encoding="gzip"),
    "/brotli": lambda h: h.reply(200, brotli.compress(ARTICLE.encode()), Content_Encoding="br"),
    "/etag": _etag,
}
