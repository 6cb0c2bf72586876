"""A long body analysed in bounded pieces: where to cut it, and how to join the results.

The entity pass takes about a second per 15,000 characters here, so a long body is cut
into pieces of whole paragraphs that each take about that long: the analyser can then
report progress, and a newer article never waits long behind a stale one. Offsets found
in a piece are shifted back into the body, and rows that name the same company or
organisation in several pieces are joined into one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from tui.core.model import (
    PARAGRAPH_BREAK,
    Amount,
    AmountCheck,
    Company,
    Entities,
    Mention,
    Organisation,
)

PIECE_CHARS = 15_000
"""Characters per piece: about one second of the entity pass on this project's machine,
and more than most news articles hold, so an ordinary article is analysed in one go."""

AMOUNT_PIECE_CHARS = 20_000
"""Amounts are found a piece of this size at a time (a few tens of ms each): the first
piece in the reader's own process (or ahead of it, see `first_amounts`), the rest in its
helper process, so no thread holds the reader's interpreter long."""

Span = tuple[int, int]
Row = TypeVar("Row", Company, Organisation)


def cut_points(body: str, size: int = PIECE_CHARS) -> list[Span]:
    """(start, end) of consecutive pieces covering `body`, each at most `size` characters.

    Cuts fall after a paragraph break, else after a line break or a space, so no word is
    split unless a single word is longer than `size`.
    """
    size = max(1, size)
    pieces: list[Span] = []
    start = 0
    while len(body) - start > size:
        end = _cut_before(body, start, start + size)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(body)))
    return pieces


def _cut_before(body: str, start: int, limit: int) -> int:
    for separator in (PARAGRAPH_BREAK, "\n", " "):
        found = body.rfind(separator, start + 1, limit)
        if found > start:
            return found + len(separator)
    return limit


def first_amounts(part: str, lang: str | None, struck: Sequence[Span]) -> Entities:
    """The amounts and checks of the first piece of `part` (what the entity pass reads of
    a body, see `pipeline.analysed_part`): what the reader shows right after the body."""
    from tui.core.entities.analyse import analyse_amounts

    end = cut_points(part, AMOUNT_PIECE_CHARS)[0][1]
    return analyse_amounts(part[:end], lang, struck_within(struck, 0, end))


def struck_within(struck: Sequence[Span], start: int, end: int) -> tuple[Span, ...]:
    """The struck spans inside `body[start:end]`, as offsets into that piece."""
    return tuple(
        (max(s, start) - start, min(e, end) - start) for s, e in struck if s < end and e > start
    )


def _mentions(mentions: Sequence[Mention], offset: int) -> tuple[Mention, ...]:
    return tuple(replace(m, start=m.start + offset, end=m.end + offset) for m in mentions)


def shifted(entities: Entities, offset: int) -> Entities:
    """`entities` found in a piece that starts at `offset` of the body, as body offsets."""
    if offset == 0:
        return entities
    return Entities(
        amounts=tuple(
            replace(a, start=a.start + offset, end=a.end + offset) for a in entities.amounts
        ),
        companies=tuple(
            replace(c, mentions=_mentions(c.mentions, offset)) for c in entities.companies
        ),
        organisations=tuple(
            replace(o, mentions=_mentions(o.mentions, offset)) for o in entities.organisations
        ),
        checks=entities.checks,
    )


def _more_mentions(row: Row, mentions: Sequence[Mention]) -> Row:
    return replace(row, mentions=(*row.mentions, *mentions))


def _join_rows(groups: Sequence[Sequence[Row]]) -> tuple[Row, ...]:
    """One row per name: the first row found, with the mentions of every piece."""
    rows: dict[str, Row] = {}
    for group in groups:
        for found in group:
            first = rows.get(found.name)
            rows[found.name] = found if first is None else _more_mentions(first, found.mentions)
    return tuple(rows.values())


def joined(parts: Sequence[Entities]) -> Entities:
    """The entities of consecutive pieces (already `shifted`) as those of one body."""
    if len(parts) == 1:
        return parts[0]
    amounts: list[Amount] = []
    checks: list[AmountCheck] = []
    for part in parts:
        base = len(amounts)
        checks += [
            AmountCheck(c.total + base, tuple(p + base for p in c.parts), c.holds)
            for c in part.checks
        ]
        amounts += part.amounts
    return Entities(
        amounts=tuple(amounts),
        companies=_join_rows([p.companies for p in parts]),
        organisations=_join_rows([p.organisations for p in parts]),
        checks=tuple(checks),
    )
