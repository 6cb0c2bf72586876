"""The fitted company scorer: a logistic regression over the named features.

The weights, the bias and the threshold live in `tui/core/data/company_scorer.json`,
written by `python bench/fit_companies` (the fitting code is `fit_logistic` here, so the
bench and the fitting command use the same one). A form is a company when its
probability reaches the threshold; the features that added most to its score are the
reasons the panel shows.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from tui.core.entities.companies.page import Evidence

DATA_FILE = "data/company_scorer.json"
MAX_REASONS = 3
"""How many reasons a company row shows at most."""
MIN_REASON_WEIGHT = 0.25
"""A feature adds a reason only when it raised the score by at least this much."""

SILENT = frozenset(
    {
        "ner_fr_PER",
        "ner_fr_LOC",
        "ner_en_PERSON",
        "ner_en_PLACE",
        "ner_en_NORP",
        "ner_none",
        "ner_partial",
        "one_word",
        "french",
        "sentence_start",
    }
)
"""Features that may raise a score but do not read as a reason ('French NER: PER' is a
quirk of that model, not why a name is a company)."""

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Scorer:
    """Weights by feature name, a bias and the probability threshold (one per language
    where the fit chose them apart)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    by_language: dict[str, float] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    """Fitted log-odds of context words (`words.fit_table`); empty: those features are 0."""

    def threshold_for(self, lang: str) -> float:
        """The threshold for text in `lang` ('fr' or 'en')."""
        return self.by_language.get(lang, self.threshold)

    def margin(self, names: Sequence[str], values: Sequence[float]) -> float:
        return self.bias + sum(
            self.weights.get(n, 0.0) * v for n, v in zip(names, values, strict=True)
        )

    def probability(self, names: Sequence[str], values: Sequence[float]) -> float:
        return _sigmoid(self.margin(names, values))

    def reasons(self, names: Sequence[str], evidence: Sequence[Evidence]) -> tuple[str, ...]:
        """The words of the features that raised the score most, strongest first."""
        gains = [
            (self.weights.get(name, 0.0) * value, text)
            for name, (value, text) in zip(names, evidence, strict=True)
            if value and text and name not in SILENT
        ]
        gains.sort(key=lambda g: -g[0])
        return tuple(dict.fromkeys(t for g, t in gains if g >= MIN_REASON_WEIGHT))[:MAX_REASONS]

    def to_json(self, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            **(extra or {}),
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 6),
            **({"thresholds": self.by_language} if self.by_language else {}),
            "weights": {k: round(v, 6) for k, v in self.weights.items()},
            **(
                {"context_words": {k: round(v, 4) for k, v in sorted(self.words.items())}}
                if self.words
                else {}
            ),
        }


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def scorer_from_json(data: dict[str, Any]) -> Scorer:
    """A scorer from the data file's object; raises KeyError/TypeError/ValueError."""
    weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}
    by_language = {str(k): float(v) for k, v in dict(data.get("thresholds") or {}).items()}
    words = {str(k): float(v) for k, v in dict(data.get("context_words") or {}).items()}
    return Scorer(weights, float(data["bias"]), float(data["threshold"]), by_language, words)


@cache
def shipped_scorer() -> Scorer | None:
    """The scorer shipped in the package; None (and a log line) when it cannot be read."""
    try:
        raw = resources.files("tui.core").joinpath(DATA_FILE).read_text("utf-8")
        return scorer_from_json(json.loads(raw))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        _log.warning("company scorer unavailable: %s", exc)
        return None


PRIOR = {
    "known_company": 3.0,
    "legal_form": 3.0,
    "company_word": 2.0,
    "newspaper": 2.0,
    "strong_cue": 3.0,
    "appositive": 3.0,
    "cue_noun": 2.0,
    "cue_before": 1.5,
    "listed_with": 1.5,
    "known_body": -4.0,
    "abbreviates_body": -3.0,
    "stock_index": -4.0,
    "calendar": -3.0,
    "place": -2.0,
    "function_word": -2.0,
    "surname": -2.0,
    "person_name": -2.0,
    "title_before": -2.0,
    "cut_only": -2.0,
}
"""What a reader of business news knows before any page is counted: the weights the fit
is drawn towards (instead of zero), so evidence that is rare in the annotated pages (a
'X's chief executive', a stock index) keeps the sign and size it plainly has."""


def fit_logistic(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    l2: float,
    prior: Sequence[float] | None = None,
    iterations: int = 50,
) -> tuple[list[float], float]:
    """Weights and bias of a logistic regression whose weights are drawn towards `prior`
    (zero when not given) with strength `l2`, by Newton's method.

    Deterministic: the same rows give the same weights. The bias is not penalised.
    """
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=float)
    design = np.hstack([x, np.ones((len(x), 1))])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    centre = np.zeros(design.shape[1])
    if prior is not None:
        centre[:-1] = np.asarray(prior, dtype=float)
    beta = centre.copy()
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -30, 30)))
        gradient = design.T @ (p - y) + penalty * (beta - centre)
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return [float(b) for b in beta[:-1]], float(beta[-1])
