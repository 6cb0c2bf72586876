"""Amount candidates: every number read with its currency marker and scale, ranges joined.

Each number (digits or words) looks left for a currency symbol or code and right for a
scale and a currency; `low <connector> high` pairs become one range. Each step is a
compiled pattern matched at a known position, so the pass is linear in the body's length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.core.entities.amounts import currencies as cur
from tui.core.entities.amounts.currencies import DASH, GAP, SEP, SPACE
from tui.core.entities.amounts.numbers import (
    NumberToken,
    glued_cents,
    is_pence,
    number_tokens,
    year_not_money,
)

CHANGE_WINDOW = 40
"""How far before 'from $5m to $8m' a verb of change ('rose', 'passé') is looked for."""

PREFIX_WINDOW = 8
"""How many characters before a number may hold its currency symbol (`CAN$ `, `US$`)."""

MIN_UNSCALED_LOW = 1000
"""A range's low end this large keeps its own value rather than borrowing the high end's
scale ('entre 500 000 et 1 million'); a smaller one shares it ('entre 2 et 3 millions')."""

MAX_CHANGE_RATIO = 100
"""'passé de 12 à 15 millions': the start of a change shares the end's scale when the two
stay within this factor of each other."""

RANGE_LOW_WINDOW = 24
"""How far back the currency-marked low end of a dashed range (`£5-` in `£5-10m`) is looked for."""

_PERCENT_RE = re.compile(rf"{GAP}(?:%|pour{SPACE}?cents?\b|per{SPACE}?cent\b|percent\b)", re.I)
_AFTER_RE = re.compile(r"[^\W\d_]")
_CONNECTOR_RE = re.compile(rf"{GAP}(?P<c>et|à|and|to|{DASH}){GAP}$", re.I)
_RANGE_OPENER_RE = re.compile(rf"\b(?P<w>entre|between){GAP}(?:[$€£¥]|US\$|C\$|HK\$)?{GAP}$", re.I)
_OF_RE = re.compile(rf"{SEP}(?:of|de|d['’])(?!\w)", re.I)
_DIGIT_NEXT_RE = re.compile(rf"{GAP}\d")
"""A symbol followed by digits opens the next amount ('in 2023 $5bn', 'the 2024-25 £10bn')."""
_HALF_RE = re.compile(rf"{SEP}et{SEP}demie?(?![\w-])", re.I)
_CHANGE_RE = re.compile(
    r"\b(?:rose|ris\w*|fell|fall\w*|increas\w*|decreas\w*|grew|grow\w*|jump\w*|climb\w*|"
    r"drop\w*|declin\w*|cut|rais\w*|lower\w*|boost\w*|soar\w*|slump\w*|pass\w*|"
    r"augment\w*|diminu\w*|baiss\w*|hauss\w*|recul\w*|progress\w*|bondi\w*|chut\w*|"
    r"grimp\w*|relev\w*|port[ée]\w*|[ée]volu\w*|went|gone|mov\w*|doubl\w*|tripl\w*|"
    r"hik\w*|slash\w*|surg\w*|plung\w*|tumbl\w*|sank|sunk|tomb\w*|plong\w*|"
    r"multipli\w*|chang\w*|ramen\w*|r[ée]dui\w*|reduc\w*|abaiss\w*|r[ée]vis\w*|trimm\w*)"
    r"\b[^.\n]*$",
    re.I,
)
_TARGET_RE = re.compile(r"\b(?:to|à)\s*$", re.I)
"""'grow to $5bn to $6bn': the change leads to a range, it does not start at its low end."""
_FROM_RE = re.compile(r"\b(?:from|de|d['’])\s*$", re.I)
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+")
_TRUNCATED_RE = re.compile(rf"(?:{GAP}\w+)?(?:{GAP}\w{{1,3}}['’]?)?{GAP}$")
"""'… une levée de 230 millions d' at the very end of a page dump, with no full stop: the
amount is cut off."""
_LONE_SCALE_RE = re.compile(
    rf"\b(?:au|du|le|un|d['’]un|the|a){SEP}(?P<scale>milliards?|millions?|billions?)(?={SEP})",
    re.I,
)
_OPENER_NEEDED = {"et": "entre", "and": "between"}


@dataclass(frozen=True)
class Candidate:
    """A number read with what surrounds it, before ranges and inference."""

    start: int
    end: int
    number: float
    scale: float | None
    currency: str | None
    value_max: float | None = None
    borrowed: bool = False
    """The currency comes from the other end of a change ('passé de 12 à 15 M€')."""

    @property
    def value(self) -> float:
        return self.number * (self.scale or 1.0)


def read_candidates(body: str, lang: str, british: bool) -> list[Candidate]:
    """Every number of `body` that can be money, in order, with ranges joined.

    `british` (the text is about Britain) allows '286p' and a bare 'pounds'/'livres'.
    """
    candidates: list[Candidate] = []
    links = [(m.start(), m.end()) for m in _URL_RE.finditer(body)]
    for token in number_tokens(body, lang):
        if candidates and token.start < candidates[-1].end:
            continue  # already read as part of the previous amount ('9€99', 'et demi')
        if _inside(links, token.start) or _TRUNCATED_RE.match(body, token.end):
            continue  # a number in a web address; an amount cut off by the end of the page
        candidate = _read(body, token, lang, british)
        if candidate is not None and (not candidates or candidate.start >= candidates[-1].end):
            candidates.append(candidate)  # a marker is never shared by two amounts
    joined = _join_ranges(body, candidates)
    lone = [
        c
        for c in _lone_scales(body, lang)
        if not any(o.start < c.end and c.start < o.end for o in joined)
    ]
    return sorted(joined + lone, key=lambda c: c.start) if lone else joined


def _lone_scales(body: str, lang: str) -> list[Candidate]:
    """'supérieure au milliard de dollars': a scale word with no number but an article,
    and a currency after it, is one of that scale."""
    out = []
    for match in _LONE_SCALE_RE.finditer(body):
        word = cur.SUFFIX_WORD_RE.match(body, match.end())
        if word is None:
            continue
        currency, _ = cur.word_currency(word.group("word"))
        factor = cur.scale_value(match.group("scale"), lang)
        out.append(Candidate(match.start("scale"), word.end(), 1.0, factor, currency))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, len(spans) and 10**12)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _read(body: str, token: NumberToken, lang: str, british: bool) -> Candidate | None:
    """The number at `token` with its currency and scale, or None if it cannot be money.
    `british` (the text is about Britain) allows '286p' and a bare 'pounds'/'livres'."""
    if _PERCENT_RE.match(body, token.end):
        return None
    start, prefix = _prefix(body, token.start)
    end, scale = _scale(body, token, prefix is not None)
    number = token.parse(scale is not None, lang)
    if number is None:
        return None
    multiplier = cur.scale_value(scale[0], lang) * scale[1] if scale else None
    if multiplier is not None and number.is_integer() and (half := _HALF_RE.match(body, end)):
        end, number = half.end(), number + 0.5  # '2 millions et demi'
    currency = prefix
    subunit = cur.SUBUNIT_RE.match(body, end) if prefix is None and scale is None else None
    if subunit is not None:
        end, currency, multiplier = subunit.end(), cur.SUBUNITS[subunit.group("unit").lower()], 0.01
    elif currency is None:
        end, currency = _suffix(body, end, multiplier is not None, british)
        pence = lang == "en" and multiplier is None and is_pence(body, token, end, british)
        if currency is None and pence:
            end, currency, multiplier = end + 1, "GBP", 0.01
        elif currency is not None and multiplier is None:
            end, number = glued_cents(body, token, end, number)
    if token.words and multiplier is None and (currency is None or token.word_value == 1):
        return None  # 'un euro numérique', 'one dollar store': a lone 'one' is rarely money
    if _AFTER_RE.match(body, end) and currency is None:
        return None
    if currency is not None and multiplier is None and year_not_money(body, token, start, end):
        return None
    return Candidate(start, end, number, multiplier, currency)


def _scale(body: str, token: NumberToken, has_prefix: bool) -> tuple[int, tuple[str, float] | None]:
    """The end of number and scale, and the scale word with its factor ('demi-' halves it)."""
    match = cur.SCALE_RE.match(body, token.end)
    if match is None:
        return token.end, None
    licensed = has_prefix or _dashed_after_marker(body, token.start)
    if not _scale_ok(body, match, licensed):
        return token.end, None
    return match.end(), (match.group("scale"), 0.5 if match.group("half") else 1.0)


def _dashed_after_marker(body: str, start: int) -> bool:
    """Whether the number is the high end of a dashed range whose low end carries the
    currency marker (`£5-10m`, `$2-3bn`)."""
    return cur.RANGE_LOW_RE.search(body, max(0, start - RANGE_LOW_WINDOW), start) is not None


def _prefix(body: str, start: int) -> tuple[int, str | None]:
    """The start of the amount and its currency when a symbol or code precedes it."""
    window = body[max(0, start - PREFIX_WINDOW) : start]
    match = cur.PREFIX_RE.search(window)
    if match is None:
        return start, None
    return start - len(window) + match.start(), cur.symbol_currency(match.group().strip())


def _scale_ok(body: str, match: re.Match[str], has_prefix: bool) -> bool:
    """A scale that is also a unit (`m`, `k`, `mm`, `cr`) needs a currency symbol next to
    the amount (`$5m`, `6 M€`, `₹500 cr`), or to be glued to the number before a currency
    word (`5m euros`)."""
    scale = match.group("scale")
    if scale.lower() not in cur.GUARDED_SCALES:
        return True
    if cur.SUFFIX_SYMBOL_RE.match(body, match.end()) is not None:
        return True
    glued = match.start("scale") == match.start()
    word_after = cur.SUFFIX_WORD_RE.match(body, match.end()) is not None
    # '5m euros', '1,5 M d’euros', '₹500 cr'; but '5 m' alone is five metres.
    if has_prefix and (glued or len(scale) > 1):
        return True
    return word_after and (glued or scale.isupper())


def _suffix(body: str, pos: int, scaled: bool, british: bool) -> tuple[int, str | None]:
    """The end of the amount and its currency when a symbol or word follows; a bare
    'pounds' or 'livres' is money only in a text about Britain (else weight or books)."""
    symbol = cur.SUFFIX_SYMBOL_RE.match(body, pos)
    if symbol is not None and not _opens_next(body, pos, symbol):
        return symbol.end(), cur.suffix_symbol_currency(symbol.group("cur"))
    word = cur.SUFFIX_WORD_RE.match(body, pos)
    if word is not None:
        currency, needs_scale = cur.word_currency(word.group("word"))
        weight = needs_scale and _OF_RE.match(body, word.end()) is not None
        weight = weight or (needs_scale and currency == "GBP" and not british)
        if (scaled or not needs_scale) and not weight:  # '2 million pounds of beef'
            return word.end(), currency
    return pos, None


def _opens_next(body: str, pos: int, symbol: re.Match[str]) -> bool:
    """'in 2023 $5bn': a symbol followed by digits is the next amount's prefix, unless
    it is glued on both sides ('9€99')."""
    if _DIGIT_NEXT_RE.match(body, symbol.end()) is None:
        return False
    return symbol.start("cur") > pos or not body[symbol.end()].isdigit()


def _join_ranges(body: str, candidates: list[Candidate]) -> list[Candidate]:
    """Join `low <connector> high` pairs ('entre 10 et 20 millions', '$5m-$10m') into one;
    the start of a change ('passé de 12 à 15 M€') takes the end's scale and currency."""
    joined: list[Candidate] = []
    i = 0
    while i < len(candidates):
        low = candidates[i]
        high = candidates[i + 1] if i + 1 < len(candidates) else None
        pair = _pair(body, low, high) if high is not None else None
        if pair is not None:
            joined.extend(pair)
            i += 2
            continue
        joined.append(low)
        i += 1
    return joined


