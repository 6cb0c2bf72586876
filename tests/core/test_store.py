"""The SQLite library and `newsdesk library`, on a real database file in tmp_path."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tui import library_cli
from tui.config import Settings
from tui.core.errors import StoreError
from tui.core.library import store
from tui.core.library.migrations import SCHEMA_VERSION, migrate
from tui.core.library.store import Library
from tui.core.model import (
    Amount,
    AmountCheck,
    Article,
    Company,
    Entities,
    Mention,
    Organisation,
    RelatedPost,
)

BODY = "Acme Corp raised $12m from Globex.\n\nThe old price was €3m, now struck."
ENTITIES = Entities(
    amounts=(
        Amount("$12m", 17, 21, 12e6, "USD", owner="Acme Corp"),
        Amount("€3m", 52, 55, 3e6, "EUR", struck=True),
    ),
    companies=(
        Company("Acme Corporation", (Mention("Acme Corp", 0, 9),), ticker="ACME"),
        Company("Globex", (Mention("Globex", 27, 33),)),
    ),
    organisations=(Organisation("Autorité des marchés", (), kind="regulator"),),
    checks=(AmountCheck(0, (1,), False),),
)


def make_article(n: int = 1, **changes: object) -> Article:
    fields: dict[str, object] = {
        "title": f"Acme raises money, part {n}",
        "body": BODY,
        "site": "example.com",
        "url": f"https://example.com/news/{n}",
        "source": f"https://example.com/news/{n}",
        "author": "A. Writer",
        "published": "2024-03-05",
        "lang": "en",
        "categories": ("Business", "Tech"),
        "photo_credit": "Photo: someone",
        "related": (RelatedPost("Another story", "https://example.com/news/99"),),
        "struck": ((45, 55),),
        "entities": ENTITIES,
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "lib" / "library.sqlite3") as lib:
        yield lib


def test_saved_article_comes_back_whole(library: Library) -> None:
    article = make_article()
    article_id = library.save(article, raw=b"<html>page</html>", etag='"v1"', last_modified="x")
    assert library.get(article_id) == article
    assert library.raw_page(article_id) == b"<html>page</html>"
    assert library.fetch_info(article_id) == ('"v1"', "x")


def test_resave_keeps_id_raw_page_and_fetch_headers(library: Library) -> None:
    first = library.save(make_article(), raw=b"page", etag="e1")
    second = library.save(make_article(title="New title", entities=None))
    assert first == second
    assert library.get(first).title == "New title"
    assert library.raw_page(first) == b"page"
    assert library.fetch_info(first) == ("e1", None)
    assert library.count() == 1
    library.save(make_article(), raw=b"page 2", last_modified="Tue")
    assert library.fetch_info(first) == (None, "Tue")
    assert library.raw_page(first) == b"page 2"


def test_entities_are_cached_by_body_and_analyser_version(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = library.save(make_article())
    assert library.cached_entities(BODY) == ENTITIES
    assert library.get(article_id).entities == ENTITIES
    assert library.cached_entities(BODY + " more") is None
    monkeypatch.setattr(store, "ANALYSER_VERSION", "a newer analyser")
    assert library.get(article_id).entities is None
    assert library.cached_entities(BODY) is None


def test_unanalysed_article_picks_up_cached_entities(library: Library) -> None:
    library.remember_entities(BODY, ENTITIES)
    article_id = library.save(make_article(entities=None))
    assert library.get(article_id).entities == ENTITIES
    assert library.entries()[0].amounts == 2


def test_entities_found_without_a_model_are_not_cached(library: Library) -> None:
    degraded = replace(ENTITIES, notices=("No language model could load.",))
    library.remember_entities(BODY, degraded)
    assert library.cached_entities(BODY) is None
    article_id = library.save(make_article(entities=degraded))
    assert library.cached_entities(BODY) is None
    assert library.get(article_id).entities is None
    library.save(make_article())
    assert library.get(article_id).entities == ENTITIES
    library.save(make_article(entities=degraded))
    assert library.cached_entities(BODY) == ENTITIES


def test_article_without_source_or_url_is_keyed_by_body(library: Library) -> None:
    pasted = Article(title="Pasted", body="Some text.")
    first = library.save(pasted)
    assert library.save(pasted) == first
    assert library.save(Article(title="Other", body="Other text.")) != first


def test_entries_list_most_recent_first_with_counts(library: Library) -> None:
    ids = [library.save(make_article(n)) for n in range(5)]
    library.save(make_article(1))  # saving again moves it to the top
    entries = library.entries()
    assert [e.id for e in entries] == [ids[1], ids[4], ids[3], ids[2], ids[0]]
    top = entries[0]
    assert (top.title, top.site, top.amounts, top.companies) == (
        "Acme raises money, part 1",
        "example.com",
        2,
        2,
    )
    assert top.url == "https://example.com/news/1"
    assert len(library.entries(limit=2)) == 2


def test_search_covers_title_body_and_company_names(library: Library) -> None:
    acme = library.save(make_article(1))
    other = library.save(
        make_article(2, title="Pâtisserie news", body="Une société lyonnaise.", entities=None)
    )
    assert [e.id for e in library.search("globex")] == [acme]  # body
    assert [e.id for e in library.search("ACME")] == [acme]  # title and company
    assert [e.id for e in library.search("Corporation")] == [acme]  # canonical company name
    assert [e.id for e in library.search("patisserie societe")] == [other]  # accents ignored
    assert [e.id for e in library.search("lyonn")] == [other]  # last word is a prefix
    assert library.search("acme lyonnaise") == []  # every word must appear


@pytest.mark.parametrize(
    "query",
    ['"', "*", "AND", "(", ")", 'acme"', "NEAR(x y)", "title:acme", "-", "^x", "'", "OR OR"],
)
def test_search_accepts_fts_syntax_as_plain_text(library: Library, query: str) -> None:
    library.save(make_article())
    assert isinstance(library.search(query), list)


@pytest.mark.parametrize(
    "query", ['"acme" (globex*', "acme -nothing", "acme globex:", "{acme} + ^globex", "ACME ("]
)
def test_search_operators_are_words(library: Library, query: str) -> None:
    library.save(make_article())
    library.save(make_article(2, title="Other", body="Nothing here.", entities=None))
    assert [e.title for e in library.search(query)] == ["Acme raises money, part 1"]


def test_title_hits_rank_first(library: Library) -> None:
    library.save(make_article(1, title="Quiet day", body="The walrus " * 30, entities=None))
    library.save(make_article(2, title="Walrus spotted", body="Nothing else.", entities=None))
    assert [e.title for e in library.search("walrus")] == ["Walrus spotted", "Quiet day"]


def test_search_and_listing_forget_removed_articles(library: Library) -> None:
    article_id = library.save(make_article(), raw=b"page")
    assert library.remove(article_id)
    assert not library.remove(article_id)
    assert library.search("acme") == []
    assert library.entries() == []
    assert library.raw_page(article_id) is None


def test_find_by_url_source_or_title(library: Library) -> None:
    article_id = library.save(make_article(3))
    assert library.find(url="https://example.com/news/3") is not None
    entry = library.find(source="https://example.com/news/3", title="ACME RAISES MONEY, PART 3")
    assert entry is not None and entry.id == article_id
    assert library.find(url="https://example.com/news/4") is None
    assert library.find() is None


def test_unknown_id_is_a_store_error(library: Library) -> None:
    with pytest.raises(StoreError, match="no article 42"):
        library.get(42)
    with pytest.raises(StoreError, match="no article 42"):
        library.fetch_info(42)


def test_closed_library_raises_store_error(tmp_path: Path) -> None:
    lib = Library(tmp_path / "l.sqlite3")
    lib.close()
    lib.close()
    with pytest.raises(StoreError, match="closed"):
        lib.entries()


def test_directory_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Library(tmp_path)


def test_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("just some text, long enough to fill a database header? no." * 40)
    with pytest.raises(StoreError, match="not an SQLite database"):
        Library(path)


def test_library_from_a_newer_newsdesk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Library(path)


def test_database_uses_wal_and_current_schema(library: Library) -> None:
    library.save(make_article())
    with sqlite3.connect(library.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("old_version", range(1, SCHEMA_VERSION))
def test_migration_from_an_older_version_keeps_and_indexes_articles(
    tmp_path: Path, old_version: int
) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=old_version)
    conn.execute(
        "INSERT INTO articles (source, saved_at, title, body_hash, body, data)"
        " VALUES ('old-source', '2020-01-01T00:00:00+00:00', 'Old title', 'h', 'Old wombat body',"
        ' \'{"title": "Old title", "source": "old-source"}\')'
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    conn.close()
    with Library(path) as lib:
        assert [e.title for e in lib.search("wombat")] == ["Old title"]
        assert [e.title for e in lib.search("wo")] == ["Old title"]
        old = lib.entries()[0]
        assert lib.get(old.id).body == "Old wombat body"
        lib.save(make_article())
        assert len(lib.search("acme")) == 1


# `newsdesk library ...`


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    path = tmp_path / "cli.sqlite3"
    with Library(path) as lib:
        lib.save(make_article(1))
        lib.save(make_article(2, title="Tabs\tand\nnewlines", body="No money.", entities=None))
    return Settings(library_path=path)


def run(argv: list[str], settings: Settings) -> tuple[int, str]:
    out = io.StringIO()
    code = library_cli.run_library(argv, settings, out=out)
    return code, out.getvalue()


def test_cli_list_prints_one_tab_separated_line_per_article(settings: Settings) -> None:
    code, out = run(["list"], settings)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split("\t") == list(library_cli.HEADER)
    assert lines[1].split("\t") == ["2", "2024-03-05", "example.com", "Tabs and newlines", "0", "0"]
    assert lines[2].split("\t")[3] == "Acme raises money, part 1"


def test_cli_search_and_empty_result(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(["search", "globex"], settings)
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()[1:]] == ["1"]
    code, out = run(["search", "zebra", '"('], settings)
    assert (code, out) == (0, "")
    assert "No saved article matches" in capsys.readouterr().err


def test_cli_export_json_and_markdown(settings: Settings) -> None:
    code, out = run(["export", "1", "--format", "json"], settings)
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Acme raises money, part 1"
    assert data["amounts"][0]["text"] == "$12m"
    code, out = run(["export", "1", "--format", "markdown"], settings)
    assert code == 0
    assert "Acme raises money, part 1" in out
    assert "Acme Corp raised $12m from Globex." in out


def test_cli_unknown_id_is_one_line_on_stderr(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["export", "77"], ["rm", "77"]):
        code, out = run(argv, settings)
        err = capsys.readouterr().err
        assert (code, out) == (1, "")
        assert len(err.strip().splitlines()) == 1 and "77" in err


def test_cli_rm_removes(settings: Settings) -> None:
    assert run(["rm", "1"], settings) == (0, "Removed article 1.\n")
    assert [line.split("\t")[0] for line in run(["list"], settings)[1].splitlines()] == ["id", "2"]


def test_cli_bad_usage(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", "one"], settings)[0] == 2
    assert run([], settings)[0] == 2
    assert run(["export", "1", "--format", "pdf"], settings)[0] == 2
    err = capsys.readouterr().err
    assert all(line.startswith("newsdesk library:") for line in err.splitlines())


def test_cli_unusable_library_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["list"], Settings(library_path=tmp_path))[0] == 1
    assert "is a directory" in capsys.readouterr().err


def test_threads_opening_a_new_library_at_once_migrate_it_once(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "race.sqlite3"
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_library() -> None:
        barrier.wait()
        try:
            Library(path).close()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=open_library) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Library(path) as library:
        assert library.entries() == []
