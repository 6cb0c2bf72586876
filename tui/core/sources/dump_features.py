"""Named features of a dump's lines, the inputs of the fitted line classifier.

Each feature is a function from the dump's per-line statistics to one value per line, in
the spirit of jusText and boilerpipe: length, words, stop-word share in the dump's
language, sentence punctuation, capitals, digits, times and dates, furniture words and
shapes in French and English, position, repetition of an earlier line, and what the
neighbouring lines look like. `FEATURES` lists them in the order the weights use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from tui.core.sources.dates import find_date
from tui.core.sources.dump_lines import DumpLine
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
    FURNITURE_WORDS,
    MEDIA_PLAYER,
    MONTHS,
    NAVIGATION,
    NAVIGATION_START,
    RELATED_HEADING,
    REPORTING,
    STOPWORDS,
    SYNDICATION,
    WORD,
    dump_language,
)

PROSE_WORDS = 15
"""A line of at least this many words, with stop words in it, reads as prose."""
PROSE_STOPWORDS = 0.15
SHORT_WORDS = 5
LONG_WORDS = 30
REPEAT_MIN_CHARS = 20
"""Lines shorter than this are not compared with earlier ones (`Photo`, `Menu` repeat)."""
RULE_MAX_CHARS = 300
"""Furniture rules only judge lines up to this long: a long line is never a menu item."""

_END = re.compile(r"[.!?…][»”\"’)\]]*$")
_INNER_END = re.compile(r"[.!?…][»”\"’)\]]*\s+(?=[^\W\d_])")
_TIME = re.compile(r"\b\d{1,2}\s?[:h]\s?\d{2}\b")
_DATE = re.compile(rf"\b\d{{1,2}}(?:er)?\s+(?:{MONTHS})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b", re.I)
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
_LIST_MARK = re.compile(r"^(?:[>•·|»+*▶►→-]|\d{1,2}[.)]\s)|\s\|\s|\|$|>>")
_CREDIT_INSIDE = re.compile(
    r"\((?:photo|crédit|credit|image|illustration|©)[^)]{0,80}\)|\b(?:photo|crédit photo|"
    r"credit|image)s?\s*:\s*\S|©",
    re.IGNORECASE,
)
_MARK = re.compile(r"[^\w«\"“'‘(\[]*")
_GLUED = re.compile(r"[a-zà-ÿ]{3}[A-ZÀ-Ý][a-zà-ÿ]{2}")
_QUOTE = ("«", '"', "“", "'", "‘", "—", "–")


@dataclass
class DumpStats:
    """Per-line measurements shared by the features, computed once per dump."""

    texts: list[str]
    n_chars: np.ndarray
    n_words: np.ndarray
    stop_share: np.ndarray
    furniture_hits: np.ndarray
    n_tokens: np.ndarray
    caps: np.ndarray
    capitalised: np.ndarray
    prose: np.ndarray
    short: np.ndarray
    cache: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.texts)


def dump_stats(lines: list[DumpLine], lang: str | None = None) -> DumpStats:
    """Measure every line once: words, letters-only tokens, stop words, capitals."""
    texts = [line.text for line in lines]
    stopwords = STOPWORDS[lang or dump_language("\n".join(texts[:400]))]
    words, tokens, stops, furniture, caps, capitalised = [], [], [], [], [], []
    for text in texts:
        split = text.split()
        found = WORD.findall(text)
        lower = [t.lower() for t in found]
        words.append(len(split))
        tokens.append(len(found))
        stops.append(sum(t in stopwords for t in lower))
        furniture.append(sum(t in FURNITURE_WORDS for t in lower))
        caps.append(sum(len(t) > 1 and t.isupper() for t in found))
        capitalised.append(sum(w[:1].isupper() for w in split))
    n_words, n_tokens = np.array(words, float), np.array(tokens, float)
    stop_share = np.array(stops, float) / np.maximum(n_tokens, 1)
    return DumpStats(
        texts=texts,
        n_chars=np.array([len(t) for t in texts], float),
        n_words=n_words,
        stop_share=stop_share,
        furniture_hits=np.array(furniture, float),
        n_tokens=n_tokens,
        caps=np.array(caps, float),
        capitalised=np.array(capitalised, float),
        prose=(n_words >= PROSE_WORDS) & (stop_share >= PROSE_STOPWORDS),
        short=n_words <= SHORT_WORDS,
    )


Feature = Callable[[DumpStats], np.ndarray]


def _flags(stats: DumpStats, test: Callable[[str], object]) -> np.ndarray:
    return np.array([bool(test(t)) for t in stats.texts], float)


def _rule(stats: DumpStats, pattern: re.Pattern[str], *, search: bool = False) -> np.ndarray:
    """1 where a furniture pattern matches a line short enough to be furniture."""
    find = pattern.search if search else pattern.match
    return _flags(stats, lambda t: len(t) <= RULE_MAX_CHARS and find(t))


def chars_log(s: DumpStats) -> np.ndarray:
    return np.log1p(s.n_chars) / 5


def words_log(s: DumpStats) -> np.ndarray:
    return np.log1p(s.n_words) / 3


def few_words(s: DumpStats) -> np.ndarray:
    return (s.n_words <= 3).astype(float)


def many_words(s: DumpStats) -> np.ndarray:
    return (s.n_words > LONG_WORDS).astype(float)


def stopword_share(s: DumpStats) -> np.ndarray:
    return s.stop_share


def ends_sentence(s: DumpStats) -> np.ndarray:
    return _flags(s, _END.search)


def ends_with_colon(s: DumpStats) -> np.ndarray:
    return _flags(s, lambda t: t.endswith(":"))


def ends_mid_word(s: DumpStats) -> np.ndarray:
    return _flags(s, lambda t: t[-1:].isalnum())


def inner_sentences(s: DumpStats) -> np.ndarray:
    return np.log1p(np.array([len(_INNER_END.findall(t)) for t in s.texts], float))


def starts_lowercase(s: DumpStats) -> np.ndarray:
    return _flags(s, lambda t: t[:1].islower())


def starts_with_quote(s: DumpStats) -> np.ndarray:
    return _flags(s, lambda t: t.startswith(_QUOTE))


def question(s: DumpStats) -> np.ndarray:
    return _flags(s, lambda t: t.rstrip('»”" ').endswith("?"))


def caps_share(s: DumpStats) -> np.ndarray:
    return s.caps / np.maximum(s.n_tokens, 1)


def capitalised_share(s: DumpStats) -> np.ndarray:
    return s.capitalised / np.maximum(s.n_words, 1)


def digit_share(s: DumpStats) -> np.ndarray:
    digits = np.array([sum(c.isdigit() for c in t) for t in s.texts], float)
    return digits / np.maximum(s.n_chars, 1)


def time_of_day(s: DumpStats) -> np.ndarray:
    return _flags(s, _TIME.search)


def date_inside(s: DumpStats) -> np.ndarray:
    return _flags(s, lambda t: _DATE.search(t) or (len(t) <= RULE_MAX_CHARS and find_date(t)))


def furniture_word_share(s: DumpStats) -> np.ndarray:
    return s.furniture_hits / np.maximum(s.n_tokens, 1)


def furniture_word_in_short_line(s: DumpStats) -> np.ndarray:
    return ((s.furniture_hits > 0) & s.short).astype(float)


def credit_mark(s: DumpStats) -> np.ndarray:
    return _flags(s, lambda t: len(t) <= RULE_MAX_CHARS and (CREDIT.match(t) or "©" in t))


def agency_signature(s: DumpStats) -> np.ndarray:
    return _rule(s, AGENCY_SIGNATURE, search=True) * (s.n_words <= SHORT_WORDS + 3)


def byline_shape(s: DumpStats) -> np.ndarray:
    return _rule(s, BYLINE) * (s.n_words <= 12)


def navigation_rule(s: DumpStats) -> np.ndarray:
    return np.maximum(_rule(s, NAVIGATION), _rule(s, NAVIGATION_START) * (s.n_words <= 15))


def glued_words(s: DumpStats) -> np.ndarray:
    """Words run together by a lost line break (`adaptéDésactiver`), per word."""
    glued = np.array([len(_GLUED.findall(t)) for t in s.texts], float)
    return glued / np.maximum(s.n_words, 1)


def consent_rule(s: DumpStats) -> np.ndarray:
    return _rule(s, CONSENT, search=True)


def crumb_rule(s: DumpStats) -> np.ndarray:
    return np.maximum(_rule(s, CATEGORIES), _rule(s, BREADCRUMB) * ~s.prose)


def dateline_rule(s: DumpStats) -> np.ndarray:
    return _rule(s, DATELINE)


def syndication_rule(s: DumpStats) -> np.ndarray:
    return np.maximum(_rule(s, SYNDICATION), _rule(s, REPORTING))


def notice_rule(s: DumpStats) -> np.ndarray:
    """A data-protection or newsletter paragraph, or a notice about the page itself."""
    long_ok = RULE_MAX_CHARS * 3
    data = _flags(s, lambda t: len(t) <= long_ok and DATA_NOTICE.search(t))
    return np.maximum(data, _flags(s, lambda t: len(t) <= long_ok and EDITORIAL_NOTICE.search(t)))


def media_player_rule(s: DumpStats) -> np.ndarray:
    """A player's controls and times, or a programme's name and airing line."""
    return _rule(s, MEDIA_PLAYER, search=True) * (s.n_words <= 20)


def any_furniture_rule(s: DumpStats) -> np.ndarray:
    """Any of the furniture shapes above, pooled.

    The pooled feature is seen often enough in the annotated dumps to get its weight, and
    passes it on to shapes the annotated dumps happen not to contain.
    """
    rules = (credit_mark, byline_shape, navigation_rule, consent_rule, crumb_rule, notice_rule)
    rules += (dateline_rule, syndication_rule, agency_signature, media_player_rule)
    return np.maximum.reduce([rule(s) for rule in rules])


def credit_inside(s: DumpStats) -> np.ndarray:
    """A photo or image credit inside the line: a caption (`… (Photo : Agence)`)."""
    return _flags(s, lambda t: len(t) <= RULE_MAX_CHARS * 2 and _CREDIT_INSIDE.search(t))


def same_mark_as_neighbour(s: DumpStats) -> np.ndarray:
    """The line opens with the same non-letter mark as a neighbour: a run of list items."""
    marks = [_MARK.match(t).group(0).strip() for t in s.texts]  # type: ignore[union-attr]
    out = np.zeros(len(s))
    for i, mark in enumerate(marks):
        if mark and ((i and marks[i - 1] == mark) or (i + 1 < len(marks) and marks[i + 1] == mark)):
            out[i] = 1.0
    return out


def url_or_email(s: DumpStats) -> np.ndarray:
    return _flags(s, _URL.search)


def list_marks(s: DumpStats) -> np.ndarray:
    return _flags(s, _LIST_MARK.search)


def no_letters(s: DumpStats) -> np.ndarray:
    return (s.n_tokens == 0).astype(float)


def repeats_earlier_line(s: DumpStats) -> np.ndarray:
    """The line was already in the dump, whole or inside a longer line (a standfirst twice)."""
    seen: set[str] = set()
    earlier: list[str] = []
    out = np.zeros(len(s))
    for index, text in enumerate(s.texts):
        key = " ".join(text.casefold().split())
        if len(key) >= REPEAT_MIN_CHARS:
            if key in seen or any(key in e or e in key for e in earlier[-8:]):
                out[index] = 1.0
            seen.add(key)
            earlier.append(key)
    return out


def relative_position(s: DumpStats) -> np.ndarray:
    return np.arange(len(s), dtype=float) / max(len(s) - 1, 1)


def first_line(s: DumpStats) -> np.ndarray:
    out = np.zeros(len(s))
    out[:1] = 1.0
    return out


def last_line(s: DumpStats) -> np.ndarray:
    out = np.zeros(len(s))
    out[-1:] = 1.0
    return out


def before_any_prose(s: DumpStats) -> np.ndarray:
    """In the page's header zone: no line of prose above it yet."""
    seen = np.cumsum(s.prose) - s.prose
    return (seen == 0).astype(float)


