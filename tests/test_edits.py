"""Edits as pure functions: the old document is never changed."""

from __future__ import annotations

import datetime as dt

import pytest

from seminar_gui.core import edits
from seminar_gui.core.demo import load_demo
from seminar_gui.core.errors import EditError
from seminar_gui.core.readme.export import export_readme

D = dt.date


def _session(doc, date):
    return next(s for s in doc.semesters[0].sessions if s.date == date)


def test_move_session_to_free_date_and_back() -> None:
    doc = load_demo()
    before = export_readme(doc)
    sid = _session(doc, D(2025, 11, 25)).id
    moved, swapped = edits.move_session(doc, sid, D(2025, 12, 9))
    assert swapped is None
    assert _session(moved, D(2025, 12, 9)).id == sid
    assert "### December 9" in export_readme(moved) and "### November 25" not in export_readme(
        moved
    )
    assert export_readme(doc) == before  # the old value is untouched
    # Unchanged sessions are shared, not copied.
    assert _session(moved, D(2025, 11, 18)) is _session(doc, D(2025, 11, 18))


def test_move_onto_occupied_date_swaps() -> None:
    doc = load_demo()
    a, b = _session(doc, D(2025, 11, 25)), _session(doc, D(2025, 11, 18))
    moved, swapped = edits.move_session(doc, a.id, b.date)
    assert swapped == b.id
    assert _session(moved, D(2025, 11, 18)).id == a.id
    assert _session(moved, D(2025, 11, 25)).id == b.id


def test_move_outside_semester_is_refused() -> None:
    doc = load_demo()
    sid = doc.semesters[0].sessions[0].id
    with pytest.raises(EditError, match="outside semester 2025 Fall"):
        edits.move_session(doc, sid, D(2025, 3, 1))


def test_topics_edit_move_add_remove() -> None:
    doc = load_demo()
    dec2 = _session(doc, D(2025, 12, 2))
    nov11 = _session(doc, D(2025, 11, 11))
    dinfer = dec2.topics[0]
    doc2 = edits.update_topic(doc, dinfer.id, paper={"title": "dInfer v2"})
    assert doc2.find_topic(dinfer.id)[2].paper.title == "dInfer v2"
    assert doc2.find_topic(dinfer.id)[2].paper.url == dinfer.paper.url
    doc3 = edits.move_topic(doc2, dinfer.id, nov11.id, 0)
    assert doc3.find_session(nov11.id)[1].topics[0].id == dinfer.id
    assert len(doc3.find_session(dec2.id)[1].topics) == 1
    doc4, topic = edits.add_topic(doc3, dec2.id)
    assert len(doc4.find_session(dec2.id)[1].topics) == 2
    doc5 = edits.remove_topic(doc4, topic.id)
    assert len(doc5.find_session(dec2.id)[1].topics) == 1
    with pytest.raises(EditError, match="presenter name is empty"):
        edits.update_topic(doc, dinfer.id, presenters=[{"name": "", "affiliation": ""}])


def test_add_and_remove_session_and_plan_semester() -> None:
    doc = load_demo()
    sem = doc.semesters[0]
    doc2, session = edits.add_session(doc, sem.id, D(2025, 12, 9))
    assert doc2.semesters[0].sessions[0].id == session.id
    with pytest.raises(EditError, match="already a session"):
        edits.add_session(doc2, sem.id, D(2025, 12, 9))
    assert edits.remove_session(doc2, session.id) == doc
    spring = edits.plan_semester("2026 Spring", 1, D(2026, 2, 23), D(2026, 6, 12))
    assert spring.sessions[-1].date == D(2026, 2, 24)  # first Tuesday
    assert all(s.date.weekday() == 1 for s in spring.sessions)
    doc3 = edits.add_semester(doc, spring)
    assert [s.title for s in doc3.semesters] == ["2026 Spring", "2025 Fall"]
    with pytest.raises(EditError, match="already exists"):
        edits.add_semester(doc3, spring)
