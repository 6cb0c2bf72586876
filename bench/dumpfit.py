"""Annotated dumps as labelled lines, and the cross-validated fit of the dump cleaner.

Used by `bench/fit_cleaner` (fit on every annotated dump, write the model) and
`bench/dumps` (leave one site out: fit on the others, measure on the one left out).

Each dump's lines get a gold class by locating its gold body in it:
- dev-fr and the seed: the gold `body` paragraphs and `title`, each a verbatim line of the
  dump, or the start of one when a byline or credit glued to it was cut;
- train-fr: `bench/annotations/train-fr/NN.json`, with `title_span` and `body_spans`
  (character offsets into the dump read as UTF-8).
Every dump comes from its own site, so leaving one site out leaves one dump out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from tui.core.sources.clean import clean_dump
from tui.core.sources.dump_decide import (
    Shapes,
    body_probability,
    choose_title,
    context_pass,
    headline_shaped,
    line_shapes,
    never_title,
    ordered,
)
from tui.core.sources.dump_features import FEATURES, feature_matrix
from tui.core.sources.dump_lines import DumpLine, split_lines
from tui.core.sources.dump_model import (
    BODY,
    FURNITURE,
    GLUED,
    LINE_CLASSES,
    TAIL_CLASSES,
    TITLE,
    DumpModel,
    LinearModel,
    Thresholds,
    fit_linear,
)
from tui.core.sources.dump_stats import dump_stats
from tui.core.sources.dump_tails import TAIL_FEATURES, TailCandidate, tail_candidates, tail_matrix
from tui.core.sources.dump_vocabulary import dump_language

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ANNOTATIONS = ROOT / "bench" / "annotations" / "train-fr"
_WORD = re.compile(r"\w+")
L2_GRID = (0.01, 0.03, 0.1, 0.3)
"""Penalties tried. A stronger one (1.0) ties with 0.3 in cross-validation but shrinks
every weight towards the class priors: the furniture shapes few dumps show (a credit line,
a glued signature) then sit in the doubtful band and the thresholds alone decide them."""
INNER_FOLDS = 5
"""Folds of the cross-validation that chooses the penalty and the thresholds."""
BODY_GRID = (0.3, 0.4, 0.5, 0.6)
LOW_GRID = (0.05, 0.1, 0.2, 0.3)
HIGH_GRID = (0.6, 0.7, 0.8, 0.9)
TITLE_GRID = (0.3, 0.4, 0.5, 0.6)
TAIL_GRID = (0.3, 0.5, 0.7)


@dataclass
class Dump:
    """One annotated dump: its lines, each line's gold class, and the gold body."""

    name: str
    text: str
    lines: list[DumpLine]
    labels: list[str]
    tails: dict[int, int]
    """Line index -> offset where the gold cuts a glued byline or credit."""
    gold_body: str
    lang: str
    problems: list[str] = field(default_factory=list)


