"""What the words around an amount tell: language, hedges, sentences, implied currency."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from tui.core.entities.amounts.currencies import DINAR, DIRHAM, GAP, HYPHEN, RUPEE, SEP, SPACES_RE
from tui.core.model import Amount

MAX_SENTENCE = 400
"""Longest reach, either side, of what counts as 'the same sentence'."""

MAX_PARAGRAPH = 2000
"""Longest reach, either side, of what counts as 'the same paragraph'."""

COUNT_WINDOW = 40
"""How far around a bare scaled number a count noun ('habitants', 'users') rules it out."""

DEFAULT_MARGIN = 2
"""How many times more often another country must be named than India for 'Rs' not to
be the Indian rupee."""

CONVERSION_WINDOW = 12
"""How far before an amount its opening bracket and hedge ('(soit ', '(about ') may start."""

CANADIAN_MARKERS_FR = 2
"""A French text with this many mentions of Québec, Canada, Montréal… writes CAD as `$`;
one is enough when dollars are written Québec-style, after the number ('250 000 $')."""

LOCAL_MARKERS_EN = 3
"""An English text needs this many mentions of Canada (Australia, …), and more than of
the US, to mean its local dollar by `$`."""

LOCAL_MARKERS_US_SIGN = 2
"""Fewer are needed when the text writes US dollars as `US$`: its bare `$` is then local."""

_FR_HINTS = re.compile(r"\b(?:le|la|les|des|du|est|une|et|pour|dans|qui|sur|avec|au)\b", re.I)
_EN_HINTS = re.compile(r"\b(?:the|and|of|to|is|in|for|with|that|on|was|by)\b", re.I)
_CANADA = re.compile(
    r"\b(?:qu[ée]bec\w*|montr[ée]al\w*|canad\w+|ottawa|toronto|vancouver|ontario|alberta|"
    r"gatineau|sherbrooke|laval|trois-rivi[èe]res|mauricie|saguenay|colombie-britannique)\b",
    re.I,
)
_DOLLAR_LANDS = {
    "CAD": _CANADA,
    "AUD": re.compile(
        r"\b(?:Australi\w*|Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Queensland|"
        r"Tasmania\w*|ASX|NSW)\b"
    ),
    "NZD": re.compile(r"\b(?:New Zealand\w*|Auckland|Wellington|Christchurch|NZX)\b"),
    "SGD": re.compile(r"\b(?:Singapor\w*|SGX)\b"),
}
_LOCAL_DOLLAR_SIGN = {
    "CAD": re.compile(r"(?<![\w$])(?:C|CA|CAN)\$|\$(?:CA|CAN)\b"),
    "AUD": re.compile(r"(?<![\w$])(?:A|AU)\$|\$AU\b"),
    "NZD": re.compile(r"(?<![\w$])NZ\$"),
    "SGD": re.compile(r"(?<![\w$])S\$"),
}
_US_DOLLAR_SIGN = re.compile(r"(?<![\w$])(?:US|U\.S\.)\$|\$US\b")
_DOLLAR_AFTER = re.compile(rf"\d(?:{GAP}(?:millions?|milliards?|M|Md|G))?{GAP}\$")
_CHINA = re.compile(
    r"\b(?:yuans?|renminbi|RMB|Chin\w*|chinois\w*|Beijing|Pékin|Shanghai|Shenzhen)\b", re.I
)
_JAPAN = re.compile(r"\b(?:yens?|Jap\w*|Tokyo|Osaka|nippon\w*)\b", re.I)
_BRITAIN = re.compile(
    r"£|\b(?:GBP|sterling|pence|UK|U\.K\.|Britain|British|London\w*|England|English|Scot\w+|"
    r"Wales|Welsh|FTSE|Royaume-Uni|britanni\w+|Londres|londonien\w*|Angleterre|anglais\w*|"
    r"[ée]cossais\w*)\b"
)
_WORD_LANDS = {
    DIRHAM: {
        "MAD": re.compile(
            r"\b(?:Maroc|marocain\w*|Morocc\w+|Casablanca|Rabat|Tanger|Marrakech)\b", re.I
        ),
        "AED": re.compile(r"\b(?:[ÉE]mirat\w*|Emirat\w*|Duba[iï]|Abu Dhabi|UAE|EAU)\b", re.I),
    },
    RUPEE: {
        "INR": re.compile(
            r"\b(?:Ind(?:ia|ian|e|ien\w*)|Mumbai|Delhi|Bengaluru|Bangalore|Sensex|Nifty)\b"
        ),
        "PKR": re.compile(r"\b(?:Pakistan\w*|Karachi|Lahore|Islamabad)\b"),
        "LKR": re.compile(r"\b(?:Sri Lank\w*|Colombo)\b"),
        "NPR": re.compile(r"\b(?:Nepal\w*|Kathmandu)\b"),
    },
    DINAR: {
        "TND": re.compile(r"\b(?:Tunisi\w*|Tunis)\b", re.I),
        "DZD": re.compile(r"\b(?:Alg[ée]ri\w*|Alger|Algiers)\b", re.I),
        "KWD": re.compile(r"\b(?:Kowe[iï]t\w*|Kuwait\w*)\b", re.I),
        "BHD": re.compile(r"\b(?:Bahre[iï]n\w*|Bahrain\w*)\b", re.I),
        "JOD": re.compile(r"\b(?:Jordan\w*|Jordani\w*)\b", re.I),
        "IQD": re.compile(r"\b(?:Irak\w*|Iraq\w*)\b", re.I),
        "LYD": re.compile(r"\b(?:Libye|Liby\w*)\b", re.I),
        "RSD": re.compile(r"\b(?:Serbi\w*)\b", re.I),
    },
}
_WORD_DEFAULTS = {RUPEE: "INR"}
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
_CONVERSION = re.compile(
    rf"\({GAP}(?:(?:soit|environ|about|around|or|some|roughly|près de|approx\.?|~){GAP})?$",
    re.I,
)
_HYPHEN_RE = re.compile(HYPHEN)
_SENTENCE_END = re.compile(r"[.!?…](?=[\s»\"”'’)]*(?:\s|$))|\n")
_MONEY_WORDS = (
    r"\b(?:invest\w*|lev[ée]\w*|lever|financ\w*|valoris\w*|valu\w*|chiffre d.affaires|"
    r"b[ée]n[ée]fice\w*|pertes?|r[ée]sultats?|revenus?|recettes?|PNB|EBITDA|dette\w*|"
    r"budget\w*|co[uû]t\w*|prix|pa(?:ye[rz]?|y[ée]e?s?|ie|ient|yait|yaient|id|ying|yments?)|"
    r"vers[eé]\w*|amendes?|indemni\w*|rach[ae]t\w*|"
    r"acqui\w*|cession\w*|vend(?:re|u|ue|us|ues|ent|ait|ra|rait)|montants?|capital|fonds|subvention\w*|pr[êe]ts?|"
    r"emprunt\w*|enveloppe\w*|aides?|apport\w*|contribution\w*|factur\w*|grants?|aid|dividende\w*|salaires?|d[ée]penses?|n[ée]goci\w*|offre\w*|"
    r"raise\w*|raising|funding|worth|revenues?|sales|profits?|loss(?:es)?|earnings|income|"
    r"fines?|fined|deals?|bought|buy\w*|sold|sell\w*|price\w*|costs?|debts?|loans?|"
    r"dividends?|salar\w*|bids?|settle\w*|spen[dt]\w*|tr[ée]sorerie|liquidit[ée]s|cash)(?!\w)"
)
_MONEY_CUES = re.compile(rf"{_MONEY_WORDS}|\b(?:euros?|dollars?)\b|[€$]", re.I)
_MONEY_WORDS_RE = re.compile(_MONEY_WORDS, re.I)
_RATE_WORDS = dict(
    pair.split(":")
    for pair in (
        "dollar:USD dollars:USD greenback:USD euro:EUR euros:EUR pound:GBP sterling:GBP "
        "yen:JPY yuan:CNY renminbi:CNY franc:CHF won:KRW rupee:INR roupie:INR rouble:RUB "
        "ruble:RUB"
    ).split()
)
"""Currency names quoted in exchange rates ('108.55 per dollar'), with their codes."""
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
_FR_MONEY_NOUNS = (
    r"investissements?|financements?|"
    r"b[ée]n[ée]fices?|pertes?|dettes?|budgets?|revenus?|ventes|subventions?|fonds|capital|"
    r"pr[êe]ts?|aides?|recettes?|d[ée]penses?|cr[ée]dits?|amendes?|dividendes?|[ée]conomies|"
    r"chiffre|indemnit[ée]s?|actifs|liquidit[ée]s|tr[ée]sorerie|valorisation"
)
_FR_NOT_COUNTS = re.compile(
    # A determiner after 'de' names a source, not a counted noun ('3 millions de la Région').
    rf"abord|ici|plus|moins|mieux|même|suite|autant|la|le|l|les|leurs?|son|sa|ses|"
    rf"cette|ce|cet|{_FR_MONEY_NOUNS}",
    re.I,
)
_EN_MONEY_NOUNS = re.compile(
    r"funding|investments?|financing|revenues?|sales|profits?|loss(?:es)?|debts?|budget|"
    r"fines?|deals?|loans?|capital|cash|dividends?|savings|assets|valuation|round",
    re.I,
)
_MONEY_NOUN_AFTER = re.compile(
    rf"{SEP}(?:(?:in|of|de|en){SEP}|d['’]{GAP})?(?:{_EN_MONEY_NOUNS.pattern}|{_FR_MONEY_NOUNS})\b",
    re.I,
)
_AFTER_EN = re.compile(rf"{SEP}(?P<w>[^\W\d_]+)")
_EN_FUNCTION_WORDS = frozenset(
    "in to for from at on by and or with a an the this that last next per each apiece ago "
    "over under more less up down into of as than while but so which after before".split()
)


_EN_COMPARATIVES = frozenset(["more", "fewer", "less", "new", "additional", "extra", "other"])
"""Words between a number and the noun it counts ('3 million more jobs')."""


def language(body: str, lang: str | None) -> str:
    """'fr' or 'en': the given language when known, else a guess from function words."""
    if lang:
        code = lang.lower()[:2]
        if code in ("fr", "en"):
            return code
    sample = body[:20000]
    return "fr" if len(_FR_HINTS.findall(sample)) > len(_EN_HINTS.findall(sample)) else "en"


def dollar_currency(body: str, lang: str) -> str:
    """What a bare `$` or 'dollars' means in this text: the local dollar of a Canadian,
    Australian, New Zealand or Singapore text, else USD. A text that marks its local
    dollars (`C$`, `A$`) keeps the bare sign for US dollars."""
    if lang == "fr":
        # Québec writes '358 millions $'; France writes '358 millions de dollars'.
        canadian = len(_CANADA.findall(body))
        quebec_style = _DOLLAR_AFTER.search(body) is not None
        enough = CANADIAN_MARKERS_FR - (1 if quebec_style else 0)
        return "CAD" if canadian >= max(1, enough) else "USD"
    counts = {code: len(places.findall(body)) for code, places in _DOLLAR_LANDS.items()}
    local = max(counts, key=lambda code: counts[code])
    if _LOCAL_DOLLAR_SIGN[local].search(body) is not None:
        return "USD"
    if _US_DOLLAR_SIGN.search(body) is not None and counts[local] >= LOCAL_MARKERS_US_SIGN:
        return local  # 'US$' written out: the bare sign is the local dollar
    if counts[local] >= LOCAL_MARKERS_EN and counts[local] > len(_USA.findall(body)):
        return local
    return "USD"


def local_currency(body: str, marker: str) -> str | None:
    """What 'dirhams', 'dinars' or 'rupees' mean here: the currency of the country the
    text names most; when it names none, INR for rupees and None (not scored) for the
    others."""
    counts = {code: len(land.findall(body)) for code, land in _WORD_LANDS[marker].items()}
    best = max(counts, key=lambda code: counts[code])
    default = _WORD_DEFAULTS.get(marker)
    if default is not None and counts[best] <= DEFAULT_MARGIN * counts[default]:
        return default  # another rupee needs its country named well more often than India
    return best if counts[best] > 0 else default


def is_british(body: str) -> bool:
    """Whether the text is about Britain or sterling, so that 'pounds' and '286p' are money."""
    return _BRITAIN.search(body) is not None


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


def is_conversion(body: str, amount: Amount) -> bool:
    """'2,3 milliards de francs (2,4 milliards d'euros)': an amount in brackets restates
    the one before in another currency."""
    return (
        _CONVERSION.search(body, max(0, amount.start - CONVERSION_WINDOW), amount.start) is not None
    )


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
    body: str,
    span: tuple[int, int],
    lang: str,
    sentences: Sentences,
    index: AmountIndex,
    next_start: int,
) -> bool:
    """Whether '60 millions' with no currency reads as money, not as a count. A count
    noun near it rules it out, unless it comes after the next number (at `next_start`):
    '3 millions de l'Ademe, pour 2 millions de visiteurs'."""
    start, end = span
    if _is_count(body, end, lang):
        return False
    s_start, s_end = sentences.sentence(start)
    if _MONEY_NOUN_AFTER.match(body, end) is not None:
        return True  # '2 milliards de ventes', '$3 billion in revenue'
    near = body[max(s_start, start - COUNT_WINDOW) : min(s_end, end + COUNT_WINDOW, next_start)]
    if _COUNT_NOUNS.search(near):
        return False
    # English states the currency on the first figure ('$4.5bn, from 4.2 billion'), so
    # only money words, not a currency, may come after; French often puts it last.
    after = _MONEY_WORDS_RE if lang == "en" else _MONEY_CUES
    if _MONEY_CUES.search(body, s_start, start) or after.search(body, end, s_end):
        return True
    if index.within(s_start, start if lang == "en" else s_end):
        return True
    p_start, p_end = sentences.paragraph(start)
    return lang == "fr" and index.within(p_start, p_end)


def continues_a_count(
    body: str, previous_end: int | None, span: tuple[int, int], lang: str
) -> bool:
    """'9 million subscribers …, bringing the total to 260 million': a bare scaled number
    whose nearest scaled neighbour before it (ending at `previous_end`, same sentence)
    counts things goes on counting them, unless a money word (not merely another amount)
    comes in between or a money noun after it."""
    start, end = span
    if previous_end is None or _MONEY_NOUN_AFTER.match(body, end) is not None:
        return False
    if _MONEY_WORDS_RE.search(body, previous_end, start) is not None:
        return False
    return _is_count(body, previous_end, lang)


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
    if _HYPHEN_RE.match(body, end):
        return True
    if lang == "fr":
        french = _COUNT_AFTER_FR.match(body, end)
        return french is not None and not _FR_NOT_COUNTS.fullmatch(french.group("w"))
    english = _AFTER_EN.match(body, end)
    if english is not None and english.group("w").lower() in _EN_COMPARATIVES:
        english = _AFTER_EN.match(body, english.end())  # '3 million more jobs'
    if english is None:
        return False
    word = english.group("w")
    return word.lower() not in _EN_FUNCTION_WORDS and not _EN_MONEY_NOUNS.fullmatch(word)
