"""Candidate names in a body: NER spans, capitalised runs, gazetteer hits, list members.

Each candidate occurrence is trimmed of leading articles, possessives and edge
punctuation; tickers, dashes and quotes split a run into pieces. A run also yields the
variants a scorer must be able to choose between: without a word capitalised only by
its place or role ('Rival X', 'Américain X', 'PDG X') and the name after 'de'/'of'
('OPA de X'). Occurrences are grouped by their text: one `Form` per distinct name.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from tui.core.entities.companies import gazetteer as gz

Span = tuple[int, int, str]

MAX_SPAN_CHARS = 200
"""Entity spans longer than this are spaCy running on; they name nothing useful."""

MAX_FORM_WORDS = 8
"""Longer capitalised runs are headings or titles, not names."""

NAME_LABELS = frozenset(
    {
        "ORG",
        "MISC",
        "PER",
        "PERSON",
        "LOC",
        "GPE",
        "NORP",
        "FAC",
        "PRODUCT",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
    }
)
"""NER labels whose spans may hold a name (dates, numbers and amounts never do)."""

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
CONNECTOR = re.compile(r"\s+(?:of|de|des|du)\s+|\s+d['’]|\s+&\s+|\s+and\s+|\s+et\s+")
COMPOUND = re.compile(
    r"-(based|listed|born|headquartered|owned|backed|controlled|funded|led|like|style|made"
    r"|branded|related|linked|friendly|exclusive|compatible)\b"
)
"""A name glued to a participle: the name alone is the candidate."""
DANGLING = re.compile(r"(?:[ \t\xa0]+(?:of|de|des|du|d|l|and|et|&))+$")
"""A connector left at the end of a span cut short ('Banque africaine d'): not the name's."""
SENTENCE_END = re.compile(r"(?:^|[.!?:;»\"”\n]\s*|\n)$")
LIST_ITEM = re.compile(rf"[{UP}a-z0-9][\w.&'’\-]*(?:[ \t][{UP}0-9][\w.&'’\-]*){{0,3}}")
"""One item of a comma list, lowercase brands included ('A, b-brand, C and D')."""
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|et\s+|ou\s+|or\s+)?|\s+(?:and|et|ou|or|&)\s+)")


@dataclass(frozen=True)
class Occurrence:
    """One place where a form was proposed."""

    start: int
    end: int
    label: str
    """Label of the NER span covering most of it, '' when none."""
    exact: bool = False
    """True when a NER span has exactly these bounds."""
    within: str = ""
    """Label of a longer NER span that contains it ('Bolloré' in 'Vincent Bolloré')."""
    source: str = "caps"
    """'gaz', 'ner', 'caps', 'list', or how a longer run was cut: 'head' (its first
    words), 'tail' (without its first word), 'part' (a part around 'de', 'and'…)."""
    run_end: int = 0
    """Where the run a 'head' was cut from ends ('Anker' of 'Anker PowerCore 10000')."""


@dataclass
class Form:
    """A distinct candidate name and every place it was proposed."""

    text: str
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(o.start for o in self.occurrences)


def sentence_start(body: str, start: int) -> bool:
    return bool(SENTENCE_END.search(body[max(0, start - 3) : start]))


class SpanIndex:
    """NER spans sorted by start, for overlap questions in logarithmic time."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = sorted(s for s in spans if s[1] - s[0] <= MAX_SPAN_CHARS)
        self.starts = [s[0] for s in self.spans]

    def around(self, start: int, end: int) -> list[Span]:
        first = bisect.bisect_left(self.starts, start - MAX_SPAN_CHARS)
        last = bisect.bisect_left(self.starts, end)
        return [s for s in self.spans[first:last] if s[1] > start]

    def describe(self, start: int, end: int, source: str, run_end: int = 0) -> Occurrence:
        best, label, exact, within = 0, "", False, ""
        for s, e, lab in self.around(start, end):
            overlap = min(e, end) - max(s, start)
            if overlap > best:
                best, label = overlap, lab
            exact = exact or (s == start and e == end)
            if s <= start and end <= e and (s, e) != (start, end):
                within = within or lab
        return Occurrence(start, end, label, exact, within, source, max(run_end, end))


SOURCE_RANK = {"gaz": 0, "ner": 1, "caps": 2, "list": 3, "head": 4, "tail": 5, "part": 6}
"""When several sources propose the same span, the first of these names it."""


def candidate_forms(body: str, spans: Sequence[Span]) -> dict[str, Form]:
    """Every candidate name of `body`, grouped by text, in order of first occurrence."""
    index = SpanIndex(_trimmed_spans(body, spans))
    best: dict[tuple[int, int], tuple[str, int]] = {}
    for start, end, source, run_end in _proposals(body, index):
        known = best.get((start, end))
        if known is None or SOURCE_RANK[source] < SOURCE_RANK[known[0]]:
            best[(start, end)] = (source, run_end)
    forms: dict[str, Form] = {}
    for (start, end), (source, run_end) in sorted(best.items()):
        text = body[start:end]
        if end - start >= 2 and len(text.split()) <= MAX_FORM_WORDS:
            form = forms.setdefault(text, Form(text))
            form.occurrences.append(index.describe(start, end, source, run_end))
    for start, end in list_members(body, forms):
        if (start, end) not in best:
            form = forms.setdefault(body[start:end], Form(body[start:end]))
            form.occurrences.append(index.describe(start, end, "list"))
    return forms


def _trimmed_spans(body: str, spans: Sequence[Span]) -> list[Span]:
    """NER spans without the articles, possessives and punctuation the candidates lose
    ('the Associated Press’s' -> 'Associated Press'), so that bounds can be compared."""
    out = []
    for start, end, label in spans:
        if 0 <= start < end <= len(body):
            bounds = trim(body, start, end) if label in NAME_LABELS else None
            out.append((*bounds, label) if bounds else (start, end, label))
    return out


def _proposals(body: str, index: SpanIndex) -> Iterator[tuple[int, int, str, int]]:
    for start, end in gz.known_spans(body):
        yield start, end, "gaz", end
    for start, end, label in index.spans:
        if label in NAME_LABELS:
            for piece in _pieces(body, start, end):
                yield from _with_variants(body, *piece, "ner")
    for match in CAPS_RUN.finditer(body):
        for piece in _pieces(body, match.start(), match.end()):
            yield from _with_variants(body, *piece, "caps")


def _with_variants(
    body: str, start: int, end: int, source: str
) -> Iterator[tuple[int, int, str, int]]:
    """The trimmed piece, then its shorter readings."""
    trimmed = trim(body, start, end)
    if trimmed is None:
        return
    start, end = trimmed
    yield start, end, source, end
    for s, e, cut in _variants(body, start, end):
        again = trim(body, s, e)
        if again is not None and again != (start, end):
            yield again[0], again[1], cut, end


def _variants(body: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Without the first word; every run of its first words ('Monoprice' of 'Monoprice
    Essentials USB-C'); each part around 'de', 'of', '&', 'et', 'and'."""
    text = body[start:end]
    first = re.match(r"\S+\s+", text)
    if first is not None:
        yield start + first.end(), end, "tail"
    for space in re.finditer(r"\s+", text):
        yield start, start + space.start(), "head"
    at = start
    for cut in CONNECTOR.finditer(text):
        yield at, start + cut.start(), "part"
        at = start + cut.end()
    if at != start:
        yield at, end, "part"


