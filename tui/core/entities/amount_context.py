"""What the words around an amount tell: language, hedges, sentences, implied currency."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from tui.core.entities.currencies import GAP, SEP, SPACES_RE
from tui.core.model import Amount

MAX_SENTENCE = 400
"""Longest reach, either side, of what counts as 'the same sentence'."""

MAX_PARAGRAPH = 2000
"""Longest reach, either side, of what counts as 'the same paragraph'."""

COUNT_WINDOW = 40
"""How far around a bare scaled number a count noun ('habitants', 'users') rules it out."""

CANADIAN_MARKERS_FR = 2
"""A French text with this many mentions of Québec, Canada, Montréal… writes CAD as `$`;
one is enough when dollars are written Québec-style, after the number ('250 000 $')."""

CANADIAN_MARKERS_EN = 3
"""An English text needs more, and more Canadian than US mentions, to mean CAD by `$`."""

_FR_HINTS = re.compile(r"\b(?:le|la|les|des|du|est|une|et|pour|dans|qui|sur|avec|au)\b", re.I)
_EN_HINTS = re.compile(r"\b(?:the|and|of|to|is|in|for|with|that|on|was|by)\b", re.I)
_CANADA = re.compile(
    r"\b(?:qu[ée]bec\w*|montr[ée]al\w*|canad\w+|ottawa|toronto|vancouver|ontario|alberta|"
    r"gatineau|sherbrooke|laval|trois-rivi[èe]res|mauricie|saguenay|colombie-britannique)\b",
    re.I,
)
_DOLLAR_AFTER = re.compile(rf"\d(?:{GAP}(?:millions?|milliards?|M|Md|G))?{GAP}\$")
_CHINA = re.compile(
    r"\b(?:yuans?|renminbi|RMB|Chin\w*|chinois\w*|Beijing|Pékin|Shanghai|Shenzhen)\b", re.I
)
_JAPAN = re.compile(r"\b(?:yens?|Jap\w*|Tokyo|Osaka|nippon\w*)\b", re.I)
_USA = re.compile(r"\b(?:U\.S\.|US|USA|United States|American|Wall Street|Nasdaq|NYSE)\b")
_QUALIFIER = re.compile(
    r"(?:\b(?:près|plus|moins|pas moins|autour|au-delà|au-dessus|en-dessous|à peine)"
    rf"{SEP}(?:de|d['’]){GAP}"
    rf"|\bde{SEP}l['’]ordre{SEP}(?:de|d['’]){GAP}"
    rf"|\bjusqu['’](?:{GAP}à|{GAP}au)?{GAP}"
    rf"|\b(?:environ|quelque|au moins|dépassant|entre|atteignant|"
    r"about|nearly|almost|around|approximately|roughly|some|over|under|more than|less than|"
    r"fewer than|up to|at least|as much as|as little as|just over|just under|between|"
    r"upwards of|close to|in excess of)"
    rf"{SEP})",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…](?=[\s»\"”'’)]*(?:\s|$))|\n")
_MONEY_CUES = re.compile(
    r"\b(?:invest\w*|lev[ée]\w*|lever|financ\w*|valoris\w*|valu\w*|chiffre d.affaires|"
    r"b[ée]n[ée]fice\w*|pertes?|r[ée]sultats?|revenus?|recettes?|PNB|EBITDA|dette\w*|"
    r"budget\w*|co[uû]t\w*|prix|pa(?:ye[rz]?|y[ée]e?s?|ie|ient|yait|yaient|id|ying|yments?)|"
    r"vers[eé]\w*|amendes?|indemni\w*|rach[ae]t\w*|"
    r"acqui\w*|cession\w*|vend(?:re|u|ue|us|ues|ent|ait|ra|rait)|montants?|capital|fonds|subvention\w*|pr[êe]ts?|"
    r"emprunt\w*|enveloppe\w*|dividende\w*|salaires?|d[ée]penses?|n[ée]goci\w*|offre\w*|"
    r"raise\w*|raising|funding|worth|revenues?|sales|profits?|loss(?:es)?|earnings|income|"
    r"fines?|fined|deals?|bought|buy\w*|sold|sell\w*|price\w*|costs?|debts?|loans?|"
    r"dividends?|salar\w*|bids?|settle\w*|spen[dt]\w*|euros?|dollars?|€|\$)(?!\w)",
    re.I,
)
_RATE_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "greenback": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "franc": "CHF",
    "won": "KRW",
    "rupee": "INR",
    "roupie": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
}
_RATE_WORD = re.compile(rf"\b(?:{'|'.join(_RATE_WORDS)})\b", re.I)
_PER_UNIT = re.compile(
    rf"{SEP}(?:per|a|to{SEP}the|against{SEP}the|pour{SEP}un|par|contre{SEP}un)"
    rf"{SEP}(?P<base>dollar|euro|pound|greenback)\b",
    re.I,
)
_COUNT_NOUNS = re.compile(
    r"\b(?:habitants?|population|personnes|people|utilisateurs?|users?|abonn[ée]s?|"
    r"subscribers?|clients?|customers?|employ[ée]s|employees|salari[ée]s|visiteurs?|visitors?|"
    r"exemplaires|copies|unit[ée]s|units|actions|shares|tonnes|tons|barils|barrels|km|"
    r"kilom[eè]tres|miles|voitures|cars|vues|views|t[ée]l[ée]chargements|downloads|"
    r"spectateurs|viewers|[ée]lecteurs|voters|votes|membres|members|patients|[ée]l[èe]ves|"
    r"students|foyers|households|m[eè]tres|hectares|doses|followers|abonnements)\b",
    re.I,
)
_COUNT_AFTER_FR = re.compile(rf"{GAP}(?:de|des|d['’]){GAP}(?P<w>[^\W\d_]+)", re.I)
_FR_NOT_COUNTS = re.compile(
    r"abord|ici|plus|moins|mieux|même|suite|autant|investissements?|financements?|"
    r"b[ée]n[ée]fices?|pertes?|dettes?|budgets?|revenus?|ventes|subventions?|fonds|capital|"
    r"pr[êe]ts?|aides?|recettes?|d[ée]penses?|cr[ée]dits?|amendes?|dividendes?|[ée]conomies|"
    r"chiffre|indemnit[ée]s?|actifs|liquidit[ée]s|tr[ée]sorerie|valorisation",
    re.I,
)
_EN_MONEY_NOUNS = re.compile(
    r"funding|investments?|financing|revenues?|sales|profits?|loss(?:es)?|debts?|budget|"
    r"fines?|deals?|loans?|capital|cash|dividends?|savings|assets|valuation|round",
    re.I,
)
_AFTER_EN = re.compile(rf"{SEP}(?P<w>[^\W\d_]+)")
_EN_FUNCTION_WORDS = frozenset(
    [
        "in",
        "to",
        "for",
        "from",
        "at",
        "on",
        "by",
        "and",
        "or",
        "with",
        "a",
        "an",
        "the",
        "this",
        "that",
        "last",
        "next",
        "per",
        "each",
        "apiece",
        "ago",
        "over",
        "under",
        "more",
        "less",
        "up",
        "down",
        "into",
        "of",
        "as",
        "than",
        "while",
        "but",
        "so",
        "which",
        "after",
        "before",
    ]
)


def language(body: str, lang: str | None) -> str:
    """'fr' or 'en': the given language when known, else a guess from function words."""
    if lang:
        code = lang.lower()[:2]
        if code in ("fr", "en"):
            return code
    sample = body[:20000]
    return "fr" if len(_FR_HINTS.findall(sample)) > len(_EN_HINTS.findall(sample)) else "en"


def dollar_currency(body: str, lang: str) -> str:
    """What a bare `$` or 'dollars' means in this text: CAD in a Canadian one, else USD."""
    canadian = len(_CANADA.findall(body))
    if lang == "fr":
        # Québec writes '358 millions $'; France writes '358 millions de dollars'.
        quebec_style = _DOLLAR_AFTER.search(body) is not None
        enough = CANADIAN_MARKERS_FR - (1 if quebec_style else 0)
        return "CAD" if canadian >= max(1, enough) else "USD"
    if canadian >= CANADIAN_MARKERS_EN and canadian > len(_USA.findall(body)):
        return "CAD"
    return "USD"


def yen_currency(body: str) -> str:
    """What a bare `¥` means in this text: CNY when China is talked about more than Japan."""
    china = len(_CHINA.findall(body))
    return "CNY" if china > len(_JAPAN.findall(body)) else "JPY"


def qualifiers(body: str) -> dict[int, str]:
    """The hedges in `body` ('près de', 'up to'), keyed by where they end (where an amount
    they qualify would start), spaces tidied."""
    return {m.end(): SPACES_RE.sub(" ", m.group()).strip() for m in _QUALIFIER.finditer(body)}


class Sentences:
    """Sentence and paragraph boundaries of a body, found once.

    Spans are clipped to `MAX_SENTENCE` / `MAX_PARAGRAPH` characters either side of
    the position asked about, so text with no punctuation costs no more than prose.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self.ends = [m.end() for m in _SENTENCE_END.finditer(body)]
        self.breaks = [m.start() for m in re.finditer("\n", body)]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The span of the sentence holding `pos`."""
        i = bisect.bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.body)
        return max(start, pos - MAX_SENTENCE), min(end, pos + MAX_SENTENCE)

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The span of the line (paragraph) holding `pos`."""
        i = bisect.bisect_right(self.breaks, pos)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.body)
        return max(start, pos - MAX_PARAGRAPH), min(end, pos + MAX_PARAGRAPH)


