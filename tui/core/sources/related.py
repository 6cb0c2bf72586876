"""Related posts offered by a page: "Related", "Most popular", "À lire aussi" lists and teasers.

A link counts when it points to another article of the same site and sits in a block that
reads as a list of other articles: a block labelled by a heading such as "Read next" or
"Les plus lus", a block whose class or id says so (`related-posts`, `most-popular`), an
aside, a "Lire aussi" teaser line, or a run of three or more headline links after the
article. Navigation, footers, share bars, tag and category pages, pagination, off-site
and sponsored links, contests, a list's own heading and links inside the article's own
sentences are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from tui.core.model import RelatedPost
from tui.core.sources.html_prepare import PROSE_MIN_CHARS, direct_text, prose_box
from tui.core.sources.related_words import (
    LABEL,
    PROMOTION,
    RELATED_CLASS,
    TEASER,
    WIDGET_WORDS,
    words,
)

_CLASS_WORD = re.compile(r"[\s_-]+|(?<=[a-z])(?=[A-Z])")
_EXCLUDED_TAGS = frozenset({"nav", "footer", "form", "button", "select"})
_PAGE_TAGS = frozenset({"html", "body", "main"})
_CARD_TAGS = frozenset({"article", "section", "aside", "main", "li"})
"""A `<header>` inside one of these heads a card or a block, not the page."""
_HEADLINE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LABEL_TAGS = frozenset({*_HEADLINE_TAGS, "header", "div", "span", "p", "strong", "b", "em"})
_NOT_ARTICLE_SEGMENTS = words(
    "tag tags category categories author authors topic topics section sections rubrique "
    "rubriques auteur auteurs theme themes page search recherche login signin register "
    "subscribe newsletter newsletters about contact feed rss"
)
_FILE_EXT = re.compile(r"\.(jpe?g|png|gif|webp|svg|pdf|mp3|mp4|xml|rss|zip)$", re.I)
_SLUG_SPLIT = re.compile(r"[-_+]+")
_ID = re.compile(r"\d{4,}")
_AGE = re.compile(
    r"(?<!\d)\d+\s*(min(ute)?s?|h(ours?)?|hrs?|days?|weeks?|months?)\s+ago\b"
    r"|\b(il y a\s+\d+\s*\w+|yesterday|hier|today|aujourd.hui)\b",
    re.IGNORECASE,
)
"""How long ago a teaser says its article appeared ("3 days ago", "il y a 2 heures")."""
_SUMMARY_XPATH = (
    ".//p | .//*[contains(@class, 'description') or contains(@class, 'summary')"
    " or contains(@class, 'excerpt') or contains(@class, 'dek') or contains(@class, 'teaser')]"
)
"""Where a card keeps its one-line summary."""
_MIN_SUMMARY = 40
_MAX_SUMMARY = 400
_RANK = re.compile(r"^\d{1,2}[.)]?\s+(?=\D)")

MIN_GROUP = 3
"""Headline links in one block after the article that make it a list of other articles."""
MAX_LABEL_WORDS = 7
MAX_RELATED = 100
"""A long story feed under an article is listed whole, up to this many posts."""
MAX_TITLE_WORDS = 25
"""A link text longer than this (or a long sentence with a full stop) is a summary, not a
headline: the card's headline is elsewhere."""
_LABEL_DEPTH = 2
_GROUP_DEPTH = 6


@dataclass
class _Link:
    element: HtmlElement
    url: str
    title: str


def related_from_html(html: str, url: str | None) -> tuple[RelatedPost, ...]:
    """The related posts of an HTML page, in page order, deduplicated."""
    try:
        tree = load_html(html)
    except Exception:
        return ()
    if not isinstance(tree, HtmlElement):
        return ()
    return related_from_tree(tree, url, prose_box(tree))


def related_from_tree(
    tree: HtmlElement, url: str | None, box: HtmlElement | None
) -> tuple[RelatedPost, ...]:
    """The related posts of a parsed page whose article sits in `box` (`prose_box`); the
    tree is not modified."""
    finder = _Finder(tree, url, box)
    found: dict[str, RelatedPost] = {}
    for link in finder.links():
        if not finder.accepted(link):
            continue
        known = found.get(link.url)
        if known is None or len(link.title) > len(known.title):
            summary, age = finder.details(link)
            found[link.url] = RelatedPost(link.title, link.url, summary, age)
        if len(found) >= MAX_RELATED:
            break
    return tuple(found.values())


