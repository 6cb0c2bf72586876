"""Each loader, recognition by content, and every kind of bad file."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT, SAMPLES, SEED
from tui.config import Settings
from tui.core.errors import LoadError
from tui.core.model import Article, Entities, Mention
from tui.core.serialise import article_to_dict, saved_document
from tui.core.sources.load import decode_text, looks_binary, read_source


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(library_path=tmp_path / "library.sqlite3", max_bytes=1024 * 1024)


def test_seed_dump(settings: Settings) -> None:
    article = read_source(str(SEED), settings)
    assert article.title == "Le projet de cloud français Andromède se fera sans Dassault Systèmes"
    assert article.body.startswith("À peine lancé")
    assert article.lang == "fr"
    assert article.categories == ("Cloud", "Réseaux")
    assert len(article.related) == 6
    assert article.entities is None


def test_markdown_sample_with_front_matter_and_struck_text(settings: Settings) -> None:
    article = read_source(str(SAMPLES / "ventoux-rachete-brame.md"), settings)
    assert article.title.startswith("Ventoux Logistique rachète")
    assert article.url == "https://samples.newsdesk.example/fr/ventoux-rachete-brame"
    assert article.lang == "fr"
    assert article.categories == ("Transport", "Fusions-acquisitions")
    assert [article.body[s:e] for s, e in article.struck] == ["1,2 milliard"]
    assert "~~" not in article.body
    assert [p.url for p in article.related] == [
        "https://samples.newsdesk.example/fr/nordlys-leve-12-millions",
        "https://samples.newsdesk.example/en/kestrel-quarterly-results",
    ]


def test_markdown_recognised_by_content_without_extension(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "article"
    path.write_text("# A headline here\n\nSome **bold** text and a [link](http://x.test).\n")
    article = read_source(str(path), settings)
    assert article.title == "A headline here"
    assert article.body == "Some bold text and a link."


def test_own_json_round_trips(tmp_path: Path, settings: Settings) -> None:
    original = Article(
        title="T",
        body="Acme bought it.",
        lang="en",
        entities=Entities(companies=()),
    )
    path = tmp_path / "saved.txt"
    path.write_text(json.dumps(saved_document(original)), encoding="utf-8")
    loaded = read_source(str(path), settings)
    assert loaded.body == original.body
    assert loaded.entities == original.entities


def test_json_with_html_extension_is_read_as_json(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.html"
    path.write_text(json.dumps({"title": "J", "body": "From JSON."}), encoding="utf-8")
    assert read_source(str(path), settings).body == "From JSON."


def test_json_that_is_not_an_article(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"rows": [1, 2]}', encoding="utf-8")
    with pytest.raises(LoadError, match="not a newsdesk article"):
        read_source(str(path), settings)


def test_broken_json(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"body": "x", ', encoding="utf-8")
    with pytest.raises(LoadError, match="not valid JSON"):
        read_source(str(path), settings)


def test_entity_offsets_survive_json(settings: Settings, tmp_path: Path) -> None:
    mention = Mention("Acme", 0, 4)
    data = article_to_dict(Article(title="T", body="Acme.", entities=Entities()))
    data["companies"] = [{"name": "Acme", "mentions": [vars(mention)]}]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_source(str(path), settings).companies[0].mentions == (mention,)


def test_missing_file(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"), settings)


def test_directory(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a directory"):
        read_source(str(tmp_path), settings)


def test_empty_file(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(LoadError, match="is empty"):
        read_source(str(path), settings)


def test_binary_file(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(LoadError, match="binary"):
        read_source(str(path), settings)


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300_000)
    with pytest.raises(LoadError, match="up to"):
        read_source(str(path), Settings(library_path=tmp_path / "l", max_bytes=1_000_000))


def test_latin1_file_is_read_with_a_notice(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le résultat de l'entreprise a progressé.".encode("latin-1"))
    article = read_source(str(path), settings)
    assert article.body == "Le résultat de l'entreprise a progressé."
    assert any("Latin-1" in notice for notice in article.notices)


def test_html_charset_from_meta_tag() -> None:
    data = '<html><head><meta charset="iso-8859-15"></head><body>€ été</body></html>'
    text, notice = decode_text(data.encode("iso-8859-15"))
    assert "€ été" in text
    assert notice is None


def test_escape_sequences_are_text_not_binary() -> None:
    assert not looks_binary(b"Un titre \x1b[31mrouge\x1b[0m et du texte.\n")
    assert looks_binary(b"abc\x00def")


def test_empty_source_string(settings: Settings) -> None:
    with pytest.raises(LoadError):
        read_source("  ", settings)


@pytest.mark.parametrize("title", ["Harbour fees rise again", "Fees rise", "Tarifs"])
def test_a_plain_text_first_line_title_is_not_repeated_in_the_body(
    title: str, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        f"{title}\n\nThe port raised its fees on Monday.\n\n"
        "Shipping lines said they would pass the cost on.\n",
        encoding="utf-8",
    )
    article = read_source(str(path), settings)
    assert article.title == title
    assert article.paragraphs == [
        "The port raised its fees on Monday.",
        "Shipping lines said they would pass the cost on.",
    ]


def test_a_title_made_from_the_first_paragraph_is_cut_at_a_word_with_an_ellipsis(
    tmp_path: Path, settings: Settings
) -> None:
    first = (
        "La chambre de commerce a présenté mardi un plan de soutien aux commerces du "
        "centre-ville, financé par la région et par trois banques locales."
    )
    path = tmp_path / "dump.txt"
    path.write_text(f"{first}\n\nLes commerçants ont salué une bonne nouvelle.", encoding="utf-8")
    article = read_source(str(path), settings)
    assert article.title.endswith("…") and len(article.title) <= 81
    assert first.startswith(article.title[:-1])
    assert first[len(article.title) - 1] == " "
    assert article.paragraphs[0] == first


def test_a_dateline_with_a_section_label_gives_the_date_only(
    tmp_path: Path, settings: Settings
) -> None:
    body = (
        "Le tribunal de commerce a validé lundi le plan de reprise de l'usine, qui conserve "
        "ainsi trois cents emplois sur les quatre cents que comptait le site."
    )
    path = tmp_path / "dump.txt"
    path.write_text(
        f"Retour à la liste\n12 Mars 2021 - Actualité\nL'usine de Vierzon est reprise\n{body}\n"
        f"{body.replace('lundi', 'mardi')}",
        encoding="utf-8",
    )
    article = read_source(str(path), settings)
    assert article.published == "2021-03-12"
    assert article.title == "L'usine de Vierzon est reprise"


def test_the_loaders_import_numpy_and_the_dump_model_only_for_a_dump() -> None:
    code = (
        "import json, sys, tui.core.sources.load; "
        "print(json.dumps(['numpy' in sys.modules, 'tui.core.sources.clean' in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert json.loads(result.stdout) == [False, False]
