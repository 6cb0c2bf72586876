"""Parsing the shared feed fixtures fetched from a real local feed_server, and hostile feeds."""

from __future__ import annotations

import asyncio
import html
import io
import json
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.core.feeds_server import FeedServer, fixture_names, serve_feeds
from tests.paths import ROOT
from tui.config import Settings
from tui.core.feeds.feedparser_setup import tuned_feedparser
from tui.core.feeds.http import Fetcher
from tui.core.feeds.model import ParsedFeed
from tui.core.feeds.parse import parse_feed

EXPECTED_ENTRIES = {
    "rss-parser__guardian.rss": 55,
    "NetNewsWire__livemint.xml": 25,
    "rss-parser__encoding.rss": 40,
    "rss-parser__uolNoticias.rss": 15,
    "feed-rs__rss_1.0_iso8859.xml": 1,
    "NetNewsWire__bio.rdf": 30,
    "NetNewsWire__DaringFireball.atom": 48,
    "NetNewsWire__qemu.atom": 10,
    "feed-rs__rss_2.0_invalid_1.xml": 0,
    "NetNewsWire__DaringFireball.json": 48,
    "NetNewsWire__3960.json": 20,
    "newsboat__rss.xml": 8,
}
"""Entries per fixture (the report's values with feedparser 6.0.14 and the JSON mapper)."""


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    yield from serve_feeds()


def fetch_and_parse(url: str, content_location: str | None = None) -> ParsedFeed:
    settings = Settings(library_path=Path("/nonexistent"), read_timeout=5.0)

    async def run() -> ParsedFeed:
        async with Fetcher(settings) as fetcher:
            response = await fetcher.get(url)
        return parse_feed(response.content, response.headers, content_location or url)

    return asyncio.run(run())


def test_every_fixture_is_listed() -> None:
    assert sorted(EXPECTED_ENTRIES) == fixture_names()


@pytest.mark.parametrize("name", sorted(EXPECTED_ENTRIES))
def test_fixture_entry_count(feed_server: FeedServer, name: str) -> None:
    parsed = fetch_and_parse(feed_server.url(f"/f/{name}"))
    assert len(parsed.entries) == EXPECTED_ENTRIES[name]
    assert all(e.guid and e.title for e in parsed.entries)
    assert len({e.guid for e in parsed.entries}) == len(parsed.entries)


def test_undeclared_latin1_and_localised_dates(feed_server: FeedServer) -> None:
    parsed = fetch_and_parse(feed_server.url("/f/rss-parser__uolNoticias.rss"))
    assert parsed.error is None
    assert any("simulações de 2º turno" in e.title for e in parsed.entries)
    first = parsed.entries[0]
    assert first.published is None, "a Portuguese date is not guessed"
    assert first.published_raw is not None and first.published_raw.startswith("Seg, 24 Set 2018")


def test_feedburner_origlink_is_the_canonical_url(feed_server: FeedServer) -> None:
    parsed = fetch_and_parse(feed_server.url("/f/rss-parser__encoding.rss"))
    first = parsed.entries[0]
    assert first.link is not None and first.link.startswith("http://feeds.jn.pt/")
    assert first.canonical is not None and first.canonical.startswith("https://www.jn.pt/")
    assert "Notícias" in (parsed.title or "")


def test_root_relative_links_resolve_against_the_feed_address(feed_server: FeedServer) -> None:
    parsed = fetch_and_parse(
        feed_server.url("/f/NetNewsWire__qemu.atom"), "https://www.qemu.org/feed.xml"
    )
    assert parsed.entries[0].link == "https://www.qemu.org/2025/08/26/qemu-10-1-0/"


def test_xml_base_and_dates(feed_server: FeedServer) -> None:
    parsed = fetch_and_parse(feed_server.url("/f/NetNewsWire__DaringFireball.atom"))
    assert parsed.kind == "atom10" and parsed.title == "Daring Fireball"
    assert all(e.link and e.link.startswith("http") for e in parsed.entries)
    assert all(e.published and e.published.endswith("+00:00") for e in parsed.entries)


def test_json_feed_11_offsets_become_utc(feed_server: FeedServer) -> None:
    parsed = fetch_and_parse(feed_server.url("/f/NetNewsWire__3960.json"))
    assert parsed.kind == "json11"
    first = parsed.entries[0]
    assert first.published_raw == "2020-02-21T18:08:06+01:00"
    assert first.published == "2020-02-21T17:08:06+00:00"


def test_json_feed_10(feed_server: FeedServer) -> None:
    parsed = fetch_and_parse(feed_server.url("/f/NetNewsWire__DaringFireball.json"))
    assert parsed.kind == "json10" and parsed.title == "Daring Fireball"
    assert all(e.summary for e in parsed.entries), "content_html becomes the text"
    assert not any("<" in e.summary and ">" in e.summary for e in parsed.entries[:5])


def test_truncated_feed_keeps_its_title_and_is_an_error(feed_server: FeedServer) -> None:
    parsed = fetch_and_parse(feed_server.url("/f/feed-rs__rss_2.0_invalid_1.xml"))
    assert parsed.title == "Reuters: Most Read Articles"
    assert parsed.entries == () and parsed.error is not None
    assert "malformed" in parsed.error


def test_cut_feed_keeps_the_entries_before_the_cut() -> None:
    data = server_fixture("rss-parser__guardian.rss")[:60_000]
    parsed = parse_feed(data, {"content-type": "application/rss+xml"}, "https://x.example/")
    assert 0 < len(parsed.entries) < 55
    assert parsed.error is None and parsed.warning is not None


def server_fixture(name: str) -> bytes:
    from tests.core.feeds_server import FEED_FIXTURES

    return (FEED_FIXTURES / name).read_bytes()


