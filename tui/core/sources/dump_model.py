"""The fitted models of the dump cleaner: a softmax over line classes, stored as JSON.

`LinearModel` is multinomial logistic regression over standardised named features, with
an L2 penalty, fitted by gradient descent in numpy. The dump cleaner has two: one classes
every line as title, body or furniture; one decides whether a short tail after a body
line's last sentence is a glued byline or credit. `DumpModel` bundles them with the
decision thresholds that cross-validation chose; `bench/fit_cleaner` writes it to
`dump_model.json`, shipped with the package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

TITLE, BODY, FURNITURE = "title", "body", "furniture"
LINE_CLASSES = (TITLE, BODY, FURNITURE)
GLUED = "glued"
TAIL_CLASSES = (BODY, GLUED)
MODEL_FILE = "dump_model.json"
FIT_STEPS = 600
FIT_RATE = 0.5


@dataclass(frozen=True)
class LinearModel:
    """Softmax regression: `classes` scored from standardised `features`."""

    features: tuple[str, ...]
    classes: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    """One row per class, one column per feature."""
    bias: np.ndarray

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        """One row per line, one column per class; rows sum to 1."""
        if not len(matrix):
            return np.zeros((0, len(self.classes)))
        scores = ((matrix - self.mean) / self.scale) @ self.weights.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=float)

    def reasons(self, row: np.ndarray, chosen: str, count: int = 3) -> list[str]:
        """The features that pushed this row most towards `chosen` rather than the others,
        each with its value (`ends_sentence=0` pushed away from body by being 0)."""
        k = self.classes.index(chosen)
        z = (row - self.mean) / self.scale
        others = np.delete(self.weights, k, axis=0).mean(axis=0)
        push = z * (self.weights[k] - others)
        order = np.argsort(-push)[:count]
        return [f"{self.features[i]}={row[i]:.2g}" for i in order if push[i] > 0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "classes": list(self.classes),
            "mean": _rounded(self.mean),
            "scale": _rounded(self.scale),
            "weights": [_rounded(row) for row in self.weights],
            "bias": _rounded(self.bias),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        return cls(
            features=tuple(data["features"]),
            classes=tuple(data["classes"]),
            mean=np.array(data["mean"], float),
            scale=np.array(data["scale"], float),
            weights=np.array(data["weights"], float),
            bias=np.array(data["bias"], float),
        )


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 5) for v in values]


def fit_linear(
    matrix: np.ndarray,
    labels: list[str],
    *,
    features: tuple[str, ...],
    classes: tuple[str, ...],
    l2: float,
    sample_weight: np.ndarray | None = None,
) -> LinearModel:
    """Fit softmax regression with an L2 penalty by full-batch gradient descent (Adam)."""
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (matrix - mean) / scale
    target = np.array([[label == c for c in classes] for label in labels], float)
    weight = np.ones(len(z)) if sample_weight is None else sample_weight
    weight = weight / weight.sum()
    params = np.zeros((len(classes), z.shape[1] + 1))
    moment, velocity = np.zeros_like(params), np.zeros_like(params)
    design = np.hstack([z, np.ones((len(z), 1))])
    for step in range(1, FIT_STEPS + 1):
        scores = design @ params.T
        scores -= scores.max(axis=1, keepdims=True)
        prob = np.exp(scores)
        prob /= prob.sum(axis=1, keepdims=True)
        grad = ((prob - target) * weight[:, None]).T @ design
        grad[:, :-1] += l2 * params[:, :-1]
        moment = 0.9 * moment + 0.1 * grad
        velocity = 0.999 * velocity + 0.001 * grad**2
        corrected = moment / (1 - 0.9**step)
        params -= FIT_RATE * corrected / (np.sqrt(velocity / (1 - 0.999**step)) + 1e-8) / step**0.5
    return LinearModel(features, classes, mean, scale, params[:, :-1], params[:, -1])


@dataclass(frozen=True)
class Thresholds:
    """Where the cleaner draws its lines between classes, chosen by cross-validation."""

    body: float = 0.5
    """A doubtful line next to a body line is body from this probability up."""
    doubt_low: float = 0.2
    doubt_high: float = 0.8
    """Below `doubt_low` a line is furniture, from `doubt_high` up body, whatever its neighbours."""
    title: float = 0.5
    tail: float = 0.5


@dataclass(frozen=True)
class DumpModel:
    """The line model, the glued-tail model and the thresholds, as fitted."""

    lines: LinearModel
    tails: LinearModel
    thresholds: Thresholds = field(default_factory=Thresholds)
    fitted: dict[str, Any] = field(default_factory=dict)
    """How and on what the models were fitted (written by `bench/fit_cleaner`)."""

    def to_json(self) -> str:
        data = {
            "lines": self.lines.to_dict(),
            "tails": self.tails.to_dict(),
            "thresholds": vars(self.thresholds),
            "fitted": self.fitted,
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> DumpModel:
        data = json.loads(text)
        return cls(
            lines=LinearModel.from_dict(data["lines"]),
            tails=LinearModel.from_dict(data["tails"]),
            thresholds=Thresholds(**data["thresholds"]),
            fitted=data.get("fitted", {}),
        )


@cache
def shipped_model() -> DumpModel:
    """The model shipped in the package, read once."""
    text = resources.files("tui.core.sources").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return DumpModel.from_json(text)
