"""Amounts from candidates: markers resolved to ISO currencies, bare scaled numbers given
the currency their context implies, hedges and struck spans attached.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import replace

from tui.core.entities.amounts import context
from tui.core.entities.amounts import currencies as cur
from tui.core.entities.amounts.candidates import Candidate, read_candidates
from tui.core.entities.amounts.country import country_currency
from tui.core.model import Amount

MIN_BARE_SCALE = 1e6
"""Only numbers scaled by a million or more are read as money without a currency."""


def find_amounts(
    body: str, lang: str | None = None, struck: Sequence[tuple[int, int]] = ()
) -> tuple[Amount, ...]:
    """Every money amount in `body`, in reading order, with `body[a.start:a.end] == a.text`.

    `lang` ('fr', 'en' or None to guess) decides what 'billion' means and which
    number words are read; `struck` holds the spans shown struck through.
    """
    language = context.language(body, lang)
    british = context.is_british(body)
    joined = read_candidates(body, language, british)
    if not joined:
        return ()
    used = {c.currency for c in joined}
    markers: dict[str | None, str | None] = {
        cur.DOLLAR: context.dollar_currency(body, language) if cur.DOLLAR in used else cur.DOLLAR,
        cur.YEN: context.yen_currency(body) if cur.YEN in used else cur.YEN,
        **{
            m: context.local_currency(body, m)
            for m in (cur.DIRHAM, cur.DINAR, cur.RUPEE)
            if m in used
        },
    }
    hedges = context.qualifiers(body)
    explicit = [
        _amount(body, c, markers.get(c.currency, c.currency), c.borrowed, hedges)
        for c in joined
        if markers.get(c.currency, c.currency) is not None
    ]
    amounts = explicit + _inferred(body, language, joined, explicit, hedges)
    amounts.sort(key=lambda a: a.start)
    return _mark_struck(amounts, struck)


def _amount(
    body: str, c: Candidate, currency: str | None, inferred: bool, qualifiers: dict[int, str]
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
    candidates: list[Candidate],
    explicit: list[Amount],
    hedges: dict[int, str],
) -> list[Amount]:
    """Bare scaled numbers in a money context, with the currency their context implies."""
    found: list[Amount] = []
    sentences = context.Sentences(body)
    index = context.AmountIndex(explicit)
    primary = context.AmountIndex([a for a in explicit if not context.is_conversion(body, a)])
    dominant = context.dominant_currency(explicit)
    if dominant is None and any(c.currency is None and _scaled(c) for c in candidates):
        dominant = country_currency(body)  # a text that never names its currency
    for k, c in enumerate(candidates):
        if c.currency is not None:
            continue
        if c.scale is None and c.value_max is None:
            rate = context.rate_currency(body, c.end, sentences)
            if rate is not None:
                found.append(_amount(body, c, rate, True, hedges))
        elif dominant is not None and _scaled(c):
            span = (c.start, c.end)
            previous = _scaled_before(candidates, k, sentences.sentence(c.start)[0])
            if context.continues_a_count(body, previous, span, lang):
                continue
            following = candidates[k + 1].start if k + 1 < len(candidates) else len(body)
            if context.bare_scaled_is_money(body, span, lang, sentences, index, following):
                currency = context.nearest_currency(c.start, sentences, primary) or dominant
                found.append(_amount(body, c, currency, True, hedges))
    return found


def _scaled(c: Candidate) -> bool:
    """A number scaled by a million or more, or a range whose high end is ('60-70 millions')."""
    if c.scale is not None:
        return c.scale >= MIN_BARE_SCALE
    return c.value_max is not None and c.value_max >= MIN_BARE_SCALE and c.value >= 1


def _scaled_before(candidates: list[Candidate], k: int, sentence_start: int) -> int | None:
    """Where the figure that candidate `k` parallels ends, if it is a bare scaled number:
    the nearest earlier one of the same sentence with the same scale ('2,4 millions
    d'unités …, contre 2,2 millions'), else the nearest scaled or money one. Plain
    numbers (years, counts) in between are passed over."""
    current, fallback = candidates[k], None
    for j in range(k - 1, -1, -1):
        previous = candidates[j]
        if previous.start < sentence_start:
            break
        if previous.currency is None and previous.scale is None:
            continue
        if previous.scale == current.scale:
            return previous.end if previous.currency is None else None
        fallback = fallback or previous
    return fallback.end if fallback is not None and fallback.currency is None else None


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