def test_a_web_page_is_not_a_feed(feed_server: FeedServer) -> None:
    parsed = fetch_and_parse(feed_server.url("/page"))
    assert parsed.error == "this is a web page, not a feed" and parsed.entries == ()


def test_billion_laughs_is_inert(feed_server: FeedServer) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parsed = fetch_and_parse(feed_server.url("/bomb"))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100
    text = (parsed.title or "") + "".join(e.title for e in parsed.entries)
    assert "lollollol" not in text


def test_external_entities_are_not_read(feed_server: FeedServer) -> None:
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    parsed = fetch_and_parse(feed_server.url("/xxe"))
    text = (parsed.title or "") + "".join(e.title + e.summary for e in parsed.entries)
    assert not hostname or hostname not in text


def test_escapes_and_markup_in_titles_are_kept_as_text() -> None:
    feed = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>A&#27;[31mred[bold]</title>"
        b"<item><title>[link=http://evil]x[/link] \x1b]8;;http://e\x07y</title>"
        b"<link>http://a.example/1</link><pubDate>someday</pubDate></item></channel></rss>"
    )
    parsed = parse_feed(feed, {}, "http://a.example/feed")
    assert parsed.title is not None and "[bold]" in parsed.title
    entry = parsed.entries[0]
    assert entry.title.startswith("[link=http://evil]x[/link]")
    assert entry.published is None and entry.published_raw == "someday"


def test_summary_html_becomes_text_without_scripts() -> None:
    feed = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item>"
        b"<title>x</title><link>http://a.example/1</link><description>&lt;p onclick='x'&gt;"
        b"Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;"
        b"</description></item></channel></rss>"
    )
    entry = parse_feed(feed, {}, "http://a.example/feed").entries[0]
    assert entry.summary == "Hello world"


XML_BASE_DOC = (
    b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' xml:base='https://a.example/'>"
    b"<title>t</title><entry xml:base='/news/'><id>1</id><title>One &amp; two</title>"
    b"<link href='story-1'/><content type='html'>&lt;p&gt;line\none &amp;amp; more&lt;/p&gt;"
    b"</content></entry><entry><id>2</id><title>Two</title><link href='/x/2'/></entry></feed>"
)


def feedparser_results(module: Any) -> str:
    """What `module.parse` makes of every fixture and a few crafted feeds, as JSON text."""
    from tests.core.feeds_server import BOMB, FEED_FIXTURES, TYPES, XXE

    documents = [
        (name, (FEED_FIXTURES / name).read_bytes(), TYPES.get(Path(name).suffix, ""))
        for name in fixture_names()
    ]
    documents += [
        ("bomb", BOMB.encode(), "application/rss+xml"),
        ("xxe", XXE.encode(), "application/rss+xml"),
        ("xml-base", XML_BASE_DOC, "application/atom+xml"),
    ]
    results = {}
    for name, content, content_type in documents:
        parsed = module.parse(
            io.BytesIO(content),
            response_headers={
                "content-location": f"https://feeds.example/{name}",
                "content-type": content_type,
            },
            sanitize_html=False,
            resolve_relative_uris=False,
        )
        results[name] = {
            "version": parsed.get("version"),
            "bozo": type(parsed.get("bozo_exception")).__name__,
            "feed": parsed.get("feed"),
            "entries": parsed.get("entries"),
        }
    return json.dumps(results, sort_keys=True, default=repr)


def test_tuned_feedparser_reads_everything_as_plain_feedparser_does() -> None:
    """The memoised URL joins and buffered SAX text change the speed, not the result."""
    plain = subprocess.run(
        [
            sys.executable,
            "-c",
            "import feedparser; from tests.core.test_feeds_parse import feedparser_results;"
            " print(feedparser_results(feedparser))",
        ],
        capture_output=True,
        check=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    tuned = feedparser_results(tuned_feedparser())
    assert '"link": "https://a.example/news/story-1"' in tuned, "xml:base is followed"
    assert tuned == plain


HOSTILE_SUMMARY = (
    "<p onclick='x()'>Deal <b>done</b></p><img src=x onerror=alert(1)>"
    "<iframe src='javascript:alert(2)'></iframe><a href='javascript:alert(3)'>terms</a>"
    "<style>body{display:none}</style><svg onload=alert(4)><circle/></svg>"
    "<script>steal()</script><noscript>enable scripts</noscript><!-- <b>hidden</b> -->"
)


@pytest.mark.parametrize("wrap", ["escaped", "cdata"])
def test_hostile_html_in_a_summary_comes_out_as_plain_text(wrap: str) -> None:
    """Feed HTML is never rendered: whatever it holds becomes inert text, tags dropped."""
    body = html.escape(HOSTILE_SUMMARY) if wrap == "escaped" else f"<![CDATA[{HOSTILE_SUMMARY}]]>"
    feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>x"
        f"</title><link>http://a.example/1</link><description>{body}</description></item>"
        "</channel></rss>"
    ).encode()
    entry = parse_feed(feed, {}, "http://a.example/feed").entries[0]
    assert entry.summary == "Deal done\nterms"
    assert not any(mark in entry.summary for mark in ("<", ">", "alert", "steal", "hidden"))


def test_xhtml_content_with_scripts_comes_out_as_plain_text() -> None:
    feed = (
        b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
        b"<entry><id>1</id><title>x</title><link href='http://a.example/1'/>"
        b"<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>Plant "
        b"<em>opens</em></p><script>steal()</script><img src='x' onerror='alert(1)'/></div>"
        b"</content></entry></feed>"
    )
    entry = parse_feed(feed, {}, "http://a.example/feed").entries[0]
    assert entry.summary == "Plant opens"
