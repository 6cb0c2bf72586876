"""The fitted company scorer: its data file, the fitting code, the reasons it gives, and
the error classes the issue named (our own sentences, invented names)."""

from __future__ import annotations

import re

import pytest

from tui.core.entities import nlp
from tui.core.entities.analyse import analyse
from tui.core.entities.companies import RULES, find_companies, gazetteer, score_forms, scoring
from tui.core.entities.companies.candidates import candidate_forms
from tui.core.entities.companies.features import NAMES
from tui.core.model import Article, Company, Mention
from tui.core.serialise import article_from_dict, article_to_dict


def companies(text: str, lang: str) -> dict[str, Company]:
    found, _ = find_companies(text, lang, nlp.entity_spans(text, lang))
    return {c.name: c for c in found}


def test_shipped_weights_cover_every_feature_and_a_threshold() -> None:
    scorer = scoring.shipped_scorer()
    assert scorer is not None
    assert set(scorer.weights) == set(NAMES)
    assert 0.05 < scorer.threshold < 0.95
    assert scorer.weights["known_company"] > 0 > scorer.weights["known_body"]


def test_fit_is_deterministic_and_learns_the_sign_of_the_evidence() -> None:
    rows = [[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]] * 10
    labels = [1, 1, 0, 0] * 10
    first = scoring.fit_logistic(rows, labels, l2=1.0)
    assert scoring.fit_logistic(rows, labels, l2=1.0) == first
    weights, _bias = first
    assert weights[0] > 1.0 and abs(weights[1]) < 0.5


def test_the_prior_holds_a_weight_the_data_cannot_see() -> None:
    rows = [[0.0, 1.0], [0.0, 0.0]] * 10
    labels = [1, 0] * 10
    weights, _ = scoring.fit_logistic(rows, labels, l2=1.0, prior=[-3.0, 0.0])
    assert weights[0] == pytest.approx(-3.0)


def test_company_rows_say_why_they_are_there() -> None:
    text = "Le groupe Velmoria SA a racheté la société Tessarine pour 40 millions d'euros."
    found = companies(text, "fr")
    assert "Velmoria SA" in found
    assert "legal form SA" in found["Velmoria SA"].reasons
    assert all(len(c.reasons) <= scoring.MAX_REASONS for c in found.values())
    silent = ("NER: PER", "NER: LOC", "no NER label", "one word", "French text")
    assert not any(part in r for c in found.values() for r in c.reasons for part in silent)


def test_reasons_survive_the_json_round_trip() -> None:
    body = "Zorbex SA"
    company = Company("Zorbex SA", (Mention(body, 0, 9),), reasons=("legal form SA",))
    article = analyse_free(body, company)
    data = article_to_dict(article)
    assert data["companies"][0]["reasons"] == ["legal form SA"]
    assert article_from_dict(data).companies[0].reasons == ("legal form SA",)


def analyse_free(body: str, company: Company) -> Article:
    from tui.core.model import Entities

    return Article("t", body, entities=Entities(companies=(company,)))


def test_rules_are_used_when_the_weights_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scoring, "shipped_scorer", lambda: None)
    import tui.core.entities.companies as package

    monkeypatch.setattr(package, "shipped_scorer", lambda: None)
    text = "Capgemini et la société Velmoria SA ont signé un accord à Lyon."
    found = companies(text, "fr")
    assert {"Capgemini", "Velmoria SA"} <= set(found)
    assert "Lyon" not in found
    assert RULES.threshold == 0.5


def test_no_language_model_gives_a_notice_and_the_known_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(nlp, "MODELS", {"fr": "nothing_here", "en": "nothing_either"})
    monkeypatch.setattr(nlp, "MODEL_NAME", "nothing_here")
    monkeypatch.setattr(nlp, "_state", {})
    entities = analyse("Capgemini a levé 10 millions d'euros auprès de Zorbex SA.", "fr")
    assert entities.notices and "rules" in entities.notices[0]
    assert "Capgemini" in {c.name for c in entities.companies}
    assert entities.amounts


def test_a_bank_named_with_a_common_french_word_keeps_that_word() -> None:
    text = (
        "La banque Crédit Lorvanais a relevé ses taux. Le crédit immobilier ralentit, "
        "a indiqué Crédit Lorvanais."
    )
    found = companies(text, "fr")
    assert "Crédit Lorvanais" in found
    assert "Lorvanais" not in found


def test_industries_are_never_german() -> None:
    german = {"Beratung", "Immobilien", "Dienstleistungen", "Medien", "Versicherungen", "Stahl"}
    industries = {e.industry for e in gazetteer.index().values() if e.industry}
    assert not industries & german
    atos = gazetteer.lookup("Atos")
    assert atos is not None and atos.industry == "Technology"


def test_a_known_name_is_never_read_across_a_paragraph_break() -> None:
    body = "They left Facebook.\n\n___ Then (AP) — A man spoke."
    spans = [body[s:e] for s, e in gazetteer.known_spans(body)]
    assert "Facebook" in spans and "AP" in spans
    assert all("\n" not in s and ")" not in s for s in spans)


