"""Fetching against a real HTTP server on 127.0.0.1 that serves dev pages and crafted faults."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.core.http_server import HUGE_BYTES, TRICKLE_PAUSE, TRICKLE_PIECES, FaultServer
from tests.paths import CORPUS
from tui.config import Settings
from tui.core.errors import ExtractError, FeedAddress, FetchError
from tui.core.sources.extract import article_from_html
from tui.core.sources.fetch import USER_AGENT, Page, decode_page, fetch


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Timeouts a loaded machine never reaches on a page that does arrive; the tests of
    timeouts set their own short ones."""
    return Settings(
        library_path=tmp_path / "l.sqlite3", connect_timeout=5.0, read_timeout=5.0, retries=2
    )


def test_dev_page_is_fetched_decoded_and_extracted(server: FaultServer, settings: Settings) -> None:
    page = fetch(server.url("/dev/12.html"), settings)
    assert page.status == 200 and page.content == (CORPUS / "dev" / "12.html").read_bytes()
    assert page.content_type == "text/html" and page.encoding == "utf-8"
    article = article_from_html(decode_page(page), page.final_url)
    assert article.lang == "fr" and len(article.paragraphs) >= 5
    assert server.seen[-1][1]["User-Agent"] == USER_AGENT


def test_slow_body_arrives_whole(server: FaultServer, settings: Settings) -> None:
    page = fetch(server.url("/slow"), settings)
    assert page.content.count(b"</p>") >= 4


def test_stalled_connection_is_a_read_timeout(server: FaultServer, settings: Settings) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"127\.0\.0\.1 stopped answering"):
        fetch(server.url("/stall"), replace(settings, read_timeout=0.5))
    assert time.monotonic() - started < 2.5


def test_not_found(server: FaultServer, settings: Settings) -> None:
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1 answered 404 Not Found\.$"):
        fetch(server.url("/missing"), settings)


def test_server_error_then_success_is_retried(server: FaultServer, settings: Settings) -> None:
    assert b"Quay works" in fetch(server.url("/flaky"), settings).content


def test_rate_limit_honours_retry_after(server: FaultServer, settings: Settings) -> None:
    started = time.monotonic()
    page = fetch(server.url("/rate-limited"), settings)
    assert page.status == 200
    assert time.monotonic() - started >= 0.9


def test_retries_give_up_with_the_status(server: FaultServer, settings: Settings) -> None:
    with pytest.raises(FetchError, match=r"answered 503 Service Unavailable after 3 tries"):
        fetch(server.url("/busy"), settings)


def test_cancel_during_retry_wait(server: FaultServer, settings: Settings) -> None:
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(FetchError, match="cancelled"):
        fetch(server.url("/rate-limited?again"), settings, cancel=cancel)
    assert time.monotonic() - started < 0.9


def test_cancel_between_chunks(server: FaultServer, settings: Settings) -> None:
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(FetchError, match="cancelled"):
        fetch(server.url("/trickle"), settings, cancel=cancel)
    assert time.monotonic() - started < 0.2 + 3 * TRICKLE_PAUSE


def test_body_that_never_finishes_is_given_up(server: FaultServer, tmp_path: Path) -> None:
    hurried = Settings(library_path=tmp_path / "l", connect_timeout=0.2, read_timeout=0.2)
    started = time.monotonic()
    with pytest.raises(FetchError, match="too slowly"):
        fetch(server.url("/trickle"), hurried)
    assert time.monotonic() - started < TRICKLE_PIECES * TRICKLE_PAUSE


def test_redirects_are_followed_and_loops_stopped(server: FaultServer, settings: Settings) -> None:
    page = fetch(server.url("/moved"), settings)
    assert page.final_url == server.url("/article") and page.url == server.url("/moved")
    with pytest.raises(FetchError, match="more than 10 times: the redirects go round in a loop"):
        fetch(server.url("/loop-a"), settings)
    with pytest.raises(FetchError, match="more than 10 times: too many redirects"):
        fetch(server.url("/chain-0"), settings)


