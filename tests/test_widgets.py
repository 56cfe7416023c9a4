"""The small widget helpers of ``qt/common/widgets.py``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QTableView, QWidget

from seminar_gui.qt.common.widgets import own_viewport


def _described(view: QAbstractItemView) -> dict[str, object]:
    port = view.viewport()
    return {
        "object name": port.objectName(),
        "background role": port.backgroundRole(),
        "fills its background": port.autoFillBackground(),
        "foreground role": port.foregroundRole(),
        "focus proxy is the view": port.focusProxy() is view,
        "parent is the view": port.parentWidget() is view,
        "visible": port.isVisible(),
        "geometry": port.geometry(),
        "accepts drops": port.acceptDrops(),
        "mouse tracking": port.hasMouseTracking(),
        "cursor": port.cursor().shape(),
        "palette base": port.palette().color(port.backgroundRole()).name(),
        "attributes": [a.name for a in Qt.WidgetAttribute if port.testAttribute(a)],
    }


@pytest.mark.parametrize("kind", [QTableView, QListView])
def test_an_own_viewport_is_the_one_qt_makes(qtbot, kind: type[QAbstractItemView]) -> None:
    # own_viewport spares PySide6 a search through every QWidget class at start; the
    # view must not notice: the same settings, attributes and place, shown and polished.
    holders, views = [], []
    for own in (False, True):
        holder = QWidget()
        qtbot.addWidget(holder)
        holders.append(holder)
        view = kind(holder)
        if own:
            made = own_viewport(view)
            assert view.viewport() is made
        view.setAcceptDrops(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setGeometry(0, 0, 300, 200)
        holder.show()
        qtbot.waitExposed(holder)
        views.append(view)
    default, ours = (_described(view) for view in views)
    assert ours == default
