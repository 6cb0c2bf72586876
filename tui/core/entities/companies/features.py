"""Named features of a candidate form: what the NER, the gazetteer and the spelling say.

Each feature is a function of the page and the form that returns a value in [0, 1]
and, when the value is not zero, the words a reader is shown when this feature weighed
most ('legal form SA', 'English NER: ORG'). The context features (cue words, lists,
products, places) are in `context`; `FEATURES` lists them all, in a fixed order that
the fitted weights follow.
"""

from __future__ import annotations

import math
import re

from tui.core.entities.companies import context, words
from tui.core.entities.companies import gazetteer as gz
from tui.core.entities.companies.candidates import Form
from tui.core.entities.companies.cues import company_shape
from tui.core.entities.companies.page import (
    NONE,
    PERSON_LABELS,
    Evidence,
    Feature,
    Page,
    legal_form,
)
from tui.core.entities.companies.places import is_place

LANGUAGE_NAMES = {"en": "English", "fr": "French"}
NER_GROUPS = {
    "en": {
        "ORG": {"ORG"},
        "PERSON": {"PERSON"},
        "PLACE": {"GPE", "LOC", "FAC"},
        "NORP": {"NORP"},
        "PRODUCT": {"PRODUCT"},
        "WORK": {"EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"},
        "NUMBER": {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"},
    },
    "fr": {"ORG": {"ORG"}, "PER": {"PER"}, "LOC": {"LOC"}, "MISC": {"MISC"}},
}
"""The NER labels of each pipeline, grouped into the features they feed."""
MENTIONS_SCALE = math.log(10)
"""log(1 + mentions) / this, capped at 1: ten mentions or more count fully."""
QUARTER = re.compile(r"(?:Q|H|T|S)[1-4]|FY\d{2,4}|\d{4}")
COMMON_HEADS = frozenset({"Le", "La", "Les", "The", "A", "An", "Un", "Une"})


def _ner_feature(lang: str, group: str, labels: set[str]) -> Feature:
    """The share of occurrences whose NER span has exactly their bounds and this label."""

    def compute(page: Page, form: Form) -> Evidence:
        if page.model_lang != lang:
            return NONE
        hits = sum(o.exact and o.label in labels for o in form.occurrences)
        if not hits:
            return NONE
        return hits / len(form.occurrences), f"{LANGUAGE_NAMES[lang]} NER: {group}"

    return Feature(f"ner_{lang}_{group}", compute)


def _ner_partial(page: Page, form: Form) -> Evidence:
    """NER spans that overlap the occurrences without matching them."""
    if page.model_lang is None:
        return NONE
    hits = sum(bool(o.label) and not o.exact for o in form.occurrences)
    return (hits / len(form.occurrences), "part of a NER span") if hits else NONE


def _ner_none(page: Page, form: Form) -> Evidence:
    if page.model_lang is None:
        return NONE
    misses = sum(not o.label for o in form.occurrences)
    return (misses / len(form.occurrences), "no NER label") if misses else NONE


def _inside_person(page: Page, form: Form) -> Evidence:
    hit = any(o.within in PERSON_LABELS for o in form.occurrences)
    return (1.0, "part of a person's name") if hit else NONE


def _inside_org(page: Page, form: Form) -> Evidence:
    hit = any(o.within == "ORG" for o in form.occurrences)
    return (1.0, "part of a longer name") if hit else NONE


def _known_company(page: Page, form: Form) -> Evidence:
    """A name the data knows as a company; a plain-word one ('Apple', 'Orange') only when
    the body never writes that word in lowercase."""
    entry = gz.lookup(form.text)
    if entry is None or entry.kind != gz.COMPANY or _ordinary(page, form.text):
        return NONE
    return 1.0, f"known company{f' ({entry.ticker})' if entry.ticker else ''}"


def _known_plain_word(page: Page, form: Form) -> Evidence:
    """A known company whose name the body also uses as an ordinary word."""
    entry = gz.lookup(form.text)
    if entry is None or entry.kind != gz.COMPANY or not _ordinary(page, form.text):
        return NONE
    return 1.0, "known company with a plain-word name"


def _ordinary(page: Page, text: str) -> bool:
    return gz.is_weak(text) and text.lower() in page.words


def _known_weak(page: Page, form: Form) -> Evidence:
    """A known company whose name is also a plain word ('Square', 'Next'), used or not."""
    entry = gz.lookup(form.text)
    if entry is None or entry.kind != gz.COMPANY or not gz.is_weak(form.text):
        return NONE
    return 1.0, "known name that is also a plain word"


def _known_body(page: Page, form: Form) -> Evidence:
    entry = gz.lookup(form.text)
    if entry is None or entry.kind in (gz.COMPANY, gz.INDEX):
        return NONE
    return 1.0, f"known {entry.kind}"


def _stock_index(page: Page, form: Form) -> Evidence:
    entry = gz.lookup(form.text)
    return (1.0, "stock index") if entry is not None and entry.kind == gz.INDEX else NONE


def _holds_known(page: Page, form: Form) -> Evidence:
    """'Google Assistant', 'Uber France': a known company inside a longer name."""
    for start, end in gz.known_spans(form.text):
        if end - start < len(form.text):
            entry = gz.lookup(form.text[start:end])
            if entry is not None and entry.kind == gz.COMPANY:
                return 1.0, f"holds {form.text[start:end]}"
    return NONE


def _legal_form(page: Page, form: Form) -> Evidence:
    found = legal_form(form.text)
    return (1.0, f"legal form {found}") if found else NONE


def _company_word(page: Page, form: Form) -> Evidence:
    words = form.text.split()
    if len(words) < 2:
        return NONE
    lex = gz.lexicon()
    if words[-1] in lex.company_heads:
        return 1.0, f"company word {words[-1]}"
    prefix = words[0].capitalize()
    if prefix in lex.company_prefixes:
        return 1.0, f"company word {prefix}"
    return NONE


NEWSPAPER_WORDS = frozenset(
    "Times Post Herald Tribune Courant Sun Star Journal Gazette News Chronicle Examiner "
    "Inquirer Register Dispatch Globe Observer Telegraph Guardian Independent Bee Ledger "
    "Courier Mercury Enquirer Sentinel Advertiser Bulletin Monitor Reporter Magazine Weekly "
    "Review Daily".split()
)
"""Words that end the title of a newspaper or magazine ('Hartford Courant', 'Post-Gazette')."""


def _newspaper(page: Page, form: Form) -> Evidence:
    """'Baltimore Sun', 'San Diego Union-Tribune': a name ending with a newspaper word."""
    words = re.split(r"[\s\-]+", form.text.strip())
    if len(words) >= 2 and words[-1] in NEWSPAPER_WORDS and words[0][:1].isupper():
        return 1.0, f"newspaper title ({words[-1]})"
    return NONE


def _body_word(page: Page, form: Form) -> Evidence:
    """A word that names a public body, as the head ('Ministère de…', '…Commission') or
    before 'of'/'de'; inside a place's name it does not count ('Kansas City Star')."""
    kind_words = gz.lexicon().organisation_words
    words = [w.strip(",.'’") for w in form.text.split()]
    for i, word in enumerate(words):
        if word not in kind_words:
            continue
        head = i in (0, len(words) - 1)
        if head or words[i + 1] in ("of", "de", "des", "du", "d'"):
            return 1.0, f"public-body word {word}"
    return NONE


def _acronym(page: Page, form: Form) -> Evidence:
    letters = [c for c in form.text if c.isalpha()]
    short = " " not in form.text and 2 <= len(letters) <= 6
    return (1.0, "acronym") if short and all(c.isupper() for c in letters) else NONE


def _long_capitals(page: Page, form: Form) -> Evidence:
    letters = [c for c in form.text if c.isalpha()]
    return (1.0, "all capitals") if len(letters) > 6 and form.text.isupper() else NONE


def _shaped(page: Page, form: Form) -> Evidence:
    return (1.0, "spelled like a brand") if company_shape(form.text) else NONE


def _domain(page: Page, form: Form) -> Evidence:
    return (1.0, "web address") if gz.is_domain_name(form.text) else NONE


def _digit(page: Page, form: Form) -> Evidence:
    return (1.0, "has a digit") if any(c.isdigit() for c in form.text) else NONE


def _one_word(page: Page, form: Form) -> Evidence:
    return (1.0, "one word") if " " not in form.text.strip() else NONE


def _long_name(page: Page, form: Form) -> Evidence:
    return (1.0, "four words or more") if len(form.text.split()) >= 4 else NONE


def _lowercase_word(page: Page, form: Form) -> Evidence:
    """'Head of sales', 'Prix de la ville': a lowercase word other than a connector."""
    connectors = {"de", "des", "du", "la", "le", "of", "&", "the", "d'", "l'", "and", "et"}
    words = form.text.split()
    hit = any(w[:1].islower() and w not in connectors for w in words[1:])
    return (1.0, "lowercase word inside") if hit else NONE


def _ordinary_word(page: Page, form: Form) -> Evidence:
    """The first word is also written in lowercase in the body ('Jump' and 'jump')."""
    first = form.text.split()[0]
    lower = first.lower()
    if lower == first or lower not in page.words or _company_prefix(form.text):
        return NONE
    return 1.0, f"'{lower}' is also an ordinary word here"


def _function_word(page: Page, form: Form) -> Evidence:
    """Opens with a stop word, a title or a sentence opener ('Selon X', 'PDG X')."""
    first = form.text.split()[0]
    lex = gz.lexicon()
    lower = first.lower().strip("'’,")
    if (first in COMMON_HEADS and len(form.text.split()) > 1) or _company_prefix(form.text):
        return NONE
    if lower in gz.stop_words() or lower in lex.title_words:
        return 1.0, f"opens with '{lower}'"
    return NONE


def _company_prefix(text: str) -> bool:
    """'Crédit Lorvanais', 'Banque X': a common word that opens a company's name."""
    words = text.split()
    return len(words) > 1 and words[0] in gz.lexicon().company_prefixes


def _nationality(page: Page, form: Form) -> Evidence:
    nations = {n.lower() for n in gz.lexicon().nationalities}
    first = form.text.split()[0].lower()
    return (1.0, "nationality word") if first in nations else NONE


def _calendar(page: Page, form: Form) -> Evidence:
    lex = gz.lexicon()
    words = form.text.split()
    if any(w in lex.calendar_words for w in words) or QUARTER.fullmatch(form.text):
        return 1.0, "calendar word"
    if {words[0], words[-1]} & lex.event_words:
        return 1.0, "event word"
    return NONE


def _place(page: Page, form: Form) -> Evidence:
    if is_place(form.text) or form.text in gz.lexicon().country_names:
        return 1.0, "place name"
    return NONE


def _ends_with_place(page: Page, form: Form) -> Evidence:
    """'Uber France', 'Région Bretagne': a name that ends with a place."""
    words = form.text.split()
    return (1.0, f"ends with {words[-1]}") if len(words) > 1 and is_place(words[-1]) else NONE


def _surname(page: Page, form: Form) -> Evidence:
    given, surnames = page.people
    words = form.text.split()
    if len(words) == 1 and form.text in surnames:
        return 1.0, "surname of a person named here"
    if len(words) >= 2 and words[0] in given:
        return 1.0, f"'{words[0]}' is a first name here"
    return NONE


def _person_name(page: Page, form: Form) -> Evidence:
    """'Daniel Marsh' read as a person by the NER: two or three capitalised words with no
    company word, legal form or known name."""
    words = form.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return NONE
    if not any(o.exact and o.label in PERSON_LABELS for o in form.occurrences):
        return NONE
    if gz.lookup(form.text) is not None or legal_form(form.text) or _company_word(page, form)[0]:
        return NONE
    return 1.0, "a person's name"


def _mentions(page: Page, form: Form) -> Evidence:
    count = len({o.start for o in form.occurrences})
    return min(1.0, math.log1p(count) / MENTIONS_SCALE), f"mentioned {count}×"


WORDS_SCALE = 2.0
"""A context-word score of this size gives a feature value of 1 - 1/e."""


def _context_score(page: Page, form: Form) -> tuple[float, list[str]]:
    occurrences = page.context_words.get(form.text)
    if occurrences is None:
        occurrences = words.form_words(page.body, form, page.lang)
    return words.score(page.word_table, occurrences)


def _context_feature(lang: str, sign: int) -> Feature:
    """The fitted context words around the form's mentions, in text of `lang`, go with
    companies ('shares of X'; sign 1) or with other names ('Mr X'; sign -1)."""

    def compute(page: Page, form: Form) -> Evidence:
        if page.lang != lang:
            return NONE
        value, strongest = _context_score(page, form)
        if value * sign <= 0:
            return NONE
        shown = ", ".join(words.readable(w) for w in strongest[:2])
        against = "" if sign > 0 else " against"
        return 1.0 - math.exp(-abs(value) / WORDS_SCALE), f"words around it{against} ({shown})"

    return Feature(f"context_{'words' if sign > 0 else 'against'}_{lang}", compute)


def _french(page: Page, form: Form) -> Evidence:
    return (1.0, "French text") if page.lang == "fr" else NONE


FEATURES: tuple[Feature, ...] = (
    *(
        _ner_feature(lang, group, labels)
        for lang, g in NER_GROUPS.items()
        for group, labels in g.items()
    ),
    Feature("ner_none", _ner_none),
    Feature("ner_partial", _ner_partial),
    Feature("inside_person", _inside_person),
    Feature("inside_org", _inside_org),
    Feature("known_company", _known_company),
    Feature("known_plain_word", _known_plain_word),
    Feature("known_weak", _known_weak),
    Feature("known_body", _known_body),
    Feature("stock_index", _stock_index),
    Feature("holds_known", _holds_known),
    Feature("legal_form", _legal_form),
    Feature("company_word", _company_word),
    Feature("body_word", _body_word),
    Feature("newspaper", _newspaper),
    Feature("acronym", _acronym),
    Feature("long_capitals", _long_capitals),
    Feature("shaped", _shaped),
    Feature("domain", _domain),
    Feature("digit", _digit),
    Feature("one_word", _one_word),
    Feature("long_name", _long_name),
    Feature("lowercase_word", _lowercase_word),
    Feature("ordinary_word", _ordinary_word),
    Feature("function_word", _function_word),
    Feature("nationality", _nationality),
    Feature("calendar", _calendar),
    Feature("place", _place),
    Feature("ends_with_place", _ends_with_place),
    Feature("surname", _surname),
    Feature("person_name", _person_name),
    Feature("mentions", _mentions),
    Feature("french", _french),
    *context.FEATURES,
    *(_context_feature(lang, sign) for lang in sorted(words.LANGUAGES) for sign in (1, -1)),
)
"""Every feature, in the order of the fitted weights."""

NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)


WORD_FEATURES = tuple(i for i, n in enumerate(NAMES) if n.startswith("context_"))
"""The features that read the fitted context-word table."""


def with_words(
    page: Page, scored: list[tuple[Form, list[Evidence]]], table: words.Table
) -> list[tuple[Form, list[Evidence]]]:
    """The evidence again, with the context-word features read from `table`."""
    page.word_table = table
    out = []
    for form, found in scored:
        again = list(found)
        for i in WORD_FEATURES:
            again[i] = FEATURES[i].compute(page, form)
        out.append((form, again))
    return out


def evidence(page: Page, form: Form) -> list[Evidence]:
    """The value and reason of every feature for one form, in `FEATURES` order."""
    return [feature.compute(page, form) for feature in FEATURES]
