"""Opening the app imports no extraction or NLP library, and nothing that only shows after
the first paint (the panel, the footer, the library screen): the first paint stays fast."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.ui.conftest import ROOT

HEAVY = (
    "spacy",
    "trafilatura",
    "httpx",
    "lxml",
    "multiprocessing",
    "tui.core.library.store",
    "tui.core.sources.load",
    "tui.core.entities",
    "tui.ui.widgets.entity_panel",
    "tui.ui.screens.library",
    "textual.widgets._data_table",
    "textual.widgets._footer",
)


def test_the_ui_import_path_is_light() -> None:
    code = (
        "import json, sys, tui.ui.app; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert json.loads(result.stdout) == []
