"""What a slide drop asks the organizer, and the answers: plain values.

The drop controller (:mod:`seminar_gui.qt.slides.drop_controller`) asks through
replaceable callables, a request in and an answer out: the dialogs that ask a person
(:mod:`seminar_gui.qt.slides.dialogs`, imported at the first question: Qt's dialog
classes cost every start ~4 ms otherwise), or a test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

from seminar_gui.core.slides import SourceInfo, sanitize_file_name, split_ext

Conflict = Literal["replace", "keep-both"]


def final_name(typed: str, ext: str) -> str:
    """The file name a typed name gives: sanitized, with the dropped file's extension."""
    name = sanitize_file_name(typed.strip())
    if split_ext(name)[1].lower() != ext.lower():
        name = sanitize_file_name(name + ext)
    return name


# ------------------------------------------------------------------ requests


class NameRequest(NamedTuple):
    """Ask for the name of the copy: ``source`` goes to ``target`` ("Tue Nov 25 · ROLL")."""

    source: Path
    info: SourceInfo
    site: Path
    target: str
    proposed: str  # by the group's slide-name pattern, e.g. "251125-ROLL.pdf"


class NameAnswer(NamedTuple):
    """The chosen name; on a name conflict, whether to replace or to keep both."""

    name: str
    conflict: Conflict | None = None


class TopicOption(NamedTuple):
    topic_id: str
    session_id: str
    label: str  # "Tue Nov 25 · ROLL"


class ChooseRequest(NamedTuple):
    """Ask which topic ``source`` belongs to; ``preselected`` matches the file name."""

    source: Path
    options: tuple[TopicOption, ...]
    preselected: str | None
    prompt: str
