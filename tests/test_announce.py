"""The session announcement: core text, the dialog (copy, template, undo), the CLI."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QPushButton
from qt_helpers import session_id_on

from seminar_gui import cli
from seminar_gui.cli import main
from seminar_gui.core import edits
from seminar_gui.core.announce import (
    BUILT_IN_TEMPLATE,
    announcement,
    next_session,
    session_on,
    unknown_placeholders,
)
from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Document, Presenter, Semester, Session, Topic
from seminar_gui.core.storage import save_project
from seminar_gui.qt.commands import DocumentCommand

NOV_4 = dt.date(2025, 11, 4)


def _planned_demo() -> Document:
    doc = load_demo()
    return edits.update_semester(
        doc,
        doc.semesters[0].id,
        meeting_time="19:00-21:00",
        place="Room 3-201",
        online_link="https://meeting.example.org/abc",
    )


# ------------------------------------------------------------------------ core
def test_demo_announcement_plain_and_markdown() -> None:
    doc = _planned_demo()
    _, session = session_on(doc, NOV_4)
    result = announcement(doc, session.id)
    assert result.text.splitlines()[:4] == [
        "Reading group, 2025 Fall: Tuesday, November 4, 2025",
        "- Time: 19:00-21:00",
        "- Place: Room 3-201",
        "- Online: https://meeting.example.org/abc",
    ]
    assert "1. Enabling Efficient GPU Communication over Multiple NICs with FuseLink (OSDI'25)" in (
        result.text
    )
    assert "   https://www.usenix.org/system/files/osdi25-ren.pdf" in result.text
    assert "Presenters: Haiquan Wang (lead), Tonghuan Xiao, Jiahui Tan" in result.text
    assert "2. Fast-dLLM v2: Efficient Block-Diffusion LLM (arXiv)" in result.text
    assert (
        "2. **[Fast-dLLM v2: Efficient Block-Diffusion LLM](https://arxiv.org/pdf/2509.26328)**"
        " (arXiv)" in result.markdown
    )
    assert "- Online: <https://meeting.example.org/abc>" in result.markdown


def test_lines_without_values_are_left_out_and_notes_shown() -> None:
    doc = load_demo()  # no meeting time, place or link
    _, session = session_on(doc, dt.date(2025, 9, 29))
    text = announcement(doc, session.id).text
    assert "Time" not in text and "Place" not in text and "Online" not in text
    assert "✨ SOSP Rehearsal" in text
    assert "Presenters: Jiahao Li" in text


def test_a_chinese_template_gets_a_chinese_date() -> None:
    doc = _planned_demo()
    _, session = session_on(doc, NOV_4)
    result = announcement(doc, session.id, "组会 {date} {time}\n地点：{place}\n{presenters}")
    assert result.text == (
        "组会 2025年11月4日（星期二） 19:00-21:00\n地点：Room 3-201\n"
        "Haiquan Wang, Tonghuan Xiao, Jiahui Tan, Xiliang Xian\n"
    )


def test_unknown_placeholders_are_named_and_kept() -> None:
    assert unknown_placeholders(BUILT_IN_TEMPLATE) == []
    problems = unknown_placeholders("{room} {date} {{literal}}")
    assert len(problems) == 1 and "{room}" in problems[0]
    doc = load_demo()
    _, session = session_on(doc, NOV_4)
    assert announcement(doc, session.id, "{room} {{x}}").text == "{room} {x}\n"


def _project(sessions: list[dt.date], tmp_path) -> str:
    semesters: dict[str, list[Session]] = {}
    for day in sessions:
        title = f"{day.year} Fall"
        topic = Topic(presenters=[Presenter(name="Ann Lee")])
        semesters.setdefault(title, []).append(Session(date=day, topics=[topic]))
    doc = Document(semesters=[Semester(title=t, sessions=s) for t, s in semesters.items()])
    path = tmp_path / "p.json"
    save_project(doc, path)
    return str(path)


def test_next_session_is_the_first_on_or_after_today() -> None:
    doc = load_demo()
    assert next_session(doc, dt.date(2025, 11, 12))[1].date == dt.date(2025, 11, 18)
    assert next_session(doc, dt.date(2025, 11, 18))[1].date == dt.date(2025, 11, 18)  # today
    assert next_session(doc, dt.date(2025, 9, 1))[1].date == dt.date(2025, 9, 16)
    assert next_session(doc, dt.date(2025, 12, 3)) is None


def test_cli_announce_defaults_to_the_next_session(tmp_path, capsys, monkeypatch) -> None:
    class Nov12(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2025, 11, 12)

    monkeypatch.setattr(cli, "dt", SimpleNamespace(date=Nov12))
    project = tmp_path / "demo.json"
    save_project(load_demo(), project)
    assert main(["announce", str(project)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Reading group, 2025 Fall: Tuesday, November 18, 2025\n")
    assert "HydraServe" in out and "Presenters: Jiyang Wang" in out
    assert main(["announce", str(project), "--date", "2025-11-04", "--markdown"]) == 0
    assert "**[Fast-dLLM v2" in capsys.readouterr().out


def test_cli_announce_without_a_coming_session(tmp_path, capsys) -> None:
    project = _project([dt.date(2020, 9, 15)], tmp_path)
    assert main(["announce", project]) == 2
    assert "no session on or after" in capsys.readouterr().err
    assert main(["announce", project, "--date", "2020-09-16"]) == 2
    assert "no session on 2020-09-16" in capsys.readouterr().err
    assert main(["announce", project, "--date", "2020-09-15"]) == 0
    assert "Tuesday, September 15, 2020" in capsys.readouterr().out


# ---------------------------------------------------------------- the dialog
@pytest.fixture
def dialog(window, qtbot):
    window.selection.select_session(session_id_on(window.document, NOV_4))
    window.findChild(type(window.act_announce), "actionAnnounceSession").trigger()
    dialog = window.findChild(QPlainTextEdit, "announceText").window()
    qtbot.waitExposed(dialog)
    return dialog


def test_dialog_shows_the_selected_session_and_follows(window, dialog) -> None:
    text = dialog.findChild(QPlainTextEdit, "announceText").toPlainText()
    markdown = dialog.findChild(QPlainTextEdit, "announceMarkdown").toPlainText()
    assert "Tuesday, November 4, 2025" in text and "FuseLink" in text
    assert "](https://arxiv.org/pdf/2509.26328)" in markdown
    window.selection.select_session(session_id_on(window.document, dt.date(2025, 11, 25)))
    text = dialog.findChild(QPlainTextEdit, "announceText").toPlainText()
    assert "Tuesday, November 25, 2025" in text and "Wei Gao (Alibaba ROLL)" in text


def test_copy_puts_the_text_on_the_clipboard(dialog, qtbot) -> None:
    from PySide6.QtCore import Qt

    clipboard = QGuiApplication.clipboard()
    qtbot.mouseClick(dialog.findChild(QPushButton, "copyTextButton"), Qt.MouseButton.LeftButton)
    assert clipboard.text() == dialog.findChild(QPlainTextEdit, "announceText").toPlainText()
    assert clipboard.text().startswith("Reading group, 2025 Fall: Tuesday, November 4, 2025")
    qtbot.mouseClick(dialog.findChild(QPushButton, "copyMarkdownButton"), Qt.MouseButton.LeftButton)
    assert "**[Enabling Efficient GPU" in clipboard.text()
    assert "Copied" in dialog.status.text()


def test_template_edit_is_live_saved_once_and_undoable(window, dialog) -> None:
    edit = dialog.findChild(QPlainTextEdit, "templateEdit")
    save = dialog.findChild(QPushButton, "saveTemplateButton")
    assert edit.toPlainText() == BUILT_IN_TEMPLATE and not save.isEnabled()
    edit.setPlainText("Seminar on {date}: {papers}\n{room}")
    assert "{room}" in dialog.template_message.text()  # named, and cannot be saved
    assert not save.isEnabled()
    edit.setPlainText("Seminar on {date}\n{papers}")
    text = dialog.findChild(QPlainTextEdit, "announceText").toPlainText()
    assert text.startswith("Seminar on Tuesday, November 4, 2025\n- Enabling Efficient")
    assert save.isEnabled()
    steps = window.document.undo_stack.count()
    save.click()
    assert window.document.doc.announcement_template == "Seminar on {date}\n{papers}"
    assert window.document.undo_stack.count() == steps + 1
    assert not save.isEnabled()
    window.document.undo_stack.undo()
    assert window.document.doc.announcement_template == ""
    assert edit.toPlainText() == BUILT_IN_TEMPLATE  # the editor shows the stored one again
    window.document.undo_stack.redo()
    assert edit.toPlainText() == "Seminar on {date}\n{papers}"
    dialog.findChild(QPushButton, "resetTemplateButton").click()
    save.click()
    assert window.document.doc.announcement_template == ""  # built-in is stored as ""


def test_no_session_selected(window, dialog) -> None:
    window.selection.select_session(None)
    assert "Select a session" in dialog.title.text()
    assert not dialog.findChild(QPushButton, "copyTextButton").isEnabled()


def test_semester_settings_reach_the_open_dialog(window, dialog) -> None:
    doc = window.document.doc
    after = edits.update_semester(doc, doc.semesters[0].id, place="Room 3-201")
    window.document.undo_stack.push(DocumentCommand(window.document, after, "place"))
    assert "- Place: Room 3-201" in dialog.findChild(QPlainTextEdit, "announceText").toPlainText()