def _pair(body: str, low: Candidate, high: Candidate) -> list[Candidate] | None:
    """`low` and `high` as one range amount, or as the two ends of a change, when the
    words between them say so; None when they are unrelated."""
    between = body[low.end : high.start]
    connector = _CONNECTOR_RE.match(between)
    if connector is None or (high.currency is None and high.scale is None):
        return None
    if None not in (low.currency, high.currency) and low.currency != high.currency:
        return None
    word = connector.group("c").lower()
    lead = body[max(0, low.start - CHANGE_WINDOW) : low.start]
    changed = _CHANGE_RE.search(lead) is not None and _TARGET_RE.search(lead) is None
    if word in ("à", "to") and high.currency is not None and changed:
        return _change(low, high)  # 'passé de 5 M€ à 8 M€', 'rose from $5m to $8m'
    if word in _OPENER_NEEDED and not _opened(body, low.start, _OPENER_NEEDED[word]):
        return None  # '5 M€ et 8 M€' are two amounts unless 'entre' opens the pair
    low_value = _low_value(low, high, change=False)
    if low_value is None or not low_value < high.value:
        falling = word in ("à", "to") and high.currency is not None and _FROM_RE.search(lead)
        return _change(low, high) if falling else None  # 'de 150 à 90 M€' only falls
    currency = high.currency or low.currency
    return [Candidate(low.start, high.end, low_value, None, currency, high.value)]


def _change(low: Candidate, high: Candidate) -> list[Candidate] | None:
    """The two ends of a change; a bare start borrows the end's scale and currency."""
    if low.currency is not None:
        return None  # both ends are complete amounts already
    value = _low_value(low, high, change=True)
    if value is None:
        return None
    start = Candidate(low.start, low.end, value, None, high.currency, borrowed=True)
    return [start, high]


def _low_value(low: Candidate, high: Candidate, change: bool) -> float | None:
    """The low end's value, sharing the high end's scale where the figures say it should;
    None when neither reading makes sense."""
    if low.scale is not None or high.scale is None:
        return low.value
    scaled = low.number * high.scale
    if change:
        shares = high.value / MAX_CHANGE_RATIO <= scaled <= high.value * MAX_CHANGE_RATIO
    else:
        shares = scaled < high.value
    if shares:
        return scaled
    return low.number if low.number >= MIN_UNSCALED_LOW else None


def _opened(body: str, start: int, opener: str) -> bool:
    """Whether `opener` ('entre', 'between') stands just before `start`."""
    match = _RANGE_OPENER_RE.search(body[max(0, start - 12) : start])
    return match is not None and match.group("w").lower() == opener
