"""Companies and other organisations named in a body, in four stages.

`candidates` proposes names (NER spans, capitalised runs, gazetteer hits, list
members) grouped into forms; `features` (with `context`) describes each form by named
evidence; `scoring` turns the evidence into a probability with fitted weights and keeps
the forms above the threshold; `rows` merges the kept forms into one row per company
with every mention. Names that are not companies but public bodies, courts or unions
become organisations.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from tui.core.entities.companies import gazetteer as gz
from tui.core.entities.companies.candidates import UP, Form, Span, candidate_forms
from tui.core.entities.companies.context import listed_with
from tui.core.entities.companies.features import NAMES, evidence, with_words
from tui.core.entities.companies.page import Evidence, Page
from tui.core.entities.companies.rows import Verdict, build_rows
from tui.core.entities.companies.scoring import Scorer, shipped_scorer
from tui.core.language import guess_language
from tui.core.model import Company, Organisation

ALIAS_BLOCKERS = ("place", "known_body", "function_word", "calendar", "surname", "body_word")
"""Evidence that keeps a rejected form from joining a kept company as its short form."""
INSTITUTION = re.compile(rf"^[{UP}][\w'’\-]* (?:(?:de|des|du|de la) |d['’]|de l['’])[a-zà-ÿ]")
"""'Caisse de retraite des cadres': a French name that goes on in lowercase after 'de'
names an institution, not a company."""
RULES = Scorer(
    weights={
        "known_company": 5.0,
        "legal_form": 5.0,
        "company_word": 3.0,
        "cue_noun": 3.0,
        "strong_cue": 3.0,
        "appositive": 3.0,
        "known_body": -8.0,
        "place": -6.0,
        "body_word": -4.0,
        "calendar": -6.0,
    },
    bias=-2.0,
    threshold=0.5,
)
"""The rules used when the fitted scorer cannot be read: known names, legal forms, cues."""

LISTED = NAMES.index("listed_with")

log = logging.getLogger(__name__)


def find_companies(
    body: str,
    lang: str | None,
    spans: Sequence[Span],
    model_lang: str | None = "",
    scorer: Scorer | None = None,
) -> tuple[tuple[Company, ...], tuple[Organisation, ...]]:
    """Companies (all mentions merged per company) and non-company organisations.

    `spans` are the NER spans of the pipeline of `model_lang` ('' means the pipeline of
    the text's language, None that no pipeline ran); `scorer` defaults to the shipped one.
    """
    try:
        page, scored = score_forms(body, lang, spans, model_lang)
        chosen = scorer or shipped_scorer() or RULES
        return choose(page, scored, chosen)
    except Exception:  # the entity pass must never take the article down
        log.exception("company finder failed")
        return (), ()


def score_forms(
    body: str, lang: str | None, spans: Sequence[Span], model_lang: str | None = ""
) -> tuple[Page, list[tuple[Form, list[Evidence]]]]:
    """The page and every candidate form with its evidence (what the scorer reads)."""
    language = lang if lang in ("fr", "en") else (guess_language(body) or "fr")
    ner_lang = language if model_lang == "" else model_lang
    clean = [(s, e, lab) for s, e, lab in spans if 0 <= s < e <= len(body)]
    forms = candidate_forms(body, clean)
    page = Page(body, language, ner_lang, clean, forms)
    return page, [(form, evidence(page, form)) for form in forms.values()]


def second_pass(
    page: Page, scored: list[tuple[Form, list[Evidence]]], scorer: Scorer
) -> list[tuple[Form, list[Evidence]]]:
    """The evidence again, with the forms a first pass kept as list neighbours:
    'Zorbex, Quelmo et Tarvio' are companies when one of them is."""
    kept = frozenset(
        form.text
        for form, found in scored
        if scorer.probability(NAMES, [v for v, _ in found]) >= scorer.threshold_for(page.lang)
    )
    page.accept(kept)
    out = []
    for form, found in scored:
        again = list(found)
        again[LISTED] = listed_with(page, form)
        out.append((form, again))
    return out


def choose(
    page: Page, scored: list[tuple[Form, list[Evidence]]], scorer: Scorer
) -> tuple[tuple[Company, ...], tuple[Organisation, ...]]:
    """The rows of the forms `scorer` keeps (after the second pass), and the
    organisations among the others."""
    scored = second_pass(page, with_words(page, scored, scorer.words), scorer)
    verdicts: list[Verdict] = []
    rejected: list[tuple[Form, list[Evidence]]] = []
    threshold = scorer.threshold_for(page.lang)
    for form, found in scored:
        values = [value for value, _ in found]
        probability = scorer.probability(NAMES, values)
        entry = gz.lookup(form.text)
        market = dict(zip(NAMES, found, strict=True))["market"][0] > 0
        if probability >= threshold and not market and not _known_non_company(entry):
            reasons = scorer.reasons(NAMES, found)
            known = entry if entry is not None and entry.kind == gz.COMPANY else None
            verdicts.append(Verdict(form.text, "company", "company", known, probability, reasons))
            continue
        kind = _body_kind(page, form, found, entry)
        if kind is not None:
            verdicts.append(Verdict(form.text, "organisation", kind, entry, probability))
        else:
            rejected.append((form, found))
    verdicts += _extended(verdicts, rejected)
    return build_rows(page.body, verdicts, _aliases(rejected))


def _extended(
    verdicts: list[Verdict], rejected: list[tuple[Form, list[Evidence]]]
) -> list[Verdict]:
    """A kept name that runs on to a legal form or a company word is kept whole
    ('Alkeon Capital' of 'Alkeon Capital Management', 'Crédit Agricole S.A.')."""
    kept = {v.text: v for v in verdicts if v.category == "company"}
    out = []
    for form, found in rejected:
        named = dict(zip(NAMES, found, strict=True))
        formal = named["legal_form"][0] or named["company_word"][0]
        if not formal or any(named[n][0] for n in ALIAS_BLOCKERS):
            continue
        inner = next((v for t, v in kept.items() if _runs_on(form.text, t)), None)
        if inner is not None:
            out.append(
                Verdict(
                    form.text, "company", "company", inner.entry, inner.probability, inner.reasons
                )
            )
    return out


def _runs_on(longer: str, shorter: str) -> bool:
    """'Alkeon Capital Management' runs on from 'Alkeon Capital' (to the right only)."""
    return longer.startswith(shorter + " ")


def _known_non_company(entry: gz.Entry | None) -> bool:
    """The data file knows this name as a public body, a market or an index: a fact
    that no score overrides."""
    return entry is not None and entry.kind != gz.COMPANY


def _aliases(rejected: list[tuple[Form, list[Evidence]]]) -> list[str]:
    """Rejected forms that may still be a kept company's short form or country unit
    ('Tiger' of 'Tiger Global', 'Uber France'): no place, body or person evidence."""
    out = []
    for form, found in rejected:
        named = dict(zip(NAMES, found, strict=True))
        if not any(named[n][0] for n in ALIAS_BLOCKERS):
            out.append(form.text)
    return out


def _body_kind(page: Page, form: Form, found: list[Evidence], entry: gz.Entry | None) -> str | None:
    """The kind of organisation a rejected form names, or None when it names none."""
    if entry is not None and entry.kind == gz.INDEX:
        return None
    if entry is not None and entry.kind != gz.COMPANY:
        return entry.kind
    named = dict(zip(NAMES, found, strict=True))
    if named["market"][0]:
        return "market"
    several = " " in form.text.strip()
    if named["known_body"][0] or named["body_noun"][0] or (several and named["body_word"][0]):
        return gz.organisation_kind(form.text.split()) or "organisation"
    institution = page.lang == "fr" and INSTITUTION.match(form.text) is not None
    if institution and any(o.exact and o.label in ("ORG", "LOC") for o in form.occurrences):
        return "organisation"
    return None


__all__ = ["Form", "Page", "Scorer", "choose", "find_companies", "score_forms", "second_pass"]
