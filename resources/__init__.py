"""Data files shipped with seminar-gui (demo semester, stylesheet, icons).

They lie in this package's folder in every form seminar-gui is installed in (a wheel,
an editable install, the bundle of packaging/), so they are read from :data:`FOLDER`
directly: ``importlib.resources.files()`` finds the same folder, but its first call
imports its readers, ~1 ms of a start that reads the stylesheet or the demo."""

from __future__ import annotations

from pathlib import Path

#: The folder of the data files.
FOLDER = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The data file ``name``."""
    return FOLDER / name


def read_text(name: str) -> str:
    """The text of the data file ``name`` (UTF-8)."""
    return path(name).read_text("utf-8")