def test_huge_body_stops_at_the_cap(server: FaultServer, settings: Settings) -> None:
    with pytest.raises(FetchError, match=r"larger than the 10 MB limit"):
        fetch(server.url("/huge"), settings)
    time.sleep(0.2)
    assert server.huge_sent < HUGE_BYTES / 2
    with pytest.raises(FetchError, match="larger than"):
        fetch(server.url("/huge-declared"), settings)


def test_image_is_not_a_page(server: FaultServer, settings: Settings) -> None:
    with pytest.raises(FetchError, match="binary data"):
        fetch(server.url("/image"), settings)
    with pytest.raises(FetchError, match="sent image/png, not a web page"):
        fetch(server.url("/png"), settings)


def test_a_feed_address_points_to_feeds_add(server: FaultServer, settings: Settings) -> None:
    for path in ("/feed", "/feed-as-xml"):
        url = server.url(path)
        with pytest.raises(FeedAddress) as raised:
            fetch(url, settings)
        assert raised.value.url == url and isinstance(raised.value, FetchError)
        assert "is a news feed (RSS, Atom or JSON Feed), not an article" in str(raised.value)
        assert f"`newsdesk feeds add {url}`" in str(raised.value)


def test_latin1_without_charset_is_decoded(server: FaultServer, settings: Settings) -> None:
    page = fetch(server.url("/latin1"), settings)
    assert page.encoding is None
    assert "Le café du port a rouvert, déjà très fréquenté." in decode_page(page)


def test_plain_text_and_compressed_pages(server: FaultServer, settings: Settings) -> None:
    assert decode_page(fetch(server.url("/plain"), settings)) == "Just some text."
    for path in ("/gzip", "/brotli"):
        assert b"Quay works begin" in fetch(server.url(path), settings).content


def test_conditional_request_gives_304(server: FaultServer, settings: Settings) -> None:
    first = fetch(server.url("/etag"), settings)
    assert (first.etag, first.last_modified) == ('"v7"', "Tue, 07 May 2024 10:00:00 GMT")
    again = fetch(server.url("/etag"), settings, etag=first.etag)
    assert (again.status, again.content) == (304, b"")


def test_cookie_wall_page_is_a_clear_extract_error(server: FaultServer, settings: Settings) -> None:
    page = fetch(server.url("/cookie-wall"), settings)
    with pytest.raises(ExtractError, match="cookie or consent wall"):
        article_from_html(decode_page(page), page.final_url)


def test_refused_connection(settings: Settings) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1 refused the connection\.$"):
        fetch(f"http://127.0.0.1:{port}/", settings)


def test_unknown_host(settings: Settings) -> None:
    with pytest.raises(FetchError, match=r"no-such-host\.invalid could not be found"):
        fetch("http://no-such-host.invalid/story", settings)


def test_tls_failure(server: FaultServer, settings: Settings) -> None:
    with pytest.raises(FetchError, match=r"secure \(TLS\) connection to 127\.0\.0\.1 failed"):
        fetch(server.url("/article").replace("http://", "https://"), settings)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "example.org/story", "http://", ""])
def test_not_a_web_address(url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match=r"not a (valid )?web address"):
        fetch(url, settings)


def _page(content: bytes, encoding: str | None = None) -> Page:
    return Page("u", "u", content, "text/html", encoding, None, None, 200)


def test_decode_page_order() -> None:
    text = "Crème brûlée à 5 €"
    assert decode_page(_page(text.encode("utf-8"))) == text
    assert decode_page(_page(text.encode("cp1252"))) == text
    assert decode_page(_page(text.encode("cp1252"), "iso-8859-1")) == text
    meta = f"<meta charset='windows-1252'><p>{text}</p>".encode("cp1252")
    assert text in decode_page(_page(meta))
    assert decode_page(_page(text.encode("utf-8"), "no-such-codec")) == text
    assert decode_page(_page(b"\xef\xbb\xbf" + text.encode("utf-8"))) == text
