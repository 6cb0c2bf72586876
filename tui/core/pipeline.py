"""Source -> Article with entities: read (load, fetch, extract, clean), then analyse."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.load import read_source
from tui.core.model import Article

if TYPE_CHECKING:
    from tui.config import Settings


def analyse_article(article: Article) -> Article:
    """The article with its entities filled in (loads the NLP model on first use)."""
    from tui.core.entities.analyse import analyse

    return replace(article, entities=analyse(article.body, article.lang, article.struck))


def open_article(source: str, settings: Settings) -> Article:
    """Read a file or URL and analyse it: what `newsdesk show` prints."""
    return analyse_article(read_source(source, settings))
