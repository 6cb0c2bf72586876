"""What the app navigates to, and the messages screens send up to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass(frozen=True)
class Place:
    """Something the reader can open: a file path or URL, or an article in the library."""

    source: str | None = None
    library_id: int | None = None

    def describe(self) -> str:
        if self.library_id is not None:
            return f"library article {self.library_id}"
        return self.source or "nothing"


class Open(Message):
    """Open `place` in the reader."""

    def __init__(self, place: Place) -> None:
        super().__init__()
        self.place = place


class ShowLibrary(Message):
    """Switch to the library screen, searching for `query` when given."""

    def __init__(self, query: str | None = None) -> None:
        super().__init__()
        self.query = query


class ShowReader(Message):
    """Go back to the reader and the article it shows."""


class ImportDirectory(Message):
    """Import every article file of a directory into the library."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path


class Painted(Message):
    """A screen has put content (an article body, the library list) on screen at `when`."""

    def __init__(self, when: float) -> None:
        super().__init__()
        self.when = when


class FeedAddressOpened(Message):
    """The reader was asked to open `url`, which is a news feed: offer to subscribe."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
