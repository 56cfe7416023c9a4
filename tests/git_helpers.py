"""Git for the Publish tests: a command, a clone with its committer, all quiet and in
the C locale (the tests read git's output)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(repo: Path, *args: str, check: bool = True) -> str:
    """``git -C REPO ARGS``: its output (asserting success unless ``check`` is off)."""
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    out = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, timeout=60
    )
    if check:
        assert out.returncode == 0, out.stderr
    return out.stdout


def configure(repo: Path, name: str) -> None:
    """Commits in ``repo`` are by ``name``, unsigned."""
    git(repo, "config", "user.name", name)
    git(repo, "config", "user.email", f"{name.lower()}@example.org")
    git(repo, "config", "commit.gpgsign", "false")


def clone(remote: Path, where: Path, name: str) -> Path:
    """A clone of ``remote`` at ``where`` whose commits are by ``name``."""
    git(remote.parent, "clone", "-q", str(remote), str(where))
    configure(where, name)
    return where
