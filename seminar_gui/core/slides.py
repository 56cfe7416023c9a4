"""Slide files: name them, accept them, file them under ``SITE/slides/``, undo that.

SITE is the folder of the README (``Document.site_folder``).  Nothing here imports
Qt: the window calls these functions (``copy_slides`` from a worker thread, with a
progress callback) and keeps :class:`CopyResult` in its undo command.  Slides are
copied, never moved; nothing is ever written through a symbolic link, and a failed
copy leaves no temporary file behind.  Every problem is a :class:`SlideError` that
says what is wrong, where, and what to do.

This module is the whole API; the naming, accepting and matching half lives in
:mod:`seminar_gui.core.slide_names` and is re-exported here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from seminar_gui.core.slide_names import (
    ACCEPTED_EXTS,
    MAX_NAME_BYTES,
    PRESENTATION_EXTS,
    SLIDES_DIR,
    SlideError,
    SourceInfo,
    check_source,
    fit_name,
    match_file,
    open_regular,
    resolve_site_folder,
    sanitize_file_name,
    short_for,
    slide_file_name,
    slide_link,
    slide_path,
    split_ext,
)
from seminar_gui.core.storage import _default_mode, _fsync_dir

__all__ = [
    "ACCEPTED_EXTS",
    "MAX_NAME_BYTES",
    "PRESENTATION_EXTS",
    "SLIDES_DIR",
    "TRASH_DIR",
    "CopyPlan",
    "CopyResult",
    "SlideError",
    "SourceInfo",
    "alternative_name",
    "check_source",
    "copy_slides",
    "discard_backup",
    "match_file",
    "plan_copy",
    "resolve_site_folder",
    "sanitize_file_name",
    "sha256_file",
    "short_for",
    "slide_file_name",
    "slide_link",
    "slide_path",
    "split_ext",
    "undo_copy",
]

TRASH_DIR = ".seminar-gui-trash"  # replaced files kept for undo (ignored by Git)

Status = Literal["new", "identical", "conflict"]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CopyPlan:
    """Where a copy would go and what is there now (nothing has been written)."""

    source: Path
    site: Path
    name: str  # sanitized file name inside SITE/slides
    destination: Path  # SITE/slides/NAME
    link: str  # "./slides/NAME", for Topic.slides
    status: Status  # new | identical (reuse, no copy) | conflict (same name, other bytes)


@dataclass(frozen=True)
class CopyResult:
    """What :func:`copy_slides` did; keep it for :func:`undo_copy`."""

    destination: Path
    link: str
    created: bool  # False: an identical file was already there and is reused
    sha256: str  # of the bytes now at destination
    replaced_backup: Path | None = None  # the replaced file's old bytes (in TRASH_DIR)


def alternative_name(site: Path, name: str) -> str:
    """NAME-2.pdf, NAME-3.pdf, ...: the first that does not exist in SITE/slides."""
    name = sanitize_file_name(name)
    folder = Path(site) / SLIDES_DIR
    stem, ext = split_ext(name)
    for n in range(2, 10_000):
        candidate = fit_name(name, f"-{n}")
        if not os.path.lexists(folder / candidate):
            return candidate
    raise SlideError(f"no free name like {stem}-N{ext}; type another name", file=folder)


# ----------------------------------------------------------------- planning a copy


def plan_copy(source: Path, site: Path, name: str) -> CopyPlan:
    """Where ``source`` would be filed as NAME and whether that name is free (no writes)."""
    check_source(source)
    name = sanitize_file_name(name)
    shown, real = _slides_folder(Path(site), create=False)
    status: Status = "new"
    if _existing(real / name, shown / name) is not None:
        status = "identical" if _same_bytes(Path(source), real / name) else "conflict"
    return CopyPlan(Path(source), Path(site), name, shown / name, slide_link(name), status)


def _slides_folder(site: Path, *, create: bool) -> tuple[Path, Path]:
    """SITE/slides as shown and as resolved, checked to be a folder inside SITE."""
    site_real = Path(os.path.realpath(site))
    if not site_real.is_dir():
        raise SlideError(
            "the site folder does not exist; set the project's site folder to the folder "
            "of README.md",
            file=site,
        )
    shown = site / SLIDES_DIR
    try:
        os.lstat(shown)
    except FileNotFoundError:
        if create:
            with contextlib.suppress(FileExistsError):  # mkdir never follows a symlink
                os.mkdir(site_real / SLIDES_DIR)
            return _slides_folder(site, create=False)
        return shown, site_real / SLIDES_DIR
    real = Path(os.path.realpath(shown))
    if not real.is_relative_to(site_real):
        raise SlideError(
            f"is a link to {real}, outside the site folder; seminar-gui only files slides "
            "inside the site: replace the link by a real folder",
            file=shown,
        )
    if not real.is_dir():
        raise SlideError("is not a folder; rename that file so slides/ can be created", file=shown)
    return shown, real


def _existing(real: Path, shown: Path) -> os.stat_result | None:
    """The stat of an existing regular file at ``real``; refuses links and folders."""
    try:
        st = os.lstat(real)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        raise SlideError(
            "is a symbolic link; seminar-gui never writes through links: remove the link "
            "or choose another name",
            file=shown,
        )
    if not stat.S_ISREG(st.st_mode):
        raise SlideError("exists and is not a regular file; choose another name", file=shown)
    return st


def _same_bytes(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        if os.path.samefile(a, b):
            return True
    with os.fdopen(open_regular(a), "rb") as fa, os.fdopen(open_regular(b), "rb") as fb:
        if os.fstat(fa.fileno()).st_size != os.fstat(fb.fileno()).st_size:
            return False
        while True:
            block_a, block_b = fa.read(1 << 20), fb.read(1 << 20)
            if block_a != block_b:
                return False
            if not block_a:
                return True


def sha256_file(path: Path) -> str:
    """The SHA-256 of a regular file (never follows a final symlink)."""
    digest = hashlib.sha256()
    with os.fdopen(open_regular(path, nofollow=True), "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


# -------------------------------------------------------------------- copying


def copy_slides(
    plan: CopyPlan,
    *,
    replace: bool = False,
    progress: Progress | None = None,
    chunk: int = 1 << 20,
) -> CopyResult:
    """Copy ``plan.source`` to ``plan.destination`` (temp file, fsync, rename).

    The plan is re-checked first: an identical file is reused (nothing is written); a
    different file is replaced only with ``replace`` (its old bytes are kept in
    SITE/slides/.seminar-gui-trash for :func:`undo_copy`).  ``progress(done, total)``
    is called with the bytes copied; an exception raised by it cancels the copy.  On
    any failure nothing at the destination changed and no temporary file remains.
    """
    fresh = plan_copy(plan.source, plan.site, plan.name)
    shown, folder = _slides_folder(plan.site, create=True)
    dest, shown_dest = folder / fresh.name, shown / fresh.name
    if fresh.status == "identical":
        return CopyResult(shown_dest, fresh.link, False, sha256_file(dest))
    if fresh.status == "conflict" and not replace:
        raise _conflict(shown_dest)
    temp: str | None = None
    backup: Path | None = None
    try:
        with os.fdopen(open_regular(plan.source), "rb") as src:
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".seminar-gui-", suffix=".part")
            digest = _copy_stream(src, fd, progress, max(1, chunk))
        os.chmod(temp, _default_mode())
        if _existing(dest, shown_dest) is not None:  # re-check just before replacing
            if not replace:
                raise _conflict(shown_dest)
            backup = _keep_backup(folder, dest)
        os.replace(temp, dest)  # rename replaces a link itself, never writes through it
        temp = None
    except BaseException as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if backup is not None:
            _restore_after_failure(backup, dest)
        if isinstance(exc, OSError):
            raise SlideError(
                f"could not copy {plan.source.name} here: {exc.strerror or exc}; check that "
                "the folder is writable and the disk is not full (nothing was changed)",
                file=shown_dest,
            ) from exc
        raise
    _fsync_dir(folder)
    return CopyResult(shown_dest, fresh.link, True, digest, backup)


def _conflict(shown: Path) -> SlideError:
    return SlideError(
        "already exists with different content; replace it, or use another name "
        f"(e.g. {alternative_name(shown.parent.parent, shown.name)})",
        file=shown,
    )


def _copy_stream(src: BinaryIO, fd: int, progress: Progress | None, chunk: int) -> str:
    digest = hashlib.sha256()
    with os.fdopen(fd, "wb") as out:
        total = os.fstat(src.fileno()).st_size
        done = 0
        if progress is not None:
            progress(0, total)
        while block := src.read(chunk):
            out.write(block)
            digest.update(block)
            done += len(block)
            if progress is not None:
                progress(done, max(total, done))
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


def _keep_backup(folder: Path, dest: Path) -> Path:
    """Keep the file about to be replaced: a hard link in the trash (dest stays in place),
    or, where hard links are not possible, the file moved there."""
    trash = folder / TRASH_DIR
    with contextlib.suppress(FileExistsError):
        os.mkdir(trash)
    if not stat.S_ISDIR(os.lstat(trash).st_mode):
        raise SlideError("is not a folder; remove it so replaced slides can be kept", file=trash)
    with contextlib.suppress(FileExistsError):  # O_EXCL: never through a planted link
        fd = os.open(trash / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("# replaced slides kept by seminar-gui for undo\n*\n")
    backup = trash / fit_name(f"{uuid.uuid4().hex[:12]}-{dest.name}")
    try:
        os.link(dest, backup, follow_symlinks=False)
    except (OSError, NotImplementedError):
        os.replace(dest, backup)
    return backup


def _restore_after_failure(backup: Path, dest: Path) -> None:
    if os.path.lexists(dest):  # the hard link case: dest still holds the old bytes
        with contextlib.suppress(OSError):
            os.unlink(backup)
        return
    try:
        os.replace(backup, dest)
    except OSError as exc:
        raise SlideError(
            f"the copy failed and the earlier file could not be put back; it is kept as {backup}",
            file=dest,
        ) from exc


# ------------------------------------------------------------------------- undo


def undo_copy(result: CopyResult) -> None:
    """Remove a copy (only if unchanged since) and put back the file it replaced."""
    if not result.created:
        return
    dest = Path(os.path.realpath(result.destination.parent)) / result.destination.name
    st = _existing(dest, result.destination)
    if st is not None and sha256_file(dest) != result.sha256:
        backup = result.replaced_backup
        kept = f"; the earlier version is kept in {backup}" if backup else ""
        raise SlideError(
            f"was changed after seminar-gui copied it, so it was left as it is{kept}; "
            "delete or restore it yourself if needed",
            file=result.destination,
        )
    try:
        if result.replaced_backup is not None:
            os.replace(result.replaced_backup, dest)
        elif st is not None:
            os.unlink(dest)
    except OSError as exc:
        raise SlideError(
            f"could not undo the copy: {exc.strerror or exc}; check that the folder is writable",
            file=result.destination,
        ) from exc
    _fsync_dir(dest.parent)


def discard_backup(result: CopyResult) -> None:
    """Delete the replaced file's kept bytes (when the undo step is dropped for good)."""
    if result.replaced_backup is not None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(result.replaced_backup)
