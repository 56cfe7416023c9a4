"""Slide files: name them, accept them, file them under ``SITE/slides/``, undo that.

SITE is the folder of the README (``Document.site_folder``).  The module resolves
the site folder and the slides links, names slide files, accepts a dropped file (or
says why not), matches it to a session, and copies it.  Nothing here imports Qt: the
window calls these functions (``copy_slides`` from a worker thread, with a progress
callback) and keeps :class:`CopyResult` in its undo command.  Slides are copied,
never moved; nothing is ever written through a symbolic link, and a failed copy
leaves no temporary file behind.  Every problem is a :class:`SlideError` that says
what is wrong, where, and what to do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Literal, NamedTuple
from urllib.parse import unquote, urlsplit

from seminar_gui.core.atomic import TempFile, default_mode, fsync_dir, sweep_stale_temps
from seminar_gui.core.errors import READ_FLAGS, SeminarError, error_text, kind_of_file
from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, chain
from seminar_gui.core.model import Document, Topic

SLIDES_DIR = "slides"
TRASH_DIR = ".seminar-gui-trash"  # replaced files kept for undo (ignored by Git)
PRESENTATION_EXTS = (".pptx", ".ppt", ".key", ".odp")
ACCEPTED_EXTS = (".pdf", *PRESENTATION_EXTS)
MAX_NAME_BYTES = 255
PRESENTATION_NOTE = QT_TRANSLATE_NOOP(
    "slides",
    "GitHub does not preview {ext} files (visitors have to download it); "
    "also exporting a PDF makes the slides readable in the browser",
)
_RESERVED = set('<>:"|?*/\\\0')
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10))}
_LINK_QUOTE = set("%#()[]`")
_DATE = lazy_compile(
    r"(?<!\d)(?:(?P<y>\d{4})[-_.](?P<m>\d{2})[-_.](?P<d>\d{2})|(?P<n8>\d{8})|(?P<n6>\d{6}))(?!\d)"
)
_SHORT_MAX = 32  # characters of a generated short name
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)

# ------------------------------------------------------------------- the messages
_NUL_IN_SITE = QT_TRANSLATE_NOOP(
    "slides", "the site folder contains a NUL character; correct site_folder"
)
_NAMES_FOLDER = QT_TRANSLATE_NOOP("slides", "{name} names a folder, not a file; type a file name")
_NO_USABLE = QT_TRANSLATE_NOOP(
    "slides",
    "{name} has no usable characters for a file name (separators, dots and "
    'characters like <>:"|?* are removed); type a name with letters or digits',
)
_NO_STEM = QT_TRANSLATE_NOOP("slides", "{name} has no name before the extension; type a file name")
_NO_FREE_NAME = QT_TRANSLATE_NOOP("slides", "no free name like {stem}-N{ext}; type another name")
_GONE = QT_TRANSLATE_NOOP("slides", "does not exist (moved or deleted?); drop it again")
_UNREADABLE = QT_TRANSLATE_NOOP("slides", "cannot be read: {reason}; check permissions")
_KEYNOTE = QT_TRANSLATE_NOOP(
    "slides", "is a Keynote package (a folder); export it as PDF in Keynote and drop that"
)
_FOLDER = QT_TRANSLATE_NOOP("slides", "is a folder; drop the PDF file itself")
_SPECIAL = QT_TRANSLATE_NOOP("slides", "is {kind}, not a file; drop a PDF file")
_WRONG_TYPE = QT_TRANSLATE_NOOP(
    "slides",
    "is a {ext} file; slides must be PDF (or {others}): export the slides as PDF and drop that",
)
_NO_EXTENSION = QT_TRANSLATE_NOOP(
    "slides",
    "is a file without extension; slides must be PDF (or {others}): export the slides as "
    "PDF and drop that",
)
_COMMA = QT_TRANSLATE_NOOP("slides", "{first}, {second}")
_NO_PERMISSION = QT_TRANSLATE_NOOP(
    "slides", "cannot be read (no permission); check its permissions"
)
_EMPTY = QT_TRANSLATE_NOOP("slides", "is empty (0 bytes); export the slides again")
_NOT_PDF = QT_TRANSLATE_NOOP(
    "slides",
    "is not a PDF (it does not start with %PDF-), although it is named .pdf; "
    "export the slides as PDF again",
)
_NOT_REGULAR = QT_TRANSLATE_NOOP("slides", "is not a regular file; drop a PDF file")
_NO_SITE = QT_TRANSLATE_NOOP(
    "slides",
    "the site folder does not exist; set the project's site folder to the folder of README.md",
)
_LINK_OUTSIDE = QT_TRANSLATE_NOOP(
    "slides",
    "is a link to {target}, outside the site folder; seminar-gui only files slides "
    "inside the site: replace the link by a real folder",
)
_NOT_A_FOLDER = QT_TRANSLATE_NOOP(
    "slides", "is not a folder; rename that file so slides/ can be created"
)
_SYMLINK = QT_TRANSLATE_NOOP(
    "slides",
    "is a symbolic link; seminar-gui never writes through links: remove the link "
    "or choose another name",
)
_NOT_A_REGULAR_FILE = QT_TRANSLATE_NOOP(
    "slides", "exists and is not a regular file; choose another name"
)
_COPY_FAILED = QT_TRANSLATE_NOOP(
    "slides",
    "could not copy {name} here: {reason}; check that the folder is writable and the "
    "disk is not full (nothing was changed)",
)
_CONFLICT = QT_TRANSLATE_NOOP(
    "slides",
    "already exists with different content; replace it, or use another name (e.g. {name})",
)
_TRASH_NOT_FOLDER = QT_TRANSLATE_NOOP(
    "slides", "is not a folder; remove it so replaced slides can be kept"
)
_NOT_PUT_BACK = QT_TRANSLATE_NOOP(
    "slides",
    "the copy failed and the earlier file could not be put back; it is kept as {backup}",
)
_CHANGED = QT_TRANSLATE_NOOP(
    "slides",
    "was changed after seminar-gui copied it, so it was left as it is; delete or "
    "restore it yourself if needed",
)
_CHANGED_KEPT = QT_TRANSLATE_NOOP(
    "slides",
    "was changed after seminar-gui copied it, so it was left as it is; the earlier "
    "version is kept in {backup}; delete or restore it yourself if needed",
)
_UNDO_FAILED = QT_TRANSLATE_NOOP(
    "slides", "could not undo the copy: {reason}; check that the folder is writable"
)

Status = Literal["new", "identical", "conflict"]
Progress = Callable[[int, int], None]


class SlideError(SeminarError):
    """A slide file could not be accepted, planned, copied or restored."""


class SourceInfo(NamedTuple):
    """A file that may be filed as slides (the result of :func:`check_source`)."""

    path: Path
    ext: str  # lower case, with the dot: ".pdf", ".pptx", ...
    kind: Literal["pdf", "presentation"]
    size: int  # bytes
    note: str = ""  # for presentations: GitHub does not preview them


class CopyPlan(NamedTuple):
    """Where a copy would go and what is there now (nothing has been written)."""

    source: Path
    site: Path
    name: str  # sanitized file name inside SITE/slides
    destination: Path  # SITE/slides/NAME
    link: str  # "./slides/NAME", for Topic.slides
    status: Status  # new | identical (reuse, no copy) | conflict (same name, other bytes)


class CopyResult(NamedTuple):
    """What :func:`copy_slides` did; keep it for :func:`undo_copy`."""

    destination: Path
    link: str
    created: bool  # False: an identical file was already there and is reused
    sha256: str  # of the bytes now at destination
    replaced_backup: Path | None = None  # the replaced file's old bytes (in TRASH_DIR)


# ------------------------------------------------------------------ site and links


def resolve_site_folder(doc: Document, project_path: Path | None) -> Path | None:
    """The absolute site folder; None when it depends on a project not yet saved."""
    folder = doc.site_folder.strip()
    if "\0" in folder:
        raise SlideError(_NUL_IN_SITE())
    if folder and Path(folder).expanduser().is_absolute():
        return Path(os.path.abspath(Path(folder).expanduser()))
    if project_path is None:
        return None
    return Path(os.path.abspath(Path(project_path).absolute().parent / folder))


def slide_link(name: str) -> str:
    """The README link of SITE/slides/NAME (spaces, '%', '#', brackets percent-encoded)."""
    quoted = "".join(
        "".join(f"%{b:02X}" for b in c.encode()) if c.isspace() or c in _LINK_QUOTE else c
        for c in name
    )
    return f"./{SLIDES_DIR}/{quoted}"


def slide_path(site: Path, link: str) -> Path | None:
    """The local file a relative slides link points to (may not exist); None for web links."""
    parts = urlsplit(link)
    if not link or parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
        return None
    return Path(site) / unicodedata.normalize("NFC", unquote(parts.path))


def slides_file(site: Path | None, link: str) -> Path | None:
    """The local file a relative slides link points to; None for web links, no link,
    or an unsaved project (no site folder to look in)."""
    if site is None or not link:
        return None
    return slide_path(site, link)


def slides_missing(site: Path | None, link: str) -> bool:
    """Whether ``link`` is a local slides link whose file does not exist in ``site``.
    False when it cannot be checked (web link, empty link, no site folder)."""
    path = slides_file(site, link)
    return path is not None and not is_file_safe(path)


# ------------------------------------------------------------------------- naming


def slide_file_name(pattern: str, date: dt.date, short: str, ext: str = ".pdf") -> str:
    """The file name the pattern gives, e.g. "251104-FastdLLMv2.pdf" (sanitized).

    ``ext`` (the dropped file's extension) replaces the pattern's ".pdf".
    """
    ext = "." + (ext.lower().lstrip(".") or "pdf")
    name = (
        pattern.replace("{yyyymmdd}", f"{date:%Y%m%d}")
        .replace("{yymmdd}", f"{date:%y%m%d}")
        .replace("{short}", short)
    )
    if name.lower().endswith(".pdf"):
        name = name[:-4]
    return sanitize_file_name(name + ext)


def short_for(topic: Topic) -> str:
    """The system name of the paper for file names: "Fast-dLLM v2: ..." -> "FastdLLMv2".

    The title before the colon with everything but letters and digits removed (CJK is
    kept; capitalisation as written), cut after whole words at 32 characters (a title
    without a colon gives its first words: "Kick-off meeting" -> "Kickoffmeeting");
    "slides" when the topic has no title.
    """
    words = unicodedata.normalize("NFC", topic.short_name).split()
    short = ""
    for word in ("".join(c for c in w if c.isalnum()) for w in words):
        if short and len(short) + len(word) > _SHORT_MAX:
            break
        short += word
    return short[:_SHORT_MAX] or "slides"


def sanitize_file_name(name: str) -> str:
    """A file name safe on Linux, macOS and Windows and in Git, or :class:`SlideError`.

    NFC; no path separators, control, bidi-override or Windows-reserved characters;
    no leading or trailing dots and spaces; at most 255 UTF-8 bytes (the stem is cut,
    the extension kept); Windows device names (CON, NUL, ...) get a "_".
    """
    original = name
    name = unicodedata.normalize("NFC", name)
    name = "".join(
        c
        for c in name
        if c not in _RESERVED
        and c not in _BIDI
        and unicodedata.category(c) not in ("Cc", "Zl", "Zp", "Cs")
    )
    if name.strip() in (".", ".."):
        raise SlideError(_NAMES_FOLDER(name=repr(original)))
    name = _strip_ends(name)
    if not name:
        raise SlideError(_NO_USABLE(name=repr(original)))
    stem, ext = split_ext(name)
    if stem.upper() in _DEVICES:
        stem += "_"
    name = fit_name(stem + ext)
    if not split_ext(name)[0]:
        raise SlideError(_NO_STEM(name=repr(original)))
    return name


def split_ext(name: str) -> tuple[str, str]:
    """("251104-FuseLink", ".pdf"); an extension is a dot and 1-10 letters or digits."""
    i = name.rfind(".")
    if i > 0 and 1 < len(name) - i <= 11 and name[i + 1 :].isalnum():
        return name[:i], name[i:]
    return name, ""


def fit_name(name: str, suffix: str = "") -> str:
    """``name`` with ``suffix`` before its extension, the stem cut to MAX_NAME_BYTES."""
    stem, ext = split_ext(name)
    room = MAX_NAME_BYTES - len((suffix + ext).encode())
    return _strip_ends(stem.encode()[:room].decode("utf-8", "ignore")) + suffix + ext


def _strip_ends(name: str) -> str:
    return name.strip().strip(". ").strip()


def alternative_name(site: Path, name: str) -> str:
    """NAME-2.pdf, NAME-3.pdf, ...: the first that does not exist in SITE/slides."""
    name = sanitize_file_name(name)
    folder = Path(site) / SLIDES_DIR
    stem, ext = split_ext(name)
    taken = {case_key(entry) for entry in folder_entries(folder)}  # 'roll-2.pdf' takes ROLL-2.pdf
    for n in range(2, 10_000):
        candidate = fit_name(name, f"-{n}")
        if case_key(candidate) not in taken and not os.path.lexists(folder / candidate):
            return candidate
    raise SlideError(_NO_FREE_NAME(stem=stem, ext=ext), file=folder)


# ------------------------------------------------------------------ accepting files


def check_source(path: Path) -> SourceInfo:
    """Accept a dropped file (PDF or presentation) or say why not.  Never blocks."""
    path = Path(path)
    ext = path.suffix.lower()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SlideError(_GONE(), file=path) from None
    except OSError as exc:
        raise SlideError(_UNREADABLE(reason=error_text(exc)), file=path) from exc
    if stat.S_ISDIR(st.st_mode):
        if ext == ".key":
            raise SlideError(_KEYNOTE(), file=path)
        raise SlideError(_FOLDER(), file=path)
    if not stat.S_ISREG(st.st_mode):
        raise SlideError(_SPECIAL(kind=kind_of_file(st.st_mode)), file=path)
    if ext not in ACCEPTED_EXTS:
        others = chain(_COMMA, PRESENTATION_EXTS)
        message = _WRONG_TYPE(ext=ext, others=others) if ext else _NO_EXTENSION(others=others)
        raise SlideError(message, file=path)
    if not os.access(path, os.R_OK):
        raise SlideError(_NO_PERMISSION(), file=path)
    try:
        fd = open_regular(path)
        with os.fdopen(fd, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            head = f.read(5)
    except OSError as exc:
        raise SlideError(_UNREADABLE(reason=error_text(exc)), file=path) from exc
    if size == 0:
        raise SlideError(_EMPTY(), file=path)
    if ext == ".pdf":
        if head != b"%PDF-":
            raise SlideError(_NOT_PDF(), file=path)
        return SourceInfo(path, ext, "pdf", size)
    return SourceInfo(path, ext, "presentation", size, PRESENTATION_NOTE(ext=ext))


def open_regular(path: Path, *, nofollow: bool = False) -> int:
    """Open for reading without blocking on a FIFO; refuse anything but a regular file.

    With ``nofollow``, a symbolic link is refused too (where the platform can tell).
    """
    fd = os.open(path, READ_FLAGS | (_NO_FOLLOW if nofollow else 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise SlideError(_NOT_REGULAR(), file=path)
    return fd


# ----------------------------------------------------------------------- matching


def match_file(
    doc: Document, semester_id: str | None, file_name: str
) -> list[tuple[str, str | None, float]]:
    """Sessions (and topics) a dropped file belongs to, best first: (session, topic, score).

    A date in the name ("251125_", "20251118_", "2025-11-04") picks the sessions on that
    day (the given semester first); the topic is the one whose short name appears in
    the name (case and punctuation ignored), or the only topic of the session.  Without
    a date (or no session on it) the short names alone are matched, with lower scores.
    """
    stem = split_ext(Path(file_name).name)[0]
    dates = [d for m in _DATE.finditer(stem) if (d := _date_of(m)) is not None]
    rest = _key(_DATE.sub(" ", stem))
    semesters = sorted(doc.semesters, key=lambda s: s.id != semester_id)
    found: list[tuple[str, str | None, float]] = []
    for semester in semesters:
        bonus = 0.5 if semester.id == semester_id else 0.0
        for session in semester.sessions:
            on_date = session.date in dates
            named = [(t.id, s) for t in session.topics if (s := _name_score(t, rest)) > 0]
            if on_date:
                if named:
                    found.extend((session.id, tid, 2.0 + s + bonus) for tid, s in named)
                elif len(session.topics) == 1:
                    found.append((session.id, session.topics[0].id, 2.0 + bonus))
                else:
                    found.append((session.id, None, 1.0 + bonus))
            elif named and not dates:
                found.extend((session.id, tid, s / 2 + bonus / 2) for tid, s in named)
    if dates and not found:  # a date without a session: try the names alone
        return match_file(doc, semester_id, _DATE.sub(" ", stem))
    order = {k: i for i, k in enumerate((s, t) for s, t, _ in found)}
    return sorted(found, key=lambda f: (-f[2], order[(f[0], f[1])]))


def _date_of(m: re.Match[str]) -> dt.date | None:
    with contextlib.suppress(ValueError):
        if m["y"]:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        digits = m["n8"] or f"20{m['n6']}"
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    return None


def _key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", text).casefold() if c.isalnum())


def _name_score(topic: Topic, rest: str) -> float:
    """1: the topic's short name is in the file name; 0.8: the name is part of the title."""
    key = _key(topic.short_name)
    if len(key) >= 3 and key in rest:
        return 1.0
    if len(rest) >= 4 and rest in _key(topic.paper.title):
        return 0.8
    return 0.0


# ----------------------------------------------------------------- planning a copy


def plan_copy(source: Path, site: Path, name: str) -> CopyPlan:
    """Where ``source`` would be filed as NAME and whether that name is free (no writes)."""
    check_source(source)
    name = sanitize_file_name(name)
    shown, real = _slides_folder(Path(site), create=False)
    name = _name_on_disk(real, name)
    status: Status = "new"
    if _existing(real / name, shown / name) is not None:
        status = "identical" if _same_bytes(Path(source), real / name) else "conflict"
    return CopyPlan(Path(source), Path(site), name, shown / name, slide_link(name), status)


def case_key(name: str) -> str:
    """What two file names share when they differ only in upper/lower case."""
    return unicodedata.normalize("NFC", name).casefold()


def folder_entries(folder: Path) -> list[str]:
    """The names in ``folder``; none when it cannot be listed (no slides folder yet)."""
    try:
        return os.listdir(folder)
    except (OSError, ValueError):
        return []


def is_file_safe(path: Path) -> bool:
    """Path.is_file(), but False for a name the system refuses (too long, a NUL in it)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _name_on_disk(folder: Path, name: str) -> str:
    """``name``, or the name of the file in ``folder`` that differs from it only in
    upper/lower case: filing 'roll.pdf' next to 'ROLL.pdf' would make two files that
    are one on macOS and Windows, so it is ROLL.pdf (identical, or a conflict)."""
    entries = folder_entries(folder)
    if name in entries:
        return name
    key = case_key(name)
    return min((entry for entry in entries if case_key(entry) == key), default=name)


def _slides_folder(site: Path, *, create: bool) -> tuple[Path, Path]:
    """SITE/slides as shown and as resolved, checked to be a folder inside SITE."""
    site_real = Path(os.path.realpath(site))
    if not site_real.is_dir():
        raise SlideError(_NO_SITE(), file=site)
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
        raise SlideError(_LINK_OUTSIDE(target=real), file=shown)
    if not real.is_dir():
        raise SlideError(_NOT_A_FOLDER(), file=shown)
    return shown, real


def _existing(real: Path, shown: Path) -> os.stat_result | None:
    """The stat of an existing regular file at ``real``; refuses links and folders."""
    try:
        st = os.lstat(real)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        raise SlideError(_SYMLINK(), file=shown)
    if not stat.S_ISREG(st.st_mode):
        raise SlideError(_NOT_A_REGULAR_FILE(), file=shown)
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
    import hashlib  # on first use: it loads OpenSSL's libcrypto (~3.5 ms of a start)

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
    any failure nothing at the destination changed and no temporary file remains; the
    temporary file (``.NAME.seminar-gui-XXXX.tmp``, see :mod:`seminar_gui.core.atomic`)
    of a copy killed midway is swept by the next copy or the next start.
    """
    fresh = plan_copy(plan.source, plan.site, plan.name)
    shown, folder = _slides_folder(plan.site, create=True)
    dest, shown_dest = folder / fresh.name, shown / fresh.name
    if fresh.status == "identical":
        return CopyResult(shown_dest, fresh.link, False, sha256_file(dest))
    if fresh.status == "conflict" and not replace:
        raise _conflict(shown_dest)
    temp: TempFile | None = None
    backup: Path | None = None
    sweep_stale_temps(folder)  # debris of a copy that crashed
    try:
        with os.fdopen(open_regular(plan.source), "rb") as src:
            temp = TempFile.create(folder, fresh.name)  # .NAME.seminar-gui-XXXX.tmp
            digest = _copy_stream(src, temp.fd, progress, max(1, chunk))
        temp.finish(default_mode())
        if _existing(dest, shown_dest) is not None:  # re-check just before replacing
            if not replace:
                raise _conflict(shown_dest)
            backup = _keep_backup(folder, dest)
        temp.replace(dest)  # rename replaces a link itself, never writes through it
        temp.close()
    except BaseException as exc:
        if temp is not None:
            temp.close()  # deletes it unless it was renamed into place
        if backup is not None:
            _restore_after_failure(backup, dest)
        if isinstance(exc, OSError):
            message = _COPY_FAILED(name=plan.source.name, reason=error_text(exc))
            raise SlideError(message, file=shown_dest) from exc
        raise
    fsync_dir(folder)
    return CopyResult(shown_dest, fresh.link, True, digest, backup)


def _conflict(shown: Path) -> SlideError:
    return SlideError(_CONFLICT(name=alternative_name(shown.parent.parent, shown.name)), file=shown)


def _copy_stream(src: BinaryIO, fd: int, progress: Progress | None, chunk: int) -> str:
    import hashlib  # on first use, as above

    digest = hashlib.sha256()
    with os.fdopen(fd, "wb", closefd=False) as out:  # the TempFile keeps fd (and its lock)
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
    return digest.hexdigest()


def _keep_backup(folder: Path, dest: Path) -> Path:
    """Keep the file about to be replaced: a hard link in the trash (dest stays in place),
    or, where hard links are not possible, the file moved there."""
    trash = folder / TRASH_DIR
    with contextlib.suppress(FileExistsError):
        os.mkdir(trash)
    if not stat.S_ISDIR(os.lstat(trash).st_mode):
        raise SlideError(_TRASH_NOT_FOLDER(), file=trash)
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
        raise SlideError(_NOT_PUT_BACK(backup=backup), file=dest) from exc


# ------------------------------------------------------------------------- undo


def undo_copy(result: CopyResult) -> None:
    """Remove a copy (only if unchanged since) and put back the file it replaced."""
    if not result.created:
        return
    dest = Path(os.path.realpath(result.destination.parent)) / result.destination.name
    st = _existing(dest, result.destination)
    if st is not None and sha256_file(dest) != result.sha256:
        backup = result.replaced_backup
        message = _CHANGED_KEPT(backup=backup) if backup else _CHANGED()
        raise SlideError(message, file=result.destination)
    try:
        if result.replaced_backup is not None:
            os.replace(result.replaced_backup, dest)
        elif st is not None:
            os.unlink(dest)
    except OSError as exc:
        raise SlideError(_UNDO_FAILED(reason=error_text(exc)), file=result.destination) from exc
    fsync_dir(dest.parent)


def discard_backup(result: CopyResult) -> None:
    """Delete the replaced file's kept bytes (when the undo step is dropped for good)."""
    if result.replaced_backup is not None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(result.replaced_backup)
