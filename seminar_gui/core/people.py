"""Who presents: everyone named as a presenter, with their turns (presenter rotation).

A person is known by name, compared without case and extra spaces (``"chi zhang"``
and ``"Chi  Zhang"`` are one person, shown as spelled in their latest session).  The
first presenter of a topic leads it, the others support.  :func:`people` counts the
whole document or one semester; :func:`people_csv` is the same table as CSV
(``seminar-gui people``); :func:`sessions_of` is what the calendar highlights.
Sessions in the future count as turns too: a planned turn is a turn taken.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import NamedTuple

from seminar_gui.core.model import Document, Semester

CSV_HEADER = ("name", "affiliation", "sessions", "lead", "supporting", "last date")


def person_key(name: str) -> str:
    """How two spellings of one name compare: case, runs of spaces and full-width
    forms (NFKC) do not count."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class Person(NamedTuple):
    """One row of the People table."""

    name: str
    affiliation: str  # the latest non-empty one
    sessions: int  # sessions with at least one of their topics
    lead: int  # topics they lead (first presenter)
    supporting: int  # topics they support
    last_date: dt.date
    session_ids: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return person_key(self.name)


class _Tally:
    """One person's turns, counted.  (A plain class: the records made at import are not
    dataclasses, whose definition costs ~0.4 ms of every start.)"""

    __slots__ = (
        "affiliation",
        "affiliation_date",
        "last_date",
        "lead",
        "name",
        "name_date",
        "session_ids",
        "supporting",
    )

    def __init__(self) -> None:
        self.name = ""
        self.name_date = dt.date.min
        self.affiliation = ""
        self.affiliation_date = dt.date.min
        self.lead = 0
        self.supporting = 0
        self.last_date = dt.date.min
        self.session_ids: set[str] = set()


def _count(semesters: list[Semester], tallies: dict[str, _Tally]) -> None:
    for semester in semesters:
        for session in semester.sessions:
            for topic in session.topics:
                for position, presenter in enumerate(topic.presenters):
                    tally = tallies.setdefault(person_key(presenter.name), _Tally())
                    date = session.date
                    if date >= tally.name_date:
                        tally.name, tally.name_date = presenter.name, date
                    if presenter.affiliation and date >= tally.affiliation_date:
                        tally.affiliation, tally.affiliation_date = presenter.affiliation, date
                    if position == 0:
                        tally.lead += 1
                    else:
                        tally.supporting += 1
                    tally.last_date = max(tally.last_date, date)
                    tally.session_ids.add(session.id)


def people(doc: Document, semester_id: str | None = None) -> list[Person]:
    """Everyone who presents in the document (or in one semester), by name."""
    semesters = doc.semesters if semester_id is None else [doc.semester(semester_id)]
    tallies: dict[str, _Tally] = {}
    _count(semesters, tallies)
    rows = [
        Person(
            name=t.name,
            affiliation=t.affiliation,
            sessions=len(t.session_ids),
            lead=t.lead,
            supporting=t.supporting,
            last_date=t.last_date,
            session_ids=frozenset(t.session_ids),
        )
        for t in tallies.values()
    ]
    return sorted(rows, key=lambda p: (p.key, p.name))


def sessions_of(semester: Semester, name: str) -> frozenset[str]:
    """The ids of the sessions of ``semester`` where ``name`` presents."""
    key = person_key(name)
    return frozenset(
        session.id
        for session in semester.sessions
        if any(person_key(p.name) == key for t in session.topics for p in t.presenters)
    )


def people_csv(rows: list[Person]) -> str:
    """The table as CSV text (a header, then one line per person; ISO dates)."""
    import csv  # the command line's, not the window's start-up
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for p in rows:
        writer.writerow(
            [p.name, p.affiliation, p.sessions, p.lead, p.supporting, p.last_date.isoformat()]
        )
    return out.getvalue()
