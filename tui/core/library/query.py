"""The library's query language, parsed into plain terms (no SQL here: see `query_sql`).

    capgemini "cloud souverain" -rachat company:Thales amount>100M€ lang:fr
    site:lesechos.fr since:2026-11-01 until:2026-11 feed:"Les Echos" watched:

Terms are separated by spaces and all must hold (`AND` between them is allowed and
changes nothing); `-` before any term excludes what it matches. A term that cannot be
read is left out and explained in one line of `Query.hints`: parsing never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.library.query_values import parse_amount, parse_day

FILTERS = ("company", "amount", "lang", "site", "since", "until", "feed", "watched")
WORD = re.compile(r"[^\W_]+")
"""A word as the full-text index cuts them: letters and digits."""
_TOKEN = re.compile(
    r'(?P<neg>-*)(?:"(?P<phrase>[^"]*)(?P<closed>"?)'
    r'|(?P<name>[A-Za-z]+)(?P<sep>:|(?=[<>=]))(?:"(?P<quoted>[^"]*)(?P<vclosed>"?)|(?P<value>\S*))'
    r"|(?P<bare>\S+))"
)
_OPERATOR = re.compile(r"(>=|<=|>|<|=)(.*)", re.S)
_RELATIVE = re.compile(r"(\d{1,4})([dw])", re.I)
_LANG = re.compile(r"[a-z]{2,3}")
MAX_HINTS = 3


@dataclass(frozen=True)
class Text:
    """Words that must appear in order (one word, a hyphenated word, or a quoted phrase)."""

    words: tuple[str, ...]
    negated: bool = False
    prefix: bool = False
    """The last word may be the start of a longer one (the word being typed)."""


@dataclass(frozen=True)
class CompanyIs:
    name: str
    negated: bool = False


@dataclass(frozen=True)
class AmountIs:
    """An amount compared with `value` (`>`, `>=`, `<`, `<=`, `=`), in `currency` if given."""

    op: str
    value: float
    currency: str | None
    negated: bool = False


@dataclass(frozen=True)
class LangIs:
    lang: str
    negated: bool = False


@dataclass(frozen=True)
class SiteIs:
    """A web host (`example.com` also matches `news.example.com`) or a site's name."""

    site: str
    negated: bool = False


@dataclass(frozen=True)
class DayFrom:
    """The article's day is `day` or later (`since:`), or `day` or earlier (`until:`)."""

    day: str
    until: bool = False
    negated: bool = False


@dataclass(frozen=True)
class FeedIs:
    name: str
    negated: bool = False


@dataclass(frozen=True)
class Watched:
    negated: bool = False


Term = Text | CompanyIs | AmountIs | LangIs | SiteIs | DayFrom | FeedIs | Watched


@dataclass(frozen=True)
class Query:
    """What the user asked for; `hints` says what was left out, one line each."""

    terms: tuple[Term, ...] = ()
    hints: tuple[str, ...] = ()

    @property
    def hint(self) -> str:
        """All hints on one line ("" when the query was understood)."""
        shown = list(self.hints[:MAX_HINTS])
        if len(self.hints) > MAX_HINTS:
            shown.append(f"and {len(self.hints) - MAX_HINTS} more")
        return "; ".join(shown)

    def of(self, kind: type[Term]) -> list[Term]:
        return [t for t in self.terms if isinstance(t, kind)]


class _Bad(ValueError):
    """A term that cannot be read; its message is the hint."""


def parse(text: str, today: date | None = None) -> Query:
    """Read a query; `today` anchors relative dates (`since:7d`)."""
    terms: list[Term] = []
    hints: list[str] = []
    end = len(text.rstrip())
    for found in _TOKEN.finditer(text):
        try:
            term = _term(found, today or date.today())
        except _Bad as bad:
            hints.append(str(bad))
            continue
        if term is None:
            continue
        typing = found["phrase"] is None and found.end() == end
        if typing and isinstance(term, Text) and not term.negated:
            term = Text(term.words, prefix=True)
        terms.append(term)
        if found["phrase"] is not None and not found["closed"]:
            hints.append('a quote (") is not closed: searched as a phrase up to the end')
    return Query(tuple(terms), tuple(hints))


def _term(found: re.Match[str], today: date) -> Term | None:
    negated = bool(found["neg"])
    if found["phrase"] is not None:
        return _text(found["phrase"], negated)
    if found["name"] is not None:
        name = found["name"].casefold()
        if name not in FILTERS:
            return _text(found.group(0), negated)
        if found["quoted"] is not None and not found["vclosed"]:
            raise _Bad(f'{name}: a quote (") is not closed')
        value = found["quoted"] if found["quoted"] is not None else found["value"]
        return _filter(name, value.strip(), found["sep"], negated, today)
    bare = found["bare"]
    if bare in ("OR", "NOT"):
        raise _Bad(f"{bare} is not supported: terms all apply, and -word excludes a word")
    return None if bare == "AND" else _text(bare, negated)


def _text(text: str, negated: bool) -> Text | None:
    words = tuple(WORD.findall(text))
    return Text(words, negated) if words else None


def _filter(name: str, value: str, sep: str, negated: bool, today: date) -> Term:
    if name == "amount":
        return _amount(value, negated)
    if sep != ":":
        raise _Bad(f"{name} takes a colon: {name}:…")
    if name == "watched":
        if value:
            raise _Bad("watched: takes no value (it lists articles about watched companies)")
        return Watched(negated)
    if not value:
        raise _Bad(f"{name}: needs a value, e.g. {_EXAMPLES[name]}")
    if name == "company":
        return CompanyIs(value, negated)
    if name == "lang":
        lang = value.casefold().split("-")[0]
        if not _LANG.fullmatch(lang):
            raise _Bad(f"lang:{value} is not a language code (lang:fr, lang:en)")
        return LangIs(lang, negated)
    if name == "site":
        return SiteIs(_site(value), negated)
    if name == "feed":
        return FeedIs(value, negated)
    return DayFrom(_day(name, value, today), until=name == "until", negated=negated)


_EXAMPLES = {
    "company": "company:Capgemini",
    "lang": "lang:fr",
    "site": "site:example.com",
    "since": "since:2026-11-01",
    "until": "until:2026-11-30",
    "feed": 'feed:"Les Echos"',
}


def _amount(value: str, negated: bool) -> AmountIs:
    operator = _OPERATOR.fullmatch(value.strip())
    if operator is None:
        raise _Bad("amount needs a comparison: amount>100M€, amount>=1bn$, amount<5e6")
    op, rest = operator.groups()
    try:
        number, currency = parse_amount(rest)
    except ValueError as error:
        raise _Bad(f"amount{op}{rest}: {error}") from None
    return AmountIs(op, number, currency, negated)


def _day(name: str, value: str, today: date) -> str:
    relative = _RELATIVE.fullmatch(value)
    if relative is not None:
        days = int(relative[1]) * (7 if relative[2].casefold() == "w" else 1)
        return (today - timedelta(days=days)).isoformat()
    try:
        return parse_day(value, end=name == "until")
    except ValueError:
        raise _Bad(
            f"{name}:{value} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or 7d / 2w ago"
        ) from None


def _site(value: str) -> str:
    """`https://www.Example.com/page` -> `example.com`; a name is kept as typed."""
    site = value.casefold()
    site = site.split("://", 1)[-1].split("/", 1)[0] if "://" in site or "/" in site else site
    return site.removeprefix("www.")
