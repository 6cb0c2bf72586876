"""What newsdesk knows about names and the word rules that use it.

The index is built on first use and cached: `pytickersymbols` gives ~1,800 listed
companies (with ticker, country and industry), `cleanco` strips legal forms to get the
usual short name, and `tui/core/data/companies.json` adds private companies, media,
funds, non-company bodies, stock indices and the generic word lists the rules use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

COMPANY = "company"
INDEX = "index"


@dataclass(frozen=True)
class Entry:
    """One known name: a company (with listing data when known) or another body."""

    name: str
    kind: str = COMPANY
    ticker: str | None = None
    country: str | None = None
    industry: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """The generic word lists of the data file."""

    company_heads: frozenset[str]
    company_prefixes: frozenset[str]
    organisation_words: frozenset[str]
    legal_forms: tuple[str, ...]
    cues_before: dict[str, tuple[str, ...]]
    cues_after: tuple[str, ...]
    company_nouns: tuple[str, ...]
    nationalities: tuple[str, ...]
    job_words: tuple[str, ...]
    event_words: frozenset[str]
    calendar_words: frozenset[str]
    title_words: frozenset[str]
    """Job titles glued to the front of a name ('PDG d'Ubisoft'): dropped like stop words."""
    sentence_openers: frozenset[str]
    country_names: frozenset[str]
    """'Uber France': a known company followed by one of these is the company itself."""
    generic_tails: frozenset[str]
    """Trailing words dropped from a listed name to get its usual short form."""


@lru_cache(maxsize=65536)
def compact(text: str) -> str:
    """Lookup key: no case, accents, spaces, hyphens, dots or apostrophes."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", text.casefold())


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("tui.core").joinpath("data/companies.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@cache
def lexicon() -> Lexicon:
    """The word lists, loaded once."""
    data = _data()
    return Lexicon(
        company_heads=frozenset(data["company_heads"]),
        company_prefixes=frozenset(data["company_prefixes"]),
        organisation_words=frozenset(data["organisation_words"]),
        legal_forms=tuple(sorted(data["legal_forms"], key=len, reverse=True)),
        cues_before={"fr": tuple(data["cues_before_fr"]), "en": tuple(data["cues_before_en"])},
        cues_after=tuple(data["cues_after"]),
        company_nouns=tuple(data["company_nouns"]),
        nationalities=tuple(data["nationalities"]),
        job_words=tuple(data["job_words"]),
        event_words=frozenset(data["event_words"]),
        calendar_words=frozenset(data["calendar_words"]),
        title_words=frozenset(data["title_words"]),
        sentence_openers=frozenset(data["sentence_openers"]),
        generic_tails=frozenset(data["generic_tails"]),
        country_names=frozenset(data["country_names"]),
    )


def short_forms(name: str) -> list[str]:
    """The listed name and its usual short forms ('The Walt Disney Company' -> 'Walt Disney')."""
    from cleanco import basename

    forms = [name]
    base = str(basename(name)).strip(" ,.")
    words = base.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower().strip(".,") in lexicon().generic_tails:
        words = words[:-1]
    forms.append(base)
    if len(words) > 1 or not is_plain_word(words[0] if words else ""):
        forms.append(" ".join(words))
    return [f for f in dict.fromkeys(forms) if len(compact(f)) >= 2]


def is_plain_word(text: str) -> bool:
    """A single Titlecase word ('Orange', 'Target'), which could be an ordinary word."""
    return " " not in text and text[:1].isupper() and text[1:].islower() and text.isalpha()


@cache
def weak_keys() -> frozenset[str]:
    """Known forms that need more evidence: plain words that are short forms or flagged."""
    from pytickersymbols import PyTickerSymbols

    weak: set[str] = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = str(stock.get("name") or "")
        weak.update(compact(f) for f in short_forms(name)[1:] if is_plain_word(f))
    for item in _data()["companies"]:
        forms = [item["name"], *item.get("aliases", ())]
        if item.get("weak"):
            weak.update(compact(f) for f in forms if is_plain_word(f))
        else:
            weak.difference_update(compact(f) for f in forms)
    return frozenset(weak)


def is_weak(surface: str) -> bool:
    """True when a known company form could be a plain word and needs confirmation."""
    return compact(surface) in weak_keys()


def _source_language(stock: dict[str, Any]) -> str | None:
    """The language of the Wikipedia a stock's record was written from, when it says."""
    url = str((stock.get("metadata") or {}).get("wikipedia_url") or "")
    return url.split("//")[-1][:2] if "wikipedia.org" in url else None


def _english_industry(stock: dict[str, Any], english: frozenset[str]) -> str | None:
    """The stock's first industry in the English vocabulary (the industries of records
    written in English); None rather than a German word ('Beratung')."""
    industries = [str(i) for i in stock.get("industries") or ()]
    return next((i for i in industries if i in english), None)


def _listed() -> dict[str, Entry]:
    from pytickersymbols import PyTickerSymbols

    stocks = list(PyTickerSymbols().get_all_stocks())
    english = frozenset(
        str(i) for st in stocks if _source_language(st) == "en" for i in st.get("industries") or ()
    )
    index: dict[str, Entry] = {}
    for stock in stocks:
        name = str(stock.get("name") or "").strip()
        if not name:
            continue
        entry = Entry(
            name=short_forms(name)[-1],
            ticker=stock.get("symbol") or None,
            country=stock.get("country") or None,
            industry=_english_industry(stock, english),
        )
        for form in short_forms(name):
            index.setdefault(compact(form), entry)
    return index


def _case_ok(surface: str, form: str) -> bool:
    """An all-caps short form (WHO, NOW) only matches all-caps text."""
    letters = [c for c in form if c.isalpha()]
    if len(letters) <= 5 and all(c.isupper() for c in letters):
        return all(not c.isalpha() or c.isupper() for c in surface)
    return not surface[:1].islower() or surface[:1] == form[:1]


@cache
def _forms() -> dict[str, tuple[str, ...]]:
    """compact(form) -> the forms as written, for the case check."""
    out: dict[str, list[str]] = {}
    from pytickersymbols import PyTickerSymbols

    for stock in PyTickerSymbols().get_all_stocks():
        for form in short_forms(str(stock.get("name") or "")):
            out.setdefault(compact(form), []).append(form)
    data = _data()
    for item in [*data["companies"], *data["organisations"]]:
        for form in [item["name"], *item.get("aliases", ()), *item.get("former", ())]:
            out.setdefault(compact(form), []).append(form)
    for name in data["indices"]:
        out.setdefault(compact(name), []).append(name)
    return {k: tuple(v) for k, v in out.items()}


@cache
def index() -> dict[str, Entry]:
    """compact(form) -> Entry for every known company, body and index; built once."""
    table = _listed()
    data = _data()
    for item in data["companies"]:
        forms = [item["name"], *item.get("aliases", ()), *item.get("former", ())]
        listed = next((table[compact(f)] for f in forms if compact(f) in table), None)
        entry = Entry(
            name=item["name"],
            ticker=listed.ticker if listed else None,
            country=listed.country if listed else item.get("country"),
            industry=item.get("industry") or (listed.industry if listed else None),
        )
        for form in forms:
            table[compact(form)] = entry
    for item in data["organisations"]:
        entry = Entry(name=item["name"], kind=item.get("kind", "organisation"))
        for form in [item["name"], *item.get("aliases", ())]:
            table[compact(form)] = entry
    for name in data["indices"]:
        table[compact(name)] = Entry(name=name, kind=INDEX)
    return table


def lookup(surface: str) -> Entry | None:
    """The entry for a surface form, if it is a known name."""
    key = compact(surface)
    entry = index().get(key) if key else None
    if entry is None or not any(_case_ok(surface, f) for f in _forms().get(key, ())):
        return None
    return entry


@cache
def _former() -> frozenset[str]:
    return frozenset(compact(f) for c in _data()["companies"] for f in c.get("former", ()))


def is_former_name(surface: str) -> bool:
    """True when `surface` is a former name in the data file (France Télécom)."""
    return compact(surface) in _former()


MAX_NAME_WORDS = 7
"""Longest name (in words) the scanner tries."""

NAME_GAP = re.compile(r"[ \t\xa0]{1,3}|[ \t]?[&+][ \t]?|-|[ \t]?['’][ \t]?")
"""What may stand between two words of one name: a space, '&', a hyphen, an apostrophe."""
TOKEN = re.compile(r"(?:\b(?:[dlDL]|qu|Qu|jusqu)['’])?(\w[\w&'’.\-+]*\w|\w|&)")


def known_spans(body: str) -> list[tuple[int, int]]:
    """Every stretch of up to MAX_NAME_WORDS tokens that is a known name, longest first."""
    tokens = list(TOKEN.finditer(body))
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        hit = _longest_known(body, tokens, i)
        if hit is None:
            i += 1
            continue
        j, end = hit
        out.append((tokens[i].start(1), end))
        i = j
    return out


def _longest_known(body: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    first = tokens[i].group(1)
    if not any(c.isupper() or c.isdigit() for c in first):
        return None
    start = tokens[i].start(1)
    last = i + 1
    while last < min(len(tokens), i + MAX_NAME_WORDS):
        if not NAME_GAP.fullmatch(body, tokens[last - 1].end(), tokens[last].start()):
            break
        last += 1
    for j in range(last, i, -1):
        text = body[start : tokens[j - 1].end()]
        for cut in (text, text.rstrip(".")):
            if lookup(cut) is not None:
                return j, start + len(cut)
    return None


@cache
def stop_words() -> frozenset[str]:
    """French and English stop words: capitalised only because they open a sentence."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return frozenset(EN | FR | lexicon().sentence_openers)


def organisation_kind(words: Sequence[str]) -> str | None:
    """The kind of body when a word marks a public body, court, party, union, school..."""
    marks = lexicon().organisation_words
    leading = frozenset(words_list("leading_organisation_words"))
    for i, word in enumerate(w.strip(",.'’") for w in words):
        tail = i > 0 and word in leading and words[i - 1] not in ("Grand", "Haut", "Haute")
        if word in marks and not tail:  # 'Conseil d'État', not 'Arpège Conseil'
            return "organisation"
    for word in words:
        entry = lookup(word.strip(",.'’"))
        if entry is not None and entry.kind not in (COMPANY, INDEX):
            return entry.kind
    return None


def has_company_form(words: Sequence[str]) -> bool:
    """A legal form, a company head word ('Capital', 'Airlines') or prefix ('Groupe')."""
    lex = lexicon()
    if len(words) < 2:
        return False
    last = words[-1].strip(",;:")
    if last in lex.legal_forms or last.rstrip(".") in lex.legal_forms:
        return True
    return last in lex.company_heads or words[0].capitalize() in lex.company_prefixes


DOMAIN = re.compile(r"^[\w\-]+\.(?:com|net|io|fr|co\.uk|co|ai|org)$")


def is_domain_name(text: str) -> bool:
    """'Edmunds.com', '9to5Mac.com': a site's name is its publisher's."""
    return DOMAIN.match(text) is not None and not text.endswith(".org")


def words_list(key: str) -> tuple[str, ...]:
    """One of the data file's phrase lists (cues, roles, product words), as written."""
    return tuple(_data().get(key, ()))
