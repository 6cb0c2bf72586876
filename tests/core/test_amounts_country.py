"""Amounts the issue's unseen pages missed: our own sentences, one per error class."""

from __future__ import annotations

import pytest

from tui.core.entities.amounts import find_amounts
from tui.core.entities.amounts.country import country_currency


def found(text: str, lang: str = "fr") -> list[tuple[str, float, str | None]]:
    return [(a.text, a.value, a.currency) for a in find_amounts(text, lang)]


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Le rachat du groupe de presse s'est fait à 140 millions en Belgique.", "EUR"),
        ("Au Québec, la coopérative a conclu une acquisition de 12 millions.", "CAD"),
        ("En Suisse, la banque a versé un dividende de 3 millions.", "CHF"),
    ],
)
def test_bare_amounts_take_the_currency_of_the_country_named(text: str, currency: str) -> None:
    amounts = find_amounts(text, "fr")
    assert [(a.currency, a.currency_inferred) for a in amounts] == [(currency, True)]


def test_a_text_naming_no_country_and_no_currency_gives_no_bare_amount() -> None:
    assert found("Le rachat s'est fait à 140 millions, a indiqué la direction.") == []


def test_country_names_in_french_and_english_map_to_currencies() -> None:
    assert country_currency("Les filiales au Maroc et au Maroc encore") == "MAD"
    assert country_currency("sales in Japan rose") == "JPY"
    assert country_currency("rien du tout") is None


def test_a_bare_range_among_money_words_is_money() -> None:
    text = "En Belgique, la trésorerie du groupe est de 60-70 millions."
    assert found(text) == [("60-70 millions", 60e6, "EUR")]
    assert find_amounts(text, "fr")[0].value_max == 70e6


def test_a_dot_groups_thousands_before_a_scale_in_french() -> None:
    assert found("Le chiffre d'affaires atteint 2.400 millions d'euros.") == [
        ("2.400 millions d'euros", 2.4e9, "EUR")
    ]
    assert found("Revenue reached 2.5 million dollars.", "en") == [
        ("2.5 million dollars", 2.5e6, "USD")
    ]


def test_a_scale_word_with_an_article_and_a_currency_is_one_of_that_scale() -> None:
    assert found("Une licorne dépasse le milliard de dollars de valorisation.") == [
        ("milliard de dollars", 1e9, "USD")
    ]


def test_numbers_in_a_web_address_are_not_amounts() -> None:
    text = "Le communiqué https://example.org/news/deal-5-billion-dollars le confirme."
    assert found(text) == []


def test_an_amount_cut_off_by_the_end_of_a_dump_is_left_out() -> None:
    assert found("La société a levé 4 millions d'euros. Puis une levée de 230 millions d") == [
        ("4 millions d'euros", 4e6, "EUR")
    ]
    assert found("La société a levé 4 millions d'euros, puis 230 millions.")[-1][1] == 230e6
