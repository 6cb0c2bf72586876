"""Run a program under a pseudo-terminal, as a user's terminal would, for the benches.

The program is told its launch time through NEWSDESK_EXIT_AFTER_PAINT and prints lines such
as `painted-after SECONDS` before it exits; `run_in_pty` returns them by name, and, given a
`marker`, the time at which the marker first reached the terminal (`seen-after`), escape
sequences left out: what a user sees, whatever the program reports.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

REPORT = re.compile(rb"(painted-[a-z-]*after) ([0-9.]+)")
ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])"
)
"""CSI, OSC and the short escape sequences a Textual app writes."""


def run_in_pty(
    args: list[str],
    env: dict[str, str],
    size: tuple[int, int],
    cwd: Path,
    marker: bytes | None = None,
) -> tuple[dict[str, float], float]:
    """(every `painted-…after SECONDS` the program printed, and `seen-after` when the
    marker reached the terminal; seconds until it exited)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    launched = time.time()
    env = {**env, "NEWSDESK_EXIT_AFTER_PAINT": f"{launched:.6f}"}
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd)
    os.close(slave)
    output = bytearray()
    seen: float | None = None
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if marker is not None and seen is None and marker in ESCAPES.sub(b"", bytes(output)):
                seen = time.time() - launched
        elif process.poll() is not None:
            break
    process.wait()
    exited = time.time() - launched
    os.close(master)
    found = {name.decode(): float(value) for name, value in REPORT.findall(bytes(output))}
    if seen is not None:
        found["seen-after"] = seen
    if not found:
        raise SystemExit(f"{args} did not report its paint:\n{bytes(output)[-500:]!r}")
    return found, exited
