"""What the feature functions know about one body, computed once per analysis."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from tui.core.entities.companies import gazetteer as gz
from tui.core.entities.companies import words
from tui.core.entities.companies.candidates import Form, Span, SpanIndex, sentence_start

Evidence = tuple[float, str]
"""A feature's value in [0, 1] and, when it is not zero, the words shown to the reader."""
NONE: Evidence = (0.0, "")


class Feature(NamedTuple):
    """A named function of the page and a form."""

    name: str
    compute: Callable[[Page, Form], Evidence]


PERSON_LABELS = frozenset({"PER", "PERSON"})
WORD = re.compile(r"\w+(?:['’]\w+)?")


@dataclass
class Page:
    """One body, its language, its NER spans and its candidate forms."""

    body: str
    lang: str
    """The article's language, 'fr' or 'en'."""
    model_lang: str | None
    """The language of the NER pipeline that read it; None when none could."""
    spans: Sequence[Span]
    forms: dict[str, Form] = field(default_factory=dict)
    accepted: frozenset[str] = frozenset()
    """Forms a first scoring pass kept: list neighbours of the second pass."""
    word_table: Mapping[str, float] = field(default_factory=dict)
    """The fitted log-odds of context words (`words`) the context-word features read."""

    @cached_property
    def index(self) -> SpanIndex:
        return SpanIndex(self.spans)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of the body as written, for the 'also used in lowercase' checks."""
        return frozenset(WORD.findall(self.body))

    @cached_property
    def people(self) -> tuple[frozenset[str], frozenset[str]]:
        """(given names, surnames) of the people NER names in full ('Jolene Marsh')."""
        given: set[str] = set()
        surnames: set[str] = set()
        for start, end, label in self.index.spans:
            words = self.body[start:end].split()
            named = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
            if label in PERSON_LABELS and named:
                given.add(words[0])
                surnames.add(words[-1])
        return frozenset(given), frozenset(surnames)

    @cached_property
    def anchors(self) -> list[tuple[int, int, str]]:
        """Occurrences of forms that are surely companies (known, with a legal form, or
        kept by the first pass), sorted: the neighbours that make a list member a company."""
        out: list[tuple[int, int, str]] = []
        for form in self.forms.values():
            if form.text in self.accepted or is_anchor(form.text):
                out.extend((o.start, o.end, form.text) for o in form.occurrences)
        return sorted(out)

    @cached_property
    def names(self) -> tuple[dict[int, int], dict[int, int]]:
        """Where whole candidate names (not the cut-out parts) start and end: the end of
        the shortest name by its start, the start of the shortest name by its end."""
        ends: dict[int, int] = {}
        starts: dict[int, int] = {}
        for form in self.forms.values():
            for o in form.occurrences:
                if o.source not in ("tail", "part", "head"):
                    ends[o.start] = min(ends.get(o.start, o.end), o.end)
                    starts[o.end] = max(starts.get(o.end, o.start), o.start)
        return ends, starts

    @cached_property
    def longest_ending(self) -> dict[int, int]:
        """Where the longest candidate name that ends at each offset starts."""
        out: dict[int, int] = {}
        for form in self.forms.values():
            for o in form.occurrences:
                out[o.end] = min(out.get(o.end, o.start), o.start)
        return out

    @cached_property
    def context_words(self) -> dict[str, list[list[str]]]:
        """The context words of each form's occurrences, by form text."""
        return {t: words.form_words(self.body, f, self.lang) for t, f in self.forms.items()}

    def accept(self, texts: frozenset[str]) -> None:
        """Make the forms a first pass kept list neighbours too."""
        self.accepted = texts
        self.__dict__.pop("anchors", None)

    def at_sentence_start(self, start: int) -> bool:
        return sentence_start(self.body, start)


def is_anchor(text: str) -> bool:
    """A known company that is not a plain word, or a name with a legal form or a
    company head word ('Brennus Capital')."""
    entry = gz.lookup(text)
    if entry is not None:
        return entry.kind == gz.COMPANY and not gz.is_weak(text)
    words = text.split()
    return legal_form(text) is not None or (
        len(words) > 1 and words[-1] in gz.lexicon().company_heads
    )


def legal_form(text: str) -> str | None:
    """The legal form that ends `text` ('Zorbex SA' -> 'SA'), if any."""
    words = text.split()
    if len(words) < 2:
        return None
    last = words[-1].strip(",;:")
    forms = gz.lexicon().legal_forms
    for candidate in (last, last.rstrip(".")):
        if candidate in forms:
            return candidate
    return None