def list_heading(s: DumpStats) -> np.ndarray:
    """A "Recent posts", "À lire aussi" or comment-box heading."""
    return np.maximum(_rule(s, RELATED_HEADING), _rule(s, COMMENTS))


def after_list_heading(s: DumpStats) -> np.ndarray:
    """Below a list or comment-box heading: the article has ended."""
    marks = list_heading(s)
    return ((np.cumsum(marks) - marks) > 0).astype(float)


def _shift(values: np.ndarray, by: int) -> np.ndarray:
    out = np.zeros(len(values))
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


def previous_is_prose(s: DumpStats) -> np.ndarray:
    return _shift(s.prose.astype(float), 1)


def next_is_prose(s: DumpStats) -> np.ndarray:
    return _shift(s.prose.astype(float), -1)


def previous_is_short(s: DumpStats) -> np.ndarray:
    return _shift(s.short.astype(float), 1)


def next_is_short(s: DumpStats) -> np.ndarray:
    return _shift(s.short.astype(float), -1)


def heading_between_prose(s: DumpStats) -> np.ndarray:
    """A short unpunctuated line with prose above and below: a sub-heading."""
    heading = (s.n_words <= PROSE_WORDS) & (ends_sentence(s) == 0)
    return heading * previous_is_prose(s) * next_is_prose(s)


