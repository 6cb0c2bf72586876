"""Opening the app imports no extraction or NLP library: the first paint stays fast."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.ui.conftest import ROOT

HEAVY = ("spacy", "trafilatura", "httpx", "lxml", "multiprocessing", "tui.core.library.store")


def test_the_ui_import_path_is_light() -> None:
    code = (
        "import json, sys, tui.ui.app; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert json.loads(result.stdout) == []
