"""Company rows: surface forms merged into one row per company, with every mention.

'Dassault' joins 'Dassault Systèmes', 'Uber France' joins 'Uber', 'TCV' joins
'Technology Crossover Ventures (TCV)'; then every form is searched in the body (word
boundaries, longest first, no overlaps) so each occurrence is a mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.entities import gazetteer as gz
from tui.core.entities.company_cues import company_shape, product_context
from tui.core.model import Company, Mention, Organisation


@dataclass(frozen=True)
class Found:
    """One candidate that passed: a company or another organisation."""

    start: int
    end: int
    category: str
    kind: str = "company"
    entry: gz.Entry | None = None
    weak: bool = False


MONEY = r"(?:euros?|dollars?|francs?|M€|Md€|k€|€|\$|millions?|milliards?)"
COMPLEMENT = (
    r"(?:\s*\([^()\n]{0,100}\)|\s+en\s+\d{4}"
    rf"|\s+(?:pour|à hauteur de|for)\s+[\d\s.,]+{MONEY}(?:\s+(?:d['’]euros|de dollars))?)?"
)
COORDINATION = re.compile(
    rf"^{COMPLEMENT}\s*(?:,|;|et|and|&|ou|or|, et|, and|, ainsi que|as well as)\s*$"
)
"""The gap between two listed names; the first may have a parenthesis, a year or an
amount after it ('X (90 M€), Y', 'X en 2014 et Y', 'X pour 145.000 euros, et Y')."""
REACH = 120
"""Characters searched on each side of a name for a listed company."""


def coordinated(
    body: str, found: Sequence[Found], left: Sequence[tuple[int, int, str]], lang: str
) -> list[Found]:
    """'Klarna et Medline', 'X (84 M€), Y et Z': a name listed next to a company is one too,
    and so, in turn, are the names listed next to it.

    Person-like names (spaCy PER with several words) and places are never taken; on
    English text (where the French model's labels are weak) spaCy must say ORG or MISC."""
    sure = [(f.start, f.end) for f in found if f.category == "company"]
    todo = [item for item in left if _listable(body, item, lang)]
    out: list[Found] = []
    changed = True
    while changed and todo:
        changed = False
        for item in list(todo):
            if any(_listed_with(body, item, other) for other in sure):
                out.append(Found(item[0], item[1], "company", weak=True))
                sure.append((item[0], item[1]))
                todo.remove(item)
                changed = True
    return out


def _listable(body: str, item: tuple[int, int, str], lang: str) -> bool:
    start, end, label = item
    several = " " in body[start:end].strip()
    if label == "PER" and several:
        return False
    if several and not gz.has_company_form(body[start:end].split()) and label != "ORG":
        return False
    shaped = company_shape(body[start:end]) and not product_context(body, start, end)
    return lang != "en" or label in ("ORG", "") or shaped


def _listed_with(body: str, item: tuple[int, int, str], other: tuple[int, int]) -> bool:
    """Next to `other` in a list; a place or a name spaCy did not tag only when joined by
    'et'/'and' (not 'Picquier, Paris', not 'Alexa, Google')."""
    start, end, label = item
    gap = None
    if other[1] <= start and start - other[1] <= REACH:
        gap = body[other[1] : start]
    elif end <= other[0] and other[0] - end <= REACH:
        gap = body[end : other[0]]
    if gap is None or COORDINATION.match(gap) is None:
        return False
    tail = re.sub(COMPLEMENT, "", gap, count=1).strip()
    return label not in ("LOC", "") or tail in ("et", "and", "&", ", and", ", et")


@dataclass
class _Row:
    forms: list[str]
    entry: gz.Entry | None
    kind: str


def build_rows(
    body: str, found: Sequence[Found], left: Sequence[str] = ()
) -> tuple[tuple[Company, ...], tuple[Organisation, ...]]:
    """Merge the verdicts into one row per company or body, with every mention."""
    org_forms = {body[f.start : f.end] for f in found if f.category == "organisation"}
    best: dict[str, Found] = {}
    for f in found:
        text = body[f.start : f.end]
        if f.category == "company" and text in org_forms and f.entry is None:
            continue
        if text not in best or (best[text].weak and not f.weak) or f.entry is not None:
            best[text] = f
    ordered = sorted(best.items(), key=lambda kv: (-len(kv[0].split()), -len(kv[0])))
    companies: list[_Row] = []
    orgs: list[_Row] = []
    for text, f in ordered:
        rows = companies if f.category == "company" else orgs
        row = _home(body, rows, text, f.entry)
        if row is None:
            rows.append(_Row([text], f.entry, f.kind))
        else:
            row.forms.append(text)
    for text in left:
        row = next((r for r in companies if any(_starts(f, text) for f in r.forms)), None)
        if row is not None and text not in org_forms:
            row.forms.append(text)
    return _emit(body, companies, orgs)


def _home(body: str, rows: list[_Row], text: str, entry: gz.Entry | None) -> _Row | None:
    """The row a surface form belongs to, if any."""
    key = gz.compact(text)
    for row in rows:
        if entry is not None and row.entry is not None:
            if entry.name == row.entry.name:
                return row
            continue
        for form in row.forms:
            if key == gz.compact(form) or _alias(body, text, form):
                return row
    return None


def _starts(long: str, short: str) -> bool:
    """'Tiger' opens 'Tiger Global', 'Zorbex' opens 'Zorbex.com'."""
    return long.startswith((short + " ", short + "-", short + "."))


def _alias(body: str, short: str, long: str) -> bool:
    """'Dassault' of 'Dassault Systèmes', 'Disney' of 'Walt Disney Co.', 'TCV' of '... (TCV)'."""
    if _starts(long, short):
        return True
    words, parts = long.split(), short.split()
    if len(parts) < len(words) and gz.has_company_form(words):
        n = len(parts)
        if any(words[i : i + n] == parts for i in range(len(words) - n + 1)):
            return True
    if is_acronym(short) and f"{long} ({short})" in body:
        return True
    initials = "".join(w[0] for w in words if w[0].isupper())
    return is_acronym(short) and len(short) >= 2 and short == initials


def _emit(
    body: str, companies: list[_Row], orgs: list[_Row]
) -> tuple[tuple[Company, ...], tuple[Organisation, ...]]:
    rows = [*companies, *orgs]
    claimed = _mentions(body, rows)
    out_c: list[Company] = []
    out_o: list[Organisation] = []
    for idx, row in enumerate(rows):
        mentions = tuple(m for i, m in claimed if i == idx)
        if not mentions:
            continue
        name = _canonical(row, mentions)
        if idx < len(companies):
            e = row.entry
            out_c.append(Company(name, mentions, *(e.ticker, e.country, e.industry) if e else ()))
        else:
            out_o.append(Organisation(name, mentions, row.kind))
    out_c.sort(key=lambda c: c.mentions[0].start)
    out_o.sort(key=lambda o: o.mentions[0].start)
    return tuple(out_c), tuple(out_o)


def _mentions(body: str, rows: Sequence[_Row]) -> list[tuple[int, Mention]]:
    """Every occurrence of every form, longest first, without overlaps."""
    hits: list[tuple[int, int, int]] = []
    for idx, row in enumerate(rows):
        for form in set(row.forms):
            pattern = rf"(?<![\w]){re.escape(form)}(?![\w])"
            hits.extend((m.start(), m.end(), idx) for m in re.finditer(pattern, body))
    hits.sort(key=lambda h: (h[0] - h[1], h[0]))
    taken = bytearray(len(body))
    out: list[tuple[int, Mention]] = []
    for start, end, idx in hits:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        out.append((idx, Mention(body[start:end], start, end)))
    out.sort(key=lambda im: im[1].start)
    return out


def _canonical(row: _Row, mentions: Sequence[Mention]) -> str:
    """The gazetteer's name, else the longest, most formal form seen in the body."""
    seen = list(dict.fromkeys(m.text for m in mentions))
    if row.entry is not None and not all(gz.is_former_name(s) for s in seen):
        return row.entry.name
    return max(seen, key=lambda s: (not s.isupper(), len(s.split()), len(s)))


def is_acronym(text: str) -> bool:
    """'KKR', 'SNPE': one short all-capitals word."""
    letters = [c for c in text if c.isalpha()]
    return " " not in text and len(letters) <= 6 and all(c.isupper() for c in letters)
