"""The query language: what each term means, what a bad one says, and that nothing raises."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.library.query import (
    AmountIs,
    CompanyIs,
    DayFrom,
    FeedIs,
    LangIs,
    SiteIs,
    Text,
    Watched,
    parse,
)
from tui.core.library.query_values import parse_amount, parse_day

TODAY = date(2026, 11, 20)


def test_words_phrases_and_exclusions() -> None:
    query = parse('cloud "robot arms" -layoffs -"share price" e-commerce AND deal')
    assert query.terms == (
        Text(("cloud",)),
        Text(("robot", "arms")),
        Text(("layoffs",), negated=True),
        Text(("share", "price"), negated=True),
        Text(("e", "commerce")),
        Text(("deal",), prefix=True),
    )
    assert query.hints == ()


def test_only_the_word_being_typed_is_a_prefix() -> None:
    assert parse("acme glob").terms[-1] == Text(("glob",), prefix=True)
    assert parse('acme "glob"').terms[-1] == Text(("glob",))
    assert parse("glob lang:fr").terms[0] == Text(("glob",))
    assert parse("-glob").terms == (Text(("glob",), negated=True),)


def test_filters() -> None:
    query = parse(
        'company:"Cap Gemini" -company:Atos lang:FR site:https://www.Example.com/a/b '
        'site:"Les Echos" since:2026-11-01 until:2026-11 feed:"Les Echos" watched: -watched:',
        TODAY,
    )
    assert query.terms == (
        CompanyIs("Cap Gemini"),
        CompanyIs("Atos", negated=True),
        LangIs("fr"),
        SiteIs("example.com"),
        SiteIs("les echos"),
        DayFrom("2026-11-01"),
        DayFrom("2026-11-30", until=True),
        FeedIs("Les Echos"),
        Watched(),
        Watched(negated=True),
    )
    assert query.hints == ()


def test_filter_names_ignore_case_and_other_colons_are_words() -> None:
    assert parse("Company:Atos LANG:en").terms == (CompanyIs("Atos"), LangIs("en"))
    assert parse("10:30 http://x.example").terms == (
        Text(("10", "30")),
        Text(("http", "x", "example"), prefix=True),
    )


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("amount>100M€", AmountIs(">", 100e6, "EUR")),
        ("amount>=1bn$", AmountIs(">=", 1e9, "USD")),
        ("amount>1e6", AmountIs(">", 1e6, None)),
        ("amount<€5m", AmountIs("<", 5e6, "EUR")),
        ("amount<=1,5Md€", AmountIs("<=", 1.5e9, "EUR")),
        ("amount=250kEUR", AmountIs("=", 250e3, "EUR")),
        ("amount:>12mchf", AmountIs(">", 12e6, "CHF")),
        ("-amount>1bn", AmountIs(">", 1e9, None, negated=True)),
    ],
)
def test_amounts(text: str, term: AmountIs) -> None:
    assert parse(text).terms == (term,)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,000", 1000.0), ("1.000.000", 1e6), ("1,000.5", 1000.5), ("2.5", 2.5), ("3_000", 3e3)],
)
def test_amount_numbers(text: str, value: float) -> None:
    assert parse_amount(text) == (value, None)


def test_days() -> None:
    assert parse_day("2026") == "2026-01-01"
    assert parse_day("2026", end=True) == "2026-12-31"
    assert parse_day("2024-02", end=True) == "2024-02-29"
    assert parse("since:7d", TODAY).terms == (DayFrom("2026-11-13"),)
    assert parse("since:2w", TODAY).terms == (DayFrom("2026-11-06"),)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("amount>", "not an amount"),
        ("amount>abc", "not an amount"),
        ("amount:100M", "needs a comparison"),
        ("amount>1e999", "too large"),
        ("amount>$5EUR", "two currencies"),
        ("since:2026-13-01", "not a date"),
        ("until:yesterday", "not a date"),
        ("lang:français", "not a language code"),
        ("company:", "needs a value"),
        ('company:"Cap', "not closed"),
        ("company>x", "takes a colon"),
        ("watched:yes", "takes no value"),
        ("OR", "not supported"),
        ('"open phrase', "not closed"),
    ],
)
def test_bad_terms_give_a_one_line_hint(text: str, says: str) -> None:
    query = parse(f"acme {text}")
    assert says in query.hint
    assert "\n" not in query.hint
    assert Text(("acme",)) in query.terms or Text(("acme",), prefix=True) in query.terms


def test_many_hints_stay_on_one_short_line() -> None:
    query = parse("amount> amount< since:x until:y lang:zzzz OR")
    assert len(query.hints) == 6
    assert query.hint.endswith("and 3 more")


PIECES = st.sampled_from(
    [
        "company:", "amount", ">", ">=", "<", "=", ":", "lang:", "site:", "since:", "until:",
        "feed:", "watched:", '"', "-", " ", " AND ", "OR", "NOT", "€", "$", "1e6", "100M",
        "2026-11-01", "7d", "bn", "\x1b[31m", "\n", "\t", "é", "*", "(", ")", "NEAR", "_",
    ]
)  # fmt: skip
QUERIES = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=4))).map("".join))


@settings(max_examples=300, deadline=None)
@given(QUERIES)
def test_any_text_parses_without_raising(text: str) -> None:
    query = parse(text, TODAY)
    assert "\n" not in query.hint
    for term in query.terms:
        if isinstance(term, Text):
            assert term.words and all(w.isalnum() for w in term.words)
