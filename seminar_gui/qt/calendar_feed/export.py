"""Export the calendar feed (core/ics.py) from the window: ask where, write, tell."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from seminar_gui.core.errors import SeminarError
from seminar_gui.qt.common.i18n import shown_error, translate
from seminar_gui.qt.document import ProjectDocument

FILE_NAME = "schedule.ics"
ICS_FILTER = QT_TRANSLATE_NOOP("calendar_feed", "iCalendar (*.ics);;All files (*)")


def proposed_path(document: ProjectDocument) -> Path:
    """schedule.ics in the site folder (beside README.md), else beside the project file,
    else in the current folder (a new project)."""
    folder = document.site_folder()
    if folder is None and document.path is not None:
        folder = document.path.parent
    return (folder or Path.cwd()) / FILE_NAME


def ask_path(document: ProjectDocument, parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("calendar_feed", "Export Calendar"),
        str(proposed_path(document)),
        translate("calendar_feed", ICS_FILTER),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".ics")


def export_calendar(
    document: ProjectDocument, parent: QWidget, path: Path | None = None
) -> Path | None:
    """Write the calendar of every session to ``path`` (None: ask); the path written."""
    if path is None:
        path = ask_path(document, parent)
        if path is None:
            return None
    from seminar_gui.core.atomic import atomic_write_text
    from seminar_gui.core.ics import export_ics

    try:
        atomic_write_text(path, export_ics(document.doc))
    except (SeminarError, OSError) as exc:
        box = QMessageBox(parent)
        box.setObjectName("calendarExportError")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("calendar_feed", "Could not write the calendar"))
        box.setText(shown_error(exc))
        box.exec()
        return None
    sessions = sum(len(s.sessions) for s in document.doc.semesters)
    document.message.emit(
        translate("calendar_feed", "Wrote {path} ({n} sessions)").format(path=path, n=sessions)
    )
    return path
