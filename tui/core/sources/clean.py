"""Plain-text page dumps -> title, metadata, body paragraphs and related posts.

A dump is the visible text of a page as a scraper stored it: the article's paragraphs
mixed with consent banners, crumbs, credits, bylines, "Recent Posts" lists and comment
boxes. Which lines are the article is decided by a model fitted on annotated dumps
(`dump_features`, `dump_model`, `dump_decide`): every line is title, body or furniture,
and a byline or credit glued to a body line's last sentence is cut. The lines left out
are then read for what they say about the article: the scraper's date token, a dateline
or byline (date and author), a category crumb, a photo credit, and a related-posts block
with each post's title, blurb and age.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.model import PARAGRAPH_BREAK, RelatedPost
from tui.core.sources.categories import split_categories
from tui.core.sources.dates import find_date, without_date
from tui.core.sources.dump_decide import Decisions, decide
from tui.core.sources.dump_lines import DumpLine, split_lines
from tui.core.sources.dump_model import BODY, TITLE, DumpModel, shipped_model
from tui.core.sources.dump_stats import dump_stats
from tui.core.sources.dump_vocabulary import (
    AGE,
    AGENCY_SIGNATURE,
    BYLINE,
    CAPTION_CREDIT,
    CATEGORIES,
    COMMENTS,
    CREDIT,
    DATELINE,
    RELATED_HEADING,
    SECTION_WORDS,
    dump_language,
)

LANGUAGE_NAMES = {"de": "German", "es": "Spanish", "it": "Italian"}
"""Languages the stop words recognise but the model was not fitted on."""
NO_ARTICLE_FOUND = "no article text found"
"""How the notice about a text of page furniture only begins."""
NO_ARTICLE = (
    f"{NO_ARTICLE_FOUND}: every line reads as page furniture (menus, links, labels, legal "
    "or contact lines), none as an article's sentence"
)
METADATA_MAX_CHARS = 200
"""A credit, crumb or byline longer than this is not one."""
_SENTENCE_END = re.compile(r"[.!?…:;»”\")]\s*$")
_CAPS_LABEL = re.compile(r"^([A-ZÀ-Ý][A-ZÀ-Ý'’ ]{2,30}?)\s*[–—:|-]\s+(?=\S)")
"""An upper-case label and a dash before the headline (`EXCLUSIF – `)."""
_RUN_IN_LABEL = re.compile(r"^([A-ZÀ-Ý][a-zà-ÿ]{3,})(?=[A-ZÀ-Ý][a-zà-ÿ])")
"""A section name run into the headline by a lost line break (`ÉconomieLa banque …`)."""


@dataclass
class CleanDump:
    """What the cleaner keeps from a dump, each part in its own field."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    photo_credit: str | None = None
    published: str | None = None
    author: str | None = None
    related: list[RelatedPost] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """What the reader should know about how the dump was read."""

    @property
    def body(self) -> str:
        return PARAGRAPH_BREAK.join(self.paragraphs)


def clean_dump(text: str, model: DumpModel | None = None) -> CleanDump:
    """Split a plain-text page dump into title, metadata, body and related posts."""
    dump = split_lines(text)
    result = CleanDump(published=dump.date_token)
    if not dump.lines:
        return result
    lang = dump_language("\n".join(line.text for line in dump.lines[:400]))
    decisions = decide(dump_stats(dump.lines, lang), model or shipped_model(), lang)
    _assemble(dump.lines, decisions, result)
    result.related = _related_block([line.text for line in dump.lines])
    if lang in LANGUAGE_NAMES:
        result.notices.append(
            f"the text reads as {LANGUAGE_NAMES[lang]}; the cleaner was fitted on French "
            "pages and knows French and English page furniture, so some may remain"
        )
    if decisions.plain and result.paragraphs:
        result.notices.append(
            "the text does not read as a web page's text; its lines are shown as they are, "
            "but for known page furniture"
        )
    if not result.paragraphs:
        result.notices.append(NO_ARTICLE)
    return result


