"""Stated totals checked against their parts, and amounts tied to their owners.

`find_checks` looks for a total ('soit un total de 225 M€', 'a total of $5m',
'100 M€, dont…') and the amounts it sums, in the same currency, and tells whether
they add up. `link_owners` sets `Amount.owner` only where the sentence ties an
amount to a named company or body without doubt; a wrong owner is worse than none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from tui.core.entities.amounts.context import Sentences
from tui.core.entities.amounts.currencies import SPACES_RE
from tui.core.model import Amount, AmountCheck, Company, Organisation

TOLERANCE = 0.005
"""Relative gap allowed between a total and its parts (rounded figures)."""

CUE_WINDOW = 45
"""How many characters before a total its cue ('soit un total de') may start."""

MAX_PARTS = 12
"""Most parts a total is checked against."""

OWNER_GAP = 60
"""Longest stretch of text between an owner's name and its amount."""

_S = r"\s{1,3}"
"""A few spaces of any kind: Python's \\s covers no-break and thin spaces too."""
_TOTAL_CUE = re.compile(
    rf"\b(?:(?:soit|pour){_S}un{_S}(?:montant{_S})?total{_S}(?:de|d['’])"
    rf"|au{_S}total\b[,:]?|total{_S}(?:de|d['’])|en{_S}tout\b[,:]?"
    rf"|in{_S}total\b[,:]?|a{_S}total{_S}of|totall?ing|totalisant|soit{_S}au{_S}total"
    rf"|altogether\b[,:]?|combined\b[,:]?)",
    re.I,
)
_NUMBER_OR_BREAK = re.compile(r"[\d\n]")
_TOTAL_AFTER = re.compile(rf"\s{{0,3}}(?:au{_S}total|in{_S}total|en{_S}tout|altogether)\b", re.I)
_INCLUDING = re.compile(rf"^[\s,;:(–—-]*(?:dont|including|of{_S}which)\b", re.I)
_STATE = re.compile(
    r"\b(?:l['’][ÉE]tat|the State|the government|le gouvernement|l['’]Union européenne)\b"
)
_OWNER_GAP = re.compile(
    rf"^[\s,]*(?:\(\s*$"
    rf"|(?:qui{_S})?(?:(?:a|ont|va|vont|avait|has|have|had|will){_S})?"
    rf"(?:lev[ée]\w*|investi\w*|invest(?:s|ed)?|apport\w*|inject\w*|vers[ée]\w*|pa[iy]\w*|"
    rf"financ[ée]\w*|raised|raises|contribut\w+|à{_S}hauteur{_S}(?:de|d['’])|plac[ée]\w*)"
    rf"(?:{_S}(?:à{_S}hauteur{_S}(?:de|d['’])|pour|de|d['’]|about|nearly|some|more{_S}than|"
    rf"près{_S}de|plus{_S}de|environ))*(?:{_S}|['’])?$)",
    re.I,
)
_ANAPHOR = re.compile(
    r"\b(?:la firme|la société|l['’]entreprise|le groupe|la start-?up|la compagnie|"
    r"the company|the firm|the group|the start-?up)\b",
    re.I,
)
_MONEY_VERB = re.compile(
    r"\b(?:invest\w*|lev[ée]\w*|lever|apport\w*|vers\w*|pa[iy]\w*|financ\w*|rais\w+|"
    r"contribut\w+|inject\w*|mettre|put)\b",
    re.I,
)


def find_checks(body: str, amounts: Sequence[Amount]) -> tuple[AmountCheck, ...]:
    """Every stated total with the parts it sums; `holds` tells whether they add up."""
    sentences = Sentences(body)
    cue_ends = [m.end() for m in _TOTAL_CUE.finditer(body)]
    checks: list[AmountCheck] = []
    for index, amount in enumerate(amounts):
        if not _countable(amount):
            continue
        if _is_stated_total(body, amount, cue_ends):
            check = _check_before(amounts, index, sentences)
        elif _INCLUDING.match(body[amount.end : amount.end + 30]):
            check = _check_after(amounts, index, sentences)
        else:
            check = None
        if check is not None:
            checks.append(check)
    return tuple(checks)


def _countable(amount: Amount) -> bool:
    return not amount.struck and amount.currency is not None and amount.value_max is None


def _is_stated_total(body: str, amount: Amount, cue_ends: list[int]) -> bool:
    """Whether a cue ('soit un total de', 'au total') names `amount` a total: just
    before it, with no other number between, or just after it."""
    i = bisect.bisect_right(cue_ends, amount.start)
    if i > 0 and amount.start - cue_ends[i - 1] <= CUE_WINDOW:
        between = body[cue_ends[i - 1] : amount.start]
        if not _NUMBER_OR_BREAK.search(between):
            return True
    return _TOTAL_AFTER.match(body, amount.end) is not None


