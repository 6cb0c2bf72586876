"""Property tests: the amount and check finders never raise, and their offsets hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.entities.amounts import find_amounts
from tui.core.entities.checks import find_checks, link_owners
from tui.core.model import Amount, Company, Mention

PIECES = [
    "1",
    "23",
    "456",
    "7 890",
    "0,5",
    "1.500",
    "12.9",
    "$",
    "€",
    "£",
    "US$",
    "HK$",
    "CHF",
    "EUR",
    " ",
    "\u00a0",
    "\u202f",
    "\u2009",
    "\x00",
    "\n",
    ".",
    ",",
    "-",
    "–",
    "'",
    "’",
    "%",
    "M€",
    "Md€",
    "k€",
    "bn",
    "m",
    "k",
    " millions",
    " milliard",
    " billion",
    " d’euros",
    " d'euros",
    " de dollars",
    " dollars",
    " euros",
    " francs",
    " et ",
    " à ",
    "entre ",
    "between ",
    "près de ",
    "up to ",
    "soit un total de ",
    "au total",
    ", dont ",
    "in total",
    "deux",
    "vingt-trois",
    "un",
    "a",
    "one",
    " per dollar",
    "yen",
    "investir ",
    "Québec",
    "la firme ",
    "l’État ",
    "(",
    ")",
    "p",
    "¢",
    "\u2011",
    "Fr.",
    " fr.",
    "SFr",
    " mia",
    " cr",
    "MM",
    " lakh crore",
    "Rs ",
    " demi-milliard",
    " et demi",
    "half a",
    " thousand",
    "MEUR",
    "2024",
    "SAR ",
    " euro",
    "in ",
    "A$",
    "C$",
    "London",
    "Sydney",
    " passé de ",
    " rose from ",
    " to ",
]

money_like = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
any_text = st.text(max_size=400)


def _valid(body: str, amounts: tuple[Amount, ...]) -> None:
    previous = -1
    for a in amounts:
        assert a.text
        assert body[a.start : a.end] == a.text
        assert a.start >= previous  # in order, and never overlapping
        previous = a.end
        assert a.value == a.value  # not NaN
        assert a.value_max is None or a.value_max > a.value


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(money_like, any_text), st.sampled_from(["fr", "en", None]))
def test_never_raises_and_offsets_hold(body: str, lang: str | None) -> None:
    amounts = find_amounts(body, lang)
    _valid(body, amounts)
    for check in find_checks(body, amounts):
        assert 0 <= check.total < len(amounts)
        assert all(0 <= i < len(amounts) and i != check.total for i in check.parts)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(money_like, st.lists(st.tuples(st.integers(0, 500), st.integers(0, 60)), max_size=4))
def test_struck_spans_anywhere(body: str, spans: list[tuple[int, int]]) -> None:
    struck = [(start, start + length) for start, length in spans]
    amounts = find_amounts(body, "fr", struck)
    _valid(body, amounts)
    for a in amounts:
        assert a.struck == any(s < a.end and a.start < e for s, e in struck)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(money_like, st.integers(0, 200), st.integers(1, 30))
def test_link_owners_never_raises(body: str, start: int, length: int) -> None:
    amounts = find_amounts(body, "fr")
    end = min(len(body), start + length)
    start = min(start, end)
    holder = Company("Acme", (Mention(body[start:end], start, end),))
    linked = link_owners(body, amounts, [holder], [])
    assert len(linked) == len(amounts)
    assert all(a.owner in (None, "Acme", "l’État") for a in linked)


def test_adversarial_inputs_complete() -> None:
    bodies = [
        "9" * 100_000,
        "1 " * 50_000,
        "1." * 50_000,
        "$" * 100_000,
        "$1" * 50_000,
        "\x00" * 100_000,
        "1\u202f000" * 20_000,
        "vingt-deux " * 10_000,
        " millions d’euros" * 6_000,
        "soit un total de 5 M€, dont " * 4_000,
    ]
    for body in bodies:
        amounts = find_amounts(body, "fr")
        _valid(body, amounts)
        find_checks(body, amounts)
        link_owners(body, amounts, [], [])


def test_one_megabyte_of_prose_completes() -> None:
    paragraph = (
        "Alpha a levé 12 millions d’euros et Beta 8 M€, soit un total de 20 M€ en 2021. "
        "La firme comptait investir 60 millions, entre 10 et 20 millions d'euros par an, "
        "et vise près de $3bn, 4 500 € ou 2,5 milliards de dollars.\n\n"
    )
    body = paragraph * (1_000_000 // len(paragraph) + 1)
    amounts = find_amounts(body, "fr")
    _valid(body, amounts)
    assert len(find_checks(body, amounts)) > 0
