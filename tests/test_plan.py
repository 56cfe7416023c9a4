"""The semester plan (core/plan.py): meeting slots, holidays, breaks, filling open
slots, the holiday warning and the next semester."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from seminar_gui.core import checks, edits, plan
from seminar_gui.core.demo import load_demo
from seminar_gui.core.errors import EditError
from seminar_gui.core.model import Break, Document

D = dt.date


@pytest.fixture
def demo() -> Document:
    return load_demo()


def test_the_demo_semesters_slots_between_sep_16_and_oct_21(demo: Document) -> None:
    semester = demo.semesters[0]
    off = plan.days_off(semester, demo.holiday_country)
    slots = {s.date: s for s in plan.meeting_slots(semester, off)}
    assert [d for d in slots if D(2025, 9, 16) <= d <= D(2025, 10, 21)] == [
        D(2025, 9, 16),
        D(2025, 9, 23),
        D(2025, 9, 30),
        D(2025, 10, 7),
        D(2025, 10, 14),
        D(2025, 10, 21),
    ]
    # Open: nobody meets that week and it is not a day off.
    assert slots[D(2025, 9, 23)].is_open and slots[D(2025, 10, 14)].is_open
    # Sep 30's week met on Monday Sep 29 (moved within its week): taken.
    assert not slots[D(2025, 9, 30)].is_open and slots[D(2025, 9, 30)].session_id
    # Oct 7 is in the National Day week: a day off, not open.
    assert slots[D(2025, 10, 7)].day_off is not None and not slots[D(2025, 10, 7)].is_open
    assert plan.open_slots(demo, semester.id) == [D(2025, 9, 23), D(2025, 10, 14)]


def test_national_day_week_2025_is_one_period_with_its_name() -> None:
    periods = plan.holiday_periods("CN", D(2025, 9, 1), D(2025, 12, 31))
    national = next(p for p in periods if p.covers(D(2025, 10, 1)))
    assert (national.first, national.last) == (D(2025, 10, 1), D(2025, 10, 8))
    assert "National Day" in national.name and "Mid-Autumn" in national.name
    assert "substituted" not in national.name  # the days off replacing Sep 28 add no name
    assert national.kind == "holiday"
    assert not any(p.covers(D(2025, 9, 28)) for p in periods)  # a working Sunday
    assert plan.holiday_periods("", D(2025, 9, 1), D(2025, 12, 31)) == []
    assert plan.holiday_periods("XX", D(2025, 9, 1), D(2025, 12, 31)) == []


def test_breaks_are_days_off_and_win_over_holidays(demo: Document) -> None:
    sosp = Break(name="SOSP week", first=D(2025, 10, 13), last=D(2025, 10, 17))
    doc = edits.update_semester(demo, demo.semesters[0].id, breaks=[sosp])
    semester = doc.semesters[0]
    off = plan.days_off(semester, doc.holiday_country)
    assert off[D(2025, 10, 14)].name == "SOSP week" and off[D(2025, 10, 14)].kind == "break"
    assert plan.open_slots(doc, semester.id) == [D(2025, 9, 23)]
    # No holiday country: only the breaks.
    assert D(2025, 10, 7) not in plan.days_off(semester, "")


def test_fill_open_slots_adds_empty_sessions_on_open_slots_only(demo: Document) -> None:
    semester_id = demo.semesters[0].id
    after = plan.fill_open_slots(demo, semester_id)
    added = {s.date for s in after.semesters[0].sessions} - {
        s.date for s in demo.semesters[0].sessions
    }
    assert added == {D(2025, 9, 23), D(2025, 10, 14)}  # not Oct 7 (National Day week)
    new = next(s for s in after.semesters[0].sessions if s.date == D(2025, 9, 23))
    assert len(new.topics) == 1 and new.topics[0].paper.is_empty
    with pytest.raises(EditError, match="no open meeting slots"):
        plan.fill_open_slots(after, semester_id)
    with pytest.raises(EditError):  # from a date on: nothing left after Oct 14
        plan.fill_open_slots(demo, semester_id, since=D(2025, 10, 15))


def test_a_session_on_a_holiday_or_in_a_break_gets_a_warning(demo: Document) -> None:
    semester_id = demo.semesters[0].id
    assert not [
        p for p in checks.check_document(demo) if p.field == "date" and "holiday" in p.message
    ]
    doc, session = edits.add_session(demo, semester_id, D(2025, 10, 7))
    found = [p for p in checks.check_document(doc) if p.session_id == session.id]
    holiday = [p for p in found if "public holiday" in p.message]
    assert len(holiday) == 1 and holiday[0].severity == "warning"
    assert "National Day" in holiday[0].message and holiday[0].field == "date"
    assert holiday[0].where == "2025 Fall › Oct 7"
    sosp = Break(name="SOSP week", first=D(2025, 10, 20), last=D(2025, 10, 24))
    doc = edits.update_semester(doc, semester_id, breaks=[sosp])
    messages = [p.message for p in checks.check_document(doc)]
    assert any("break SOSP week" in m and "October 21" in m for m in messages)
    # No holiday country: no holiday warning (the break still counts).
    quiet = edits.revalidated(doc, holiday_country="")
    assert not any("public holiday" in p.message for p in checks.check_document(quiet))


def test_next_semester_carries_sections_and_meeting_rule_not_sessions(demo: Document) -> None:
    fall = demo.semesters[0]
    fall_doc = edits.update_semester(
        demo,
        fall.id,
        meeting_time="19:00-21:00",
        place="Room 3-412",
        online_link="https://meeting.example.org/123",
        breaks=[Break(name="SOSP week", first=D(2025, 10, 13), last=D(2025, 10, 17))],
    )
    # What New Semester › Start from suggests: the next season, its typical term.
    title = plan.next_title(fall.title)
    spring = plan.semester_from(fall_doc.semester(fall.id), title, *plan.typical_term(title))
    assert spring.title == "2026 Spring"
    assert (spring.first_date, spring.last_date) == (D(2026, 2, 24), D(2026, 6, 20))
    assert [s.heading for s in spring.sections] == ["Specific Requirements", "Other Information"]
    assert spring.sections == fall.sections
    assert spring.meeting_weekday == 1 and spring.meeting_time == "19:00-21:00"
    assert spring.place == "Room 3-412" and spring.online_link.endswith("/123")
    assert spring.sessions == [] and spring.breaks == [] and spring.id != fall.id
    doc = edits.add_semester(fall_doc, spring)  # a valid document
    assert [s.title for s in doc.semesters] == ["2026 Spring", "2025 Fall"]
    assert plan.next_title("2026 Spring") == "2026 Fall"
    assert plan.next_title("2026 Summer") == "2026 Fall"
    assert plan.next_title("2026 Winter") == "2026 Spring"


def test_planned_sessions_leave_out_the_holidays(demo: Document) -> None:
    fall = demo.semesters[0]
    next_fall = plan.semester_from(fall, "2025 Fall", D(2025, 9, 1), D(2025, 10, 31), weekday=2)
    filled = plan.with_slots_filled(next_fall, "CN")
    dates = [s.date for s in sorted(filled.sessions, key=lambda s: s.date)]
    assert D(2025, 10, 1) not in dates and D(2025, 10, 8) not in dates
    assert dates[0] == D(2025, 9, 3) and dates[-1] == D(2025, 10, 29) and len(dates) == 7


def test_holidays_are_kept_in_the_cache_file(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "holidays.json"
    monkeypatch.setattr(plan, "_KNOWN", {})  # as in a new run
    plan.use_holiday_cache(cache)
    try:
        plan.holiday_periods("CN", D(2025, 9, 1), D(2025, 12, 31))
        assert cache.is_file() and "National Day" in cache.read_text(encoding="utf-8")
        # A later run reads them from the file: no look-up in the package.
        monkeypatch.setattr(plan, "_KNOWN", {})
        monkeypatch.setattr(plan, "_load_holidays", lambda *a: pytest.fail("looked up"))
        plan.use_holiday_cache(cache)
        periods = plan.holiday_periods("CN", D(2025, 9, 1), D(2025, 12, 31))
        assert any("National Day" in p.name for p in periods)
    finally:
        plan.use_holiday_cache(None)


def test_the_cache_of_another_holidays_package_is_not_used(tmp_path: Path, monkeypatch) -> None:
    """An update of the package (another file, size or date) computes anew; reading
    which package it is costs no package metadata."""
    cache = tmp_path / "holidays.json"
    monkeypatch.setattr(plan, "_KNOWN", {})
    plan.use_holiday_cache(cache)
    try:
        plan.holiday_periods("CN", D(2025, 9, 1), D(2025, 12, 31))
        assert cache.is_file()
        monkeypatch.setattr(plan, "_KNOWN", {})
        monkeypatch.setattr(plan, "_package_version", lambda: "holidays, updated")
        looked_up: list[object] = []
        load = plan._load_holidays
        monkeypatch.setattr(plan, "_load_holidays", lambda *a: looked_up.append(a) or load(*a))
        plan.use_holiday_cache(cache)
        plan.holiday_periods("CN", D(2025, 9, 1), D(2025, 12, 31))
        assert looked_up  # computed anew, not read from the other package's cache
    finally:
        plan.use_holiday_cache(None)


def test_code_identity_follows_the_module_file(tmp_path: Path, monkeypatch) -> None:
    import os

    from seminar_gui import __version__
    from seminar_gui.core.installed import code_identity

    module = tmp_path / "seminar_probe_pkg.py"
    module.write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = code_identity("seminar_probe_pkg")
    assert first.startswith(__version__) and str(module) in first
    os.utime(module, ns=(1, 1))  # reinstalled: another date
    assert code_identity("seminar_probe_pkg") != first
    assert code_identity("no_such_package_here").endswith("no_such_package_here ?")


def test_a_failing_holidays_package_shades_nothing_and_stops_nothing(
    tmp_path: Path, monkeypatch, demo: Document
) -> None:
    """The stand-alone build once lacked the package's translation files: its
    FileNotFoundError came out of the Problems panel's check and stopped the window.
    Now a failing package means no holidays this run (and nothing cached)."""
    import holidays

    from seminar_gui.core.checks import check_document

    def broken(*_args: object, **_kwargs: object) -> object:
        raise FileNotFoundError("No translation file found for domain: 'CN'")

    cache = tmp_path / "holidays.json"
    monkeypatch.setattr(plan, "_KNOWN", {})
    monkeypatch.setattr(plan, "_FAILED", set())
    monkeypatch.setattr(holidays, "country_holidays", broken)
    plan.use_holiday_cache(cache)
    try:
        assert plan.holiday_periods("CN", D(2025, 9, 1), D(2025, 12, 31)) == []
        assert check_document(demo)  # the other checks still run
        assert not cache.exists()
    finally:
        plan.use_holiday_cache(None)


def test_holidays_are_named_in_the_ui_language(monkeypatch) -> None:
    """A Chinese UI shows 国庆节, not "National Day" (the package's zh_CN names)."""
    monkeypatch.setattr(plan, "_KNOWN", {})
    plan.use_holiday_cache(None)
    plan.use_holiday_language("zh_CN")
    try:
        periods = plan.holiday_periods("CN", D(2025, 9, 1), D(2025, 12, 31))
        national = next(p for p in periods if p.first <= D(2025, 10, 1) <= p.last)
        assert "国庆节" in national.name
    finally:
        plan.use_holiday_language("")
    periods = plan.holiday_periods("CN", D(2025, 9, 1), D(2025, 12, 31))
    assert any("National Day" in p.name for p in periods)  # English again, its own key


@pytest.mark.parametrize(("language", "holiday"), [("zh_CN", "国庆节"), ("en", "National Day")])
def test_check_names_holidays_in_the_ui_language(
    demo: Document, tmp_path: Path, monkeypatch, capsys, language: str, holiday: str
) -> None:
    """`seminar-gui check` speaks the UI language, the holidays' names included."""
    from seminar_gui.cli import _translate, main
    from seminar_gui.core.storage import save_project

    doc, _session = edits.add_session(demo, demo.semesters[0].id, D(2025, 10, 7))
    project = tmp_path / "group.seminar.json"
    save_project(doc, project)
    monkeypatch.setenv("LANGUAGE", language)
    monkeypatch.setattr(plan, "_KNOWN", {})
    _translate.cache_clear()
    try:
        main(["check", str(project)])
    finally:
        plan.use_holiday_language("")
        plan.use_holiday_cache(None)
        _translate.cache_clear()
    out = capsys.readouterr().out
    day = "10月7日" if language == "zh_CN" else "Oct 7"  # where: the day in the UI language
    line = next(line for line in out.splitlines() if f"› {day}" in line and holiday in line)
    said = f"在公共节假日（{holiday}" if language == "zh_CN" else f"public holiday ({holiday}"
    assert said in line