def test_a_public_body_the_data_file_knows_is_never_a_company() -> None:
    text = "Selon les données d'Eurostat et de l'Insee, la société Velmoria SA recrute."
    found = companies(text, "fr")
    assert "Velmoria SA" in found
    assert not {"Eurostat", "Insee"} & set(found)


def test_the_maker_before_a_product_name_is_a_candidate() -> None:
    body = "We like the Tarvix PowerCell 20000 and the Brandolo Essentials USB-C cable."
    forms = candidate_forms(body, [])
    assert {"Tarvix", "Brandolo"} <= set(forms)
    for form in forms.values():
        for occ in form.occurrences:
            assert body[occ.start : occ.end] == form.text


def test_a_place_after_listed_on_is_a_market_not_a_company() -> None:
    text = "Orvella shares are listed on the Oslo Stock Exchange since 2015."
    found, organisations = find_companies(text, "en", nlp.entity_spans(text, "en"))
    assert "Oslo Stock Exchange" not in {c.name for c in found}
    assert {o.name: o.kind for o in organisations}.get("Oslo Stock Exchange") == "market"


def test_members_of_an_enumeration_carry_that_evidence() -> None:
    text = "The show featured names like Zorvane, Quelbrik, Tarnovo and even Pelluxa this year."
    page, scored = score_forms(text, "en", nlp.entity_spans(text, "en"))
    evidence = {form.text: dict(zip(NAMES, found, strict=True)) for form, found in scored}
    for name in ("Zorvane", "Quelbrik", "Tarnovo", "Pelluxa"):
        assert evidence[name]["enumeration"] == (1.0, "one of 4 names listed"), name
    assert page.body == text
    two = "Zorvane and Quelbrik signed."
    _, scored = score_forms(two, "en", nlp.entity_spans(two, "en"))
    assert all(dict(zip(NAMES, f, strict=True))["enumeration"][0] == 0 for _, f in scored)


def test_each_language_has_its_own_threshold() -> None:
    scorer = scoring.Scorer({"legal_form": 1.0}, 0.0, 0.6, {"fr": 0.4})
    assert scorer.threshold_for("fr") == 0.4
    assert scorer.threshold_for("en") == 0.6
    again = scoring.scorer_from_json(scorer.to_json())
    assert again == scorer
    assert scoring.scorer_from_json({"weights": {}, "bias": 0, "threshold": 0.5}).by_language == {}
    shipped = scoring.shipped_scorer()
    assert shipped is not None and set(shipped.by_language) == {"en", "fr"}
    text = "Le groupe Velmoria SA a racheté la société Tessarine."
    strict = scoring.Scorer(shipped.weights, shipped.bias, 0.5, {"fr": 0.999999})
    found, _ = find_companies(text, "fr", nlp.entity_spans(text, "fr"), scorer=strict)
    assert found == ()
    lenient = scoring.Scorer(shipped.weights, shipped.bias, 0.999999, {"fr": 0.5})
    found, _ = find_companies(text, "fr", nlp.entity_spans(text, "fr"), scorer=lenient)
    assert "Velmoria SA" in {c.name for c in found}


def test_a_span_cut_short_loses_its_dangling_connector() -> None:
    body = "La Banque africaine d’investissement et la banque panafricaine basée à Lomé."
    forms = candidate_forms(body, [(3, 21, "ORG")])
    assert body[3:21] == "Banque africaine d"
    assert "Banque africaine" in forms
    assert not any(text.endswith(" d") for text in forms)
    assert not any(text.startswith("banque") for text in forms)
    assert "éditions Philippe Picquier" in candidate_forms("Chez éditions Philippe Picquier.", [])


def test_a_newspaper_title_is_evidence_of_a_company() -> None:
    text = "The Tarnwick Courant and the Pelso Post-Gazette were sold to Quelbrik Media."
    _, scored = score_forms(text, "en", nlp.entity_spans(text, "en"))
    evidence = {form.text: dict(zip(NAMES, found, strict=True)) for form, found in scored}
    assert evidence["Tarnwick Courant"]["newspaper"] == (1.0, "newspaper title (Courant)")
    assert evidence["Pelso Post-Gazette"]["newspaper"][0] == 1.0
    assert all(
        e["newspaper"][0] == 0 for t, e in evidence.items() if len(re.split(r"[\s-]+", t)) < 2
    )


def test_a_known_name_that_is_a_plain_word_is_told_apart() -> None:
    text = "Square and Intel raised prices; Next cut jobs."
    _, scored = score_forms(text, "en", nlp.entity_spans(text, "en"))
    evidence = {form.text: dict(zip(NAMES, found, strict=True)) for form, found in scored}
    assert evidence["Square"]["known_weak"][0] == 1.0
    assert evidence["Next"]["known_weak"][0] == 1.0
    assert evidence["Intel"]["known_weak"][0] == 0
    assert evidence["Intel"]["known_company"][0] == 1.0
    weights = scoring.shipped_scorer()
    assert weights is not None and weights.weights["known_weak"] < 0
