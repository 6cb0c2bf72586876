"""The spaCy wrapper: lazy load, chunking, offsets, and no failure on odd text."""

from __future__ import annotations

import subprocess
import sys

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
    first = nlp.load_pipeline()
    assert first is not None
    assert nlp.load_pipeline() is first
    assert first.pipe_names[-1] == "ner"
    assert "ner" in first.pipe_names
    assert not set(nlp.EXCLUDED_PIPES) & set(first.pipe_names)


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
