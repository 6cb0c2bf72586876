"""Stand-in workers for the analyser's scheduling tests (they run in the worker process).

Each finds one "amount" per piece, the piece's first word, so a test can check that the
pieces were cut, sent and joined back at the right offsets, without the language model.
Words starting with "slow" make the piece sleep that many tenths of a second.
"""

from __future__ import annotations

import time

from tui.core.model import Amount, Company, Entities, Mention


def first_word(body: str, lang: str | None, struck: tuple[tuple[int, int], ...]) -> Entities:
    stripped = body.lstrip()
    start = len(body) - len(stripped)
    word = stripped.split()[0] if stripped else ""
    if word.startswith("slow"):
        time.sleep(int(word[4:] or "10") / 10)
    end = start + len(word)
    amount = Amount(word, start, end, float(len(word)), "EUR")
    company = Company("Acme", (Mention(word, start, end),))
    return Entities(amounts=(amount,), companies=(company,))


def warm() -> bool:
    return True


def missing_model(body: str, lang: str | None, struck: tuple[tuple[int, int], ...]) -> Entities:
    raise OSError("the language model is missing")


def missing_model_warm() -> bool:
    raise OSError("the language model is missing")


def slow_warm() -> bool:
    """A model that takes longer to load than any test waits."""
    time.sleep(600)
    return True
