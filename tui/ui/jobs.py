"""The blocking work behind the screens, as plain functions run in thread workers.

Each function opens its own `Library` (one SQLite connection per thread) and imports the
core lazily, so the app's first paint does not wait for the extraction libraries.
"""

from __future__ import annotations

import threading
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from tui.config import Settings
from tui.core.errors import LoadError, NewsdeskError
from tui.core.model import Article, Entities, RelatedPost
from tui.ui.messages import Place
from tui.ui.siblings import find_sibling

if TYPE_CHECKING:
    from tui.core.background import HelperProcess

PREVIEW_FROM_BYTES = 512 * 1024
"""Text files at least this large show a preview of their head while the whole is read."""
PREVIEW_BYTES = 64 * 1024
"""How much of a large file the preview reads: several screens of text."""


def is_url(source: str) -> bool:
    """True for http(s) URLs (the core's test, imported only when needed)."""
    from tui.core.sources.load import is_url as core_is_url

    return core_is_url(source)


@dataclass(frozen=True)
class Loaded:
    """An article read for the reader, with entities cached in the library if any."""

    place: Place
    article: Article
    cached: Entities | None
    message: str | None = None
    """What a refresh did, to tell the user (None when the article's notices say it)."""
    first_amounts: Future[Entities] | None = None
    """The amounts of the article's first piece, being found since launch (see
    `tui.core.pieces.first_amounts`), for a file named on the command line."""


