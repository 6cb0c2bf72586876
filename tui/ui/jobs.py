"""The blocking work behind the screens, as plain functions run in thread workers.

Each function opens its own `Library` (one SQLite connection per thread) and imports the
core lazily, so the app's first paint does not wait for the extraction libraries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin

from tui.config import Settings
from tui.core.model import Article, Entities, RelatedPost
from tui.core.sources.load import is_url
from tui.ui.messages import Place

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md", ".markdown", ".json"})
"""Files a directory import reads; anything else in the directory is skipped quietly."""


@dataclass(frozen=True)
class Loaded:
    """An article read for the reader, with entities cached in the library if any."""

    place: Place
    article: Article
    cached: Entities | None


def load_place(place: Place, settings: Settings) -> Loaded:
    """Read the article at `place`; raises the core's NewsdeskError subclasses.

    A file or URL is read without opening the library, so its body shows sooner;
    `cached_entities` looks for earlier results afterwards.
    """
    if place.library_id is not None:
        from tui.core.library.store import Library

        with Library(settings.library_path) as library:
            article = library.get(place.library_id)
    elif is_url(place.source or ""):
        # URLs go through the library: saved, re-fetched conditionally, or read offline
        from tui.core.library.store import Library
        from tui.core.pipeline import fetch_with_library

        with Library(settings.library_path) as library:
            article = fetch_with_library(place.source or "", settings, library)
    else:
        from tui.core.sources.load import read_source

        article = read_source(place.source or "", settings)
    return Loaded(place, article, article.entities)


def cached_entities(body: str, settings: Settings) -> Entities | None:
    """The entities the library holds for this exact body, if any."""
    from tui.core.library.store import Library

    with Library(settings.library_path) as library:
        return library.cached_entities(body)


def reread(place: Place, article: Article, settings: Settings) -> Loaded:
    """Read the article again from where it came from (re-fetching a URL)."""
    origin = article.url or article.source
    if origin and (is_url(origin) or Path(origin).is_file()):
        return load_place(Place(source=origin), settings)
    return load_place(place, settings)


def save_article(article: Article, settings: Settings) -> int:
    """Save (or update) the article in the library; returns its id."""
    from tui.core.library.store import Library

    with Library(settings.library_path) as library:
        return library.save(article)


def resolve_related(post: RelatedPost, base_url: str | None, settings: Settings) -> Place | None:
    """Where a related post is: in the library (by URL, else by title, since a page read
    from a file may not know its own URL), or on the web; None if it has no link and is
    not in the library."""
    from tui.core.library.store import Library

    url = urljoin(base_url, post.url) if base_url and post.url else post.url
    with Library(settings.library_path) as library:
        entry = library.find(url=url) if url else None
        if entry is None and post.title:
            entry = library.find(title=post.title)
    if entry is not None:
        return Place(library_id=entry.id)
    if url and is_url(url):
        return Place(source=url)
    return None


def open_in_browser(url: str) -> bool:
    """Open `url` in a graphical browser; False when there is none (a console browser such
    as lynx would fight the reader for the terminal, so it is not used)."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    return type(browser) is not webbrowser.GenericBrowser and browser.open(url)


def article_files(directory: Path) -> Iterator[Path]:
    """The files of `directory` a directory import reads, in name order."""
    for path in sorted(directory.iterdir()):
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path


def import_file(path: Path, settings: Settings) -> tuple[int, Article, Entities | None]:
    """Read one file and save it; returns its id, the article and any cached entities."""
    from tui.core.library.store import Library
    from tui.core.sources.load import read_source

    article = read_source(str(path.resolve()), settings)
    with Library(settings.library_path) as library:
        cached = library.cached_entities(article.body)
        if cached is not None:
            article = replace(article, entities=cached)
        return library.save(article), article, cached


def library_is_empty(settings: Settings) -> bool:
    from tui.core.library.store import Library

    with Library(settings.library_path) as library:
        return library.count() == 0


def bundled_samples() -> Path | None:
    """The `samples/` directory next to the package, when it is there (a source checkout)."""
    import tui

    samples = Path(tui.__file__).resolve().parents[1] / "samples"
    return samples if samples.is_dir() else None
