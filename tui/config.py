"""Settings for one run of newsdesk, resolved from the command line and the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

LIBRARY_FILE = "library.sqlite3"
HOME_ENV = "NEWSDESK_HOME"
"""A directory that holds the library instead of the user's data directory."""


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know; passed down to the core as one value."""

    library_path: Path
    max_bytes: int = 10 * 1024 * 1024
    """Largest page or file newsdesk will read, in bytes."""
    analysis_limit: int = 1_000_000
    """Characters of a body the entity pass reads; the rest stays readable, unanalysed."""
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_redirects: int = 10
    retries: int = 2
    """Extra attempts after a 429 or 503 answer."""


def default_library_path() -> Path:
    """The library file: `$NEWSDESK_HOME/library.sqlite3`, else the platform's data dir."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser() / LIBRARY_FILE
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsdesk", appauthor=False)) / LIBRARY_FILE


def load_settings(library: str | None = None, max_bytes: int | None = None) -> Settings:
    """Settings from the command line's `--library` and `--max-bytes`, then the environment."""
    path = Path(library).expanduser() if library else default_library_path()
    if max_bytes is None:
        return Settings(library_path=path)
    return Settings(library_path=path, max_bytes=max_bytes)
