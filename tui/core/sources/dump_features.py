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

import numpy as np

from tui.core.sources.dates import find_date
from tui.core.sources.dump_rules import (
    after_list_heading,
    agency_signature,
    any_furniture_rule,
    byline_shape,
    consent_rule,
    credit_inside,
    credit_mark,
    crumb_rule,
    dateline_rule,
    glued_words,
    list_heading,
    media_player_rule,
    navigation_rule,
    notice_rule,
    syndication_rule,
)
from tui.core.sources.dump_stats import (
    PROSE_WORDS,
    RULE_MAX_CHARS,
    SHORT_WORDS,
    DumpStats,
    Feature,
    column,
    feature,
    flags,
)
from tui.core.sources.dump_vocabulary import MONTHS, WORD

LONG_WORDS = 30
REPEAT_MIN_CHARS = 20
"""Lines shorter than this are not compared with earlier ones (`Photo`, `Menu` repeat)."""

_END = re.compile(r"[.!?…][»”\"’)\]]*$")
_TIME = re.compile(r"\b\d{1,2}\s?[:h]\s?\d{2}\b")
_DATE = re.compile(rf"\b\d{{1,2}}(?:er)?\s+(?:{MONTHS})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b", re.I)
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
_LIST_MARK = re.compile(r"^(?:[>•·|»+*▶►→-]|\d{1,2}[.)]\s)|\s\|\s|\|$|>>")
_MARK = re.compile(r"[^\w«\"“'‘(\[]*")
_MARKS = frozenset(">•·|»+*▶►→-0123456789")
_QUOTE = ("«", '"', "“", "'", "‘", "—", "–")


def _with_digits(s: DumpStats, test: Callable[[str], object]) -> np.ndarray:
    """`test` on the lines that hold a digit (dates and times need one), 0 elsewhere; a
    possible glued tail (`(©AFP / 3 mai 2021)`) is left out."""
    out = np.zeros(len(s))
    for i in np.flatnonzero(s.digits > 0):
        if test(s.heads[i]):
            out[i] = 1.0
    return out


@feature
def chars_log(s: DumpStats) -> np.ndarray:
    return column(np.log1p(s.n_chars) / 5)


@feature
def words_log(s: DumpStats) -> np.ndarray:
    return column(np.log1p(s.n_words) / 3)


@feature
def few_words(s: DumpStats) -> np.ndarray:
    return (s.n_words <= 3).astype(float)


@feature
def many_words(s: DumpStats) -> np.ndarray:
    return (s.n_words > LONG_WORDS).astype(float)


@feature
def stopword_share(s: DumpStats) -> np.ndarray:
    return s.stop_share


def _colon(s: DumpStats) -> np.ndarray:
    return flags(s, lambda t: t.endswith(":"))


@feature
def ends_sentence(s: DumpStats) -> np.ndarray:
    """A closing full stop, or a colon after a clause: a sentence that introduces a list."""
    clause = _colon(s) * (s.n_words > SHORT_WORDS)
    return column(np.maximum(flags(s, _END.search), clause))


@feature
def ends_with_colon(s: DumpStats) -> np.ndarray:
    """A label before its value (`Source :`, `Par :`)."""
    return column(_colon(s) * (s.n_words <= SHORT_WORDS))


@feature
def ends_mid_word(s: DumpStats) -> np.ndarray:
    return flags(s, lambda t: t[-1:].isalnum())


@feature
def inner_sentences(s: DumpStats) -> np.ndarray:
    counts = [t.count(". ") + t.count("? ") + t.count("! ") for t in s.texts]
    return column(np.log1p(np.array(counts, float)))


@feature
def starts_lowercase(s: DumpStats) -> np.ndarray:
    return flags(s, lambda t: t[:1].islower())


@feature
def starts_with_quote(s: DumpStats) -> np.ndarray:
    return flags(s, lambda t: t.startswith(_QUOTE))


@feature
def question(s: DumpStats) -> np.ndarray:
    return flags(s, lambda t: t.rstrip('»”" ').endswith("?"))


@feature
def caps_share(s: DumpStats) -> np.ndarray:
    return column(s.caps / np.maximum(s.n_tokens, 1))


@feature
def capitalised_share(s: DumpStats) -> np.ndarray:
    """Capitalised words in a line that is not a sentence: menus and labels are full of
    them; in a sentence they are names, which a sentence may list many of."""
    return column(s.capitalised / np.maximum(s.n_words, 1) * (1 - ends_sentence(s)))


@feature
def digit_share(s: DumpStats) -> np.ndarray:
    digits = s.digits
    return column(digits / np.maximum(s.n_chars, 1))


@feature
def time_of_day(s: DumpStats) -> np.ndarray:
    return _with_digits(s, _TIME.search)


