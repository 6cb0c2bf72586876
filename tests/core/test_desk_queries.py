"""Queries, the companies index, a company's page and the watch list, on a real library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.desk_data import (
    article,
    capgemini_later,
    capgemini_story,
    dassault_alone,
    french_story,
)
from tests.core.test_query import QUERIES
from tui.core.library.desk import dense_terms, resolve
from tui.core.library.query import parse
from tui.core.library.query_sql import Resolved, listing
from tui.core.library.store import Library


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "library.sqlite3") as opened:
        opened.save(capgemini_story())  # Story 3, 2026-11-03
        opened.save(capgemini_later())  # Story 12
        opened.save(french_story())  # Story 20
        opened.save(dassault_alone())  # Story 25
        opened.save(article(30, "Plain words about walrus, no money.", entities=None))
        yield opened


def titles(library: Library, query: str) -> list[str]:
    return [e.title for e in library.search(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("company:capgemini", ["Story 12", "Story 3"]),
        ('company:"Cap Gemini"', ["Story 12", "Story 3"]),  # any spelling, one company
        ("company:CAPGEMINI-SE", ["Story 12", "Story 3"]),
        ("company:dassault", ["Story 25", "Story 20"]),
        ('company:"Dassault Systèmes"', ["Story 25", "Story 20"]),
        ("company:capg", ["Story 12", "Story 3"]),  # typing: a prefix of a spelling
        ("-company:capgemini", ["Story 30", "Story 25", "Story 20"]),
        ("amount>100M€", ["Story 12", "Story 3"]),
        ("amount>=1bn$", []),
        ("amount>100m$", ["Story 12"]),
        ("amount>1e6", ["Story 20", "Story 12", "Story 3"]),
        ("amount>15M€", ["Story 20", "Story 12", "Story 3"]),  # the 10–20 M range reaches it
        ("amount<6M€", []),  # the only 5 M was struck
        ("amount=15M", ["Story 20"]),
        ("lang:fr", ["Story 20"]),
        ("-lang:fr amount>1", ["Story 12", "Story 3"]),
        ("site:lesechos.example", ["Story 20"]),
        ("site:ledger.example", ["Story 30", "Story 25", "Story 12", "Story 3"]),
        ("site:edger.example", []),
        ('site:"Les Echos"', ["Story 20"]),
        ("since:2026-11-12 until:2026-11-20", ["Story 20", "Story 12"]),
        ("until:2026-11-03", ["Story 3"]),
        ("revenue", ["Story 12"]),
        ('"paid $200m"', ["Story 12"]),
        ('"paid a studio"', []),
        ("walrus -money", []),
        ("-walrus", ["Story 25", "Story 20", "Story 12", "Story 3"]),
        ("deal company:capgemini", ["Story 3"]),
        ("feed:anything", []),
        ("company:nosuchfirm", []),
    ],
)
def test_queries(library: Library, query: str, expected: list[str]) -> None:
    assert titles(library, query) == expected


@pytest.mark.parametrize(
    "query",
    ["company:capgemini", "-company:capgemini", "amount>1e6", "-lang:fr amount>1",
     "since:2026-11-12", 'site:"Les Echos"', "deal company:capgemini", "-walrus"],
)  # fmt: skip
def test_dense_filters_find_the_same_articles(library: Library, query: str) -> None:
    """With a limit of one, every filter that matches a row counts as dense (EXISTS)."""
    everything = library.query(query, limit=-1).entries
    with library._guard() as conn:
        parsed = parse(query)
        resolved, _ = resolve(conn, parsed)
        assert dense_terms(conn, parsed, resolved, 1) or query == "-walrus"
    for limit in (1, 2):
        assert library.query(query, limit=limit).entries == everything[:limit]


def test_hints_say_what_matched_nothing(library: Library) -> None:
    assert "no feeds yet" in library.query("feed:Echos").hints[0]
    assert "no company called 'nosuchfirm'" in library.query("company:nosuchfirm").hints[0]
    assert "no company is watched" in library.query("watched:").hints[0]
    assert library.query("amount>").entries == [], "nothing usable: no listing of everything"


def test_companies_index_merges_spellings_and_adds_money(library: Library) -> None:
    found, hints = library.desk.companies()
    assert hints == ()
    by_name = {c.name: c for c in found}
    assert list(by_name) == ["Capgemini SE", "Dassault Systèmes", "Kestrel"]
    cap = by_name["Capgemini SE"]
    assert (cap.articles, cap.mentions, cap.first_seen, cap.last_seen) == (
        2, 4, "2026-11-03", "2026-11-12",
    )  # fmt: skip
    assert [(m.currency, m.total, m.largest, m.amounts) for m in cap.money] == [
        ("EUR", 23.5e9, 22e9, 2),
        ("USD", 200e6, 200e6, 1),
    ]
    assert cap.spellings == "capgemini"
    dassault = by_name["Dassault Systèmes"]
    money = [(m.total, m.amounts) for m in dassault.money]
    assert money == [(70e6, 2)], "a range at its lower end; the struck amount left out"


def test_companies_of_a_query(library: Library) -> None:
    found, _ = library.desk.companies("lang:fr")
    assert [c.name for c in found] == ["Dassault Systèmes"]
    assert found[0].articles == 1


def test_company_page(library: Library) -> None:
    page = library.desk.company("capgemini")
    assert page is not None
    assert page.forms[0] in ("Cap Gemini", "Capgemini") and set(page.forms) == {
        "Cap Gemini", "Capgemini SE", "Capgemini",
    }  # fmt: skip
    assert (page.ticker, page.country, page.industry) == ("CAP.PA", "France", "IT")
    assert [a.title for a in page.articles] == ["Story 12", "Story 3"]  # newest first
    later = page.articles[0]
    assert later.sentence == "Capgemini reported €22bn of revenue."
    assert (later.start, later.end) == (14, 23)
    assert [(f.amount, f.owner) for f in page.amounts] == [
        ("€22bn", "Capgemini"),
        ("$200m", "Capgemini SE"),
        ("€1.5bn", "Cap Gemini"),
    ]
    assert library.desk.company("dassault") == library.desk.company("dassaultsystemes")
    assert library.desk.company("nobody") is None


def test_watch_list(library: Library) -> None:
    library.desk.watch("dassault", "Dassault")
    assert titles(library, "watched:") == ["Story 25", "Story 20"]
    assert titles(library, "-watched: amount>1") == ["Story 12", "Story 3"]
    marked = {e.title for e in library.entries() if e.watched}
    assert marked == {"Story 25", "Story 20"}
    assert {e.title for e in library.search("dassault") if e.watched} == {"Story 25", "Story 20"}
    found, _ = library.desk.companies()
    assert [c.name for c in found if c.watched] == ["Dassault Systèmes"]
    ids = library.desk.watched_article_ids()
    assert len(ids) == 2
    assert library.desk.watched_names() == ["Dassault"]
    library.desk.unwatch("dassaultsystemes")
    assert titles(library, "watched:") == []
    assert not any(e.watched for e in library.entries())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(QUERIES)
def test_any_query_runs_against_the_library(library: Library, text: str) -> None:
    result = library.query(text)
    assert isinstance(result.entries, list)
    assert all("\n" not in hint for hint in result.hints)


@given(st.text(min_size=1))
@settings(max_examples=100, deadline=None)
def test_values_never_reach_the_sql_text(value: str) -> None:
    marker = "Zq" + value
    query = parse(
        f'company:"{marker}" site:"{marker}" feed:"{marker}" lang:zq "{marker}" -"{marker}"'
    )
    sql = listing(query, Resolved({marker: (marker,)}), "a.id", 10)
    assert marker not in sql.text
    assert sql.text.count("?") == len(sql.params)
