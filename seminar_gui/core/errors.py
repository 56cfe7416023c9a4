"""The project's own errors: each names the file, the place in it, and what to do."""

from __future__ import annotations

import contextlib
import gc
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from seminar_gui.core.messages import QT_TRANSLATE_NOOP, render

_LINE = QT_TRANSLATE_NOOP("errors", "line {line}")
_LINE_COLUMN = QT_TRANSLATE_NOOP("errors", "line {line}:{column}")
_FIELD = QT_TRANSLATE_NOOP("errors", "{where} ({field})")
_AT = QT_TRANSLATE_NOOP("errors", "{where}: {message}")


class SeminarError(Exception):
    """Base class: a problem the user can act on (shown as one line, no traceback)."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column
        self.field = field
        super().__init__(self.__str__())

    def location(self) -> str:
        """Where: "FILE:LINE:COLUMN (field)", "line 5", "field", or "" (a :class:`Text`
        where it has words: show it with :func:`describe`)."""
        where: str = printable(self.file or "")
        if self.line is not None:
            if where:
                where += f":{self.line}" if self.column is None else f":{self.line}:{self.column}"
            elif self.column is None:
                where = _LINE(line=self.line)
            else:
                where = _LINE_COLUMN(line=self.line, column=self.column)
        if self.field:
            where = _FIELD(where=where, field=self.field) if where else self.field
        return where

    def text(self) -> str:
        """The whole message, its place first (a :class:`Text`: see :func:`describe`)."""
        where = self.location()
        return _AT(where=where, message=self.message) if where else self.message

    def __str__(self) -> str:
        return str(self.text())


class ProjectFileError(SeminarError):
    """A project (JSON) file could not be read or written."""


class ReadmeImportError(SeminarError):
    """A README could not be imported; always carries a line number."""


class ValidationProblem(SeminarError):
    """A document does not validate (raised by checks and by the exporter)."""


class EditError(SeminarError):
    """An edit was refused because the result would not be a valid document."""


#: The largest README imported: GitHub shows only the first 512,000 bytes of a README
#: on a repository's page, so a longer schedule cannot be published as one anyway (the
#: synthetic 20-year archive, 40 semesters of 15 sessions, is 314 kB).
README_MAX_BYTES = 512_000
#: ... and of at most this many lines: a README at the byte limit written like the
#: archive has 13,000 (the real pages of other groups: 36 to 116 bytes a line).  What
#: a README costs to import grows with its lines (sessions, topics, kept text), so the
#: two limits keep every README, however hostile, under a second.
README_MAX_LINES = 20_000
#: The largest project file read: the JSON of a README at the limits above is about
#: 2 MB (of the 20-year archive: 1 MB); 8 MiB leaves room, and `check` of a file that
#: large takes well under a second and about 120 MB (benchmarks/bench_hostile_input.py).
PROJECT_MAX_BYTES = 8 * 1024 * 1024

#: Open for reading without blocking on a FIFO (what is read is checked with fstat).
READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
#: The same, not following a symbolic link, not inherited by child processes.
READ_NOFOLLOW_FLAGS = READ_FLAGS | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def read_input(
    path: Path, error: Callable[[str], SeminarError], *, limit: int | None = None
) -> bytes:
    """The bytes of a file the user gave us (a README, a project file).

    A file that cannot be read raises ``error(reason)``: the caller's own message,
    naming what the file was for; ``reason`` ends with what to do.  Only regular files
    are read: a FIFO, a device or a folder is refused without blocking or reading, and
    so is a file of more than ``limit`` bytes (before it is read into memory).  The one
    place every input enters the core.
    """
    try:
        fd = os.open(path, READ_FLAGS)
    except OSError as exc:
        raise error(_OS_ERROR(reason=error_text(exc))) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise error(_NOT_A_FILE(kind=kind_of_file(st.st_mode)))
        if limit is not None and st.st_size > limit:
            raise error(_too_large(st.st_size, limit))
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if limit is not None and total > limit:  # it grew while being read
                raise error(_too_large(total, limit))
        return b"".join(chunks)
    except OSError as exc:
        raise error(_OS_ERROR(reason=error_text(exc))) from None
    finally:
        os.close(fd)


_OS_ERROR = QT_TRANSLATE_NOOP(
    "errors", "{reason}; check its name and folder and that you may read it"
)
_NOT_A_FILE = QT_TRANSLATE_NOOP(
    "errors", "it is {kind}, not a file; check its name and folder and that you may read it"
)
_FOLDER = QT_TRANSLATE_NOOP("errors", "a folder")
_FIFO = QT_TRANSLATE_NOOP("errors", "a named pipe (FIFO)")
_SOCKET = QT_TRANSLATE_NOOP("errors", "a socket")
_DEVICE = QT_TRANSLATE_NOOP("errors", "a device")
_SPECIAL = QT_TRANSLATE_NOOP("errors", "a special file")
_TOO_LARGE = QT_TRANSLATE_NOOP(
    "errors",
    "it is {size}, and seminar-gui reads at most {most}; is it the right file? "
    "(A longer schedule can be split: keep old semesters in another file)",
)
_MB = QT_TRANSLATE_NOOP("errors", "{size} MB")
_KB = QT_TRANSLATE_NOOP("errors", "{size} kB")
_BYTES = QT_TRANSLATE_NOOP("errors", "{size} bytes")


def kind_of_file(mode: int) -> str:
    """'a folder', 'a named pipe (FIFO)', … for what is not a regular file."""
    if stat.S_ISDIR(mode):
        return _FOLDER()
    if stat.S_ISFIFO(mode):
        return _FIFO()
    if stat.S_ISSOCK(mode):
        return _SOCKET()
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _DEVICE()
    return _SPECIAL()


def _too_large(size: int, limit: int) -> str:
    shown, most = _size(size), _size(limit)
    if shown == most:
        shown, most = _BYTES(size=f"{size:,}"), _BYTES(size=f"{limit:,}")
    return _TOO_LARGE(size=shown, most=most)


def _size(size: int) -> str:
    if size >= 1_000_000:
        return _MB(size=f"{size / 1_000_000:.1f}")
    return _KB(size=f"{size / 1000:.0f}")


def text_too_large(text: str, limit: int) -> str:
    """Why ``text`` is refused (more than ``limit`` bytes as UTF-8), or ""."""
    if len(text) <= limit // 4:  # a character is at most 4 bytes
        return ""
    size = len(text.encode("utf-8", "surrogatepass"))
    return _too_large(size, limit) if size > limit else ""


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large input becomes objects.

    Importing or loading creates 100,000s of small objects and no reference cycles;
    the collector's passes over them cost a third of the time.  It runs as before
    afterwards (and is left alone if it was off).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def printable(text: str) -> str:
    """``text`` for a one-line message: line breaks, NEL, U+2028 and other invisible
    characters written as escapes (``\\x85``, ``\\u2028``), the rest as is."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