@feature
def date_inside(s: DumpStats) -> np.ndarray:
    return _with_digits(s, lambda t: _DATE.search(t) or (len(t) <= RULE_MAX_CHARS and find_date(t)))


@feature
def furniture_word_share(s: DumpStats) -> np.ndarray:
    return column(s.furniture_hits / np.maximum(s.n_tokens, 1))


@feature
def furniture_word_in_short_line(s: DumpStats) -> np.ndarray:
    return column(((s.furniture_hits > 0) & s.short).astype(float))


def _marks(s: DumpStats) -> list[str]:
    return [_MARK.match(t).group(0).strip() for t in s.texts]  # type: ignore[union-attr]


def mark_runs(s: DumpStats, least: int = 3) -> list[range]:
    """Runs of at least `least` lines in a row opening with the same mark (`>>`, `•`, `-`):
    list items, which are all furniture or all article."""
    marks, runs, start = _marks(s), [], 0
    for i in range(1, len(marks) + 1):
        if i == len(marks) or marks[i] != marks[start]:
            if marks[start] and i - start >= least:
                runs.append(range(start, i))
            start = i
    return runs


@feature
def same_mark_as_neighbour(s: DumpStats) -> np.ndarray:
    """The line opens with the same non-letter mark as a neighbour: a run of list items."""
    marks = _marks(s)
    out = np.zeros(len(s))
    for i, mark in enumerate(marks):
        if mark and ((i and marks[i - 1] == mark) or (i + 1 < len(marks) and marks[i + 1] == mark)):
            out[i] = 1.0
    return out


@feature
def url_or_email(s: DumpStats) -> np.ndarray:
    return flags(s, lambda t: ("http" in t or "www." in t or "@" in t) and _URL.search(t))


@feature
def list_marks(s: DumpStats) -> np.ndarray:
    return flags(s, lambda t: (t[:1] in _MARKS or "|" in t or ">>" in t) and _LIST_MARK.search(t))


@feature
def no_letters(s: DumpStats) -> np.ndarray:
    return column((s.n_tokens == 0).astype(float))


@feature
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


@feature
def relative_position(s: DumpStats) -> np.ndarray:
    return np.arange(len(s), dtype=float) / max(len(s) - 1, 1)


@feature
def first_line(s: DumpStats) -> np.ndarray:
    out = np.zeros(len(s))
    out[:1] = 1.0
    return out


@feature
def last_line(s: DumpStats) -> np.ndarray:
    out = np.zeros(len(s))
    out[-1:] = 1.0
    return out


@feature
def before_any_prose(s: DumpStats) -> np.ndarray:
    """In the page's header zone: no line of prose above it yet."""
    seen = np.cumsum(s.prose) - s.prose
    return column((seen == 0).astype(float))


def _shift(values: np.ndarray, by: int) -> np.ndarray:
    out = np.zeros(len(values))
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


@feature
def previous_is_prose(s: DumpStats) -> np.ndarray:
    return _shift(s.prose.astype(float), 1)


@feature
def next_is_prose(s: DumpStats) -> np.ndarray:
    return _shift(s.prose.astype(float), -1)


@feature
def previous_is_short(s: DumpStats) -> np.ndarray:
    return _shift(s.short.astype(float), 1)


@feature
def next_is_short(s: DumpStats) -> np.ndarray:
    return _shift(s.short.astype(float), -1)


@feature
def heading_between_prose(s: DumpStats) -> np.ndarray:
    """A short unpunctuated line with prose above and below: a sub-heading."""
    heading = (s.n_words <= PROSE_WORDS) & (ends_sentence(s) == 0)
    return column(heading * previous_is_prose(s) * next_is_prose(s))


def content_words(s: DumpStats, index: int) -> set[str]:
    """The line's words but its function words and single letters."""
    return {w for w in WORD.findall(s.lowered[index]) if len(w) > 1 and w not in s.stopwords}


@feature
def announces_next(s: DumpStats) -> np.ndarray:
    """Share of a heading-shaped line's words that the prose line under it takes up again: a
    heading announces what its paragraph says, a menu item or a label does not."""
    out = np.zeros(len(s))
    shaped = (s.n_words <= LONG_WORDS) & (ends_sentence(s) == 0)
    for i in map(int, np.flatnonzero(shaped[:-1] & s.prose[1:])):
        words = content_words(s, i)
        if words:
            out[i] = len(words & content_words(s, i + 1)) / len(words)
    return out


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
        announces_next,
    )
}
"""Every line feature, by name, in the order of the weights."""


def feature_matrix(stats: DumpStats, names: list[str] | None = None) -> np.ndarray:
    """One row per line, one column per feature (all of FEATURES unless `names` is given)."""
    chosen = names or list(FEATURES)
    if not len(stats):
        return np.zeros((0, len(chosen)))
    return np.column_stack([FEATURES[name](stats) for name in chosen])
