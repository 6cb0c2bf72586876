"""From class probabilities to each line's class: the title, the context pass, glued tails.

The line model gives every line a probability of being title, body or furniture. A line
sure enough either way keeps its class; a doubtful one takes it from its neighbours, as
in jusText's context pass: between two body lines it is body (a sub-heading between two
paragraphs), next to one body line it is body only if likely enough, and among
furniture it is furniture. The title is the likeliest title line of the page's head.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tui.core.sources.dump_features import feature_matrix, no_letters
from tui.core.sources.dump_model import (
    BODY,
    FURNITURE,
    GLUED,
    TITLE,
    DumpModel,
    LinearModel,
    Thresholds,
)
from tui.core.sources.dump_rules import after_list_heading, any_furniture_rule, list_heading
from tui.core.sources.dump_stats import DumpStats, column
from tui.core.sources.dump_tails import tail_candidates, tail_matrix

TITLE_SEARCH_LINES = 8
"""The title, when the dump shows one, is among its first lines."""
MAX_TITLE_WORDS = 30
_GOOD, _BAD, _DOUBT = 1, -1, 0


@dataclass(frozen=True)
class Decisions:
    """Each line's class, and where a glued tail starts on the body lines that have one."""

    labels: list[str]
    probabilities: np.ndarray
    """Title, body and furniture probability of each line, as the model gave them."""
    tails: dict[int, int]
    """Line index -> offset in the line where its glued byline or credit starts."""
    matrix: np.ndarray
    """The line features, kept so the cleaner can say which ones decided."""
    plain: bool = False
    """The model kept no line: the text was read as plain text, not as a page dump."""


def headline_shaped(stats: DumpStats) -> np.ndarray:
    """Lines that may be a headline, whatever the model says: two to `MAX_TITLE_WORDS`
    words, no closing full stop, and no furniture shape (a menu item, a dateline)."""
    words = (stats.n_words >= 2) & (stats.n_words <= MAX_TITLE_WORDS)
    stop = np.array([t.endswith(".") and not t.endswith("..") for t in stats.texts])
    opening = np.array([t[:1].isalnum() or t[:1] in "«\"“'‘¿¡" for t in stats.texts])
    return column(words & ~stop & opening & (any_furniture_rule(stats) == 0))


def choose_title(
    probabilities: np.ndarray, headline: np.ndarray, thresholds: Thresholds
) -> int | None:
    """The first headline-shaped line of the page's head likely enough to be the title.

    The head ends at the first sure body line; a title needs body text after it.
    """
    title, body = probabilities[:, 0], probabilities[:, 1]
    sure = np.flatnonzero(body >= thresholds.doubt_high)
    stop = min(TITLE_SEARCH_LINES, int(sure[0]) + 1 if len(sure) else TITLE_SEARCH_LINES)
    for index in range(min(stop, len(title) - 1)):
        if headline[index] and title[index] >= thresholds.title:
            return index
    return None


def context_pass(
    body: np.ndarray, long: np.ndarray, title: int | None, thresholds: Thresholds
) -> list[bool]:
    """Which lines are body: sure and long ones by themselves, short doubtful ones by their
    neighbours (a long paragraph is judged alone, as jusText does)."""
    state = np.where(
        body >= thresholds.doubt_high, _GOOD, np.where(body < thresholds.doubt_low, _BAD, _DOUBT)
    )
    if title is not None:
        state[title] = _BAD
    above = _nearest_sure(state, range(len(state)))
    below = _nearest_sure(state, range(len(state) - 1, -1, -1))
    keep = []
    for i, s in enumerate(state):
        if s != _DOUBT:
            keep.append(bool(s == _GOOD))
            continue
        if long[i]:
            keep.append(bool(body[i] >= thresholds.body))
            continue
        good_sides = (above[i] == _GOOD) + (below[i] == _GOOD)
        keep.append(good_sides == 2 or (good_sides == 1 and body[i] >= thresholds.body))
    return keep


def _nearest_sure(state: np.ndarray, order: range) -> dict[int, int]:
    """For each line, the state of the nearest sure line before it in `order` (0 if none)."""
    nearest: dict[int, int] = {}
    last = _DOUBT
    for i in order:
        nearest[i] = last
        if state[i] != _DOUBT:
            last = int(state[i])
    return nearest


def ordered(model: LinearModel, matrix: np.ndarray) -> np.ndarray:
    """The model's probabilities as (title, body, furniture) columns."""
    order = [model.classes.index(c) for c in (TITLE, BODY, FURNITURE)]
    return model.probabilities(matrix)[:, order]


def decide(stats: DumpStats, model: DumpModel, lang: str) -> Decisions:
    """Classify every line of a dump and find the glued tails of its body lines."""
    matrix = feature_matrix(stats, list(model.lines.features))
    probabilities = ordered(model.lines, matrix)
    title = choose_title(probabilities, headline_shaped(stats), model.thresholds)
    keep = context_pass(probabilities[:, 1], stats.prose, title, model.thresholds)
    plain = not any(keep)
    if plain:
        keep = plain_text_lines(stats, title)
    labels = [BODY if k else FURNITURE for k in keep]
    if title is not None:
        labels[title] = TITLE
    tails = glued_tails(stats, keep, model, lang)
    return Decisions(labels, probabilities, tails, matrix, plain)


def plain_text_lines(stats: DumpStats, title: int | None) -> list[bool]:
    """The body of a text that does not read as a page dump (a note, a few short lines).

    The model, fitted on pages, keeps none of its lines; every line with letters is kept
    but for the title, the known furniture shapes and what follows a related-posts or
    comments heading.
    """
    keep = (any_furniture_rule(stats) == 0) & (after_list_heading(stats) == 0)
    keep &= (no_letters(stats) == 0) & (list_heading(stats) == 0)
    if title is not None:
        keep[title] = False
    return [bool(k) for k in keep]


def glued_tails(stats: DumpStats, keep: list[bool], model: DumpModel, lang: str) -> dict[int, int]:
    """Line index -> start of the glued byline or credit, for the tails the model cuts."""
    candidates = tail_candidates(stats.texts, keep)
    if not candidates:
        return {}
    probabilities = model.tails.probabilities(tail_matrix(candidates, lang))
    glued = probabilities[:, model.tails.classes.index(GLUED)]
    return {
        c.index: c.start
        for c, p in zip(candidates, glued, strict=True)
        if p >= model.thresholds.tail
    }