def _assemble(lines: list[DumpLine], decisions: Decisions, result: CleanDump) -> None:
    """Body lines (glued tails cut) into paragraphs, the title, the rest into metadata.

    A paragraph already shown (the standfirst twice, the title again) is shown once.
    """
    seen: set[str] = set()
    for index, line in enumerate(lines):
        label = decisions.labels[index]
        if label == TITLE:
            result.title = without_section_label(line.text)
            seen.add(_key(line.text))
            seen.add(_key(result.title))
        elif label == BODY:
            cut = decisions.tails.get(index)
            if cut is not None:
                _read_glued(line.text[cut:], result)
            paragraph = line.text[:cut].rstrip() if cut is not None else line.text
            if paragraph and _key(paragraph) not in seen:
                seen.add(_key(paragraph))
                result.paragraphs.append(paragraph)
        else:
            _read_metadata(line.text, result)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def without_section_label(title: str) -> str:
    """`NOUVEAU – Acme rachète Widget` -> `Acme rachète Widget`: a label or section name in
    capitals before a dash, or run into the headline, is not part of it."""
    label = _CAPS_LABEL.match(title) or _RUN_IN_LABEL.match(title)
    if label and label.group(1).strip().casefold() in SECTION_WORDS:
        rest = title[label.end() :].strip()
        if len(rest.split()) >= 2:
            return rest
    return title


def _read_metadata(line: str, result: CleanDump) -> None:
    """What a line left out of the body says: categories, credit, date, author."""
    if len(line) > METADATA_MAX_CHARS:
        return
    if caption := CAPTION_CREDIT.search(line):
        result.photo_credit = result.photo_credit or " ".join(caption.group(1).split())
    if _SENTENCE_END.search(line) and len(line.split()) > 12:
        return
    if crumb := CATEGORIES.match(line):
        result.categories.extend(split_categories(crumb.group(1)))
    elif CREDIT.match(line):
        result.photo_credit = result.photo_credit or " ".join(line.split())
    elif DATELINE.match(line):
        result.published = result.published or find_date(line)
    elif byline := BYLINE.match(line):
        result.published = result.published or find_date(line)
        name = without_date(byline.group(1)).strip()
        if name and not find_date(name) and len(name.split()) <= 6:
            result.author = result.author or name


def _read_glued(tail: str, result: CleanDump) -> None:
    """A cut signature names the author; an agency credit is left as it is."""
    if not AGENCY_SIGNATURE.search(tail) and not any(c.isdigit() for c in tail):
        result.author = result.author or tail.strip()


def _related_block(lines: list[str]) -> list[RelatedPost]:
    """The posts listed under a "Recent posts" heading, up to a comment box."""
    start = next((i for i, line in enumerate(lines) if RELATED_HEADING.match(line)), None)
    if start is None:
        return []
    block = lines[start + 1 :]
    end = next((i for i, line in enumerate(block) if COMMENTS.match(line)), len(block))
    return _parse_related(block[:end])


def _is_prose(line: str) -> bool:
    return bool(_SENTENCE_END.search(line)) or len(line.split()) > 30


def _parse_related(lines: list[str]) -> list[RelatedPost]:
    """A related-posts block: entries of title, optional blurb, optional age."""
    posts: list[RelatedPost] = []
    title: str | None = None
    summary: str | None = None
    for line in lines:
        if AGE.match(line):
            if title:
                posts.append(RelatedPost(title=title, summary=summary, age=line))
            title, summary = None, None
        elif title is None:
            title = line
        elif summary is None and (_is_prose(line) or line.endswith("…")):
            summary = line
        else:
            posts.append(RelatedPost(title=title, summary=summary))
            title, summary = line, None
    if title:
        posts.append(RelatedPost(title=title, summary=summary))
    return posts
