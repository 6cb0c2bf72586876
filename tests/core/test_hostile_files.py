"""Hostile files and random text: loaders and the cleaner raise only LoadError, never crash."""

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.sources.clean import clean_dump
from tui.core.sources.load import read_source
from tui.core.sources.markdown import parse_markdown

HOSTILE_TEXT = st.lists(
    st.characters(codec="utf-8")
    | st.sampled_from(
        [
            "\x1b[31m",
            "\x00",
            "\u202e",
            "\x9b",
            "[bold]",
            "---\n",
            "# ",
            "~~",
            "\n\n",
            "Recent Posts\n",
        ]
    ),
    max_size=600,
).map("".join)


def hostile_files(tmp: Path) -> dict[str, bytes]:
    return {
        "empty.txt": b"",
        "nul.txt": b"text\x00with\x00nuls",
        "nested.html": b"<html><body>" + b"<div>" * 10_000 + b"deep text" + b"</div>" * 10_000,
        "invalid-utf8.txt": b"Le chiffre d'affaires \xff\xfe a progress\xe9 de 5 %.\n" * 20,
        "mixed.txt": "Résumé en UTF-8. ".encode() + "Suite en Latin-1 : été.".encode("latin-1"),
        "json.html": json.dumps(
            {"title": "Hidden JSON", "body": "A JSON file named .html."}
        ).encode(),
        "html.json": b"<!DOCTYPE html><html><body><article><p>"
        + b"An HTML page saved with a .json name, long enough to be the article. " * 5
        + b"</p></article></body></html>",
        "markup.md": b"# [bold red]Title[/]\n\n"
        b"Body with [link=file:///etc/passwd]x[/link] \x1b]52;c;AAAA\x07.",
    }


@pytest.fixture
def run_settings(tmp_path: Path) -> Settings:
    return Settings(library_path=tmp_path / "lib.sqlite3", max_bytes=5 * 1024 * 1024)


@pytest.mark.parametrize(
    "name",
    [
        "empty.txt",
        "nul.txt",
        "nested.html",
        "invalid-utf8.txt",
        "mixed.txt",
        "json.html",
        "html.json",
        "markup.md",
    ],
)
def test_hostile_file_reads_or_fails_clearly(
    name: str, tmp_path: Path, run_settings: Settings
) -> None:
    path = tmp_path / name
    path.write_bytes(hostile_files(tmp_path)[name])
    try:
        article = read_source(str(path), run_settings)
    except NewsdeskError as error:
        assert str(error).startswith(str(path))
        return
    assert article.body


def test_json_named_html_and_html_named_json(tmp_path: Path, run_settings: Settings) -> None:
    files = hostile_files(tmp_path)
    (tmp_path / "json.html").write_bytes(files["json.html"])
    (tmp_path / "html.json").write_bytes(files["html.json"])
    assert read_source(str(tmp_path / "json.html"), run_settings).title == "Hidden JSON"
    assert "HTML page saved" in read_source(str(tmp_path / "html.json"), run_settings).body


def test_markup_is_kept_as_plain_text(tmp_path: Path, run_settings: Settings) -> None:
    path = tmp_path / "markup.md"
    path.write_bytes(hostile_files(tmp_path)["markup.md"])
    article = read_source(str(path), run_settings)
    assert article.title == "[bold red]Title[/]"
    assert "[link=file:///etc/passwd]x[/link]" in article.body


def test_fifty_megabytes_of_text_is_refused(tmp_path: Path, run_settings: Settings) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Une phrase sans fin. " * (50 * 1024 * 1024 // 21))
    with pytest.raises(NewsdeskError, match="MB"):
        read_source(str(path), run_settings)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_cleaner_never_raises_and_keeps_verbatim_lines(text: str) -> None:
    dump = clean_dump(text)
    for paragraph in dump.paragraphs:
        assert paragraph.strip() == paragraph
        assert "\n" not in paragraph


@settings(max_examples=200, deadline=None)
@given(HOSTILE_TEXT)
def test_markdown_never_raises_and_struck_spans_are_valid(text: str) -> None:
    article = parse_markdown(text)
    body = article.body
    for start, end in article.struck:
        assert 0 <= start <= end <= len(body)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".md", ".json", ""]))
def test_any_bytes_in_any_file_give_an_article_or_a_newsdesk_error(
    data: bytes, suffix: str, tmp_path: Path, run_settings: Settings
) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    with contextlib.suppress(NewsdeskError):
        read_source(str(path), run_settings)


SENTENCE = "La société a publié jeudi des résultats en hausse pour le troisième trimestre."


def test_one_enormous_line_is_one_paragraph() -> None:
    text = " ".join([SENTENCE] * 3000)
    dump = clean_dump(text)
    assert dump.paragraphs == [text]


def test_a_dump_of_furniture_only_has_no_body_and_says_so(
    tmp_path: Path, run_settings: Settings
) -> None:
    text = "\n".join(["Accueil", "Menu", "Partager", "Newsletter", "Publicité", "12:30"] * 2000)
    dump = clean_dump(text)
    assert dump.paragraphs == []
    assert dump.notices
    path = tmp_path / "furniture.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NewsdeskError, match="holds no article text"):
        read_source(str(path), run_settings)


def test_a_hundred_thousand_short_sentences_give_an_article() -> None:
    dump = clean_dump("\n".join(f"Ligne {n} du texte." for n in range(100_000)))
    assert len(dump.paragraphs) == 100_000
    assert dump.notices


def test_a_hundred_thousand_short_lines_give_an_article() -> None:
    """No known furniture shape among them: a note without punctuation, shown as it is."""
    dump = clean_dump("\n".join(f"ligne {n}" for n in range(100_000)))
    assert len(dump.paragraphs) == 100_000
    assert dump.notices


def test_a_dump_in_another_language_keeps_its_text_with_a_notice() -> None:
    sentence = (
        "Die Firma hat am Dienstag mitgeteilt, dass der Umsatz im dritten Quartal um zehn "
        "Prozent gestiegen ist und die Aussichten für das nächste Jahr gut sind."
    )
    dump = clean_dump("\n".join(["Startseite", "Wirtschaft", sentence, sentence.upper()]))
    assert sentence in dump.paragraphs
    assert any("German" in notice for notice in dump.notices)


LINE = st.sampled_from(
    [
        SENTENCE,
        SENTENCE + " Jeanne Dupuis",
        "Partager sur Facebook",
        "Recent Posts",
        "Commentaires 3",
        "3 heures ago",
        "© Agence",
        " date 2024-05-02",
        "",
        "12:30",
    ]
) | st.text(max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=40))
def test_every_paragraph_is_the_start_of_a_line_of_the_dump(lines: list[str]) -> None:
    text = "\n".join(lines)
    dump = clean_dump(text)
    stripped = [line.strip() for line in text.splitlines()]
    for paragraph in dump.paragraphs:
        assert any(line.startswith(paragraph) for line in stripped if line)
    assert len(set(dump.paragraphs)) == len(dump.paragraphs)
