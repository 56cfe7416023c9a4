"""The People dock of the window: built the first time it is shown (not at start-up)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from seminar_gui.qt.common.i18n import translate
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection

PEOPLE_HEIGHT = 260  # px: about eight rows of the table


def add_people_dock(
    window: QMainWindow,
    document: ProjectDocument,
    selection: Selection,
    beside: QDockWidget | None = None,
) -> QDockWidget:
    """A hidden "People" dock at the bottom of ``window`` (a tab next to ``beside``);
    its panel is made when the dock first shows.  Its toggle action is View › People."""
    dock = QDockWidget(translate("PeoplePanel", "People"), window)
    dock.setObjectName("peopleDock")
    dock.setAccessibleName(translate("PeoplePanel", "People"))
    dock.setAllowedAreas(
        Qt.DockWidgetArea.BottomDockWidgetArea
        | Qt.DockWidgetArea.LeftDockWidgetArea
        | Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    if beside is not None:
        window.tabifyDockWidget(beside, dock)
    dock.hide()

    def build(shown: bool) -> None:
        if shown and dock.widget() is None:
            from seminar_gui.qt.people.panel import PeoplePanel  # on first use

            dock.setWidget(PeoplePanel(document, selection, dock))

    def shown(checked: bool) -> None:
        build(checked)
        if checked:
            dock.raise_()  # the front tab, beside the Problems
            # The bottom docks start low (the Problems' few rows): give the table room.
            if dock.height() < PEOPLE_HEIGHT:
                window.resizeDocks([dock], [PEOPLE_HEIGHT], Qt.Orientation.Vertical)

    dock.visibilityChanged.connect(build)  # also when restored or dragged out
    action = dock.toggleViewAction()
    action.triggered.connect(shown)  # after the dock's own slot: it is visible now
    action.setObjectName("actionShowPeople")
    action.setShortcut("Ctrl+Shift+P")
    action.setStatusTip(
        translate("PeoplePanel", "Show or hide who presents, with their lead and supporting turns")
    )
    return dock