FEATURES: dict[str, Feature] = {
    f.__name__: f
    for f in (
        chars_log,
        words_log,
        few_words,
        many_words,
        stopword_share,
        ends_sentence,
        ends_with_colon,
        ends_mid_word,
        inner_sentences,
        starts_lowercase,
        starts_with_quote,
        question,
        caps_share,
        capitalised_share,
        digit_share,
        time_of_day,
        date_inside,
        furniture_word_share,
        furniture_word_in_short_line,
        credit_mark,
        agency_signature,
        byline_shape,
        navigation_rule,
        glued_words,
        consent_rule,
        crumb_rule,
        dateline_rule,
        syndication_rule,
        notice_rule,
        media_player_rule,
        any_furniture_rule,
        credit_inside,
        same_mark_as_neighbour,
        url_or_email,
        list_marks,
        no_letters,
        repeats_earlier_line,
        relative_position,
        first_line,
        last_line,
        before_any_prose,
        list_heading,
        after_list_heading,
        previous_is_prose,
        next_is_prose,
        previous_is_short,
        next_is_short,
        heading_between_prose,
    )
}
"""Every line feature, by name, in the order of the weights."""


def feature_matrix(stats: DumpStats, names: list[str] | None = None) -> np.ndarray:
    """One row per line, one column per feature (all of FEATURES unless `names` is given)."""
    chosen = names or list(FEATURES)
    if not len(stats):
        return np.zeros((0, len(chosen)))
    return np.column_stack([FEATURES[name](stats) for name in chosen])
