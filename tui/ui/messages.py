"""What the app navigates to, and the messages screens send up to the app."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message


@dataclass(frozen=True)
class Place:
    """Something the reader can open: a file path or URL, or an article in the library."""

    source: str | None = None
    library_id: int | None = None
    mark: tuple[int, int] | None = field(default=None, compare=False)
    """A span of the body to show and mark on opening (a company's first mention);
    not part of the place's identity, so history sees the same article."""

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
    """A screen has put `what` on screen at `when` (a Unix time): "body" (an article body,
    or the message that stands in for one), "amounts" and "entities" (the reader's panel),
    or "library" (the list)."""

    def __init__(self, when: float, what: str = "body") -> None:
        super().__init__()
        self.when = when
        self.what = what


class OpenNeighbour(Message):
    """Open the article `step` rows away from `current` in the library list (+1 next)."""

    def __init__(self, step: int, current: int | None) -> None:
        super().__init__()
        self.step = step
        self.current = current


class Listed(Message):
    """The library screen now lists these article ids, in this order."""

    def __init__(self, ids: list[int]) -> None:
        super().__init__()
        self.ids = ids


class FeedAddressOpened(Message):
    """The reader was asked to open `url`, which is a news feed: offer to subscribe."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
