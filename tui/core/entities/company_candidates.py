"""Candidate names in a body: spaCy spans, capitalised runs and gazetteer hits.

Each candidate is trimmed of leading articles, possessives and edge punctuation;
tickers, dashes and quotes split a run into pieces.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.entities import gazetteer as gz

Span = tuple[int, int, str]

MAX_SPAN_CHARS = 200
"""Entity spans longer than this are spaCy running on; they name nothing useful."""

UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_WORD = (
    rf"(?:[{UP}](?:[\w.&+\-]|['’](?!s\b))*\w|[{UP}]|[a-z]+[A-Z][\w\-]*"
    rf"|[0-9]+[A-Za-z][\w\-]*(?:\.[a-z]{{2,3}}\b)?|[ée]ditions(?= [{UP}]))"
)
_CONNECT = r"(?:[ \t\xa0]+(?:&|of|de|des|du|d['’])[ \t\xa0]*|[ \t\xa0]+|-)"
CAPS_RUN = re.compile(rf"(?<![\w]){_WORD}(?:{_CONNECT}{_WORD})*")
LEADING = re.compile(
    r"^(?:(?:la|le|les|the|des|du|de|un|une|a|an)\s+|(?:l|d|qu|jusqu)['’])", re.IGNORECASE
)
SEPARATOR = re.compile(
    r"\b(?:[A-Z0-9]{1,6}\.[A-Z]{1,2}|[A-Z]{3,6}[0-9]{1,2})\b|\s[–—-]\s|[:|“”«»\"()\n]"
    r"|\s(?:CEO|CFO|COO|Chief Executive(?: Officer)?|Chairman|Chairwoman|Founder|Co-founder"
    r"|PDG)(?=\s)"
)
"""Tickers, dashes, quotes and a job title inside a run ('Netflix CEO Reed Hastings')."""
COMPOUND = re.compile(r"-(based|listed|born|headquartered|owned|backed|controlled|funded|led)\b")
"""A name glued to a participle: the name alone is the candidate (or a place)."""
PLACE_COMPOUNDS = frozenset({"based", "listed", "born", "headquartered"})
SENTENCE_END = re.compile(r"(?:^|[.!?:;»\"”\n]\s*|\n)$")


@dataclass(frozen=True)
class Candidate:
    """A stretch of the body that might name an organisation."""

    start: int
    end: int
    label: str
    """spaCy label of an overlapping entity, 'GAZ' for a gazetteer hit, '' for none."""


def sentence_start(body: str, start: int) -> bool:
    return bool(SENTENCE_END.search(body[max(0, start - 3) : start]))


def candidates(body: str, spans: Sequence[Span]) -> list[Candidate]:
    """spaCy ORG/MISC/PER spans, capitalised runs and gazetteer hits, trimmed."""
    out: list[Candidate] = []
    for start, end, label in spans:
        if label == "ORG" and not has_plain_words(body[start:end]):
            for piece_start, piece_end in _pieces(body, start, end):
                out.extend(trimmed(body, piece_start, piece_end, label))
    for match in CAPS_RUN.finditer(body):
        for start, end in _pieces(body, match.start(), match.end()):
            out.extend(trimmed(body, start, end, _overlap_label(spans, start, end)))
    for start, end in gz.known_spans(body):
        out.append(Candidate(start, end, _overlap_label(spans, start, end) or "GAZ"))
    return out


def has_plain_words(text: str) -> bool:
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


def trimmed(body: str, start: int, end: int, label: str) -> list[Candidate]:
    """The span without leading articles, possessives and edge punctuation."""
    text = body[start:end]
    lead = LEADING.match(text)
    named = text[:1].isupper() and not sentence_start(body, start)  # 'selon La Tribune'
    if lead and lead.end() < len(text) and not named and not keeps_article(text):
        start += lead.end()
    while end > start and body[end - 1] in " .,;:!?»«\"“”()'’-":
        if body[end - 1] == "." and _ends_with_abbrev(body[start:end]):
            break
        end -= 1
    if body[start:end].endswith(("'s", "’s")):
        end -= 2
    compound = COMPOUND.search(body, start, end)
    if compound is not None and compound.end() == end:
        if compound.group(1).lower() in PLACE_COMPOUNDS:
            return []  # 'New York-listed', 'Boston-based': a place
        end = compound.start()  # 'Velano-owned': the owner
    if body[end : end + 1] == "." and _ends_with_abbrev(body[start : end + 1]):
        end += 1
    while start < end and body[start] in ' \t\n«"“(-':
        start += 1
    if not any(c.isalpha() for c in body[start:end]):
        return []
    capital = body[start].isupper() or body[start].isdigit() or _prefixed(body[start:end])
    if (end - start < 2 or not capital) and not (end > start and gz.lookup(body[start:end])):
        return []
    return [Candidate(start, end, label)]


def _prefixed(text: str) -> bool:
    """'éditions Philippe Picquier': a lowercase company prefix opens the name."""
    words = text.split()
    return len(words) > 1 and words[0].capitalize() in gz.lexicon().company_prefixes


def keeps_article(text: str) -> bool:
    """'The Carlyle Group', 'La Tribune': the article belongs to a known or formal name."""
    if gz.lookup(text.rstrip(".,;:’'s")) is not None:
        return True
    words = text.split()
    return words[0] in ("The",) and words[-1] in ("Company", "Group")


def _ends_with_abbrev(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    return last in gz.lexicon().legal_forms or bool(re.fullmatch(r"(?:\w\.)+", last))
