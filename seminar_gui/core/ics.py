"""The calendar feed: the schedule as an iCalendar file (``schedule.ics``).

One VEVENT per session of every semester: the meeting time and place from the
semester's settings (an all-day event when the time is not known), the topics as the
summary, papers, presenters and links in the description.  Each event's UID is made
from the session's id, which the project file keeps, so a calendar that subscribed to
the file (or imports it again) updates the events instead of adding copies.  An
optional reminder (VALARM) goes before each event.

Uses the ``icalendar`` package, imported on first use.  Text written here is for the
feed (any calendar client), so it is English and does not depend on the UI locale.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from seminar_gui import __version__
from seminar_gui.core.model import Document, Semester, Session, Topic

if TYPE_CHECKING:
    from icalendar import Calendar

DEFAULT_HOURS = 2  # how long a meeting lasts when only its start is known
UID_DOMAIN = "seminar-gui"
CALENDAR_NAME = "Reading group"


def session_uid(session: Session) -> str:
    """The event's UID: the session's id, which stays the same across exports."""
    return f"{session.id}@{UID_DOMAIN}"


def _times(
    semester: Semester, date: dt.date, tz: dt.tzinfo | None
) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """Start and end: the meeting time on that day, or the whole day."""
    if not semester.meeting_time:
        return date, date + dt.timedelta(days=1)
    first, _, last = semester.meeting_time.partition("-")
    start = dt.datetime.combine(date, dt.time.fromisoformat(first), tz)
    if last:
        end = dt.datetime.combine(date, dt.time.fromisoformat(last), tz)
        if end <= start:  # "22:00-01:00": ends the next day
            end += dt.timedelta(days=1)
    else:
        end = start + dt.timedelta(hours=DEFAULT_HOURS)
    return start, end


def _topic_title(topic: Topic) -> str:
    return topic.short_name or topic.note or topic.heading


def summary(session: Session) -> str:
    """The event's title: the topics' short names ("Fast-dLLM v2 · FuseLink")."""
    names = [name for name in map(_topic_title, session.topics) if name]
    if names:
        return " · ".join(names)
    return "Reading group (topic to be announced)"


def _absolute(link: str, base: str) -> str:
    """A link as a calendar can open it: relative links (``./slides/…``) joined to
    ``base`` (the site's address) when there is one."""
    if not base or "://" in link:
        return link
    from urllib.parse import urljoin

    return urljoin(base if base.endswith("/") else base + "/", link)


def description(semester: Semester, session: Session, link_base: str = "") -> str:
    """Papers, presenters and links of the session, as plain text."""
    blocks = []
    for topic in session.topics:
        out = []
        if topic.note:
            out.append(f"✨ {topic.note}")
        paper = topic.paper
        if paper.title:
            venue = f"[{paper.venue}] " if paper.venue else ""
            out.append(f"{venue}{paper.title}")
            if paper.authors:
                out.append(", ".join(paper.authors))
            if paper.url:
                out.append(_absolute(paper.url, link_base))
        if topic.presenters:
            people = [
                f"{p.name} ({p.affiliation})" if p.affiliation else p.name for p in topic.presenters
            ]
            out.append("Presenters: " + ", ".join(people))
        if topic.slides:
            out.append(f"Slides: {_absolute(topic.slides, link_base)}")
        if topic.video:
            out.append(f"Video: {_absolute(topic.video, link_base)}")
        if out:
            blocks.append("\n".join(out))
    if semester.online_link:
        blocks.append(f"Online: {semester.online_link}")
    return "\n\n".join(blocks)


def build_calendar(
    doc: Document,
    *,
    reminder_minutes: int | None = None,
    timezone: str = "",
    name: str = CALENDAR_NAME,
    link_base: str = "",
    stamp: dt.datetime | None = None,
) -> Calendar:
    """The calendar of every session in ``doc`` (newest semester first).

    ``timezone``: an IANA name ("Asia/Shanghai") for the meeting times; empty: floating
    times (each member's own clock).  ``link_base``: the address relative links (the
    slides) are read against, e.g. the repository's GitHub page.  ``stamp``: the
    DTSTAMP (default: now, UTC).
    """
    from icalendar import Alarm, Calendar, Event

    tz = None
    if timezone:
        from zoneinfo import ZoneInfo

        tz = ZoneInfo(timezone)  # ZoneInfoNotFoundError (a KeyError) for a wrong name
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", f"-//seminar-gui//seminar-gui {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    if timezone:
        cal.add("x-wr-timezone", timezone)
    for semester in doc.semesters:
        for session in reversed(semester.sessions):  # oldest first, as a calendar reads
            event = Event()
            event.add("uid", session_uid(session))
            event.add("dtstamp", stamp)
            start, end = _times(semester, session.date, tz)
            event.add("dtstart", start)
            event.add("dtend", end)
            event.add("summary", summary(session))
            text = description(semester, session, link_base)
            if text:
                event.add("description", text)
            if semester.place:
                event.add("location", semester.place)
            elif semester.online_link:
                event.add("location", semester.online_link)
            if semester.online_link:
                event.add("url", semester.online_link)
            event.add("categories", [semester.title])
            if reminder_minutes:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary(session))
                alarm.add("trigger", dt.timedelta(minutes=-reminder_minutes))
                event.add_component(alarm)
            cal.add_component(event)
    if tz is not None:
        cal.add_missing_timezones()
    return cal


def export_ics(
    doc: Document,
    *,
    reminder_minutes: int | None = None,
    timezone: str = "",
    name: str = CALENDAR_NAME,
    link_base: str = "",
    stamp: dt.datetime | None = None,
) -> str:
    """The calendar file's text (CRLF line ends, as RFC 5545 says)."""
    cal = build_calendar(
        doc,
        reminder_minutes=reminder_minutes,
        timezone=timezone,
        name=name,
        link_base=link_base,
        stamp=stamp,
    )
    return cal.to_ical().decode("utf-8")
