"""Atomic file writing: temporary file in the same folder, fsync, rename, fsync of the folder.

A reader sees the old file or the new one, never a half-written one; a failed write
leaves no temporary file behind, and one left by a crash is swept away later.

Temporary files
---------------
Every temporary file seminar-gui writes (a project, README, settings or recovery file
being saved, the previous version on its way to ``NAME.bak``, a slide file being
copied) is named, in the folder of the file NAME it becomes::

    .NAME.seminar-gui-XXXXXXXXXXXX.tmp

with twelve random lowercase hex digits for X (NAME is shortened so that the whole
name fits in 255 bytes).  :func:`is_temp_name` recognises exactly this pattern and
nothing else: a user's ``.notes.tmp`` or ``.NAME.abc123.tmp`` is never touched.

**The sweep rule.**  The process writing a temporary file holds an exclusive
``flock`` on it from the moment it is created until it has been renamed into place
or deleted; the kernel drops that lock when the process ends, however it ends
(SIGKILL, crash, power loss).  :func:`sweep_stale_temps` removes a file of the
pattern only after taking that lock itself, i.e. only when no running process is
writing it, whatever its PID namespace or machine (where the file system shares
locks).  A writer checks, once it holds the lock, that its file was not swept in
the instant between creating and locking it (it then simply makes a new one), so a
running save is never disturbed.  Where locks do not exist (no ``fcntl``, a file
system without locks) a file is removed only when it is older than ``max_age``
(10 minutes by mtime; a writer touches its file all the time it writes).

The sweep runs in the target's folder at every :func:`atomic_write_text` (one
``listdir``) and on every slide copy; the window calls it when it opens a project.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from pathlib import Path
from types import TracebackType

from seminar_gui.core.errors import READ_NOFOLLOW_FLAGS, ProjectFileError, error_text
from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.messages import QT_TRANSLATE_NOOP

try:
    import fcntl
except ImportError:  # Windows: no flock; the sweep falls back to the age rule
    fcntl = None  # type: ignore[assignment]

TEMP_MARK = ".seminar-gui-"
TEMP_SUFFIX = ".tmp"
STALE_AFTER = 600.0  # seconds: the age rule, used only where files cannot be locked
_TOKEN_HEX = 12
_NAME_MAX = 255  # bytes of one file name on the usual file systems
_TEMP_RE = lazy_compile(
    rf"\..+{re.escape(TEMP_MARK)}[0-9a-f]{{{_TOKEN_HEX}}}{re.escape(TEMP_SUFFIX)}", re.DOTALL
)
_CREATE_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CREATE_ATTEMPTS = 100


_NO_TEMP = QT_TRANSLATE_NOOP("atomic", "could not create a temporary file in {folder}")
_NO_DATA = QT_TRANSLATE_NOOP("atomic", "the disk accepted no data")
_NOT_REGULAR = QT_TRANSLATE_NOOP("atomic", "not a regular file")
_NOT_SAVED = QT_TRANSLATE_NOOP(
    "atomic",
    "could not save: {reason}; check that the folder exists and is writable and "
    "that the disk is not full (the file on disk was not changed)",
)
_NOT_REPLACEABLE = QT_TRANSLATE_NOOP(
    "atomic",
    "is not a regular file (a folder or a device), so it was not replaced; "
    "choose another file name",
)
_READ_ONLY = QT_TRANSLATE_NOOP(
    "atomic",
    "the file is read-only, so it was not replaced (nothing was changed); save "
    "to another file (Save As, or another -o), or make it writable (chmod u+w "
    "'{name}') and save again",
)


class ReadOnlyFileError(ProjectFileError):
    """The file to replace is read-only; saving again with ``allow_readonly=True`` forces it."""


# ------------------------------------------------------------------ temporary files


def temp_name(name: str) -> str:
    """A fresh temporary name for a file that will become ``name`` (see the module doc)."""
    tail = f"{TEMP_MARK}{os.urandom(_TOKEN_HEX // 2).hex()}{TEMP_SUFFIX}"
    budget = _NAME_MAX - 1 - len(tail.encode("utf-8"))
    stem = name.encode("utf-8", "surrogateescape")[:budget].decode("utf-8", "ignore")
    return f".{stem or 'file'}{tail}"


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is exactly the pattern of seminar-gui's temporary files."""
    return _TEMP_RE.fullmatch(name) is not None


