"""Context features: the words around a form's occurrences, lists it sits in, its place
in the sentence.

A context feature holds when any occurrence of the form shows it (a company needs to be
introduced once), except the sentence-start share, which is a fraction. The phrase
lists come from the data file through `cues`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from tui.core.entities.companies import cues
from tui.core.entities.companies import gazetteer as gz
from tui.core.entities.companies.candidates import UP, Form, Occurrence
from tui.core.entities.companies.page import Evidence, Feature, Page

WINDOW = cues.WINDOW
MAX_OCCURRENCES = 12
"""Occurrences of a form whose context is read; so a long body costs linear time."""
LIST_REACH = 120
"""Characters searched on each side of an occurrence for a listed company."""
MONEY = r"(?:euros?|dollars?|francs?|M€|Md€|k€|€|\$|millions?|milliards?|billion|million)"
COMPLEMENT = (
    r"(?:\s*\([^()\n]{0,100}\)|\s+en\s+\d{4}|\s+in\s+\d{4}"
    rf"|\s+(?:pour|à hauteur de|for)\s+[\d\s.,$€£]+{MONEY}(?:\s+(?:d['’]euros|de dollars))?)?"
)
COORDINATION = re.compile(
    rf"^{COMPLEMENT}\s*(?:,|;|et|and|&|ou|or|, et|, and|, ainsi que|as well as|, or|, ou)\s*$"
)
"""The gap between two listed names ('X (90 M€), Y', 'X en 2014 et Y')."""
PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|across|throughout|outside|à|en|près de|dans|au large de|at)\s+"
    r"(?:the\s+)?)$|(?:\b(?:based|headquartered|located|born|basée?s?|installée?s?|née?)"
    r"\s+(?:in|à|en|au|aux)\s+(?:the\s+)?)$"
)
TITLE_BEFORE = re.compile(
    r"(?:\b(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir|Dame|Lord|Me|Pr)"
    r"|\b(?i:president|président|présidente|minister|ministre|senator|sénateur|sénatrice"
    r"|governor|gouverneur|mayor|maire|judge|juge|rep\.|sen\.|gov\.|king|queen|prince"
    r"|princess|pope|pape|general|général|coach|entraîneur|dr|professor|professeur"
    r"|député|députée|chancellor|chancelière|premier))\s+$"
)
"""A civility or office before a name: a person follows."""
SAID_AFTER = re.compile(
    r"^\s*,?\s*(?:said|says|told|added|explained|wrote|tweeted|a déclaré|a indiqué"
    r"|a expliqué|explique|déclare|indique|estime|a estimé|affirme|a affirmé|a ajouté)\b"
)
CAPITAL_BEFORE = re.compile(r"[A-ZÀ-Þ][\w'’.&\-]*[ \t]+$")
CAPITAL_AFTER = re.compile(r"[ \t]+[A-ZÀ-Þ]")
MEDIA_BEFORE = re.compile(
    r"\b(?:told|according\s+to|reported\s+by|(?:an\s+)?interview\s+with|speaking\s+to"
    r"|talking\s+to|wrote\s+in|writing\s+in|published\s+(?:by|in)|cited\s+by|via"
    r"|selon|a\s+(?:indiqué|déclaré|confié|expliqué)\s+à|au\s+micro\s+d[e']|interrogée?\s+par"
    r"|cité\w*\s+par|rapporté\w*\s+par|dans\s+les\s+colonnes\s+d[eu']|publiée?\s+par)"
    r"\s+(?:the\s+|le\s+|la\s+|l')?$",
    re.IGNORECASE,
)
MEDIA_AFTER = re.compile(
    r"^\s*(?:first\s+|previously\s+|has\s+|had\s+)?(?:reported|reports|learned|revealed"
    r"|rapporte|a\s+rapporté|révèle|a\s+révélé)\b"
)
"""'told X', 'according to X', 'X reported': a source of news, a person or an outlet."""
MODEL_WORD = re.compile(r"\d|\b[a-z]+[A-Z]|\b[A-Z][a-z]+[A-Z]|\b(?:Pro|Max|Mini|Plus|Ultra|Lite)\b")
"""A digit, an inner capital ('iPhone', 'PowerCore') or a model word: a product's name."""
POSSESSIVE = re.compile(r"^['’]s\b")


def _windows(page: Page, occ: Occurrence) -> tuple[str, str]:
    body = page.body
    before = body[max(0, occ.start - WINDOW) : occ.start].replace("’", "'")
    after = body[occ.end : occ.end + WINDOW].replace("’", "'")
    return before, after


def _first(page: Page, form: Form, test: Callable[[Page, Occurrence], str | None]) -> Evidence:
    """1 and the reason of the first occurrence where `test` gives one, else nothing
    (the first MAX_OCCURRENCES only: a company is introduced early)."""
    for occ in form.occurrences[:MAX_OCCURRENCES]:
        reason = test(page, occ)
        if reason is not None:
            return 1.0, reason
    return 0.0, ""


