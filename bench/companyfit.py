"""Fitting the company scorer on annotated pages: examples, cross-validation, threshold.

An example is one candidate form of one page, described by the finder's own features
(`tui.core.entities.companies.score_forms`); its label is 1 when the form is one of the
gold's company names or mentions, 0 otherwise, and forms the gold calls ambiguous are
left out. Folds group pages by site, so no outlet is both fitted and scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goldpages import GoldPage, gold_forms, norm

from tui.core.entities import nlp
from tui.core.entities.companies import Form, Page, score_forms, second_pass
from tui.core.entities.companies.candidates import LEADING
from tui.core.entities.companies.features import NAMES
from tui.core.entities.companies.page import Evidence
from tui.core.entities.companies.scoring import PRIOR, Scorer, fit_logistic

L2_CHOICES = (1.0, 3.0, 10.0)
"""Penalties tried by the cross-validation."""
THRESHOLDS = tuple(round(0.2 + 0.025 * i, 3) for i in range(29))
"""Thresholds tried by the cross-validation (0.2 to 0.9)."""
BETA = 0.5
"""The F-measure the threshold maximises weighs precision twice as much as recall: a
wrong row costs the reader more than a missing one (the targets put precision first)."""


@dataclass
class PageForms:
    """One page's candidate forms, their evidence and their gold labels (None: ambiguous)."""

    page: GoldPage
    found: Page
    scored: list[tuple[Form, list[Evidence]]]
    labels: list[int | None]


def page_forms(page: GoldPage, body: str | None = None) -> PageForms:
    """The forms of `page` (on its gold body unless `body` is given), labelled."""
    text = page.gold["body"] if body is None else body
    ner = nlp.recognise(text, page.lang)
    found, scored = score_forms(text, page.lang, ner.spans, ner.model_lang)
    companies, _, ambiguous = gold_forms(page.gold)
    labels: list[int | None] = []
    for form, _ in scored:
        keys = {norm(form.text), norm(LEADING.sub("", form.text))}
        labels.append(None if keys & ambiguous else int(bool(keys & companies)))
    return PageForms(page, found, scored, labels)


def design(pages: Sequence[PageForms]) -> tuple[list[list[float]], list[int]]:
    rows: list[list[float]] = []
    labels: list[int] = []
    for page in pages:
        for (_, evidence), label in zip(page.scored, page.labels, strict=True):
            if label is not None:
                rows.append([value for value, _ in evidence])
                labels.append(label)
    return rows, labels


def fit(pages: Sequence[PageForms], l2: float, threshold: float) -> Scorer:
    """Fit on the first-pass evidence, then again on the evidence of the second pass
    that this first fit gives (the list neighbours it keeps), as the finder runs."""
    prior = [PRIOR.get(name, 0.0) for name in NAMES]
    rows, labels = design(pages)
    weights, bias = fit_logistic(rows, labels, l2, prior)
    first = Scorer(dict(zip(NAMES, weights, strict=True)), bias, threshold)
    rows, labels = design([passed(p, first) for p in pages])
    weights, bias = fit_logistic(rows, labels, l2, prior)
    return Scorer(dict(zip(NAMES, weights, strict=True)), bias, threshold)


def passed(page: PageForms, scorer: Scorer) -> PageForms:
    """The page's forms with their second-pass evidence under `scorer`."""
    scored = second_pass(page.found, page.scored, scorer)
    return PageForms(page.page, page.found, scored, page.labels)


def by_site(pages: Sequence[PageForms]) -> dict[str, list[PageForms]]:
    out: dict[str, list[PageForms]] = {}
    for page in pages:
        out.setdefault(page.page.site, []).append(page)
    return out


def out_of_fold(pages: Sequence[PageForms], l2: float) -> list[tuple[float, int]]:
    """(probability, label) of every labelled form, each scored by a fit on other sites."""
    sites = by_site(pages)
    out: list[tuple[float, int]] = []
    for site, held in sites.items():
        rest = [p for s, group in sites.items() if s != site for p in group]
        scorer = fit(rest, l2, 0.5)
        rows, labels = design([passed(p, scorer) for p in held])
        out += [(scorer.probability(NAMES, r), y) for r, y in zip(rows, labels, strict=True)]
    return out


def f_beta(scored: Sequence[tuple[float, int]], threshold: float) -> float:
    tp = sum(1 for p, y in scored if p >= threshold and y)
    fp = sum(1 for p, y in scored if p >= threshold and not y)
    fn = sum(1 for p, y in scored if p < threshold and y)
    b2 = BETA * BETA
    den = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / den if den else 0.0


def cross_validate(pages: Sequence[PageForms]) -> tuple[float, float, float]:
    """(l2, threshold, F) with the best out-of-fold F-measure, sites held out in turn."""
    best = (L2_CHOICES[0], 0.5, -1.0)
    for l2 in L2_CHOICES:
        scored = out_of_fold(pages, l2)
        for threshold in THRESHOLDS:
            score = f_beta(scored, threshold)
            if score > best[2] + 1e-9:
                best = (l2, threshold, score)
    return best
