"""The spaCy wrapper: lazy load, chunking, offsets, and no failure on odd text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.core.entities import nlp


def test_importing_the_wrapper_loads_nothing() -> None:
    code = "import sys, tui.core.entities.nlp; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_chunks_keep_whole_paragraphs_and_cover_the_text() -> None:
    text = "\n\n".join(f"Paragraphe {i} " + "mot " * 30 for i in range(50))
    pieces = list(nlp.chunks(text, limit=500))
    assert len(pieces) > 1
    assert "".join(piece for _, piece in pieces) == text
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece
        assert len(piece) <= 500
    assert all(piece.startswith("\n\nParagraphe") for _, piece in pieces[1:])


def test_chunks_cut_an_overlong_paragraph_at_a_space() -> None:
    text = "mot " * 400
    pieces = list(nlp.chunks(text, limit=300))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 300 for _, piece in pieces)
    assert all(piece.endswith("mot") or piece.endswith("mot ") for _, piece in pieces[:-1])


def test_chunks_of_a_text_without_spaces_still_cover_it() -> None:
    text = "x" * 1000
    pieces = list(nlp.chunks(text, limit=300))
    assert "".join(piece for _, piece in pieces) == text


def test_french_sentence_gives_an_organisation_span() -> None:
    text = "Le groupe Renault a annoncé lundi un accord avec Nissan à Paris."
    spans = nlp.entity_spans(text, "fr")
    found = {(text[s:e], label) for s, e, label in spans}
    assert ("Paris", "LOC") in found
    assert any(label == "ORG" for _, label in found)
    assert all(label in {"ORG", "PER", "LOC", "MISC"} for _, label in found)


def test_pipeline_is_loaded_once_without_the_unneeded_components() -> None:
    for lang in ("fr", "en"):
        first = nlp.load_pipeline(lang)
        assert first is not None
        assert nlp.load_pipeline(lang) is first
        assert first.pipe_names[-1] == "ner"
        assert not set(nlp.EXCLUDED_PIPES[lang]) & set(first.pipe_names)
    english = nlp.load_pipeline("en")
    assert english is not None and english.pipe_names == ["ner"]


def test_english_text_goes_through_the_english_pipeline() -> None:
    text = "Maria Lopez, the chief executive of Harbor Freight Lines, flew to Chicago on Monday."
    found = nlp.recognise(text, "en")
    assert found.model_lang == "en" and found.notice is None
    labels = {text[s:e]: label for s, e, label in found.spans}
    assert labels.get("Maria Lopez") == "PERSON"
    assert labels.get("Chicago") == "GPE"
    assert nlp.recognise(text, None).model_lang == "en"


def test_english_falls_back_to_the_french_pipeline_with_a_notice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(nlp.MODELS, "en", "no_such_model_package")
    monkeypatch.setattr(nlp, "_state", {})
    found = nlp.recognise("The company Zorbex opened an office in Lyon.", "en")
    assert found.model_lang == "fr"
    assert found.notice is not None and "French" in found.notice
    assert any(label in ("LOC", "ORG", "MISC", "PER") for _, _, label in found.spans)


def test_no_pipeline_at_all_gives_no_span_and_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "MODELS", {"fr": "nothing_here", "en": "nothing_either"})
    monkeypatch.setattr(nlp, "MODEL_NAME", "nothing_here")
    monkeypatch.setattr(nlp, "_state", {})
    found = nlp.recognise("Le groupe Zorbex ouvre un bureau à Lyon.", "fr")
    assert found.spans == [] and found.model_lang is None
    assert found.notice is not None and "rules" in found.notice


def test_long_text_spans_point_at_the_right_text() -> None:
    paragraph = "La société Renault a signé avec Orange à Lyon. " * 20
    text = "\n\n".join([paragraph] * 60)  # well over one chunk
    assert len(text) > nlp.CHUNK_CHARS
    spans = nlp.entity_spans(text, "fr")
    assert len(spans) > 60
    assert any(s > nlp.CHUNK_CHARS for s, _, _ in spans)
    for start, end, _ in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]


def test_empty_blank_and_odd_text_give_no_span_and_no_error() -> None:
    assert nlp.entity_spans("", "fr") == []
    assert nlp.entity_spans("   \n\n  ", None) == []
    for odd in ["\x00\x01\x02", "\ud800 lone surrogate", "é" * 5000, "<<<>>>" * 300]:
        spans = nlp.entity_spans(odd, None)
        assert all(0 <= s < e <= len(odd) for s, e, _ in spans)
