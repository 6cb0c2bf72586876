"""One article's facts as index rows: its day, language and host, its companies, its amounts.

Plain functions over the model, no SQL: `entity_index` writes what these return.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from tui.core.library.company_key import company_key
from tui.core.model import Amount, Article, Company, Entities

SENTENCE_LIMIT = 240
"""Longest sentence kept beside a mention; a longer one is cut around the mention."""
SENTENCE_REACH = 2000
"""Characters searched on each side of a mention for the ends of its sentence."""
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOUNDARY = re.compile(r"(?P<stop>[.!?…][»”\")]*)\s+(?=[«“\"(]?[A-ZÀ-Ý0-9])|\n")
"""Where a sentence ends: closing punctuation then a capital or a digit, or a line break."""


@dataclass(frozen=True)
class ArticleRow:
    """What the query filters read about an article without opening its JSON."""

    day: str
    lang: str | None
    host: str | None
    site_key: str | None


@dataclass(frozen=True)
class CompanyRow:
    """One company in one article (two rows of one article with the same key are merged)."""

    key: str
    name: str
    forms: tuple[str, ...]
    form_keys: tuple[str, ...]
    mentions: int
    first_start: int
    first_end: int
    sentence: str
    ticker: str | None
    country: str | None
    industry: str | None


@dataclass(frozen=True)
class AmountRow:
    """One amount of one article, with the company it belongs to when known."""

    position: int
    amount: Amount
    owner: str | None
    """The finder's owner, else the one company the amount's sentence names."""
    owner_key: str | None
    sentence: str
    repeated: bool = False
    """The article gave the same value in the same currency for the same owner before."""


def article_day(published: str | None, saved_at: str) -> str:
    """The article's date as `YYYY-MM-DD`: the published date when it reads as one."""
    if published and (found := _DAY.match(published.strip())):
        return found.group()
    return saved_at[:10]


def host_of(url: str | None) -> str | None:
    """`https://www.Example.com/x` -> `example.com`; None when there is no web address."""
    if not url or "://" not in url:
        return None
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def article_row(article: Article, saved_at: str) -> ArticleRow:
    site = company_key(article.site) if article.site else ""
    return ArticleRow(
        day=article_day(article.published, saved_at),
        lang=(article.lang or "").casefold() or None,
        host=host_of(article.url) or host_of(article.source),
        site_key=site or None,
    )


def sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding `body[start:end]` begins and ends."""
    head = max(0, start - SENTENCE_REACH)
    for found in _BOUNDARY.finditer(body, head, start + 1):
        if found.end() <= start:
            head = found.end()
    tail = min(len(body), end + SENTENCE_REACH)
    if stop := _BOUNDARY.search(body, end, tail):
        tail = stop.end("stop") if stop.group("stop") else stop.start()
    return head, tail


def sentence_at(body: str, start: int, end: int, limit: int = SENTENCE_LIMIT) -> str:
    """The sentence of `body` around `body[start:end]`, on one line, cut to `limit`."""
    head, tail = sentence_bounds(body, start, end)
    sentence = body[head:tail]
    if len(sentence) > limit:
        left = max(head, start - limit // 2)
        right = min(tail, left + limit)
        left = max(head, right - limit)
        sentence = ("…" if left > head else "") + body[left:right] + ("…" if right < tail else "")
    return " ".join(sentence.split())


def company_rows(body: str, entities: Entities | None) -> list[CompanyRow]:
    """One row per company key, in order of first mention."""
    rows: dict[str, CompanyRow] = {}
    for company in entities.companies if entities else ():
        row = _company_row(body, company)
        if row is None:
            continue
        if row.key in rows:
            row = _merged(rows[row.key], row)
        rows[row.key] = row
    return sorted(rows.values(), key=lambda r: r.first_start)


def _company_row(body: str, company: Company) -> CompanyRow | None:
    key = company_key(company.name)
    if not key or not company.mentions:
        return None
    first = min(company.mentions, key=lambda m: m.start)
    forms = tuple(dict.fromkeys((company.name, *company.forms)))
    keys = tuple(dict.fromkeys(k for k in (key, *map(company_key, forms)) if k))
    return CompanyRow(
        key=key,
        name=company.name,
        forms=forms,
        form_keys=keys,
        mentions=len(company.mentions),
        first_start=first.start,
        first_end=first.end,
        sentence=sentence_at(body, first.start, first.end),
        ticker=company.ticker,
        country=company.country,
        industry=company.industry,
    )


def _merged(first: CompanyRow, second: CompanyRow) -> CompanyRow:
    earlier = first if first.first_start <= second.first_start else second
    return CompanyRow(
        key=first.key,
        name=first.name if first.mentions >= second.mentions else second.name,
        forms=tuple(dict.fromkeys((*first.forms, *second.forms))),
        form_keys=tuple(dict.fromkeys((*first.form_keys, *second.form_keys))),
        mentions=first.mentions + second.mentions,
        first_start=earlier.first_start,
        first_end=earlier.first_end,
        sentence=earlier.sentence,
        ticker=first.ticker or second.ticker,
        country=first.country or second.country,
        industry=first.industry or second.industry,
    )


def amount_rows(
    body: str, entities: Entities | None, companies: list[CompanyRow]
) -> list[AmountRow]:
    """Every amount with its sentence and the company it belongs to: the owner the finder
    gave (named by any of its spellings: `Dassault` owns an amount of `Dassault Systèmes`),
    else the one company its sentence names, if it names exactly one."""
    by_form = {k: row.key for row in companies for k in row.form_keys}
    names = {row.key: row.name for row in companies}
    named = sorted(
        (m.start, company_key(c.name)) for c in (entities.companies if entities else ())
        for m in c.mentions
    )  # fmt: skip
    rows = []
    seen: set[tuple[str | None, str | None, float]] = set()
    for position, amount in enumerate(entities.amounts if entities else ()):
        head, tail = sentence_bounds(body, amount.start, amount.end)
        owner, owner_key = amount.owner, by_form.get(company_key(amount.owner or ""))
        if owner is None:
            there = {key for start, key in named if head <= start < tail}
            owner_key = there.pop() if len(there) == 1 else None
            owner = names.get(owner_key or "")
        elif owner_key is None:
            owner_key = company_key(owner) or None
        fact = (owner_key, amount.currency, amount.value)
        rows.append(
            AmountRow(
                position=position,
                amount=amount,
                owner=owner,
                owner_key=owner_key,
                sentence=sentence_at(body, amount.start, amount.end),
                repeated=fact in seen and not amount.struck,
            )
        )
        if not amount.struck:
            seen.add(fact)
    return rows


def forms_json(row: CompanyRow) -> tuple[str, str]:
    """The forms and form keys as the JSON lists the index stores."""
    return json.dumps(row.forms, ensure_ascii=False), json.dumps(row.form_keys)
