"""A process killed with SIGKILL in the middle of saving leaves a sound library."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tui.core.library.store import Library

ROOT = Path(__file__).resolve().parents[2]

SAVER = """
import sys
from pathlib import Path
from tui.core.model import Amount, Article, Company, Entities, Mention
from tui.core.library.store import Library

lib = Library(Path(sys.argv[1]))
n = 0
while True:
    body = f"Article {n} about Initech. " + ("filler words for a long body " * 4000)
    entities = Entities(
        amounts=tuple(Amount("$1", 0, 2, 1.0, "USD") for _ in range(n % 5 + 1)),
        companies=(Company("Initech", (Mention("Initech", 14, 21),)),),
    )
    article = Article(title=f"Story {n}", body=body, source=f"src-{n}", entities=entities)
    article_id = lib.save(article, raw=body.encode() * 3, etag=f"e{n}")
    print(article_id, n, flush=True)
    n += 1
"""


def _run_and_kill(path: Path, delay: float) -> list[tuple[int, int]]:
    """Let a saver commit for `delay` seconds, SIGKILL it; return the saves it reported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # wait until it is saving
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return [(int(a), int(b)) for a, b in (line.split() for line in (first + rest).splitlines())]


def _check(library: Library, reported: list[tuple[int, int]]) -> None:
    conn = library._db
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    saved = {e.id: e for e in library.entries(limit=-1)}
    for article_id, n in reported:
        assert saved[article_id].title == f"Story {n}"
    for entry in saved.values():
        article = library.get(entry.id)
        n = int(entry.title.split()[1])
        assert article.body.startswith(f"Article {n} about Initech.")
        assert article.entities is not None and len(article.entities.amounts) == n % 5 + 1
        assert entry.amounts == n % 5 + 1
        assert library.raw_page(entry.id) == article.body.encode() * 3
        assert library.fetch_info(entry.id) == (f"e{n}", None)
    assert len(library.search("initech")) == min(len(saved), 50)


def test_sigkill_during_saves_leaves_earlier_articles_intact(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    reported: list[tuple[int, int]] = []
    for delay in (0.05, 0.23, 0.41):
        reported += _run_and_kill(path, delay)
        with Library(path) as library:
            _check(library, reported)
    assert len(reported) >= 3
