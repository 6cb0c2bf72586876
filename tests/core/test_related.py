"""Related posts found on the real dev pages (read at run time) and on a page written here."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from tests.paths import CORPUS
from tui.core.model import RelatedPost
from tui.core.sources.related import related_from_html

DEV = CORPUS / "dev"
TARGET = 0.8


def dev_pages() -> list[tuple[str, dict[str, Any]]]:
    pages = []
    for html in sorted(DEV.glob("*.html")):
        gold = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
        pages.append((html.read_text(encoding="utf-8", errors="replace"), gold))
    return pages


def test_dev_pages_recall_and_precision() -> None:
    found = expected = hits = 0
    for html, gold in dev_pages():
        if not gold["related"]:
            continue
        want = {urljoin(gold["url"], r["url"]) for r in gold["related"]}
        got = {r.url for r in related_from_html(html, gold["url"])}
        found, expected, hits = found + len(got), expected + len(want), hits + len(got & want)
    assert expected > 40
    assert hits / expected >= TARGET
    assert hits / found >= TARGET


def test_dev_pages_links_are_absolute_unique_and_not_the_page() -> None:
    for html, gold in dev_pages():
        posts = related_from_html(html, gold["url"])
        urls = [p.url for p in posts]
        assert len(urls) == len(set(urls))
        for post in posts:
            assert post.url and post.url.startswith(("https://", "http://"))
            assert post.url.rstrip("/") != gold["url"].rstrip("/")
            assert len(post.title.split()) >= 2


PAGE = """<!DOCTYPE html><html><head><title>Tide tables</title></head><body>
<header><nav class="topnav"><a href="/2024/05/harbour-master-retires-after-forty-years">
Harbour master retires after forty years</a></nav></header>
<main><article><h1>Tide tables move online</h1>
<p>The port published its tide tables online for the first time this spring, and said the
printed booklet would be withdrawn. See <a href="/2024/05/printed-booklets-a-short-history">
this short history of the booklet</a> for the background and the story of its printers.</p>
<p>Sailors had asked for the change for years, the harbour office said in a statement, and
the new pages will be updated every morning with corrections from the pilots.</p>
<p>LIRE AUSSI <a href="/2024/04/pilots-strike-ends-after-two-days">Pilots strike ends after
two days</a></p>
<p>The office added that paper copies would remain on sale at the visitor centre until the
end of the season, while stocks last, for those who prefer them on board.</p>
</article>
<section class="box"><h2>Read next</h2><ul>
<li><a href="/2024/05/new-ferry-route-to-the-islands"><img src="f.jpg"></a>
<a href="/2024/05/new-ferry-route-to-the-islands">Ferry route</a>
<a href="/2024/05/new-ferry-route-to-the-islands">New ferry route to the islands opens</a></li>
<li><a href="https://www.example.com/2024/05/dredging-work-delayed-again?utm=x#top">
Dredging work delayed again</a> <time datetime="2024-05-02">2 May 2024</time></li>
<li><a href="/tag/ferries">All ferry stories</a></li>
<li><a href="/2024/05/tide-tables-move-online">Tide tables move online</a></li>
<li><a href="https://other.example.net/2024/05/sponsored-cruise-deals-today">
Cruise deals you cannot miss</a></li>
<li><a href="/news/page/2">Older stories in this list</a></li>
<li><a href="https://twitter.com/intent/tweet?url=x">Share this on Twitter</a></li>
</ul></section>
<section><h2>More from the port</h2>
<article><header><h3><a href="/2024/05/new-ferry-route-to-the-islands">New ferry route</a>
</h3></header></article>
<article><header><h3><a href="/2024/02/crane-operators-win-pay-rise">Crane operators win a pay
rise</a></h3></header></article></section>
<aside><div class="promo-item"><a href="/2024/03/lighthouse-keepers-return-to-the-cape">
<h3>Lighthouse keepers return to the cape</h3><span>3 days ago</span></a>
<p>The two keepers will live at the light for the whole summer, the trust said.</p></div>
</aside>
</main>
<footer><a href="/2024/01/about-the-harbour-newsroom-team">About the harbour newsroom team</a>
</footer></body></html>"""


def test_written_page() -> None:
    posts = related_from_html(PAGE, "https://www.example.com/2024/05/tide-tables-move-online")
    assert posts == (
        RelatedPost(
            "Pilots strike ends after two days",
            "https://www.example.com/2024/04/pilots-strike-ends-after-two-days",
        ),
        RelatedPost(
            "New ferry route to the islands opens",
            "https://www.example.com/2024/05/new-ferry-route-to-the-islands",
        ),
        RelatedPost(
            "Dredging work delayed again",
            "https://www.example.com/2024/05/dredging-work-delayed-again?utm=x",
            age="2 May 2024",
        ),
        RelatedPost(
            "Crane operators win a pay rise",
            "https://www.example.com/2024/02/crane-operators-win-pay-rise",
        ),
        RelatedPost(
            "Lighthouse keepers return to the cape",
            "https://www.example.com/2024/03/lighthouse-keepers-return-to-the-cape",
            summary="The two keepers will live at the light for the whole summer, the trust said.",
            age="3 days ago",
        ),
    )


def test_page_without_url_keeps_hrefs_and_bad_html_gives_nothing() -> None:
    posts = related_from_html(PAGE, None)
    assert posts[0].url == "/2024/04/pilots-strike-ends-after-two-days"
    assert related_from_html("", None) == ()
    assert related_from_html("<p>no links</p>", "https://x.example/a") == ()