def _pieces(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """'Microsoft MSFT.O' -> 'Microsoft', 'France 2 – Grève' -> two: tickers, dashes and
    quotes are not part of a name."""
    pieces: list[tuple[int, int]] = []
    for tick in SEPARATOR.finditer(body, start, end):
        pieces.append((start, tick.start()))
        start = tick.end()
    pieces.append((start, end))
    return [(s, e) for s, e in pieces if body[s:e].strip()]


def trim(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without leading articles, possessives and edge punctuation; None when
    what is left cannot be a name."""
    text = body[start:end]
    lead = LEADING.match(text)
    named = text[:1].isupper() and not sentence_start(body, start)  # 'selon La Tribune'
    if lead and lead.end() < len(text) and not named and not keeps_article(text):
        start += lead.end()
    while end > start and body[end - 1] in " .,;:!?»«\"“”()'’-\t\n":
        if body[end - 1] == "." and _ends_with_abbrev(body[start:end]):
            break
        end -= 1
    if body[start:end].endswith(("'s", "’s")):
        end -= 2
    dangling = DANGLING.search(body, start, end)
    if dangling is not None:
        end = dangling.start()
    compound = COMPOUND.search(body, start, end)
    if compound is not None and compound.end() == end:
        end = compound.start()
    if body[end : end + 1] == "." and _ends_with_abbrev(body[start : end + 1]):
        end += 1
    while start < end and body[start] in " \t\n«\"“(-'’":
        start += 1
    while end > start and body[end - 1] in " \t\n":
        end -= 1
    if end - start < 2 or not any(c.isalpha() for c in body[start:end]):
        return None
    first = body[start]
    if not (first.isupper() or first.isdigit() or _prefixed(body[start:end])):
        return None if gz.lookup(body[start:end]) is None else (start, end)
    return start, end


def list_members(body: str, forms: dict[str, Form]) -> list[tuple[int, int]]:
    """Items of comma lists that hold at least two forms: the other items too, lowercase
    brands included ('A, b-brand, C et D')."""
    starts = sorted((o.start, o.end) for f in forms.values() for o in f.occurrences)
    out: list[tuple[int, int]] = []
    for (_, e1), (s2, _) in itertools.pairwise(starts):
        gap = body[e1:s2]
        if len(gap) > 60 or "," not in gap:
            continue
        at = LIST_GAP.match(body, e1)
        if at is None:
            continue
        item = LIST_ITEM.match(body, at.end())
        if item is not None and item.end() <= s2 and LIST_GAP.fullmatch(body, item.end(), s2):
            out.append((item.start(), item.end()))
    return out


def _prefixed(text: str) -> bool:
    """'éditions Philippe Picquier': a lowercase company prefix opens the name (which goes
    on in capitals: 'banque panafricaine' names no one)."""
    words = text.split()
    return (
        len(words) > 1
        and words[0].capitalize() in gz.lexicon().company_prefixes
        and words[1][:1].isupper()
    )


def keeps_article(text: str) -> bool:
    """'The Carlyle Group', 'La Tribune': the article belongs to a known or formal name."""
    if gz.lookup(text.rstrip(".,;:’'s")) is not None:
        return True
    words = text.split()
    return words[0] in ("The",) and words[-1] in ("Company", "Group")


def _ends_with_abbrev(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    return last in gz.lexicon().legal_forms or bool(re.fullmatch(r"(?:\w\.)+", last))
