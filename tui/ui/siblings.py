"""Related links resolved against the files next to the opened one, before the network.

A folder of saved pages often links to itself: `harbor-robotics-series-b.md` lists
`https://…/kestrel-quarterly-results`, and `kestrel-quarterly-results.html` is in the same
folder. A related post is matched to a sibling file by its URL's last segment (the file
name), else by the URL or title the sibling itself declares. The declared ones are read
once per folder, in a background thread as soon as a file from the folder is opened.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.model import RelatedPost

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md", ".markdown", ".json"})
"""Files that can be articles; anything else in a folder is ignored."""
MAX_SIBLINGS = 300
"""Files of one folder read for their URL and title; a bigger folder is matched by name only."""
MAX_SIBLING_BYTES = 2 * 1024 * 1024
"""Larger siblings are matched by name only: reading them would take too long."""

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans("’‘ʼ`´", "'''''")


def article_files(directory: Path) -> list[Path]:
    """The files of `directory` that can be articles, in name order."""
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES
    )


def url_key(url: str) -> str:
    """A URL without scheme, `www.`, query, fragment or trailing slash, lowercased."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".lower()


def slug(url_or_name: str) -> str:
    """The last path segment without its extension: a page's file name."""
    path = urlsplit(url_or_name).path if "://" in url_or_name else url_or_name
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return Path(last).stem.lower() if "." in last else last.lower()


def title_key(title: str) -> str:
    """A title compared loosely: case, accents, apostrophe forms and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", title.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain).strip().casefold()


@dataclass
class _Folder:
    """What the article files of one folder declare: URL and title keys to paths."""

    urls: dict[str, Path] = field(default_factory=dict)
    titles: dict[str, Path] = field(default_factory=dict)


_folders: dict[Path, tuple[float, _Folder]] = {}
"""Folders read so far, with the modification time they had then."""
_lock = threading.Lock()


def index_folder(directory: Path, settings: Settings) -> None:
    """Read the URL and title of every small article file of `directory`, once."""
    directory = directory.resolve()
    try:
        modified = directory.stat().st_mtime
        files = article_files(directory)[:MAX_SIBLINGS]
    except OSError:
        return
    with _lock:
        if directory in _folders and _folders[directory][0] == modified:
            return
    from tui.core.sources.load import read_source

    folder = _Folder()
    for path in files:
        try:
            if path.stat().st_size > MAX_SIBLING_BYTES:
                continue
            article = read_source(str(path), settings)
        except (OSError, NewsdeskError):
            continue
        if article.url:
            folder.urls.setdefault(url_key(article.url), path)
        if article.title:
            folder.titles.setdefault(title_key(article.title), path)
    with _lock:
        _folders[directory] = (modified, folder)


def find_sibling(
    post: RelatedPost, url: str | None, opened: Path, settings: Settings
) -> Path | None:
    """The file next to `opened` that the related `post` (whose absolute URL is `url`) is."""
    directory = opened.parent
    try:
        files = article_files(directory)
    except OSError:
        return None
    if url:
        wanted = slug(url)
        for path in files:
            if path.stem.lower() == wanted and path.resolve() != opened.resolve():
                return path
    index_folder(directory, settings)
    with _lock:
        _, folder = _folders.get(directory.resolve(), (0.0, _Folder()))
    found = folder.urls.get(url_key(url)) if url else None
    if found is None and post.title:
        found = folder.titles.get(title_key(post.title))
    return found