def _tail(text: str, words: int = 3) -> str:
    return " ".join(text.split()[-words:])


def _cue_noun(page: Page, occ: Occurrence) -> str | None:
    """'la start-up X', 'le fonds X', 'analyst at X': a company noun right before."""
    before, _ = _windows(page, occ)
    found = cues.cue_patterns(page.lang)[2].search(before)
    return f"after '{_tail(found.group())}'" if found else None


def _cue_before(page: Page, occ: Occurrence) -> str | None:
    before, _ = _windows(page, occ)
    found = cues.cue_patterns(page.lang)[0].search(before) or cues.INVESTED.search(before)
    found = found or cues.DATA_SOURCE.search(before[-60:])
    if found:
        return f"after '{_tail(found.group())}'"
    if cues.described_before(page.body, occ.start):
        return "described as a company before"
    return None


def _strong_cue(page: Page, occ: Occurrence) -> str | None:
    if cues.strong_cue(page.body, occ.start, occ.end, page.lang):
        return "a business act or role"
    return None


def _appositive(page: Page, occ: Occurrence) -> str | None:
    _, after = _windows(page, occ)
    found = cues.appositive(page.lang).match(after)
    return f"'{_tail(found.group(), 4).strip(',: ')}' after" if found else None


def _cue_after(page: Page, occ: Occurrence) -> str | None:
    _, after = _windows(page, occ)
    found = cues.cue_patterns(page.lang)[1].match(after)
    return f"'{found.group().strip()}' after" if found else None


def _offering(page: Page, occ: Occurrence) -> str | None:
    end = min(len(page.body), occ.end + 200)
    return "sells at a price" if cues.OFFERING.match(page.body, occ.end, end) else None


def _possessive(page: Page, occ: Occurrence) -> str | None:
    return "possessive" if POSSESSIVE.match(page.body, occ.end) else None


def _product(page: Page, occ: Occurrence) -> str | None:
    return "product context" if cues.product_context(page.body, occ.start, occ.end) else None


def _market(page: Page, occ: Occurrence) -> str | None:
    return "named as a market" if cues.market_place(page.body, occ.start) else None


def _place_before(page: Page, occ: Occurrence) -> str | None:
    before, _ = _windows(page, occ)
    found = PLACE_BEFORE.search(before[-30:])
    return f"after '{found.group().strip()}'" if found else None


def _body_noun(page: Page, occ: Occurrence) -> str | None:
    return "named as a public body" if cues.body_noun_before(page.body, occ.start) else None


def _title_before(page: Page, occ: Occurrence) -> str | None:
    before, _ = _windows(page, occ)
    found = TITLE_BEFORE.search(before[-30:])
    return f"after '{found.group().strip()}'" if found else None


def _said_after(page: Page, occ: Occurrence) -> str | None:
    _, after = _windows(page, occ)
    return "quoted as a speaker" if SAID_AFTER.match(after) else None


def _media(page: Page, occ: Occurrence) -> str | None:
    before, after = _windows(page, occ)
    if MEDIA_BEFORE.search(before[-40:]) or MEDIA_AFTER.match(after):
        return "cited as a source"
    return None


def _deal(page: Page, occ: Occurrence) -> str | None:
    return "deal sentence" if cues.deal_sentence(page.body, occ.start, occ.end) else None


def _listed_with(page: Page, occ: Occurrence) -> str | None:
    """Next to a surely-known company in a list ('Atos, Zorbex et Capgemini'); a piece
    of a longer name ('France' of 'France Télécom') is not a list item."""
    near = _anchors_near(page, occ)
    if any(s < occ.end and occ.start < e for s, e, _ in near) or _inside_name(page, occ):
        return None
    for start, end, text in near:
        if (start, end) == (occ.start, occ.end) or text == page.body[occ.start : occ.end]:
            continue
        if end <= occ.start:
            gap = page.body[end : occ.start]
        elif occ.end <= start:
            gap = page.body[occ.end : start]
        else:
            continue
        if COORDINATION.match(gap):
            return f"listed with {text}"
    return None


def _inside_name(page: Page, occ: Occurrence) -> bool:
    """A capitalised word glued before or after: the occurrence is part of a longer name."""
    before = page.body[max(0, occ.start - 30) : occ.start]
    return bool(CAPITAL_BEFORE.search(before) or CAPITAL_AFTER.match(page.body, occ.end))


def _anchors_near(page: Page, occ: Occurrence) -> list[tuple[int, int, str]]:
    anchors = page.anchors
    lo = bisect.bisect_left(anchors, (occ.start - LIST_REACH,))
    hi = bisect.bisect_right(anchors, (occ.end + LIST_REACH,))
    return anchors[lo:hi]


