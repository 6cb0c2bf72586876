"""Articles printed for people: plain text and Markdown."""

from __future__ import annotations

from tui.core.model import Amount, Article


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


def _company_lines(article: Article) -> list[str]:
    lines = []
    for company in article.companies:
        forms = ", ".join(company.forms)
        lines.append(f"{company.name} ×{len(company.mentions)}  ({forms})")
    return lines


def _related_lines(article: Article) -> list[str]:
    return [
        post.title + (f" <{post.url}>" if post.url else "") + (f" [{post.age}]" if post.age else "")
        for post in article.related
    ]


def article_to_text(article: Article) -> str:
    """The article as plain text: header, body, then amounts, companies, related posts."""
    parts = [article.title, "=" * min(len(article.title), 80), *_header(article), ""]
    parts.append(article.body)
    for name, lines in (
        ("Amounts", _amount_lines(article)),
        ("Checks", _check_lines(article)),
        ("Companies", _company_lines(article)),
        ("Related posts", _related_lines(article)),
    ):
        if lines:
            parts += ["", name, "-" * len(name), *lines]
    return "\n".join(parts) + "\n"


def article_to_markdown(article: Article) -> str:
    """The article as Markdown, with the entity lists as bullet lists."""
    parts = [f"# {article.title}", ""]
    header = _header(article)
    if header:
        parts += [f"*{line}*" for line in header] + [""]
    parts.append(article.body)
    for name, lines in (
        ("Amounts", _amount_lines(article)),
        ("Checks", _check_lines(article)),
        ("Companies", _company_lines(article)),
    ):
        if lines:
            parts += ["", f"## {name}", "", *[f"- {line}" for line in lines]]
    if article.related:
        parts += ["", "## Related posts", ""]
        for post in article.related:
            link = f"[{post.title}]({post.url})" if post.url else post.title
            parts.append(f"- {link}" + (f" — {post.summary}" if post.summary else ""))
    return "\n".join(parts) + "\n"
