"""Atomic file writing: temporary file in the same folder, fsync, rename, fsync of the folder.

A reader sees the old file or the new one, never a half-written one; a failed write
leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from seminar_gui.core.errors import ProjectFileError


def atomic_write_text(path: str | Path, text: str, *, backup: bool = False) -> None:
    """Replace ``path`` with UTF-8 ``text`` (temp file, fsync, rename), keeping its mode.

    With ``backup``, the previous file is kept as ``path.bak``.  On failure the file
    on disk is left as it was and no temporary file remains.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))  # write through a symlink, not over it
    temps: list[str] = []
    try:
        try:
            mode: int | None = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = None
        data = text.encode("utf-8")
        new = _write_temp(target, data, default_mode() if mode is None else mode, temps)
        if backup and mode is not None:
            old = _write_temp(target, target.read_bytes(), mode, temps)
            os.replace(old, f"{target}.bak")
            temps.remove(old)
        os.replace(new, target)
        temps.remove(new)
    except (OSError, UnicodeEncodeError) as exc:
        for name in temps:
            with contextlib.suppress(OSError):
                os.unlink(name)
        reason = getattr(exc, "strerror", None) or exc
        raise ProjectFileError(
            f"could not save: {reason}; check that the folder exists and is writable and "
            "that the disk is not full (the file on disk was not changed)",
            file=path,
        ) from exc
    fsync_dir(target.parent)


def _write_temp(target: Path, data: bytes, mode: int, temps: list[str]) -> str:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temps.append(name)
    with os.fdopen(fd, "wb") as f:
        os.chmod(name, mode)
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return name


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
