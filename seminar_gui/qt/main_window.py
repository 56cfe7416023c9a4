"""The organizer's window (the shell): calendar, session editor and live preview side by side.

The shell builds the shared objects (the :class:`ProjectDocument`, the
:class:`Selection`, the :class:`Asker`), puts each feature's panel in place, wires the
few things that cross features (files dropped on the calendar go to the slide-drop
controller) and owns the menus.  Features never talk to each other directly: they
share the document, the selection and their signals.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.core.errors import EditError
from seminar_gui.core.model import Document
from seminar_gui.qt import commands
from seminar_gui.qt.asker import Asker
from seminar_gui.qt.calendar.panel import SemesterCalendar
from seminar_gui.qt.common.i18n import shown
from seminar_gui.qt.common.widgets import ElidedLabel
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.editor.session_editor import SessionEditor
from seminar_gui.qt.files.controller import FileController
from seminar_gui.qt.files.watcher import digest
from seminar_gui.qt.lookup.bar import PaperLookupBar
from seminar_gui.qt.people.dock import add_people_dock
from seminar_gui.qt.preview.view import PreviewView
from seminar_gui.qt.problems.panel import ProblemsList, add_problems_dock
from seminar_gui.qt.publish.status import RepoStatusLabel, uncommitted_problems
from seminar_gui.qt.selection import Selection
from seminar_gui.qt.welcome.banner import DemoBanner
from seminar_gui.settings import Settings, save_settings
from seminar_gui.translations import LANGUAGES

if TYPE_CHECKING:
    from seminar_gui.qt.publish.controller import PublishController
    from seminar_gui.qt.slides.drop_controller import SlideDropController


# MainWindow.painted comes this long after the window is shown, at the latest.
PAINTED_AT_THE_LATEST_MS = 1000


class MainWindow(QMainWindow):
    # Once, at the turn of the event loop after the window's first paint: what the
    # window need not have before it is on screen is done then (app.py).
    painted = Signal()

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("seminar-gui main window"))
        self.settings = settings or Settings()
        self.document = ProjectDocument(parent=self)
        self.selection = Selection(self.document, self)
        self.asker = Asker(self)
        self.files = FileController(self.document, self.settings, self.asker, self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setAccessibleName(self.tr("Calendar, editor and preview"))
        # Made inside the splitter (which adds them in this order): a panel moved into it
        # afterwards has its style sheets applied a second time.
        self.calendar = SemesterCalendar(self.document, self.selection, self.splitter)
        self.editor = SessionEditor(self.document, self.selection, self.splitter)
        self.preview = PreviewView(self.document, self.selection, self.splitter)
        for widget in (self.calendar, self.editor, self.preview):
            self.splitter.setCollapsible(self.splitter.indexOf(widget), False)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.banner = DemoBanner(self)
        self.banner.setVisible(False)
        central = QWidget(self)
        central.setObjectName("centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # Slides dropped from a file manager: taken once the window is on screen (see
        # slide_drop).
        self._slide_drop: SlideDropController | None = None
        self.painted.connect(lambda: self.slide_drop)
        # An arXiv id or DOI in the URL field offers to fill the paper in (asynchronously).
        form = self.editor.form
        self.paper_lookup = PaperLookupBar(
            self.document, form.edits["url"], lambda: form.topic_id, self.settings
        )
        form.add_below_url(self.paper_lookup)
        self.problems = ProblemsList(self.document, self.selection, self)
        self.problems.hold_until(self.painted)
        self.problems_dock = add_problems_dock(self, self.problems)
        # Who presents (View › People): hidden, its panel made when first shown.
        self.people_dock = add_people_dock(
            self, self.document, self.selection, beside=self.problems_dock
        )
        self._announce_dialog: QWidget | None = None  # made on first use
        self.problems.siteFolderRequested.connect(self.project_settings)

        self.path_label = ElidedLabel(self.statusBar())  # "…" inside a long path
        self.path_label.setObjectName("pathLabel")
        self.path_label.setAccessibleName(self.tr("Project file"))
        self.statusBar().addPermanentWidget(self.path_label)
        # The site's Git state (asked off the GUI thread; hidden outside a repository),
        # and its slide files linked but not committed, in the Problems panel.
        self.repo_status = RepoStatusLabel(self.document, self)
        self.statusBar().addPermanentWidget(self.repo_status)
        self.repo_status.statusChanged.connect(self._repo_status_changed)
        self._publisher: PublishController | None = None  # File › Publish…, on first use
        self.statusBar().setObjectName("statusBar")

        self._build_actions()
        self._build_menus()
        self.document.message.connect(lambda text: self.statusBar().showMessage(shown(text), 6000))
        self.document.pathChanged.connect(self._update_title)
        self.document.modifiedChanged.connect(self._update_title)
        self.files.recentChanged.connect(self._fill_recent)
        self.files.demoChanged.connect(self._demo_changed)
        # The preview's new blocks are kept at each save too, not only when the window
        # closes: a session that ends without closing it still starts fast next time.
        self.files.saved.connect(lambda _path: self.preview.renderer.keep())
        self.banner.importRequested.connect(self.files.import_readme)
        self.banner.newProjectRequested.connect(self.new_project)
        self.banner.exploreChosen.connect(self._welcomed)
        # A new document (open, import, new, restore): show its semester and a session.
        self.selection.landing = self._landing
        self.calendar.editRequested.connect(lambda _sid: self.editor.focus_first_field())
        self.calendar.settingsRequested.connect(self.semester_settings)
        self._update_title()
        self._restore_layout()

    @property
    def slide_drop(self) -> SlideDropController:
        """Slides dropped from a file manager: on the window (matched by the file's
        name), on a calendar card, on the topic form or a row of the topic list
        (undoable).  Made when the window has been painted (nothing can be dropped on
        it before; its modules and event filters cost ~2 ms of the start), or when
        first asked for."""
        if self._slide_drop is None:
            from seminar_gui.qt.slides.drop_controller import SlideDropController

            self._slide_drop = drop = SlideDropController(self.document, self.selection, self)
            drop.targets.watch_window(self)
            self.calendar.set_file_drop_handler(drop)
            drop.targets.watch_topic_form(self.editor.form, lambda: self.editor.form.topic_id)
            drop.targets.watch_topic_list(self.editor.topic_list, self.editor.topic_at)
        return self._slide_drop

    # --------------------------------------------------------------- actions
    def _action(
        self,
        name: str,
        text: str,
        slot,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(self)  # (text, self) is matched against (icon, text) first,
        action.setText(text)  # which would make QIcon's enums before the first paint
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        f = self.files
        key = QKeySequence.StandardKey
        self.act_new_project = self._action(
            "actionNewProject",
            self.tr("New &Project…"),
            self.new_project,
            "Ctrl+Shift+N",
            self.tr("Start a project of your own with its first semester"),
        )
        self.act_new_semester = self._action(
            "actionNewSemester",
            self.tr("&New Semester…"),
            self.new_semester,
            key.New,
            self.tr("Add a semester: title, meeting day, first and last date"),
        )
        self.act_open = self._action("actionOpen", self.tr("&Open…"), f.open, key.Open)
        self.act_save = self._action("actionSave", self.tr("&Save"), f.save, key.Save)
        self.act_save_as = self._action("actionSaveAs", self.tr("Save &As…"), f.save_as, key.SaveAs)
        self.act_import = self._action(
            "actionImportReadme",
            self.tr("&Import README…"),
            f.import_readme,
            "Ctrl+I",
            self.tr("Read a schedule README into a new project"),
        )
        self.act_export = self._action(
            "actionExportReadme",
            self.tr("&Export README…"),
            f.export_readme,
            "Ctrl+E",
            self.tr("Write README.md (shows the changes first)"),
        )
        self.act_export_calendar = self._action(
            "actionExportCalendar",
            self.tr("Export Ca&lendar…"),
            self.export_calendar,
            tip=self.tr("Write schedule.ics beside the README: one event per session"),
        )
        self.act_publish = self._action(
            "actionPublish",
            self.tr("Pu&blish…"),
            self.publish,
            None,
            self.tr("Commit README.md, the slides and the project to the site's Git repository"),
        )
        self.act_project_settings = self._action(
            "actionProjectSettings",
            self.tr("Project Se&ttings…"),
            self.project_settings,
            tip=self.tr("The site folder (README.md and slides/) and the slide file names"),
        )
        self.act_close = self._action(
            "actionClose", self.tr("&Close"), self.close_project, key.Close
        )
        self.act_quit = self._action("actionQuit", self.tr("&Quit"), self.close, key.Quit)
        stack = self.document.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setObjectName("actionUndo")
        self.act_undo.setShortcuts(_distinct(QKeySequence.keyBindings(key.Undo)))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setObjectName("actionRedo")
        # The platform's redo keys (X11: Ctrl+Shift+Z; Windows: Ctrl+Y) and both others,
        # each once: a key sequence bound twice is "ambiguous" and does nothing.
        redo = [*QKeySequence.keyBindings(key.Redo), QKeySequence("Ctrl+Shift+Z")]
        self.act_redo.setShortcuts(_distinct([*redo, QKeySequence("Ctrl+Y")]))
        self.act_delete = self._action(
            "actionDeleteSession", self.tr("&Delete Session"), self.delete_session
        )
        self.act_semester_settings = self._action(
            "actionSemesterSettings",
            self.tr("Se&mester Settings…"),
            self.semester_settings,
            tip=self.tr("Meeting day and time, place, online link, term dates and breaks"),
        )
        self.act_fill_slots = self._action(
            "actionFillOpenSlots",
            self.tr("&Fill Open Slots"),
            self.fill_open_slots,
            tip=self.tr("An empty session on every open meeting day from today on"),
        )
        self.act_announce = self._action(
            "actionAnnounceSession",
            self.tr("A&nnounce Session…"),
            self.announce_session,
            "Ctrl+Shift+A",
            self.tr("The selected session's announcement, plain text and Markdown, to copy"),
        )
        self.act_shortcuts = self._action(
            "actionShortcuts",
            self.tr("&Keyboard Shortcuts"),
            self.show_shortcuts,
            key.HelpContents,
            self.tr("Every key of the menus and the calendar"),
        )
        self.act_format = self._action(
            "actionReadmeFormat",
            self.tr("The README &Format"),
            self.show_format,
            tip=self.tr("What the exported README looks like"),
        )
        self.act_about = self._action("actionAbout", self.tr("&About seminar-gui"), self.about)
        self.act_about_qt = self._action(
            "actionAboutQt", self.tr("About &Qt"), lambda: QApplication.aboutQt()
        )
        # The window's own actions and the panels' toggles, not the actions Qt makes
        # inside widgets (a line edit's clear button): PySide6 would look through
        # every QAction class to wrap those (~1.5 ms of each start).
        own = self.findChildren(QAction, options=Qt.FindChildOption.FindDirectChildrenOnly)
        toggles = [dock.toggleViewAction() for dock in (self.problems_dock, self.people_dock)]
        self.addActions([*own, *toggles])

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.setObjectName("menuFile")
        menu.addActions([self.act_new_project, self.act_new_semester, self.act_open])
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("menuRecent")
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addActions([self.act_save, self.act_save_as])
        menu.addSeparator()
        menu.addActions([self.act_import, self.act_export, self.act_export_calendar])
        menu.addAction(self.act_publish)
        menu.addSeparator()
        menu.addAction(self.act_project_settings)
        menu.addSeparator()
        menu.addActions([self.act_close, self.act_quit])
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.setObjectName("menuEdit")
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addAction(self.act_delete)
        edit.addSeparator()
        edit.addActions([self.act_semester_settings, self.act_fill_slots])
        edit.addSeparator()
        edit.addAction(self.act_announce)
        view = self.menuBar().addMenu(self.tr("&View"))
        view.setObjectName("menuView")
        view.addAction(self.problems_dock.toggleViewAction())
        view.addAction(self.people_dock.toggleViewAction())
        view.addSeparator()
        view.addMenu(self._language_menu())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        help_menu.addActions([self.act_shortcuts, self.act_format])
        help_menu.addSeparator()
        help_menu.addActions([self.act_about, self.act_about_qt])
        self._fill_recent()

    def _language_menu(self) -> QMenu:
        """View › Language: the system's, or one of the translated languages."""
        menu = QMenu(self.tr("&Language"), self)
        menu.setObjectName("menuLanguage")
        group = QActionGroup(menu)
        for value, name in [("", self.tr("System Language")), *LANGUAGES.items()]:
            action = menu.addAction(name)
            action.setObjectName(f"actionLanguage_{value or 'system'}")
            action.setCheckable(True)
            action.setChecked(value == self.settings.language)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, v=value: self.set_language(v))
        return menu

    def set_language(self, value: str) -> None:
        """Remember the UI language (applies at the next start: every window, menu and
        date is built in one language)."""
        if value == self.settings.language:
            return
        self.settings.language = value
        with contextlib.suppress(Exception):
            save_settings(self.settings)
        self.statusBar().showMessage(
            self.tr("The language changes when seminar-gui starts again."), 15000
        )

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for text in self.settings.recent_files:
            path = Path(text)
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(text)
            action.setStatusTip(text)
            action.triggered.connect(lambda _c=False, p=path: self.files.open(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    # ----------------------------------------------------------------- slots
    def new_project(self) -> None:
        """A project of the organizer's own, starting with the semester they describe."""
        # The holidays of the project on show (the demo's for a first project).
        semester = self.asker.new_semester([], self.document.doc.holiday_country)
        if semester is not None and self.files.new_project(semester):
            self.selection.select_semester(semester.id)

    def new_semester(self) -> None:
        if self.files.is_demo:  # the demo's example semester stays out of their project
            self.new_project()
            if not self.files.is_demo:
                self.statusBar().showMessage(
                    self.tr("Started a new project for the semester: the demo stays an example."),
                    10000,
                )
            return
        doc = self.document.doc
        semester = self.asker.new_semester(doc.semesters, doc.holiday_country)
        if semester is None:
            return
        try:
            self.document.undo_stack.push(commands.AddSemesterCommand(self.document, semester))
        except EditError as exc:
            self.asker.error(self.tr("Could not add the semester"), exc)
            return
        self.selection.select_semester(semester.id)

    def _demo_changed(self, demo: bool) -> None:
        """The banner shows while the demo is open; the first start's welcome once."""
        if demo:
            first_start = not self.settings.welcomed and not self.settings.recent_files
            self.banner.set_welcome(first_start)
        else:
            self._welcomed()
        self.banner.setVisible(demo)

    def _welcomed(self) -> None:
        if not self.settings.welcomed:
            self.settings.welcomed = True
            with contextlib.suppress(Exception):
                save_settings(self.settings)

    def project_settings(self) -> None:
        from seminar_gui.qt.project_settings.dialog import edit_project_settings

        edit_project_settings(self.document, self)

    def semester_settings(self) -> None:
        from seminar_gui.qt.semesters.settings_dialog import edit_semester_settings  # first use

        if self.selection.semester_id:
            edit_semester_settings(self.document, self.selection.semester_id, self)

    def fill_open_slots(self) -> None:
        from seminar_gui.qt.semesters.settings_dialog import fill_open_slots  # first use

        if self.selection.semester_id:
            fill_open_slots(self.document, self.selection.semester_id)

    def export_calendar(self, path: Path | None = None) -> Path | None:
        """File › Export Calendar…: schedule.ics, proposed beside the README."""
        from seminar_gui.qt.calendar_feed.export import export_calendar  # on first use

        return export_calendar(self.document, self, path)

    def publish(self) -> None:
        """File › Publish…: commit (and push) README.md, the slides and the project."""
        if self._publisher is None:
            from seminar_gui.qt.publish.controller import PublishController  # on first use

            self._publisher = PublishController(self.document, self.settings, self.files.save, self)
            self._publisher.finished.connect(lambda _done: self.repo_status.refresh())
            # The project file publishing writes is no change by another program.
            self._publisher.projectWriting.connect(
                lambda text: self.files.watcher.ignore(digest(text.encode("utf-8")))
            )
        self._publisher.start()

    def _repo_status_changed(self, status: object) -> None:
        links = getattr(status, "uncommitted_slides", None) or []
        self.problems.set_extra("git", uncommitted_problems(self.document.doc, links))

    def announce_session(self) -> None:
        """Edit › Announce Session…: a window beside the calendar, following the selection."""
        if self._announce_dialog is None:
            from seminar_gui.qt.announce.dialog import AnnounceDialog  # on first use

            self._announce_dialog = AnnounceDialog(self.document, self.selection, self)
        self._announce_dialog.show()
        self._announce_dialog.raise_()
        self._announce_dialog.activateWindow()

    def delete_session(self) -> None:
        if self.selection.session_id:
            self.document.undo_stack.push(
                commands.RemoveSessionCommand(self.document, self.selection.session_id)
            )

    def close_project(self) -> None:
        """Close the project: the window stays, with an empty untitled project."""
        if self.files.maybe_save():
            self.files.is_demo = False
            self.document.reset(Document(), None)

    def open_initial(self, path: Path | None, *, recover: bool = True) -> None:
        """Start-up: FILE, else the last document, else the demo; then offer recovery
        (``recover`` False: leave unsaved work of crashed sessions for a later start)."""
        last = self.settings.last_document
        if path is not None:
            if not self.files.load(path):
                self.files.open_demo()
        elif last and Path(last).is_file() and self.files.load(Path(last)):
            pass
        else:
            self.files.open_demo()
        if recover:
            self.files.offer_recovery()
        self._update_title()

    def _landing(self, doc: Document) -> tuple[str | None, str | None]:
        """Where a new document opens: the semester shown last time (else the first),
        with its next session (else its latest)."""
        title = self.settings.last_semester.get(str(self.document.path or ""))
        semesters = doc.semesters
        semester = next((s for s in semesters if s.title == title), None)
        semester = semester or (semesters[0] if semesters else None)
        if semester is None:
            return None, None
        today = dt.date.today()
        upcoming = [s for s in semester.sessions if s.date >= today]
        session = upcoming[-1] if upcoming else (semester.sessions or [None])[0]
        return semester.id, session.id if session is not None else None

    def about(self) -> None:
        from seminar_gui.qt.help.dialogs import about_dialog  # on first use

        about_dialog(self).exec()

    def show_shortcuts(self) -> None:
        from seminar_gui.qt.help.dialogs import shortcuts_dialog  # on first use

        shortcuts_dialog(self.menu_actions(), self).exec()

    def show_format(self) -> None:
        from seminar_gui.qt.help.dialogs import format_dialog  # on first use

        format_dialog(self).exec()

    def menu_actions(self) -> list[QAction]:
        """Every action of the menu bar, in menu order (submenus included)."""
        found: list[QAction] = []

        def walk(menu: QMenu) -> None:
            for action in menu.actions():
                if action.menu() is not None:
                    walk(action.menu())
                elif not action.isSeparator():
                    found.append(action)

        for top in self.menuBar().actions():
            if top.menu() is not None:
                walk(top.menu())
        return found

    def _update_title(self, *_: object) -> None:
        name = self.document.display_name
        if self.files.is_demo:
            name = self.tr("Demo semester")
        self.setWindowTitle(f"{name}[*] — seminar-gui")
        self.setWindowModified(self.document.is_modified)
        self.path_label.setText(str(self.document.path or ""))

    # ---------------------------------------------------------------- layout
    def _restore_layout(self) -> None:
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        else:
            self.resize(1400, 900)
        if len(self.settings.splitter_sizes) == 3:
            self.splitter.setSizes(self.settings.splitter_sizes)
        else:
            self.splitter.setSizes([670, 365, 365])  # the legend fits beside the chooser

    def _save_layout(self) -> None:
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.splitter_sizes = self.splitter.sizes()
        semester = self.selection.semester_id
        if semester and self.document.path:
            title = self.document.doc.semester(semester).title
            self.settings.last_semester[str(self.document.path)] = title
        with contextlib.suppress(Exception):
            save_settings(self.settings)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # the whole window is painted in this turn of the loop
            QTimer.singleShot(0, self._emit_painted)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._painted:  # a platform that paints it without telling the window
            QTimer.singleShot(PAINTED_AT_THE_LATEST_MS, self._emit_painted)

    def _emit_painted(self) -> None:
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # Slide files may have been added or removed while we were in the background.
            self.document.recheck_files()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self._save_layout()
        self.files.shutdown()
        self.preview.renderer.keep()  # the next start shows this page without Markdown
        event.accept()


def _distinct(keys: list[QKeySequence]) -> list[QKeySequence]:
    """``keys`` without repeats (in order)."""
    seen: set[str] = set()
    kept = []
    for key in keys:
        text = key.toString(QKeySequence.SequenceFormat.PortableText)
        if text and text not in seen:
            seen.add(text)
            kept.append(key)
    return kept
