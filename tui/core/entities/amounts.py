"""Money amounts in an article body, French or English.

`find_amounts` reads every number (digits or words), looks left for a currency
symbol or code and right for a scale and a currency, joins ranges into one amount,
then gives a bare scaled number ('60 millions') the currency its context implies.
Each step is a compiled pattern matched at a known position, so the whole pass is
linear in the length of the body.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui.core.entities import amount_context as context
from tui.core.entities.amount_numbers import NumberToken, number_tokens
from tui.core.entities.currencies import (
    DOLLAR,
    GAP,
    PREFIX_RE,
    SCALE_RE,
    SEP,
    SINGLE_LETTER_SCALES,
    SPACE,
    SUFFIX_SYMBOL_RE,
    SUFFIX_WORD_RE,
    YEN,
    scale_value,
    suffix_symbol_currency,
    symbol_currency,
    word_currency,
)
from tui.core.model import Amount

CHANGE_WINDOW = 40
"""How far before 'from $5m to $8m' a verb of change ('rose', 'passé') is looked for."""

PREFIX_WINDOW = 8
"""How many characters before a number may hold its currency symbol (`CAN$ `, `US$`)."""

MIN_BARE_SCALE = 1e6
"""Only numbers scaled by a million or more are read as money without a currency."""

_PERCENT_RE = re.compile(rf"{GAP}(?:%|pour{SPACE}?cents?\b|per{SPACE}?cent\b|percent\b)", re.I)
_AFTER_RE = re.compile(r"[^\W\d_]")
_CONNECTOR_RE = re.compile(rf"{GAP}(?P<c>et|à|and|to|-|–|—){GAP}$", re.I)
_RANGE_OPENER_RE = re.compile(rf"\b(?P<w>entre|between){GAP}(?:[$€£¥]|US\$|C\$|HK\$)?{GAP}$", re.I)
_OF_RE = re.compile(rf"{SEP}(?:of|de|d['’])(?!\w)", re.I)
_SUBUNIT_RE = re.compile(rf"{GAP}(?P<unit>cents?|centimes?|pence)(?![\w-])", re.I)
_SUBUNITS = {"cent": DOLLAR, "cents": DOLLAR, "centime": "EUR", "centimes": "EUR", "pence": "GBP"}
_CHANGE_RE = re.compile(
    r"\b(?:rose|ris\w*|fell|fall\w*|increas\w*|decreas\w*|grew|grow\w*|jump\w*|climb\w*|"
    r"drop\w*|declin\w*|cut|rais\w*|lower\w*|boost\w*|soar\w*|slump\w*|pass\w*|"
    r"augment\w*|diminu\w*|baiss\w*|hauss\w*|recul\w*|progress\w*|bondi\w*|chut\w*|"
    r"grimp\w*|relev\w*|port[ée]\w*|[ée]volu\w*)\b[^.\n]*$",
    re.I,
)
_OPENER_NEEDED = {"et": "entre", "and": "between"}


@dataclass(frozen=True)
class _Candidate:
    """A number read with what surrounds it, before ranges and inference."""

    start: int
    end: int
    number: float
    scale: float | None
    currency: str | None
    value_max: float | None = None

    @property
    def value(self) -> float:
        return self.number * (self.scale or 1.0)


def find_amounts(
    body: str, lang: str | None = None, struck: Sequence[tuple[int, int]] = ()
) -> tuple[Amount, ...]:
    """Every money amount in `body`, in reading order, with `body[a.start:a.end] == a.text`.

    `lang` ('fr', 'en' or None to guess) decides what 'billion' means and which
    number words are read; `struck` holds the spans shown struck through.
    """
    language = context.language(body, lang)
    candidates: list[_Candidate] = []
    for token in number_tokens(body, language):
        candidate = _read(body, token, language)
        if candidate is not None:
            candidates.append(candidate)
    if not candidates:
        return ()
    joined = _join_ranges(body, candidates)
    used = {c.currency for c in joined}
    markers = {
        DOLLAR: context.dollar_currency(body, language) if DOLLAR in used else DOLLAR,
        YEN: context.yen_currency(body) if YEN in used else YEN,
    }
    hedges = context.qualifiers(body)
    explicit = [
        _amount(body, c, markers.get(c.currency, c.currency), False, hedges)
        for c in joined
        if c.currency is not None
    ]
    amounts = explicit + _inferred(body, language, joined, explicit, hedges)
    amounts.sort(key=lambda a: a.start)
    return _mark_struck(amounts, struck)


def _read(body: str, token: NumberToken, lang: str) -> _Candidate | None:
    """The number at `token` with its currency and scale, or None if it cannot be money."""
    if _PERCENT_RE.match(body, token.end):
        return None
    start, prefix = _prefix(body, token.start)
    end, scale_text = token.end, None
    scale_match = SCALE_RE.match(body, end)
    if scale_match and _scale_ok(body, scale_match, prefix is not None):
        end, scale_text = scale_match.end(), scale_match.group("scale")
    number = token.parse(scale_text is not None, lang)
    if number is None:
        return None
    scale = scale_value(scale_text, lang) if scale_text else None
    currency = prefix
    subunit = _SUBUNIT_RE.match(body, end) if prefix is None and scale is None else None
    if subunit is not None:
        end, currency, scale = subunit.end(), _SUBUNITS[subunit.group("unit").lower()], 0.01
    elif currency is None:
        end, currency = _suffix(body, end, scale is not None)
    if token.words and scale is None and (currency is None or token.word_value == 1):
        return None  # 'un euro numérique', 'one dollar store': a lone 'one' is rarely money
    if _AFTER_RE.match(body, end) and currency is None:
        return None
    return _Candidate(start, end, number, scale, currency)


def _prefix(body: str, start: int) -> tuple[int, str | None]:
    """The start of the amount and its currency when a symbol or code precedes it."""
    window = body[max(0, start - PREFIX_WINDOW) : start]
    match = PREFIX_RE.search(window)
    if match is None:
        return start, None
    return start - len(window) + match.start(), symbol_currency(match.group().strip())


def _scale_ok(body: str, match: re.Match[str], has_prefix: bool) -> bool:
    """A one-letter scale (`m`, `b`, `k`) needs a currency symbol next to the amount
    (`$5m`, `6 M€`), or to be glued to the number before a currency word (`5m euros`)."""
    scale = match.group("scale")
    if scale.lower() not in SINGLE_LETTER_SCALES:
        return True
    if SUFFIX_SYMBOL_RE.match(body, match.end()) is not None:
        return True
    glued = match.start("scale") == match.start()
    word_after = SUFFIX_WORD_RE.match(body, match.end()) is not None
    # '5m euros', '1,5 M d’euros'; but '5 m' alone is five metres.
    return (glued and has_prefix) or (word_after and (glued or scale.isupper()))


def _suffix(body: str, pos: int, scaled: bool) -> tuple[int, str | None]:
    """The end of the amount and its currency when a symbol or word follows."""
    symbol = SUFFIX_SYMBOL_RE.match(body, pos)
    if symbol is not None:
        return symbol.end(), suffix_symbol_currency(symbol.group("cur"))
    word = SUFFIX_WORD_RE.match(body, pos)
    if word is not None:
        currency, needs_scale = word_currency(word.group("word"))
        weight = needs_scale and _OF_RE.match(body, word.end()) is not None
        if (scaled or not needs_scale) and not weight:  # '2 million pounds of beef'
            return word.end(), currency
    return pos, None


def _join_ranges(body: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Join `low <connector> high` pairs ('entre 10 et 20 millions', '$5m-$10m') into one."""
    joined: list[_Candidate] = []
    i = 0
    while i < len(candidates):
        low = candidates[i]
        high = candidates[i + 1] if i + 1 < len(candidates) else None
        merged = _range(body, low, high) if high is not None else None
        if merged is not None:
            joined.append(merged)
            i += 2
            continue
        joined.append(low)
        i += 1
    return joined


