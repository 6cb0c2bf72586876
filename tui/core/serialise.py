"""Article <-> plain dict: the JSON contract of `newsdesk show --json` and saved files."""

from __future__ import annotations

from typing import Any

from tui.core.model import (
    Amount,
    AmountCheck,
    Article,
    Company,
    Entities,
    Mention,
    Organisation,
    RelatedPost,
)

FORMAT_TAG = "newsdesk-article"
"""Marks a JSON file as newsdesk's own, so the loader recognises it by content."""


def _mention(m: Mention) -> dict[str, Any]:
    return {"text": m.text, "start": m.start, "end": m.end}


def _amount(a: Amount) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": a.text,
        "value": a.value,
        "currency": a.currency,
        "start": a.start,
        "end": a.end,
    }
    if a.value_max is not None:
        out["value_max"] = a.value_max
    if a.qualifier:
        out["qualifier"] = a.qualifier
    if a.currency_inferred:
        out["currency_inferred"] = True
    if a.struck:
        out["struck"] = True
    if a.owner:
        out["owner"] = a.owner
    return out


def _company(c: Company) -> dict[str, Any]:
    out: dict[str, Any] = {"name": c.name, "mentions": [_mention(m) for m in c.mentions]}
    for key in ("ticker", "country", "industry"):
        value = getattr(c, key)
        if value:
            out[key] = value
    if c.reasons:
        out["reasons"] = list(c.reasons)
    return out


def article_to_dict(article: Article) -> dict[str, Any]:
    """The JSON object printed by `newsdesk show --json`, one per article."""
    entities = article.entities or Entities()
    return {
        "title": article.title,
        "site": article.site,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "lang": article.lang,
        "categories": list(article.categories),
        "photo_credit": article.photo_credit,
        "source": article.source,
        "body": article.body,
        "struck": [list(span) for span in article.struck],
        "amounts": [_amount(a) for a in entities.amounts],
        "companies": [_company(c) for c in entities.companies],
        "organisations": [
            {"name": o.name, "kind": o.kind, "mentions": [_mention(m) for m in o.mentions]}
            for o in entities.organisations
        ],
        "checks": [
            {"total": c.total, "parts": list(c.parts), "holds": c.holds} for c in entities.checks
        ],
        "related": [
            {"title": r.title, "url": r.url, "summary": r.summary, "age": r.age}
            for r in article.related
        ],
    }


def saved_document(article: Article) -> dict[str, Any]:
    """The document newsdesk writes when it saves an article to a file."""
    return {"format": FORMAT_TAG, **article_to_dict(article)}


def _mentions(items: Any) -> tuple[Mention, ...]:
    return tuple(Mention(str(m["text"]), int(m["start"]), int(m["end"])) for m in items or ())


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an Article from `article_to_dict` output; raises KeyError/TypeError/ValueError."""
    body = str(data["body"])
    amounts = tuple(
        Amount(
            text=str(a["text"]),
            start=int(a["start"]),
            end=int(a["end"]),
            value=float(a["value"]),
            currency=_opt_str(a.get("currency")),
            value_max=None if a.get("value_max") is None else float(a["value_max"]),
            qualifier=_opt_str(a.get("qualifier")),
            currency_inferred=bool(a.get("currency_inferred", False)),
            struck=bool(a.get("struck", False)),
            owner=_opt_str(a.get("owner")),
        )
        for a in data.get("amounts") or ()
    )
    companies = tuple(
        Company(
            name=str(c["name"]),
            mentions=_mentions(c.get("mentions")),
            ticker=_opt_str(c.get("ticker")),
            country=_opt_str(c.get("country")),
            industry=_opt_str(c.get("industry")),
            reasons=tuple(str(r) for r in c.get("reasons") or ()),
        )
        for c in data.get("companies") or ()
    )
    organisations = tuple(
        Organisation(str(o["name"]), _mentions(o.get("mentions")), str(o.get("kind", "")))
        for o in data.get("organisations") or ()
    )
    checks = tuple(
        AmountCheck(int(c["total"]), tuple(int(p) for p in c["parts"]), bool(c["holds"]))
        for c in data.get("checks") or ()
    )
    has_entities = any(key in data for key in ("amounts", "companies"))
    return Article(
        title=str(data.get("title") or ""),
        body=body,
        site=_opt_str(data.get("site")),
        url=_opt_str(data.get("url")),
        source=_opt_str(data.get("source")),
        author=_opt_str(data.get("author")),
        published=_opt_str(data.get("published")),
        lang=_opt_str(data.get("lang")),
        categories=tuple(str(c) for c in data.get("categories") or ()),
        photo_credit=_opt_str(data.get("photo_credit")),
        related=tuple(
            RelatedPost(
                title=str(r["title"]),
                url=_opt_str(r.get("url")),
                summary=_opt_str(r.get("summary")),
                age=_opt_str(r.get("age")),
            )
            for r in data.get("related") or ()
        ),
        struck=tuple((int(s[0]), int(s[1])) for s in data.get("struck") or ()),
        entities=Entities(amounts, companies, organisations, checks) if has_entities else None,
    )
