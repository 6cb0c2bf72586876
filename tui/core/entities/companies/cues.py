"""Context and shape evidence that a capitalised name is a company.

The phrases come from the data file's word lists; this module turns them into
patterns over the text just before and just after a name, which the context features
(`context`) test: company nouns and cue words before or after a name ('la start-up X',
'X a levé'), business acts, roles and listings ('le rachat de X', 'PDG de X', 'shares of
X', 'X (NASDAQ: XX)'), appositions, lists, products, markets and public-body nouns.
`company_shape` judges a name by its spelling.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tui.core.entities.companies.gazetteer import lexicon, words_list

WINDOW = 80
"""Characters of context read on each side of a name."""

NOT_ADJECTIVE = r"(?:de|du|des|of|for|par|by|à|au|aux|avec|with|sur|on|in|en|pour|dont|qui|que)\b"
"""Words that end the adjectives between a company noun and its name."""

CAMEL = re.compile(r"(?:[A-Z][a-zà-ÿ]+){2,}(?:AI)?|[A-Z][a-zà-ÿ]+AI")
"""'SkyPulse', 'OpenAI': capitals inside one word (not 'ChatGPT', not 'iPhone')."""

SHAPED_TAIL = re.compile(
    r"^[A-Z][\w\-]*?(?:Tech|Soft|Bank|Pay|Labs?|Data|Cloud|Invest|Capital|Pharma|Bio|Med)$"
)
"""'FinTech'-like tails glued to a name: 'Kelvitech' does not count, 'KelviTech' does."""


OF_WORDS = (
    r"(?:\s+(?:de|d'|des|du)\s*(?!(?:la|le|les|l'|milliardaire|magnat|famille|patron|fondat"
    r"|homme|femme)\w*)(?:[a-zà-ÿ'\-]+\s+){0,3}?[a-zà-ÿ\-]+)?"
)
"""'le fabricant de vélos X', 'le groupe de presse X' (not 'le groupe du milliardaire X')."""


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _phrases(key: str) -> str:
    """A data-file phrase list as an alternation; a space also matches a newline."""
    words = [w.replace("’", "'") for w in words_list(key)]
    return _alternation(words).replace(r"\ ", r"\s+")


@cache
def cue_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(before, after, adjacent): context just before or after a company name.

    `adjacent` is strong enough to hold even when spaCy calls the name a person
    ('le tabloïd X', 'strategist at X'); the others need a name spaCy did not tag
    as a person or a place.
    """
    lex = lexicon()
    all_cues = [c.replace("’", "'") for c in lex.cues_before.get(lang, ())]
    noun_set = {n.split()[-1] for n in lex.company_nouns}
    loose = _alternation([c for c in all_cues if c.split()[-1].split("'")[-1] in noun_set])
    tight = _alternation([c for c in all_cues if c.split()[-1].split("'")[-1] not in noun_set])
    nations = _alternation(lex.nationalities)
    gap = 4 if lang == "fr" else 1
    before = re.compile(
        rf"(?:(?:^|\W)(?i:{loose})(?:\s+[a-zà-ÿ'\-]+){{0,{gap}}}"
        rf"|(?:^|\W)(?i:{tight})"
        rf"|(?:\bl'|\ble\s|\bla\s)(?:{nations}))\s*[,:]?\s+$"
    )
    nouns = _alternation(lex.company_nouns)
    jobs = _alternation(lex.job_words)
    article = "(?i:la|le|l'|les|son|sa|ses|leur|leurs|une?|du|au)\\s*" if lang == "fr" else ""
    of_words = OF_WORDS if lang == "fr" else ""
    adjacent = re.compile(
        rf"(?:\b{article}(?i:{nouns})s?(?:\s+(?!{NOT_ADJECTIVE})[a-zà-ÿ\-]+){{0,2}}{of_words}"
        rf"|\b(?i:{jobs})s?(?:\s+[a-z]+){{0,3}}\s+(?:at|chez))\s+$"
    )
    after_cues = _alternation([c.replace("’", "'") for c in lex.cues_after])
    after = re.compile(rf"^\s*(?:{after_cues})\b")
    return before, after, adjacent


