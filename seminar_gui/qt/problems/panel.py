"""The Problems list: what ``seminar-gui check`` finds, live, in a dock of the window.

It shows :func:`~seminar_gui.core.checks.check_document` and
:func:`~seminar_gui.core.checks.check_files` (slides links against the site folder)
for the semester on show (and what belongs to none, like unlinked files), errors
first, one row "where — message" each.  It checks when the window is idle: 300 ms
after the last change of the document (:data:`DEBOUNCE_MS`), :data:`IDLE_MS` after a
new document or another semester is shown (never before the window's first paint:
:meth:`ProblemsList.hold_until`), when the site folder changes, and when the document
says that files may have changed (the window became active again, slides were
dropped).
Activating a row (double-click or Enter) selects its session or topic; a file no
topic links to opens its folder; a problem with the site folder asks for the project
settings (:attr:`ProblemsList.siteFolderRequested`).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QWidget,
)

from seminar_gui.core.checks import SEVERITY_ORDER, Problem, check_document, check_files
from seminar_gui.core.model import Document
from seminar_gui.core.slides import SLIDES_DIR
from seminar_gui.qt.common.i18n import shown, translate
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

DEBOUNCE_MS = 300
IDLE_MS = 50  # a new document or semester: checked once the window has painted
ProblemRole = Qt.ItemDataRole.UserRole + 1  # the row's Problem (None for "No problems")


def files_key(
    doc: Document, site: Path | None, today: dt.date, semester_id: str | None
) -> tuple[Any, ...]:
    """What :func:`check_files` depends on, cheaply: the slides links of the semester
    checked with what their messages name, the other semesters (their links name the
    files that are not orphans), the site folder and the time its slides/ folder last
    changed.

    (check_files reads the folder once per link, too slow for every pause in typing; a
    title or note edit does not change this key.  The other semesters are compared as
    objects: an unchanged one is the same object after an edit, so a 20-year archive's
    key costs what one semester's does.)
    """
    try:
        changed = os.stat(site / SLIDES_DIR).st_mtime_ns if site is not None else None
    except OSError:
        changed = None
    checked = [m for m in doc.semesters if m.id == semester_id]
    links = tuple(
        (m.title, s.id, s.date, i, t.id, t.heading, t.slides)
        for m in checked
        for s in m.sessions
        for i, t in enumerate(s.topics)
    )
    others = tuple(m for m in doc.semesters if m.id != semester_id)
    return site, changed, today, semester_id, links, others


class ProblemsList(QListWidget):
    """The problems of the open project; activate one to go there."""

    #: A problem with the site folder was activated: show the project settings.
    siteFolderRequested = Signal()

    def __init__(
        self,
        document: ProjectDocument,
        selection: Selection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._icons: dict[str, QIcon] = {}  # by severity, for the style in use
        self.setObjectName("problemsList")
        self.setAccessibleName(self.tr("Problems"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)
        # A row's height, measured on a row like the ones to come (an icon, text in
        # the UI language): the dock is sized to three rows before the first check.
        # (A colour as its decoration takes an icon's place: the style's icons, and
        # QStyle, are made at the first check, not before the first paint.)
        probe = QListWidgetItem(self.tr("No problems"))
        probe.setData(Qt.ItemDataRole.DecorationRole, QColor(Qt.GlobalColor.transparent))
        self.addItem(probe)
        self._row_height = self.sizeHintForRow(0)
        self.clear()
        self._document = document
        self._selection = selection
        self.problems: list[Problem] = []
        self._files: tuple[tuple[Any, ...], list[Problem]] | None = None  # key, found
        #: Problems other features find off the GUI thread (e.g. slide files not
        #: committed to Git), by source: shown with the rest (:meth:`set_extra`).
        self._extra: dict[str, list[Problem]] = {}
        #: The date sessions count as past from (None: today); tests set it.
        self.today: dt.date | None = None
        self._held_for: int | None = None  # a check due (ms, 0: none) before the window shows
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        # Edits are checked after a pause; a new document (open, import, restore) as
        # soon as the window has painted it.
        document.changed.connect(lambda ids: self.schedule_refresh(DEBOUNCE_MS if ids else IDLE_MS))
        document.siteFolderChanged.connect(lambda _folder: self.schedule_refresh())
        document.filesChanged.connect(self._files_changed)
        self.itemActivated.connect(self._activated)
        # Only the semester on show (and what belongs to none, like orphan files):
        # an archive of many years would otherwise bury this term's problems.
        self._shown_semester: str | None = None
        selection.changed.connect(self._semester_changed)
        self.schedule_refresh(IDLE_MS)

    def _semester_changed(self) -> None:
        if self._selection.semester_id != self._shown_semester:
            self.schedule_refresh(IDLE_MS)

    def sizeHint(self) -> QSize:
        """Small: three rows (the dock starts low at the bottom of the window)."""
        row = self.sizeHintForRow(0) if self.count() else self._row_height
        row = max(row, self.fontMetrics().lineSpacing() + 6) + 2 * self.spacing()
        return QSize(480, 3 * row + 2 * self.frameWidth())

    # ---------------------------------------------------------------- refresh
    def schedule_refresh(self, delay_ms: int = DEBOUNCE_MS) -> None:
        """Check when the window has been idle for ``delay_ms`` (restarted by each call,
        but a pending shorter wait, for a new document, stays)."""
        if self._held_for is not None:  # not before the window is on screen
            self._held_for = min(self._held_for or delay_ms, delay_ms)
            return
        if self._timer.isActive() and self._timer.interval() < delay_ms:
            return
        self._timer.start(delay_ms)

    def hold_until(self, shown: SignalInstance) -> None:
        """Check nothing until ``shown`` (the window's first paint) is emitted: a start
        on a busy machine would otherwise check before it paints, when the new
        document's 50 ms have passed before the event loop runs."""
        if self._timer.isActive():
            self._held_for = self._timer.interval()
            self._timer.stop()
        else:
            self._held_for = 0
        shown.connect(self._release)

    def _release(self) -> None:
        due, self._held_for = self._held_for, None
        if due:
            self.schedule_refresh(due)

    def refresh(self) -> None:
        """Check the document and the site folder now and show what was found."""
        self._timer.stop()
        doc = self._document.doc
        site = self._document.site_folder()
        self._shown_semester = semester = self._selection.semester_id
        if semester is None:
            found = []
        else:
            found = check_document(doc, today=self.today, semester_id=semester)
        found += self._check_files(doc, site, semester)
        found += [p for extra in self._extra.values() for p in extra]
        found = [p for p in found if p.semester_id in (None, semester)]
        found.sort(key=lambda p: SEVERITY_ORDER[p.severity])  # stable: document order kept
        if found == self.problems and self.count():
            return
        current = self.current_problem()
        bar = self.verticalScrollBar()
        position = bar.value()
        self.problems = found
        self.clear()
        for problem in found:
            self.addItem(self._item(problem))
        if not found:
            empty = QListWidgetItem(self._icon("ok"), self.tr("No problems"))
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            empty.setData(ProblemRole, None)
            self.addItem(empty)
        if current in found:
            self.setCurrentRow(found.index(current))
        bar.setValue(min(position, bar.maximum()))
        self._describe()

    def _check_files(self, doc: Document, site: Path | None, semester: str | None) -> list[Problem]:
        key = files_key(doc, site, self.today or dt.date.today(), semester)
        if self._files is None or self._files[0] != key:
            found = check_files(doc, site, today=self.today, semester_id=semester or "")
            self._files = key, found
        return list(self._files[1])

    def set_extra(self, source: str, problems: list[Problem]) -> None:
        """Show ``problems`` found elsewhere (by ``source``, replacing its earlier ones)."""
        if self._extra.get(source, []) == problems:
            return
        self._extra[source] = list(problems)
        self.schedule_refresh(IDLE_MS)

    def recheck_files(self) -> None:
        """Read the site folder again now (files may have changed in a subfolder)."""
        self._files = None
        self.refresh()

    def _files_changed(self) -> None:
        self._files = None  # slide files may have been added or removed meanwhile
        self.schedule_refresh()

    def _item(self, problem: Problem) -> QListWidgetItem:
        text = self.tr("{where} — {message}").format(
            where=shown(problem.where), message=shown(problem.message)
        )
        item = QListWidgetItem(self._icon(problem.severity), text)
        item.setData(ProblemRole, problem)
        item.setToolTip(self._tooltip(problem))
        if problem.severity == "error":
            dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
            item.setForeground(QBrush(QColor("#ff8a80" if dark else "#b71c1c")))
        return item

    def _tooltip(self, problem: Problem) -> str:
        names = {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "info": self.tr("Note"),
        }
        tip = self.tr("{severity}: {message}").format(
            severity=names[problem.severity], message=shown(problem.message)
        )
        if problem.topic_id or problem.session_id:
            tip += "\n" + self.tr("Double-click or press Enter to go there.")
        elif problem.field == "site_folder":
            tip += "\n" + self.tr("Double-click or press Enter to set the site folder.")
        elif problem.path:
            tip += "\n" + self.tr("Double-click or press Enter to open its folder.")
        return tip

    def _icon(self, severity: str) -> QIcon:
        """The style's icon for ``severity``, made once per style (a list of 60
        problems asked the style 60 times)."""
        icon = self._icons.get(severity)
        if icon is None:
            # Named here: PySide6 makes QStyle's 20 enums (5 ms) when QStyle is first
            # named, and the window's first paint needs none of them.
            from PySide6.QtWidgets import QStyle

            pixmaps = {
                "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
                "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
                "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
            }
            icon = self._icons[severity] = self.style().standardIcon(pixmaps[severity])
        return icon

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:  # another style: other icons
            self._icons.clear()

    def _describe(self) -> None:
        counts = {s: sum(p.severity == s for p in self.problems) for s in SEVERITY_ORDER}
        self.setAccessibleDescription(
            self.tr("{e} errors, {w} warnings, {i} notes").format(
                e=counts["error"], w=counts["warning"], i=counts["info"]
            )
        )

    # -------------------------------------------------------------- activate
    def current_problem(self) -> Problem | None:
        item = self.currentItem()
        return item.data(ProblemRole) if item is not None else None

    def _activated(self, item: QListWidgetItem) -> None:
        problem = item.data(ProblemRole)
        if isinstance(problem, Problem):
            self.go_to(problem)

    def go_to(self, problem: Problem) -> None:
        """Select the problem's topic or session; open an unlinked file's folder."""
        try:
            if problem.topic_id or problem.session_id:
                if problem.topic_id:
                    self._selection.select_topic(problem.topic_id)
                else:
                    self._selection.select_session(problem.session_id)
                if problem.field:
                    self._selection.request_field(problem.field)
            elif problem.semester_id:
                self._selection.select_semester(problem.semester_id)
            elif problem.field == "site_folder":
                self.siteFolderRequested.emit()
            elif problem.path:
                folder = Path(problem.path).parent
                if folder.is_dir():
                    from PySide6.QtCore import QUrl
                    from PySide6.QtGui import QDesktopServices

                    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        except KeyError:  # gone since the last refresh
            self.refresh()


def add_problems_dock(window: QMainWindow, problems: ProblemsList) -> QDockWidget:
    """Put ``problems`` in a "Problems" dock at the bottom of ``window``, low at first."""
    dock = QDockWidget(translate("ProblemsList", "Problems"), window)
    dock.setObjectName("problemsDock")
    dock.setAccessibleName(translate("ProblemsList", "Problems"))
    dock.setAllowedAreas(
        Qt.DockWidgetArea.BottomDockWidgetArea
        | Qt.DockWidgetArea.LeftDockWidgetArea
        | Qt.DockWidgetArea.RightDockWidgetArea
    )
    dock.setWidget(problems)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resizeDocks([dock], [dock.sizeHint().height()], Qt.Orientation.Vertical)
    action = dock.toggleViewAction()
    action.setObjectName("actionShowProblems")
    action.setStatusTip(translate("ProblemsList", "Show or hide the list of problems"))
    return dock
