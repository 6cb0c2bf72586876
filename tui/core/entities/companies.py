"""Companies and other organisations named in a body.

Candidates come from spaCy entity spans, capitalised word sequences and the
gazetteer (`company_candidates`); rules confirm or reject each one (known names, legal
forms, head words, context cues from `company_cues`, words that mark a non-company
body). Names listed next to a company are companies too; confirmed names are merged
into one row per company and every occurrence in the body becomes a mention
(`company_rows`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache

from tui.core.entities import company_cues as cues
from tui.core.entities import gazetteer as gz
from tui.core.entities.company_candidates import (
    LEADING,
    MAX_SPAN_CHARS,
    UP,
    Candidate,
    Span,
    candidates,
    has_plain_words,
    keeps_article,
    sentence_start,
    trimmed,
)
from tui.core.entities.company_rows import Found, build_rows, coordinated, is_acronym
from tui.core.language import guess_language
from tui.core.model import Company, Organisation

DE_LOWER = re.compile(rf"^[{UP}][\w'’\-]* (?:(?:de|des|du|de la) |d['’]|de l['’])?[a-zà-ÿ]")
PORTFOLIO = re.compile(
    r"\b(?:ministre|ministère|minister|ministry|secretary|secrétaire)"
    r"\s+(?:de la|de l['’]|du|des|de|d['’]|of|of the|for)\s*$",
    re.IGNORECASE,
)
COORDINATOR = re.compile(r",|;| et | and | ou | or ")
OF_SUFFIX = re.compile(r"^\S+ (?:of|de|des|du|d['’]) ?(?=[A-Z])")
CONNECTOR = re.compile(r"\s*(?:(?:of|de|des|du)\s+|d['’])?")
FRENCH_CONNECTOR = re.compile(r"\s*(?:(?:de|des|du)\s+|d['’])?")
MARKETS = ("Bourse", "Euronext", "Nasdaq", "NYSE", "Deutsche Börse", "London Stock")
"""Names that, after 'listed on', are the market itself."""

log = logging.getLogger(__name__)


def find_companies(
    body: str, lang: str | None, spans: Sequence[tuple[int, int, str]]
) -> tuple[tuple[Company, ...], tuple[Organisation, ...]]:
    """Companies (all mentions merged per company) and non-company organisations."""
    try:
        language = lang if lang in ("fr", "en") else (guess_language(body) or "fr")
        return _find(body, language, spans)
    except Exception:  # the entity pass must never take the article down
        log.exception("company finder failed")
        return (), ()


def _find(
    body: str, lang: str, spans: Sequence[Span]
) -> tuple[tuple[Company, ...], tuple[Organisation, ...]]:
    spans = sorted((s, e, lab) for s, e, lab in spans if 0 <= s < e <= len(body))
    spans = [(s, e, lab) for s, e, lab in spans if e - s <= MAX_SPAN_CHARS]
    surnames = _surnames(body, spans)
    if lang == "en":  # the French model runs on across English clauses: those labels are noise
        spans = [(s, e, lab) for s, e, lab in spans if not has_plain_words(body[s:e])]
    found = _organisation_spans(body, spans, lang)
    left: list[Candidate] = []
    for cand in candidates(body, spans):
        verdict = classify(body, cand, lang)
        if verdict is not None and verdict.entry is None and _text(body, verdict) in surnames:
            continue
        if verdict is not None:
            found.append(verdict)
        elif _plausible(body, cand):
            left.append(cand)
    listed = coordinated(body, found, [(c.start, c.end, c.label) for c in left], lang)
    found += [f for f in listed if _text(body, f) not in surnames]
    countries = gz.lexicon().country_names
    aliases = [body[c.start : c.end] for c in left if c.label != "LOC"]
    return build_rows(body, found, [a for a in aliases if a not in countries])


def _text(body: str, found: Found) -> str:
    return body[found.start : found.end]


def _surnames(body: str, spans: Sequence[Span]) -> frozenset[str]:
    """Last names of people named in full ('Taylor Swift' makes 'Swift' a person)."""
    out = set()
    for start, end, label in spans:
        words = body[start:end].split()
        opener = words[0].lower() in cues.cue_words() if words else False
        if label == "PER" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            if opener:  # 'Rival Zorbex' is not a person
                continue
            out.add(words[-1])
        elif label == "MISC" and _person_shaped(_capitalised_tail(words)):
            out.add(words[-1])
    return frozenset(out)


def _capitalised_tail(words: Sequence[str]) -> list[str]:
    """The capitalised words that end a span ('dispute with Jolene Marsh' -> two)."""
    tail: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        tail.insert(0, word)
    return tail


def _person_shaped(words: Sequence[str]) -> bool:
    """'Jolene Marsh' tagged MISC: two plain capitalised words, neither one known, no
    company form, read as a first name and a surname."""
    if len(words) != 2 or not all(re.fullmatch(rf"[{UP}][a-zà-ÿ]+", w) for w in words):
        return False
    lex = gz.lexicon()
    if words[0].lower() in cues.cue_words() or words[0].lower() in lex.title_words:
        return False
    plain = words[0] not in lex.company_prefixes and words[0].lower() not in gz.stop_words()
    unknown = gz.lookup(" ".join(words)) is None and gz.lookup(words[0]) is None
    return plain and unknown and not gz.has_company_form(words)


def _organisation_spans(body: str, spans: Sequence[Span], lang: str) -> list[Found]:
    """spaCy ORG spans such as 'ministère de l'Économie' or 'Caisse de grève': in French,
    a name that goes on in lowercase after 'de' is a public body or an institution."""
    out = []
    for start, full_end, label in spans:
        end = _first_item(body, start, full_end)
        text = body[start:end]
        if label != "ORG" or not has_plain_words(text) or gz.lookup(text) is not None:
            continue
        words = text.split()
        if words[0].lower() in gz.lexicon().title_words:
            continue
        if gz.organisation_kind(words) is None and gz.has_company_form(words):
            continue
        if lang != "fr" and has_plain_words(text.replace(" and ", " ")):
            continue
        if gz.organisation_kind(words) is not None or (lang == "fr" and DE_LOWER.match(text)):
            lead = LEADING.match(text)
            start += lead.end() if lead and text[: lead.end()].strip() != "d'" else 0
            out.append(Found(start, end, "organisation", "organisation"))
    return out


def _first_item(body: str, start: int, end: int) -> int:
    """The end of the first item of a listed span ('SEC and the FTC' -> 'SEC')."""
    cut = COORDINATOR.search(body, start, end)
    return cut.start() if cut else end


def _plausible(body: str, cand: Candidate) -> bool:
    """A rejected candidate that may still be an alias or a list item: one name, not a
    person or place, not capitalised only by its position."""
    text = body[cand.start : cand.end]
    several = " " in text.strip()
    if (cand.label == "PER" and several) or text.split()[0].lower() in gz.stop_words():
        return False
    if re.match(r"['’]s\b", body[cand.end : cand.end + 2]):
        return False
    if text in gz.lexicon().calendar_words:
        return False
    return cand.label in ("ORG", "MISC") or not sentence_start(body, cand.start)


def classify(body: str, cand: Candidate, lang: str) -> Found | None:
    """A company or organisation verdict for one candidate, or None to drop it."""
    text = body[cand.start : cand.end]
    if cues.market_place(body, cand.start) and _market_name(text):
        return Found(cand.start, cand.end, "organisation", "market")
    entry = gz.lookup(text)
    if entry is not None:
        return _known(body, cand, entry, lang)
    words = text.split()
    rest = _after_opener(body, cand, words)
    if rest is not None:
        return classify(body, rest, lang) if rest.end > rest.start else None
    if _not_a_name(body, cand, words) or text in gz.lexicon().country_names:
        return None
    body_noun = cues.body_noun_before(body, cand.start)
    cue = not body_noun and cues.has_cue(body, cand.start, cand.end, cand.label, lang)
    if len(words) == 1 and cand.label != "ORG" and not cue and sentence_start(body, cand.start):
        return None
    of_suffix = OF_SUFFIX.match(text)
    if of_suffix and gz.has_company_form(text[of_suffix.end() :].split()):
        suffix = Candidate(cand.start + of_suffix.end(), cand.end, cand.label)
        return classify(body, suffix, lang)
    parent = _country_unit(text)
    if parent is not None:
        return Found(cand.start, cand.end, "company", entry=parent)
    if _holds_known_name(text) and not gz.has_company_form(words):
        return None
    kind = gz.organisation_kind(words) or ("organisation" if body_noun else None)
    if kind is not None:
        return Found(cand.start, cand.end, "organisation", kind)
    formal = gz.has_company_form(words) and not _descriptive(body, words)
    formal = formal and not _runs_on(body, cand)
    if formal or cue or gz.is_domain_name(text):
        return Found(cand.start, cand.end, "company")
    ordinary = is_acronym(text) or _used_lowercase(body, text)
    if lang == "fr" and not ordinary and (cand.label == "ORG" or _shaped(body, cand)):
        return Found(cand.start, cand.end, "company", weak=True)
    return _tail_of(body, cand, lang)


def _market_name(text: str) -> bool:
    """'SIX Swiss Exchange', 'Nasdaq', 'Euronext Paris' after 'listed on': a market."""
    entry = gz.lookup(text)
    head = text.split()[-1].lower()
    if head in ("exchange", "bourse", "market") or text.startswith(MARKETS):
        return True
    return entry is not None and entry.kind not in (gz.COMPANY, gz.INDEX)


def _after_opener(body: str, cand: Candidate, words: Sequence[str]) -> Candidate | None:
    """The rest of a run whose first word is capitalised only by its place: a stop word,
    a title ('PDG Zorbex'), a cue opening the sentence ('Rival Zorbex', 'Shares of X').
    None when the run does not open that way; an empty candidate when nothing is left."""
    text = body[cand.start : cand.end]
    first = words[0].lower().strip("'’,")
    at_start = sentence_start(body, cand.start)
    positional = at_start and _used_lowercase(body, words[0])
    openers = gz.stop_words() | gz.lexicon().title_words
    article = words[0] in ("La", "Le", "Les", "The") and not at_start
    if article or keeps_article(text):
        return None
    cue_word = at_start and first in cues.cue_words() and len(words) > 1
    if not (first in openers or cue_word or (positional and len(words) > 1)):
        return None
    empty = Candidate(cand.start, cand.start, cand.label)
    connector = CONNECTOR if cue_word else FRENCH_CONNECTOR  # not 'Head of Sales'
    rest = connector.match(body, cand.start + len(words[0]), cand.end)
    if len(words) < 2 or rest is None or rest.end() >= cand.end:
        return empty
    pieces = trimmed(body, rest.end(), cand.end, cand.label)
    return pieces[0] if pieces else empty


def _shaped(body: str, cand: Candidate) -> bool:
    """'SkyPulse', 'KelviTech' not used as a product ('son assistant NovaChat'); a MISC
    one only in a sentence about a deal."""
    text = body[cand.start : cand.end]
    if cand.label == "LOC" or not cues.company_shape(text):
        return False
    if cand.label == "MISC" and not cues.deal_sentence(body, cand.start, cand.end):
        return False  # spaCy's MISC is mostly products: 'PowerPoint', 'PlayStation'
    return not cues.product_context(body, cand.start, cand.end)


def _tail_of(body: str, cand: Candidate, lang: str) -> Found | None:
    """'Shares of Zorbex' found nothing: the name after 'of'/'de' may still be one."""
    of_suffix = OF_SUFFIX.match(body[cand.start : cand.end])
    if of_suffix is None or cand.start + of_suffix.end() >= cand.end:
        return None
    return classify(body, Candidate(cand.start + of_suffix.end(), cand.end, cand.label), lang)


def _country_unit(text: str) -> gz.Entry | None:
    """'Uber France' is Uber: a known company followed by a country name."""
    head, _, tail = text.rpartition(" ")
    if not head or tail not in gz.lexicon().country_names:
        return None
    entry = gz.lookup(head)
    return entry if entry is not None and entry.kind == gz.COMPANY else None


def _holds_known_name(text: str) -> bool:
    """'Article Le Monde', 'Dépêche AFP': the known name inside is the candidate."""
    return any(end - start < len(text) for start, end in gz.known_spans(text))


def _used_lowercase(body: str, word: str) -> bool:
    """'Grève' is an ordinary word when the text also writes 'grève'."""
    lower = word.lower()
    if lower == word:
        return False
    if " " not in lower and "-" not in lower:
        return lower in _words(body)
    return _occurs(body, lower)


def _occurs(body: str, phrase: str) -> bool:
    """`phrase` appears in `body` as whole words (str.find, no regex over the body)."""
    at = body.find(phrase)
    while at != -1:
        end = at + len(phrase)
        if (at == 0 or not body[at - 1].isalnum()) and (
            end == len(body) or not body[end].isalnum()
        ):
            return True
        at = body.find(phrase, at + 1)
    return False


@lru_cache(maxsize=4)
def _words(body: str) -> frozenset[str]:
    """Every word of the body as written, for the lowercase checks."""
    return frozenset(re.findall(r"\w+(?:['’]\w+)?", body))


def _not_a_name(body: str, cand: Candidate, words: Sequence[str]) -> bool:
    """Events, dates, ministers' portfolios, descriptive Title Case phrases."""
    lex = gz.lexicon()
    text = body[cand.start : cand.end]
    if {words[0], words[-1]} & lex.event_words or (len(words) == 1 and text in lex.calendar_words):
        return True
    following = re.match(r"\s+(\w+)", body[cand.end : cand.end + 30])
    if following and following.group(1).capitalize() in lex.event_words:
        return True
    return bool(PORTFOLIO.search(body[max(0, cand.start - 40) : cand.start]))


