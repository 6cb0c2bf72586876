"""Money amounts in French and English prose: forms, currencies, ranges, hedges, non-amounts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.entities.amounts import find_amounts
from tui.core.entities.amounts.numbers import parse_digits
from tui.core.model import Amount

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def found(body: str, lang: str | None = None) -> list[tuple[str, float, str | None]]:
    """(text, value, currency) of every amount, checking the offsets on the way."""
    amounts = find_amounts(body, lang)
    for a in amounts:
        assert body[a.start : a.end] == a.text
    return [(a.text, a.value, a.currency) for a in amounts]


def only(body: str, lang: str | None = None) -> Amount:
    amounts = find_amounts(body, lang)
    assert len(amounts) == 1, amounts
    return amounts[0]


@pytest.mark.parametrize(
    ("body", "text", "value", "currency"),
    [
        ("La jeune pousse a levé 4 millions d'euros.", "4 millions d'euros", 4e6, "EUR"),
        ("Le groupe investit 2,8 milliards d’euros.", "2,8 milliards d’euros", 2.8e9, "EUR"),
        ("Une facture de 2\u202f450 € réglée.", "2\u202f450 €", 2450, "EUR"),
        ("Un loyer de 1\u00a0200\u00a0€ par mois.", "1\u00a0200\u00a0€", 1200, "EUR"),
        ("Un chèque de 3\u2009750 euros.", "3\u2009750 euros", 3750, "EUR"),
        ("Le lot est parti à 4.500 euros.", "4.500 euros", 4500, "EUR"),
        ("Le ticket coûte 3,5 euros.", "3,5 euros", 3.5, "EUR"),
        ("Le ticket coûte 4.2 euros.", "4.2 euros", 4.2, "EUR"),
        ("Le solde atteint 12.345,67 euros.", "12.345,67 euros", 12345.67, "EUR"),
        ("Il réclame 750.000 euros.", "750.000 euros", 750000, "EUR"),
        ("Le fonds pèse 7 Md€.", "7 Md€", 7e9, "EUR"),
        ("Elle a cédé 2Md€ d'actifs.", "2Md€", 2e9, "EUR"),
        ("Un tour de 12 M€ bouclé.", "12 M€", 12e6, "EUR"),
        ("Un budget de 80 k€.", "80 k€", 80e3, "EUR"),
        ("Une sanction de 2,314 Md€ infligée.", "2,314 Md€", 2.314e9, "EUR"),
        ("Un plan de 3 Mds€ annoncé.", "3 Mds€", 3e9, "EUR"),
        ("Une amende de 6 400 € prononcée.", "6 400 €", 6400, "EUR"),
        ("The firm raised $4.7bn on Monday.", "$4.7bn", 4.7e9, "USD"),
        ("It paid US$2.4 billion for it.", "US$2.4 billion", 2.4e9, "USD"),
        ("A ticket costs €35 today.", "€35", 35, "EUR"),
        ("The bid was £2.5m in cash.", "£2.5m", 2.5e6, "GBP"),
        ("They spent HK$800 million.", "HK$800 million", 800e6, "HKD"),
        ("It raised C$12 million.", "C$12 million", 12e6, "CAD"),
        ("A £45,500 salary.", "£45,500", 45500, "GBP"),
        ("Gold was at $1,608.25 an ounce.", "$1,608.25", 1608.25, "USD"),
        ("Revenue of USD 7 million.", "USD 7 million", 7e6, "USD"),
        ("Le prix de CHF 250 par nuit.", "CHF 250", 250, "CHF"),
        ("Un forfait de 90 CHF.", "90 CHF", 90, "CHF"),
        ("A deal of ¥300 billion.", "¥300 billion", 300e9, "JPY"),
        ("A stake worth 45 billion yuan.", "45 billion yuan", 45e9, "CNY"),
        ("The IPO priced at 205 Hong Kong dollars.", "205 Hong Kong dollars", 205, "HKD"),
        ("A fine of Rs 5,000 crore.", "Rs 5,000 crore", 5e10, "INR"),
        ("A payout of ₹2,50,000 to each.", "₹2,50,000", 250000, "INR"),
        ("Il a versé 7 000 dollars américains.", "7 000 dollars américains", 7000, "USD"),
        (
            "Un contrat de 9 millions de dollars canadiens.",
            "9 millions de dollars canadiens",
            9e6,
            "CAD",
        ),
        (
            "Un rachat de 40 millions de livres sterling.",
            "40 millions de livres sterling",
            40e6,
            "GBP",
        ),
        ("Un prêt de 30 millions de francs suisses.", "30 millions de francs suisses", 30e6, "CHF"),
        ("Un bénéfice de 4,1 milliards de francs.", "4,1 milliards de francs", 4.1e9, "CHF"),
        ("Un marché de 12 milliards de yuans.", "12 milliards de yuans", 12e9, "CNY"),
        ("Un contrat de 800 millions de yens.", "800 millions de yens", 800e6, "JPY"),
        ("Un budget de 900 millions de roupies.", "900 millions de roupies", 900e6, "INR"),
        ("The UK firm owes 12 million pounds.", "12 million pounds", 12e6, "GBP"),
        ("The bill came to 200 rupees.", "200 rupees", 200, "INR"),
        ("A fee of 300 Swiss francs.", "300 Swiss francs", 300, "CHF"),
        ("Total: 4 567 890 EUROS.", "4 567 890 EUROS", 4567890, "EUR"),
        ("Le rachat se chiffre à 358 M$.", "358 M$", 358e6, "USD"),
        ("Une levée de 1,2 Md$ annoncée.", "1,2 Md$", 1.2e9, "USD"),
        ("Un budget de 5 millions $ US.", "5 millions $ US", 5e6, "USD"),
        ("A $2.5-million grant.", "$2.5-million", 2.5e6, "USD"),
        ("They raised $3.1 trillion.", "$3.1 trillion", 3.1e12, "USD"),
        ("A salary of $85k a year.", "$85k", 85e3, "USD"),
        ("A trade of 40 billion won.", "40 billion won", 40e9, "KRW"),
    ],
)
def test_amount_forms(body: str, text: str, value: float, currency: str) -> None:
    amount = only(body)
    assert (amount.text, amount.value, amount.currency) == (text, value, currency)
    assert not amount.currency_inferred


@pytest.mark.parametrize("code", ["EUR", "USD", "GBP", "CHF", "CAD", "JPY", "CNY", "HKD", "INR"])
def test_iso_codes_before_and_after(code: str) -> None:
    assert found(f"Un paiement de {code} 45 mn, puis de 12,5 millions {code}.", "fr") == [
        (f"{code} 45 mn", 45e6, code),
        (f"12,5 millions {code}", 12.5e6, code),
    ]


@pytest.mark.parametrize(
    ("body", "text", "value", "currency"),
    [
        ("Une amende de quatre millions d'euros.", "quatre millions d'euros", 4e6, "EUR"),
        ("Une offre de trois milliards d'euros.", "trois milliards d'euros", 3e9, "EUR"),
        ("Un don de vingt-cinq euros.", "vingt-cinq euros", 25, "EUR"),
        ("Un cadeau de trois cents euros.", "trois cents euros", 300, "EUR"),
        ("Un versement d'un million d'euros.", "un million d'euros", 1e6, "EUR"),
        ("A settlement of five billion dollars.", "five billion dollars", 5e9, "USD"),
        ("He spent a billion dollars on it.", "a billion dollars", 1e9, "USD"),
        ("It cost twenty-five dollars.", "twenty-five dollars", 25, "USD"),
    ],
)
def test_number_words(body: str, text: str, value: float, currency: str) -> None:
    amount = only(body)
    assert (amount.text, amount.value, amount.currency) == (text, value, currency)


@pytest.mark.parametrize(
    ("body", "text", "low", "high", "currency"),
    [
        (
            "Un ticket situé entre 15 et 25 millions d'euros.",
            "15 et 25 millions d'euros",
            15e6,
            25e6,
            "EUR",
        ),
        ("Des tickets entre 50.000 et 200.000 euros.", "50.000 et 200.000 euros", 5e4, 2e5, "EUR"),
        ("Seed rounds run $2m-$4m these days.", "$2m-$4m", 2e6, 4e6, "USD"),
        ("A fine between $3 million and $6 million.", "$3 million and $6 million", 3e6, 6e6, "USD"),
        ("Des aides de 2 à 5 M€ par projet.", "2 à 5 M€", 2e6, 5e6, "EUR"),
        ("Budgets of $10-20 million.", "$10-20 million", 10e6, 20e6, "USD"),
        ("Salaries from $80,000 to $95,000.", "$80,000 to $95,000", 8e4, 9.5e4, "USD"),
    ],
)
def test_ranges_are_one_amount(
    body: str, text: str, low: float, high: float, currency: str
) -> None:
    amount = only(body)
    assert (amount.text, amount.value, amount.value_max, amount.currency) == (
        text,
        low,
        high,
        currency,
    )


def test_full_amounts_joined_by_to_make_a_range_unless_a_change() -> None:
    assert found("A fine of $5 million to $8 million looms.", "en") == [
        ("$5 million to $8 million", 5e6, "USD")
    ]
    assert len(find_amounts("Sales grew from $5 million to $8 million.", "en")) == 2


def test_spaced_capital_scale_before_a_currency_word() -> None:
    assert found("Un tour de 1,5 M d‘euros.", "fr") == [("1,5 M d‘euros", 1.5e6, "EUR")]


def test_two_amounts_joined_by_et_without_entre_stay_apart() -> None:
    body = "Elle a levé 5 M€ et 8 M€ lors de deux tours."
    assert [a.value_max for a in find_amounts(body, "fr")] == [None, None]
    assert len(find_amounts(body, "fr")) == 2


def test_range_needs_rising_ends() -> None:
    amounts = find_amounts("L'amende est ramenée de 9 à 3 millions d'euros.", "fr")
    assert [(a.value, a.value_max) for a in amounts] == [(9e6, None), (3e6, None)]
    assert [a.value for a in find_amounts("Il a payé entre 9 et 3 millions d'euros.", "fr")] == [
        3e6
    ]


@pytest.mark.parametrize(
    ("body", "qualifier", "text"),
    [
        ("Elle a levé près de 6 millions d'euros.", "près de", "6 millions d'euros"),
        ("Elle vaut plus de 2 milliards d’euros.", "plus de", "2 milliards d’euros"),
        ("Elle vaut plus d’1Md€.", "plus d’", "1Md€"),
        ("Il faut environ 900 euros.", "environ", "900 euros"),
        ("Il investira jusqu’à 40 M€.", "jusqu’à", "40 M€"),
        ("Un ticket de l'ordre de 120.000 euros.", "de l'ordre de", "120.000 euros"),
        ("It could raise up to $9bn.", "up to", "$9bn"),
        ("It spent nearly $4 billion.", "nearly", "$4 billion"),
        ("It spent about $30 million.", "about", "$30 million"),
        ("It spent more than $12 million.", "more than", "$12 million"),
        ("Entre 10 et 20 M€ levés.", "Entre", "10 et 20 M€"),
    ],
)
def test_qualifier_is_kept_out_of_text(body: str, qualifier: str, text: str) -> None:
    amount = only(body)
    assert (amount.qualifier, amount.text) == (qualifier, text)


@pytest.mark.parametrize(
    "body",
    [
        "En 2024, le chiffre a progressé de 12 %.",
        "La hausse atteint 3,5 pour cent sur un an.",
        "Le 14 juillet 2023, à 10 h 30, rien ne s'est passé.",
        "Appelez le 01 42 68 53 00 ou le +33 6 12 34 56 78.",
        "La version 2.4.1 corrige le bug ; le modèle 7B tourne en local.",
        "L'arrêt n°22-19.345 a été rendu hier.",
        "Le titre 6758.T a gagné 2 points, à 3 412,5 points.",
        "Le match s'est fini sur un score de 3-1.",
        "Un entrepôt de 45 000 pieds carrés et 12 000 m2.",
        "La centrale produira 5 gigawatts.",
        "Le réseau compte 4 millions d'abonnés et 250 salariés.",
        "The app has 30 million users and 1,200 staff.",
        "Il est arrivé 2e, devant le 3e, au km 42.",
        "Windows 11 et l'iPhone 15 sont sortis, avec 256GB.",
        "Il a acheté un euro numérique, dit-il, pour un dollar symbolique.",
        "Des milliers d'euros et des millions de dollars.",
        "La zone euro compte 20 pays.",
        "",
    ],
)
def test_not_amounts(body: str) -> None:
    assert find_amounts(body, "fr") == ()


def test_inferred_currency_from_the_same_sentence() -> None:
    body = (
        "Elle visait un bénéfice de 2,4 milliards d'euros "
        "et un chiffre d'affaires de 9,8 milliards."
    )
    amounts = find_amounts(body, "fr")
    assert [(a.value, a.currency, a.currency_inferred) for a in amounts] == [
        (2.4e9, "EUR", False),
        (9.8e9, "EUR", True),
    ]
    assert amounts[1].text == "9,8 milliards"


def test_inferred_currency_from_the_article() -> None:
    body = (
        "Le consortium réunit trois industriels pour 90 millions d'euros.\n\n"
        "Le quatrième partenaire comptait investir 25 millions au départ."
    )
    inferred = find_amounts(body, "fr")[1]
    assert (inferred.text, inferred.currency, inferred.currency_inferred) == (
        "25 millions",
        "EUR",
        True,
    )


def test_inferred_currency_follows_nearby_dollars() -> None:
    body = (
        "Des frais de 5 000 euros ont été réglés.\n\nEnsuite : 300 millions d’abord, "
        "puis 2 milliards ensuite. Le régulateur exige 40 milliards de dollars."
    )
    amounts = find_amounts(body, "fr")
    assert [(a.value, a.currency) for a in amounts] == [
        (5000, "EUR"),
        (300e6, "USD"),
        (2e9, "USD"),
        (40e9, "USD"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Le groupe a levé 10 millions d'euros. Il revendique 3 millions de clients.",
        "Le groupe a levé 10 millions d'euros. Le pays compte 67 millions d'habitants.",
        "It raised $10 million. The service now has 40 million subscribers.",
        "The firm raised $10 million and sold 2 million phones.",
    ],
)
def test_counts_are_never_inferred_as_money(body: str) -> None:
    assert len(find_amounts(body)) == 1


def test_regression_country_and_friday_are_not_money_cues() -> None:
    body = "Le fonds a reçu 5 M€.\n\nVendredi, le pays comptait 68 millions selon l'Insee."
    assert [a.value for a in find_amounts(body, "fr")] == [5e6]


def test_bare_scaled_number_without_any_money_in_the_article_is_left_out() -> None:
    assert find_amounts("La ville compte 2 millions et grandit encore.", "fr") == ()


def test_dollar_sign_in_a_quebec_article_is_cad() -> None:
    body = (
        "À Montréal, le fonds québécois a versé 42 millions $ à des entreprises de la région, "
        "dont 180 000 $ à une PME de Québec."
    )
    assert [(a.text, a.currency) for a in find_amounts(body, "fr")] == [
        ("42 millions $", "CAD"),
        ("180 000 $", "CAD"),
    ]


def test_quebec_giga_dollars() -> None:
    body = "Québec injecte 1,2 G$ dans la filière batterie, dont 300 M$ à Bécancour."
    assert found(body, "fr") == [("1,2 G$", 1.2e9, "CAD"), ("300 M$", 300e6, "CAD")]


def test_dollar_sign_elsewhere_is_usd() -> None:
    assert only("La société a levé 42 millions $ à Paris.", "fr").currency == "USD"
    assert only("The startup raised $42 million in Austin.", "en").currency == "USD"


def test_explicit_us_dollars_stay_usd_in_a_canadian_article() -> None:
    body = "Au Québec, l'entreprise a vendu pour 5 millions de dollars américains."
    assert only(body, "fr").currency == "USD"


def test_exchange_rate_quote_takes_the_quoted_currency() -> None:
    amount = only("The yen weakened to 151.20 per dollar on Friday.", "en")
    assert (amount.text, amount.value, amount.currency) == ("151.20", 151.2, "JPY")


def test_exchange_rate_quote_takes_the_nearest_other_currency() -> None:
    body = "The euro held at $1.09, and the yen slid to 149.80 per dollar."
    assert found(body, "en")[-1] == ("149.80", 149.8, "JPY")


def test_french_billion_is_a_million_millions() -> None:
    assert only("Une dette de 3 billions de dollars.", "fr").value == 3e12
    assert only("A debt of 3 billion dollars.", "en").value == 3e9


def test_struck_amount_is_marked() -> None:
    body = "Un projet soutenu par 310 millions 240 millions d’euros."
    start = body.index("310")
    amounts = find_amounts(body, "fr", [(start, start + len("310 millions"))])
    assert [(a.value, a.struck) for a in amounts] == [(310e6, True), (240e6, False)]


def test_amounts_come_in_reading_order_with_valid_offsets() -> None:
    body = "Le 3 mai, 40 M€ puis 12 millions plus tard, et enfin $5m et 7 000 €."
    amounts = find_amounts(body, "fr")
    assert [a.start for a in amounts] == sorted(a.start for a in amounts)
    assert all(body[a.start : a.end] == a.text for a in amounts)
    assert len(amounts) == 4


def test_language_is_guessed_when_unknown() -> None:
    assert only("La société a emprunté 2 billions de dollars pour la dette.").value == 2e12
    assert only("The company has borrowed 2 billion dollars for the debt.").value == 2e9


@pytest.mark.parametrize(
    ("text", "scale_follows", "value"),
    [
        ("1 500", False, 1500),
        ("1.500", False, 1500),
        ("1,5", False, 1.5),
        ("1,252", True, 1.252),
        ("1,252", False, 1252),
        ("1.000", True, 1000),
        ("0,250", False, 0.25),
        ("21.930,54", False, 21930.54),
        ("1,472.19", False, 1472.19),
        ("1.234.567", False, 1234567),
        ("3 200,50", False, 3200.5),
        ("1'000'000", False, 1e6),
        ("1.2.3", False, None),
        ("1,23,45", False, None),
        ("9" * 40, False, None),
    ],
)
def test_parse_digits(text: str, scale_follows: bool, value: float | None) -> None:
    assert parse_digits(text, scale_follows) == value


# Regressions: one per error class fixed while measuring on the dev sets.


def test_regression_year_before_a_space_grouped_amount() -> None:
    assert found("En 2018 300 millions d'euros ont été levés.", "fr") == [
        ("300 millions d'euros", 300e6, "EUR")
    ]


def test_regression_hyphenated_word_after_currency_word() -> None:
    assert found("Les 20 euro-députés ont voté.", "fr") == []


def test_regression_swiss_francs_without_adjective() -> None:
    assert found("Le bénéfice atteint 1,5 milliard de francs.", "fr") == [
        ("1,5 milliard de francs", 1.5e9, "CHF")
    ]


def test_regression_one_letter_scale_needs_a_symbol() -> None:
    assert found("Il a couru 5 m puis 10 k et payé 3 €.", "fr") == [("3 €", 3, "EUR")]


def test_regression_money_noun_after_bare_scale_is_not_a_count() -> None:
    body = "La région a reçu 50 millions d'euros, puis 20 millions d'investissement."
    assert [a.value for a in find_amounts(body, "fr")] == [50e6, 20e6]


def test_regression_subunits() -> None:
    assert found("It costs 45 cents, or 30 pence, or 80 centimes.", "en") == [
        ("45 cents", 0.45, "USD"),
        ("30 pence", 0.3, "GBP"),
        ("80 centimes", 0.8, "EUR"),
    ]


def test_regression_code_glued_to_the_number() -> None:
    assert found("It paid USD2.5bn and EUR40m.", "en") == [
        ("USD2.5bn", 2.5e9, "USD"),
        ("EUR40m", 40e6, "EUR"),
    ]


def test_regression_a_change_is_not_a_range() -> None:
    assert found("Sales rose from $4m to $7m.", "en") == [("$4m", 4e6, "USD"), ("$7m", 7e6, "USD")]
    body = "Le CA est passé de 2 M€ à 3 M€."
    assert [a.value_max for a in find_amounts(body, "fr")] == [None, None]


def test_regression_scaled_adjective_is_not_an_amount() -> None:
    body = "The deal, worth $2bn, created a billion-dollar company."
    assert found(body, "en") == [("$2bn", 2e9, "USD")]


def test_regression_glued_one_letter_scale_before_a_currency_word() -> None:
    assert found("They raised 7m euros and 40k dollars.", "en") == [
        ("7m euros", 7e6, "EUR"),
        ("40k dollars", 4e4, "USD"),
    ]


def test_regression_one_canadian_mention_does_not_make_dollars_canadian() -> None:
    body = "Le canadien Northwind a levé 80 millions de dollars auprès de fonds."
    assert only(body, "fr").currency == "USD"


def test_regression_pounds_of_goods_are_a_weight() -> None:
    assert found("A plant dumped 1.8M pounds of food and 3 million livres de viande.") == []


def test_regression_pounds_and_livres_need_a_british_text() -> None:
    assert found("The Iowa plant ships 5 million pounds a year.", "en") == []
    assert found("L'éditeur a vendu 10 millions de livres.", "fr") == []
    assert found("Le club londonien a coûté 4 milliards de livres.", "fr") == [
        ("4 milliards de livres", 4e9, "GBP")
    ]


def test_regression_glued_local_symbols_and_currency_pairs() -> None:
    assert found("A fine of Rs5,000 and Dh20 million.", "en") == [
        ("Rs5,000", 5000, "INR"),
        ("Dh20 million", 20e6, "AED"),
    ]
    assert found("USD/JPY 150.20 is the pair's level.", "en") == []


def test_yen_sign_in_an_article_about_china_is_yuan() -> None:
    body = "Shenzhen-based BYD, China's largest carmaker, earned ¥30bn, or 30 billion yuan."
    assert [a.currency for a in find_amounts(body, "en")] == ["CNY", "CNY"]
    assert only("Toyota earned ¥4 trillion in Japan.", "en").currency == "JPY"


def test_regression_huge_digit_run_is_not_a_number() -> None:
    assert find_amounts("$" + "9" * 5000) == ()


def _corpus(name: str) -> dict[str, object]:
    data = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_seed_article_amounts() -> None:
    seed = _corpus("seed/andromede.json")
    body = seed["body"]
    assert isinstance(body, str)
    amounts = find_amounts(body, "fr")
    assert [(a.value, a.currency) for a in amounts] == [
        (285e6, "EUR"),
        (225e6, "EUR"),
        (60e6, "EUR"),
        (135e6, "EUR"),
        (60e6, "EUR"),
        (30e6, "EUR"),
        (225e6, "EUR"),
    ]
    assert [a.currency_inferred for a in amounts] == [True, False, True] + [False] * 4
    assert all(body[a.start : a.end] == a.text for a in amounts)
