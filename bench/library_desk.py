"""Part 2 of `bench/library`: the desk over 100,000 synthetic articles with entity rows.

Every figure is the median of --repeat runs, printed beside a baseline measured on the
same data in the same run: a plain full-text query through `Library.search` (the fast
path the library had before the desk), or the same rows fetched by bare SQL.
"""

from __future__ import annotations

import asyncio
import io
import math
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable

from tui.config import Settings
from tui.core.library import entity_index
from tui.core.library.store import Library
from tui.core.model import Amount, Article, Company, Entities, Mention
from tui.ui.messages import Painted

INDEX_TARGET_MS = 200.0
PAGE_TARGET_MS = 50.0
QUERY_TARGET_MS = 100.0
EXPORT_TARGET_S = 5.0
COMPANIES = 20_000
ZIPF = 1.1
"""Company popularity: rank r is drawn with weight 1 / r**ZIPF."""
# fmt: off
SYLLABLES = [
    "ka", "ro", "mi", "tel", "sun", "var", "bo", "le", "dra", "quin", "pas", "or", "fen",
    "lu", "mar", "tis", "cal", "ve", "non", "gra", "zet", "ul", "pri", "sto", "bel",
]
FORMS = ["", " SA", " Inc.", " GmbH", " Ltd", " Corp", " SE", ""]
HOSTS = [f"{w}{n}.example" for w in ("news", "wire", "daily", "echo", "post") for n in range(10)]
CURRENCIES = [("EUR", "€{}m"), ("USD", "${}m"), ("GBP", "£{}m"), ("EUR", "{} M€")]
# fmt: on


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class World:
    """The made-up companies and the word list the articles are written from."""

    def __init__(self, rng: random.Random) -> None:
        names: set[str] = set()
        while len(names) < COMPANIES:
            parts = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))]
            names.add("".join(parts).title())
        self.names = sorted(names)
        rng.shuffle(self.names)
        self.forms = [rng.choice(FORMS) for _ in self.names]
        self.split = {i for i in range(COMPANIES) if rng.random() < 0.1}
        """Companies also written in two words (`Cap Gemini` beside `Capgemini`)."""
        weights = [1 / (r + 1) ** ZIPF for r in range(COMPANIES)]
        self.cumulative = list(_accumulate(weights))
        self.words = ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(3000)]

    def company(self, rng: random.Random) -> int:
        return _bisect(self.cumulative, rng.random() * self.cumulative[-1])

    def spelling(self, index: int, rng: random.Random) -> str:
        name = self.names[index]
        if index in self.split and rng.random() < 0.5:
            name = f"{name[:3]} {name[3:].title()}"
        return name + self.forms[index]


