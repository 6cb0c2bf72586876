"""Context words learned from labelled forms: the words read next to a name, the fitted
log-odds table, and the evidence the finder takes from it (our own sentences)."""

from __future__ import annotations

import pytest

from tui.core.entities.companies import find_companies, score_forms, scoring, words
from tui.core.entities.companies.candidates import Form, Occurrence
from tui.core.entities.companies.features import NAMES


def occurrence(body: str, name: str, lang: str = "en", nth: int = 0) -> list[str]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(name, start + 1)
    return words.occurrence_words(body, start, start + len(name), lang)


def test_the_words_next_to_a_name_are_read_by_side() -> None:
    body = "Investors bought shares of Quorvant after the results."
    assert occurrence(body, "Quorvant") == ["en<of", "en>after"]


def test_english_text_gives_no_context_words() -> None:
    body = "Investors bought shares of Quorvant after the results."
    form = Form("Quorvant", [Occurrence(27, 35, "")])
    assert words.form_words(body, form, "en") == []
    assert words.form_words(body.replace("shares of", "des actions de"), form, "fr") != []


def test_names_and_numbers_next_to_a_name_are_read_as_their_kind() -> None:
    body = "Le fonds Brennus et Quorvant 2024 ont signé."
    assert occurrence(body, "Quorvant", "fr") == ["fr<et", "fr>0"]
    body = "Analysts at Brennus Quorvant Partners agreed."
    assert occurrence(body, "Quorvant Partners") == ["en<Cap", "en>agreed"]


def test_a_sentence_opener_is_a_word_not_a_name() -> None:
    body = "It rained. Chez Quorvant, on recrute."
    assert occurrence(body, "Quorvant", "fr") == ["fr<chez", "fr>,"]


def test_context_stops_at_a_line_break() -> None:
    body = "A heading\nQuorvant\nnext line"
    assert occurrence(body, "Quorvant") == []


def test_the_table_learns_which_words_go_with_companies() -> None:
    company = [[["en<of", "en>said"]]] * 6
    other = [[["en<mr", "en>said"]]] * 6
    examples = [(o, 1) for o in company] + [(o, 0) for o in other]
    table = words.fit_table(examples, smoothing=2.0, min_forms=3)
    assert table["en<of"] > 1.0
    assert table["en<mr"] < -1.0
    assert table["en>said"] == pytest.approx(0.0)


def test_rare_words_stay_out_of_the_table() -> None:
    examples = [([["en<of"]], 1), ([["en<of"]], 1), ([["en<mr"]], 0)] + [([["en>x"]], 0)] * 3
    table = words.fit_table(examples, min_forms=3)
    assert "en<of" not in table and "en<mr" not in table
    assert "en>x" in table


def test_a_form_scores_by_its_most_telling_occurrence() -> None:
    table = {"en<of": 2.0, "en<mr": -3.0, "en>said": 0.5}
    value, strongest = words.score(table, [["en<mr", "en>x"], ["en<of", "en>said"]])
    assert value == pytest.approx(2.5)
    assert strongest == ["en<of", "en>said"]
    assert words.score({}, [["en<of"]]) == (0.0, [])


def test_context_words_have_a_readable_label() -> None:
    assert words.readable("en<of") == "'of' before"
    assert words.readable("fr>Cap") == "a capitalised word after"


def test_the_finder_keeps_a_name_its_fitted_context_words_vouch_for() -> None:
    body = "Les salariés travaillent chez Quorvant depuis dix ans."
    weights = {"context_words_fr": 6.0, "context_against_fr": -6.0}
    vouched = scoring.Scorer(weights, -3.0, 0.5, words={"fr<chez": 2.0})
    found, _ = find_companies(body, "fr", [], None, vouched)
    assert [c.name for c in found] == ["Quorvant"]
    assert "words around it ('chez' before)" in found[0].reasons
    blank = scoring.Scorer(weights, -3.0, 0.5)
    assert find_companies(body, "fr", [], None, blank)[0] == ()
    against = scoring.Scorer(weights, -3.0, 0.5, words={"fr<chez": -2.0})
    assert find_companies(body, "fr", [], None, against)[0] == ()


def test_context_words_of_one_language_do_not_speak_for_the_other() -> None:
    body = "Investors bought shares of Quorvant after the results."
    weights = {"context_words_fr": 6.0}
    french_only = scoring.Scorer(weights, -3.0, 0.5, words={"en<of": 2.0, "fr<of": 2.0})
    assert find_companies(body, "en", [], None, french_only)[0] == ()


def test_the_context_table_survives_the_json_round_trip() -> None:
    scorer = scoring.Scorer({"context_words_fr": 1.0}, -1.0, 0.5, words={"fr<chez": 1.5})
    again = scoring.scorer_from_json(scorer.to_json())
    assert again.words == {"fr<chez": 1.5}
    assert scoring.scorer_from_json(scoring.Scorer({}, 0.0, 0.5).to_json()).words == {}


def test_the_shipped_scorer_carries_a_context_table() -> None:
    scorer = scoring.shipped_scorer()
    assert scorer is not None and scorer.words
    assert all(key[:2] in words.LANGUAGES and key[2] in "<>" for key in scorer.words)


def test_form_words_reads_each_occurrence() -> None:
    body = "Les actions de Quorvant montent ; Quorvant a annoncé un accord."
    first, second = body.index("Quorvant"), body.rindex("Quorvant")
    form = Form(
        "Quorvant",
        [Occurrence(first, first + 8, ""), Occurrence(second, second + 8, "")],
    )
    assert words.form_words(body, form, "fr") == [["fr<de", "fr>montent"], ["fr<;", "fr>a"]]


def test_an_abbreviation_of_a_public_body_is_not_a_company() -> None:
    body = (
        "Les chiffres publiés par le Conseil des Turbines de Norvège (CMT) montrent une hausse. "
        "Le fabricant Quorvant Industries (QVI) en profite."
    )
    _page, scored = score_forms(body, "fr", [], None)
    index = NAMES.index("abbreviates_body")
    found = {form.text: evidence[index] for form, evidence in scored}
    assert found["CMT"] == (1.0, "short for a public body's name")
    assert found["QVI"] == (0.0, "")
    assert scoring.PRIOR["abbreviates_body"] < 0
