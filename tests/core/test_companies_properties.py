"""Property tests: the company finder never raises and every offset it returns is valid."""

from __future__ import annotations

import itertools
import logging

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.entities import nlp
from tui.core.entities.companies import find_companies
from tui.core.model import Company, Organisation

WORDS = [
    "Airbus",
    "Uber France",
    "la start-up",
    "Zorbex",
    "Inc.",
    "SA",
    "’s",
    "d’",
    "l'État",
    "Tiger Global",
    "CAC 40",
    "S&P 500",
    "MSFT.O",
    "Capital",
    "de la",
    "the company",
    "said in a statement",
    "(TCV)",
    "Technology Crossover Ventures",
    "Groupe",
    "« Le Monde »",
    "\n\n",
    ". ",
    ", ",
    " et ",
    " and ",
    "É",
    "ǅ",
    "\u00a0",
    "\u2011",
    "İ",
    "ß",
    "ﬁ",
]

adversarial = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(
    " ".join
)
spans = st.lists(
    st.tuples(
        st.integers(-5, 400), st.integers(-5, 400), st.sampled_from(["ORG", "PER", "LOC", "X"])
    ),
    max_size=8,
)
langs = st.sampled_from(["fr", "en", None, "de", ""])


class _Failures(logging.Handler):
    """Collects the errors the finder logs when it had to swallow an exception."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record)


FAILURES = _Failures()
logging.getLogger("tui.core.entities.companies").addHandler(FAILURES)


def check(body: str, found: tuple[tuple[Company, ...], tuple[Organisation, ...]]) -> None:
    assert not FAILURES.seen, FAILURES.seen[0].exc_info
    companies, organisations = found
    rows: list[Company | Organisation] = [*companies, *organisations]
    for row in rows:
        assert row.name
        assert row.mentions
        for m in row.mentions:
            assert 0 <= m.start < m.end <= len(body)
            assert body[m.start : m.end] == m.text
    every = [(m.start, m.end) for row in rows for m in row.mentions]
    assert len(every) == len(set(every))
    ordered = sorted(every)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ordered))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.text(max_size=300), given_spans=spans, lang=langs)
def test_random_text_and_random_spans_never_raise(
    body: str, given_spans: list[tuple[int, int, str]], lang: str | None
) -> None:
    check(body, find_companies(body, lang, given_spans))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=adversarial, given_spans=spans, lang=langs)
def test_adversarial_name_soup_never_raises(
    body: str, given_spans: list[tuple[int, int, str]], lang: str | None
) -> None:
    check(body, find_companies(body, lang, given_spans))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=adversarial, lang=langs)
def test_real_spacy_spans_on_adversarial_text(body: str, lang: str | None) -> None:
    real = nlp.entity_spans(body, lang)
    assert all(0 <= s < e <= len(body) for s, e, _ in real)
    check(body, find_companies(body, lang, real))
