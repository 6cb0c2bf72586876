"""The desk's index on a real library file: synced by save and remove, rebuilt for old files."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.desk_data import (
    amount,
    article,
    capgemini_later,
    capgemini_story,
    company,
    dassault_alone,
    french_story,
)
from tui.core.library import entity_index
from tui.core.library.company_key import company_key, merge_groups
from tui.core.library.entity_rows import article_day, host_of, sentence_at
from tui.core.library.migrations import SCHEMA_VERSION, migrate
from tui.core.library.store import Library
from tui.core.model import Entities
from tui.core.serialise import article_to_dict


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "library.sqlite3") as opened:
        yield opened


def rows(library: Library, sql: str, *params: object) -> list[tuple[object, ...]]:
    with library._guard() as conn:
        return [tuple(r) for r in conn.execute(sql, params)]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Cap Gemini", "capgemini"),
        ("CAPGEMINI S.A.", "capgemini"),
        ("Capgemini SE", "capgemini"),
        ("Harbor Robotics Inc.", "harborrobotics"),
        ("Dassault Systèmes", "dassaultsystemes"),
        ("Procter & Gamble Co.", "proctorandgamble".replace("proctor", "procter")),
        ("l’État", "letat"),
        ("Co", "co"),
        ("Coca-Cola Co., Ltd.", "cocacola"),
    ],
)
def test_company_key(name: str, key: str) -> None:
    assert company_key(name) == key


def test_short_names_join_the_one_company_they_spell() -> None:
    aliases = [("dassault", "dassaultsystemes"), ("dassaultsystemes", "dassaultsystemes")]
    aliases += [("dassault", "dassault"), ("tcv", "tcv"), ("tcv", "technologycrossover")]
    groups = merge_groups(aliases, {"dassault": 1, "dassaultsystemes": 3, "tcv": 1})
    assert groups["dassault"] == "dassaultsystemes"
    assert groups["tcv"] == "technologycrossover"
    aliases.append(("dassault", "dassaultaviation"))
    assert merge_groups(aliases, {})["dassault"] == "dassault", "ambiguous: stays apart"


def test_a_cycle_goes_to_the_key_with_most_articles() -> None:
    groups = merge_groups([("a", "b"), ("b", "a")], {"a": 1, "b": 5})
    assert groups == {"a": "b", "b": "b"}


def test_days_hosts_and_sentences() -> None:
    assert article_day("2026-11-05T10:00:00+01:00", "2027-01-01T00:00") == "2026-11-05"
    assert article_day("5 novembre 2026", "2027-01-01T00:00") == "2027-01-01"
    assert host_of("https://www.Example.com:8080/x") == "example.com"
    assert host_of("/home/me/page.html") is None
    body = "First one. Acme Inc. said it won. «Then» more.\nNext paragraph about Acme."
    assert sentence_at(body, 11, 15) == "Acme Inc. said it won."
    assert sentence_at(body, body.rindex("Acme"), len(body)) == "Next paragraph about Acme."
    long = "word " * 200 + "Acme " + "word " * 200
    cut = sentence_at(long, 1000, 1004, limit=80)
    assert "Acme" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) <= 82


def test_save_writes_rows_in_the_same_transaction(library: Library) -> None:
    article_id = library.save(french_story())
    assert rows(library, "SELECT day, lang, host, site_key FROM desk_articles") == [
        ("2026-11-20", "fr", "lesechos.example", "lesechos")
    ]
    companies = rows(library, "SELECT key, name, forms, mentions, first_start FROM desk_companies")
    assert companies == [
        ("dassaultsystemes", "Dassault Systèmes", '["Dassault Systèmes", "Dassault"]', 2, 0)
    ]
    amounts = rows(
        library, "SELECT position, value, high, inferred, struck, owner_key FROM desk_amounts"
    )
    assert amounts == [
        (0, 60e6, 60e6, 0, 0, "dassaultsystemes"),  # 'Dassault' owns it: the company's key
        (1, 10e6, 20e6, 1, 0, "dassaultsystemes"),  # no owner: the one company of its sentence
        (2, 5e6, 5e6, 0, 1, "dassaultsystemes"),
    ]
    assert rows(library, "SELECT article_id FROM desk_amounts GROUP BY 1") == [(article_id,)]


def test_resave_replaces_rows_and_spellings(library: Library) -> None:
    story = capgemini_story()
    article_id = library.save(story)
    assert ("capgemini", "capgemini", 1) in rows(library, "SELECT * FROM desk_aliases")
    body = "Atos bought Kestrel."
    changed = replace(
        story,
        body=body,
        entities=Entities(companies=(company(body, "Atos"), company(body, "Kestrel"))),
    )
    assert library.save(changed) == article_id
    assert rows(library, "SELECT key FROM desk_companies ORDER BY key") == [("atos",), ("kestrel",)]
    assert rows(library, "SELECT count(*) FROM desk_amounts") == [(0,)]
    assert rows(library, "SELECT form_key, key, articles FROM desk_aliases ORDER BY 1") == [
        ("atos", "atos", 1),
        ("kestrel", "kestrel", 1),
    ]


def test_remove_cascades_to_every_index_table(library: Library) -> None:
    first = library.save(capgemini_story())
    library.save(capgemini_later())
    assert library.remove(first)
    for table in ("desk_articles", "desk_companies", "desk_amounts"):
        ids = rows(library, f"SELECT DISTINCT article_id FROM {table}")
        assert first not in [i for (i,) in ids], table
    aliases = rows(library, "SELECT form_key, key, articles FROM desk_aliases ORDER BY 1")
    assert aliases == [("capgemini", "capgemini", 1)], "Kestrel's spelling went with it"


def test_an_article_without_entities_still_has_its_facts_row(library: Library) -> None:
    library.save(article(1, "No entities yet.", entities=None))
    assert rows(library, "SELECT lang FROM desk_articles") == [("en",)]
    assert rows(library, "SELECT count(*) FROM desk_companies") == [(0,)]


def _old_library(path: Path) -> None:
    """A library as newsdesk wrote it before the desk (schema 3), by plain SQL."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=3)
    for n, story in enumerate((capgemini_story(), french_story(), capgemini_later()), start=1):
        data = article_to_dict(story)
        entities = {k: data.pop(k) for k in ("amounts", "companies", "organisations", "checks")}
        body = data.pop("body")
        digest = f"hash{n}"
        conn.execute(
            "INSERT INTO articles (source, saved_at, title, site, published, url, body_hash,"
            " body, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (story.source, f"2026-12-0{n}T00:00:00", story.title, story.site, story.published,
             story.url, digest, body, json.dumps(data)),
        )  # fmt: skip
        version = "1" if n == 2 else "999"  # the French one was analysed by an older version
        conn.execute(
            "INSERT INTO entity_results VALUES (?, ?, ?)", (digest, version, json.dumps(entities))
        )
    conn.close()


