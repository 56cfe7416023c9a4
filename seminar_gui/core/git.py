"""Running the ``git`` command line: the organizer's own Git, never a Git library.

Credential helpers, SSH agents, hooks and signing then work as in their terminal.
Every call is ``git -C REPO ...`` with a timeout, the C locale (so that what is
parsed is English), no shell, stdin closed and no terminal: Git never prompts
(``GIT_TERMINAL_PROMPT=0``; SSH runs in a new session without a controlling
terminal, so it fails instead of asking for a passphrase).  On a timeout the whole
process group (git and its ssh or hook) is ended.  Every failure is a
:class:`GitError` whose :attr:`~GitError.kind` says what happened.
"""

from __future__ import annotations

import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from seminar_gui.core.errors import SeminarError
from seminar_gui.core.messages import QT_TRANSLATE_NOOP

GitErrorKind = Literal[
    "no-git",
    "not-a-repository",
    "detached-head",
    "merge-in-progress",
    "push-rejected",
    "network",
    "timeout",
    "git",
]

_NO_GIT = QT_TRANSLATE_NOOP(
    "git", "the git command was not found; install Git (https://git-scm.com) and try again"
)
_TIMEOUT = QT_TRANSLATE_NOOP(
    "git",
    "git {command} did not finish within {seconds} seconds and was stopped; check the "
    "network (or a hook that waits), then try again",
)
_FAILED = QT_TRANSLATE_NOOP("git", "git {command} failed: {reason}")
_NETWORK = QT_TRANSLATE_NOOP(
    "git",
    "git {command} could not reach the remote: {reason}; check the network and the "
    "remote's address, then try again",
)

#: What git says (C locale) when it cannot reach a remote.
_NETWORK_SIGNS = (
    "could not resolve host",
    "could not resolve hostname",
    "connection refused",
    "connection timed out",
    "operation timed out",
    "network is unreachable",
    "no route to host",
    "failed to connect",
    "temporary failure in name resolution",
    "connection reset",
    "could not read from remote repository",
    "unable to access",
)


class GitError(SeminarError):
    """git is missing, the folder is not a repository, or a git command failed.

    ``kind``: "no-git" | "not-a-repository" | "detached-head" | "merge-in-progress" |
    "push-rejected" | "network" | "timeout" | "git".  ``detail``: git's own words (its
    last line of error output, English), kept for logs.  When a push failed after
    :func:`seminar_gui.core.publish.publish` committed, ``committed`` is the commit
    (kept) and ``document`` the document with the new baseline, to be saved.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: GitErrorKind = "git",
        detail: str = "",
        file: str | Path | None = None,
    ) -> None:
        super().__init__(message, file=file)
        self.kind: GitErrorKind = kind
        self.detail = detail
        self.committed: str | None = None
        self.document: object | None = None  # a Document, set by publish()


@dataclass(frozen=True)
class GitOutput:
    """What a git command printed (text, C locale) and its exit status."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def git_env() -> dict[str, str]:
    """The environment of every git call: the user's, in the C locale, never prompting."""
    env = dict(os.environ)
    env.update(
        LC_ALL="C",
        LANG="C",
        LANGUAGE="C",
        GIT_TERMINAL_PROMPT="0",
        GIT_EDITOR=":",
        GIT_MERGE_AUTOEDIT="no",
        GIT_PAGER="cat",
        GIT_LITERAL_PATHSPECS="1",  # a slide named "a[1].pdf" is that file, not a pattern
    )
    env.pop("GIT_DIR", None)  # a variable set by a hook that started us must not leak
    env.pop("GIT_WORK_TREE", None)
    env.pop("GIT_INDEX_FILE", None)
    return env


def run_git(
    repo: Path,
    *args: str,
    timeout: float = 60,
    input_bytes: bytes | None = None,
    check: bool = True,
) -> GitOutput:
    """``git -C repo ARGS``: its output, or :class:`GitError` when it fails (``check``),
    is missing, or runs longer than ``timeout`` seconds."""
    command = ["git", "-C", str(repo), "-c", "core.quotepath=off", *args]
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE if input_bytes is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=git_env(),
            start_new_session=True,  # no controlling terminal; one group to stop
        )
    except FileNotFoundError:
        raise GitError(_NO_GIT(), kind="no-git") from None
    except OSError as exc:
        raise GitError(_FAILED(command=args[0], reason=exc.strerror or str(exc))) from None
    try:
        out, err = proc.communicate(input_bytes, timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(proc)
        raise GitError(_TIMEOUT(command=args[0], seconds=f"{timeout:g}"), kind="timeout") from None
    result = GitOutput(
        proc.returncode,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
    )
    if check and not result.ok:
        raise failure(args[0], result)
    return result


def _stop(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        proc.kill()
    proc.communicate()


def last_line(text: str) -> str:
    """The last meaningful line git wrote (hints left out)."""
    lines = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("hint:")
    ]
    return lines[-1] if lines else ""


def failure(command: str, result: GitOutput) -> GitError:
    """The :class:`GitError` of a failed ``git COMMAND``: "network" when git says it
    could not reach the remote, else "git"; git's words as the reason."""
    lowered = result.stderr.lower()
    reason = _reason(result.stderr) or f"exit status {result.returncode}"
    if command in ("fetch", "push", "ls-remote", "pull") and any(
        sign in lowered for sign in _NETWORK_SIGNS
    ):
        return GitError(_NETWORK(command=command, reason=reason), kind="network", detail=reason)
    return GitError(_FAILED(command=command, reason=reason), detail=reason)


def _reason(stderr: str) -> str:
    """The line of git's error output that says most: its ``fatal:``/``error:`` line
    (the first), else the last line."""
    for line in stderr.splitlines():
        stripped = line.strip()
        for prefix in ("fatal:", "error:"):
            if stripped.startswith(prefix):
                return stripped.removeprefix(prefix).strip()
    return last_line(stderr)