@cache
def strong_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(before, after): business acts, roles and listings that only companies have."""
    before = re.compile(rf"(?:^|[^\w'])(?i:{_phrases('strong_before_' + lang)})\s*$")
    after = re.compile(rf"^(?i:{_phrases('strong_after_' + lang)})(?!\w)")
    return before, after


@cache
def appositive(lang: str) -> re.Pattern[str]:
    """', a Boston-based data firm', ', fabricant de…', ', which it acquired', ', qui a
    levé…': strong whatever spaCy says (but not after a person's full name)."""
    nouns = _alternation(lexicon().company_nouns)
    roles = _phrases("appositive_roles")
    article = r"(?:a|an|the)\s+" if lang == "en" else r"(?:(?:une?|la|le)\s+|l')"
    return re.compile(
        rf"^\s*[,:]\s+{article}(?:[\w'\-]+\s+){{0,4}}?(?:{nouns})\b"
        rf"|^\s*,\s+which\s+(?:it|\w+)\s+(?:acquired|bought|purchased|owns)\b"
        rf"|^\s*,\s+(?:(?:a\s+)?(?:nouvel(?:le)?|nouveau|ancien(?:ne)?|premier|première)\s+)?"
        rf"(?i:{roles})\b"
    )


LIST_INTRO = re.compile(
    r"\b(?i:investisseurs|fonds|entreprises|sociétés|start-ups?|startups|jeunes pousses"
    r"|groupes|banques|assureurs|concurrents|rivaux|investors|backers|firms|companies|funds"
    r"|rivals|competitors|lenders|banks|insurers)(?:\s+[a-zà-ÿ\-]+){0,3},?"
    r"\s+(?:comme|tels? que|telles? que|dont|notamment|parmi lesquels|such as|including|like)"
    r"\s+$"
)
"""'des investisseurs solides comme X', 'rivals such as X': the first of a list of companies."""
INVESTED = re.compile(
    r"\b(?:investi|injecté|invested|put)\b[^.;]{0,60}\b(?:dans|in)\s+$", re.IGNORECASE
)
"""'a investi 300 millions de dollars dans X', 'invested $40m in X'."""
PARTICIPLE = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?i:fondée?|créée?|introduite?|cotée?|valorisée?|rachetée?"
    r"|basée|installée|implantée|founded|listed|valued|acquired|leader|spécialiste|numéro un"
    r"|fabricant|éditeur|filiale|pionnier|champion)\b[^,.;:!?«»\"]{1,50},\s*$"
)
"""'Fondée en 2019, X', 'Leader du secteur, X': a company described before it is named."""
MARKET_PLACE = re.compile(
    r"\b(?i:listed|traded|quoted|trades|trading|debuted|floated|cotée?s?|introduite?s?)"
    r"\s+(?:on|à|sur)\s+(?:the\s+|la\s+|le\s+)?$"
)
"""'listed on the X Exchange', 'cotée sur X': X is a market, not a company in the story."""
OFFERING = re.compile(
    r"\s+(?:via\s+[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)?\s+)?(?:is|are)\s+(?:now\s+)?"
    r"(?:offering|selling|discounting)\b(?:[^.\n]|\.(?=\d)){0,120}?(?:\$|€|£)\s?\d"
)
"""'X via Y is offering the … for $99': a retailer selling at a price."""
DATA_SOURCE = re.compile(
    r"\b(?i:selon|d'après|réf[èé]r\w*\s+(?:à|aux?))\s+(?:le|les|la|l'|un|une)?\s*"
    r"(?:décompte|données|chiffres|classement|baromètre|estimations?|calculs|pointage|relevé"
    r"|étude)(?:\s+\d{4})?\s+(?:de|d')\s*$"
    r"|\b(?i:according\s+to|citing)\s+(?:data|figures|estimates|a\s+tally|a\s+count)"
    r"\s+(?:from|by|compiled\s+by)\s+$"
)
"""'selon le décompte de X', 'according to data from X': a data provider named without an
article ('de l'Insee', 'from the BLS' are public bodies and keep theirs)."""


def market_place(body: str, start: int) -> bool:
    """The name follows 'listed on (the)' or 'cotée sur': a stock market, a place
    ('aluminium on the X Exchange' names the exchange as a business and stays a company)."""
    return MARKET_PLACE.search(body[max(0, start - 30) : start]) is not None


@cache
def _described() -> re.Pattern[str]:
    nouns = _alternation(lexicon().company_nouns)
    return re.compile(
        rf"\b(?i:le|la|l'|the)\s*(?i:{nouns})(?:\s+[a-zà-ÿ\-]+){{0,3}}"
        rf"(?:\s+(?:de|du|des|of)\s+(?:la\s+|l'|le\s+|les\s+|the\s+)?[a-zà-ÿ\-]+){{0,2}}"
        r",\s+$"
    )


def described_before(body: str, start: int) -> bool:
    """'le numéro trois polonais de l'énergie, X', 'the largest lender of the region, X':
    a company noun phrase set off by a comma right before the name."""
    before = body[max(0, start - 90) : start].replace("’", "'")
    return _described().search(before) is not None


def strong_cue(body: str, start: int, end: int, lang: str) -> bool:
    """'le rachat de X', 'PDG de X', 'X a levé', 'shares of X', 'X (NYSE: XX)', 'X-owned'."""
    before_re, after_re = strong_patterns(lang)
    before = body[max(0, start - WINDOW) : start].replace("’", "'")
    after = body[end : end + WINDOW].replace("’", "'")
    if after_re.match(after) or PARTICIPLE.search(before) or LIST_INTRO.search(before):
        return True
    return not re.match(r"'s\b", after) and before_re.search(before) is not None


def company_shape(text: str) -> bool:
    """A name spelled like a company: 'SkyPulse', 'OpenAI', 'KelviTech', 'Zorbex.io'."""
    return bool(CAMEL.fullmatch(text) or SHAPED_TAIL.match(text))


@cache
def _product_before() -> re.Pattern[str]:
    words = _phrases("product_words")
    return re.compile(
        rf"(?:\b(?i:{words})s?(?:\s+[a-zà-ÿ\-]+){{0,2}}|\b(?i:son|sa|ses|its|their|his|her))\s+$"
    )


def product_context(body: str, start: int, end: int) -> bool:
    """'l'application X', 'its new X', 'X 5': a product or a model, not its maker."""
    before = body[max(0, start - 40) : start].replace("’", "'")
    if _product_before().search(before):
        return True
    return re.match(r"\s?\d", body[end : end + 3]) is not None


@cache
def _deal_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?i:{_phrases('deal_words')})")


def deal_sentence(body: str, start: int, end: int) -> bool:
    """The sentence around [start, end) is about funding or a deal ('lève 7 M€')."""
    left = max(body.rfind(stop, 0, start) for stop in (". ", "\n", "! ", "? "))
    right = min((i for i in (body.find(stop, end) for stop in (". ", "\n")) if i != -1), default=-1)
    sentence = body[left + 1 : right if right != -1 else len(body)]
    return _deal_words().search(sentence) is not None


@cache
def _body_noun() -> re.Pattern[str]:
    return re.compile(rf"(?:^|[^\w'])(?i:{_phrases('non_company_nouns')})\s+$")


def body_noun_before(body: str, start: int) -> bool:
    """'le parti X', 'l'ONG X', 'the charity X': a name introduced as a non-company body."""
    before = body[max(0, start - 30) : start].replace("’", "'")
    return _body_noun().search(before) is not None