def _lock(fd: int) -> bool | None:
    """Take the exclusive lock without waiting: True taken, False held by another
    process (or another open of the file), None when locks are not available here."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # ENOLCK, EOPNOTSUPP, EINVAL: a file system without locks
        return None
    return True


def _names_fd(path: Path, fd: int) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (other errors are raised)."""
    try:
        named = os.lstat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


class TempFile:
    """One temporary file of ours, open and locked until :meth:`replace` or :meth:`discard`.

    Use as a context manager: leaving the block without :meth:`replace` deletes it.
    """

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self.fd = fd
        self._exists = True

    @classmethod
    def create(cls, folder: Path, name: str) -> TempFile:
        """Create ``folder/.NAME.seminar-gui-XXXXXXXXXXXX.tmp`` (mode 0600), locked."""
        for _ in range(_CREATE_ATTEMPTS):
            path = Path(folder) / temp_name(name)
            try:
                fd = os.open(path, _CREATE_FLAGS, 0o600)
            except FileExistsError:
                continue
            try:
                claimed = _lock(fd) is not False and _names_fd(path, fd)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(path)
                os.close(fd)
                raise
            if claimed:
                return cls(path, fd)
            os.close(fd)  # a sweep took it in the instant before the lock: it removes it
        raise FileExistsError(_NO_TEMP(folder=folder))

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            if written <= 0:
                raise OSError(errno.EIO, _NO_DATA(), str(self.path))
            view = view[written:]

    def finish(self, mode: int) -> None:
        """Make the content durable and give the file its final permissions."""
        os.fsync(self.fd)
        os.chmod(self.path, mode)

    def replace(self, target: Path) -> None:
        """Rename onto ``target`` (atomic); the lock is kept until :meth:`close`."""
        os.replace(self.path, target)
        self._exists = False

    def discard(self) -> None:
        """Delete the file (it is still locked, so no sweep races with this)."""
        if self._exists:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            self._exists = False

    def close(self) -> None:
        self.discard()
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> TempFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def sweep_stale_temps(folder: str | Path, *, max_age: float = STALE_AFTER) -> list[Path]:
    """Remove the temporary files of ours in ``folder`` that no running process writes.

    Only names matching :func:`is_temp_name`, only regular files, only when their lock
    can be taken (see the module doc; ``max_age`` seconds by mtime where files cannot
    be locked).  Never raises: a folder that cannot be read is left alone.  Returns
    the files removed.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    if TEMP_MARK not in "\0".join(names):  # the usual case, one scan at C speed
        return removed
    for name in names:
        if TEMP_MARK in name and is_temp_name(name):
            path = Path(folder) / name
            with contextlib.suppress(OSError):
                if _remove_if_stale(path, max_age):
                    removed.append(path)
    return removed


def _open_to_lock(path: Path) -> int:
    """Open for writing where allowed: on NFS an exclusive lock needs a writable fd."""
    try:
        return os.open(path, (READ_NOFOLLOW_FLAGS & ~os.O_RDONLY) | os.O_RDWR)
    except PermissionError:
        return os.open(path, READ_NOFOLLOW_FLAGS)


def _remove_if_stale(path: Path, max_age: float) -> bool:
    try:
        fd = _open_to_lock(path)
    except PermissionError:  # cannot open it to lock it: the age rule decides
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode) and time.time() - st.st_mtime > max_age:
            os.unlink(path)
            return True
        return False
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return False
        locked = _lock(fd)
        if locked is False:  # a running process writes it
            return False
        if locked is None and time.time() - st.st_mtime <= max_age:
            return False
        if not _names_fd(path, fd):  # renamed into place meanwhile: not ours to remove
            return False
        os.unlink(path)
        return True
    finally:
        os.close(fd)


# ------------------------------------------------------------------ atomic writing


LOCK_SUFFIX = ".seminar-gui.lock"


def project_lock_path(project: str | Path) -> Path:
    """``.NAME.seminar-gui.lock`` next to ``project`` (hidden, like the temporary files):
    the window's lock on the project it has open (qt/files/lock.py)."""
    project = Path(project)
    return project.with_name(f".{project.name}{LOCK_SUFFIX}")