def token_scores(found: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the lower-cased word multisets (`\\w+`)."""
    got, want = Counter(_WORD.findall(found.lower())), Counter(_WORD.findall(gold.lower()))
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def _from_paragraphs(name: str, text: str, gold: dict[str, Any]) -> Dump:
    """Labels from a gold body given as paragraphs (dev-fr, seed)."""
    dump = split_lines(text)
    paragraphs = [p for p in gold["body"].split("\n\n") if p]
    wanted = set(paragraphs)
    labels, tails, problems = [], {}, []
    for index, line in enumerate(dump.lines):
        if line.text == gold.get("title"):
            labels.append(TITLE)
        elif line.text in wanted:
            labels.append(BODY)
        else:
            prefix = next((p for p in paragraphs if line.text.startswith(p)), None)
            labels.append(BODY if prefix else FURNITURE)
            if prefix:
                tails[index] = (
                    len(prefix)
                    + len(line.text[len(prefix) :])
                    - len(line.text[len(prefix) :].lstrip())
                )
    found = {line.text[: tails.get(i)].rstrip() for i, line in enumerate(dump.lines)}
    problems += [f"gold paragraph not a line: {p[:50]!r}" for p in paragraphs if p not in found]
    lang = gold.get("lang") or dump_language(text)
    return Dump(name, text, dump.lines, labels, tails, gold["body"], lang, problems)


def _from_spans(name: str, text: str, note: dict[str, Any]) -> Dump:
    """Labels from character spans of title and body (train-fr annotations)."""
    dump = split_lines(text)
    spans = [tuple(s) for s in note.get("body_spans", [])]
    title = tuple(note["title_span"]) if note.get("title_span") else None
    labels, tails, problems = [], {}, []
    for index, line in enumerate(dump.lines):
        inside = [(s, e) for s, e in spans if s < line.end and e > line.start]
        if title and title[0] < line.end and title[1] > line.start:
            labels.append(TITLE)
        elif inside:
            labels.append(BODY)
            start, end = inside[0][0], inside[-1][1]
            if start > line.start:
                problems.append(f"body starts inside line {index}: {line.text[:40]!r}")
            if end < line.end:
                cut = end - line.start
                rest = line.text[cut:]
                tails[index] = cut + len(rest) - len(rest.lstrip())
        else:
            labels.append(FURNITURE)
    body = "\n\n".join(text[s:e] for s, e in spans)
    return Dump(name, text, dump.lines, labels, tails, body, dump_language(text), problems)


def load_dumps() -> list[Dump]:
    """Every annotated dump: dev-fr, the seed, and the train-fr dumps annotated so far."""
    dumps = []
    for path in sorted((CORPUS / "dev-fr").glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        dumps.append(_from_paragraphs(f"dev-fr/{path.stem}", path.read_text("utf-8"), gold))
    seed = CORPUS / "seed" / "andromede.txt"
    gold = json.loads(seed.with_suffix(".json").read_text(encoding="utf-8"))
    dumps.append(_from_paragraphs("seed/andromede", seed.read_text("utf-8"), gold))
    for path in sorted(ANNOTATIONS.glob("*.json")):
        note = json.loads(path.read_text(encoding="utf-8"))
        text = (CORPUS / "train-fr" / f"{path.stem}.txt").read_text("utf-8")
        dumps.append(_from_spans(f"train-fr/{path.stem}", text, note))
    return dumps


def _line_data(dumps: list[Dump]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Features, labels and weights of every line.

    A line weighs by its words (a lost paragraph costs more than a kept menu item), and
    each class as much as the others in total, so the rare title class is learnt too.
    """
    matrices, labels, weights = [], [], []
    for dump in dumps:
        stats = dump_stats(dump.lines, dump.lang)
        matrices.append(feature_matrix(stats))
        labels += dump.labels
        weights.append(1.0 + np.log1p(stats.n_words))
    weight = np.concatenate(weights)
    for name in LINE_CLASSES:
        members = np.array([label == name for label in labels])
        if members.any():
            weight[members] /= weight[members].sum()
    return np.vstack(matrices), labels, weight


def _gold_candidates(dump: Dump) -> list[TailCandidate]:
    return tail_candidates([line.text for line in dump.lines], [b == BODY for b in dump.labels])


def _tail_data(dumps: list[Dump]) -> tuple[np.ndarray, list[str]]:
    matrices, labels = [np.zeros((0, len(TAIL_FEATURES)))], []
    for dump in dumps:
        candidates = _gold_candidates(dump)
        matrices.append(tail_matrix(candidates, dump.lang))
        labels += [GLUED if dump.tails.get(c.index) == c.start else BODY for c in candidates]
    return np.vstack(matrices), labels


def fit_models(dumps: list[Dump], l2: float) -> tuple[LinearModel, LinearModel]:
    """The line model and the tail model fitted on these dumps."""
    matrix, labels, weights = _line_data(dumps)
    lines = fit_linear(
        matrix, labels, features=tuple(FEATURES), classes=LINE_CLASSES, l2=l2, sample_weight=weights
    )
    tail_x, tail_y = _tail_data(dumps)
    tails = fit_linear(tail_x, tail_y, features=tuple(TAIL_FEATURES), classes=TAIL_CLASSES, l2=l2)
    return lines, tails


@dataclass
class _Held:
    """A held-out dump's out-of-fold probabilities, and word counts to score its bodies."""

    dump: Dump
    lines: np.ndarray
    """Title, body, furniture probability of each line."""
    tails: dict[int, tuple[float, np.ndarray]]
    """Line index -> (glued probability, word counts without the tail) for candidates."""
    shapes: Shapes
    headline: np.ndarray
    never_title: np.ndarray
    words: np.ndarray
    """Word counts of each line over the dump's vocabulary."""
    gold: np.ndarray


def _counts(text: str, vocabulary: dict[str, int]) -> np.ndarray:
    out = np.zeros(len(vocabulary))
    for word in _WORD.findall(text.lower()):
        out[vocabulary[word]] += 1
    return out


def _hold(dump: Dump, lines: LinearModel, tails: LinearModel) -> _Held:
    stats = dump_stats(dump.lines, dump.lang)
    probabilities = ordered(lines, feature_matrix(stats, list(lines.features)))
    candidates = _gold_candidates(dump)
    glued = tails.probabilities(tail_matrix(candidates, dump.lang))[:, tails.classes.index(GLUED)]
    texts = [line.text for line in dump.lines]
    vocabulary: dict[str, int] = {}
    for text in [*texts, dump.gold_body]:
        for word in _WORD.findall(text.lower()):
            vocabulary.setdefault(word, len(vocabulary))
    return _Held(
        dump,
        probabilities,
        {
            c.index: (float(p), _counts(c.line[: c.start], vocabulary))
            for c, p in zip(candidates, glued, strict=True)
        },
        line_shapes(stats),
        headline_shaped(stats),
        never_title(stats),
        np.array([_counts(t, vocabulary) for t in texts]).reshape(len(texts), len(vocabulary)),
        _counts(dump.gold_body, vocabulary),
    )


def _f1(held: _Held, thresholds: Thresholds) -> tuple[float, float]:
    """F1 and recall of the body these thresholds keep from out-of-fold probabilities."""
    body = body_probability(held.lines, held.never_title)
    title = choose_title(held.lines, body, held.headline, held.shapes.long, thresholds)
    keep = context_pass(body, held.shapes, title, thresholds)
    got = held.words[np.array(keep, bool)].sum(axis=0) if any(keep) else 0 * held.gold
    for index, (glued, cut) in held.tails.items():
        if keep[index] and glued >= thresholds.tail:
            got = got - held.words[index] + cut
    common = float(np.minimum(got, held.gold).sum())
    if not common:
        return 0.0, 0.0
    precision, recall = common / float(got.sum()), common / float(held.gold.sum())
    return 2 * precision * recall / (precision + recall), recall


def _folds(dumps: list[Dump], count: int) -> list[list[Dump]]:
    return [dumps[i::count] for i in range(min(count, len(dumps)))]


def _out_of_fold(dumps: list[Dump], l2: float) -> list[_Held]:
    held = []
    for fold in _folds(dumps, INNER_FOLDS):
        rest = [d for d in dumps if d not in fold]
        lines, tails = fit_models(rest, l2)
        held += [_hold(d, lines, tails) for d in fold]
    return held


GRIDS = {
    "body": BODY_GRID,
    "doubt_low": LOW_GRID,
    "doubt_high": HIGH_GRID,
    "title": TITLE_GRID,
    "tail": TAIL_GRID,
}
SEARCH_ROUNDS = 2


def _score(held: list[_Held], thresholds: Thresholds) -> float:
    return float(np.mean([_f1(h, thresholds)[0] for h in held]))


def _best_thresholds(held: list[_Held]) -> tuple[Thresholds, float]:
    """The thresholds with the best mean F1 over the held-out dumps, one at a time."""
    best = Thresholds()
    best_score = _score(held, best)
    for _ in range(SEARCH_ROUNDS):
        for name, grid in GRIDS.items():
            for value in grid:
                trial = replace(best, **{name: value})
                if not trial.doubt_low <= trial.body <= trial.doubt_high:
                    continue
                score = _score(held, trial)
                if score > best_score + 1e-9:
                    best, best_score = trial, score
    return best, best_score


def choose_model(dumps: list[Dump]) -> DumpModel:
    """Penalty and thresholds by cross-validation on `dumps`, then a fit on all of them."""
    results = []
    for l2 in L2_GRID:
        thresholds, score = _best_thresholds(_out_of_fold(dumps, l2))
        results.append((score, l2, thresholds))
    score, l2, thresholds = max(results, key=lambda r: r[0])
    lines, tails = fit_models(dumps, l2)
    fitted = {
        "dumps": [d.name for d in dumps],
        "lines": sum(len(d.lines) for d in dumps),
        "l2": l2,
        "cv_folds": INNER_FOLDS,
        "cv_mean_f1": round(score, 4),
    }
    return DumpModel(lines, tails, thresholds, fitted)


def cleaned_body(dump: Dump, model: DumpModel) -> str:
    """What the cleaner keeps of the dump with this model."""
    return clean_dump(dump.text, model).body
