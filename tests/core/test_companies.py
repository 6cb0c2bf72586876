"""Companies and other organisations: our own French and English sentences, the seed
article's gold, and one regression test per error class fixed on the dev corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.entities import nlp
from tui.core.entities.companies import Form, find_companies, gazetteer, score_forms
from tui.core.entities.companies.candidates import candidate_forms
from tui.core.entities.companies.features import NAMES
from tui.core.entities.companies.page import Evidence
from tui.core.model import Company, Organisation

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

Found = tuple[tuple[Company, ...], tuple[Organisation, ...]]


def analyse(text: str, lang: str | None) -> Found:
    return find_companies(text, lang, nlp.entity_spans(text, lang))


def names(found: Found) -> set[str]:
    return {c.name for c in found[0]}


def forms(found: Found) -> set[str]:
    return {form for c in found[0] for form in c.forms}


def org_forms(found: Found) -> set[str]:
    return {m.text for o in found[1] for m in o.mentions}


def company(found: Found, name: str) -> Company:
    return next(c for c in found[0] if c.name == name)


def assert_offsets(text: str, found: Found) -> None:
    rows: list[Company | Organisation] = [*found[0], *found[1]]
    for row in rows:
        for m in row.mentions:
            assert text[m.start : m.end] == m.text


# --- French -------------------------------------------------------------------------


def test_french_start_up_and_fund_found_by_cue_and_head_word() -> None:
    text = (
        "La start-up lyonnaise Zorbex a levé 12 millions d'euros auprès de Kettering "
        "Ventures. Selon Zorbex, la levée servira à recruter."
    )
    found = analyse(text, "fr")
    assert {"Zorbex", "Kettering Ventures"} <= names(found)
    assert len(company(found, "Zorbex").mentions) == 2
    assert_offsets(text, found)


def test_french_public_bodies_are_organisations_not_companies() -> None:
    text = (
        "Airbus a saisi l'Autorité de la concurrence. La Cour de cassation a tranché, "
        "l'État a réagi, et Inria travaille avec le CNRS et l'Université de Lyon."
    )
    found = analyse(text, "fr")
    assert names(found) == {"Airbus"}
    assert {"Autorité de la concurrence", "Cour de cassation", "Inria", "CNRS"} <= org_forms(found)
    assert "Université de Lyon" in org_forms(found)
    kinds = {o.name: o.kind for o in found[1]}
    assert kinds["Autorité de la concurrence"] == "regulator"
    assert_offsets(text, found)


def test_country_subsidiary_and_spelling_variants_are_merged() -> None:
    text = (
        "Uber a été condamné. La condamnation d'Uber France a été annulée. "
        "Cap Gemini, devenu Capgemini, recrute."
    )
    found = analyse(text, "fr")
    assert names(found) == {"Uber", "Capgemini"}
    assert set(company(found, "Uber").forms) == {"Uber", "Uber France"}
    assert set(company(found, "Capgemini").forms) == {"Cap Gemini", "Capgemini"}


def test_short_forms_of_a_fund_are_one_row_with_every_mention() -> None:
    text = (
        "Tiger Global Management a mené le tour. Tiger Global avait déjà investi, "
        "et Tiger reste prudent."
    )
    found = analyse(text, "fr")
    assert len(found[0]) == 1
    tiger = found[0][0]
    assert set(tiger.forms) == {"Tiger Global Management", "Tiger Global", "Tiger"}
    assert len(tiger.mentions) == 3


def test_stock_indices_are_neither_companies_nor_organisations() -> None:
    text = "Le CAC 40 a gagné 1 % et le S&P 500 a reculé, tandis que Dassault Systèmes montait."
    found = analyse(text, "fr")
    assert names(found) == {"Dassault Systèmes"}
    assert not {"CAC 40", "S&P 500"} & (forms(found) | org_forms(found))


def test_known_company_gets_listing_data() -> None:
    found = analyse("Airbus a livré 60 avions en mars, selon le constructeur.", "fr")
    airbus = company(found, "Airbus")
    assert airbus.ticker and airbus.country and airbus.industry


def test_elided_names_are_found() -> None:
    text = "Les rachats d’Instagram et WhatsApp par Meta ont été critiqués."
    assert {"Instagram", "WhatsApp", "Meta"} <= names(analyse(text, "fr"))


# --- English ------------------------------------------------------------------------


def test_english_legal_form_head_word_and_cues() -> None:
    text = (
        "Shares of Acme Widgets Inc. rose 4% on Tuesday after the company said it would "
        "buy Brightline Analytics for $40 million. Jane Smith, an analyst at Harlow "
        "Tabak, said the deal made sense."
    )
    found = analyse(text, "en")
    assert {"Acme Widgets Inc.", "Brightline Analytics", "Harlow Tabak"} <= names(found)
    assert "Shares of Acme Widgets Inc." not in forms(found)
    assert "Jane Smith" not in forms(found)
    assert "Tuesday" not in forms(found)


def test_english_possessive_cue_and_regulators() -> None:
    text = (
        '"We are pleased," Brightline\'s chief executive said in a statement. '
        "The SEC and the FTC declined to comment, as did the Federal Reserve."
    )
    found = analyse(text, "en")
    assert names(found) == {"Brightline"}
    assert {"SEC", "FTC", "Federal Reserve"} <= org_forms(found)


def test_company_inside_a_product_name_counts_as_a_mention() -> None:
    text = "Google Assistant now works with more speakers, Google said. Apple did not reply."
    found = analyse(text, "en")
    google = company(found, "Google")
    assert len(google.mentions) == 2
    assert google.mentions[0].start == 0


def test_language_is_guessed_when_not_given() -> None:
    text = "The company said Acme Widgets Inc. would buy Brightline Analytics."
    assert names(analyse(text, None)) == names(analyse(text, "en"))


# --- regressions: one per error class fixed on the dev corpus ----------------------


def test_leading_letter_a_is_not_taken_for_an_article() -> None:
    found = analyse("Le tour a été mené par Alpenrose Ventures et Eurazeo.", "fr")
    assert "Alpenrose Ventures" in names(found)


def test_possessive_does_not_glue_the_next_words_to_the_name() -> None:
    text = "The company said Acme Widgets Inc.’s New York-listed shares fell."
    assert not any("New York" in f for f in forms(analyse(text, "en")))


def test_tickers_are_cut_off_names() -> None:
    found = analyse("Microsoft MSFT.O a progressé tandis que Nvidia NVDA.O reculait.", "fr")
    assert {"Microsoft", "Nvidia"} <= forms(found)
    assert not any("." in f for f in forms(found))


def test_legal_form_keeps_its_full_stop_at_the_end_of_a_paragraph() -> None:
    text = "said John Brown, senior trader at Tempora Inc.\n\nCentral banks cannot help."
    found = analyse(text, "en")
    assert "Tempora Inc." in names(found)
    assert "Central" not in org_forms(found) | forms(found)


def test_days_events_and_sentence_openers_are_not_companies() -> None:
    text = "Executives of both companies announced the deal Wednesday at the Paris Air Show."
    assert names(analyse(text, "en")) == set()


def test_minister_portfolio_is_not_a_company() -> None:
    text = "Le ministre de la Santé Jean Dupont a rencontré les dirigeants d'Airbus."
    found = analyse(text, "fr")
    assert names(found) == {"Airbus"}


def test_french_lowercase_institution_names_are_organisations() -> None:
    text = "La Caisse de retraite des cadres a publié un rapport. La grève continue."
    found = analyse(text, "fr")
    assert names(found) == set()
    assert "Caisse de retraite des cadres" in org_forms(found)


def test_known_name_inside_a_label_is_the_company() -> None:
    text = "Article Le Monde : la grève continue. Dépêche AFP : le trafic reprend."
    found = analyse(text, "fr")
    assert "Le Monde" in forms(found)
    assert not any(f.startswith(("Article", "Dépêche")) for f in forms(found))


def test_descriptive_title_case_phrase_is_not_a_company() -> None:
    text = "Better health technology matters. Top 10 Health Technology Hazards for 2020."
    assert "Health Technology" not in forms(analyse(text, "en"))


def test_name_listed_next_to_a_known_company_carries_that_evidence() -> None:
    text = "Plusieurs IPO ont été reportées, dont celles de Klarna et Zorbex."
    _page, scored = score_forms(text, "fr", nlp.entity_spans(text, "fr"))
    evidence = dict(zip(NAMES, dict(scored_by_text(scored))["Zorbex"], strict=True))
    assert evidence["listed_with"] == (1.0, "listed with Klarna")
    assert "Klarna" in names(analyse(text, "fr"))


def scored_by_text(scored: list[tuple[Form, list[Evidence]]]) -> list[tuple[str, list[Evidence]]]:
    return [(form.text, found) for form, found in scored]


def test_known_name_inside_a_person_name_is_not_a_company() -> None:
    text = "La direction refusait tout rapprochement avec le groupe de Vincent Bolloré."
    assert "Bolloré" not in forms(analyse(text, "fr"))


def test_spans_out_of_range_or_garbage_never_raise() -> None:
    text = "Airbus et Boeing."
    found = find_companies(text, "fr", [(-5, 3, "ORG"), (4, 999, "ORG"), (3, 1, "PER")])
    assert "Airbus" in names(found)
    assert find_companies("", None, []) == ((), ())


# --- the seed article's gold body ---------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, Found]:
    gold = json.loads((CORPUS / "seed" / "andromede.json").read_text(encoding="utf-8"))
    body = str(gold["body"])
    return body, analyse(body, "fr")


def test_seed_companies(seed: tuple[str, Found]) -> None:
    body, found = seed
    keys = {gazetteer.compact(f) for f in forms(found) | names(found)}
    for expected in ["Dassault Systèmes", "France Télécom", "Thales", "La Tribune", "Atos"]:
        assert gazetteer.compact(expected) in keys, expected
    assert "Cap Gemini" in forms(found)
    assert_offsets(body, found)


def test_seed_dassault_merged_with_every_mention(seed: tuple[str, Found]) -> None:
    body, found = seed
    dassault = company(found, "Dassault Systèmes")
    assert set(dassault.forms) == {"Dassault Systèmes", "Dassault"}
    assert len(dassault.mentions) == body.count("Dassault") == 4


def test_seed_public_bodies_are_not_companies(seed: tuple[str, Found]) -> None:
    _, found = seed
    listed = {gazetteer.compact(f) for f in forms(found)}
    for not_company in ["Caisse des Dépôts et Consignations", "l’État", "État"]:
        assert gazetteer.compact(not_company) not in listed
    assert "Caisse des Dépôts et Consignations" in org_forms(found)


def test_appositive_needs_a_real_article() -> None:
    text = (
        "State the name of the publisher of the Modified Version, as the publisher. "
        "Give public access to the Document, and likewise the network locations."
    )
    assert names(analyse(text, "en")) == set()


def test_sports_events_and_institutions_with_lowercase_names_are_not_companies() -> None:
    assert names(analyse("The Olympic Games in Paris will open in July.", "en")) == set()
    text = "Le maire a inauguré la Cité internationale de la gastronomie à Lyon."
    found = analyse(text, "fr")
    assert names(found) == set()


def test_english_organisation_span_stops_before_the_verb() -> None:
    found = analyse("The Labor Department said unemployment fell in March.", "en")
    assert "Labor Department" in org_forms(found)
    assert not any("said" in f for f in org_forms(found))


def test_surname_of_a_person_named_in_full_is_not_a_company() -> None:
    text = "Taylor Swift sang on Sunday. According to Swift, the label refused."
    assert "Swift" not in forms(analyse(text, "en"))


def test_gazetteer_respects_case_of_acronyms_and_plain_words() -> None:
    who = gazetteer.lookup("WHO")
    assert who is not None and who.kind != gazetteer.COMPANY
    assert gazetteer.lookup("Who") is None
    assert gazetteer.lookup("orange") is None
    assert gazetteer.is_weak("Orange")
    thales = gazetteer.lookup("Thalès")
    assert thales is not None and thales.name == "Thales" and thales.ticker


def test_former_name_keeps_the_name_written_in_the_article() -> None:
    found = analyse("France Télécom a longtemps hésité, selon le journal.", "fr")
    assert "France Télécom" in names(found)
    assert gazetteer.is_former_name("France Télécom")


def test_site_names_and_their_short_form_are_one_company() -> None:
    text = "Prices come from Zorbex.com, a data firm. Demand, says Zorbex, was strong."
    found = analyse(text, "en")
    assert set(company(found, "Zorbex.com").forms) == {"Zorbex.com", "Zorbex"}


def test_lowercase_editions_prefix_is_part_of_a_publisher_name() -> None:
    text = "Traduit par Jean Dupont, éditions Philippe Picquier, Paris, 2017, 176 pages."
    found = analyse(text, "fr")
    assert not {"Philippe Picquier", "Picquier", "Jean Dupont", "Paris"} & names(found)
    assert "éditions Philippe Picquier" in candidate_forms(text, nlp.entity_spans(text, "fr"))


def test_appositive_after_a_full_person_name_is_not_a_company() -> None:
    text = "Propriété du milliardaire Daniel Kovar, le tabloïd Vecerka note que tout va bien."
    found = analyse(text, "fr")
    assert "Daniel Kovar" not in forms(found)
    assert "Vecerka" in names(found)


def test_strong_business_cue_holds_whatever_the_label() -> None:
    from tui.core.entities.companies import cues as company_cues

    text = "Le rachat de Vorlane par un concurrent est acté. Dans Paris, il pleut."
    start = text.index("Vorlane")
    assert company_cues.strong_cue(text, start, start + len("Vorlane"), "fr")
    start = text.index("Paris")
    assert not company_cues.strong_cue(text, start, start + len("Paris"), "fr")


def test_name_shape_and_product_context() -> None:
    from tui.core.entities.companies import cues as company_cues

    assert company_cues.company_shape("SkyPulse") and company_cues.company_shape("OpenAI")
    assert not company_cues.company_shape("ChatGPT") and not company_cues.company_shape("Paris")
    text = "Elle utilise l'application NovaChat tous les jours."
    start = text.index("NovaChat")
    assert company_cues.product_context(text, start, start + len("NovaChat"))
