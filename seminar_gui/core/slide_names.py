"""Slide files, the pure part: site folder, links, names, accepting a dropped file,
and matching a dropped file to a session.  Reads files, never writes them.

:mod:`seminar_gui.core.slides` re-exports all of this; import from there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from seminar_gui.core.errors import SeminarError
from seminar_gui.core.model import Document, Topic

SLIDES_DIR = "slides"
PRESENTATION_EXTS = (".pptx", ".ppt", ".key", ".odp")
ACCEPTED_EXTS = (".pdf", *PRESENTATION_EXTS)
MAX_NAME_BYTES = 255
PRESENTATION_NOTE = (
    "GitHub does not preview {ext} files (visitors have to download it); "
    "also exporting a PDF makes the slides readable in the browser"
)
_RESERVED = set('<>:"|?*/\\\0')
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10))}
_LINK_QUOTE = set("%#()[]`")
_DATE = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})[-_.](?P<m>\d{2})[-_.](?P<d>\d{2})|(?P<n8>\d{8})|(?P<n6>\d{6}))(?!\d)"
)
_SHORT_MAX = 32  # characters of a generated short name
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


class SlideError(SeminarError):
    """A slide file could not be accepted, planned, copied or restored."""


@dataclass(frozen=True)
class SourceInfo:
    """A file that may be filed as slides (the result of :func:`check_source`)."""

    path: Path
    ext: str  # lower case, with the dot: ".pdf", ".pptx", ...
    kind: Literal["pdf", "presentation"]
    size: int  # bytes
    note: str = ""  # for presentations: GitHub does not preview them


# ------------------------------------------------------------------ site and links


def resolve_site_folder(doc: Document, project_path: Path | None) -> Path | None:
    """The absolute site folder; None when it depends on a project not yet saved."""
    folder = doc.site_folder.strip()
    if "\0" in folder:
        raise SlideError("the site folder contains a NUL character; correct site_folder")
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
        raise SlideError(f"{original!r} names a folder, not a file; type a file name")
    name = _strip_ends(name)
    if not name:
        raise SlideError(
            f"{original!r} has no usable characters for a file name (separators, dots and "
            'characters like <>:"|?* are removed); type a name with letters or digits'
        )
    stem, ext = split_ext(name)
    if stem.upper() in _DEVICES:
        stem += "_"
    name = fit_name(stem + ext)
    if not split_ext(name)[0]:
        raise SlideError(f"{original!r} has no name before the extension; type a file name")
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


# ------------------------------------------------------------------ accepting files


def check_source(path: Path) -> SourceInfo:
    """Accept a dropped file (PDF or presentation) or say why not.  Never blocks."""
    path = Path(path)
    ext = path.suffix.lower()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SlideError("does not exist (moved or deleted?); drop it again", file=path) from None
    except OSError as exc:
        raise SlideError(f"cannot be read: {exc.strerror}; check permissions", file=path) from exc
    if stat.S_ISDIR(st.st_mode):
        if ext == ".key":
            raise SlideError(
                "is a Keynote package (a folder); export it as PDF in Keynote and drop that",
                file=path,
            )
        raise SlideError("is a folder; drop the PDF file itself", file=path)
    if not stat.S_ISREG(st.st_mode):
        raise SlideError(f"is {_kind_of(st.st_mode)}, not a file; drop a PDF file", file=path)
    if ext not in ACCEPTED_EXTS:
        what = f"a {ext} file" if ext else "a file without extension"
        raise SlideError(
            f"is {what}; slides must be PDF (or {', '.join(PRESENTATION_EXTS)}): "
            "export the slides as PDF and drop that",
            file=path,
        )
    if not os.access(path, os.R_OK):
        raise SlideError("cannot be read (no permission); check its permissions", file=path)
    try:
        fd = open_regular(path)
        with os.fdopen(fd, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            head = f.read(5)
    except OSError as exc:
        raise SlideError(f"cannot be read: {exc.strerror}; check permissions", file=path) from exc
    if size == 0:
        raise SlideError("is empty (0 bytes); export the slides again", file=path)
    if ext == ".pdf":
        if head != b"%PDF-":
            raise SlideError(
                "is not a PDF (it does not start with %PDF-), although it is named .pdf; "
                "export the slides as PDF again",
                file=path,
            )
        return SourceInfo(path, ext, "pdf", size)
    return SourceInfo(path, ext, "presentation", size, PRESENTATION_NOTE.format(ext=ext))


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def open_regular(path: Path, *, nofollow: bool = False) -> int:
    """Open for reading without blocking on a FIFO; refuse anything but a regular file.

    With ``nofollow``, a symbolic link is refused too (where the platform can tell).
    """
    fd = os.open(path, _READ_FLAGS | (_NO_FOLLOW if nofollow else 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise SlideError("is not a regular file; drop a PDF file", file=path)
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
