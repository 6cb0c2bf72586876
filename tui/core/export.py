"""Articles printed: plain text and Markdown for people, one JSON line for programs.

Struck text (`Article.struck`) is written `~~like this~~` in both Markdown and plain text:
a terminal's plain text has no strikethrough, and combining strokes would break search
and copy. The command line prints these strings through `tui.output`, which replaces
control characters; `render` is the one entry point for every format.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.core.model import Amount, Article, Company, Organisation
from tui.core.sanitise import json_line
from tui.core.serialise import article_to_dict

FORMATS = ("json", "text", "markdown")
"""The output formats of `newsdesk show` and `newsdesk library export`."""
STRIKE = "~~"


def format_value(amount: Amount) -> str:
    """`225 000 000 EUR`, `5 000 000–10 000 000 USD`; `?` for an unknown currency."""

    def number(value: float) -> str:
        text = f"{value:,.2f}".replace(",", " ")
        return text[:-3] if text.endswith(".00") else text

    value = number(amount.value)
    if amount.value_max is not None:
        value = f"{value}–{number(amount.value_max)}"
    currency = amount.currency or "?"
    return f"{value} {currency}" + (" (inferred)" if amount.currency_inferred else "")


def _header(article: Article) -> list[str]:
    facts = [article.site, article.published, article.author, article.url or article.source]
    lines = [" · ".join(f for f in facts if f)]
    if article.categories:
        lines.append("Categories: " + ", ".join(article.categories))
    return [line for line in lines if line]


def _amount_lines(article: Article) -> list[str]:
    lines = []
    for amount in article.amounts:
        notes = [amount.qualifier or "", "struck" if amount.struck else "", amount.owner or ""]
        extra = "; ".join(n for n in notes if n)
        lines.append(f"{format_value(amount)}  «{amount.text}»" + (f"  ({extra})" if extra else ""))
    return lines


def check_line(article: Article, total: int, parts: tuple[int, ...], holds: bool) -> str:
    """`135 000 000 + 60 000 000 = 195 000 000 EUR ✓`, or `✗ (does not add up)`."""
    amounts = article.amounts

    def short(index: int) -> str:
        return format_value(amounts[index]).removesuffix(" (inferred)").rsplit(" ", 1)[0]

    sums = " + ".join(short(i) for i in parts)
    verdict = "✓ holds" if holds else "✗ does not add up"
    return f"{sums} = {short(total)} {amounts[total].currency or ''} {verdict}".replace("  ", " ")


def _check_lines(article: Article) -> list[str]:
    entities = article.entities
    if entities is None:
        return []
    return [check_line(article, c.total, c.parts, c.holds) for c in entities.checks]


def _entity_line(entity: Company | Organisation, *facts: str | None) -> str:
    forms = ", ".join(dict.fromkeys(m.text for m in entity.mentions))
    known = "; ".join(f for f in facts if f)
    return f"{entity.name} ×{len(entity.mentions)}  ({forms})" + (f"  [{known}]" if known else "")


def _company_lines(article: Article) -> list[str]:
    return [_entity_line(c, c.ticker, c.country, c.industry) for c in article.companies]


def _organisation_lines(article: Article) -> list[str]:
    organisations = article.entities.organisations if article.entities else ()
    return [_entity_line(o, o.kind if o.kind != "organisation" else None) for o in organisations]


def struck_body(article: Article) -> str:
    """The body with every struck span wrapped in `~~`."""
    body, parts, done = article.body, [], 0
    for start, end in sorted(article.struck):
        if start < done or end <= start or end > len(body):
            continue
        parts += [body[done:start], STRIKE, body[start:end], STRIKE]
        done = end
    return "".join([*parts, body[done:]])


def _sections(article: Article) -> list[tuple[str, list[str]]]:
    return [
        ("Amounts", _amount_lines(article)),
        ("Checks", _check_lines(article)),
        ("Companies", _company_lines(article)),
        ("Organisations", _organisation_lines(article)),
    ]


def _related_lines(article: Article) -> list[str]:
    return [
        post.title + (f" <{post.url}>" if post.url else "") + (f" [{post.age}]" if post.age else "")
        for post in article.related
    ]


def article_to_text(article: Article) -> str:
    """The article as plain text: header, body, then the entity lists and related posts."""
    parts = [article.title, "=" * min(len(article.title), 80), *_header(article), ""]
    parts.append(struck_body(article))
    for name, lines in [*_sections(article), ("Related posts", _related_lines(article))]:
        if lines:
            parts += ["", name, "-" * len(name), *lines]
    return "\n".join(parts) + "\n"


def article_to_markdown(article: Article) -> str:
    """The article as Markdown, with the entity lists as bullet lists."""
    parts = [f"# {article.title}", ""]
    header = _header(article)
    if header:
        parts += [f"*{line}*" for line in header] + [""]
    parts.append(struck_body(article))
    for name, lines in _sections(article):
        if lines:
            parts += ["", f"## {name}", "", *[f"- {line}" for line in lines]]
    if article.related:
        parts += ["", "## Related posts", ""]
        for post in article.related:
            link = f"[{post.title}]({post.url})" if post.url else post.title
            parts.append(f"- {link}" + (f" — {post.summary}" if post.summary else ""))
    return "\n".join(parts) + "\n"


def article_to_json(article: Article) -> str:
    """The article as one line of JSON (`show --json`): text exact, controls escaped."""
    return json_line(article_to_dict(article))


RENDERERS: dict[str, Callable[[Article], str]] = {
    "json": article_to_json,
    "text": article_to_text,
    "markdown": article_to_markdown,
}


def render(article: Article, fmt: str) -> str:
    """The article in format `fmt` (one of FORMATS), without a final newline."""
    return RENDERERS[fmt](article).rstrip("\n")
