"""One key per company across articles, and the rule that merges a short name into a long one.

`company_key` is what makes `Cap Gemini`, `Capgemini` and `CAPGEMINI S.A.` one company
in the library: case folded, accents, legal forms and every space, hyphen, dot or
apostrophe removed. `merge_groups` then does across articles what the finder does inside
one: a company whose whole name is, in other articles, a spelling of exactly one other
company (`Dassault` of `Dassault Systèmes`, `TCV` of `Technology Crossover Ventures`)
joins it; a name that is a spelling of two companies stays on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

LEGAL_FORMS = frozenset(
    {
        *("inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "llp"),
        *("lp", "plc", "pty", "sa", "sas", "sasu", "sarl", "eurl", "sca", "se", "ag", "kg"),
        *("gmbh", "nv", "bv", "spa", "srl", "ab", "asa", "oy", "oyj", "kk", "bhd", "pte"),
    }
)
"""Legal-form words dropped from the end of a name (after dots are removed: `S.A.` is `sa`)."""
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def company_key(name: str) -> str:
    """`Cap Gemini` -> `capgemini`; `Harbor Robotics Inc.` -> `harborrobotics`.

    Trailing legal forms go only while a word is left, so `Co` alone keeps its key.
    """
    words = [re.sub(r"[\W_]+", "", w) for w in _TOKEN.findall(_fold(name))]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return "".join(words)


def merge_groups(aliases: Iterable[tuple[str, str]], articles: Mapping[str, int]) -> dict[str, str]:
    """The group (a root key) of every key, from (form key, company key) pairs.

    A key joins another when, as a form key, it names exactly one other company; chains
    are followed to their end and a cycle goes to its key with the most articles.
    """
    spelled: dict[str, set[str]] = {}
    keys: set[str] = set(articles)
    for form_key, key in aliases:
        keys.add(key)
        if form_key != key:
            spelled.setdefault(form_key, set()).add(key)
    parent = {
        key: next(iter(spelled[key])) for key in keys if key in spelled and len(spelled[key]) == 1
    }
    return {key: _root(key, parent, articles) for key in keys}


def _root(key: str, parent: Mapping[str, str], articles: Mapping[str, int]) -> str:
    path = [key]
    seen = {key}
    while path[-1] in parent:
        step = parent[path[-1]]
        if step in seen:
            cycle = path[path.index(step) :]
            return max(cycle, key=lambda k: (articles.get(k, 0), k))
        path.append(step)
        seen.add(step)
    return path[-1]
