"""The kinds of page furniture the fitted dump cleaner must leave out, on dumps written here.

Each dump mixes an article with one family of furniture that pages of other sites show:
a radio page's player and programme lines, a caption with its credit, a newsletter consent
paragraph, a skip-to-content link above the headline, a label run into the headline, a
standfirst shown twice, agency credits and signatures, a notice about the page itself.
"""

from __future__ import annotations

import pytest

from tui.core.sources.clean import clean_dump, without_section_label

ARTICLE = (
    "La banque régionale a annoncé jeudi la fermeture de vingt agences d'ici la fin de "
    "l'année, une décision qui touche surtout les petites communes du département.",
    "Selon la direction, la fréquentation des guichets a baissé de moitié en cinq ans, "
    "tandis que les opérations en ligne ont doublé sur la même période.",
    "Les syndicats dénoncent un abandon des territoires ruraux et demandent un moratoire "
    "jusqu'à la prochaine assemblée générale des sociétaires de la banque.",
)
TITLE = "La banque régionale ferme vingt agences"


def dump(*lines: str) -> str:
    return "\n".join(lines)


def test_a_radio_page_player_programme_caption_and_consent_are_furniture() -> None:
    text = dump(
        "Aller au contenu principal",
        "Économie",
        TITLE,
        "00:00 / 03:42",
        "Le journal de l'économie, du lundi au vendredi à 7h15",
        "Écouter",
        *ARTICLE,
        "Le siège de la banque, à Rennes. (Photo : Jean Martin / Agence Ouest)",
        "Recevez chaque matin notre newsletter. En vous inscrivant, vous acceptez que vos "
        "données personnelles soient utilisées selon notre politique de confidentialité ; "
        "vous pouvez vous désinscrire à tout moment.",
    )
    cleaned = clean_dump(text)
    assert cleaned.title == TITLE
    assert cleaned.paragraphs == list(ARTICLE)
    assert cleaned.photo_credit == "Photo : Jean Martin / Agence Ouest"


def test_a_sub_heading_between_two_paragraphs_is_body() -> None:
    cleaned = clean_dump(dump(TITLE, ARTICLE[0], "Les syndicats", ARTICLE[1], ARTICLE[2]))
    assert cleaned.paragraphs == [ARTICLE[0], "Les syndicats", ARTICLE[1], ARTICLE[2]]


def test_a_skip_link_is_not_the_title_and_a_label_is_not_part_of_it() -> None:
    text = dump("Passer au contenu principal", f"EXCLUSIF – {TITLE}", *ARTICLE)
    cleaned = clean_dump(text)
    assert cleaned.title == TITLE
    assert cleaned.paragraphs == list(ARTICLE)


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("ÉconomieLa banque ferme vingt agences", "La banque ferme vingt agences"),
        ("ALERTE : La banque ferme vingt agences", "La banque ferme vingt agences"),
        ("UBS - Le bénéfice recule", "UBS - Le bénéfice recule"),
        ("MacBook Pro : un nouveau clavier", "MacBook Pro : un nouveau clavier"),
    ],
)
def test_section_labels_come_off_headlines_and_names_stay(headline: str, expected: str) -> None:
    assert without_section_label(headline) == expected


def test_a_standfirst_shown_twice_is_kept_once() -> None:
    cleaned = clean_dump(dump(TITLE, ARTICLE[0], ARTICLE[0], ARTICLE[1], ARTICLE[2]))
    assert cleaned.paragraphs == list(ARTICLE)


def test_credits_signatures_and_a_notice_about_the_page_are_furniture() -> None:
    text = dump(
        TITLE,
        ARTICLE[0],
        "© Agence Photo de l'Ouest",
        *ARTICLE[1:],
        "(avec AFP)",
        "Cet article a été importé de notre ancien site ; sa mise en page peut comporter "
        "des erreurs d'affichage.",
    )
    cleaned = clean_dump(text)
    assert cleaned.paragraphs == list(ARTICLE)
    assert cleaned.photo_credit == "© Agence Photo de l'Ouest"


def test_a_run_of_teaser_links_above_the_article_is_furniture() -> None:
    text = dump(
        ">>La banque verse un dividende record",
        ">>Les agences rurales ferment le samedi",
        ">>Le directeur quitte ses fonctions",
        TITLE,
        *ARTICLE,
    )
    assert clean_dump(text).paragraphs == list(ARTICLE)


def test_the_cleaner_can_say_which_features_decided() -> None:
    from tui.core.sources.dump_decide import decide
    from tui.core.sources.dump_lines import split_lines
    from tui.core.sources.dump_model import shipped_model
    from tui.core.sources.dump_stats import dump_stats

    lines = split_lines(dump(TITLE, *ARTICLE, "Partager sur Facebook")).lines
    model = shipped_model()
    decisions = decide(dump_stats(lines, "fr"), model, "fr")
    reasons = model.lines.reasons(decisions.matrix[-1], decisions.labels[-1])
    assert decisions.labels[-1] == "furniture"
    assert reasons and all("=" in reason for reason in reasons)
