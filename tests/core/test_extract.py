"""HTML extraction on the real dev pages (read at run time) and on pages written here."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.paths import CORPUS
from tui.core.errors import ExtractError
from tui.core.model import Article
from tui.core.sources.extract import STRUCK_CLOSE, STRUCK_OPEN, article_from_html

DEV = CORPUS / "dev"
PAGES = sorted(p.stem for p in DEV.glob("*.html"))
MIN_PAGE_F1 = 0.7
MIN_MEAN_F1 = 0.93
MIN_PARAGRAPHS_FOUND = 0.75
"""Share of each page's gold paragraphs that must appear verbatim (whitespace collapsed)."""


def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEV / f"{name}.json").read_text(encoding="utf-8"))
    return data


@cache
def extracted(name: str) -> Article:
    html = (DEV / f"{name}.html").read_text(encoding="utf-8", errors="replace")
    return article_from_html(html, gold(name)["url"])


def token_f1(found: str, expected: str) -> float:
    got, want = (
        Counter(re.findall(r"\w+", found.lower())),
        Counter(re.findall(r"\w+", expected.lower())),
    )
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def test_corpus_is_there() -> None:
    assert len(PAGES) >= 15


@pytest.mark.parametrize("name", PAGES)
def test_dev_page_metadata_and_body(name: str) -> None:
    article, expected = extracted(name), gold(name)
    assert article.title == expected["title"]
    assert article.lang == expected["lang"]
    assert article.url == article.source == expected["url"]
    assert article.site and article.published
    assert token_f1(article.body, expected["body"]) >= MIN_PAGE_F1
    for paragraph in article.paragraphs:
        assert paragraph == " ".join(paragraph.split())  # whitespace collapsed
    assert "\n\n\n" not in article.body and STRUCK_OPEN not in article.body


@pytest.mark.parametrize("name", PAGES)
def test_dev_page_body_contains_the_gold_paragraphs(name: str) -> None:
    body = " ".join(extracted(name).body.split())
    wanted = [" ".join(p.split()) for p in gold(name)["body"].split("\n\n") if p.strip()]
    found = sum(paragraph in body for paragraph in wanted)
    assert found / len(wanted) >= MIN_PARAGRAPHS_FOUND


@pytest.mark.parametrize("name", PAGES)
def test_dev_page_body_leaves_out_title_teasers_and_related(name: str) -> None:
    article, expected = extracted(name), gold(name)
    assert article.paragraphs[0] != expected["title"]
    for post in expected["related"]:
        assert post["title"] not in article.paragraphs
    for paragraph in article.paragraphs:
        assert not re.match(r"(read more|lire aussi|à lire aussi)\b", paragraph, re.I)


def test_dev_pages_mean_f1() -> None:
    scores = [token_f1(extracted(n).body, gold(n)["body"]) for n in PAGES]
    assert sum(scores) / len(scores) >= MIN_MEAN_F1


SENTENCES = (
    "The harbour authority published its quarterly figures on a grey Tuesday morning.",
    "Freight volumes rose for the third quarter in a row, led by container traffic.",
    "Officials said the new cranes had shortened the average stay of a ship by a day.",
    "Local hauliers welcomed the change but warned that the roads were still congested.",
    "A second terminal is planned, although its financing has not yet been agreed.",
    "The council will debate the plan next month after a public consultation.",
)


def page(body_html: str, *, title: str = "Harbour traffic grows again", extra: str = "") -> str:
    paragraphs = "".join(f"<p>{s} {s}</p>" for s in SENTENCES)
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Harbour | Port News</title>"
        "<meta property='og:site_name' content='Port News'>"
        "<meta name='author' content='Jane Marlow'>"
        "<meta property='article:published_time' content='2024-05-02T08:00:00Z'></head>"
        "<body><nav><a href='/'>Home</a><a href='/ports'>Ports</a></nav>"
        f"<article><h1>{title}</h1>{body_html}{paragraphs}</article>{extra}"
        "<footer><p>Copyright Port News, all rights reserved.</p></footer></body></html>"
    )


