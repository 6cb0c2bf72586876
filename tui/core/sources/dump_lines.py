"""A plain-text dump as lines: each non-empty line stripped, with its offset in the dump.

The cleaner classifies these lines (title, body, furniture). The scraper's leading
`date YYYY-MM[-DD]` token is split off the first line. A short tail after the last
sentence of a line (`… quelques semaines. Jean Dupont`, `…du groupe.abc/de(©AFP)`) is a
candidate for a byline or credit glued to the text; `glued_tail` finds where it starts. A
page header glued before the text, ending on a letter-spaced heading (`… N°12 S o m m a i r
e Le groupe a …`), is split off as its own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.sources.dump_vocabulary import DATE_TOKEN

_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
"""A line, ended by any of the breaks `str.splitlines` knows."""
_SENTENCE_END = re.compile(r"[.!?](?:\s?[»”\"’)\]])*(?=\s|[^\W\d_(]|\()")
"""A full stop (or ! ? …) and its closing quotes, followed by a space or the next word."""
_CLOSED = re.compile(r"[.!?…:;](?:\s?[»”\"’)\]])*\s*$|^[^\w]*$")
"""A line that ends its last sentence has no tail."""
TAIL_MAX_WORDS = 12
TAIL_MAX_CHARS = 120
TAIL_MIN_SENTENCE = 15
"""A glued tail follows at least this much text of the line."""
LETTER_SPACED = r"(?<!\S)(?:\w ){7,}\w"
"""Eight or more single letters or digits a space apart (`S o m m a i r e`)."""
_HEADER_END = re.compile(LETTER_SPACED + r"(?= \S)")
HEADER_MAX_CHARS = 300
"""A letter-spaced heading this far into a line ends a page header glued before the text."""


@dataclass(frozen=True)
class DumpLine:
    """One non-empty line of a dump, stripped; `start` is its offset in the dump."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class DumpText:
    """A dump split into lines, and the date its scraper token gave, if any."""

    lines: list[DumpLine]
    date_token: str | None = None


def split_lines(text: str) -> DumpText:
    """The dump's non-empty lines; a leading `date …` token is taken off the first one."""
    lines: list[DumpLine] = []
    for match in _LINE.finditer(text):
        raw = match.group(0)
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(DumpLine(stripped, match.start() + lead))
    if not lines:
        return DumpText(lines)
    token = DATE_TOKEN.match(lines[0].text)
    if not token:
        return DumpText(_split_headers(lines))
    first = lines[0]
    rest = first.text[token.end() :]
    stripped = rest.strip()
    offset = first.start + token.end() + len(rest) - len(rest.lstrip())
    head = [DumpLine(stripped, offset)] if stripped else []
    return DumpText(_split_headers(head + lines[1:]), token.group(1))


def _split_headers(lines: list[DumpLine]) -> list[DumpLine]:
    """Each line, a page header glued before its text split off at its letter-spaced
    heading: the line break lost there is put back."""
    out: list[DumpLine] = []
    for line in lines:
        spaced = _HEADER_END.search(line.text, 0, HEADER_MAX_CHARS)
        if spaced is None:
            out.append(line)
            continue
        rest = line.text[spaced.end() :]
        text_start = spaced.end() + len(rest) - len(rest.lstrip())
        out.append(DumpLine(line.text[: spaced.end()], line.start))
        out.append(DumpLine(line.text[text_start:], line.start + text_start))
    return out


def glued_tail(text: str) -> int | None:
    """Where a short unpunctuated tail after the line's last sentence starts, if it has one."""
    if _CLOSED.search(text):
        return None
    ends = list(_SENTENCE_END.finditer(text))
    last = ends[-1] if ends else None
    if last is None or last.end() < TAIL_MIN_SENTENCE:
        return None
    start = last.end()
    while start < len(text) and text[start].isspace():
        start += 1
    tail = text[start:]
    if not tail or len(tail) > TAIL_MAX_CHARS or len(tail.split()) > TAIL_MAX_WORDS:
        return None
    return start
