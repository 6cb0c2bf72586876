"""The page-dump cleaner: each rule on text written here, and the real dumps' gold bodies."""

import json
import re
from collections import Counter

import pytest

from tests.paths import CORPUS, SEED, SEED_GOLD
from tui.core.sources.categories import split_categories
from tui.core.sources.clean import clean_dump

MIN_F1 = 0.97
MIN_KEPT = 0.95


def test_seed_dump_is_split_into_its_parts() -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    dump = clean_dump(SEED.read_text(encoding="utf-8"))
    assert dump.title == gold["title"]
    assert dump.body == gold["body"]
    assert dump.categories == ["Cloud", "Réseaux"]
    assert dump.photo_credit == "Crédit photo : © Beboy – Fotolia.com"
    assert [p.title for p in dump.related] == [r["title"] for r in gold["related"]]
    assert [p.summary for p in dump.related] == [r["blurb"] for r in gold["related"]]
    assert [p.age for p in dump.related] == [r["age"] for r in gold["related"]]


def token_f1(found: str, gold: str) -> tuple[float, float]:
    """F1 and recall of the lower-cased word multisets."""
    got = Counter(re.findall(r"\w+", found.lower()))
    want = Counter(re.findall(r"\w+", gold.lower()))
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall), recall


@pytest.mark.parametrize("number", [f"{n:02d}" for n in range(1, 11)])
def test_french_dumps_keep_their_gold_body(number: str) -> None:
    """The shipped model saw these dumps; bench/dumps measures it on dumps it did not see."""
    gold = json.loads((CORPUS / "dev-fr" / f"{number}.json").read_text(encoding="utf-8"))
    dump = clean_dump((CORPUS / "dev-fr" / f"{number}.txt").read_text(encoding="utf-8"))
    f1, recall = token_f1(dump.body, gold["body"])
    assert f1 >= MIN_F1 and recall >= MIN_KEPT
    gold_paragraphs = set(gold["body"].split("\n\n"))
    assert sum(p in gold_paragraphs for p in dump.paragraphs) >= len(dump.paragraphs) - 1
    if gold["date"]:
        assert dump.published == gold["date"]


ENGLISH_DUMP = """We use cookies to give you the best experience. Accept all
Category: Markets, Technology

Widgets Corp agrees to buy Gadget Ltd

By Jane Roe

Widgets Corp said on Monday it would buy Gadget Ltd for $2 billion.

The deal is expected to close next year.

Photo: Reuters/John Doe

Related posts

Gadget Ltd shares jump

Investors cheered the news…

3 hours ago

Another story

2 days ago
"""


def test_english_dump_rules() -> None:
    dump = clean_dump(ENGLISH_DUMP)
    assert dump.title == "Widgets Corp agrees to buy Gadget Ltd"
    assert dump.paragraphs == [
        "Widgets Corp said on Monday it would buy Gadget Ltd for $2 billion.",
        "The deal is expected to close next year.",
    ]
    assert dump.categories == ["Markets", "Technology"]
    assert dump.photo_credit == "Photo: Reuters/John Doe"
    assert dump.author == "Jane Roe"
    assert [(p.title, p.summary, p.age) for p in dump.related] == [
        ("Gadget Ltd shares jump", "Investors cheered the news…", "3 hours ago"),
        ("Another story", None, "2 days ago"),
    ]


@pytest.mark.parametrize(
    "heading", ["Articles similaires", "À lire aussi", "Read more", "Sur le même sujet", "Related"]
)
def test_related_headings_end_the_body(heading: str) -> None:
    dump = clean_dump(
        f"Le titre de l'article du jour\n\nUn paragraphe.\n\n{heading}\n\nAutre article"
    )
    assert dump.paragraphs == ["Un paragraphe."]
    assert [p.title for p in dump.related] == ["Autre article"]


PARAGRAPHS = (
    "Le groupe de distribution a annoncé mardi la fermeture de douze magasins dans le nord du "
    "pays, une décision qui touchera près de quatre cents salariés selon les syndicats.",
    "La direction affirme que les sites concernés perdaient de l'argent depuis plusieurs "
    "années et que les employés se verront proposer un reclassement dans la région.",
)


def test_comment_box_and_glued_signature_are_cut() -> None:
    text = (
        "Un titre assez long pour un article\n\n"
        f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]} Jeanne Dupuis\n"
        "Commentaires 3\n\nLaisser un commentaire\n\nVotre adresse e-mail ne sera pas publiée."
    )
    dump = clean_dump(text)
    assert dump.paragraphs == list(PARAGRAPHS)
    assert dump.author == "Jeanne Dupuis"


def test_truncated_dump_keeps_its_last_words() -> None:
    text = f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]} Les syndicats rappellent qu"
    assert clean_dump(text).paragraphs[-1].endswith("Les syndicats rappellent qu")


def test_agency_credit_glued_to_the_end_is_cut() -> None:
    text = f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}xyz/ab(©AFP / 3 mai 2021 09h12)"
    assert clean_dump(text).paragraphs == list(PARAGRAPHS)


def test_leading_date_token_is_metadata() -> None:
    dump = clean_dump(" date 2024-05-02 RUBRIQUE\n\nLe texte de l'article commence ici.")
    assert dump.published == "2024-05-02"
    assert dump.paragraphs == ["Le texte de l'article commence ici."]


def test_date_token_keeps_a_lead_on_the_same_line() -> None:
    dump = clean_dump(" date 2024-05 La banque a publié ses résultats jeudi.\n\nSuite.")
    assert dump.paragraphs == ["La banque a publié ses résultats jeudi.", "Suite."]


def test_categories_split() -> None:
    assert split_categories("CloudRéseaux") == ["Cloud", "Réseaux"]
    assert split_categories("Tech › Cloud | IA") == ["Tech", "Cloud", "IA"]


def test_empty_and_blank_dumps() -> None:
    assert clean_dump("").paragraphs == []
    assert clean_dump("\n \n\t\n").body == ""


FURNITURE = [
    "Accueil > Économie > Entreprises",
    "Temps de lecture : 3 min",
    "Écouter cet article",
    "Article réservé aux abonnés",
    "Lire la suite",
    "Suivez-nous sur LinkedIn",
    "5 min read",
    "Publié le 12 mars 2024 à 10h30",
    "Par Jeanne Martin",
    "Partager sur Facebook",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_lines_are_not_body(line: str) -> None:
    text = f"Un titre d'article assez long\n\n{line}\n\nLe seul paragraphe de l'article."
    assert clean_dump(text).paragraphs == ["Le seul paragraphe de l'article."]


def test_a_sentence_with_an_arrow_is_still_body() -> None:
    line = "Les ventes sont passées de 10 > 20 unités au cours du trimestre dernier, a dit le PDG."
    assert clean_dump(f"Premier paragraphe.\n\n{line}").paragraphs[-1] == line