# ---------------------------------------------------------------- messages for people


def error_text(exc: BaseException) -> str:
    """What went wrong, as one message (a :class:`~seminar_gui.core.messages.Text`
    when our code said it): the first error of a pydantic ``ValidationError`` (the
    ``ValueError`` our validator raised, not pydantic's English wrapping), the
    ``strerror`` of an ``OSError``, the message of a :class:`SeminarError`, else the
    exception's first argument or its text."""
    if isinstance(exc, SeminarError):
        return exc.message
    errors = getattr(exc, "errors", None)
    if callable(errors) and type(exc).__name__ == "ValidationError":
        first = errors()[0]
        original = (first.get("ctx") or {}).get("error")
        if isinstance(original, BaseException):
            return error_text(original)
        return str(first["msg"]).removeprefix("Value error, ")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if len(exc.args) == 1 and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


def describe(error: object, translate: Any) -> str:
    """``error`` for a person, in the language of ``translate(context, source)``: a
    :class:`SeminarError` with its place ("line 5: …", "FILE:3 (field): …"), any
    other exception by :func:`error_text`, anything with a ``text()`` method (an
    import warning) by that, a string as :func:`~seminar_gui.core.messages.render`
    gives it."""
    if isinstance(error, SeminarError):
        return render(error.text(), translate)
    if isinstance(error, BaseException):
        return render(error_text(error), translate)
    text = getattr(error, "text", None)
    if callable(text):
        return render(text(), translate)
    return render(error if isinstance(error, str) else str(error), translate)
