"""The domain core never imports Textual or Rich, and importing it does no heavy work."""

import pkgutil
import subprocess
import sys

import pytest

import tui.core

CORE_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(tui.core.__path__, prefix="tui.core.")
    if not info.name.startswith("tui.core.data")
)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_ui_and_no_model(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = [m for m in ('textual', 'rich', 'spacy') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
