"""Company rows: accepted forms merged into one row per company, with every mention.

'Dassault' joins 'Dassault Systèmes', 'Uber France' joins 'Uber', 'TCV' joins
'Technology Crossover Ventures (TCV)'; then every form is searched in the body (word
boundaries, longest first, no overlaps) so each occurrence is a mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.entities.companies import gazetteer as gz
from tui.core.entities.companies.places import is_place
from tui.core.model import Company, Mention, Organisation


@dataclass(frozen=True)
class Verdict:
    """One form the scorer kept: a company, or another organisation."""

    text: str
    category: str
    """'company' or 'organisation'."""
    kind: str = "company"
    entry: gz.Entry | None = None
    probability: float = 0.0
    reasons: tuple[str, ...] = ()


@dataclass
class _Row:
    forms: list[str]
    entry: gz.Entry | None
    kind: str
    best: Verdict


def build_rows(
    body: str, verdicts: Sequence[Verdict], aliases: Sequence[str] = ()
) -> tuple[tuple[Company, ...], tuple[Organisation, ...]]:
    """Merge the verdicts into one row per company or body, with every mention; an
    alias joins the company row one of whose forms it opens ('Tiger' of 'Tiger Global')."""
    org_forms = {v.text for v in verdicts if v.category == "organisation"}
    ordered = sorted(verdicts, key=lambda v: (-len(v.text.split()), -len(v.text)))
    companies: list[_Row] = []
    orgs: list[_Row] = []
    for verdict in ordered:
        if verdict.category == "company" and verdict.text in org_forms and verdict.entry is None:
            continue
        rows = companies if verdict.category == "company" else orgs
        row = _home(body, rows, verdict.text, verdict.entry)
        if row is None:
            rows.append(_Row([verdict.text], verdict.entry, verdict.kind, verdict))
            continue
        row.forms.append(verdict.text)
        if verdict.probability > row.best.probability:
            row.best = verdict
    for text in aliases:
        row = next((r for r in companies if any(_short_form(f, text) for f in r.forms)), None)
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


def _short_form(kept: str, other: str) -> bool:
    """'Tiger' of 'Tiger Global', 'Zorbex' of 'Zorbex.com', 'Uber France' of 'Uber'."""
    if _starts(kept, other):
        return True
    head, _, tail = other.rpartition(" ")
    return head == kept and is_place(tail)


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
            facts = (e.ticker, e.country, e.industry) if e else (None, None, None)
            out_c.append(Company(name, mentions, *facts, reasons=row.best.reasons))
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
