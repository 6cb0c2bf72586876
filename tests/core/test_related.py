"""Related posts found on the real dev pages (read at run time) and on a page written here."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from tests.paths import CORPUS
from tui.core.model import RelatedPost
from tui.core.sources.related import related_from_html

DEV = CORPUS / "dev"
TARGET = 0.85


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


ARTICLE = "".join(
    f"<p>The harbour board met on day {n} to discuss the dredging contract and the budget "
    "for the new quay, which the pilots have asked for since the winter storms.</p>"
    for n in range(1, 6)
)
PAGE_URL = "https://www.example.com/2024/05/harbour-board-meets"


def with_list(items: str, *, heading: str = "Latest news", wrapper: str = "page") -> str:
    return (
        f"<html><body><div class='{wrapper}'><main><article><h1>Harbour board meets</h1>"
        f"{ARTICLE}</article><section><h2>{heading}</h2>{items}</section></main></div>"
        "</body></html>"
    )


def card(slug: str, title: str, summary: str = "") -> str:
    return f"<div class='card'><a href='/2024/05/{slug}'><h3>{title}</h3>{summary}</a></div>"


STORIES = [
    ("new-ferry-timetable-published", "New ferry timetable published"),
    ("crane-drivers-agree-pay-deal", "Crane drivers agree a pay deal"),
    ("fish-market-moves-to-the-east-quay", "Fish market moves to the east quay"),
]


def titles(html: str) -> list[str]:
    return [post.title for post in related_from_html(html, PAGE_URL)]


def test_a_contest_card_in_a_list_is_not_a_post() -> None:
    items = "".join(card(slug, title) for slug, title in STORIES)
    items += card("win-a-weekend-on-a-lighthouse", "Enter our contest: a weekend on a lighthouse")
    items += (
        "<div class='card'><a href='/2024/05/cruise-line-offers-discounts'>"
        "<h3>Cruise line offers discounts all summer</h3></a><span>Sponsored</span></div>"
    )
    assert titles(with_list(items)) == [title for _, title in STORIES]


def test_a_lists_heading_linked_to_its_section_is_not_a_post() -> None:
    items = card("more-harbour-news-stories", "More harbour news")
    items += "".join(card(slug, title) for slug, title in STORIES)
    assert titles(with_list(items)) == [title for _, title in STORIES]


def test_a_card_title_is_its_headline_not_the_headline_and_summary() -> None:
    items = "".join(
        "<div class='card'>"
        f"<a href='/2024/05/{slug}'><div class='card-title-wrap'><h4>{title}</h4>"
        "<p class='dek'>A longer line that tells the story in one sentence for readers.</p>"
        "</div></a></div>"
        for slug, title in STORIES
    )
    assert titles(with_list(items)) == [title for _, title in STORIES]


def test_a_summary_used_as_link_text_is_not_a_headline() -> None:
    summary = (
        "The board said on Tuesday that the work would start in the autumn and last for "
        "two years, with the quay open to ships for most of that time."
    )
    items = "".join(card(slug, title) for slug, title in STORIES)
    items += f"<div class='card'><a href='/2024/05/quay-work-to-start'>{summary}</a></div>"
    assert titles(with_list(items)) == [title for _, title in STORIES]


def test_a_link_in_sentences_written_straight_into_a_div_is_not_a_post() -> None:
    running = (
        "<div class='text'>The board first discussed <a href='/2024/01/the-old-quay-plan-"
        "explained'>the old quay plan and its history</a> before it moved on to the budget, "
        "which the treasurer presented with the auditors' notes and a long list of questions."
        "</div>"
    )
    html = with_list("".join(card(slug, title) for slug, title in STORIES)).replace(
        "</article>", running + "</article>"
    )
    assert titles(html) == [title for _, title in STORIES]


def test_a_page_wrapper_named_like_an_ad_does_not_hide_the_lists() -> None:
    items = "".join(card(slug, title) for slug, title in STORIES)
    html = with_list(items, wrapper="advertisement-offcanvas-pusher")
    assert titles(html) == [title for _, title in STORIES]


def test_a_long_story_feed_is_listed_whole() -> None:
    items = "".join(
        card(f"harbour-story-number-{n}-today", f"Harbour story number {n}") for n in range(60)
    )
    assert len(titles(with_list(items))) == 60
