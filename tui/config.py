"""Settings for one run of newsdesk, resolved from the command line and the environment."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from tui.core.errors import NewsdeskError

LIBRARY_FILE = "library.sqlite3"
HOME_ENV = "NEWSDESK_HOME"
"""A directory that holds the library instead of the user's data directory."""
DEFAULT_ANALYSIS_LIMIT = 400 * 1024
"""Characters of a body analysed by default: about 16 s of entity pass here (see
`bench/huge`: 4 s per 100 KB), so a 9 MB file gives its `show --json` line in under 60 s."""
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*([kmg]?)(?:i?b)?\s*$", re.IGNORECASE)


class SettingsError(NewsdeskError):
    """A command-line setting that cannot be used (a bad size, a missing library folder)."""


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know; passed down to the core as one value."""

    library_path: Path
    max_bytes: int = 10 * 1024 * 1024
    """Largest page or file newsdesk will read, in bytes."""
    analysis_limit: int = DEFAULT_ANALYSIS_LIMIT
    """Characters of a body the entity pass reads; the rest stays readable, unanalysed."""
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_redirects: int = 10
    retries: int = 2
    """Extra attempts after a 429 or 503 answer."""
    auto_refresh: bool = True
    """While the app runs, it refreshes the feeds that are due (`--no-auto-refresh`: off)."""
    feed_check_seconds: float = 60.0
    """How often the running app looks for feeds that are due."""


def parse_size(text: str) -> int:
    """`10MB`, `500k`, `1.5M`, `2048` -> a count; k, M and G are 1024, 1024² and 1024³.

    Raises ValueError (with the reason) for anything else, so argparse can report it.
    """
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a size (examples: 10MB, 500k, 1.5M, 2048)")
    size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if size <= 0:
        raise ValueError(f"{text!r} is not a size above zero")
    return size


def default_library_path() -> Path:
    """The library file: `$NEWSDESK_HOME/library.sqlite3`, else the platform's data dir."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser() / LIBRARY_FILE
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsdesk", appauthor=False)) / LIBRARY_FILE


def chosen_library_path(library: str) -> Path:
    """The library file named by `--library`: a file in an existing folder, or a folder.

    A folder means the library file inside it. A missing folder is refused rather than
    created, so a typo does not start a new, empty library somewhere unexpected.
    """
    path = Path(library).expanduser()
    if path.is_dir():
        return path / LIBRARY_FILE
    if not path.parent.is_dir():
        raise SettingsError(
            f"--library {library}: the folder {path.parent} does not exist "
            "(create it first, or leave --library out to use the default library)"
        )
    return path


def load_settings(
    library: str | None = None, max_bytes: int | None = None, analysis_limit: int | None = None
) -> Settings:
    """Settings from the command line's `--library`, `--max-bytes` and `--analyse-limit`."""
    path = chosen_library_path(library) if library else default_library_path()
    settings = Settings(library_path=path)
    if max_bytes is not None:
        settings = replace(settings, max_bytes=max_bytes)
    if analysis_limit is not None:
        settings = replace(settings, analysis_limit=analysis_limit)
    return settings
