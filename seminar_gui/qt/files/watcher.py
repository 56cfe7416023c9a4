"""Noticing other writers of the open project file (an editor, ``git pull``, a script).

A :class:`QFileSystemWatcher` watches the file and its folder.  Atomic replaces (write
a temporary file, rename it over: editors, git) and delete + re-create drop the watch
on the file, so it is added again after every signal; the folder's signal notices the
file coming back.  Bursts of signals are checked once, ``DEBOUNCE_MS`` after the first.

The check compares the file with the bytes last loaded or saved by the app (size,
times and inode first, a SHA-256 of the bytes to be sure), so the app's own saves,
``touch`` or a ``chmod`` never count as a change; a version the organizer chose to
ignore ("Keep mine") is not reported again.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from seminar_gui.core.errors import PROJECT_MAX_BYTES, SeminarError, read_input

DEBOUNCE_MS = 300
RECENT_NS = 2_000_000_000

_Stat = tuple[int, int, int, int]
PRESENT, SUSPECTED, REPORTED = 0, 1, 2  # whether the file is gone


def digest(data: bytes) -> str:
    import hashlib  # on first use: it loads OpenSSL's libcrypto (~3.5 ms of a start)

    return hashlib.sha256(data).hexdigest()


class ProjectWatcher(QObject):
    """Watches one file; says when its content is not what the app last read or wrote."""

    #: The file holds another version (its SHA-256 digest): someone else wrote it.
    changedOutside = Signal(str)
    #: The file is gone (deleted or moved away, and not back after a moment).
    deletedOutside = Signal()
    #: A check after signals from the file system is done (whatever it found).
    checked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        # What the app loaded or saved: its digest, made at the first comparison (a
        # 1 MiB project's SHA-256 takes 0.6 ms, which a start need not wait for).
        self._known: str | None = None
        self._known_content: bytes | None = None
        self._ignored: set[str] = set()  # versions the organizer chose to keep out
        self._stat: _Stat | None = None  # the file's stat when last compared
        self._gone_state = PRESENT
        self._fs: QFileSystemWatcher | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check)

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path | None, content: bytes | None = None) -> None:
        """Watch ``path`` (None: nothing), whose content the app knows is ``content``.

        ``content`` None: what the file holds now is taken as known.
        """
        self._timer.stop()
        self._ignored.clear()
        self._gone_state = PRESENT
        self._stat = None
        if path != self._path:
            self._drop_watcher()
            self._path = path
        self._known = self._known_content = None
        if path is None:
            return
        self._known_content = content if content is not None else _read(path)
        self._arm()

    def _known_version(self) -> str | None:
        if self._known_content is not None:
            self._known = digest(self._known_content)
            self._known_content = None
        return self._known

    def ignore(self, version: str) -> None:
        """The organizer keeps the open document: don't report ``version`` again."""
        self._ignored.add(version)

    # ------------------------------------------------------------------ checking
    def _arm(self) -> None:
        """(Re-)add the file and its folder: a replaced file is no longer watched."""
        if self._path is None:
            return
        if self._fs is None:
            # Made only while a file is open: each one costs an inotify instance.
            self._fs = QFileSystemWatcher(self)
            self._fs.fileChanged.connect(self._signal)
            self._fs.directoryChanged.connect(self._signal)
        watched = set(self._fs.files()) | set(self._fs.directories())
        for item in (self._path, self._path.parent):
            if str(item) not in watched and item.exists():
                self._fs.addPath(str(item))

    def _drop_watcher(self) -> None:
        if self._fs is not None:
            self._fs.fileChanged.disconnect(self._signal)
            self._fs.directoryChanged.disconnect(self._signal)
            self._fs.deleteLater()
            self._fs = None

    def _signal(self, _path: str) -> None:
        self._arm()
        if not self._timer.isActive():  # not restarted: a busy folder cannot starve it
            self._timer.start()

    def look_again(self) -> None:
        """Compare the file again soon, even if it looks as last time."""
        self._stat = None
        if self._path is not None and not self._timer.isActive():
            self._timer.start()

    def check(self) -> None:
        """Compare the file with what the app knows now; emit when it differs."""
        try:
            self._check()
        finally:
            self.checked.emit()

    def _check(self) -> None:
        path = self._path
        if path is None:
            return
        self._arm()
        try:
            st = os.stat(path)
        except FileNotFoundError:
            self._gone()
            return
        except OSError:
            return  # cannot look (permissions changed): nothing to say
        seen: _Stat = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        was_gone, self._gone_state = self._gone_state, PRESENT
        # Same stat as last time: unchanged, unless so recent that a coarse clock could
        # hide a second write of the same size.
        recent = time.time_ns() - st.st_mtime_ns < RECENT_NS
        if seen == self._stat and was_gone == PRESENT and not recent:
            return
        content = _read(path)
        if content is None:
            return
        self._stat = seen
        version = digest(content)
        if version == self._known_version() or version in self._ignored:
            return
        self.changedOutside.emit(version)

    def _gone(self) -> None:
        if self._gone_state == REPORTED:
            return
        if self._gone_state == PRESENT:
            # Delete + re-create (git checkout) may be half done: look again once.
            self._gone_state = SUSPECTED
            self._timer.start()
            return
        self._gone_state = REPORTED
        self._stat = None
        self.deletedOutside.emit()


def _read(path: Path) -> bytes | None:
    """The file's bytes; None if it cannot be read, is no regular file (a FIFO put in
    its place would block the window forever) or is too large to be a project."""
    try:
        return read_input(path, SeminarError, limit=PROJECT_MAX_BYTES)
    except SeminarError:
        return None
