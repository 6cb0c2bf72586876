"""Feed HTML to plain text, and the normalised title used to spot the same story twice."""

from __future__ import annotations

import html
import re
import unicodedata

MAX_SUMMARY_CHARS = 20_000
"""A summary longer than this is cut (at a word): a feed's teaser, not the article."""
_DROP = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[^\S\n]+")
_BLANKS = re.compile(r"\s*\n\s*")
_PUNCT = re.compile(r"[^\w\s]")
_SOURCE_SUFFIX = re.compile(r"\s+[-–—|:]\s+[^-–—|:]{1,40}$")
"""A trailing ` - Reuters` / ` | The Site`: outlets append their name to wire stories."""


def html_to_text(value: str | None, limit: int = MAX_SUMMARY_CHARS) -> str:
    """The text of an HTML fragment: scripts and styles dropped, one paragraph per line."""
    if not value:
        return ""
    text = _COMMENT.sub(" ", _DROP.sub(" ", value))
    text = _TAG.sub(" ", _BREAK.sub("\n", text))
    text = html.unescape(text).replace("\xa0", " ")
    text = _BLANKS.sub("\n", _SPACES.sub(" ", text)).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text


def one_line(value: str | None) -> str:
    """Text on one line, whitespace collapsed: for titles."""
    return " ".join(html_to_text(value).split()) if value else ""


def title_key(title: str) -> str:
    """A title reduced to its words: case, accents, punctuation and an outlet suffix go.

    Two feeds carrying the same wire story give it the same key ("Acme buys Beta for $2bn
    - Reuters" and "Acme buys Beta for $2bn").
    """
    text = _SOURCE_SUFFIX.sub("", title.strip())
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", text).split())
