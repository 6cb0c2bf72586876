"""Long bodies in pieces, and the analyser's queue: the article on screen goes first, a
cancelled job stops, and a stale piece is killed with its worker."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from concurrent.futures import CancelledError, wait

import pytest

from tests.core.analysis_workers import first_word, warm
from tui.core.background import BACKGROUND, FOREGROUND, Analyser
from tui.core.model import Amount, AmountCheck, Company, Entities, Mention
from tui.core.pieces import cut_points, joined, shifted, struck_within

PARAGRAPHS = [f"Paragraph{n} says something about money and firms." for n in range(40)]
BODY = "\n\n".join(PARAGRAPHS)


def test_pieces_cover_the_body_and_cut_between_paragraphs() -> None:
    cuts = cut_points(BODY, 200)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(BODY)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(end - start <= 200 for start, end in cuts)
    assert all(BODY[start:].startswith("Paragraph") for start, _ in cuts)
    assert cut_points("short", 200) == [(0, 5)]
    assert cut_points("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)], "one long word is split"


def test_struck_spans_are_clipped_to_a_piece() -> None:
    assert struck_within([(5, 15), (30, 40)], 10, 35) == ((0, 5), (20, 25))


def test_joined_pieces_keep_offsets_rows_and_checks() -> None:
    body = "Acme paid 5 EUR.\n\nLater Acme paid 7 EUR, total 7 EUR."
    second = body.index("Later")

    def found(text: str, start: int) -> Entities:
        acme = text.index("Acme")
        amounts = tuple(
            Amount(t, text.index(t), text.index(t) + len(t), float(t[0]), "EUR")
            for t in ("5 EUR", "7 EUR")
            if t in text
        )
        checks = (AmountCheck(0, (0,), True),) if "total" in text else ()
        return shifted(
            Entities(
                amounts=amounts,
                companies=(Company("Acme", (Mention("Acme", acme, acme + 4),)),),
                checks=checks,
            ),
            start,
        )

    result = joined([found(body[:second], 0), found(body[second:], second)])
    assert [body[a.start : a.end] for a in result.amounts] == ["5 EUR", "7 EUR"]
    assert len(result.companies) == 1, "one row per company across pieces"
    assert [body[m.start : m.end] for m in result.companies[0].mentions] == ["Acme", "Acme"]
    assert result.checks == (AmountCheck(1, (1,), True),), "check indexes follow the amounts"


@pytest.fixture
def fake() -> Iterator[Analyser]:
    analyser = Analyser(piece_chars=200, stale_seconds=1.0, worker=first_word, warm_up=warm)
    analyser.prewarm().result(timeout=60)
    yield analyser
    analyser.shutdown()


def test_a_long_body_is_analysed_in_pieces_and_joined(fake: Analyser) -> None:
    job = fake.analyse(BODY, "en")
    entities = job.future.result(timeout=60)
    pieces = len(cut_points(BODY, 200))
    assert job.progress == (pieces, pieces) and pieces > 5
    assert len(entities.amounts) == pieces
    assert all(BODY[a.start : a.end] == a.text for a in entities.amounts)
    assert len(entities.companies) == 1 and len(entities.companies[0].mentions) == pieces


def test_the_foreground_job_goes_before_queued_background_work(fake: Analyser) -> None:
    slow = "\n\n".join(["slow2 " + "x" * 150] * 8)
    background = fake.analyse(slow, "en", priority=BACKGROUND)
    time.sleep(0.3)  # the first background piece is now running
    foreground = fake.analyse("Now this one.", "en", priority=FOREGROUND)
    foreground.future.result(timeout=60)
    done, total = background.progress
    assert done <= 2 < total, "the foreground job waited for one piece at most"
    background.future.result(timeout=60)


def test_a_cancelled_job_stops_and_a_stale_piece_is_killed(fake: Analyser) -> None:
    stale = fake.analyse("slow600 forever", "en")
    time.sleep(0.3)
    stale.cancel()
    started = time.monotonic()
    fresh = fake.analyse("Fresh article.", "en")
    assert fresh.future.result(timeout=60).amounts[0].text == "Fresh"
    assert time.monotonic() - started < 30, "did not wait the minute the stale piece needs"
    assert fake.restarts == 1
    with pytest.raises(CancelledError):
        stale.future.result(timeout=1)


def test_shutdown_cancels_waiting_jobs() -> None:
    analyser = Analyser(worker=first_word, warm_up=warm)
    job = analyser.analyse("slow50 waiting", "en")
    second = analyser.analyse("queued", "en")
    analyser.shutdown()
    wait([job.future, second.future], timeout=10)
    assert second.future.cancelled()