def test_an_older_library_is_backfilled_from_its_stored_entities(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_library(path)
    with Library(path) as library:
        assert rows(library, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
        found, _ = library.desk.companies()
        assert [(c.name, c.articles) for c in found] == [
            ("Capgemini SE", 2),
            ("Dassault Systèmes", 1),
            ("Kestrel", 1),
        ]
        assert [e.title for e in library.search("amount>1bn€")] == ["Story 12", "Story 3"]
    with Library(path) as again, again._guard() as conn:
        assert entity_index.ensure_current(conn) is False, "rebuilt once, not at every open"


def test_a_new_index_version_rebuilds(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    library.save(capgemini_story())
    with library._guard() as conn:
        conn.execute("DELETE FROM desk_companies")
        monkeypatch.setattr(entity_index, "INDEX_VERSION", "test")
        assert entity_index.ensure_current(conn) is True
    assert rows(library, "SELECT key FROM desk_companies ORDER BY key") == [
        ("capgemini",),
        ("kestrel",),
    ]


def test_same_key_twice_in_one_article_is_one_row(library: Library) -> None:
    body = "Cap Gemini and Capgemini are one."
    story = article(1, body, (company(body, "Cap Gemini"), company(body, "Capgemini")))
    library.save(story)
    assert rows(library, "SELECT name, forms, mentions FROM desk_companies") == [
        ("Cap Gemini", '["Cap Gemini", "Capgemini"]', 2)
    ]


def test_dassault_alone_joins_dassault_systemes(library: Library) -> None:
    library.save(french_story())
    library.save(dassault_alone())
    found, _ = library.desk.companies()
    assert [(c.name, c.articles, c.mentions) for c in found] == [("Dassault Systèmes", 2, 3)]


def _both_ways(library: Library) -> tuple[list[object], list[object]]:
    """The companies index from the trigger-kept summaries and added up from the rows."""
    from tui.core.library.company_groups import Groups
    from tui.core.library.company_index import company_index

    with library._guard() as conn:
        groups = Groups.load(conn)
        kept = company_index(conn, groups)
        added = company_index(conn, groups, ("SELECT id FROM articles", []))
    return list(kept), list(added)


STORIES = [capgemini_story, capgemini_later, french_story, dassault_alone]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["save", "remove", "strip"]), st.integers(0, 3)), max_size=12
    )
)
def test_summaries_kept_by_triggers_match_the_rows(steps: list[tuple[str, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "l.sqlite3") as library:
        for action, n in steps:
            story = STORIES[n]()
            if action == "save":
                library.save(story)
            elif action == "strip":  # re-saved with fewer entities
                entities = story.entities or Entities()
                library.save(
                    replace(story, entities=replace(entities, amounts=entities.amounts[1:]))
                )
            elif (found := library.find(source=story.source)) is not None:
                library.remove(found.id)
        kept, added = _both_ways(library)
        assert kept == added
        empty = rows(library, "SELECT count(*) FROM desk_company_stats WHERE articles <= 0")
        assert empty == [(0,)]


def test_an_amount_without_owner_belongs_to_the_one_company_its_sentence_names(
    library: Library,
) -> None:
    body = "Acme raised €5m. Acme and Globex shared €2m. Nobody paid €1m."
    story = article(
        1,
        body,
        (company(body, "Acme"), company(body, "Globex")),
        (
            amount(body, "€5m", 5e6, "EUR"),
            amount(body, "€2m", 2e6, "EUR"),
            amount(body, "€1m", 1e6, "EUR"),
        ),
    )
    library.save(story)
    assert rows(library, "SELECT owner, owner_key FROM desk_amounts ORDER BY position") == [
        ("Acme", "acme"),
        (None, None),
        (None, None),
    ]