def backup_path(path: str | Path) -> Path:
    """Where a save with ``backup=True`` keeps the previous version of ``path``:
    ``NAME.bak`` next to the real file (a symbolic link is followed)."""
    target = Path(os.path.realpath(path))
    return target.with_name(target.name + ".bak")


def atomic_write_text(
    path: str | Path, text: str, *, backup: bool = False, allow_readonly: bool = False
) -> None:
    """Replace ``path`` with UTF-8 ``text`` (temp file, fsync, rename), keeping its mode.

    With ``backup``, the previous file becomes ``path.bak``, and only once the new file
    is in place: at every moment ``path`` is the old or the new file, complete, and
    ``path.bak`` the previous version or the one before.  A read-only file (no write
    permission for us, or no write bit at all) is refused with
    :class:`ReadOnlyFileError` unless ``allow_readonly``.  On failure the file on disk
    (and its backup) are left as they were and no temporary file remains.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))  # write through a symlink, not over it
    new: TempFile | None = None
    old: TempFile | None = None
    done = False
    try:
        data = text.encode("utf-8")
        current = _stat(target)
        if current is not None:
            _check_replaceable(path, target, current, allow_readonly)
        mode = default_mode() if current is None else stat.S_IMODE(current.st_mode)
        sweep_stale_temps(target.parent)
        new = TempFile.create(target.parent, target.name)
        new.write(data)
        new.finish(mode)
        if backup and current is not None:
            old = TempFile.create(target.parent, target.name + ".bak")
            _copy_into(target, old)
            old.finish(mode)
        new.replace(target)
        done = True
    except (OSError, UnicodeEncodeError) as exc:
        raise ProjectFileError(_NOT_SAVED(reason=error_text(exc)), file=path) from exc
    finally:
        if new is not None:
            new.close()  # deletes it unless it was renamed into place
        if old is not None and not done:
            old.close()
    fsync_dir(target.parent)
    if old is not None:
        _rotate_backup(old, target.with_name(target.name + ".bak"))


def _stat(target: Path) -> os.stat_result | None:
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None


def _check_replaceable(
    path: Path, target: Path, current: os.stat_result, allow_readonly: bool
) -> None:
    if not stat.S_ISREG(current.st_mode):
        raise ProjectFileError(_NOT_REPLACEABLE(), file=path)
    if allow_readonly:
        return
    if not current.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise ReadOnlyFileError(_READ_ONLY(name=target.name), file=path)


def _copy_into(source: Path, temp: TempFile) -> None:
    fd = os.open(source, READ_NOFOLLOW_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(21, _NOT_REGULAR(), str(source))
        while block := os.read(fd, 1 << 20):
            temp.write(block)
    finally:
        os.close(fd)


def _rotate_backup(old: TempFile, bak: Path) -> None:
    """Put the previous version in place as NAME.bak.  The save itself has succeeded;
    if this rename fails the older NAME.bak stays as it was (complete) and the copy
    is deleted."""
    try:
        old.replace(bak)
    except OSError:
        old.close()
        return
    old.close()
    fsync_dir(bak.parent)


def default_mode() -> int:
    """Permissions of a new file: rw for all, minus the umask (read without changing it)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    return 0o644


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable; not possible on every platform (e.g. Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
