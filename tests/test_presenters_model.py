"""PresentersModel without a window: rows, edits as commands, the lead, refused names."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from seminar_gui.core.demo import load_demo
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.editor.presenters_model import ERROR_BACKGROUND, PresentersModel

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
VERTICAL = Qt.Orientation.Vertical


def _topic(document: ProjectDocument, date: dt.date, index: int) -> str:
    session = next(s for s in document.doc.semesters[0].sessions if s.date == date)
    return session.topics[index].id


def _names(document: ProjectDocument, topic_id: str) -> list[str]:
    return [p.name for p in document.doc.find_topic(topic_id)[2].presenters]


@pytest.fixture
def document(qapp) -> ProjectDocument:
    return ProjectDocument(load_demo())


@pytest.fixture
def fuselink(document: ProjectDocument) -> tuple[PresentersModel, str]:
    """FuseLink (Nov 4): Haiquan Wang (lead), Tonghuan Xiao, Jiahui Tan."""
    model = PresentersModel(document)
    topic_id = _topic(document, dt.date(2025, 11, 4), 0)
    model.set_topic(topic_id)
    return model, topic_id


def test_rows_and_columns(fuselink) -> None:
    model, _ = fuselink
    assert model.rowCount() == 3
    assert model.columnCount() == 2
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    assert model.data(model.index(0, 0), DISPLAY) == "Haiquan Wang"
    assert model.data(model.index(2, 0), EDIT) == "Jiahui Tan"
    assert model.data(model.index(1, 1), DISPLAY) == ""
    assert model.headerData(0, Qt.Orientation.Horizontal, DISPLAY) == "Name"
    assert model.headerData(1, Qt.Orientation.Horizontal, DISPLAY) == "Affiliation"
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    model.set_topic(None)
    assert model.rowCount() == 0


def test_the_first_row_is_marked_lead(fuselink) -> None:
    model, _ = fuselink
    assert "Lead" in model.headerData(0, VERTICAL, DISPLAY)
    assert model.headerData(0, VERTICAL, TOOLTIP) == "Lead presenter (the “1” of 1+N)"
    assert "Lead" not in model.headerData(1, VERTICAL, DISPLAY)
    assert model.data(model.index(0, 0), PresentersModel.IsLeadRole) is True
    assert model.data(model.index(1, 0), PresentersModel.IsLeadRole) is False


def test_set_data_pushes_one_command_with_the_full_list(document, fuselink) -> None:
    model, topic_id = fuselink
    stack = document.undo_stack
    assert model.setData(model.index(1, 1), "PKU", EDIT)
    assert stack.count() == 1
    people = document.doc.find_topic(topic_id)[2].presenters
    assert [(p.name, p.affiliation) for p in people] == [
        ("Haiquan Wang", ""),
        ("Tonghuan Xiao", "PKU"),
        ("Jiahui Tan", ""),
    ]
    assert model.data(model.index(1, 1), DISPLAY) == "PKU"
    # A second cell edit is a second undo step.
    assert model.setData(model.index(2, 0), "张伟", EDIT)
    assert stack.count() == 2
    assert _names(document, topic_id)[2] == "张伟"
    stack.undo()
    assert model.data(model.index(2, 0), DISPLAY) == "Jiahui Tan"
    assert _names(document, topic_id)[2] == "Jiahui Tan"
    assert stack.index() == 1
    # Setting the same text again pushes nothing (the redo step stays).
    assert not model.setData(model.index(0, 0), "Haiquan Wang", EDIT)
    assert (stack.index(), stack.count()) == (1, 2)


def test_an_empty_name_is_refused_but_kept_as_typed(document, fuselink, qtbot) -> None:
    model, topic_id = fuselink
    with qtbot.waitSignal(model.problemChanged) as signal:
        assert model.setData(model.index(1, 0), "", EDIT)
    assert "presenter name is empty" in signal.args[0]
    assert document.undo_stack.count() == 0
    assert _names(document, topic_id) == ["Haiquan Wang", "Tonghuan Xiao", "Jiahui Tan"]
    assert model.data(model.index(1, 0), EDIT) == ""  # what was typed, not the document
    assert model.has_pending()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole).color() == (
        ERROR_BACKGROUND
    )
    assert "empty" in model.data(model.index(1, 1), TOOLTIP)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    # A name the README would read back as two people is refused on its own row.
    assert model.setData(model.index(1, 0), "Ann, Bob", EDIT)
    assert model.data(model.index(1, 0), DISPLAY) == "Ann, Bob"
    assert "commas" in model.row_error(1)
    # Fixing the name pushes the whole list and clears the mark.
    with qtbot.waitSignal(model.problemChanged) as signal:
        assert model.setData(model.index(1, 0), "Ann Bob", EDIT)
    assert signal.args[0] == ""
    assert _names(document, topic_id) == ["Haiquan Wang", "Ann Bob", "Jiahui Tan"]
    assert not model.has_pending()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert document.undo_stack.count() == 1


def test_pending_rows_survive_other_edits_and_go_on_undo(document, fuselink) -> None:
    model, topic_id = fuselink
    model.setData(model.index(0, 1), "Alibaba", EDIT)  # one valid step
    model.setData(model.index(2, 0), "", EDIT)  # refused, kept
    other = _topic(document, dt.date(2025, 11, 4), 1)
    model.set_topic(other)
    assert model.data(model.index(0, 0), DISPLAY) == "Xiliang Xian"
    model.set_topic(topic_id)  # back: the typed (empty) name is still there
    assert model.data(model.index(2, 0), EDIT) == ""
    assert model.row_error(2)
    document.undo_stack.undo()  # the topic's presenters change: the buffer goes
    assert not model.has_pending()
    assert model.data(model.index(2, 0), DISPLAY) == "Jiahui Tan"
    assert model.data(model.index(0, 1), DISPLAY) == ""


def test_add_row_waits_for_a_name(document, fuselink) -> None:
    model, topic_id = fuselink
    row = model.add_row()
    assert row == 3 and model.rowCount() == 4
    assert document.undo_stack.count() == 0
    assert model.row_error(3) == ""  # a fresh row is not an error yet
    assert model.problem() == ""
    assert model.data(model.index(3, 0), DISPLAY) == "type a name"
    assert model.data(model.index(3, 0), EDIT) == ""
    assert model.setData(model.index(3, 0), "Wei Gao", EDIT)
    assert _names(document, topic_id)[-1] == "Wei Gao"
    assert document.undo_stack.count() == 1
    # An added row that is removed again never reaches the document.
    model.add_row()
    assert model.remove_row(4)
    assert model.rowCount() == 4 and not model.has_pending()
    assert document.undo_stack.count() == 1


def test_remove_and_move_rows(document, fuselink) -> None:
    model, topic_id = fuselink
    assert model.move_row(1, 0)  # the second presenter becomes the lead
    assert _names(document, topic_id) == ["Tonghuan Xiao", "Haiquan Wang", "Jiahui Tan"]
    assert model.data(model.index(0, 0), DISPLAY) == "Tonghuan Xiao"
    assert model.data(model.index(0, 0), PresentersModel.IsLeadRole) is True
    assert model.remove_row(2)
    assert _names(document, topic_id) == ["Tonghuan Xiao", "Haiquan Wang"]
    assert model.rowCount() == 2
    assert not model.move_row(0, 5)
    assert not model.remove_row(7)
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert _names(document, topic_id) == ["Haiquan Wang", "Tonghuan Xiao", "Jiahui Tan"]


def test_views_hear_about_changes(fuselink, qtbot) -> None:
    model, _ = fuselink
    with qtbot.waitSignal(model.dataChanged):
        model.setData(model.index(0, 1), "X", EDIT)
    with qtbot.waitSignal(model.modelReset):
        model.remove_row(0)
    assert model.rowCount() == 2
    assert not model.index(5, 0).isValid()
    assert model.data(QModelIndex(), DISPLAY) is None
