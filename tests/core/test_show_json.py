"""The JSON contract of `newsdesk show --json`, checked on the seed article and the samples."""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.paths import SAMPLES, SEED, SEED_GOLD

KEYS = {
    "title",
    "site",
    "url",
    "author",
    "published",
    "lang",
    "categories",
    "body",
    "amounts",
    "companies",
    "related",
}


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """One `show --json` process over the seed and every sample: one object per line."""
    home = tmp_path_factory.mktemp("home")
    sources = [str(SEED), *sorted(str(p) for p in SAMPLES.iterdir())]
    result = subprocess.run(
        [sys.executable, "-m", "tui", "show", "--json", *sources],
        capture_output=True,
        text=True,
        timeout=300,
        env={"NEWSDESK_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(sources)
    return [json.loads(line) for line in lines]


def test_every_object_has_the_documented_keys(shown: list[dict[str, Any]]) -> None:
    for article in shown:
        assert set(article) >= KEYS
        for amount in article["amounts"]:
            assert {"text", "value", "currency", "start", "end"} <= set(amount)
            assert article["body"][amount["start"] : amount["end"]] == amount["text"]
        for company in article["companies"]:
            assert company["mentions"]
            for mention in company["mentions"]:
                assert article["body"][mention["start"] : mention["end"]] == mention["text"]
        for post in article["related"]:
            assert set(post) == {"title", "url", "summary", "age"}


def test_seed_title_body_and_related(shown: list[dict[str, Any]]) -> None:
    seed = shown[0]
    assert seed["title"] == "Le projet de cloud français Andromède se fera sans Dassault Systèmes"
    assert seed["body"].startswith("À peine lancé")
    for furniture in ("consentements", "Categories", "Crédit photo", "Recent Posts", "heures ago"):
        assert furniture not in seed["body"]
    assert seed["categories"] == ["Cloud", "Réseaux"]
    assert len(seed["related"]) == 6
    assert seed["related"][0]["age"] == "11 heures ago"


def test_seed_amounts_match_the_gold(shown: list[dict[str, Any]]) -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    expected = Counter((a["value"], a["currency"]) for a in gold["amounts"])
    found = Counter((a["value"], a["currency"]) for a in shown[0]["amounts"])
    assert found == expected
    inferred = [a for a in shown[0]["amounts"] if " ".join(a["text"].split()) == "60 millions"]
    assert inferred and inferred[0].get("currency_inferred") is True


def test_seed_companies(shown: list[dict[str, Any]]) -> None:
    names = {c["name"] for c in shown[0]["companies"]}
    forms = {m["text"] for c in shown[0]["companies"] for m in c["mentions"]}
    assert "Dassault Systèmes" in names
    assert {"France Télécom", "La Tribune", "Atos", "Cap Gemini", "Dassault"} <= forms
    assert "Thalès" in forms
    dassault = next(c for c in shown[0]["companies"] if c["name"] == "Dassault Systèmes")
    assert {m["text"] for m in dassault["mentions"]} == {"Dassault Systèmes", "Dassault"}
    assert not forms & {"Caisse des Dépôts et Consignations", "l’État", "État"}


def test_samples_link_to_one_another(shown: list[dict[str, Any]]) -> None:
    samples = shown[1:]
    urls = {a["url"] for a in samples if a["url"]}
    links = [p["url"] for a in samples for p in a["related"] if p["url"]]
    assert links and all(link in urls for link in links)
    assert {a["lang"] for a in samples} == {"fr", "en"}
    assert all(a["amounts"] and a["companies"] for a in samples)


def test_text_and_markdown_formats(tmp_path: Path) -> None:
    for fmt, marker in (("text", "Amounts\n-------"), ("markdown", "## Amounts")):
        result = subprocess.run(
            [sys.executable, "-m", "tui", "show", "--format", fmt, str(SEED)],
            capture_output=True,
            text=True,
            timeout=300,
            env={"NEWSDESK_HOME": str(tmp_path)},
        )
        assert result.returncode == 0, result.stderr
        assert marker in result.stdout
        assert "Dassault Systèmes" in result.stdout
