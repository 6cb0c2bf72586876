"""Subscription lists: the shared OPML fixtures, newsboat's urls file, and hostile lists."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from tests.core.feeds_server import FEED_FIXTURES
from tui.core.errors import LoadError
from tui.core.feeds.opml import (
    MAX_TAG_DEPTH,
    read_opml,
    read_subscriptions,
    read_urls_file,
    write_opml,
)


def test_folders_become_tags() -> None:
    found = read_opml((FEED_FIXTURES / "NetNewsWire__Subs.opml").read_bytes())
    assert len(found.feeds) == 207 and not found.skipped
    tags = Counter(tag for feed in found.feeds for tag in feed.tags)
    assert tags == {"Weblogs": 97, "Programming": 33, "Macintosh": 5, "Writers": 3}
    first = found.feeds[0]
    assert (first.url, first.title) == ("http://daringfireball.net/feeds/main", "Daring Fireball")
    assert first.site == "http://daringfireball.net/"


def test_flat_opml_20_with_json_feeds() -> None:
    found = read_opml((FEED_FIXTURES / "NetNewsWire__DefaultFeeds.opml").read_bytes())
    assert len(found.feeds) == 10 and all(not f.tags for f in found.feeds)
    assert any("json" in f.url for f in found.feeds)


def test_newsboat_categories_are_tags() -> None:
    found = read_opml((FEED_FIXTURES / "newsboat__category.opml").read_bytes())
    [feed] = found.feeds
    assert feed.tags == ("tag one", "tag_two", "tag/three")
    assert feed.title is None and feed.site is None


def test_export_then_import_gives_the_same_feeds_and_tags() -> None:
    found = read_opml((FEED_FIXTURES / "NetNewsWire__Subs.opml").read_bytes())
    found.feeds.extend(read_opml((FEED_FIXTURES / "newsboat__category.opml").read_bytes()).feeds)
    again = read_opml(write_opml(found.feeds).encode())
    assert sorted(again.feeds, key=lambda f: f.url) == sorted(found.feeds, key=lambda f: f.url)


def test_entity_declarations_are_refused() -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE opml [{lol}]><opml><body>'
    bomb += '<outline xmlUrl="http://a.example/&l9;"/></body></opml>'
    with pytest.raises(LoadError, match="declares XML entities"):
        read_opml(bomb.encode(), "bomb.opml")
    xxe = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    xxe += '<opml><body><outline xmlUrl="http://a.example/&x;"/></body></opml>'
    with pytest.raises(LoadError, match="declares XML entities"):
        read_opml(xxe.encode(), "xxe.opml")


def test_ten_thousand_outlines_and_deep_nesting_are_read_whole() -> None:
    many = "".join(f'<outline text="f{i}" xmlUrl="http://a.example/{i}"/>' for i in range(10_000))
    started = time.monotonic()
    found = read_opml(f"<opml><body>{many}</body></opml>".encode())
    assert len(found.feeds) == 10_000 and time.monotonic() - started < 5
    depth = 10_000
    nested = '<outline text="loop">' * depth + '<outline xmlUrl="http://deep.example/"/>'
    nested += "</outline>" * depth
    found = read_opml(f"<opml><body>{nested}</body></opml>".encode())
    [feed] = found.feeds
    assert feed.tags == ("/".join(["loop"] * MAX_TAG_DEPTH),)


def test_broken_opml_keeps_what_was_read_and_says_so() -> None:
    cut = '<opml><body><outline xmlUrl="http://a.example/1"/><outline xmlUrl="http://a'
    found = read_opml(cut.encode(), "cut.opml")
    assert [f.url for f in found.feeds] == ["http://a.example/1"] and found.skipped
    with pytest.raises(LoadError, match="not a readable OPML"):
        read_opml(b"<opml><body", "empty.opml")
    with pytest.raises(LoadError, match="not an OPML"):
        read_opml(b"<rss version='2.0'></rss>", "feed.xml")


def test_newsboat_urls_file() -> None:
    text = (
        "# my feeds\n"
        'https://a.example/feed.xml news "money matters" ~Alpha\n'
        "\n"
        "http://b.example/rss !\n"
        'query:Unread:unread = "yes"\n'
        "exec:~/bin/make-feed\n"
    )
    found = read_urls_file(text)
    assert [(f.url, f.title, f.tags) for f in found.feeds] == [
        ("https://a.example/feed.xml", "Alpha", ("news", "money matters")),
        ("http://b.example/rss", None, ()),
    ]
    assert len(found.skipped) == 2 and "exec" in found.skipped[1]
    assert read_subscriptions(text.encode(), "urls").feeds == found.feeds
