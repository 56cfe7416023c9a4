"""The group's rules (issue 11, item 2): each fires on a document that breaks it and is
silent on one that keeps it, each switch in Project Settings silences it, and on the
demo the sessions without a SOSP/OSDI paper and an arXiv paper are listed, in the
Problems panel and by ``seminar-gui check``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel

from seminar_gui.cli import main
from seminar_gui.core import rules
from seminar_gui.core.checks import Problem, check_document
from seminar_gui.core.dates import day_text, short_day_text
from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Document, Paper, Presenter, Rules, Semester, Session, Topic
from seminar_gui.core.storage import save_project
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.problems.panel import ProblemsList
from seminar_gui.qt.project_settings.dialog import ProjectSettingsDialog, country_code
from seminar_gui.qt.selection import Selection

TODAY = dt.date(2025, 12, 10)  # every session below is over
SOSP = "https://dl.acm.org/doi/pdf/10.1145/3731569.3764805"
OSDI = "https://www.usenix.org/system/files/osdi25-ren.pdf"
ARXIV = "https://arxiv.org/pdf/2510.08666"
RULE_NAMES = list(Rules.model_fields)


def topic(title: str, url: str, venue: str, *presenters: str, **kwargs: Any) -> Topic:
    values: dict[str, Any] = {
        "slides": "./slides/x.pdf",
        "video": "https://www.bilibili.com/video/BV1",
    }
    return Topic(
        paper=Paper(title=title, url=url, venue=venue),
        presenters=[Presenter(name=name) for name in presenters],
        **{**values, **kwargs},
    )


def session(date: str, *topics: Topic) -> Session:
    return Session(date=dt.date.fromisoformat(date), topics=list(topics))


def clean_sessions() -> list[Session]:
    """Three Tuesdays that keep every rule (and have no other problem)."""
    return [
        session(
            "2025-11-18",
            topic("Pie: Programmable Serving", "https://www.yecl.org/pie.pdf", "SOSP '25", "Shen"),
            topic("HydraServe: Cold Starts", "https://arxiv.org/pdf/2502.15524v2", "arXiv", "Ji"),
        ),
        session(
            "2025-11-11",
            topic("FuseLink: GPU Communication", OSDI, "OSDI'25", "Haiquan", "Shen"),
            topic("FalconFS: File System", "https://arxiv.org/abs/2507.10367", "arxiv", "Chi"),
        ),
        session(
            "2025-11-04",
            topic("Spirit: Fair Allocation", SOSP, "SOSP '25", "Yicheng"),
            topic("dInfer: Diffusion Inference", ARXIV, "arXiv", "Yuxin"),
        ),
    ]


def document(*sessions: Session, title: str = "2025 Fall", **settings: bool) -> Document:
    return Document(
        rules=Rules(**settings), semesters=[Semester(title=title, sessions=list(sessions))]
    )


def broken(name: str) -> Document:
    """A document that breaks the rule ``name`` once (and keeps the others)."""
    s18, s11, s04 = clean_sessions()
    if name == "one_conference_one_arxiv":
        s11 = s11.model_copy(update={"topics": s11.topics[1:]})  # FalconFS alone
    elif name == "lead_presenter":
        t = s11.topics[1].model_copy(update={"presenters": []})
        s11 = s11.model_copy(update={"topics": [s11.topics[0], t]})
    elif name == "no_repeated_paper":
        again = topic("FalconFS", "https://arxiv.org/pdf/2507.10367v2", "arXiv", "Ada")
        s18 = s18.model_copy(update={"topics": [s18.topics[0], again]})
    elif name == "slides_and_video":
        t = s11.topics[1].model_copy(update={"video": ""})
        s11 = s11.model_copy(update={"topics": [s11.topics[0], t]})
    elif name == "no_consecutive_lead":
        t = topic("Pie: Programmable Serving", "https://www.yecl.org/pie.pdf", "SOSP '25", "chi ")
        s18 = s18.model_copy(update={"topics": [t, s18.topics[1]]})
    return document(s18, s11, s04)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


# ------------------------------------------------------------------ every rule


def test_every_switch_has_its_rule() -> None:
    assert list(rules.RULES) == RULE_NAMES


def test_a_document_that_keeps_the_rules_has_no_problems() -> None:
    assert check_document(document(*clean_sessions()), today=TODAY) == []


@pytest.mark.parametrize("name", RULE_NAMES)
def test_each_rule_fires_on_a_document_that_breaks_it(name: str) -> None:
    doc = broken(name)
    problem = only(check_document(doc, today=TODAY))
    assert problem.semester_id == doc.semesters[0].id and problem.session_id
    assert only(rules.RULES[name](doc, TODAY, None)) == problem  # that rule, no other
    for other in RULE_NAMES:
        if other != name:
            assert rules.RULES[other](doc, TODAY, None) == []


@pytest.mark.parametrize("name", RULE_NAMES)
def test_each_switch_off_silences_its_rule(name: str) -> None:
    doc = broken(name)
    off = doc.model_copy(update={"rules": Rules(**{name: False})})
    assert check_document(off, today=TODAY) == []
    all_off = doc.model_copy(update={"rules": Rules(**dict.fromkeys(RULE_NAMES, False))})
    assert check_document(all_off, today=TODAY) == []


# ---------------------------------------------- one SOSP/OSDI and one arXiv paper


def test_a_session_with_one_arxiv_paper_only_names_its_date_and_paper() -> None:
    doc = broken("one_conference_one_arxiv")
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field, p.topic_id) == ("warning", "paper.venue", None)
    assert p.session_id == doc.semesters[0].sessions[1].id  # a click selects the session
    assert p.where == "2025 Fall › Nov 11"
    assert p.message.startswith(
        "the session on November 11 has no SOSP or OSDI paper (FalconFS [arxiv]): "
    )


@pytest.mark.parametrize(
    ("topics", "start"),
    [
        (
            [("Spirit", SOSP, "SOSP '25"), ("FuseLink", OSDI, "OSDI 2025")],
            "the session on November 4 has no arXiv paper (Spirit [SOSP '25], "
            "FuseLink [OSDI 2025]): ",
        ),
        (
            [("ROLL", "https://github.com/alibaba/ROLL", ""), ("Mu", "", "EuroSys '25")],
            "the session on November 4 has neither a SOSP/OSDI paper nor an arXiv paper "
            "(ROLL [no venue tag], Mu [EuroSys '25]): ",
        ),
        (
            [("dInfer", ARXIV, ""), ("", "", "")],  # the link tells; a topic not chosen yet
            "the session on November 4 has no SOSP or OSDI paper (dInfer [arXiv], "
            "Topic II: no paper yet): ",
        ),
    ],
)
def test_what_a_session_lacks(topics: list[tuple[str, str, str]], start: str) -> None:
    doc = document(session("2025-11-04", *(topic(*t, "Ada") for t in topics)))
    problems = rules.one_conference_one_arxiv(doc, TODAY, None)
    assert only(problems).message.startswith(start)


@pytest.mark.parametrize(
    ("sosp_tag", "arxiv_tag"),
    [("SOSP'25", "arXiv"), ("sosp 2024", "ARXIV"), ("OSDI (best paper)", ""), ("OSDI", "arxiv")],
)
def test_tags_count_however_they_are_written(sosp_tag: str, arxiv_tag: str) -> None:
    doc = document(
        session("2025-11-04", topic("A", "", sosp_tag, "x"), topic("B", ARXIV, arxiv_tag))
    )
    assert rules.one_conference_one_arxiv(doc, TODAY, None) == []


def test_a_note_marks_a_special_session_and_empty_slots_wait() -> None:
    rehearsal = topic("Mantle: Metadata", "", "", "Jiahao", note="SOSP Rehearsal")
    kickoff = topic("Kick-off meeting", "", "", "Youhui", note="Kick-off")
    planned = Topic()  # a slot "Fill open slots" made: nothing chosen yet
    doc = document(
        session("2025-09-29", rehearsal),
        session("2025-09-16", kickoff),
        session("2025-12-09", planned),
    )
    assert rules.one_conference_one_arxiv(doc, TODAY, None) == []
    unnoted = document(session("2025-09-16", kickoff.model_copy(update={"note": ""})))
    problem = only(rules.one_conference_one_arxiv(unnoted, TODAY, None))
    assert "a note on a topic (like 'Kick-off') marks a special session" in problem.message


# ------------------------------------------------------------------------ leads


def test_a_topic_without_a_lead_names_its_paper_and_date() -> None:
    p = only(check_document(broken("lead_presenter"), today=TODAY))
    assert (p.severity, p.field, p.where) == (
        "warning",
        "presenters",
        "2025 Fall › Nov 11 › Topic II",
    )
    assert p.message.startswith("FalconFS on November 11 has no lead presenter")
    empty = document(session("2025-12-09", Topic()))
    assert only(rules.lead_presenter(empty, TODAY, None)).message.startswith(
        "Topic I on December 9 has no lead presenter"
    )


def test_leading_two_sessions_in_a_row() -> None:
    doc = broken("no_consecutive_lead")
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field, p.where) == (
        "warning",
        "presenters",
        "2025 Fall › Nov 18 › Topic I",
    )
    assert p.topic_id == doc.semesters[0].sessions[0].topics[0].id
    assert p.message.startswith(
        "chi leads Pie on November 18 and led FalconFS on November 11, the session before"
    )
    # A week between the two turns, or a supporting turn, is fine.
    s18, s11, s04 = clean_sessions()
    again = topic("Pie: Programmable", "https://www.yecl.org/pie.pdf", "SOSP '25", "Yicheng")
    support = topic("Pie: Programmable", "https://www.yecl.org/pie.pdf", "SOSP '25", "Ji", "Chi")
    for first in (again, support):
        fine = document(s18.model_copy(update={"topics": [first, s18.topics[1]]}), s11, s04)
        assert rules.no_consecutive_lead(fine, TODAY, None) == []


# ----------------------------------------------------------------- repeated papers


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (
            ("X", "https://arxiv.org/abs/2507.10367", ""),
            ("Y", "https://arxiv.org/pdf/2507.10367v3", ""),
            "the same arXiv id 2507.10367",
        ),
        (
            ("X", "https://doi.org/10.48550/arXiv.2507.10367", ""),
            ("Y", "http://arxiv.org/abs/2507.10367", ""),
            "the same arXiv id 2507.10367",
        ),
        (
            ("X", SOSP, ""),
            ("Y", "https://doi.org/10.1145/3731569.3764805", ""),
            "the same DOI 10.1145/3731569.3764805",
        ),
        (
            ("X", "https://www.yecl.org/pie.pdf", ""),
            ("Y", "http://yecl.org/pie.pdf/", ""),
            "the same link",
        ),
        (
            ("Pie: A [Programmable](https://x.org) Serving System", "", "SOSP '25"),
            ("pie - a programmable serving system", "", ""),
            "the same title",
        ),
    ],
)
def test_a_paper_presented_again_in_a_later_semester(
    first: tuple[str, str, str], second: tuple[str, str, str], same: str
) -> None:
    spring = Semester(title="2025 Spring", sessions=[session("2025-03-04", topic(*first, "Ada"))])
    fall = Semester(title="2025 Fall", sessions=[session("2025-11-04", topic(*second, "Bo"))])
    doc = Document(semesters=[spring, fall])
    fall_id, spring_id = doc.semesters[0].id, doc.semesters[1].id
    p = only(rules.no_repeated_paper(doc, TODAY, None))
    assert (p.severity, p.semester_id, p.field) == ("warning", fall_id, "paper.url")
    assert p.topic_id == doc.semesters[0].sessions[0].topics[0].id
    assert f"on November 4 was already presented on March 4 in 2025 Spring ({same}): " in p.message
    # The Problems panel checks the semester on show: the repeat, not the first time.
    assert only(rules.no_repeated_paper(doc, TODAY, (fall_id,))) == p
    assert rules.no_repeated_paper(doc, TODAY, (spring_id,)) == []


def test_a_kick_off_every_term_is_no_repeated_paper() -> None:
    spring = Semester(
        title="2025 Spring",
        sessions=[session("2025-03-04", topic("Kick-off meeting", "", "", "A"))],
    )
    fall = Semester(
        title="2025 Fall", sessions=[session("2025-09-16", topic("Kick-off meeting", "", "", "B"))]
    )
    assert rules.no_repeated_paper(Document(semesters=[spring, fall]), TODAY, None) == []


def test_the_same_paper_twice_in_one_semester_is_reported_at_the_later_session() -> None:
    doc = broken("no_repeated_paper")
    p = only(check_document(doc, today=TODAY))
    assert p.where == "2025 Fall › Nov 18 › Topic II"
    assert p.message.startswith(
        "FalconFS on November 18 was already presented on November 11 in 2025 Fall "
        "(the same arXiv id 2507.10367)"
    )


# -------------------------------------------------------------- slides and video


def test_slides_and_video_are_expected_only_after_the_session() -> None:
    doc = broken("slides_and_video")
    p = only(check_document(doc, today=TODAY))
    assert (p.severity, p.field) == ("info", "video")
    assert p.message.startswith("no video yet for FalconFS: the session on November 11 is over")
    assert check_document(doc, today=dt.date(2025, 11, 11)) == []


# ------------------------------------------------------------------------ the demo

DEMO_BREAKS = {  # date -> what the demo's session has
    "2025-12-02": "no SOSP or OSDI paper (dInfer [arXiv], Topic II: no paper yet)",
    "2025-11-25": "no arXiv paper (ROLL [no venue tag], Spirit [SOSP '25])",
    "2025-11-11": "no SOSP or OSDI paper (FalconFS [arXiv])",
    "2025-10-28": "no SOSP or OSDI paper (Shift Parallelism [arXiv])",
    "2025-10-21": "no SOSP or OSDI paper (ServeGen [arXiv])",
    "2025-09-16": "neither a SOSP/OSDI paper nor an arXiv paper (Kick-off meeting [no venue tag])",
}


def test_the_demo_sessions_that_break_the_venue_rule() -> None:
    found = rules.one_conference_one_arxiv(load_demo(), TODAY, None)
    listed = {p.where.split(" › ")[1]: p.message for p in found}
    days = {date: dt.date.fromisoformat(date) for date in DEMO_BREAKS}
    # newest first; 09-29 has a note, the rest keep it
    assert list(listed) == [short_day_text(day) for day in days.values()]  # "Dec 2"
    for date, lacks in DEMO_BREAKS.items():
        day = days[date]
        message = listed[short_day_text(day)]
        assert f"the session on {day_text(day)} has {lacks}: " in message


def test_the_command_line_lists_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "demo.json"
    save_project(load_demo(), project)
    assert main(["check", str(project)]) == 0  # warnings: exit code 0
    out = capsys.readouterr().out
    for date, lacks in DEMO_BREAKS.items():
        day = dt.date.fromisoformat(date)
        where = f"2025 Fall › {short_day_text(day)}"
        assert f"{project}: {where}: warning: the session on " in out
        assert lacks in out
    doc = load_demo().model_copy(update={"rules": Rules(one_conference_one_arxiv=False)})
    save_project(doc, project)
    assert main(["check", str(project)]) == 0
    assert "SOSP or OSDI" not in capsys.readouterr().out


# ------------------------------------------------------ the window: panel and dialog


def demo_document(tmp_path: Path) -> ProjectDocument:
    document = ProjectDocument()
    document.reset(load_demo(), tmp_path / "fall.json")
    return document


def test_the_problems_panel_lists_them_and_goes_to_the_session(qtbot, tmp_path: Path) -> None:
    document = demo_document(tmp_path)
    selection = Selection(document)
    panel = ProblemsList(document, selection)
    qtbot.addWidget(panel)
    panel.today = TODAY
    panel.refresh()
    rows = [panel.item(i) for i in range(panel.count())]
    falcon = next(r for r in rows if "November 11 has no SOSP or OSDI paper (FalconFS" in r.text())
    assert falcon.text().startswith("2025 Fall › Nov 11 — ")
    panel.itemActivated.emit(falcon)
    session = document.doc.find_session(selection.session_id)[1]
    assert session.date == dt.date(2025, 11, 11) and session.topics[0].short_name == "FalconFS"

    # The switch in Project Settings silences the rule: the rows go.
    dialog = ProjectSettingsDialog(document)
    qtbot.addWidget(dialog)
    dialog.findChild(QCheckBox, "ruleOneConferenceOneArxiv").setChecked(False)
    dialog.accept()
    panel.refresh()
    texts = [panel.item(i).text() for i in range(panel.count())]
    assert not any("marks a special session" in t for t in texts)
    document.undo_stack.undo()
    panel.refresh()
    texts = [panel.item(i).text() for i in range(panel.count())]
    assert sum("marks a special session" in t for t in texts) == len(DEMO_BREAKS)


def test_the_rules_and_the_holiday_country_are_one_undo_step(qtbot, tmp_path: Path) -> None:
    document = demo_document(tmp_path)
    before = document.doc
    dialog = ProjectSettingsDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    boxes = {name: dialog.rule_boxes[name] for name in RULE_NAMES}
    assert all(box.isChecked() and box.isVisible() for box in boxes.values())
    assert boxes["lead_presenter"].objectName() == "ruleLeadPresenter"
    assert all(box.accessibleName() and box.toolTip() for box in boxes.values())
    combo = dialog.findChild(QComboBox, "holidayCountryCombo")
    assert combo.currentText() == "CN"
    assert dialog.findChild(QLabel, "holidayCountryHint").text() == "China"
    boxes["no_consecutive_lead"].setChecked(False)
    boxes["slides_and_video"].setChecked(False)
    combo.setEditText("de")
    dialog.accept()
    after = document.doc
    assert after.rules == Rules(no_consecutive_lead=False, slides_and_video=False)
    assert after.holiday_country == "DE"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Change project settings"
    document.undo_stack.undo()
    assert document.doc == before
    document.undo_stack.redo()
    assert document.doc == after
    again = ProjectSettingsDialog(document)  # shows what the project says
    qtbot.addWidget(again)
    assert not again.rule_boxes["no_consecutive_lead"].isChecked()
    assert again.rule_boxes["lead_presenter"].isChecked()
    assert again.country_combo.currentText() == "DE"


def test_the_holiday_country_is_checked_and_can_be_none(qtbot, tmp_path: Path) -> None:
    document = demo_document(tmp_path)
    dialog = ProjectSettingsDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    combo = dialog.country_combo
    combo.setEditText("China")
    message = dialog.findChild(QLabel, "holidayCountryMessage")
    assert message.isVisible() and "two-letter country code" in message.text()
    assert not ok.isEnabled()
    dialog.accept()
    assert document.undo_stack.count() == 0
    combo.fill()  # the list: what the holidays package knows, with names
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == "(none)" and "CN — China" in items and "DE — Germany" in items
    combo.setCurrentIndex(items.index("DE — Germany"))
    assert ok.isEnabled() and not message.isVisible()
    combo.setCurrentIndex(0)  # none
    assert combo.code() == "" and ok.isEnabled()
    assert dialog.findChild(QLabel, "holidayCountryHint").text() == "No public holidays are shaded."
    dialog.accept()
    assert document.doc.holiday_country == ""
    assert document.undo_stack.count() == 1


def test_country_code_of_what_the_box_shows() -> None:
    assert country_code("CN — China") == "CN"
    assert country_code(" us ") == "US"
    assert country_code("") == ""