def _range(body: str, low: _Candidate, high: _Candidate) -> _Candidate | None:
    """`low` and `high` as one range amount, when the words between them say so."""
    between = body[low.end : high.start]
    connector = _CONNECTOR_RE.match(between)
    if connector is None or (high.currency is None and high.scale is None):
        return None
    if None not in (low.currency, high.currency) and low.currency != high.currency:
        return None
    word = connector.group("c").lower()
    both_full = low.currency is not None and high.currency is not None
    lead = body[max(0, low.start - CHANGE_WINDOW) : low.start]
    if word in ("à", "to") and both_full and _CHANGE_RE.search(lead):
        return None  # 'passé de 5 M€ à 8 M€', 'rose from $5m to $8m': a change
    if word in _OPENER_NEEDED and not _opened(body, low.start, _OPENER_NEEDED[word]):
        return None  # '5 M€ et 8 M€' are two amounts unless 'entre' opens the pair
    scale = low.scale or high.scale
    low_value = low.number * (scale or 1.0)
    if not low_value < high.value:
        return None
    currency = high.currency or low.currency
    return _Candidate(low.start, high.end, low_value, None, currency, high.value)


def _opened(body: str, start: int, opener: str) -> bool:
    """Whether `opener` ('entre', 'between') stands just before `start`."""
    match = _RANGE_OPENER_RE.search(body[max(0, start - 12) : start])
    return match is not None and match.group("w").lower() == opener


