"""The README's Dask example (`newsdesk[scale]`), run as written on a local cluster."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT


def readme_example() -> str:
    """The Python block of the README's "Batch and scale" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Batch and scale", 1)[1].split("\n## ", 1)[0]
    blocks: list[str] = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1
    return blocks[0]


def test_the_dask_example_runs_the_per_article_function(tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(readme_example(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={"NEWSDESK_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Harbor Robotics raises $40m to put robot arms in small warehouses",
        "La start-up Nordlys lève 12 millions d'euros pour ses batteries au sodium",
        "Ventoux Logistique rachète Brame Transports pour 1,5 milliard d'euros",
        "samples/missing.md: no such file",
    ]