class AmountIndex:
    """Amounts sorted by position, to ask which lie in a span without a scan."""

    def __init__(self, amounts: Sequence[Amount]) -> None:
        self.amounts = sorted(amounts, key=lambda a: a.start)
        self.starts = [a.start for a in self.amounts]

    def within(self, start: int, end: int) -> bool:
        """Whether an amount starts in `[start, end)`."""
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end

    def nearest(self, pos: int, start: int, end: int) -> Amount | None:
        """The amount starting in `[start, end)` closest to `pos`."""
        i = bisect.bisect_left(self.starts, pos)
        near = [
            self.amounts[j]
            for j in (i - 1, i)
            if 0 <= j < len(self.starts) and start <= self.starts[j] < end
        ]
        return min(near, key=lambda a: abs(a.start - pos)) if near else None


def dominant_currency(amounts: Sequence[Amount]) -> str | None:
    """The currency most amounts use; the first seen wins a tie."""
    counts = Counter(a.currency for a in amounts if a.currency)
    if not counts:
        return None
    best = max(counts.values())
    return next(a.currency for a in amounts if a.currency and counts[a.currency] == best)


def nearest_currency(pos: int, sentences: Sentences, index: AmountIndex) -> str | None:
    """The currency of the closest explicit amount in the same sentence, else paragraph."""
    for start, end in (sentences.sentence(pos), sentences.paragraph(pos)):
        near = index.nearest(pos, start, end)
        if near is not None:
            return near.currency
    return None