ENUMERATION_GAP = re.compile(
    r"[ \t]*(?:,|;|,?[ \t]+(?:and|et|or|ou|&))(?:[ \t]+(?:even|also|même|aussi))?[ \t]*"
)
MIN_ENUMERATION = 3
"""Names in a row, joined by commas or 'and', that make an enumeration ('A, B, C and D')."""


def _enumeration(page: Page, occ: Occurrence) -> str | None:
    """One of three or more names listed in a row ('names like A, B, C and even D')."""
    ends, starts = page.names
    count = 1
    end = occ.end
    while (gap := ENUMERATION_GAP.match(page.body, end)) is not None and gap.end() in ends:
        count, end = count + 1, ends[gap.end()]
    start = occ.start
    while True:
        before = next((s for s in range(start - 1, max(start - 16, -1), -1) if s in starts), None)
        if before is None or not ENUMERATION_GAP.fullmatch(page.body, before, start):
            break
        count, start = count + 1, starts[before]
    return f"one of {count} names listed" if count >= MIN_ENUMERATION else None


BRACKET_BEFORE = re.compile(r"[ \t]*\([ \t]*$")
ABBREVIATION = re.compile(rf"[{UP}][{UP}0-9&]{{1,7}}")


def _abbreviates_body(page: Page, occ: Occurrence) -> str | None:
    """'le Conseil des turbines de Norvège (CMT)': an abbreviation in brackets after a name
    with a public-body word names that body."""
    text = page.body[occ.start : occ.end]
    gap = BRACKET_BEFORE.search(page.body, max(0, occ.start - 4), occ.start)
    if not ABBREVIATION.fullmatch(text) or gap is None:
        return None
    end = gap.start()
    start = page.longest_ending.get(end)
    if start is None:
        return None
    kind_words = gz.lexicon().organisation_words
    if any(w.strip(",.'’") in kind_words for w in page.body[start:end].split()):
        return "short for a public body's name"
    return None


def _list_intro(page: Page, occ: Occurrence) -> str | None:
    before, _ = _windows(page, occ)
    return "after 'such as'" if cues.LIST_INTRO.search(before) else None


def _list_member(page: Page, occ: Occurrence) -> str | None:
    return "member of a list" if occ.source == "list" else None


def _sentence_start(page: Page, form: Form) -> Evidence:
    share = sum(page.at_sentence_start(o.start) for o in form.occurrences)
    return (share / len(form.occurrences), "opens a sentence") if share else (0.0, "")


def _cut_only(page: Page, form: Form) -> Evidence:
    """Only ever the end or a part of a longer capitalised run ('Gemini' of 'Cap Gemini')."""
    only = all(o.source in ("tail", "part") for o in form.occurrences)
    return (1.0, "cut out of a longer name") if only else (0.0, "")


def _head(page: Page, occ: Occurrence) -> str | None:
    """The first words of a longer run: a brand before its product, or a longer name."""
    if occ.source != "head":
        return None
    return f"opens '{page.body[occ.start : occ.run_end]}'"


def _product_head(page: Page, occ: Occurrence) -> str | None:
    """'Anker' of 'Anker PowerCore 10000': the rest of the run names a model."""
    if occ.source != "head":
        return None
    rest = page.body[occ.end : occ.run_end]
    if MODEL_WORD.search(rest):
        return f"maker of the {page.body[occ.start : occ.run_end]}"
    return None


def listed_with(page: Page, form: Form) -> Evidence:
    """The 'listed_with' feature again, after `page.accept` (the second pass)."""
    return _first(page, form, _listed_with)


def _context_feature(name: str, test: Callable[[Page, Occurrence], str | None]) -> Feature:
    return Feature(name, lambda page, form: _first(page, form, test))


def _features() -> tuple[Feature, ...]:
    tests: dict[str, Callable[[Page, Occurrence], str | None]] = {
        "cue_noun": _cue_noun,
        "cue_before": _cue_before,
        "strong_cue": _strong_cue,
        "appositive": _appositive,
        "cue_after": _cue_after,
        "offering": _offering,
        "possessive": _possessive,
        "product": _product,
        "market": _market,
        "place_before": _place_before,
        "body_noun": _body_noun,
        "title_before": _title_before,
        "said_after": _said_after,
        "deal": _deal,
        "media": _media,
        "listed_with": _listed_with,
        "list_intro": _list_intro,
        "abbreviates_body": _abbreviates_body,
        "list_member": _list_member,
        "enumeration": _enumeration,
        "head": _head,
        "product_head": _product_head,
    }
    out = [_context_feature(name, test) for name, test in tests.items()]
    out += [Feature("sentence_start", _sentence_start), Feature("cut_only", _cut_only)]
    return tuple(out)


FEATURES = _features()
"""The context features, in the order of the fitted weights."""
