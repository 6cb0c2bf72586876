"""The back/forward stack behaves like a browser's."""

from __future__ import annotations

from tui.core.history import History


def test_empty_history_has_no_current_and_cannot_move() -> None:
    history: History[str] = History()
    assert history.current is None
    assert history.back() is None
    assert history.forward() is None
    assert not history.can_go_back and not history.can_go_forward


def test_back_and_forward_restore_places_with_their_scroll() -> None:
    history: History[str] = History()
    history.visit("a")
    history.remember_scroll(12.0)
    history.visit("b")
    history.remember_scroll(3.0)
    back = history.back()
    assert back is not None and back.place == "a" and back.scroll == 12.0
    assert history.can_go_forward
    forward = history.forward()
    assert forward is not None and forward.place == "b" and forward.scroll == 3.0
    assert history.forward() is None


def test_visiting_after_going_back_drops_the_forward_places() -> None:
    history: History[str] = History()
    for place in ("a", "b", "c"):
        history.visit(place)
    history.back()
    history.back()
    history.visit("d")
    assert not history.can_go_forward
    assert [history.current.place if history.current else None] == ["d"]
    back = history.back()
    assert back is not None and back.place == "a"
    assert len(history) == 2


def test_limit_drops_the_oldest_place() -> None:
    history: History[int] = History(limit=3)
    for place in range(5):
        history.visit(place)
    assert len(history) == 3
    places = []
    while (stop := history.back()) is not None:
        places.append(stop.place)
    assert places == [3, 2]


def test_replace_place_keeps_the_scroll() -> None:
    history: History[str] = History()
    history.visit("/tmp/a.txt")
    history.remember_scroll(7.0)
    history.replace_place("library:1")
    current = history.current
    assert current is not None and current.place == "library:1" and current.scroll == 7.0


def test_peek_looks_without_moving() -> None:
    history: History[str] = History()
    assert history.peek(-1) is None
    for place in ("a", "b", "c"):
        history.visit(place)
    history.back()
    back, ahead = history.peek(-1), history.peek(1)
    assert back is not None and back.place == "a"
    assert ahead is not None and ahead.place == "c"
    assert history.peek(2) is None
    current = history.current
    assert current is not None and current.place == "b", "peeking does not move"