def bare_scaled_is_money(
    body: str, span: tuple[int, int], lang: str, sentences: Sentences, index: AmountIndex
) -> bool:
    """Whether '60 millions' with no currency reads as money, not as a count."""
    start, end = span
    if _is_count(body, end, lang):
        return False
    s_start, s_end = sentences.sentence(start)
    near = body[max(s_start, start - COUNT_WINDOW) : min(s_end, end + COUNT_WINDOW)]
    if _COUNT_NOUNS.search(near):
        return False
    if _MONEY_CUES.search(body[s_start:start] + " " + body[end:s_end]):
        return True
    if index.within(s_start, s_end):
        return True
    p_start, p_end = sentences.paragraph(start)
    return lang == "fr" and index.within(p_start, p_end)


def rate_currency(body: str, end: int, sentences: Sentences) -> str | None:
    """'108.55 per dollar' in a sentence about the yen: the price of a dollar in yen."""
    match = _PER_UNIT.match(body, end)
    if match is None:
        return None
    base = _RATE_WORDS[match.group("base").lower()]
    start, stop = sentences.sentence(end)
    others = [
        (m.start() > end, abs(m.start() - end), _RATE_WORDS[m.group().lower()])
        for m in _RATE_WORD.finditer(body, start, stop)
        if _RATE_WORDS[m.group().lower()] != base
    ]
    return min(others)[2] if others else None  # nearest before the number, else after


def _is_count(body: str, end: int, lang: str) -> bool:
    """'3 millions de clients', '2 million users': a noun follows, so it counts things;
    'billion-dollar company' is an adjective, not an amount."""
    if body.startswith("-", end):
        return True
    if lang == "fr":
        french = _COUNT_AFTER_FR.match(body, end)
        return french is not None and not _FR_NOT_COUNTS.fullmatch(french.group("w"))
    english = _AFTER_EN.match(body, end)
    if english is None:
        return False
    word = english.group("w")
    return word.lower() not in _EN_FUNCTION_WORDS and not _EN_MONEY_NOUNS.fullmatch(word)