def load_place(
    place: Place,
    settings: Settings,
    cancel: threading.Event | None = None,
    helper: HelperProcess | None = None,
) -> Loaded:
    """Read the article at `place`; raises the core's NewsdeskError subclasses.

    A file is read without opening the library, so its body shows sooner;
    `cached_entities` looks for earlier results afterwards. A large file is read in the
    `helper` process, when given, so the screen keeps moving meanwhile.
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
            article = fetch_with_library(place.source or "", settings, library, cancel)
    else:
        article = read_file(place.source or "", settings, helper)
    return Loaded(place, article, article.entities)


def read_file(source: str, settings: Settings, helper: HelperProcess | None) -> Article:
    """Read a file here, or in the helper process when it is large."""
    from tui.core.sources.load import read_source

    if helper is None or _size(source) < PREVIEW_FROM_BYTES:
        return read_source(source, settings)
    from tui.core.background import read_in_worker

    try:
        future = helper.submit(read_in_worker, source, settings)
    except Exception:  # the process cannot start here (or is shut down): read it here
        return read_source(source, settings)
    try:
        return future.result()
    except (NewsdeskError, CancelledError):
        raise
    except Exception as error:  # the process died (the app is quitting, or out of memory)
        raise LoadError(f"{source} could not be read ({error})") from error


def _size(source: str) -> int:
    try:
        return Path(source).expanduser().stat().st_size
    except OSError:
        return 0


def read_ahead(
    place: Place,
    settings: Settings,
    early: tuple[Future[Article], Future[Entities]] | None = None,
) -> Future[Loaded] | None:
    """Start reading a small file or a URL in a daemon thread right away, while the app
    starts up (or take `early`, the article already being read since launch); None for
    what is read otherwise (a directory, a large file)."""
    if early is not None:
        return _loaded(place, *early)
    source = place.source or ""
    small_file = Path(source).expanduser().is_file() and _size(source) < PREVIEW_FROM_BYTES
    if not (small_file or "://" in source):  # the loader (in the thread) tells URLs apart
        return None
    # Imported here, before the app starts: in the thread, importing would compete with
    # the app's start-up for the interpreter and finish after the first frame.
    import tui.core.sources.load  # noqa: F401

    done: Future[Loaded] = Future()

    def run() -> None:
        try:
            done.set_result(load_place(place, settings))
        except BaseException as error:
            done.set_exception(error)

    threading.Thread(target=run, name="newsdesk-read-ahead", daemon=True).start()
    return done


def _loaded(place: Place, reading: Future[Article], amounts: Future[Entities]) -> Future[Loaded]:
    """The read of a file as the reader takes it, once `reading` is done."""
    done: Future[Loaded] = Future()

    def finished(result: Future[Article]) -> None:
        try:
            article = result.result()
        except BaseException as error:
            done.set_exception(error)
        else:
            done.set_result(Loaded(place, article, article.entities, first_amounts=amounts))

    reading.add_done_callback(finished)
    return done


def preview(place: Place, settings: Settings) -> Article | None:
    """The head of a large plain-text or Markdown file, shown while the whole is read."""
    path = Path(place.source).expanduser() if place.source else None
    if path is None or is_url(place.source or ""):
        return None
    try:
        if (
            not path.is_file()
            or not PREVIEW_FROM_BYTES <= path.stat().st_size <= settings.max_bytes
        ):
            return None
        with path.open("rb") as handle:
            head = handle.read(PREVIEW_BYTES)
    except OSError:
        return None
    from tui.core.sources import load

    cut = max(head.rfind(b"\n\n"), head.rfind(b"\n"))
    text, _ = load.decode_text(head[: max(cut, 0)])
    suffix = path.suffix.lower()
    if load.looks_binary(head) or suffix in {".html", ".htm", ".json"}:
        return None
    if text.lstrip().startswith(("{", "<")):
        return None
    source = str(path.resolve())
    if suffix in load.MARKDOWN_SUFFIXES:
        article = load.article_from_markdown(text, source)
    else:
        article = load.article_from_dump(text, source)
    return article if article.body.strip() else None


def cached_entities(body: str, settings: Settings) -> Entities | None:
    """The entities the library holds for this exact body, if any."""
    from tui.core.library.store import Library

    with Library(settings.library_path) as library:
        return library.cached_entities(body)


def reread(
    place: Place,
    article: Article,
    settings: Settings,
    cancel: threading.Event | None = None,
    helper: HelperProcess | None = None,
) -> Loaded:
    """Read the article again from what was opened: the file for a file, the URL for a URL
    (conditionally); an article opened from the library is read again from its source."""
    origin = place.source or article.source
    if origin and is_url(origin):
        return _refetch(place, origin, article, settings, cancel)
    if origin and not origin.startswith("text:"):
        loaded = load_place(Place(source=origin), settings, helper=helper)
        return replace(loaded, place=place, message=f"Read {origin} again.")
    loaded = load_place(place, settings)
    return replace(loaded, message="Reloaded from the library: it has no file or URL to read.")


def _refetch(
    place: Place, url: str, old: Article, settings: Settings, cancel: threading.Event | None
) -> Loaded:
    from tui.core.library.store import Library
    from tui.core.pipeline import fetch_with_library

    with Library(settings.library_path) as library:
        before = library.find(source=url)
        article = fetch_with_library(url, settings, library, cancel)
        after = library.find(source=url)
    if article.notices:
        message = None
    elif before is not None and after is not None and before.saved_at == after.saved_at:
        message = "Not modified since it was saved (304): the saved copy is current."
    elif article.body == old.body:
        message = "Fetched again: the article has not changed."
    else:
        message = "Fetched again: the article has changed."
    return Loaded(place, article, article.entities, message)


def save_article(article: Article, settings: Settings) -> int:
    """Save (or update) the article in the library; returns its id."""
    from tui.core.library.store import Library

    with Library(settings.library_path) as library:
        return library.save(article)


def resolve_related(post: RelatedPost, article: Article, settings: Settings) -> Place | None:
    """Where a related post of `article` is: a file next to the one read, an article in
    the library (by URL, else by title), or the web; None when it is none of these."""
    from tui.core.library.store import Library

    base = article.url
    url = urljoin(base, post.url) if base and post.url else post.url
    opened = _opened_file(article)
    if opened is not None:
        sibling = find_sibling(post, url, opened, settings)
        if sibling is not None:
            return Place(source=str(sibling))
    with Library(settings.library_path) as library:
        entry = library.find(url=url) if url else None
        if entry is None and post.title:
            entry = library.find(title=post.title)
    if entry is not None:
        return Place(library_id=entry.id)
    if url and is_url(url):
        return Place(source=url)
    return None


def _opened_file(article: Article) -> Path | None:
    source = article.source
    if not source or is_url(source) or source.startswith("text:"):
        return None
    path = Path(source)
    return path if path.is_file() else None


def index_siblings(article: Article, settings: Settings) -> None:
    """Read the URL and title of the files next to the article's file, for related posts."""
    from tui.ui.siblings import index_folder

    opened = _opened_file(article)
    if opened is not None:
        index_folder(opened.parent, settings)


def open_in_browser(url: str) -> bool:
    """Open `url` in a graphical browser; False when there is none (a console browser such
    as lynx would fight the reader for the terminal, so it is not used)."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    return type(browser) is not webbrowser.GenericBrowser and browser.open(url)


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


def bundled_samples() -> Path | None:
    """The `samples/` directory next to the package, when it is there (a source checkout)."""
    import tui

    samples = Path(tui.__file__).resolve().parents[1] / "samples"
    return samples if samples.is_dir() else None
