"""Crash recovery: unsaved work written to the state folder while the app runs.

Each window of a running seminar-gui is a *session* with its own random identity: it
writes ``recovery/recovery-SESSION.json`` (the project JSON plus where it came from
and when) and holds ``recovery/recovery-SESSION.lock`` (a :class:`FileLock`) while it
has such a file.  A clean save or a discard removes the file; a normal close removes
only the session's own file and lock.

At the next start, a recovery file is offered when its session lock is free: the
session is over (the app was killed or crashed).  Not the process id: a restarted app
in a container or sandbox often gets the same id as the one that crashed, and a
running app's lock is never free.  A recovery file that cannot be read is set aside
as ``*.broken`` (never deleted) and reported, never a crash.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import uuid
from pathlib import Path

from seminar_gui.core.atomic import atomic_write_text
from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Document
from seminar_gui.core.storage import dumps_project, loads_project
from seminar_gui.qt.common.i18n import shown, translate
from seminar_gui.qt.files.lock import FileLock
from seminar_gui.settings import state_dir

PREFIX = "recovery-"
BROKEN_SUFFIX = ".broken"


def recovery_dir() -> Path:
    return state_dir() / "recovery"


def _session_lock(folder: Path, session: str) -> FileLock:
    # Never shared with another window of this process, and taken over whatever host
    # wrote it: the state folder is this machine's (a dead owner has no flock).
    return FileLock(folder / f"{PREFIX}{session}.lock", shared=False, same_host_only=False)


class RecoveryFile:
    """Work a session that is over left behind (its lock is held while ``claim`` is).

    (The records made at import are plain classes, not dataclasses: a dataclass costs
    ~0.4 ms of every start to define.)"""

    __slots__ = ("claim", "document", "file", "original", "saved_at")

    def __init__(
        self,
        file: Path,
        saved_at: dt.datetime,
        original: Path | None,  # the project file the work belongs to; None if never saved
        document: Document,
        claim: FileLock | None = None,
    ) -> None:
        self.file = file
        self.saved_at = saved_at
        self.original = original
        self.document = document
        self.claim = claim

    def load(self) -> Document:
        return self.document

    def discard(self) -> None:
        """Delete the recovery file (the organizer declined it, or it was restored)."""
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()
        self.release()

    def release(self) -> None:
        """Leave the file for the next start (unclaimed)."""
        if self.claim is not None:
            self.claim.release()
            self.claim = None


class BrokenRecovery:
    """A recovery file that cannot be read: set aside and reported, never fatal."""

    __slots__ = ("claim", "file", "reason")

    def __init__(self, file: Path, reason: str, claim: FileLock | None = None) -> None:
        self.file = file
        self.reason = reason
        self.claim = claim

    def set_aside(self) -> Path | None:
        """Rename it to ``*.broken`` (kept for inspection); the new name, or None."""
        target = self.file.with_name(self.file.name + BROKEN_SUFFIX)
        n = 1
        while target.exists():
            n += 1
            target = self.file.with_name(f"{self.file.name}{BROKEN_SUFFIX}.{n}")
        try:
            self.file.replace(target)
        except OSError:
            return None
        finally:
            if self.claim is not None:
                self.claim.release()
                self.claim = None
        return target

    def error(self, kept_as: Path | None) -> SeminarError:
        if kept_as:
            text = translate(
                "recovery",
                "unsaved work from an earlier session cannot be read ({reason}); "
                "it was kept as {name} in {folder}",
            ).format(reason=shown(self.reason), name=kept_as.name, folder=kept_as.parent)
        else:
            text = translate(
                "recovery",
                "unsaved work from an earlier session cannot be read ({reason}); "
                "it could not be renamed either; move it away by hand",
            ).format(reason=shown(self.reason))
        return SeminarError(text, file=self.file)


class RecoveryWriter:
    """Writes this session's recovery file, holding the session lock while it exists."""

    def __init__(self, folder: Path | None = None, session: str | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.session = session or uuid.uuid4().hex
        self.file = self.folder / f"{PREFIX}{self.session}.json"
        self.lock = _session_lock(self.folder, self.session)

    def write(self, doc: Document, original: Path | None) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SeminarError(
                translate("recovery", "cannot create the folder: {reason}").format(
                    reason=exc.strerror or exc
                ),
                file=self.folder,
            ) from exc
        self.lock.acquire()  # before the file exists, so no other start takes it as over
        payload = {
            "session": self.session,
            "pid": os.getpid(),
            "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "original": str(original) if original else None,
            "project": dumps_project(doc),
        }
        atomic_write_text(self.file, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()

    def close(self) -> None:
        """The session ends normally: its lock goes (its file stays only if unsaved)."""
        self.lock.release()


def claim_recoveries(
    folder: Path | None = None,
) -> tuple[list[RecoveryFile], list[BrokenRecovery]]:
    """Recovery files of sessions that are over (newest first) and unreadable ones.

    Each one's session lock is held (``claim``) until it is discarded, set aside or
    released, so that two apps starting at once never both restore the same work.
    """
    folder = folder or recovery_dir()
    found: list[RecoveryFile] = []
    broken: list[BrokenRecovery] = []
    try:
        files = sorted(folder.glob(f"{PREFIX}*.json"))
    except OSError:
        return [], []
    for file in files:
        session = file.name[len(PREFIX) : -len(".json")]
        claim = _session_lock(folder, session)
        if claim.acquire() is not True:
            continue  # its session is running (or the folder is read-only: leave it)
        try:
            found.append(_read(file, claim))
        except _Unreadable as exc:
            broken.append(BrokenRecovery(file, str(exc), claim))
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found, broken


def pending_recoveries(folder: Path | None = None) -> list[RecoveryFile]:
    """Recovery files left by sessions that are over, newest first (not claimed)."""
    found, broken = claim_recoveries(folder)
    for item in (*found, *broken):
        if item.claim is not None:
            item.claim.release()
            item.claim = None
    return found


class _Unreadable(Exception):
    pass


def _read(file: Path, claim: FileLock) -> RecoveryFile:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise _Unreadable(translate("recovery", "not a recovery file: it holds no {...}"))
        saved_at = dt.datetime.fromisoformat(_text(data, "saved_at"))
        if saved_at.tzinfo is None:
            saved_at = saved_at.astimezone()
        original_text = data.get("original")
        if original_text is not None and not isinstance(original_text, str):
            raise _Unreadable(translate("recovery", '"original" is not a path'))
        document = loads_project(_text(data, "project"), source=file)
    except _Unreadable:
        raise
    except SeminarError as exc:
        raise _Unreadable(exc.message) from exc
    except UnicodeDecodeError as exc:
        raise _Unreadable(translate("recovery", "not UTF-8 text")) from exc
    except json.JSONDecodeError as exc:
        raise _Unreadable(
            translate("recovery", "not valid JSON: {what} at line {line}").format(
                what=exc.msg, line=exc.lineno
            )
        ) from exc
    except RecursionError as exc:
        raise _Unreadable(translate("recovery", "the data is nested too deeply")) from exc
    except OSError as exc:
        raise _Unreadable(
            translate("recovery", "cannot read it: {reason}").format(reason=exc.strerror or exc)
        ) from exc
    except (ValueError, TypeError) as exc:  # a timestamp, a 5000-digit number, ...
        raise _Unreadable(str(exc).split("\n")[0][:200]) from exc
    original = Path(original_text) if original_text else None
    return RecoveryFile(file, saved_at, original, document, claim)


def _text(data: dict[str, object], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise _Unreadable(translate("recovery", '"{key}" is missing or not text').format(key=key))
    return value


__all__ = [
    "BrokenRecovery",
    "RecoveryFile",
    "RecoveryWriter",
    "SeminarError",
    "claim_recoveries",
    "pending_recoveries",
]
