"""Back/forward navigation: a plain stack of places, each with its scroll position."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

PlaceT = TypeVar("PlaceT")

DEFAULT_LIMIT = 200
"""How many places the history keeps before dropping the oldest."""


@dataclass(frozen=True)
class Stop(Generic[PlaceT]):
    """One place in the history and how far down it the reader had scrolled."""

    place: PlaceT
    scroll: float = 0.0


class History(Generic[PlaceT]):
    """A browser-style history: visiting a new place drops everything ahead of the cursor."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self._stops: list[Stop[PlaceT]] = []
        self._cursor = -1
        self._limit = max(1, limit)

    def __len__(self) -> int:
        return len(self._stops)

    @property
    def current(self) -> Stop[PlaceT] | None:
        """The place being read, or None before the first visit."""
        return self._stops[self._cursor] if self._stops else None

    @property
    def can_go_back(self) -> bool:
        return self._cursor > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._cursor < len(self._stops) - 1

    def visit(self, place: PlaceT) -> Stop[PlaceT]:
        """Record a new place after the current one, forgetting the forward stops."""
        del self._stops[self._cursor + 1 :]
        self._stops.append(Stop(place))
        if len(self._stops) > self._limit:
            del self._stops[0]
        self._cursor = len(self._stops) - 1
        return self._stops[self._cursor]

    def remember_scroll(self, scroll: float) -> None:
        """Note how far down the current place the reader has scrolled."""
        if self._stops:
            self._stops[self._cursor] = replace(self._stops[self._cursor], scroll=scroll)

    def replace_place(self, place: PlaceT) -> None:
        """Swap the current place for an equivalent one (e.g. once it is saved), keeping scroll."""
        if self._stops:
            self._stops[self._cursor] = replace(self._stops[self._cursor], place=place)

    def peek(self, step: int) -> Stop[PlaceT] | None:
        """The stop `step` places away (-1 back, +1 forward) without moving; None past an end."""
        index = self._cursor + step
        return self._stops[index] if self._stops and 0 <= index < len(self._stops) else None

    def back(self) -> Stop[PlaceT] | None:
        """Step back one place; None (and no move) when already at the oldest."""
        if not self.can_go_back:
            return None
        self._cursor -= 1
        return self._stops[self._cursor]

    def forward(self) -> Stop[PlaceT] | None:
        """Step forward one place; None (and no move) when already at the newest."""
        if not self.can_go_forward:
            return None
        self._cursor += 1
        return self._stops[self._cursor]