def test_written_page_metadata() -> None:
    article = article_from_html(page(""), "https://news.example.org/2024/harbour-traffic")
    assert article.title == "Harbour traffic grows again"
    assert (article.site, article.author, article.published) == (
        "Port News",
        "Jane Marlow",
        "2024-05-02",
    )
    assert article.lang == "en"
    assert article.paragraphs[0] == f"{SENTENCES[0]} {SENTENCES[0]}"
    assert "Copyright" not in article.body and "Home" not in article.body


def test_struck_text_is_kept_and_its_spans_recorded() -> None:
    html = page(
        "<p>The toll was <del>twelve euros</del> ten euros, and the fee <s>rose</s> fell; "
        "the old rule <strike>applied to <b>all ships</b></strike> is gone now for good.</p>"
    )
    article = article_from_html(html, None)
    struck = [article.body[a:b] for a, b in article.struck]
    assert struck == ["twelve euros", "rose", "applied to all ships"]
    assert "The toll was twelve euros ten euros" in article.body
    assert STRUCK_OPEN not in article.body and STRUCK_CLOSE not in article.body


def test_captions_credits_share_bars_and_cookie_banners_are_left_out() -> None:
    html = page(
        "<figure><img src='a.jpg'><figcaption>Cranes at dawn, seen from the pier.</figcaption>"
        "<span class='credit'>Photo: Ana Lopes</span></figure>"
        "<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>"
        "<p>Read more: Ferry operator cuts its winter timetable</p>",
        extra="<div class='cookie-banner'><p>We use cookies to improve your experience. "
        "Accept all cookies?</p></div>",
    )
    article = article_from_html(html, "https://news.example.org/a/harbour-traffic-grows")
    for unwanted in ("Cranes at dawn", "Ana Lopes", "Share on", "Read more", "cookies"):
        assert unwanted not in article.body
    assert article.photo_credit == "Photo: Ana Lopes"


def test_french_page_without_lang_attribute_is_guessed() -> None:
    texte = (
        "<p>Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine, "
        "après un long débat sur les transports et la rénovation des écoles.</p>"
        * 3
        + "<p>Les élus de l'opposition ont dénoncé une hausse des impôts locaux qui pèsera sur "
        "les ménages, mais la majorité a défendu des choix qu'elle juge nécessaires.</p>" * 3
    )
    html = f"<html><body><article><h1>Le budget est voté</h1>{texte}</article></body></html>"
    assert article_from_html(html, None).lang == "fr"
    mislabelled = html.replace("<html>", "<html lang='en'>")
    assert article_from_html(mislabelled, None).lang == "fr"
    assert article_from_html(html.replace("<html>", "<html lang='de'>"), None).lang == "de"


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("<html><body></body></html>", "holds no article text"),
        ("\x00\x01\x02 binary \xff\xfe", "holds no article text|not HTML|could not"),
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "holds no article text"),
        ("<<<<>>>><div><p>unclosed <b><i>tags", "holds no article text|not HTML|could not"),
    ],
)
def test_pages_without_an_article_raise_extract_error(html: str, message: str) -> None:
    with pytest.raises(ExtractError, match=message):
        article_from_html(html, "https://news.example.org/x")


def test_error_names_the_file_when_there_is_no_url() -> None:
    with pytest.raises(ExtractError, match=r"^/data/page\.html holds no article text\.$"):
        article_from_html("<html><body></body></html>", None, source="/data/page.html")
    with pytest.raises(ExtractError, match=r"^The page from news\.example\.org is empty\.$"):
        article_from_html("", "https://news.example.org/x", source="/data/page.html")


def test_cookie_wall_is_named() -> None:
    html = (
        "<html><body><div class='consent'><h2>We value your privacy</h2>"
        "<p>We and our partners use cookies to store and access information on your device.</p>"
        "<button>Accept all</button><button>Manage options</button></div></body></html>"
    )
    with pytest.raises(ExtractError, match="cookie or consent wall"):
        article_from_html(html, "https://news.example.org/story")


TAGS = [
    "<p>",
    "</p>",
    "<div class='share'>",
    "</div>",
    "<del>",
    "</del>",
    "<s>",
    "<h1>",
    "</h1>",
    "<article>",
    "<a href='/x-y-z'>",
    "</a>",
    "<!--",
    "-->",
    "<script>",
    "&amp;",
    "<table><tr><td>",
    "<![CDATA[",
    "\x00",
    "<?xml version='1.0' encoding='latin-1'?>",
    "<meta charset='x'>",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=40)), max_size=40))
