"""Markdown articles: front matter, title, inline syntax, struck text and related links."""

from tui.core.sources.markdown import looks_like_markdown, parse_markdown

TEXT = """---
title: "Front-matter title"
url: https://example.test/a
categories: Tech, Markets
---

# Heading title

First *para*
continues **here** with a [link](https://example.test/x).

## A sub-heading

Price cut from ~~$10~~ $8 and ~~€5~~ €4.

## Read more

- [Other story](https://example.test/b) — its blurb
- Plain title without link
"""


def test_front_matter_wins_over_heading() -> None:
    article = parse_markdown(TEXT)
    assert article.title == "Front-matter title"
    assert article.meta["url"] == "https://example.test/a"
    assert article.categories == ["Tech", "Markets"]


def test_headline_is_not_body_and_inline_syntax_is_dropped() -> None:
    article = parse_markdown(TEXT)
    assert article.paragraphs[0] == "First para continues here with a link."
    assert article.paragraphs[1] == "A sub-heading"


def test_struck_spans_point_into_the_body() -> None:
    article = parse_markdown(TEXT)
    assert [article.body[s:e] for s, e in article.struck] == ["$10", "€5"]
    assert "Price cut from $10 $8 and €5 €4." in article.paragraphs


def test_related_section() -> None:
    related = parse_markdown(TEXT).related
    assert [(p.title, p.url, p.summary) for p in related] == [
        ("Other story", "https://example.test/b", "its blurb"),
        ("Plain title without link", None, None),
    ]


def test_recognition() -> None:
    assert looks_like_markdown("# Title\n\ntext")
    assert looks_like_markdown("---\ntitle: x\n---\nbody")
    assert not looks_like_markdown("Just a line of text.\nAnother one.")
