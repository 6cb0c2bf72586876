"""Articles written for the desk's tests, with hand-made entities (no model needed)."""

from __future__ import annotations

from tui.core.model import Amount, Article, Company, Entities, Mention


def mentions(body: str, text: str) -> tuple[Mention, ...]:
    found: list[Mention] = []
    start = body.find(text)
    while start >= 0:
        found.append(Mention(text, start, start + len(text)))
        start = body.find(text, start + 1)
    return tuple(found)


def amount(body: str, text: str, value: float, currency: str | None, **extra: object) -> Amount:
    start = body.index(text)
    return Amount(text, start, start + len(text), value, currency, **extra)  # type: ignore[arg-type]


def company(
    body: str,
    name: str,
    *forms: str,
    ticker: str | None = None,
    country: str | None = None,
    industry: str | None = None,
) -> Company:
    """A company with every mention of its forms, longest form first, without overlaps."""
    found: list[Mention] = []
    for form in sorted(forms or (name,), key=len, reverse=True):
        for m in mentions(body, form):
            if not any(m.start < f.end and f.start < m.end for f in found):
                found.append(m)
    mentioned = tuple(sorted(found, key=lambda m: m.start))
    return Company(name, mentioned, ticker=ticker, country=country, industry=industry)


def article(
    n: int,
    body: str,
    companies: tuple[Company, ...] = (),
    amounts: tuple[Amount, ...] = (),
    **fields: object,
) -> Article:
    values: dict[str, object] = {
        "title": f"Story {n}",
        "body": body,
        "site": "The Ledger",
        "url": f"https://news.ledger.example/{n}",
        "source": f"https://news.ledger.example/{n}",
        "published": f"2026-11-{n:02d}",
        "lang": "en",
        "entities": Entities(amounts=amounts, companies=companies),
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def capgemini_story() -> Article:
    body = "Cap Gemini bought Kestrel for €1.5bn. Cap Gemini said the deal closes soon."
    return article(
        3,
        body,
        (
            company(body, "Cap Gemini", ticker="CAP.PA", country="France", industry="IT"),
            company(body, "Kestrel"),
        ),
        (amount(body, "€1.5bn", 1.5e9, "EUR", owner="Cap Gemini"),),
    )


def capgemini_later() -> Article:
    body = (
        "Results day.\n\nCapgemini reported €22bn of revenue. The group, Capgemini SE, "
        "also paid $200m for a studio."
    )
    return article(
        12,
        body,
        (company(body, "Capgemini SE", "Capgemini SE", "Capgemini"),),
        (
            amount(body, "€22bn", 22e9, "EUR", owner="Capgemini"),
            amount(body, "$200m", 200e6, "USD", owner="Capgemini SE"),
        ),
        lang="en",
    )


def french_story() -> Article:
    body = (
        "Dassault Systèmes investit 60 millions d'euros. Dassault a aussi annoncé "
        "une levée de 10 à 20 millions, et pas 5 millions."
    )
    return article(
        20,
        body,
        (company(body, "Dassault Systèmes", "Dassault Systèmes", "Dassault"),),
        (
            amount(body, "60 millions d'euros", 60e6, "EUR", owner="Dassault"),
            amount(body, "10 à 20 millions", 10e6, "EUR", value_max=20e6, currency_inferred=True),
            amount(body, "5 millions", 5e6, "EUR", struck=True),
        ),
        lang="fr",
        site="Les Échos",
        url="https://www.lesechos.example/dassault",
        source="https://www.lesechos.example/dassault",
    )


def dassault_alone() -> Article:
    body = "Dassault opened a plant."
    return article(25, body, (company(body, "Dassault"),), ())