def test_any_markup_gives_an_article_or_an_extract_error(parts: list[str]) -> None:
    html = "".join(parts)
    try:
        article = article_from_html(html, "https://news.example.org/a-b-c")
    except ExtractError as error:
        assert str(error).endswith(".")
        return
    assert article.body.strip()
    for start, end in article.struck:
        assert 0 <= start < end <= len(article.body)


def _page(items: list[str]) -> str:
    prose = "<p>" + "The strike fund has paid out money to workers on every site this year. " * 3
    body = prose + "</p>" + "".join(f"<p>{item}</p>" for item in items) + prose + "</p>"
    return f"<html><body><article><h1>Strike fund</h1>{body}</article></body></html>"


def test_a_dated_list_of_press_links_is_not_body() -> None:
    items = [f"{day} mars 2020 : Article Le Journal – Une grève qui dure ?" for day in range(1, 7)]
    article = article_from_html(_page(items), "https://example.test/a")
    assert "Le Journal" not in article.body
    assert "strike fund has paid" in article.body


def test_a_chronology_written_as_sentences_is_kept() -> None:
    items = [
        f"{day} mars 2020 : le syndicat appelle à la grève sur un nouveau site."
        for day in range(1, 7)
    ]
    article = article_from_html(_page(items), "https://example.test/a")
    assert article.body.count("le syndicat appelle") == 6


def _words(article: Article) -> set[str]:
    return set(re.findall(r"\w+", article.body.lower()))


@pytest.mark.parametrize("names", ["barometer-story", "story-text toolbar-aware", "slider-box"])
def test_an_article_box_named_like_a_widget_is_kept_whole(names: str) -> None:
    """`bar` and `slide` are boilerplate words that also occur inside a layout class."""
    paragraphs = "".join(f"<p>{s} {s}</p>" for s in SENTENCES)
    about = "<p>About the author: she has covered shipping and ports for many years.</p>" * 4
    html = (
        "<html><body><article><h1>Harbour traffic grows again</h1>"
        f"<div class='{names}'>{paragraphs}</div>{about}</article></body></html>"
    )
    article = article_from_html(html, "https://news.example.org/2024/harbour-traffic")
    for sentence in SENTENCES:
        assert sentence in article.body


def test_words_inside_a_classed_span_stay_in_their_sentence() -> None:
    html = page(
        "<p>The port director said <span class='link'><a href='/x'>the new cranes</a></span> "
        "would pay for themselves within four years of steady use.</p>"
    )
    article = article_from_html(html, "https://news.example.org/2024/harbour-traffic")
    assert "said the new cranes would pay" in article.body


def test_text_between_sub_headings_without_paragraph_tags_is_kept() -> None:
    sections = "".join(
        f"<h2>Part {n}: the quays</h2>{SENTENCES[n]} {SENTENCES[n]}<br>" for n in range(4)
    )
    html = (
        "<html><body><main><h1>Harbour traffic grows again</h1>"
        f"<section class='story'>{sections}</section></main></body></html>"
    )
    article = article_from_html(html, None)
    for sentence in SENTENCES[:4]:
        assert sentence in article.body


def test_a_deals_page_keeps_its_priced_items_and_product_headings() -> None:
    deals = "".join(
        f"<h3><a href='https://shop.example.com/p{n}'>Cordless drill model {n}</a></h3>"
        f"<p>{SENTENCES[n]} {SENTENCES[n]}</p>"
        f"<ul><li><a href='https://shop.example.com/buy{n}'>Get it at the shop for $"
        f"{n}9.99</a></li></ul>"
        for n in range(5)
    )
    html = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/deals'>Deals</a>"
        f"</li></ul></nav><article><h1>Today's tool deals</h1>{deals}</article></body></html>"
    )
    article = article_from_html(html, "https://news.example.org/2024/tool-deals")
    for n in range(5):
        assert f"Cordless drill model {n}" in article.paragraphs
        assert f"Get it at the shop for ${n}9.99" in article.paragraphs
    assert "Home" not in article.paragraphs