def _accumulate(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += v
        out.append(total)
    return out


def _bisect(cumulative: list[float], x: float) -> int:
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def synthetic(n: int, world: World, rng: random.Random) -> Article:
    """One article: 1-4 companies, 0-2 amounts (about one on average), ~500 characters."""
    picked = list(dict.fromkeys(world.company(rng) for _ in range(rng.randint(1, 4))))
    parts: list[str] = []
    mentions: dict[int, list[Mention]] = {}
    amounts: list[Amount] = []
    size = 0

    def add(text: str) -> int:
        nonlocal size
        parts.append(text)
        size += len(text)
        return size - len(text)

    for index in picked:
        for _ in range(rng.randint(1, 3)):
            add(" ".join(rng.choice(world.words) for _ in range(rng.randint(5, 12))) + " ")
            name = world.spelling(index, rng)
            start = add(name)
            mentions.setdefault(index, []).append(Mention(name, start, start + len(name)))
            add(". ")
    for _ in range(rng.choice((0, 1, 1, 2))):
        amounts.append(_amount(add, rng, picked, world))
        add(" in the deal. ")
    companies = tuple(Company(m[0].text, tuple(m)) for m in mentions.values())
    return Article(
        title=f"{world.names[picked[0]]} {rng.choice(world.words)} story {n}",
        body="".join(parts),
        site=rng.choice(HOSTS),
        url=f"https://{rng.choice(HOSTS)}/{n}",
        source=f"https://bench.example/{n}",
        published=f"{2025 + n % 2}-{1 + n % 12:02d}-{1 + n % 28:02d}",
        lang=rng.choice(("en", "fr")),
        entities=Entities(amounts=tuple(amounts), companies=companies),
    )


def _amount(
    add: Callable[[str], int], rng: random.Random, picked: list[int], world: World
) -> Amount:
    millions = round(math.exp(rng.uniform(math.log(0.1), math.log(10_000))), 1)
    currency, pattern = rng.choice(CURRENCIES)
    text = pattern.format(millions)
    start = add(text)
    owner = world.names[rng.choice(picked)] if rng.random() < 0.5 else None
    ranged = rng.random() < 0.1
    return Amount(
        text, start, start + len(text), millions * 1e6, currency,
        value_max=millions * 2e6 if ranged else None,
        currency_inferred=rng.random() < 0.1, struck=rng.random() < 0.03, owner=owner,
    )  # fmt: skip


def build(path: Path, count: int) -> float:
    rng = random.Random(11)
    world = World(rng)
    start = time.perf_counter()
    with Library(path) as library:
        for n in range(count):
            library.save(synthetic(n, world, rng))
            if n % 10_000 == 9_999:
                print(f"  … {n + 1} saved ({time.perf_counter() - start:.0f} s)", flush=True)
    return time.perf_counter() - start


def run_desk(count: int, repeat: int, keep: Path | None, backfill: bool) -> bool:
    """Build (or reuse) the desk library and print every figure; True if targets are met."""
    with tempfile.TemporaryDirectory() as tmp:
        path = keep or Path(tmp) / "desk.sqlite3"
        if not path.exists():
            seconds = build(path, count)
            print(f"desk: built {count} articles in {seconds:.0f} s", end="")
            print(f" ({seconds / count * 1000:.2f} ms a save, index rows included)")
        with Library(path) as library:
            ok = measure(library, repeat)
            if backfill:
                time_backfill(library)
        return ok


def _line(name: str, ms: float, base: float, base_name: str, target: float, note: str = "") -> bool:
    print(
        f"{name:<34} {ms:8.1f} ms  x{ms / base:6.2f} {base_name}  (target <= {target:.0f} ms){note}"
    )
    return ms <= target


def measure(library: Library, repeat: int) -> bool:
    conn = library._db
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = conn.execute("SELECT count(*) FROM desk_amounts").fetchone()[0]
    print(f"desk: {articles} articles, {rows} amount rows")
    found, _ = library.desk.companies()
    top, middle = found[0], found[len(found) // 2]
    word = found[0].name.split()[0].lower()
    base = median_ms(lambda: library.search(word), repeat)
    base_name = "FTS"
    print(
        f"baseline: plain full-text query {word!r} (50 best of {len(library.search(word, -1))}):"
        f" {base:.1f} ms"
    )
    ok = _line(
        "companies index (core)", median_ms(library.desk.companies, repeat), base, base_name,
        INDEX_TARGET_MS, f"  {len(found)} companies",
    )  # fmt: skip
    first, bare = first_screen_ms(library.path, max(3, repeat // 3))
    ok &= _line("companies index to first screen", first, bare, "bare table", INDEX_TARGET_MS)
    for label, summary in (("top", top), ("median", middle)):
        ms = median_ms(lambda s=summary: library.desk.company(s.key), repeat)  # type: ignore[misc]
        note = f"  {summary.articles} articles"
        ok &= _line(f"company page ({label})", ms, base, base_name, PAGE_TARGET_MS, note)
    queries = [
        f'company:"{top.name}"', f'company:"{middle.name}"', "amount>100M€", "amount>1e6",
        "amount>=1bn$ lang:fr", "amount<200k", f"{word} amount>1bn€ since:2026-01-01",
    ]  # fmt: skip
    for query in queries:
        hits = len(library.search(query))
        ms = median_ms(lambda q=query: library.search(q), repeat)  # type: ignore[misc]
        ok &= _line(f"query {query[:25]}", ms, base, base_name, QUERY_TARGET_MS, f"  {hits} hits")
    return export(library, repeat) and ok


def export(library: Library, repeat: int) -> bool:
    conn = library._db
    bare_sql = "SELECT * FROM desk_amounts AS m JOIN articles AS a ON a.id = m.article_id"
    bare = median_ms(lambda: conn.execute(bare_sql).fetchall(), max(1, repeat // 3))

    def write() -> int:
        out = io.StringIO()
        count = library.desk.write_facts("", out, "csv").rows[0][0]
        assert isinstance(count, int)
        return count

    count = write()
    ms = median_ms(write, max(1, repeat // 3))
    return _line(
        f"facts export, CSV, {count} rows", ms, bare, "bare SELECT", EXPORT_TARGET_S * 1000
    )


def first_screen_ms(path: Path, repeat: int) -> tuple[float, float]:
    """Push the companies screen in a headless app until its first rows are drawn; the
    baseline pushes a screen whose table gets as many rows of fixed text at once."""
    from tui.ui.screens.companies import FIRST_ROWS, CompaniesScreen

    settings = Settings(library_path=path)
    times, bare = [], []
    for _ in range(repeat):
        times.append(asyncio.run(_time_screen(lambda: CompaniesScreen(settings))))
        bare.append(asyncio.run(_time_screen(lambda: _BareTable(FIRST_ROWS))))
    return statistics.median(times), statistics.median(bare)


class _BareTable(Screen[None]):
    """The baseline: a table given the same number of rows of fixed text, all at once."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.row_total = rows

    def compose(self) -> Any:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*"abcdefg")
        table.add_rows([("x" * 20, 1, 2, "€3m", "€4m", "2026", "2026")] * self.row_total)
        self.call_after_refresh(lambda: self.post_message(Painted(time.time())))


class _PaintClock(App[None]):
    """Records when a screen says its content is on screen."""

    painted: float | None = None

    def on_painted(self, message: Painted) -> None:
        self.painted = self.painted or message.when


async def _time_screen(make: Callable[[], Screen[Any]]) -> float:
    app = _PaintClock()
    async with app.run_test(size=(160, 50)) as pilot:
        start = time.time()
        await app.push_screen(make())
        while app.painted is None:
            await pilot.pause(0.001)
        return (app.painted - start) * 1000


def time_backfill(library: Library) -> None:
    """One full rebuild of the index from the stored entity results (an upgrade's cost)."""
    conn = library._db
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    entity_index.rebuild(conn)
    conn.execute("COMMIT")
    print(f"backfill (rebuild of every index row): {time.perf_counter() - start:.1f} s")
