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

from tui.core.sources.dump_features import DumpStats, feature_matrix
from tui.core.sources.dump_model import BODY, FURNITURE, GLUED, TITLE, DumpModel, Thresholds
from tui.core.sources.dump_tails import tail_candidates, tail_matrix

TITLE_SEARCH_LINES = 8
"""The title, when the dump shows one, is among its first lines."""
_GOOD, _BAD, _DOUBT = 1, -1, 0


@dataclass(frozen=True)
class Decisions:
    """Each line's class, and where a glued tail starts on the body lines that have one."""

    labels: list[str]
    body_probability: np.ndarray
    tails: dict[int, int]
    """Line index -> offset in the line where its glued byline or credit starts."""
    matrix: np.ndarray
    """The line features, kept so the cleaner can say which ones decided."""


def choose_title(probabilities: np.ndarray, thresholds: Thresholds) -> int | None:
    """The likeliest title line before the first sure body line, if likely enough."""
    title, body = probabilities[:, 0], probabilities[:, 1]
    sure = np.flatnonzero(body >= thresholds.doubt_high)
    stop = min(TITLE_SEARCH_LINES, int(sure[0]) + 1 if len(sure) else TITLE_SEARCH_LINES)
    head = title[:stop]
    if not len(head):
        return None
    best = int(np.argmax(head))
    if head[best] < thresholds.title or best + 1 >= len(title):
        return None
    return best


def context_pass(body: np.ndarray, title: int | None, thresholds: Thresholds) -> list[bool]:
    """Which lines are body: sure ones by themselves, doubtful ones by their neighbours."""
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


def decide(stats: DumpStats, model: DumpModel, lang: str) -> Decisions:
    """Classify every line of a dump and find the glued tails of its body lines."""
    matrix = feature_matrix(stats, list(model.lines.features))
    probabilities = model.lines.probabilities(matrix)
    order = [model.lines.classes.index(c) for c in (TITLE, BODY, FURNITURE)]
    probabilities = probabilities[:, order]
    title = choose_title(probabilities, model.thresholds)
    keep = context_pass(probabilities[:, 1], title, model.thresholds)
    labels = [BODY if k else FURNITURE for k in keep]
    if title is not None:
        labels[title] = TITLE
    return Decisions(labels, probabilities[:, 1], glued_tails(stats, keep, model, lang), matrix)


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
