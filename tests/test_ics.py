"""The calendar feed: schedule.ics from the CLI and from File › Export Calendar…"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from seminar_gui.cli import main
from seminar_gui.core import edits
from seminar_gui.core.demo import load_demo
from seminar_gui.core.ics import export_ics
from seminar_gui.core.model import Document
from seminar_gui.core.storage import save_project


def _demo(**semester: object) -> Document:
    doc = load_demo()
    return edits.update_semester(doc, doc.semesters[0].id, **semester) if semester else doc


def _events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def _sessions(doc: Document) -> list:
    return [s for sem in doc.semesters for s in sem.sessions]


def test_one_event_per_session_at_the_meeting_time_and_place() -> None:
    doc = _demo(meeting_time="19:00-21:00", place="Room 3-412")
    events = _events(export_ics(doc))
    sessions = _sessions(doc)
    assert len(events) == len(sessions) == 9
    by_day = {e.decoded("dtstart").date(): e for e in events}
    assert set(by_day) == {s.date for s in sessions}
    nov25 = by_day[dt.date(2025, 11, 25)]
    assert nov25.decoded("dtstart").time() == dt.time(19, 0)
    assert nov25.decoded("dtend").time() == dt.time(21, 0)
    assert str(nov25["location"]) == "Room 3-412"
    session = next(s for s in sessions if s.date == dt.date(2025, 11, 25))
    summary = str(nov25["summary"])
    text = str(nov25["description"])
    for topic in session.topics:
        assert topic.short_name in summary
        assert topic.paper.title in text
        assert all(p.name in text for p in topic.presenters)
        if topic.paper.url:
            assert topic.paper.url in text


def test_uids_come_from_the_session_ids_and_stay_across_exports() -> None:
    doc = _demo(meeting_time="19:00")
    first = _events(export_ics(doc, stamp=dt.datetime(2025, 9, 1, tzinfo=dt.UTC)))
    later = _events(export_ics(doc, stamp=dt.datetime(2025, 10, 1, tzinfo=dt.UTC)))
    uids = [str(e["uid"]) for e in first]
    assert uids == [str(e["uid"]) for e in later]
    assert len(set(uids)) == len(uids)
    assert {u.split("@")[0] for u in uids} == {s.id for s in _sessions(doc)}
    # Moving a session keeps its event (the calendar updates it, no duplicate).
    session = _sessions(doc)[0]
    moved, _ = edits.move_session(doc, session.id, session.date + dt.timedelta(days=1))
    after = {str(e["uid"]): e.decoded("dtstart").date() for e in _events(export_ics(moved))}
    assert after[f"{session.id}@seminar-gui"] == session.date + dt.timedelta(days=1)
    assert set(after) == set(uids)


def test_without_a_meeting_time_the_events_are_all_day() -> None:
    events = _events(export_ics(_demo()))
    for event in events:
        start = event.decoded("dtstart")
        assert type(start) is dt.date
        assert event.decoded("dtend") == start + dt.timedelta(days=1)


def test_reminder_and_time_zone() -> None:
    doc = _demo(meeting_time="19:00", online_link="https://meeting.example.com/123")
    text = export_ics(doc, reminder_minutes=30, timezone="Asia/Shanghai")
    cal = icalendar.Calendar.from_ical(text)
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    event = next(iter(cal.walk("VEVENT")))
    start = event.decoded("dtstart")
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert event.decoded("dtend") - start == dt.timedelta(hours=2)  # start only: 2 hours
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("trigger") == dt.timedelta(minutes=-30)
    assert str(event["url"]) == "https://meeting.example.com/123"
    assert "https://meeting.example.com/123" in str(event["description"])
    assert not _events(export_ics(doc))[0].walk("VALARM")  # no reminder unless asked


def test_relative_slide_links_can_point_at_the_site() -> None:
    text = export_ics(_demo(), link_base="https://github.com/group/seminar/blob/main")
    assert "https://github.com/group/seminar/blob/main/slides/" in text.replace("\r\n ", "")


def test_cli_writes_the_feed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "schedule.seminar.json"
    save_project(_demo(meeting_time="19:00", place="Room 3-412"), project)
    out = tmp_path / "schedule.ics"
    assert main(["ics", str(project), "-o", str(out), "--reminder", "15"]) == 0
    assert "9 event(s)" in capsys.readouterr().err
    first = out.read_text(encoding="utf-8")
    assert len(_events(first)) == 9
    assert main(["ics", str(project)]) == 0  # to stdout, the same events
    again = capsys.readouterr().out
    assert [str(e["uid"]) for e in _events(again)] == [str(e["uid"]) for e in _events(first)]
    assert main(["ics", str(project), "--timezone", "Mars/Olympus"]) == 2
    assert "unknown time zone" in capsys.readouterr().err


def test_file_menu_exports_the_calendar_beside_the_readme(qtbot, window, tmp_path: Path):
    from seminar_gui.qt.calendar_feed.export import proposed_path

    action = window.findChild(type(window.act_export), "actionExportCalendar")
    assert action in window.menuBar().findChild(type(window.recent_menu), "menuFile").actions()
    site = tmp_path / "site"
    site.mkdir()
    doc = window.document.doc.model_copy(update={"site_folder": "site"})
    window.document.reset(doc, tmp_path / "schedule.seminar.json")
    assert proposed_path(window.document) == site / "schedule.ics"
    written = window.export_calendar(site / "schedule.ics")
    assert written == site / "schedule.ics"
    assert len(_events(written.read_text(encoding="utf-8"))) == len(_sessions(doc))
    assert "schedule.ics" in window.statusBar().currentMessage()