def _check_before(
    amounts: Sequence[Amount], index: int, sentences: Sentences
) -> AmountCheck | None:
    """The parts listed before a total, in its sentence or, if too few, the one before."""
    total = amounts[index]
    start, _ = sentences.sentence(total.start)
    candidates = _same_currency(amounts, total, range(index - 1, -1, -1), start)
    same_sentence = len(candidates) >= 2
    if not same_sentence and start > 0:
        previous_start, _ = sentences.sentence(start - 1)
        candidates = _same_currency(amounts, total, range(index - 1, -1, -1), previous_start)
    if len(candidates) < 2:
        return None
    candidates.reverse()
    for size in range(2, len(candidates) + 1):
        parts = candidates[-size:]
        if _adds_up(amounts, parts, total):
            return AmountCheck(total=index, parts=tuple(parts), holds=True)
    if not same_sentence:
        return None  # parts borrowed from the sentence before: too loose to call it wrong
    return AmountCheck(total=index, parts=tuple(candidates), holds=False)


def _check_after(amounts: Sequence[Amount], index: int, sentences: Sentences) -> AmountCheck | None:
    """'100 M€, dont 60 M€ … et 40 M€ …': a breakdown may list only some parts, so a
    check is made only when the parts reach the total (holds) or pass it (does not)."""
    total = amounts[index]
    _, end = sentences.sentence(total.start)
    parts: list[int] = []
    for i in range(index + 1, min(len(amounts), index + 1 + MAX_PARTS)):
        if amounts[i].start >= end:
            break
        if _countable(amounts[i]) and amounts[i].currency == total.currency:
            parts.append(i)
    if len(parts) < 2:
        return None
    gap = sum(amounts[i].value for i in parts) - total.value
    if abs(gap) <= TOLERANCE * total.value:
        return AmountCheck(total=index, parts=tuple(parts), holds=True)
    if gap > 0:
        return AmountCheck(total=index, parts=tuple(parts), holds=False)
    return None


def _same_currency(
    amounts: Sequence[Amount], total: Amount, indexes: range, start: int
) -> list[int]:
    """Indexes (walking back) of countable amounts in `total`'s currency from `start` on."""
    found: list[int] = []
    for i in indexes:
        if amounts[i].start < start or len(found) == MAX_PARTS:
            break
        if _countable(amounts[i]) and amounts[i].currency == total.currency:
            found.append(i)
    return found


def _adds_up(amounts: Sequence[Amount], parts: Sequence[int], total: Amount) -> bool:
    gap = sum(amounts[i].value for i in parts) - total.value
    return abs(gap) <= TOLERANCE * total.value


def link_owners(
    body: str,
    amounts: Sequence[Amount],
    companies: Sequence[Company],
    organisations: Sequence[Organisation],
) -> tuple[Amount, ...]:
    """`amounts` with `owner` set where the sentence ties one to a company or body."""
    holders: list[Company | Organisation] = [*companies, *organisations]
    found = [(m.start, m.end, h.name) for h in holders for m in h.mentions]
    states = [(m.start(), m.end(), m.group()) for m in _STATE.finditer(body)]
    names = _Spans(found + states)
    anaphors = _Spans([(m.start(), m.end(), m.group()) for m in _ANAPHOR.finditer(body)])
    company_names = {c.name for c in companies}
    sentences = Sentences(body)
    owned: list[Amount] = []
    for amount in amounts:
        owner = _named_owner(body, amount, names) or _anaphor_owner(
            body, amount, (names, anaphors), company_names, sentences
        )
        owned.append(replace(amount, owner=owner) if owner else amount)
    return tuple(owned)


class _Spans:
    """Spans (start, end, name) sorted by start, looked up by where they start."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self.starts = [n[0] for n in self.spans]

    def starting(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Spans starting in `[start, end)`."""
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return self.spans[low:high]


def _named_owner(body: str, amount: Amount, names: _Spans) -> str | None:
    """'France Télécom (60 M€)', 'X a levé 5 M€', 'l’État à hauteur de 135 M€'."""
    start = amount.start
    holders = [n for n in names.starting(max(0, start - OWNER_GAP), start) if n[1] <= start]
    if not holders:
        return None
    _, end, name = max(holders, key=lambda n: n[1])
    return name if _OWNER_GAP.match(_strip_qualifier(body[end:start], amount)) else None


def _strip_qualifier(gap: str, amount: Amount) -> str:
    """The gap without the amount's hedge ('a levé près de ' → 'a levé ')."""
    tidy = SPACES_RE.sub(" ", gap).rstrip()
    if amount.qualifier and tidy.endswith(amount.qualifier):
        return tidy[: -len(amount.qualifier)]
    return gap


def _anaphor_owner(
    body: str,
    amount: Amount,
    spans: tuple[_Spans, _Spans],
    company_names: set[str],
    sentences: Sentences,
) -> str | None:
    """'la firme comptait investir 60 millions' after a sentence naming one company."""
    names, anaphors = spans
    start, _ = sentences.sentence(amount.start)
    found = anaphors.starting(start, amount.start)
    if not found or not _MONEY_VERB.search(body, found[-1][1], amount.start):
        return None
    if names.starting(start, amount.start):
        return None
    previous_start = sentences.sentence(start - 1)[0] if start > 0 else start
    named = {n[2] for n in names.starting(previous_start, start) if n[2] in company_names}
    return named.pop() if len(named) == 1 else None
