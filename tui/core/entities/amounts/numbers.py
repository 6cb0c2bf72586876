"""Numbers as they are written in French and English prose, digits or words.

`number_tokens` yields every number in a text with its span. Digits may be grouped
by spaces (plain, no-break, thin), dots, commas or apostrophes, and the decimal
mark is a dot or a comma; which is which is settled by the rules in `parse_digits`.
Number words ('deux', 'twenty-five') are read with text2num.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass

from text_to_num import text2num

from tui.core.entities.amounts.currencies import SEP, SPACE, SPACES_RE

MAX_DIGITS = 15
"""Longer digit runs are identifiers or noise, never money."""

MAX_NUMBER_WORDS = 8
"""Longer runs of number words are not one number ('un un un …')."""

MAX_PENCE_DIGITS = 4
"""'286p' is pence; longer runs before a 'p' are something else."""

PENCE_WINDOW = 60
"""How far either side of '286p' a word about prices ('shares', 'target') is looked for."""

VIDEO_MODES = frozenset({240, 360, 480, 576, 720, 1080, 1440, 2160, 4320})
"""Numbers that, followed by 'p', are video resolutions rather than pence."""

_DIGITS_RE = re.compile(
    rf"(?:(?<!\w)|(?<=[A-Z]{{3}})|(?<=Rs)|(?<=Dh))\d+(?:(?:[.,'’]|{SPACE})\d+)*"
)
_SPACE_RE = re.compile(SPACE)
_GROUPING_RE = re.compile(rf"{SPACE}|['’]")
_GROUP_RE = re.compile(r"\d{3}")
_LAST_GROUP_RE = re.compile(r"\d{3}(?:[.,]\d+)?")
_LEAD_RE = re.compile(r"\d{1,3}")
_INDIAN_RE = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}")
_PENCE_RE = re.compile(r"p(?![\w'’-])")
_PENCE_CUES = re.compile(
    r"\b(?:shares?|stock|price\w*|target|dividend\w*|pence|charg\w*|cost\w*|pay\w*)\b", re.I
)
_GLUED_CENTS_RE = re.compile(r"\d{2}(?![\d,.]?\d)")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_CODE_RE = re.compile(r"[A-Z]{3}")
_SINGULAR_RE = re.compile(r"(?:euro|dollar|franc|pound|livre|rupee|roupie)$", re.I)
_IN_RE = re.compile(r"\b(?:in|en)\s$", re.I)

_FR_WORDS = [
    "zéro",
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "vingts",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "septante",
    "huitante",
    "octante",
    "nonante",
    "cent",
    "cents",
    "mille",
]
_EN_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
]
_WORD_ALT = "|".join(sorted(set(_FR_WORDS + _EN_WORDS), key=len, reverse=True))
_WORD = rf"(?:{_WORD_ALT})\b"
_JOIN = rf"(?:{SPACE}|-)+(?:(?:et|and)(?:{SPACE}|-)+)?"
_WORDS_RE = re.compile(
    rf"(?<![\w-])(?:{_WORD}(?:{_JOIN}{_WORD})*"
    rf"|(?:half{SEP})?(?:a|an)(?={SEP}(?:thousand|million|billion|trillion)s?\b))",
    re.IGNORECASE,
)
_SPLIT_WORDS_RE = re.compile(rf"{SEP}(?:et|and){SEP}", re.IGNORECASE)


@dataclass(frozen=True)
class NumberToken:
    """One number in the text: its span and either its digits or its word value."""

    start: int
    end: int
    digits: str = ""
    word_value: float | None = None

    @property
    def words(self) -> bool:
        """Whether the number is written in words."""
        return self.word_value is not None

    def parse(self, scale_follows: bool, lang: str = "fr") -> float | None:
        """The number's value; `scale_follows` makes `1,252` read as 1.252 (`1,252 Md€`)
        except in English, where a comma never marks decimals, and in French, where a
        dot never does ('1.800 millions' is eighteen hundred millions)."""
        if self.word_value is not None:
            return self.word_value
        comma_groups = lang == "en" and "," in self.digits
        dot_groups = lang == "fr" and "." in self.digits and "," not in self.digits
        return parse_digits(self.digits, scale_follows and not (comma_groups or dot_groups))


def number_tokens(text: str, lang: str) -> Iterator[NumberToken]:
    """Every number in `text` (digits or words), in order of position."""
    return heapq.merge(_digit_tokens(text), _word_tokens(text, lang), key=lambda t: t.start)


def _digit_tokens(text: str) -> Iterator[NumberToken]:
    for match in _DIGITS_RE.finditer(text):
        offset = _grouped_start(match.group())
        start = match.start() + offset
        yield NumberToken(start, match.end(), digits=text[start : match.end()])


def _grouped_start(run: str) -> int:
    """Where the number ends up starting in a run like '2019 3 200': the widest valid
    space-grouped tail ('3 200'), or the last chunk when no grouping fits."""
    chunks = _SPACE_RE.split(run)
    if len(chunks) == 1:
        return 0
    offsets = [0]
    for chunk in chunks[:-1]:
        offsets.append(offsets[-1] + len(chunk) + 1)
    best = len(chunks) - 1
    if not _LAST_GROUP_RE.fullmatch(chunks[-1]):
        return offsets[best]
    for i in range(len(chunks) - 2, -1, -1):
        if _LEAD_RE.fullmatch(chunks[i]):
            best = i
        if not _GROUP_RE.fullmatch(chunks[i]):
            break
    return offsets[best]


def parse_digits(text: str, scale_follows: bool = False) -> float | None:
    """The value of a written number, or None when it is not a plain quantity.

    Spaces and apostrophes group thousands. With both a dot and a comma, the last one
    is the decimal mark. One kind used several times groups thousands ('1.234.567').
    A single dot or comma before exactly three digits groups thousands ('600.000',
    '$1,599') unless a scale follows ('1,252 Md€', but not '1.000 milliards') or the
    integer part is 0.
    """
    plain = _GROUPING_RE.sub("", text)
    if sum(ch.isdigit() for ch in plain) > MAX_DIGITS:
        return None
    if _SPACE_RE.search(text):
        return _decimal(plain.replace(",", "."))
    marks = [ch for ch in plain if ch in ".,"]
    if not marks:
        return float(plain)
    if len(set(marks)) == 2:
        decimal = marks[-1]
        if marks.count(decimal) > 1:
            return None
        head, _, tail = plain.rpartition(decimal)
        return _grouped(head, marks[0], tail)
    mark = marks[0]
    parts = plain.split(mark)
    if len(parts) > 2:
        return _grouped(plain, mark, "")
    head, tail = parts
    grouped = tail == "000" or not scale_follows  # '1.000 milliards' is a thousand
    if len(tail) == 3 and head != "0" and grouped and len(head) <= 3:
        return float(head + tail)
    return float(f"{head}.{tail}")


def _grouped(head: str, mark: str, decimals: str) -> float | None:
    """`head` grouped by `mark` in threes (or the Indian way, '1,00,000'), plus optional
    `decimals`; None if irregular."""
    groups = head.split(mark)
    regular = _LEAD_RE.fullmatch(groups[0]) and all(_GROUP_RE.fullmatch(g) for g in groups[1:])
    if not regular and not _INDIAN_RE.fullmatch(head):
        return None
    return float("".join(groups) + (f".{decimals}" if decimals else ""))


def _decimal(text: str) -> float | None:
    if text.count(".") > 1:
        return None
    return float(text)


def is_pence(body: str, token: NumberToken, end: int, british: bool) -> bool:
    """'286p', '2,450p': digits glued to a 'p', in a text about Britain (`british`) or
    near words about share prices or charges; never '1080p'."""
    if token.words or end != token.end:
        return False
    whole = token.digits.replace(",", "").split(".")[0]
    if not whole.isdigit() or len(whole) > MAX_PENCE_DIGITS or int(whole) in VIDEO_MODES:
        return False
    if _PENCE_RE.match(body, end) is None:
        return False
    near = (max(0, token.start - PENCE_WINDOW), end + PENCE_WINDOW)
    return british or _PENCE_CUES.search(body, *near) is not None


def glued_cents(body: str, token: NumberToken, end: int, number: float) -> tuple[int, float]:
    """'9€99' is 9.99 euros: two digits glued to a symbol glued to a whole number."""
    glued_symbol = end == token.end + 1 and body[token.end] in "€$£"
    if token.words or not glued_symbol or not number.is_integer():
        return end, number
    cents = _GLUED_CENTS_RE.match(body, end)
    if cents is None:
        return end, number
    return cents.end(), number + int(cents.group()) / 100


def year_not_money(body: str, token: NumberToken, start: int, end: int) -> bool:
    """A year beside a currency name that is not its amount: 'Hong Kong SAR 2024',
    'in 2016 euro zone', 'prices in 2020 dollars' (a price base)."""
    if not _YEAR_RE.fullmatch(token.digits):
        return False
    if _CODE_RE.fullmatch(body[start : token.start].strip()):
        return True  # an ISO code before a year is an acronym ('SAR 2024', 'CAD 2025')
    unit = body[token.end : end]
    if not unit.strip()[-1:].isalpha():
        return False  # a symbol: '1999 €'
    return (
        _SINGULAR_RE.search(unit) is not None
        or _IN_RE.search(body, max(0, token.start - 3), token.start) is not None
    )


def _word_tokens(text: str, lang: str) -> Iterator[NumberToken]:
    for match in _WORDS_RE.finditer(text):
        words = match.group()
        if len(words.split()) > MAX_NUMBER_WORDS:
            continue
        value = _word_value(words, lang)
        if value is not None:
            yield NumberToken(match.start(), match.end(), word_value=value)
        else:
            # 'entre deux et trois' or 'two and three': read the last number alone.
            parts = list(_SPLIT_WORDS_RE.finditer(words))
            if parts:
                start = match.start() + parts[-1].end()
                last = _word_value(text[start : match.end()], lang)
                if last is not None:
                    yield NumberToken(start, match.end(), word_value=last)


def _word_value(words: str, lang: str) -> float | None:
    """The value of number words, trying the text's language first."""
    cleaned = SPACES_RE.sub(" ", words).lower()
    if cleaned in ("a", "an"):
        return 1.0
    if cleaned in ("half a", "half an"):
        return 0.5
    for code in (lang, "en" if lang == "fr" else "fr"):
        try:
            return float(text2num(cleaned, code))
        except ValueError:
            continue
    return None
