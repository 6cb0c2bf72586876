"""Markdown articles: optional front matter, a `# Title`, paragraphs and a related list.

The samples newsdesk ships are written this way. `~~text~~` marks struck text, kept in
the body and recorded as a struck span; links keep their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.model import PARAGRAPH_BREAK, RelatedPost
from tui.core.sources.categories import split_categories

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RELATED_HEADING = re.compile(
    r"^(related|related posts|read more|read next|à lire aussi|lire aussi|articles similaires|"
    r"sur le même sujet|recent posts)\s*:?$",
    re.IGNORECASE,
)
_LIST_LINK = re.compile(r"^[-*+]\s+\[([^\]]+)\]\(([^)\s]*)\)\s*(?:[—–:-]\s*(.*))?$")
_LIST_ITEM = re.compile(r"^[-*+]\s+(.*)$")
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")


@dataclass
class MarkdownArticle:
    """The parts of a Markdown article, before it becomes an Article."""

    meta: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    struck: list[tuple[int, int]] = field(default_factory=list)
    related: list[RelatedPost] = field(default_factory=list)

    @property
    def body(self) -> str:
        return PARAGRAPH_BREAK.join(self.paragraphs)

    @property
    def categories(self) -> list[str]:
        return split_categories(self.meta.get("categories", ""))


def looks_like_markdown(text: str) -> bool:
    """Front matter, or an ATX heading among the first lines."""
    if _FRONT_MATTER.match(text):
        return True
    return any(_HEADING.match(line) for line in text.splitlines()[:5])


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def _inline(text: str) -> str:
    text = _INLINE_LINK.sub(lambda m: m.group(1), text)
    return _EMPHASIS.sub(lambda m: m.group(2), text)


def _add_paragraph(article: MarkdownArticle, raw: str) -> None:
    """Append one paragraph, turning `~~…~~` into struck spans of the final body."""
    offset = len(article.body) + (len(PARAGRAPH_BREAK) if article.paragraphs else 0)
    text = _inline(" ".join(raw.split()))
    parts: list[str] = []
    cursor = 0
    for match in _STRUCK.finditer(text):
        parts.append(text[cursor : match.start()])
        start = offset + sum(len(p) for p in parts)
        parts.append(match.group(1))
        article.struck.append((start, start + len(match.group(1))))
        cursor = match.end()
    parts.append(text[cursor:])
    paragraph = "".join(parts)
    if paragraph.strip():
        article.paragraphs.append(paragraph)


def _related_item(line: str) -> RelatedPost | None:
    link = _LIST_LINK.match(line)
    if link:
        return RelatedPost(link.group(1), link.group(2) or None, link.group(3) or None)
    item = _LIST_ITEM.match(line)
    return RelatedPost(_inline(item.group(1))) if item else None


def parse_markdown(text: str) -> MarkdownArticle:
    """Split Markdown into metadata, title, paragraphs, struck spans and related posts."""
    meta, rest = _front_matter(text.replace("\r\n", "\n"))
    article = MarkdownArticle(meta=meta, title=meta.get("title"))
    in_related = False
    for block in re.split(r"\n\s*\n", rest):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        heading = _HEADING.match(lines[0])
        if heading:
            name = _inline(heading.group(2))
            in_related = bool(_RELATED_HEADING.match(name))
            if len(heading.group(1)) == 1:
                article.title = article.title or name
            elif not in_related:
                _add_paragraph(article, name)
            lines = lines[1:]
        if in_related:
            article.related.extend(p for p in map(_related_item, lines) if p)
        elif lines:
            _add_paragraph(article, " ".join(lines))
    return article
