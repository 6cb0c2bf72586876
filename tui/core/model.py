"""The article model: frozen dataclasses shared by the core, the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in the body: `body[start:end] == text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Amount:
    """A money amount found in the body, with its normalised value and ISO currency."""

    text: str
    start: int
    end: int
    value: float
    currency: str | None
    value_max: float | None = None
    qualifier: str | None = None
    currency_inferred: bool = False
    struck: bool = False
    owner: str | None = None
    """The company or body this amount belongs to, when the sentence says so."""


@dataclass(frozen=True)
class Company:
    """One company: its canonical name and every mention, all surface forms merged."""

    name: str
    mentions: tuple[Mention, ...]
    ticker: str | None = None
    country: str | None = None
    industry: str | None = None
    reasons: tuple[str, ...] = ()
    """The evidence that weighed most for listing it ('legal form SA', 'English NER: ORG')."""

    @property
    def forms(self) -> tuple[str, ...]:
        """The distinct surface forms, in order of first use."""
        return tuple(dict.fromkeys(m.text for m in self.mentions))


@dataclass(frozen=True)
class Organisation:
    """A named organisation that is not a company: state, regulator, court, university."""

    name: str
    mentions: tuple[Mention, ...]
    kind: str = "organisation"


@dataclass(frozen=True)
class AmountCheck:
    """A stated total and its parts: `holds` tells whether the parts add up."""

    total: int
    parts: tuple[int, ...]
    holds: bool
    """`total` and `parts` are indexes into `Article.amounts`."""


@dataclass(frozen=True)
class RelatedPost:
    """A link to another article offered by the page."""

    title: str
    url: str | None = None
    summary: str | None = None
    age: str | None = None


@dataclass(frozen=True)
class Entities:
    """What the entity pass found in one body."""

    amounts: tuple[Amount, ...] = ()
    companies: tuple[Company, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    checks: tuple[AmountCheck, ...] = ()
    notices: tuple[str, ...] = ()
    """What the reader should be told about how they were found (a model that did not load)."""


@dataclass(frozen=True)
class Article:
    """One article: metadata, the cleaned body and, once analysed, its entities."""

    title: str
    body: str
    site: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None
    categories: tuple[str, ...] = ()
    photo_credit: str | None = None
    related: tuple[RelatedPost, ...] = ()
    struck: tuple[tuple[int, int], ...] = ()
    """Spans of the body that the page showed struck through."""
    entities: Entities | None = None
    """None until the entity pass has run."""
    notices: tuple[str, ...] = field(default=(), compare=False)
    """Things the user should be told about how this article was read."""

    @property
    def paragraphs(self) -> list[str]:
        """The body split into paragraphs."""
        return [p for p in self.body.split(PARAGRAPH_BREAK) if p]

    @property
    def amounts(self) -> tuple[Amount, ...]:
        return self.entities.amounts if self.entities else ()

    @property
    def companies(self) -> tuple[Company, ...]:
        return self.entities.companies if self.entities else ()
