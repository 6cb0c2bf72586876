"""Context words learned from annotated pages: the words next to a name that go with
companies ('of X', 'X said', 'chez X') and those that go with other names ('Mr X').

Each occurrence of a form gives the word just before and the word just after it, marked
by side ('<of' before, '>said' after); a capitalised word becomes 'Cap' and a number '0',
so the table learns the words of the context, never the names around it. `fit_table`
turns labelled forms into one smoothed log-odds per context word (how much more often it
surrounds a company than the base rate says); a form's score is that of its best
occurrence, the sum of its words' log-odds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from tui.core.entities.companies.candidates import Form, sentence_start

REACH = 1
"""Words read on each side of an occurrence (the next word only: measured, two words or
three add more noise than evidence)."""
MAX_OCCURRENCES = 12
"""Occurrences of a form whose context is read."""
SMOOTHING = 8.0
"""Pseudo-forms at the base rate added to every word's counts."""
MIN_FORMS = 3
"""A word must surround this many labelled forms to enter the table."""
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d.,]*|[^\w\s]")
SPAN_CHARS = 60
"""Characters of text read on each side before cutting it into words."""

LANGUAGES = frozenset({"fr"})
"""Languages whose context words are read. English context words gained nothing left one
site out (the English pages are more reviews and product news than deal news) and
tipped a surname over the threshold, so English text gives none."""

Table = Mapping[str, float]
"""Log-odds by context word ('en<of', 'fr>a')."""


def _word(token: str, at_start: bool) -> str:
    if token[0].isdigit():
        return "0"
    if token[0].isupper() and not at_start:
        return "Cap"
    return token.lower().replace("’", "'")


def occurrence_words(body: str, start: int, end: int, lang: str) -> list[str]:
    """The side-marked context words of one occurrence, without crossing a line break."""
    left = body[max(0, start - SPAN_CHARS) : start].rsplit("\n", 1)[-1]
    right = body[end : end + SPAN_CHARS].split("\n", 1)[0]
    out = []
    before = list(TOKEN.finditer(left))[-REACH:]
    offset = start - len(left)
    for match in before:
        out.append(f"{lang}<{_word(match.group(), sentence_start(body, offset + match.start()))}")
    for match in list(TOKEN.finditer(right))[:REACH]:
        out.append(f"{lang}>{_word(match.group(), False)}")
    return out


def form_words(body: str, form: Form, lang: str) -> list[list[str]]:
    """The context words of each of the form's first occurrences (none outside
    `LANGUAGES`)."""
    if lang not in LANGUAGES:
        return []
    return [
        occurrence_words(body, o.start, o.end, lang) for o in form.occurrences[:MAX_OCCURRENCES]
    ]


WordCounts = tuple[Counter[str], Counter[str], list[int]]
"""Forms each context word surrounds among companies and among others, and how many
forms of each kind (others, companies) were counted."""


def count_words(examples: Iterable[tuple[Sequence[Sequence[str]], int]]) -> WordCounts:
    """The counts of (words of each occurrence, label) of labelled forms; a word counts
    once per form."""
    positive: Counter[str] = Counter()
    negative: Counter[str] = Counter()
    counts = [0, 0]
    for occurrences, label in examples:
        seen = {w for words in occurrences for w in words}
        (positive if label else negative).update(seen)
        counts[bool(label)] += 1
    return positive, negative, counts


def fit_table(
    examples: Iterable[tuple[Sequence[Sequence[str]], int]],
    smoothing: float = SMOOTHING,
    min_forms: int = MIN_FORMS,
) -> dict[str, float]:
    """Log-odds of being a company for every context word, from labelled forms."""
    positive, negative, counts = count_words(examples)
    return table_from_counts(positive, negative, counts[1], counts[0], smoothing, min_forms)


def table_from_counts(
    positive: Mapping[str, int],
    negative: Mapping[str, int],
    n_positive: int,
    n_negative: int,
    smoothing: float = SMOOTHING,
    min_forms: int = MIN_FORMS,
    vocabulary: Iterable[str] | None = None,
) -> dict[str, float]:
    """The smoothed log-odds table of word counts among company and other forms (of the
    words of `vocabulary` only, when given)."""
    if not n_positive or not n_negative:
        return {}
    base = n_positive / (n_positive + n_negative)
    prior = math.log(base / (1 - base))
    table = {}
    for word in set(positive) | set(negative) if vocabulary is None else vocabulary:
        pos, neg = positive.get(word, 0), negative.get(word, 0)
        if pos + neg < min_forms:
            continue
        odds = (pos + smoothing * base) / (neg + smoothing * (1 - base))
        table[word] = math.log(odds) - prior
    return table


def score(table: Table, occurrences: Sequence[Sequence[str]]) -> tuple[float, list[str]]:
    """The best occurrence's summed log-odds (a company needs one telling context) and
    its words that pull the same way, strongest first."""
    if not table or not occurrences:
        return 0.0, []
    best, best_words = -math.inf, list(occurrences[0])
    for words in occurrences:
        unique = list(dict.fromkeys(words))
        total = sum(table.get(w, 0.0) for w in unique)
        if total > best:
            best, best_words = total, unique
    ranked = sorted(best_words, key=lambda w: -abs(table.get(w, 0.0)))
    strong = [w for w in ranked if table.get(w, 0.0) and (table[w] > 0) == (best > 0)]
    return best, strong


def readable(word: str) -> str:
    """'en<of' -> "'of' before"; 'fr>a' -> "'a' after"."""
    side = "before" if word[2:3] == "<" else "after"
    text = word[3:]
    shown = {"Cap": "a capitalised word", "0": "a number"}.get(text, f"'{text}'")
    return f"{shown} {side}"
