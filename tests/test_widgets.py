"""The small widget helpers of ``qt/common/widgets.py``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qt_helpers import colours

from seminar_gui.qt.common.widgets import own_viewport, set_validity


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


class DateLine(QLineEdit):
    """A field of ours: a Python subclass is marked like the Qt class it extends."""


@pytest.mark.parametrize("kind", [QLineEdit, DateLine])
def test_a_marked_field_shows_its_border_until_it_is_normal_again(
    qtbot, kind: type[QLineEdit]
) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    rows = QVBoxLayout(form)
    field = kind("SOSP '25", form)
    rows.addWidget(field)
    form.resize(240, 60)
    form.show()
    qtbot.waitExposed(form)
    normal = field.grab().toImage()

    set_validity(field, "warning")  # after the field was shown (and polished)
    warned = field.grab().toImage()
    assert field.property("validity") == "warning"
    assert "#d98e04" in colours(warned) - colours(normal)

    set_validity(field, "error")
    assert "#c62828" in colours(field.grab().toImage())

    set_validity(field, "")
    assert field.grab().toImage() == normal


def test_a_field_marked_before_it_is_shown_has_its_look_when_shown(qtbot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    rows = QVBoxLayout(form)
    field, message = QLineEdit("x", form), QLabel("paper has a URL but no title", form)
    rows.addWidget(field)
    rows.addWidget(message)
    set_validity(field, "error")
    set_validity(message, "error")
    form.show()
    qtbot.waitExposed(form)
    assert "#c62828" in colours(field.grab().toImage())
    assert message.palette().color(message.foregroundRole()) == QColor("#b71c1c")
