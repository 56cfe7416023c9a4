"""Crash recovery: unsaved work written to the state folder while the app runs.

Each running seminar-gui writes ``recovery/recovery-PID.json`` (the project JSON
plus where it came from and when).  A clean save or a discard removes it.  At the
next start, files whose process is gone are offered for restoring.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Document
from seminar_gui.core.storage import dumps_project, loads_project
from seminar_gui.settings import state_dir


def recovery_dir() -> Path:
    return state_dir() / "recovery"


@dataclass(frozen=True)
class RecoveryFile:
    file: Path
    saved_at: dt.datetime
    original: Path | None  # the project file the work belongs to; None if never saved
    pid: int

    def load(self) -> Document:
        data = json.loads(self.file.read_text(encoding="utf-8"))
        return loads_project(data["project"], source=self.file)

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()


class RecoveryWriter:
    """Writes this process's recovery file."""

    def __init__(self, folder: Path | None = None, pid: int | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.pid = pid or os.getpid()
        self.file = self.folder / f"recovery-{self.pid}.json"

    def write(self, doc: Document, original: Path | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {
            "pid": self.pid,
            "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "original": str(original) if original else None,
            "project": dumps_project(doc),
        }
        atomic_write_text(self.file, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def pending_recoveries(folder: Path | None = None) -> list[RecoveryFile]:
    """Recovery files left by processes that are no longer running, newest first."""
    folder = folder or recovery_dir()
    found: list[RecoveryFile] = []
    for file in folder.glob("recovery-*.json"):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            pid = int(data["pid"])
            saved_at = dt.datetime.fromisoformat(data["saved_at"])
            original = Path(data["original"]) if data.get("original") else None
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if not _alive(pid):
            found.append(RecoveryFile(file, saved_at, original, pid))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


__all__ = ["RecoveryFile", "RecoveryWriter", "SeminarError", "pending_recoveries"]
