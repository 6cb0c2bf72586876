"""Stated totals checked against their parts, and amounts tied to their owners."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.entities.amounts import find_amounts
from tui.core.entities.checks import find_checks, link_owners
from tui.core.model import Amount, AmountCheck, Company, Mention, Organisation

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def mentions(body: str, form: str) -> tuple[Mention, ...]:
    found: list[Mention] = []
    start = body.find(form)
    while start >= 0:
        found.append(Mention(form, start, start + len(form)))
        start = body.find(form, start + 1)
    return tuple(found)


def company(body: str, name: str, *forms: str) -> Company:
    return Company(name, tuple(m for f in (forms or (name,)) for m in mentions(body, f)))


def checks(body: str, struck: tuple[tuple[int, int], ...] = ()) -> tuple[AmountCheck, ...]:
    return find_checks(body, find_amounts(body, "fr", struck))


def test_total_that_adds_up() -> None:
    body = (
        "Le programme est financé par la région à hauteur de 40 millions d'euros, "
        "par Alpha (25 millions d'euros) et Beta (15 millions d'euros), "
        "soit un total de 80 millions d'euros."
    )
    assert checks(body) == (AmountCheck(total=3, parts=(0, 1, 2), holds=True),)


def test_total_that_does_not_add_up() -> None:
    body = "Alpha apporte 10 M€, Beta 20 M€ et Gamma 5 M€, soit un total de 40 M€."
    assert checks(body) == (AmountCheck(total=3, parts=(0, 1, 2), holds=False),)


def test_total_uses_only_the_trailing_parts_that_sum() -> None:
    body = "Le groupe valait 900 M€. Il a reçu 30 M€ puis 20 M€, au total 50 M€."
    assert checks(body) == (AmountCheck(total=3, parts=(1, 2), holds=True),)


def test_total_from_the_sentence_before() -> None:
    body = "La banque a prêté 12 M€ et l'État 8 M€. Au total, 20 M€ ont été réunis."
    assert checks(body) == (AmountCheck(total=2, parts=(0, 1), holds=True),)


def test_total_after_the_amount_in_english() -> None:
    body = "Acme put in $3 million and Globex $2 million, $5 million in total."
    found = find_checks(body, find_amounts(body, "en"))
    assert found == (AmountCheck(total=2, parts=(0, 1), holds=True),)


def test_a_total_of_in_english() -> None:
    body = "Acme gave $4m and Globex $6m, a total of $10m."
    assert find_checks(body, find_amounts(body, "en")) == (
        AmountCheck(total=2, parts=(0, 1), holds=True),
    )


def test_breakdown_after_dont() -> None:
    body = "Un plan de 100 M€, dont 70 M€ pour la recherche et 30 M€ pour l'usine."
    assert checks(body) == (AmountCheck(total=0, parts=(1, 2), holds=True),)


def test_breakdown_that_overshoots_does_not_hold() -> None:
    body = "Un plan de 100 M€, dont 70 M€ pour la recherche et 50 M€ pour l'usine."
    assert checks(body) == (AmountCheck(total=0, parts=(1, 2), holds=False),)


def test_partial_breakdown_is_not_a_check() -> None:
    body = "Un plan de 100 M€, dont 40 M€ pour la recherche et 30 M€ pour l'usine."
    assert checks(body) == ()


def test_other_currencies_are_not_parts() -> None:
    body = "Alpha apporte 10 M€, Beta 5 M$ et Gamma 20 M€, soit un total de 30 M€."
    assert checks(body) == (AmountCheck(total=3, parts=(0, 2), holds=True),)


def test_struck_amounts_are_not_parts() -> None:
    body = "Alpha apporte 10 M€, 12 M€ Beta 20 M€, soit un total de 30 M€."
    start = body.index("12 M€")
    assert checks(body, ((start, start + 5),)) == (AmountCheck(total=3, parts=(0, 2), holds=True),)


def test_no_cue_no_check() -> None:
    assert checks("Alpha apporte 10 M€, Beta 20 M€ et Gamma 30 M€.") == ()


def test_single_part_is_not_a_check() -> None:
    assert checks("Alpha apporte 10 M€, soit un total de 10 M€.") == ()


def owners(
    body: str, companies: list[Company], orgs: tuple[Organisation, ...] = ()
) -> list[str | None]:
    amounts = find_amounts(body, "fr")
    return [a.owner for a in link_owners(body, amounts, companies, orgs)]


def test_owner_in_parentheses() -> None:
    body = (
        "Le tour réunit Alpha Capital (12 millions d'euros) et Beta Ventures (8 millions d'euros)."
    )
    companies = [company(body, "Alpha Capital"), company(body, "Beta Ventures")]
    assert owners(body, companies) == ["Alpha Capital", "Beta Ventures"]


def test_owner_as_subject_of_a_money_verb() -> None:
    body = "Gamma Robotics a levé près de 9 M€ auprès de ses actionnaires."
    assert owners(body, [company(body, "Gamma Robotics")]) == ["Gamma Robotics"]


def test_owner_is_the_state() -> None:
    body = "Le projet est financé par l’État à hauteur de 50 millions d’euros."
    assert owners(body, []) == ["l’État"]


def test_owner_is_a_listed_organisation() -> None:
    body = "La Commission européenne apporte 70 M€ au programme."
    org = Organisation("Commission européenne", mentions(body, "Commission européenne"))
    assert owners(body, [], (org,)) == ["Commission européenne"]


def test_owner_canonical_name_is_used() -> None:
    body = "Le Groupe Delta SA (15 M€) rejoint le projet."
    assert owners(body, [company(body, "Delta", "Groupe Delta SA")]) == ["Delta"]


def test_no_owner_when_the_link_is_loose() -> None:
    body = "Alpha a racheté Beta pour 30 M€, selon Gamma, qui parle de 40 M€ ailleurs."
    companies = [company(body, n) for n in ("Alpha", "Beta", "Gamma")]
    assert owners(body, companies) == [None, None]


def test_anaphor_takes_the_one_company_of_the_sentence_before() -> None:
    body = (
        "Le départ d'Omega Systems pèse lourd. La firme comptait investir 45 millions "
        "dans le projet, qui a levé 100 millions d'euros."
    )
    assert owners(body, [company(body, "Omega Systems")])[0] == "Omega Systems"


def test_anaphor_with_two_candidate_companies_has_no_owner() -> None:
    body = (
        "Omega et Sigma se sont disputés. La firme comptait investir 45 millions "
        "dans le projet, qui a levé 100 millions d'euros."
    )
    companies = [company(body, "Omega"), company(body, "Sigma")]
    assert owners(body, companies)[0] is None


def test_owners_keep_every_other_field() -> None:
    body = "Alpha a levé 3 M€."
    amounts = find_amounts(body, "fr")
    (linked,) = link_owners(body, amounts, [company(body, "Alpha")], [])
    assert linked == Amount(**{**amounts[0].__dict__, "owner": "Alpha"})


def test_seed_article_total_and_owners() -> None:
    seed = json.loads((CORPUS / "seed" / "andromede.json").read_text(encoding="utf-8"))
    body = seed["body"]
    assert isinstance(body, str)
    amounts = find_amounts(body, "fr")
    names = ("Dassault Systèmes", "France Télécom", "Thalès", "Atos", "Cap Gemini")
    linked = link_owners(body, amounts, [company(body, n) for n in names], [])
    assert [a.owner for a in linked] == [
        None,
        None,
        "Dassault Systèmes",
        "l’État",
        "France Télécom",
        "Thalès",
        None,
    ]
    assert find_checks(body, linked) == (AmountCheck(total=6, parts=(3, 4, 5), holds=True),)
