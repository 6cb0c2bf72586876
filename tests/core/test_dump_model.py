"""The dump cleaner's parts: lines and offsets, glued tails, dates, the fitted model's file."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from tui.core.sources.dates import find_date, without_date
from tui.core.sources.dump_decide import Shapes, context_pass
from tui.core.sources.dump_features import FEATURES
from tui.core.sources.dump_lines import glued_tail, split_lines
from tui.core.sources.dump_model import (
    LINE_CLASSES,
    DumpModel,
    Thresholds,
    fit_linear,
    shipped_model,
)
from tui.core.sources.dump_tails import TAIL_FEATURES


def test_lines_keep_their_offsets_and_the_date_token_is_split_off() -> None:
    text = " date 2024-05-02 RUBRIQUE\r\n\n  Le texte commence ici.  \nFin"
    dump = split_lines(text)
    assert dump.date_token == "2024-05-02"
    assert [line.text for line in dump.lines] == ["RUBRIQUE", "Le texte commence ici.", "Fin"]
    for line in dump.lines:
        assert text[line.start : line.end] == line.text


def test_a_page_header_ending_on_a_letter_spaced_heading_is_split_off_its_text() -> None:
    text = "REVUE n°12 - Page 3 S o m m a i r e p 4 Le groupe a vendu sa filiale.\nFin"
    lines = split_lines(text).lines
    assert [line.text for line in lines] == [
        "REVUE n°12 - Page 3 S o m m a i r e p 4",
        "Le groupe a vendu sa filiale.",
        "Fin",
    ]
    for line in lines:
        assert text[line.start : line.end] == line.text
    ordinary = "Il y a à peine un an, la société a vendu sa filiale à un fonds."
    assert [line.text for line in split_lines(ordinary).lines] == [ordinary]


@pytest.mark.parametrize(
    ("line", "tail"),
    [
        ("Le conseil a voté le budget hier soir. Marie Durand", "Marie Durand"),
        (
            "Le conseil a voté le budget hier soir.abc/de(©AFP / 3 mai 2021)",
            "abc/de(©AFP / 3 mai 2021)",
        ),
        ("Le conseil a voté le budget hier soir. Il rappelle qu", "Il rappelle qu"),
        ("Le conseil a voté le budget hier soir.", None),
        ("Le conseil a voté le budget hier soir. »", None),
        ("Un projet soutenu par… 285 millions 225 millions d'euros", None),
        ("Court. Nom", None),
    ],
)
def test_glued_tail_candidates(line: str, tail: str | None) -> None:
    start = glued_tail(line)
    assert (line[start:] if start is not None else None) == tail


@pytest.mark.parametrize(
    ("text", "iso", "rest"),
    [
        ("26 Juin 2018 - Actualité", "2018-06-26", ""),
        (
            "information fournie par Reuters 22/09/2025 à 19:00",
            "2025-09-22",
            "information fournie par Reuters",
        ),
        ("November 18, 2019", "2019-11-18", ""),
        ("• ven. Avr 19th, 2024", "2024-04-19", "• ven."),
        ("Mis à jour le 2025-09", "2025-09", "Mis à jour le"),
        ("Le chiffre d'affaires a progressé", None, "Le chiffre d'affaires a progressé"),
        ("31/02/2020", None, "31/02/2020"),
    ],
)
def test_dates_are_read_as_iso_and_cut_from_their_line(
    text: str, iso: str | None, rest: str
) -> None:
    assert find_date(text) == iso
    assert without_date(text) == rest


def test_the_shipped_model_was_fitted_on_the_current_features() -> None:
    """Adding, renaming or reordering a feature needs `python bench/fit_cleaner`."""
    model = shipped_model()
    assert model.lines.features == tuple(FEATURES)
    assert model.tails.features == tuple(TAIL_FEATURES)
    assert model.lines.classes == LINE_CLASSES
    assert model.fitted["dumps"] and model.fitted["l2"] > 0
    text = resources.files("tui.core.sources").joinpath("dump_model.json").read_text("utf-8")
    assert DumpModel.from_json(model.to_json()).to_json() == model.to_json()
    assert json.loads(text)["thresholds"] == vars(model.thresholds)


def test_fitting_separates_classes_the_features_tell_apart() -> None:
    rng = np.random.default_rng(7)
    matrix = rng.normal(size=(300, 2))
    labels = [LINE_CLASSES[int(x > 0.5) + int(x > -0.5)] for x in matrix[:, 0]]
    model = fit_linear(matrix, labels, features=("x", "noise"), classes=LINE_CLASSES, l2=0.001)
    predicted = [LINE_CLASSES[i] for i in model.probabilities(matrix).argmax(axis=1)]
    assert np.mean([p == t for p, t in zip(predicted, labels, strict=True)]) > 0.9
    assert abs(model.weights[0][0]) > 5 * abs(model.weights[0][1])


def shapes(
    count: int,
    *,
    heading: tuple[int, ...] = (),
    never: tuple[int, ...] = (),
    runs: tuple[range, ...] = (),
    cut: bool = False,
) -> Shapes:
    marks = np.zeros(count, bool)
    return Shapes(
        long=marks.copy(),
        heading=np.isin(np.arange(count), heading),
        never=np.isin(np.arange(count), never),
        runs=runs,
        cut=cut,
    )


def test_context_pass_keeps_a_heading_between_body_lines_and_drops_one_among_furniture() -> None:
    thresholds = Thresholds(body=0.5, doubt_low=0.2, doubt_high=0.8)
    body = np.array([0.1, 0.9, 0.05, 0.9, 0.05, 0.1])
    keep = context_pass(body, shapes(6, heading=(2, 4)), None, thresholds)
    assert keep == [False, True, True, True, False, False]


def test_a_likely_heading_heads_body_below_it_or_is_not_kept() -> None:
    thresholds = Thresholds(body=0.5, doubt_low=0.2, doubt_high=0.8)
    body = np.array([0.1, 0.7, 0.9, 0.7])
    keep = context_pass(body, shapes(4, heading=(1, 3)), None, thresholds)
    assert keep == [False, True, True, False]
    assert context_pass(body, shapes(4, heading=(1,)), None, thresholds)[3]


def test_context_pass_never_keeps_a_notice_and_never_the_title() -> None:
    thresholds = Thresholds(body=0.5, doubt_low=0.2, doubt_high=0.8)
    body = np.array([0.95, 0.9, 0.95])
    assert context_pass(body, shapes(3, never=(2,)), 0, thresholds) == [False, True, False]


def test_a_run_of_list_items_mostly_left_out_is_left_out_whole() -> None:
    thresholds = Thresholds(body=0.5, doubt_low=0.2, doubt_high=0.8)
    body = np.array([0.1, 0.1, 0.7, 0.95, 0.95])
    assert context_pass(body, shapes(5), None, thresholds)[2]
    keep = context_pass(body, shapes(5, runs=(range(0, 3),)), None, thresholds)
    assert keep == [False, False, False, True, True]
    items = np.array([0.95, 0.7, 0.7, 0.7, 0.95])
    assert all(context_pass(items, shapes(5, runs=(range(1, 4),)), None, thresholds))


def test_a_dump_cut_mid_sentence_continues_its_text_to_the_end() -> None:
    thresholds = Thresholds(body=0.5, doubt_low=0.2, doubt_high=0.8)
    body = np.array([0.95, 0.4, 0.3])
    assert context_pass(body, shapes(3), None, thresholds) == [True, False, False]
    assert context_pass(body, shapes(3, cut=True), None, thresholds) == [True, True, True]


def test_a_heading_under_a_source_line_inside_the_article_is_body() -> None:
    thresholds = Thresholds(body=0.5, doubt_low=0.2, doubt_high=0.8)
    body = np.array([0.95, 0.05, 0.3, 0.95])
    keep = context_pass(body, shapes(4, heading=(2,)), None, thresholds)
    assert keep == [True, False, True, True]
    after_list = context_pass(body, shapes(4, heading=(2,), never=(1,)), None, thresholds)
    assert after_list == [True, False, False, True]
