"""Furniture-shape features: a line matches a known kind of page furniture.

Each one is a named feature of the line classifier (its weight is fitted, not assumed):
credits, agency signatures, bylines, menu items and buttons, consent and newsletter text,
crumbs, datelines, syndication lines, notices about the page, media players, captions,
lines left on a dangling separator, magazine page headers, and the headings of
related-posts lists and comment boxes. `any_furniture_rule` pools them, so that a shape
the annotated dumps never show still weighs what furniture weighs.
"""

from __future__ import annotations

import re

import numpy as np

from tui.core.sources.dump_lines import LETTER_SPACED, glued_tail
from tui.core.sources.dump_stats import (
    RULE_MAX_CHARS,
    SHORT_WORDS,
    DumpStats,
    Feature,
    column,
    feature,
    rule,
)
from tui.core.sources.dump_vocabulary import (
    AGENCY_SIGNATURE,
    BREADCRUMB,
    BYLINE,
    CATEGORIES,
    COMMENTS,
    CONSENT,
    CREDIT,
    DATA_NOTICE,
    DATELINE,
    EDITORIAL_NOTICE,
    MEDIA_PLAYER,
    NAVIGATION,
    NAVIGATION_START,
    RELATED_HEADING,
    REPORTING,
    SYNDICATION,
)

