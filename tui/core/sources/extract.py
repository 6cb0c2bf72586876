"""HTML page -> Article: trafilatura for the body, plus what it leaves out.

The stages, in order: parse once with lxml; find the related posts on the untouched tree;
read the metadata; mark struck-through text with private-use characters so it survives
trafilatura; extract the body as XML; walk that XML into paragraphs; drop teasers,
credits and widgets the extractor let through; turn the marks into `Article.struck` spans.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from tui.core.errors import ExtractError
from tui.core.model import PARAGRAPH_BREAK, Article
from tui.core.sources.html_prepare import (
    STRUCK_CLOSE,
    STRUCK_OPEN,
    WIDGET_MAX,
    prepare_tree,
    prose_box,
)
from tui.core.sources.page_meta import PageMeta, page_meta
from tui.core.sources.related import related_from_tree
from tui.core.sources.related_words import TEASER

_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "row", "list", "table", "div"})
_CONTAINERS = frozenset({"list", "table", "quote", "div"})

_CREDIT = re.compile(
    r"^\(?(additional )?(reporting|writing|editing|compiled|research) by\b"
    r"|^(photo|image|main image|picture|video|crédit|credit)s?( credit)?\s*:"
    r"|^(©|\(c\)\s|copyright\s*(©|\(c\)|\d{4}))",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"^(\S+@\S+\.\w+|(https?://)?(www\.)?(twitter|x|facebook|instagram|linkedin)\.com/\S+|@\w+)$"
)
_WIDGET_VERB = re.compile(
    r"\b(sign up|subscribe|inscrivez-vous|abonnez-vous|s'abonner|s’abonner)\b", re.I
)
_WIDGET_NOUN = re.compile(r"\b(newsletter|inbox|lettre d.information|infolettre)\b", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)

_WALL_MAX_PARAGRAPHS = 8
"""A page about cookies with fewer paragraphs than this is a consent wall, not an article."""

FALLBACK_BELOW = 500
"""A body shorter than this (characters) from the fast pass gets the full, slower pass."""

_MIN_BODY_WORDS = 8
"""Fewer words than this after cleaning is not an article."""


def article_from_html(html: str, url: str | None, *, source: str | None = None) -> Article:
    """The article in an HTML page; raises ExtractError when there is none."""
    where = _subject(url, source)
    tree = _parse(html, where)
    try:
        meta = page_meta(tree, url)
        url = url or meta.canonical
        box = prose_box(tree)
        related = related_from_tree(tree, url, box)
        prepare_tree(tree, box)
        paragraphs = _clean(_extract(tree, url, fast=True), meta.title)
        if len(" ".join(paragraphs)) < FALLBACK_BELOW:
            paragraphs = _clean(_extract(tree, url, fast=False), meta.title)
    except ExtractError:
        raise
    except Exception as error:  # lxml and trafilatura raise many kinds on broken pages
        raise ExtractError(f"{where} could not be read as HTML ({error}).") from error
    body, struck = _unmark(PARAGRAPH_BREAK.join(paragraphs))
    if len(body.split()) < _MIN_BODY_WORDS:
        raise ExtractError(_no_article(html, where))
    return Article(
        title=meta.title or (paragraphs[0][:120] if paragraphs else ""),
        body=body,
        site=meta.site,
        url=url,
        source=source or url,
        author=meta.author,
        published=meta.published,
        lang=meta.lang_for(body),
        categories=meta.categories,
        photo_credit=meta.photo_credit,
        related=related,
        struck=struck,
    )


def _extract(tree: HtmlElement, url: str | None, *, fast: bool) -> list[str]:
    """trafilatura's body as paragraphs; `fast=False` adds its fallback extractors."""
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        favor_precision=True,
        include_comments=False,
        include_formatting=True,
        include_tables=True,
    )
    if not isinstance(document, Document):
        return []
    return _paragraphs(document.body)


def _subject(url: str | None, source: str | None) -> str:
    """How error messages name the page: by its host, else by its file."""
    host = urlsplit(url).hostname if url else None
    if host:
        return f"The page from {host}"
    return source or "The page"


def _parse(html: str, where: str) -> HtmlElement:
    if not html or not html.strip():
        raise ExtractError(f"{where} is empty.")
    try:
        tree = load_html(html)
    except Exception as error:
        raise ExtractError(f"{where} could not be parsed as HTML ({error}).") from error
    if tree is None or not isinstance(tree, HtmlElement):
        raise ExtractError(f"{where} is not HTML that can be read.")
    return tree


