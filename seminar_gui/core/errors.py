"""The project's own errors: each names the file, the place in it, and what to do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


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
        where = self.file or ""
        if self.line is not None:
            where += f":{self.line}" if where else f"line {self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.field:
            where += f" ({self.field})" if where else self.field
        return where

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class ProjectFileError(SeminarError):
    """A project (JSON) file could not be read or written."""


class ReadmeImportError(SeminarError):
    """A README could not be imported; always carries a line number."""


class ValidationProblem(SeminarError):
    """A document does not validate (raised by checks and by the exporter)."""


class EditError(SeminarError):
    """An edit was refused because the result would not be a valid document."""


def read_input(path: Path, error: Callable[[str], SeminarError]) -> bytes:
    """The bytes of a file the user gave us (a README, a project file).

    A file that cannot be read raises ``error(reason)``: the caller's own message,
    naming what the file was for.  The one place every input enters the core.
    """
    try:
        return path.read_bytes()
    except OSError as exc:
        raise error(exc.strerror or str(exc)) from None
