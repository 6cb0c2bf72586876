"""The page tree before trafilatura reads it: widgets out, struck text marked, the article kept.

trafilatura's precision mode deletes every element whose class or id holds a boilerplate
token, matched as a substring: `bar` (navbar) also matches `barrons-article-wrap`, `slide`
also matches a `sliderBox` around the whole page, and a `<span class="link">` inside a
sentence takes its words with it. Two guards stop that class of loss: the chain of
elements that holds the article's prose, and the inline elements inside paragraphs, lose
the class or id that would have them discarded (captions and credits keep theirs).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xpaths import OVERALL_DISCARD_XPATH, PRECISION_DISCARD_XPATH, TEASER_DISCARD_XPATH

STRUCK_OPEN = "\ue000"
STRUCK_CLOSE = "\ue001"
"""Private-use characters wrapped around struck text before extraction, removed after."""

_STRUCK_TAGS = ("del", "s", "strike")
_UNWANTED_XPATH = (
    "//figcaption|//*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    "|//*[contains(@class, 'credit')]|//*[contains(@class, 'cookie')]"
    "|//*[contains(@class, 'consent')]|//*[contains(@class, 'share')]"
    "|//*[contains(@class, 'social')]|//*[contains(@id, 'cookie')]"
)
"""Captions, credits, share bars and cookie banners: never part of the body."""

WIDGET_MAX = 300
"""Longest paragraph that may be dropped as a newsletter box or cookie notice."""

_NEVER_DROP = frozenset({"html", "body", "article", "main"})
"""Containers a stray class word (`category-social`) must never remove."""

_DISCARD_RULES = (*OVERALL_DISCARD_XPATH, *PRECISION_DISCARD_XPATH, *TEASER_DISCARD_XPATH)
"""trafilatura's class and id rules that delete a whole element in precision mode."""
_PROBED_ATTRIBUTES = ("class", "id", "style", "role", "aria-hidden")
_PROBE_TAGS = frozenset({"div", "section", "p", "span"})
_INLINE_KEEP = ("caption", "credit")
"""Inline class words that do mark text outside the article, whatever trafilatura decides."""
PROSE_MIN_CHARS = 80
"""A paragraph at least this long counts towards the article's prose."""
_TEXT_BLOCKS = frozenset({"div", "section", "article", "main", "td", "blockquote"})


def prepare_tree(tree: HtmlElement, box: HtmlElement | None) -> None:
    """Drop widgets, mark struck text, and shield the article (in `box`, the page's
    `prose_box`) from class-name rules."""
    _drop_widgets(tree)
    _mark_struck(tree)
    if box is not None:
        _shield_article_chain(box)
        _unlink_items(box)
    _shield_inline_text(tree)


def _drop_widgets(tree: HtmlElement) -> None:
    for element in tree.xpath(_UNWANTED_XPATH):
        if element.tag not in _NEVER_DROP and len(element.text_content()) < WIDGET_MAX * 2:
            element.drop_tree()


def _mark_struck(tree: HtmlElement) -> None:
    for element in tree.iter(*_STRUCK_TAGS):
        if not element.text_content().strip():
            continue
        element.text = STRUCK_OPEN + (element.text or "")
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + STRUCK_CLOSE
        else:
            element.text += STRUCK_CLOSE


def prose_box(tree: HtmlElement) -> HtmlElement | None:
    """The element whose paragraphs hold the most long prose: the article's box.

    A paragraph is a `<p>` (scored to its parent) or a run of text directly inside a block
    (`<br>`-separated text, scored to that block).
    """
    scores: dict[HtmlElement, int] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "p":
            holder, size = element.getparent(), len(element.text_content().strip())
        elif element.tag in _TEXT_BLOCKS:
            runs = [element.text, *(child.tail for child in element)]
            holder, size = element, max((len(r.strip()) for r in runs if r), default=0)
        else:
            continue
        if size >= PROSE_MIN_CHARS and holder is not None:
            scores[holder] = scores.get(holder, 0) + size
    return max(scores, key=scores.__getitem__) if scores else None


def direct_text(element: HtmlElement) -> list[str]:
    """The text runs that sit directly in an element, between its children."""
    runs = [element.text or "", *(child.tail or "" for child in element)]
    return [" ".join(run.split()) for run in runs]


def would_be_discarded(element: HtmlElement) -> bool:
    """Whether trafilatura's class and id rules would delete an element with these attributes.

    The rules are run on a two-element copy, so the check costs microseconds, not a tree walk.
    """
    wrapper = etree.Element("body")
    tag = element.tag if element.tag in _PROBE_TAGS else "div"
    probe = etree.SubElement(wrapper, tag)
    for name in _PROBED_ATTRIBUTES:
        value = element.get(name)
        if value is not None:
            probe.set(name, value)
    return any(len(rule(wrapper)) for rule in _DISCARD_RULES)


def _forget_names(element: HtmlElement) -> None:
    element.attrib.pop("class", None)
    element.attrib.pop("id", None)


def _shield_article_chain(box: HtmlElement) -> None:
    """The article's box and its ancestors are never deleted for a word in their class."""
    for element in (box, *box.iterancestors()):
        if element.tag in {"body", "html"}:
            return
        if would_be_discarded(element):
            _forget_names(element)


def _shield_inline_text(tree: HtmlElement) -> None:
    """Words inside a paragraph are never deleted for their element's class (`span.link`)."""
    for element in tree.xpath("//p//*[@class or @id]"):
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if any(word in names for word in _INLINE_KEEP):
            continue
        if would_be_discarded(element):
            _forget_names(element)


_PRICE = re.compile(r"[$€£¥]\s?\d|\d[\d.,]*\s?(?:[$€£¥]|euros?|dollars?|USD|EUR|GBP)\b")
"""A price: a currency sign or word next to a figure."""
_ITEM_TAGS = ("li", "h2", "h3", "h4")


def _unlink_items(box: HtmlElement) -> None:
    """In the article's box, a heading or list item named by a link is an item, not navigation.

    Deals and gift guides name each product with a link (`<h3><a>…</a></h3>`, `<li><a>Get it
    for $39</a></li>`); precision mode deletes such link-only blocks as menus.
    """
    for item in box.iter(*_ITEM_TAGS):
        links = list(item.iter("a"))
        if not links:
            continue
        if item.tag == "li" and not _PRICE.search(item.text_content()):
            continue
        for link in links:
            link.drop_tag()
