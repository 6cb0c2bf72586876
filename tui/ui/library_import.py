"""A directory import, step by step: every file read and saved first, then analysed.

The files show in the library as soon as they are read; the analysis (which waits for the
language model on a first run) follows at background priority, so an article opened
meanwhile is analysed first. Each step says how far the import is and what it is doing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tui.config import Settings
from tui.core.errors import NewsdeskError
from tui.core.model import Article, Entities
from tui.ui import jobs
from tui.ui.analysis import AnalyserGate
from tui.ui.siblings import article_files

if TYPE_CHECKING:
    from tui.core.background import Analyser

POLL_SECONDS = 0.2
"""How often a wait for the analyser checks whether the import was stopped."""


@dataclass(frozen=True)
class Step:
    """How far the import is: `done` of `total` (each file is read, then analysed)."""

    done: int
    total: int
    listing_changed: bool = False
    """True when the library list has a new or updated article to show."""


class DirectoryImport:
    """Reads, saves and analyses every article file of one directory."""

    def __init__(self, directory: Path, settings: Settings, gate: AnalyserGate) -> None:
        self.directory = directory
        self.settings = settings
        self.gate = gate
        self.files: list[Path] = []
        self.read = 0
        self.analysed = 0
        self.current = ""
        self.imported = 0
        self.skipped: list[str] = []
        """One message per file that could not be read or analysed."""
        self._unreadable: list[str] = []

    def list_files(self) -> None:
        """Find the files to import; raises OSError when the directory cannot be listed."""
        self.files = article_files(self.directory)

    def steps(self) -> Step:
        return Step(self.read + self.analysed, 2 * len(self.files))

    def describe(self) -> str:
        total = len(self.files)
        text = f"Importing {self.directory}: {self.read} of {total} read, "
        text += f"{self.analysed} of {total} analysed"
        if self.current:
            text += f" · {self.current}"
            if self.current.startswith("analysing") and not self.gate.ready:
                text += " (loading the language model…)"
        return text

    def report(self) -> str:
        message = f"Imported {self.imported} of {len(self.files)} file(s) from {self.directory}."
        if self._unreadable:
            message = f"Skipped {', '.join(self._unreadable)}. {message}"
        return message

    def run(self, cancelled: Callable[[], bool]) -> Iterator[Step]:
        """Import every file, yielding a step before and after each piece of work."""
        pending: list[tuple[Path, Article]] = []
        for path in self.files:
            if cancelled():
                return
            self.current = f"reading {path.name}"
            yield self.steps()
            article = self._read(path)
            self.read += 1
            if article is None or article.entities is not None:
                self.analysed += 1
            else:
                pending.append((path, article))
            yield replace(self.steps(), listing_changed=article is not None)
        for path, article in pending:
            self.current = f"analysing {path.name}"
            yield self.steps()
            entities = self._analyse(article, path, cancelled)
            if cancelled():
                return
            if entities is not None:
                self._save(replace(article, entities=entities), path)
            self.analysed += 1
            yield replace(self.steps(), listing_changed=entities is not None)
        self.current = ""

    def _read(self, path: Path) -> Article | None:
        try:
            _, article, cached = jobs.import_file(path, self.settings)
        except NewsdeskError as error:
            self.skipped.append(f"Skipped: {error}")
            self._unreadable.append(path.name)
            return None
        self.imported += 1
        return replace(article, entities=cached)

    def _save(self, article: Article, path: Path) -> None:
        try:
            jobs.save_article(article, self.settings)
        except NewsdeskError as error:
            self.skipped.append(f"{path.name}: its results were not saved ({error})")

    def _analyse(
        self, article: Article, path: Path, cancelled: Callable[[], bool]
    ) -> Entities | None:
        """The entities of `article` (its first `analysis_limit` characters), or None."""
        from tui.core.background import BACKGROUND
        from tui.core.pipeline import analysed_part

        analyser = self._analyser(cancelled)
        if analyser is None:
            return None
        part, _ = analysed_part(article.body, self.settings.analysis_limit)
        struck = [(s, e) for s, e in article.struck if e <= len(part)]
        job = analyser.analyse(part, article.lang, struck, priority=BACKGROUND)
        while True:
            try:
                return job.future.result(timeout=POLL_SECONDS)
            except FutureTimeout:
                if cancelled():
                    job.cancel()
                    return None
            except CancelledError:  # the analyser was shut down: the app is quitting
                return None
            except Exception as error:  # the analysis process can fail in any way
                reason = f"finding amounts and companies failed ({error})"
                self.skipped.append(f"{path.name} is saved but not analysed: {reason}")
                return None

    def _analyser(self, cancelled: Callable[[], bool]) -> Analyser | None:
        """The analyser once the app has started it; None if the import is stopped."""
        while not cancelled():
            analyser = self.gate.wait(timeout=POLL_SECONDS)
            if analyser is not None:
                return analyser
        return None