def _no_article(html: str, where: str) -> str:
    text = html.lower()
    walled = "consent" in text or "accept" in text or "accepter" in text
    if _COOKIE.search(text) and walled and text.count("<p") < _WALL_MAX_PARAGRAPHS:
        return f"{where} shows only a cookie or consent wall, no article text."
    return f"{where} holds no article text."


def _paragraphs(body: HtmlElement | None) -> list[str]:
    """One paragraph per block of trafilatura's XML output, whitespace collapsed."""
    out: list[str] = []
    if body is None:
        return out
    for line_break in body.iter("lb"):  # a line break inside a block reads as a space
        line_break.tail = " " + (line_break.tail or "")
    for element in body:
        _collect(element, out)
        if element.tail and element.tail.strip():
            out.append(" ".join(element.tail.split()))
    return out


def _collect(element: HtmlElement, out: list[str]) -> None:
    has_blocks = any(child.tag in _BLOCKS for child in element)
    if element.tag in _CONTAINERS and has_blocks:
        if element.text and element.text.strip():
            out.append(" ".join(element.text.split()))
        for child in element:
            _collect(child, out)
            if child.tail and child.tail.strip():
                out.append(" ".join(child.tail.split()))
        return
    if element.tag == "graphic":
        return
    if element.tag == "row":
        text = " | ".join("".join(cell.itertext()) for cell in element)
    else:
        text = "".join(element.itertext())
    text = " ".join(text.split())
    if text.strip(STRUCK_OPEN + STRUCK_CLOSE + " "):
        out.append(text)


def _clean(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop what trafilatura let through: the title again, teasers, credits, widgets."""
    wanted_title = _plain(title or "")
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        plain = _plain(paragraph)
        if index < 3 and wanted_title and plain.casefold() == wanted_title.casefold():
            continue
        if _is_noise(plain):
            continue
        kept.append(paragraph)
    return _without_dated_lists(kept)


DATED_LIST_MIN = 5
"""This many short dated lines in a row are a list of links (press coverage, archives)."""
_DATED_ITEM = re.compile(
    r"^(?:\d{1,2}(?:er)?\s+\w+\.?\s+\d{4}|\w+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"\s*[:–—-]\s*\S.{0,140}$"
)


def _is_dated_item(paragraph: str) -> bool:
    text = _plain(paragraph)
    return bool(_DATED_ITEM.match(text)) and not text.endswith((".", "!"))


def _without_dated_lists(paragraphs: list[str]) -> list[str]:
    """Drop runs of `date : headline` lines not ended by a full stop: a link list, not prose.

    A headline may end with `?` or a quote; a chronology written as sentences ends its
    items with a full stop and is kept.
    """
    kept: list[str] = []
    run: list[str] = []
    for paragraph in [*paragraphs, ""]:
        if paragraph and _is_dated_item(paragraph):
            run.append(paragraph)
            continue
        if len(run) < DATED_LIST_MIN:
            kept.extend(run)
        run = []
        if paragraph:
            kept.append(paragraph)
    return kept


def _plain(text: str) -> str:
    return text.replace(STRUCK_OPEN, "").replace(STRUCK_CLOSE, "").strip()


def _is_noise(text: str) -> bool:
    if TEASER.match(text) and len(text) < WIDGET_MAX:
        return True
    if _CREDIT.match(text) and len(text) < WIDGET_MAX:
        return True
    if _CONTACT.match(text):
        return True
    if len(text) < WIDGET_MAX and _WIDGET_VERB.search(text) and _WIDGET_NOUN.search(text):
        return True
    return len(text) < WIDGET_MAX and bool(_COOKIE.search(text)) and "accept" in text.lower()


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the struck markers; return the body and the struck spans (trimmed)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for char in marked:
        if char == STRUCK_OPEN:
            start = length if start is None else start
        elif char == STRUCK_CLOSE:
            if start is not None:
                spans.append((start, length))
            start = None
        else:
            if char == "\n" and start is not None:  # a struck span never crosses paragraphs
                spans.append((start, length))
                start = None
            out.append(char)
            length += 1
    body = "".join(out)
    return body, tuple(_trim(body, a, b) for a, b in spans if body[a:b].strip())


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


__all__ = ["STRUCK_CLOSE", "STRUCK_OPEN", "PageMeta", "article_from_html"]