def _site(host: str) -> str:
    labels = host.lower().removeprefix("www.").split(".")
    if (
        len(labels) > 2
        and len(labels[-1]) == 2
        and labels[-2] in {"co", "com", "org", "net", "ac", "gov"}
    ):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _normal(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(
        ("", parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/"), "", "")
    )


def _is_article_path(path: str) -> bool:
    segments = [s for s in path.split("/") if s]
    if not segments or _FILE_EXT.search(path):
        return False
    if any(s.lower() in _NOT_ARTICLE_SEGMENTS for s in segments[:-1]):
        return False
    last = segments[-1].rsplit(".", 1)[0] if "." in segments[-1] else segments[-1]
    words = [w for w in _SLUG_SPLIT.split(last) if w]
    return len(words) >= 3 or bool(_ID.search(last))


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _is_widget(classes: str) -> bool:
    for word in _CLASS_WORD.split(classes):
        word = word.lower()
        if word in WIDGET_WORDS or word.endswith(("nav", "menu")) or word.startswith("nav"):
            return True
    return False


def _is_chrome(element: HtmlElement) -> bool:
    """Navigation, footer, page header, form or widget: never a list of related articles.

    The page's outer containers are never chrome for a word in their class (`has-ads`).
    """
    if element.tag in _PAGE_TAGS:
        return False
    if element.tag in _EXCLUDED_TAGS or _is_widget(_classes(element)):
        return True
    if element.tag == "header":
        return not any(a.tag in _CARD_TAGS for a in element.iterancestors())
    return False


def _classes(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


_TITLED_XPATH = ".//*[contains(@class, 'title') or contains(@class, 'headline')]"


_INLINE_TAGS = frozenset({"span", "em", "strong", "b", "i", "u", "font", "mark"})


def _in_running_text(a: HtmlElement) -> bool:
    """A link among sentences written straight into a block (`<div>text <a>…</a> text`)."""
    holder = a.getparent()
    while holder is not None and holder.tag in _INLINE_TAGS:
        holder = holder.getparent()
    if holder is None or holder.tag in {"p", "li", "a"}:
        return False
    running = sum(len(run) for run in direct_text(holder))
    return running > len(_text(a)) + PROSE_MIN_CHARS


def _reads_as_summary(text: str) -> bool:
    words = len(text.split())
    return words > MAX_TITLE_WORDS or (words > MAX_TITLE_WORDS // 2 and text.endswith("."))


def _is_label_only(text: str) -> bool:
    """`Most popular`, `More business news`: a list's heading linked to its section."""
    rest = LABEL.sub("", text)
    return rest != text and len(rest.split()) <= 1


class _Finder:
    """One pass over a page: candidate links, and whether their context is a related list."""

    def __init__(self, tree: HtmlElement, url: str | None, box: HtmlElement | None) -> None:
        self.tree = tree
        self.url = url
        self.site = _site(urlsplit(url).hostname or "") if url else None
        self.own = _normal(url) if url else None
        self.body = box
        self.around_body = set(self.body.iterancestors()) if self.body is not None else set()
        self.marked: dict[HtmlElement, bool] = {}
        self.widget: dict[HtmlElement, bool] = {}
        self.resolved: dict[str, str | None] = {}
        self.groups: dict[HtmlElement, set[str]] = {}
        self._after: set[HtmlElement] | None = None

    def _resolve(self, href: str | None) -> str | None:
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            return None
        if href not in self.resolved:
            self.resolved[href] = self._resolve_new(href)
        return self.resolved[href]

    def _resolve_new(self, href: str) -> str | None:
        absolute = urljoin(self.url, href.strip()) if self.url else href.strip()
        parts = urlsplit(absolute)
        if self.url and parts.scheme not in {"http", "https"}:
            return None
        if self.site and parts.hostname and _site(parts.hostname) != self.site:
            return None
        if "page=" in parts.query or not _is_article_path(parts.path):
            return None
        if self.own and _normal(absolute) == self.own:
            return None
        return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))

    def links(self) -> list[_Link]:
        """Every link to another article of the site, outside navigation and widgets."""
        out = []
        for a in self.tree.iter("a"):
            url = self._resolve(a.get("href"))
            if url is None or self._excluded(a):
                continue
            title = self._title(a)
            if title:
                out.append(_Link(a, url, title))
                for ancestor in list(a.iterancestors())[:_GROUP_DEPTH]:
                    self.groups.setdefault(ancestor, set()).add(url)
        return out

    def _excluded(self, element: HtmlElement) -> bool:
        """Whether the element is inside navigation, a footer or a widget (memoised)."""
        unknown: list[HtmlElement] = []
        current: HtmlElement | None = element
        known = False
        while current is not None:
            cached = self.widget.get(current)
            if cached is not None:
                known = cached
                break
            unknown.append(current)
            current = current.getparent()
        for item in reversed(unknown):  # from the outermost down; the article's box is no widget
            known = known or (_is_chrome(item) and not self._contains_body(item))
            self.widget[item] = known
        return known

    @staticmethod
    def _title(a: HtmlElement) -> str | None:
        """The card's headline: a heading inside the link, else its shortest titled part."""
        headings = [_text(e) for e in a.iter(*_HEADLINE_TAGS) if _text(e)]
        titled = [_text(e) for e in a.xpath(_TITLED_XPATH) if _text(e)]
        title = headings[0] if headings else min(titled, key=len, default=_text(a))
        title = _RANK.sub("", title)
        if len(title.split()) < 2 or len(title) < 10 or _reads_as_summary(title):
            return None
        return None if _is_label_only(title) or PROMOTION.search(title) else title

    def details(self, link: _Link) -> tuple[str | None, str | None]:
        """The teaser's summary and age, read from the card that holds only this link."""
        card = self._card(link)
        summary = None
        for element in card.xpath(_SUMMARY_XPATH):
            text = _text(element)
            if _MIN_SUMMARY <= len(text) <= _MAX_SUMMARY and link.title not in text:
                summary = text
                break
        times = [_text(t) for t in card.iter("time") if _text(t)]
        found = _AGE.search(_text(card)) if not times else None
        return summary, times[0] if times else (found.group(0) if found else None)

    def _card(self, link: _Link) -> HtmlElement:
        """The largest block around the link that holds no other post."""
        card = link.element
        for ancestor in list(link.element.iterancestors())[:_GROUP_DEPTH]:
            if len(self.groups.get(ancestor, ())) > 1 or ancestor.tag in {"body", "html"}:
                break
            card = ancestor
        return card

    def accepted(self, link: _Link) -> bool:
        """Whether the link sits in a related-articles context and is not a promotion."""
        if PROMOTION.search(" ".join(self._card(link).itertext())):
            return False
        block = self._block(link.element)
        if block is not None and block.tag in {"p", "li", "div"}:
            text = _text(block)
            if TEASER.match(text):
                return True
            if block.tag == "p" and len(text) > 2 * len(_text(link.element)) + 20:
                return False  # a link inside the article's sentences
        if _in_running_text(link.element):
            return False
        for ancestor in link.element.iterancestors():
            if self._contains_body(ancestor):
                return False
            if self._marked(ancestor):
                return True
            if self._group_after_body(ancestor):
                return True
        return False

    def _block(self, a: HtmlElement) -> HtmlElement | None:
        for ancestor in a.iterancestors():
            if ancestor.tag in {"p", "li", "div", "article", "section"}:
                return ancestor
        return None

    def _contains_body(self, element: HtmlElement) -> bool:
        if self.body is None:
            return element.tag in {"body", "html"}
        return element is self.body or element in self.around_body

    def _marked(self, element: HtmlElement) -> bool:
        known = self.marked.get(element)
        if known is None:
            known = self._is_marked(element)
            self.marked[element] = known
        return known

    def _is_marked(self, element: HtmlElement) -> bool:
        if element.tag == "aside" or RELATED_CLASS.search(_classes(element)):
            return True
        return any(self._is_label(e) for e in self._near(element))

    @staticmethod
    def _near(element: HtmlElement) -> list[HtmlElement]:
        near = list(element)
        if _LABEL_DEPTH > 1:
            near += [grandchild for child in element for grandchild in child]
        return [e for e in near if isinstance(e.tag, str) and e.tag in _LABEL_TAGS]

    @staticmethod
    def _is_label(element: HtmlElement) -> bool:
        text = _text(element)
        return 0 < len(text.split()) <= MAX_LABEL_WORDS and bool(LABEL.search(text))

    def _group_after_body(self, element: HtmlElement) -> bool:
        urls = self.groups.get(element, ())
        if len(urls) < MIN_GROUP or self.body is None:
            return False
        return element in self._after_body()

    def _after_body(self) -> set[HtmlElement]:
        """The link blocks that start after the article's last element."""
        if self._after is None:
            self._after = set()
            seen_end = False
            last = self.body
            while last is not None and len(last):
                last = last[-1]
            for element in self.tree.iter():
                if seen_end and element in self.groups:
                    self._after.add(element)
                seen_end = seen_end or element is last
        return self._after
