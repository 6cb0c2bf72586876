"""Facts and companies written out as CSV, JSON or Markdown, safe for terminals and spreadsheets.

CSV follows RFC 4180 (a header line, CRLF line ends, fields quoted when they hold a
comma, a quote or a line break, quotes doubled). Every text cell goes through
`sanitise.clean`, and a cell that a spreadsheet would run as a formula (starting with
`=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'` in front. JSON keeps the exact
text, with control, C1 and bidi characters escaped as `\\uXXXX` so none reaches a
terminal raw. Markdown escapes what would make a table cell a link, a tag or markup.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, TextIO

from tui.core.library.company_index import CompanySummary
from tui.core.library.facts import FACT_FIELDS, FactRow
from tui.core.sanitise import clean

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula."""
COMPANY_FIELDS = (
    "name", "key", "articles", "mentions", "first_seen", "last_seen", "totals", "largest",
    "watched",
)  # fmt: skip
BOM = "\ufeff"
CRLF = "\r\n"
"""RFC 4180's line end, for files. What the command line prints ends lines with "\n":
a carriage return is a terminal control, which its output never carries."""
_UNSAFE_JSON = re.compile("[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#!])")


def number(value: float | None) -> str:
    """`1500000000` rather than `1.5e9`; "" for no value."""
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)


CLEAN_BELOW = 0x3000
"""`sanitise.clean` changes no character from here up (a test checks it)."""


@cache
def _unclean() -> re.Pattern[str]:
    """The characters `clean` replaces, as one character class (built on first use)."""
    changed = "".join(chr(c) for c in range(CLEAN_BELOW) if clean(chr(c)) != chr(c))
    return re.compile(f"[{re.escape(changed)}]")


def fast_clean(text: str) -> str:
    """`clean`, skipped for the many cells that hold nothing to replace."""
    return clean(text) if _unclean().search(text) else text


def spreadsheet_cell(value: object) -> str:
    """A text cell made safe: no control character, no formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(float(value))
    raw = str(value)
    text = fast_clean(raw)
    return "'" + text if raw.startswith(FORMULA_START) or text.startswith(FORMULA_START) else text


def json_text(value: Any) -> str:
    """JSON with the exact text, readable accents, and no terminal control character raw."""
    text = json.dumps(value, ensure_ascii=False)
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def markdown_cell(value: object) -> str:
    text = spreadsheet_cell(value) if not isinstance(value, str) else fast_clean(value)
    return _MARKDOWN.sub(r"\\\1", text)


def fact_values(row: FactRow) -> list[object]:
    return [
        *(row.article_id, row.date, row.site, row.title, row.url, row.amount, row.value),
        *(row.value_max, row.currency, row.inferred, row.struck, row.owner, row.sentence),
    ]


def _money(summary: CompanySummary, largest: bool) -> str:
    return "; ".join(
        f"{m.currency or '?'} {number(m.largest if largest else m.total)}" for m in summary.money
    )


def company_values(summary: CompanySummary) -> list[object]:
    return [
        *(summary.name, summary.key, summary.articles, summary.mentions),
        *(summary.first_seen, summary.last_seen, _money(summary, False), _money(summary, True)),
        summary.watched,
    ]


def company_object(summary: CompanySummary) -> dict[str, object]:
    return {
        **dict(zip(COMPANY_FIELDS[:6], company_values(summary)[:6], strict=True)),
        "money": [
            {"currency": m.currency, "total": m.total, "largest": m.largest, "amounts": m.amounts}
            for m in summary.money
        ],
        "watched": summary.watched,
    }


def write_csv(
    out: TextIO,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = False,
    line_end: str = CRLF,
) -> int:
    """Write a CSV table; returns the number of rows (the header not counted)."""
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator=line_end)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow([spreadsheet_cell(v) for v in row])
        count += 1
    return count


def write_json(out: TextIO, objects: Iterable[dict[str, object]]) -> int:
    """Write a JSON array, one object per line; returns the number of objects."""
    count = 0
    for obj in objects:
        out.write(("[\n" if count == 0 else ",\n") + json_text(obj))
        count += 1
    out.write("[]\n" if count == 0 else "\n]\n")
    return count


def write_markdown(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a Markdown table; returns the number of rows."""
    out.write("| " + " | ".join(header) + " |\n")
    out.write("|" + "|".join("---" for _ in header) + "|\n")
    count = 0
    for row in rows:
        out.write("| " + " | ".join(markdown_cell(v) for v in row) + " |\n")
        count += 1
    return count


def write_facts(out: TextIO, rows: Iterable[FactRow], fmt: str, *, bom: bool = False) -> int:
    """Facts as `csv`, `json` or `markdown`; returns the number of rows written."""
    return write_fact_values(out, (fact_values(r) for r in rows), fmt, bom=bom)


def write_fact_values(
    out: TextIO,
    rows: Iterable[Sequence[object]],
    fmt: str,
    *,
    bom: bool = False,
    line_end: str = CRLF,
) -> int:
    """`write_facts` for rows of values in `FACT_FIELDS` order (extra values ignored)."""
    width = len(FACT_FIELDS)
    if fmt == "json":
        return write_json(out, (dict(zip(FACT_FIELDS, r[:width], strict=True)) for r in rows))
    values = (r[:width] for r in rows)
    if fmt == "markdown":
        return write_markdown(out, FACT_FIELDS, values)
    return write_csv(out, FACT_FIELDS, values, bom=bom, line_end=line_end)


def write_companies(
    out: TextIO,
    summaries: Iterable[CompanySummary],
    fmt: str,
    *,
    bom: bool = False,
    line_end: str = CRLF,
) -> int:
    """Companies as `csv` or `json` (one row per company); returns the count."""
    if fmt == "json":
        return write_json(out, (company_object(s) for s in summaries))
    values = (company_values(s) for s in summaries)
    return write_csv(out, COMPANY_FIELDS, values, bom=bom, line_end=line_end)
