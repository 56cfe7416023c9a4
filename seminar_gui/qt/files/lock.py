"""Lock files (``QLockFile``) that a dead process cannot hold.

Two locks use this: the lock next to the open project (``.NAME.seminar-gui.lock``:
a second seminar-gui opening the same file is warned) and each running app's session
lock in the recovery folder (its recovery file is not offered to others while it runs).

``QLockFile`` writes the owner's process id, program name and host into the file and
holds an ``flock`` on it while locked.  A lock left behind by a killed process is taken
over: by Qt when that process id is gone, and here also when the id is in use again
(a restarted app in a container or sandbox often gets the very same id), because a
dead process's ``flock`` is released by the kernel (on Windows its open handle closes):
:meth:`QLockFile.removeStaleLockFile` succeeds only then.

A project lock is shared within one process: a second window of the same process that
opens the same project shares it instead of being warned about itself.  A session lock
is not: another window's session counts as running.
"""

from __future__ import annotations

import atexit
import contextlib
import os
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLockFile, QSysInfo

from seminar_gui.qt.common.i18n import translate


class LockOwner(NamedTuple):
    """Who holds a lock: what :meth:`QLockFile.getLockInfo` says."""

    pid: int
    host: str
    app: str

    def __str__(self) -> str:
        if self.pid <= 0:  # the lock file could not be read
            return translate("lock", "another process")
        if self.host:
            return translate("lock", "process {pid} on {host}").format(pid=self.pid, host=self.host)
        return translate("lock", "process {pid}").format(pid=self.pid)


class _Held:
    """One lock file this process holds, shared by every :class:`FileLock` on it."""

    def __init__(self, lock: QLockFile) -> None:
        self.lock = lock
        self.users = 0


_HELD: dict[str, _Held] = {}


@atexit.register
def _release_all() -> None:
    """At exit no lock file is left behind, even if a window was never closed."""
    for shared in list(_HELD.values()):
        with contextlib.suppress(Exception):
            shared.lock.unlock()
    _HELD.clear()


class FileLock:
    """A lock file held by this process until :meth:`release` (or this object dies).

    :meth:`acquire` returns True when the lock is ours (also when it was left behind by
    a process that is gone), else the :class:`LockOwner` holding it, else False when no
    lock can be made here (a read-only folder): the caller goes on without one.
    """

    def __init__(self, path: Path, *, shared: bool = True, same_host_only: bool = True) -> None:
        self.path = path
        self._key = os.path.abspath(path)
        self._held: _Held | None = None
        self._shared = shared
        # Project files may live on a share that other machines use: a lock made on
        # another host is never taken over.  The state folder is this machine's.
        self._same_host_only = same_host_only

    @property
    def held(self) -> bool:
        return self._held is not None

    def acquire(self) -> bool | LockOwner:
        if self._held is not None:
            return True
        shared = _HELD.get(self._key)
        if shared is not None and not self._shared:
            return LockOwner(os.getpid(), QSysInfo.machineHostName(), "")
        if shared is None:
            lock = QLockFile(str(self.path))
            lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
            if not lock.tryLock(0):
                if lock.error() != QLockFile.LockError.LockFailedError:
                    return False  # no permission to create it, disk full: go on unlocked
                owner = self.owner()  # None: an empty or damaged lock file
                if owner is None or self._may_take_over(owner):
                    _remove_if_dead(lock, self.path)
                if not lock.tryLock(0):
                    if lock.error() != QLockFile.LockError.LockFailedError:
                        return False
                    return self.owner() or LockOwner(0, "", "")
            shared = _HELD[self._key] = _Held(lock)
        shared.users += 1
        self._held = shared
        return True

    def owner(self) -> LockOwner | None:
        """Who holds the lock file now (None: no lock file, or an unreadable one)."""
        ok, pid, host, app = _lock_info(self.path)
        return LockOwner(pid, host, app) if ok else None

    def _may_take_over(self, owner: LockOwner) -> bool:
        return not self._same_host_only or owner.host in ("", QSysInfo.machineHostName())

    def release(self) -> None:
        """Give the lock up (the file is deleted when the last user in this process goes)."""
        shared, self._held = self._held, None
        if shared is None:
            return
        shared.users -= 1
        if shared.users <= 0:
            shared.lock.unlock()
            if _HELD.get(self._key) is shared:
                del _HELD[self._key]

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # interpreter shutdown: Qt may be gone
            self.release()


def _lock_info(path: Path) -> tuple[bool, int, str, str]:
    info = QLockFile(str(path)).getLockInfo()
    if isinstance(info, tuple) and len(info) == 3:  # PySide: (pid, host, app); pid 0: none
        pid, host, app = info
        return bool(pid), int(pid), str(host), str(app)
    return False, 0, "", ""


def _remove_if_dead(lock: QLockFile, path: Path) -> None:
    """Delete a lock file whose owner is dead although its process id is in use.

    ``removeStaleLockFile`` takes the file's ``flock`` first, so it fails while its
    owner lives.  The ``.rmlock`` (Qt's own name) keeps two starting apps from both
    removing it, so that neither deletes the lock the other has just made.
    """
    guard = QLockFile(f"{path}.rmlock")
    guard.setStaleLockTime(0)
    if guard.tryLock(0):
        try:
            lock.removeStaleLockFile()
        finally:
            guard.unlock()


def lock_is_held(path: Path) -> bool:
    """Does a running process (this one included) hold the lock file ``path``?"""
    probe = FileLock(path, shared=False, same_host_only=False)
    result = probe.acquire()
    probe.release()
    return isinstance(result, LockOwner)
