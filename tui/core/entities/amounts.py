"""Money amounts in an article body, French or English.

`find_amounts` reads every number (digits or words), looks left for a currency
symbol or code and right for a scale and a currency, joins ranges into one amount,
then gives a bare scaled number ('60 millions') the currency its context implies.
Each step is a compiled pattern matched at a known position, so the whole pass is
linear in the length of the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui.core.entities import context
from tui.core.entities.currencies import (
    DOLLAR,
    PREFIX_RE,
    SCALE_RE,
    SINGLE_LETTER_SCALES,
    SPACE,
    SUFFIX_SYMBOL_RE,
    SUFFIX_WORD_RE,
    scale_value,
    suffix_symbol_currency,
    symbol_currency,
    word_currency,
)
from tui.core.entities.numbers import NumberToken, number_tokens
from tui.core.model import Amount

PREFIX_WINDOW = 8
"""How many characters before a number may hold its currency symbol (`CAN$ `, `US$`)."""

_PERCENT_RE = re.compile(rf"{SPACE}*(?:%|pour{SPACE}?cents?\b|per{SPACE}?cent\b|percent\b)", re.I)
_AFTER_RE = re.compile(r"[^\W\d_]")
_CONNECTOR_RE = re.compile(rf"{SPACE}*(?P<c>et|à|and|to|-|–|—){SPACE}*$", re.I)
_RANGE_OPENER_RE = re.compile(
    rf"(?:\b(?P<w>entre|between|de|from|d['’])){SPACE}*(?:{_sym}){SPACE}?$|"
    rf"(?:\b(?P<v>entre|between|de|from|d['’])){SPACE}*$".replace(
        "{_sym}", r"[$€£¥]|US\$|C\$|HK\$"
    ),
    re.I,
)
_OPENER_NEEDED = {"et": ("entre",), "and": ("between",), "à": ("de", "d'", "d’"), "to": ("from",)}


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
    joined = _join_ranges(body, candidates)
    dollar = context.dollar_currency(body, language)
    explicit = [
        _amount(body, c, c.currency if c.currency != DOLLAR else dollar, False)
        for c in joined
        if c.currency is not None
    ]
    amounts = explicit + _inferred(body, joined, explicit)
    amounts.sort(key=lambda a: a.start)
    return tuple(_mark_struck(a, struck) for a in amounts)


def _read(body: str, token: NumberToken, lang: str) -> _Candidate | None:
    """The number at `token` with its currency and scale, or None if it cannot be money."""
    if _PERCENT_RE.match(body, token.end):
        return None
    start, prefix = _prefix(body, token.start)
    end, scale_text = token.end, None
    scale_match = SCALE_RE.match(body, end)
    if scale_match and _scale_ok(body, scale_match, prefix is not None):
        end, scale_text = scale_match.end(), scale_match.group("scale")
    number = token.parse(scale_text is not None)
    if number is None:
        return None
    scale = scale_value(scale_text, lang) if scale_text else None
    currency = prefix
    if currency is None:
        end, currency = _suffix(body, end, scale is not None)
    if currency is None and scale is None and token.words:
        return None
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
    """A one-letter scale (`m`, `b`, `k`) needs a prefix symbol or a symbol right after."""
    scale = match.group("scale")
    if scale.lower() not in SINGLE_LETTER_SCALES:
        return True
    glued = match.start("scale") == match.start()
    if has_prefix and glued:
        return True
    return SUFFIX_SYMBOL_RE.match(body, match.end()) is not None


def _suffix(body: str, pos: int, scaled: bool) -> tuple[int, str | None]:
    """The end of the amount and its currency when a symbol or word follows."""
    symbol = SUFFIX_SYMBOL_RE.match(body, pos)
    if symbol is not None:
        return symbol.end(), suffix_symbol_currency(symbol.group("cur"))
    word = SUFFIX_WORD_RE.match(body, pos)
    if word is not None:
        currency, needs_scale = word_currency(word.group("word"))
        if scaled or not needs_scale:
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
    if connector is None or high.currency is None and high.scale is None:
        return None
    if low.currency not in (None, high.currency):
        return None
    word = connector.group("c").lower()
    if word in _OPENER_NEEDED and not _opened(body, low.start, _OPENER_NEEDED[word]):
        return None
    scale = low.scale or high.scale
    low_value = low.number * (scale or 1.0)
    if not low_value < high.value:
        return None
    currency = high.currency or low.currency
    return _Candidate(low.start, high.end, low_value, None, currency, high.value)


def _opened(body: str, start: int, openers: tuple[str, ...]) -> bool:
    """Whether one of `openers` ('entre', 'between'…) stands just before `start`."""
    match = _RANGE_OPENER_RE.search(body[max(0, start - 12) : start])
    if match is None:
        return False
    word = (match.group("w") or match.group("v") or "").lower()
    return word in openers


def _amount(body: str, c: _Candidate, currency: str | None, inferred: bool) -> Amount:
    return Amount(
        text=body[c.start : c.end],
        start=c.start,
        end=c.end,
        value=_tidy(c.value),
        currency=currency,
        value_max=None if c.value_max is None else _tidy(c.value_max),
        qualifier=context.qualifier(body, c.start),
        currency_inferred=inferred,
    )


def _tidy(value: float) -> float:
    """Round away binary noise (1.3 * 1e6 = 1300000.0000000002)."""
    return float(round(value, 6))


def _inferred(body: str, candidates: list[_Candidate], explicit: list[Amount]) -> list[Amount]:
    """Bare scaled numbers in a money context, with the currency their context implies."""
    found: list[Amount] = []
    if not explicit:
        return found
    sentences = context.Sentences(body)
    dominant = context.dominant_currency(explicit)
    for c in candidates:
        if c.currency is not None or c.scale is None or c.scale < 1e6:
            continue
        if not context.bare_scaled_is_money(body, c.start, c.end, sentences, explicit):
            continue
        currency = context.nearest_currency(c.start, sentences, explicit) or dominant
        found.append(_amount(body, c, currency, True))
    return found


def _mark_struck(amount: Amount, struck: Sequence[tuple[int, int]]) -> Amount:
    for start, end in struck:
        if start < amount.end and amount.start < end:
            return replace(amount, struck=True)
    return amount
