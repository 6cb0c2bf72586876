"""A page's metadata: headline, author, date, site, categories, language.

trafilatura's metadata pass does the reading (meta tags, JSON-LD, htmldate); this module
prefers the visible headline, tidies the author line and guesses the language from
stopwords when the page does not declare it, or declares it wrongly.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

from tui.core.language import guess_language

_OUTSIDE = ("nav", "footer", "aside")
_ROLE = re.compile(
    r"\b(staff|writer|reporter|correspondent|editor|contributor|journaliste|rédact\w*|"
    r"envoyée? spécial\w*)\b",
    re.I,
)
_BYLINE = re.compile(r"^(by|par|auteur|author|de)\s*:?\s+", re.I)
_BYLINE_XPATH = (
    "//*[@rel='author'] | //*[@itemprop='author'] | //*[contains(@class, 'byline')]"
    " | //*[contains(@class, 'author')]"
)
_BYLINE_CANDIDATES = 10
_BYLINE_WORDS = 5
_JUNK_CATEGORY = re.compile(r"^(post|page|article|home|homepage|news|uncategori[sz]ed)$", re.I)
_SUFFIX = re.compile(r"\s+[-–—|:·]\s+[^-–—|:·]{2,40}$")

OVERRIDE_WORDS = 50
"""A body this long whose stop words say another language overrides the page's `lang`."""


@dataclass(frozen=True)
class PageMeta:
    """What the page says about its article, tidied."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    site: str | None = None
    categories: tuple[str, ...] = ()
    photo_credit: str | None = None
    declared_lang: str | None = None
    canonical: str | None = None
    """The page's own absolute address (`og:url`, canonical link), when it gives one."""

    def lang_for(self, body: str) -> str | None:
        """The declared language, unless a long enough body's stop words say otherwise.

        Templates often keep `lang="en"` on pages written in French, and the reverse.
        """
        guessed = guess_language(body)
        if self.declared_lang is None:
            return guessed
        long_enough = len(body.split()) >= OVERRIDE_WORDS
        if guessed and long_enough and self.declared_lang in {"fr", "en"}:
            return guessed
        return self.declared_lang


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _outside_article(element: HtmlElement) -> bool:
    """In navigation, a footer, an aside, or the page's (not the article's) header."""
    tags = [a.tag for a in element.iterancestors()]
    if any(tag in _OUTSIDE for tag in tags):
        return True
    if "header" in tags:
        above = tags[tags.index("header") :]
        return "article" not in above and "main" not in above
    return False


def _headline(tree: HtmlElement, site: str | None) -> str | None:
    """The first visible h1 that reads like a headline (not a logo, not in a sidebar)."""
    for h1 in tree.iter("h1"):
        if _outside_article(h1):
            continue
        text = _text(h1)
        if len(text.split()) >= 2 and (not site or text.casefold() != site.casefold()):
            return text
    return None


def _strip_site(title: str, site: str | None) -> str:
    match = _SUFFIX.search(title)
    if match and (not site or site.casefold() in match.group(0).casefold()):
        return title[: match.start()].strip()
    return title


def _author(raw: str | None) -> str | None:
    if not raw:
        return None
    parts = [_BYLINE.sub("", p.strip()) for p in raw.split(";")]
    names = [p for p in parts if p and not _ROLE.search(p)]
    return ", ".join(dict.fromkeys(names)) or None


def _declared_lang(tree: HtmlElement) -> str | None:
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    candidates += tree.xpath(
        "//meta[@http-equiv='content-language' or @property='og:locale']/@content"
    )
    for value in candidates:
        text = str(value or "").strip()
        if re.match(r"^[A-Za-z]{2}(?![A-Za-z])", text):
            return text[:2].lower()
    return None


def _byline(tree: HtmlElement) -> str | None:
    """A visible author line (`rel=author`, a byline or author class), when meta tags lack it.

    Cheaper than trafilatura's author search, which copies and prunes the whole tree.
    """
    for element in tree.xpath(_BYLINE_XPATH)[:_BYLINE_CANDIDATES]:
        text = _BYLINE.sub("", _text(element))
        if 2 <= len(text.split()) <= _BYLINE_WORDS and not any(c.isdigit() for c in text):
            return text
    return None


def _canonical(url: str | None) -> str | None:
    if url and urlsplit(url).scheme in {"http", "https"} and urlsplit(url).hostname:
        return url
    return None


def _photo_credit(tree: HtmlElement) -> str | None:
    for element in tree.xpath("//figure//*[contains(@class, 'credit')]"):
        text = _text(element)
        if 0 < len(text) <= 80:
            return text
    return None


def read_document_meta(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura's metadata pass without its slow category and licence scans.

    Meta tags and JSON-LD first; the title, author and site-name searches of the page only
    when those say nothing; the date from htmldate.
    """
    document = examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader is not defensive
        document = extract_meta_json(tree, document)
    document.title = document.title or extract_title(tree)
    document.author = document.author or _byline(tree)
    document.url = url or document.url or extract_url(tree)
    document.date = find_date(tree, extensive_search=False, original_date=True, url=document.url)
    document.sitename = (document.sitename or extract_sitename(tree) or "").lstrip("@") or None
    document.hostname = urlsplit(url).hostname if url else None
    return document


def page_meta(tree: HtmlElement, url: str | None, document: Document | None = None) -> PageMeta:
    """Tidy the page's metadata (read with `read_document_meta` unless given)."""
    document = document or read_document_meta(tree, url)
    host = urlsplit(url).hostname if url else None
    site = document.sitename or (host.removeprefix("www.") if host else None)
    title = _headline(tree, site) or (_strip_site(document.title, site) if document.title else None)
    categories = tuple(
        dict.fromkeys(
            c.strip()
            for c in document.categories or ()
            if c.strip() and not _JUNK_CATEGORY.match(c.strip())
        )
    )
    return PageMeta(
        title=title,
        author=_author(document.author),
        published=document.date or None,
        site=site,
        categories=categories,
        photo_credit=_photo_credit(tree),
        declared_lang=_declared_lang(tree),
        canonical=_canonical(document.url),
    )