def _runs_on(body: str, cand: Candidate) -> bool:
    """'Health Technology' cut out of 'Health Technology Hazard': a piece of a longer
    Title Case phrase is not a name with a company head word."""
    following = re.match(r"[ \t]+([A-Z][a-z]+)\b", body[cand.end : cand.end + 30])
    if following is None:
        return False
    lex = gz.lexicon()
    word = following.group(1)
    names = (*lex.legal_forms, *lex.company_heads, *lex.calendar_words)
    return word not in names and gz.lookup(word) is None


def _descriptive(body: str, words: Sequence[str]) -> bool:
    """'Health Technology': every word but the head is also used in lowercase."""
    known = _words(body)
    return all(w.lower() in known for w in words[:-1]) and not all(
        w.lower() in gz.stop_words() for w in words[:-1]
    )


def _known(body: str, cand: Candidate, entry: gz.Entry, lang: str) -> Found | None:
    text = body[cand.start : cand.end]
    if entry.kind == gz.INDEX:
        return None
    if entry.kind != gz.COMPANY:
        return Found(cand.start, cand.end, "organisation", entry.kind, entry=entry)
    if cand.label == "PER" and _inside_person(body, cand):
        return None
    if gz.is_weak(text) and not _confirmed_weak(body, cand, lang):
        return None
    return Found(cand.start, cand.end, "company", entry=entry)


def _inside_person(body: str, cand: Candidate) -> bool:
    """'Bolloré' in 'Vincent Bolloré': a known name inside a longer person's name."""
    return bool(re.search(rf"[{UP}][\w\-]+ $", body[max(0, cand.start - 30) : cand.start]))


def _confirmed_weak(body: str, cand: Candidate, lang: str) -> bool:
    if cand.label == "ORG" or cues.has_cue(body, cand.start, cand.end, cand.label, lang):
        return True
    if cand.label == "LOC" or (cand.label == "PER" and _inside_person(body, cand)):
        return False
    text = body[cand.start : cand.end]
    return not sentence_start(body, cand.start) and not _used_lowercase(body, text)
