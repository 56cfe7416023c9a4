"""Child processes of the benchmark suite: their environment, and running one for a result.

Standard library only: the process that spawns the start-up runs must stay small, since
a child's peak RSS (``ru_maxrss``) starts at its parent's peak (on Linux the child is
forked or vforked from the parent's memory before it execs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def child_env(tmp: Path) -> dict[str, str]:
    """The environment of every child: offscreen Qt, settings and state in ``tmp``.

    As on a user's machine, Python caches compiled modules (.pyc): some environments set
    PYTHONDONTWRITEBYTECODE, which makes every start compile all of seminar-gui's
    sources again (~140 ms) and would measure that instead.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        SEMINAR_GUI_CONFIG_DIR=str(tmp / "config"),
        SEMINAR_GUI_STATE_DIR=str(tmp / "state"),
    )
    return env


class ChildFailed(RuntimeError):
    """A benchmark child exited with an error (its stderr is in the message)."""


def run_module(
    module: str, args: list[str], env: dict[str, str], timeout: float = 1800
) -> dict[str, Any]:
    """Run ``python -m benchmarks.MODULE ARGS --json``; the JSON it prints last."""
    cmd = [sys.executable, "-m", f"benchmarks.{module}", *args, "--json"]
    try:
        done = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise ChildFailed(f"benchmarks.{module} took longer than {timeout:.0f} s") from exc
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise ChildFailed(f"benchmarks.{module} exited with {done.returncode}:\n{tail}")
    return json.loads(lines[-1])