NOTICE_MAX_CHARS = RULE_MAX_CHARS * 3
"""A consent or newsletter paragraph can be longer than a menu item."""
_CREDIT_INSIDE = re.compile(
    r"\((?:photo|crédit|credit|image|illustration|©)[^)]{0,80}\)|\b(?:photo|crédit photo|"
    r"credit|image)s?\s*:\s*\S|©",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile("©")
_TWO_DATA_CUES = re.compile(
    rf"(?:{DATA_NOTICE.pattern}).*?(?:{DATA_NOTICE.pattern})", re.IGNORECASE | re.DOTALL
)
_CONSENT_WORDS = ("consent", "cookie", "traceur", "accept", "privacy", "confidentialit")
_DATA_WORDS = tuple(
    "données|désinscri|désabonn|confidentialit|accept|inscrivant|privacy|personal|"
    "unsubscribe|signing up|subscribing|agree|rgpd|gdpr".split("|")
)
_NOTICE_WORDS = ("article", "ancien", "previous", "affichage", "mise en page", "display")
_CREDIT_WORDS = ("photo", "crédit", "credit", "image", "illustration", "©")
"""Substrings without which the patterns above cannot match (see `rule`)."""
_GLUED = re.compile(r"[a-zà-ÿ]{3}[A-ZÀ-Ý][a-zà-ÿ]{2}")
_DANGLING = re.compile(r"\s[|•·]$")
_PAGE_HEADER = re.compile(LETTER_SPACED + "$")


@feature
def credit_mark(s: DumpStats) -> np.ndarray:
    return column(np.maximum(rule(s, CREDIT), rule(s, _COPYRIGHT, search=True, triggers=("©",))))


@feature
def agency_signature(s: DumpStats) -> np.ndarray:
    return rule(s, AGENCY_SIGNATURE, search=True, max_words=SHORT_WORDS + 3)


@feature
def byline_shape(s: DumpStats) -> np.ndarray:
    return rule(s, BYLINE, max_words=12)


@feature
def navigation_rule(s: DumpStats) -> np.ndarray:
    return column(np.maximum(rule(s, NAVIGATION), rule(s, NAVIGATION_START, max_words=15)))


@feature
def glued_words(s: DumpStats) -> np.ndarray:
    """Words run together by a lost line break (`adaptéDésactiver`), per word."""
    glued = np.array([len(_GLUED.findall(t)) for t in s.texts], float)
    return column(glued / np.maximum(s.n_words, 1))


@feature
def consent_rule(s: DumpStats) -> np.ndarray:
    return rule(s, CONSENT, search=True, triggers=_CONSENT_WORDS)


@feature
def crumb_rule(s: DumpStats) -> np.ndarray:
    return column(np.maximum(rule(s, CATEGORIES), rule(s, BREADCRUMB) * ~s.prose))


@feature
def dateline_rule(s: DumpStats) -> np.ndarray:
    return rule(s, DATELINE)


@feature
def syndication_rule(s: DumpStats) -> np.ndarray:
    return column(np.maximum(rule(s, SYNDICATION), rule(s, REPORTING)))


@feature
def notice_rule(s: DumpStats) -> np.ndarray:
    """A data-protection or newsletter paragraph (two of its cues: an article about data
    protection names one), or a notice about the page itself."""
    data = rule(s, _TWO_DATA_CUES, search=True, triggers=_DATA_WORDS, max_chars=NOTICE_MAX_CHARS)
    page = rule(
        s, EDITORIAL_NOTICE, search=True, triggers=_NOTICE_WORDS, max_chars=NOTICE_MAX_CHARS
    )
    return column(np.maximum(data, page))


@feature
def media_player_rule(s: DumpStats) -> np.ndarray:
    """A player's controls and times, or a programme's name and airing line."""
    return rule(s, MEDIA_PLAYER, search=True, max_words=20)


@feature
def dangling_separator(s: DumpStats) -> np.ndarray:
    """A line that ends on a separator (`… dans un premier temps |`): the link or credit
    that followed it was lost; an article's sentence never ends so."""
    return rule(s, _DANGLING, search=True, triggers=("|", "•", "·"))


@feature
def page_header(s: DumpStats) -> np.ndarray:
    """A line that ends on a letter-spaced heading (`… N°12 - Page 3 S o m m a i r e`): a
    magazine's page header, which `split_lines` cuts off the text glued after it."""
    return rule(s, _PAGE_HEADER, search=True)


@feature
def any_furniture_rule(s: DumpStats) -> np.ndarray:
    """Any of the furniture shapes above, pooled.

    The pooled feature is seen often enough in the annotated dumps to get its weight, and
    passes it on to shapes the annotated dumps happen not to contain.
    """
    rules: tuple[Feature, ...] = (credit_mark, byline_shape, navigation_rule, consent_rule)
    rules += (crumb_rule, notice_rule, dateline_rule, syndication_rule)
    rules += (agency_signature, media_player_rule, dangling_separator, page_header)
    return column(np.maximum.reduce([r(s) for r in rules]))


@feature
def credit_inside(s: DumpStats) -> np.ndarray:
    """A photo or image credit inside the line: a caption (`… (Photo : Agence)`), or a
    line short enough to be a caption whose glued tail is a photo credit (`Le ministre à
    Abidjan. Photo: Agence`); a long paragraph's glued credit is the tail model's."""
    inside = rule(
        s,
        _CREDIT_INSIDE,
        search=True,
        triggers=_CREDIT_WORDS,
        max_chars=RULE_MAX_CHARS * 2,
        heads=True,
    )
    return column(np.maximum(inside, _credit_tail(s)))


def _credit_tail(s: DumpStats) -> np.ndarray:
    """1.0 where a line of up to `RULE_MAX_CHARS` ends with a glued photo credit."""
    out = np.zeros(len(s))
    for i in np.flatnonzero(s.n_chars <= RULE_MAX_CHARS):
        if not any(map(s.lowered[i].__contains__, _CREDIT_WORDS)):
            continue
        cut = glued_tail(s.texts[i])
        if cut is not None and CREDIT.match(s.texts[i][cut:]):
            out[i] = 1.0
    return out


@feature
def list_heading(s: DumpStats) -> np.ndarray:
    """A "Recent posts", "À lire aussi" or comment-box heading."""
    return column(np.maximum(rule(s, RELATED_HEADING), rule(s, COMMENTS)))


@feature
def after_list_heading(s: DumpStats) -> np.ndarray:
    """Below a list or comment-box heading: the article has ended."""
    marks = list_heading(s)
    return ((np.cumsum(marks) - marks) > 0).astype(float)