def _amount(
    body: str, c: _Candidate, currency: str | None, inferred: bool, qualifiers: dict[int, str]
) -> Amount:
    return Amount(
        text=body[c.start : c.end],
        start=c.start,
        end=c.end,
        value=_tidy(c.value),
        currency=currency,
        value_max=None if c.value_max is None else _tidy(c.value_max),
        qualifier=qualifiers.get(c.start),
        currency_inferred=inferred,
    )


def _tidy(value: float) -> float:
    """Round away binary noise (1.3 * 1e6 = 1300000.0000000002)."""
    return float(round(value, 6))


def _inferred(
    body: str,
    lang: str,
    candidates: list[_Candidate],
    explicit: list[Amount],
    hedges: dict[int, str],
) -> list[Amount]:
    """Bare scaled numbers in a money context, with the currency their context implies."""
    found: list[Amount] = []
    sentences = context.Sentences(body)
    index = context.AmountIndex(explicit)
    dominant = context.dominant_currency(explicit)
    for c in candidates:
        if c.currency is not None:
            continue
        if c.scale is None and c.value_max is None:
            rate = context.rate_currency(body, c.end, sentences)
            if rate is not None:
                found.append(_amount(body, c, rate, True, hedges))
        elif dominant is not None and c.scale is not None and c.scale >= MIN_BARE_SCALE:
            span = (c.start, c.end)
            if context.bare_scaled_is_money(body, span, lang, sentences, index):
                currency = context.nearest_currency(c.start, sentences, index) or dominant
                found.append(_amount(body, c, currency, True, hedges))
    return found


def _mark_struck(amounts: list[Amount], struck: Sequence[tuple[int, int]]) -> tuple[Amount, ...]:
    """`amounts` (in order) with `struck` set on those overlapping a struck span."""
    spans = sorted(struck)
    ends = list(itertools.accumulate((end for _, end in spans), max))
    marked: list[Amount] = []
    for amount in amounts:
        # Spans starting before the amount ends; the furthest-reaching one decides.
        i = bisect.bisect_left(spans, (amount.end,))
        hit = i > 0 and ends[i - 1] > amount.start
        marked.append(replace(amount, struck=True) if hit else amount)
    return tuple(marked)
