"""The kinds of page furniture the fitted dump cleaner must leave out, on dumps written here.

Each dump mixes an article with one family of furniture that pages of other sites show:
a radio page's player and programme lines, a caption with its credit, a newsletter consent
paragraph, a skip-to-content link above the headline, a label run into the headline, a
standfirst shown twice, agency credits and signatures, a notice about the page itself, a
caption with a glued photo credit or left on a dangling separator, a magazine's page header
glued before the text. And the article's own lines it must keep: a news round-up's
standfirst and item headings (one under a source line), the last lines of a dump cut
mid-sentence; a page of furniture only gives no body and says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.errors import LoadError
from tui.core.sources.clean import NO_ARTICLE, clean_dump, without_section_label
from tui.core.sources.load import article_from_file

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


def test_a_round_up_keeps_its_standfirst_and_the_heading_after_a_source_line() -> None:
    standfirst = (
        "Les nouvelles de la semaine chez Alpha Conseil, Beta Industries, Gamma Logistique, "
        "Delta Énergie et Epsilon Robotique."
    )
    first = "Alpha Conseil rachète le cabinet Zeta Audit"
    second = "Beta Industries agrandit son usine"
    text = dump(
        standfirst,
        first,
        ARTICLE[0],
        ARTICLE[1],
        "Source : La Gazette du Nord, 3 avril 2024",
        second,
        ARTICLE[2],
    )
    cleaned = clean_dump(text)
    assert cleaned.title is None
    assert cleaned.paragraphs == [standfirst, first, ARTICLE[0], ARTICLE[1], second, ARTICLE[2]]


def test_a_dump_cut_mid_sentence_keeps_its_last_lines_but_not_a_signature() -> None:
    items = ("Alpha, le spécialiste du transport.", "Beta, leader européen du stockage.")
    cut = "Enfin, une dernière entreprise souvent citée parmi les"
    intro = "Deux autres entreprises sont citées :"
    cleaned = clean_dump(dump(TITLE, *ARTICLE, intro, *items, cut))
    assert cleaned.paragraphs[-4:] == [intro, *items, cut]
    assert clean_dump(dump(TITLE, *ARTICLE, "JD")).paragraphs == list(ARTICLE)


LEGAL_NOTICE = (
    "Aller au contenu",
    "Accueil",
    "Mentions légales",
    "Éditeur du site : Société Exemple SAS, capital de 10 000 euros, RCS Paris 123 456 789",
    "Directeur de la publication : Jean Martin",
    "Hébergeur : Hébergement Exemple, 2 rue des Serveurs, 59100 Roubaix",
    "Contact : contact@exemple.fr",
    "Politique de confidentialité",
    "Conditions générales d'utilisation",
    "© 2024 Exemple Médias. Tous droits réservés.",
)


def test_a_page_of_furniture_only_has_no_title_no_body_and_says_so(tmp_path: Path) -> None:
    cleaned = clean_dump(dump(*LEGAL_NOTICE))
    assert cleaned.title is None and cleaned.paragraphs == []
    assert cleaned.notices == [NO_ARTICLE]
    path = tmp_path / "mentions.txt"
    path.write_text(dump(*LEGAL_NOTICE), encoding="utf-8")
    with pytest.raises(LoadError, match="no article text: every line reads as page furniture"):
        article_from_file(path, 1_000_000)


def test_a_note_with_one_sentence_is_still_read() -> None:
    cleaned = clean_dump(dump("Acheter du pain", "Appeler le garage", "Le rendez-vous est jeudi."))
    assert cleaned.paragraphs[-1] == "Le rendez-vous est jeudi."


def test_a_note_without_punctuation_is_read_not_taken_for_furniture() -> None:
    cleaned = clean_dump(dump("Idées", "appeler la banque demain matin pour le prêt", "Relire"))
    assert "appeler la banque demain matin pour le prêt" in cleaned.paragraphs
    assert NO_ARTICLE not in cleaned.notices


def test_a_teaser_headline_after_the_article_is_not_taken_for_a_cut_sentence() -> None:
    teaser = "Les magasins du centre-ville ferment les uns après les autres dans la région"
    cleaned = clean_dump(dump(TITLE, *ARTICLE, "Commerce", teaser))
    assert teaser not in cleaned.paragraphs


def test_a_caption_whose_glued_tail_is_a_photo_credit_is_furniture() -> None:
    caption = (
        "Le directeur régional de la banque et le maire devant l'agence du centre-ville, qui "
        "sera la première à fermer ses portes en juin. Photo: Jean Martin"
    )
    for text in (dump(TITLE, caption, *ARTICLE), dump(TITLE, ARTICLE[0], caption, *ARTICLE[1:])):
        cleaned = clean_dump(text)
        assert cleaned.title == TITLE
        assert cleaned.paragraphs == list(ARTICLE)


def test_a_caption_left_on_a_dangling_separator_is_furniture() -> None:
    caption = (
        "Le directeur régional de la banque annonce que l'agence du centre-ville fermera la "
        "première |"
    )
    cleaned = clean_dump(dump(TITLE, ARTICLE[0], caption, *ARTICLE[1:]))
    assert cleaned.paragraphs == list(ARTICLE)


def test_a_magazine_page_header_glued_before_the_text_is_cut_off() -> None:
    header = "LA REVUE n°48 - Page 5 - 48 Brèves 4 AVRIL 2024 - LA REVUE N°48 S o m m a i r e p 2"
    text = " ".join(ARTICLE)
    cleaned = clean_dump(f"{header} {text}")
    assert cleaned.paragraphs == [text]


SALON = (
    "Réunis au salon annuel de l'automobile à Lyon, les constructeurs européens ont présenté "
    "leurs nouveaux modèles devant des milliers de visiteurs venus de toute la région.",
    "Salon de Lyon : les constructeurs européens misent tout sur la voiture électrique",
    "Invités par les organisateurs du salon, les dirigeants des grands groupes ont profité de "
    "leur passage à Lyon pour annoncer de nouvelles usines de batteries.",
    "Trois usines ouvriront d'ici deux ans dans le Rhône et l'Isère, pour un investissement "
    "total que les groupes n'ont pas voulu chiffrer précisément.",
    "Les élus locaux saluent une bonne nouvelle pour l'emploi industriel, qui recule dans le "
    "département depuis une dizaine d'années.",
)


def test_a_description_above_the_headline_is_furniture_and_the_headline_is_the_title() -> None:
    cleaned = clean_dump(dump(*SALON))
    assert cleaned.title == SALON[1]
    assert cleaned.paragraphs == list(SALON[2:])


def test_a_first_paragraph_above_a_sub_heading_that_announces_its_text_is_kept() -> None:
    heading = "Lyon : les constructeurs ouvrent trois usines dans le Rhône et l'Isère"
    item = (
        "Trois usines ouvriront d'ici deux ans dans le Rhône et l'Isère, ont précisé les "
        "constructeurs européens au dernier jour du salon."
    )
    cleaned = clean_dump(dump(SALON[0], heading, item, SALON[4]))
    assert cleaned.title is None
    assert cleaned.paragraphs == [SALON[0], heading, item, SALON[4]]
