"""Adding articles to the library from files, directories and URLs, analysed once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.model import Article

if TYPE_CHECKING:
    from tui.config import Settings
    from tui.core.library.store import Library

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md", ".markdown", ".json"})
"""Files a directory import reads; anything else in the directory is skipped quietly."""


def article_files(directory: Path) -> Iterator[Path]:
    """The files of `directory` a directory import reads, in name order."""
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path


def expand_sources(sources: list[str]) -> Iterator[str]:
    """Each source, with a directory replaced by its article files (raises OSError)."""
    for source in sources:
        path = Path(source).expanduser()
        if "://" not in source and path.is_dir():
            yield from (str(p) for p in article_files(path))
        else:
            yield source


def add_source(source: str, settings: Settings, library: Library) -> tuple[int, Article]:
    """Read a file or URL, find its amounts and companies (unless the library already
    holds them for this body) and save it; returns its id and the saved article.

    Raises the core's NewsdeskError subclasses for a source that cannot be read.
    """
    from tui.core.pipeline import analyse_article, fetch_with_library
    from tui.core.sources.load import is_url, read_source

    if is_url(source):
        article = fetch_with_library(source, settings, library)
    else:
        article = read_source(str(Path(source).expanduser().resolve()), settings)
    cached = library.cached_entities(article.body)
    if cached is not None:
        article = replace(article, entities=cached)
    else:
        article = analyse_article(article, settings.analysis_limit)
    return library.save(article), article
