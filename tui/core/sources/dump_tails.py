"""Glued bylines and credits: a short tail after a body line's last sentence, as its own class.

`… d'ici quelques semaines. Jean Dupont` or `…du groupe.abc/de(©AFP / 2 mai 2018)`: the
page put the signature right after the text and the dump lost the line break. The tail
model scores each candidate from the named features below; a candidate on the dump's last
line is more often a sentence the dump cut short (`Elle rappelle qu`) than a signature.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tui.core.sources.dump_lines import glued_tail
from tui.core.sources.dump_vocabulary import AGENCY_SIGNATURE, STOPWORDS, WORD


@dataclass(frozen=True)
class TailCandidate:
    """A possible glued tail: `line[start:]` of the body line at `index`."""

    index: int
    line: str
    start: int
    last_line: bool
    """The line is the dump's last: the dump may simply end mid-sentence."""
    article_ended: bool
    """No body line follows, but other lines do (comments, related posts, credits)."""

    @property
    def tail(self) -> str:
        return self.line[self.start :]


def tail_candidates(texts: list[str], body: list[bool]) -> list[TailCandidate]:
    """The body lines that end with a short unpunctuated tail after a sentence."""
    last_body = max((i for i, b in enumerate(body) if b), default=-1)
    out = []
    for index, (text, is_body) in enumerate(zip(texts, body, strict=True)):
        if not is_body:
            continue
        start = glued_tail(text)
        if start is not None:
            last = index == len(texts) - 1
            ended = index == last_body and not last
            out.append(TailCandidate(index, text, start, last, ended))
    return out


TailFeature = Callable[[TailCandidate, frozenset[str]], float]


def tail_words(c: TailCandidate, stopwords: frozenset[str]) -> float:
    return float(np.log1p(len(c.tail.split())))


def tail_starts_capital(c: TailCandidate, stopwords: frozenset[str]) -> float:
    return float(c.tail[:1].isupper())


def tail_all_capitalised(c: TailCandidate, stopwords: frozenset[str]) -> float:
    return float(all(w[:1].isupper() for w in c.tail.split()))


def tail_stopword_share(c: TailCandidate, stopwords: frozenset[str]) -> float:
    words = [w.lower() for w in WORD.findall(c.tail)]
    return sum(w in stopwords for w in words) / max(len(words), 1)


def tail_agency_mark(c: TailCandidate, stopwords: frozenset[str]) -> float:
    return float(bool(AGENCY_SIGNATURE.search(c.tail)) or "©" in c.tail)


def tail_has_digits(c: TailCandidate, stopwords: frozenset[str]) -> float:
    return float(bool(re.search(r"\d", c.tail)))


def tail_without_space(c: TailCandidate, stopwords: frozenset[str]) -> float:
    return float(c.start > 0 and not c.line[c.start - 1].isspace())


def tail_on_last_line(c: TailCandidate, stopwords: frozenset[str]) -> float:
    return float(c.last_line)


def tail_after_article_end(c: TailCandidate, stopwords: frozenset[str]) -> float:
    return float(c.article_ended)


TAIL_FEATURES: dict[str, TailFeature] = {
    f.__name__: f
    for f in (
        tail_words,
        tail_starts_capital,
        tail_all_capitalised,
        tail_stopword_share,
        tail_agency_mark,
        tail_has_digits,
        tail_without_space,
        tail_on_last_line,
        tail_after_article_end,
    )
}
"""Every glued-tail feature, by name, in the order of the weights."""


def tail_matrix(candidates: list[TailCandidate], lang: str) -> np.ndarray:
    """One row per candidate, one column per tail feature."""
    stopwords = STOPWORDS[lang]
    rows = [[f(c, stopwords) for f in TAIL_FEATURES.values()] for c in candidates]
    return np.array(rows, float).reshape(len(candidates), len(TAIL_FEATURES))
