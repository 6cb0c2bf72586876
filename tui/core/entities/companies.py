"""Companies and other organisations named in a body.

Candidates come from spaCy entity spans, capitalised word sequences and the
gazetteer; rules confirm or reject each one (known names, legal forms, head words,
context cues, words that mark a non-company body). Confirmed names are merged into
one row per company and every occurrence in the body becomes a mention.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.core.entities import gazetteer as gz
from tui.core.entities.company_rows import Found, build_rows, is_acronym
from tui.core.language import guess_language
from tui.core.model import Company, Organisation

Span = tuple[int, int, str]

MAX_SPAN_CHARS = 200
"""Entity spans longer than this are spaCy running on; they name nothing useful."""

_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_WORD = (
    rf"(?:[{_UP}](?:[\w.&+\-]|['’](?!s\b))*\w|[{_UP}]|[a-z]+[A-Z][\w\-]*"
    rf"|[0-9]+[A-Za-z][\w\-]*)"
)
_CONNECT = r"(?:[ \t\xa0]+(?:&|of|de|des|du|d['’])[ \t\xa0]*|[ \t\xa0]+|-)"
CAPS_RUN = re.compile(rf"(?<![\w]){_WORD}(?:{_CONNECT}{_WORD})*")
LEADING = re.compile(
    r"^(?:(?:la|le|les|the|des|du|de|un|une|a|an)\s+|(?:l|d|qu|jusqu)['’])", re.IGNORECASE
)
SEPARATOR = re.compile(
    r"\b(?:[A-Z0-9]{1,6}\.[A-Z]{1,2}|[A-Z]{3,6}[0-9]{1,2})\b|\s[–—-]\s|[:|“”«»\"()\n]"
)
DE_LOWER = re.compile(rf"^[{_UP}][\w'’\-]* (?:(?:de|des|du|de la) |d['’]|de l['’])?[a-zà-ÿ]")
PORTFOLIO = re.compile(
    r"\b(?:ministre|ministère|minister|ministry|secretary|secrétaire)"
    r"\s+(?:de la|de l['’]|du|des|de|d['’]|of|of the|for)\s*$",
    re.IGNORECASE,
)
COORDINATOR = re.compile(r",|;| et | and | ou | or ")
OF_SUFFIX = re.compile(r"^\S+ (?:of|de|des|du|d['’]) ?(?=[A-Z])")
SENTENCE_END = re.compile(r"(?:^|[.!?:;»\"”\n]\s*|\n)$")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """A stretch of the body that might name an organisation."""

    start: int
    end: int
    label: str
    """spaCy label of an overlapping entity, 'GAZ' for a gazetteer hit, '' for none."""


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
    found = _organisation_spans(body, spans, lang)
    left: list[Candidate] = []
    surnames = _surnames(body, spans)
    for cand in candidates(body, spans):
        verdict = classify(body, cand, lang)
        if verdict is not None and verdict.entry is None and _text(body, verdict) in surnames:
            continue
        if verdict is not None:
            found.append(verdict)
        elif _plausible(body, cand):
            left.append(cand)
    found += _coordinated(body, found, left, lang)
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
        if label == "PER" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            out.add(words[-1])
    return frozenset(out)


def _organisation_spans(body: str, spans: Sequence[Span], lang: str) -> list[Found]:
    """spaCy ORG spans such as 'ministère de l'Économie' or 'Caisse de grève': in French,
    a name that goes on in lowercase after 'de' is a public body or an institution."""
    out = []
    for start, full_end, label in spans:
        end = _first_item(body, start, full_end)
        text = body[start:end]
        if label != "ORG" or not _has_plain_words(text) or gz.lookup(text) is not None:
            continue
        words = text.split()
        if words[0].lower() in gz.lexicon().title_words:
            continue
        if gz.organisation_kind(words) is None and gz.has_company_form(words):
            continue
        if lang != "fr" and _has_plain_words(text.replace(" and ", " ")):
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
    if cand.label == "PER" or text.split()[0].lower() in gz.stop_words():
        return False
    if re.match(r"['’]s\b", body[cand.end : cand.end + 2]):
        return False
    if text in gz.lexicon().calendar_words:
        return False
    return cand.label in ("ORG", "MISC") or not _sentence_start(body, cand.start)


def _sentence_start(body: str, start: int) -> bool:
    return bool(SENTENCE_END.search(body[max(0, start - 3) : start]))


COORDINATION = re.compile(r"^\s*(?:,|et|and|&|ou|or|, et|, and)\s*$")


def _coordinated(
    body: str, found: Sequence[Found], left: Sequence[Candidate], lang: str
) -> list[Found]:
    """'Klarna et Medline': a name listed next to a confirmed company is one too.

    On English text (where the French model's labels are weak) spaCy must agree."""
    sure = [(f.start, f.end) for f in found if f.category == "company" and not f.weak]
    out: list[Found] = []
    for cand in left:
        if " " in body[cand.start : cand.end].strip() or (lang == "en" and cand.label != "ORG"):
            continue
        for start, end in sure:
            gap = body[end : cand.start] if end <= cand.start else body[cand.end : start]
            if len(gap) <= 6 and COORDINATION.match(gap):
                out.append(Found(cand.start, cand.end, "company", weak=True))
                break
    return out


def candidates(body: str, spans: Sequence[Span]) -> list[Candidate]:
    """spaCy ORG/MISC/PER spans, capitalised runs and gazetteer hits, trimmed."""
    out: list[Candidate] = []
    for start, end, label in spans:
        if label == "ORG" and not _has_plain_words(body[start:end]):
            for piece_start, piece_end in _pieces(body, start, end):
                out.extend(_trimmed(body, piece_start, piece_end, label))
    for match in CAPS_RUN.finditer(body):
        for start, end in _pieces(body, match.start(), match.end()):
            out.extend(_trimmed(body, start, end, _overlap_label(spans, start, end)))
    for start, end in gz.known_spans(body):
        out.append(Candidate(start, end, _overlap_label(spans, start, end) or "GAZ"))
    return out


def _has_plain_words(text: str) -> bool:
    """spaCy spans such as 'SoftBank worth' run into ordinary words: skip them."""
    connectors = {"de", "des", "du", "la", "le", "of", "&", "the", "d'", "l'"}
    words = LEADING.sub("", text).split()
    return any(
        w[:1].islower() and w not in connectors and not any(c.isupper() for c in w) for w in words
    )


def _pieces(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """'Microsoft MSFT.O' -> 'Microsoft', 'France 2 – Grève' -> two: tickers, dashes and
    quotes are not part of a name."""
    pieces: list[tuple[int, int]] = []
    for tick in SEPARATOR.finditer(body, start, end):
        pieces.append((start, tick.start()))
        start = tick.end()
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if body[s:e].strip()]


def _overlap_label(spans: Sequence[Span], start: int, end: int) -> str:
    """The label of the spaCy entity that covers most of [start, end); spans sorted."""
    best, label = 0, ""
    first = bisect.bisect_left(spans, (start - MAX_SPAN_CHARS,))
    for s, e, lab in spans[first : bisect.bisect_left(spans, (end,))]:
        overlap = min(e, end) - max(s, start)
        if overlap > best:
            best, label = overlap, lab
    return label


def _trimmed(body: str, start: int, end: int, label: str) -> list[Candidate]:
    """The span without leading articles, possessives and edge punctuation."""
    text = body[start:end]
    lead = LEADING.match(text)
    named = text[:1].isupper() and not _sentence_start(body, start)  # 'selon La Tribune'
    if lead and lead.end() < len(text) and not named and not _keeps_article(text):
        start += lead.end()
    while end > start and body[end - 1] in " .,;:!?»«\"“”()'’-":
        if body[end - 1] == "." and _ends_with_abbrev(body[start:end]):
            break
        end -= 1
    if body[start:end].endswith(("'s", "’s")):
        end -= 2
    if body[end : end + 1] == "." and _ends_with_abbrev(body[start : end + 1]):
        end += 1
    while start < end and body[start] in ' \t\n«"“(-':
        start += 1
    if not any(c.isalpha() for c in body[start:end]):
        return []
    capital = body[start].isupper() or body[start].isdigit()
    if (end - start < 2 or not capital) and not (end > start and gz.lookup(body[start:end])):
        return []
    return [Candidate(start, end, label)]


def _keeps_article(text: str) -> bool:
    """'The Carlyle Group', 'La Tribune': the article belongs to a known or formal name."""
    if gz.lookup(text.rstrip(".,;:’'s")) is not None:
        return True
    words = text.split()
    return words[0] in ("The",) and words[-1] in ("Company", "Group")


def _ends_with_abbrev(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    return last in gz.lexicon().legal_forms or bool(re.fullmatch(r"(?:\w\.)+", last))


def classify(body: str, cand: Candidate, lang: str) -> Found | None:
    """A company or organisation verdict for one candidate, or None to drop it."""
    text = body[cand.start : cand.end]
    entry = gz.lookup(text)
    if entry is not None:
        return _known(body, cand, entry)
    words = text.split()
    first = words[0].lower().strip("'’,")
    positional = _sentence_start(body, cand.start) and _used_lowercase(body, words[0])
    openers = gz.stop_words() | gz.lexicon().title_words
    article = words[0] in ("La", "Le", "Les", "The") and not _sentence_start(body, cand.start)
    keep = article or _keeps_article(text)
    if not keep and (first in openers or (positional and len(words) > 1)):
        rest = cand.start + len(words[0]) + 1
        if len(words) > 1 and rest < cand.end:
            pieces = _trimmed(body, rest, cand.end, cand.label)
            return classify(body, pieces[0], lang) if pieces else None
        return None
    if _not_a_name(body, cand, words):
        return None
    cue = gz.has_cue(body, cand.start, cand.end, cand.label, lang)
    if len(words) == 1 and cand.label != "ORG" and not cue and _sentence_start(body, cand.start):
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
    kind = gz.organisation_kind(words)
    if kind is not None:
        return Found(cand.start, cand.end, "organisation", kind)
    if (gz.has_company_form(words) and not _descriptive(body, words)) or cue:
        return Found(cand.start, cand.end, "company")
    ordinary = is_acronym(text) or _used_lowercase(body, text)
    if cand.label == "ORG" and lang == "fr" and not ordinary:
        return Found(cand.start, cand.end, "company", weak=True)
    return None


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
    return re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", body) is not None


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


def _descriptive(body: str, words: Sequence[str]) -> bool:
    """'Health Technology': every word but the head is also used in lowercase."""
    return all(
        re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", body) for w in words[:-1]
    ) and not all(w.lower() in gz.stop_words() for w in words[:-1])


def _known(body: str, cand: Candidate, entry: gz.Entry) -> Found | None:
    text = body[cand.start : cand.end]
    if entry.kind == gz.INDEX:
        return None
    if entry.kind != gz.COMPANY:
        return Found(cand.start, cand.end, "organisation", entry.kind, entry=entry)
    if cand.label == "PER" and _inside_person(body, cand):
        return None
    if gz.is_weak(text) and not _confirmed_weak(body, cand):
        return None
    return Found(cand.start, cand.end, "company", entry=entry)


def _inside_person(body: str, cand: Candidate) -> bool:
    """'Bolloré' in 'Vincent Bolloré': a known name inside a longer person's name."""
    return bool(re.search(rf"[{_UP}][\w\-]+ $", body[max(0, cand.start - 30) : cand.start]))


def _confirmed_weak(body: str, cand: Candidate) -> bool:
    if cand.label == "ORG":
        return True
    if cand.label in ("PER", "LOC", "MISC"):
        return False
    text = body[cand.start : cand.end]
    return not _sentence_start(body, cand.start) and not _used_lowercase(body, text)
