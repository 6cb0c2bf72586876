"""The annotated pages the entity benches and the company fit read: dev, dev-fr, the seed
and the train pools (annotations under bench/annotations/), each with its site.

A page's gold is a dict in the corpus schema (`body`, `lang`, `amounts`, `companies`,
`not_companies`, `ambiguous`); train-fr bodies are rebuilt from the annotation's
`body_spans` into the dump. The site is the registrable domain of the page's URL (or
its `site` field), so leave-one-site-out groups the pages of one outlet together
across sets.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
ANNOTATIONS = ROOT / "bench" / "annotations"
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})
"""'bbc.co.uk', 'abc.net.au': a second-level label that is not the site's own name."""


@dataclass(frozen=True)
class GoldPage:
    """One annotated page: where it comes from, the file newsdesk reads, and its gold."""

    set_name: str
    """'dev', 'dev-fr', 'seed', 'train' or 'train-fr'."""
    name: str
    source: Path
    gold: dict[str, Any]
    site: str

    @property
    def lang(self) -> str:
        return "en" if self.gold.get("lang") == "en" else "fr"


def registrable_domain(url_or_host: str) -> str:
    """'https://www.latimes.com/x' -> 'latimes.com'; 'news.bbc.co.uk' -> 'bbc.co.uk'."""
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    labels = (host or url_or_host).lower().strip(".").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def norm(text: str) -> str:
    """Casefolded, accent-free, straight-apostrophe, single-spaced form of a name."""
    text = text.replace("’", "'").replace("\u2011", "-").replace("\xa0", " ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def dev_pages() -> list[GoldPage]:
    """dev (HTML), the seed dump and dev-fr (dumps)."""
    out = []
    for html in sorted(CORPUS.glob("dev/*.html")):
        gold = _load(html.with_suffix(".json"))
        out.append(GoldPage("dev", f"dev/{html.stem}", html, gold, registrable_domain(gold["url"])))
    seed = CORPUS / "seed" / "andromede.txt"
    out.append(GoldPage("seed", "seed/andromede", seed, _load(seed.with_suffix(".json")), "seed"))
    for dump in sorted(CORPUS.glob("dev-fr/*.txt")):
        gold = _load(dump.with_suffix(".json"))
        site = registrable_domain(gold.get("site") or gold["url"])
        out.append(GoldPage("dev-fr", f"dev-fr/{dump.stem}", dump, gold, site))
    return out


def train_pages() -> list[GoldPage]:
    """The train pools, where their annotations exist."""
    out = []
    for note in sorted(ANNOTATIONS.glob("train/*.json")):
        page = _load(CORPUS / "train" / note.name)
        gold = {**_load(note), "body": page["body"], "url": page["url"]}
        html = CORPUS / "train" / f"{note.stem}.html"
        site = registrable_domain(page["url"])
        out.append(GoldPage("train", f"train/{note.stem}", html, gold, site))
    for note in sorted(ANNOTATIONS.glob("train-fr/*.json")):
        dump = CORPUS / "train-fr" / f"{note.stem}.txt"
        text = dump.read_text(encoding="utf-8")
        gold = _load(note)
        gold["body"] = "\n\n".join(text[s:e] for s, e in gold["body_spans"])
        meta = _load(dump.with_suffix(".json"))
        site = registrable_domain(gold.get("site") or meta.get("site") or meta["url"])
        out.append(GoldPage("train-fr", f"train-fr/{note.stem}", dump, gold, site))
    return out


def all_pages() -> list[GoldPage]:
    return dev_pages() + train_pages()


def gold_forms(gold: dict[str, Any]) -> tuple[set[str], set[str], set[str]]:
    """(company names and mentions, non-companies, ambiguous strings), normalised."""
    companies: set[str] = set()
    for company in gold.get("companies", ()):
        companies.add(norm(company["name"]))
        for mention in company["mentions"]:
            companies.add(norm(mention["text"] if isinstance(mention, dict) else mention))
    not_companies = {norm(n) for n in gold.get("not_companies", ())}
    ambiguous = {norm(a) for a in gold.get("ambiguous", ())}
    return companies, not_companies, ambiguous
