"""Part 1 of `bench/feeds`: the refresh of 100 feeds, newsdesk against `newsboat -x reload`.

The shared fixtures are served under 100 URLs by the bench's local server; each command
runs against a fresh library (cold), then again (warm: conditional GETs), newsdesk and
newsboat taking turns run by run so that both see the same load.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.core.feeds_server import FeedServer, fixture_names

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
NEWSDESK = [str(VENV_PYTHON), "-m", "tui"]
REFRESH_TARGET = 2.5


def feed_urls(server: FeedServer, count: int) -> list[str]:
    names = fixture_names()
    return [server.url(f"/n/{k}/{names[k % len(names)]}") for k in range(count)]


@dataclass
class Runs:
    """Wall and CPU seconds (the command and its child processes) of each run."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)

    @property
    def median(self) -> tuple[float, float]:
        return statistics.median(self.wall), statistics.median(self.cpu)


def timed(
    command: list[str], runs: Runs, env: dict[str, str] | None = None, expect: str = ""
) -> None:
    """Run the command, adding its seconds to `runs`; exits when its stderr lacks `expect`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, check=False, capture_output=True, env=env, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if expect not in done.stderr:
        raise SystemExit(f"{' '.join(command[:6])} failed: {done.stderr[-500:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    runs.add(seconds, cpu)


def newsdesk_commands(work: Path, n: int) -> tuple[list[str], list[str]]:
    """The import of the URLs into a fresh library, and the refresh of every feed."""
    library = str(work / f"nd-{n}.sqlite3")
    refresh = ["refresh", "--all", "--no-full-text", "--jobs", "4", "--per-host", "4"]
    return (
        [*NEWSDESK, "feeds", "--library", library, "import", str(work / "urls")],
        [*NEWSDESK, "feeds", "--library", library, *refresh],
    )


def newsboat_command(work: Path, n: int) -> list[str]:
    urls, config = str(work / "urls"), str(work / "config")
    return ["newsboat", "-x", "reload", "-u", urls, "-c", str(work / f"nb-{n}.db"), "-C", config]


def refresh_runs(urls: list[str], work: Path, repeat: int, newsboat: bool) -> dict[str, Runs]:
    """Cold and warm runs of newsdesk and newsboat, taking turns so both see the same load."""
    (work / "urls").write_text("".join(u + "\n" for u in urls))
    (work / "config").write_text("reload-threads 4\n")
    env = {**os.environ, "HOME": str(work)}
    runs = {name: Runs() for name in ("nd cold", "nd warm", "nb cold", "nb warm")}
    for n in range(repeat):
        load, refresh = newsdesk_commands(work, n)
        subprocess.run(load, check=True, capture_output=True)
        timed(refresh, runs["nd cold"], expect="92 fetched")
        if newsboat:
            timed(newsboat_command(work, n), runs["nb cold"], env)
        timed(refresh, runs["nd warm"], expect="92 unchanged")
        if newsboat:
            timed(newsboat_command(work, n), runs["nb warm"], env)
    return runs


def refresh_bench(server: FeedServer, repeat: int) -> None:
    urls = feed_urls(server, 100)
    newsboat = shutil.which("newsboat") is not None
    with tempfile.TemporaryDirectory() as work:
        runs = refresh_runs(urls, Path(work), repeat, newsboat)
    (cold, cold_cpu), (warm, warm_cpu) = runs["nd cold"].median, runs["nd warm"].median
    print(f"1. refresh of 100 feeds (12 fixtures under 100 URLs), median of {repeat}:")
    print(
        f"   newsdesk: cold {cold:.2f} s ({cold_cpu:.2f} s CPU), warm (304s) {warm:.2f} s "
        f"({warm_cpu:.2f} s CPU) (whole command: start-up, fetch, parse in 2 worker "
        "processes, store)"
    )
    if not newsboat:
        print("   newsboat: NOT INSTALLED (apt-get install newsboat): no baseline this run")
        return
    (nb_cold, nb_cold_cpu), (nb_warm, nb_warm_cpu) = runs["nb cold"].median, runs["nb warm"].median
    print(
        f"   newsboat -x reload (reload-threads 4), run in turns with newsdesk: cold "
        f"{nb_cold:.2f} s ({nb_cold_cpu:.2f} s CPU), warm {nb_warm:.2f} s ({nb_warm_cpu:.2f} s "
        "CPU) (it skips the 16 JSON Feed URLs, which it cannot read)"
    )
    print(
        f"   ratio newsdesk/newsboat: cold {cold / nb_cold:.2f}x, warm {warm / nb_warm:.2f}x"
        f"  (target <= {REFRESH_TARGET}x)"
    )
