"""Document checks: problems a user can act on, for ``seminar-gui check`` and the window.

The model already rejects what cannot be written to the README; these checks find
what can be written but is probably a mistake (a link that is not a web address, two
sessions on one day, a venue tag that disagrees with the paper's link, ...).
:func:`check_document` looks at the document only; :func:`check_files` compares the
slides links with the files in the site folder (it reads the folder, never writes).
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from seminar_gui.core.dates import day_text, format_heading_date, weekday_text
from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, chain
from seminar_gui.core.model import Document, Semester, Session, Topic
from seminar_gui.core.problem import (
    SEVERITY_ORDER,
    Problem,
    Severity,
    session_where,
    topic_label,
    topic_where,
)
from seminar_gui.core.slides import (
    SLIDES_DIR,
    case_key,
    folder_entries,
    is_file_safe,
    slide_path,
)
from seminar_gui.core.venues import infer_venue, venue_kind, venues_agree

# Problem and how it names its place live in core/problem.py (core/rules.py uses them
# too); they are imported from here as ever.
__all__ = [
    "SEVERITY_ORDER",
    "Problem",
    "Severity",
    "check_document",
    "check_files",
    "is_web_url",
    "meeting_weekday",
    "session_where",
    "topic_label",
    "topic_where",
]

_Add = Callable[[Severity, str, str | None], None]
_LOOKS_LIKE_HOST = lazy_compile(r"[\w-]+(?:\.[\w-]+)+(?:[/?#]|$)")

# ------------------------------------------------------------------- the messages
_NO_SITE = QT_TRANSLATE_NOOP(
    "checks",
    "the site folder (of README.md and slides/) does not exist: choose it in File "
    "› Project Settings (in the project file: site_folder, relative to the file)",
)
_NO_SLIDES_FOLDER = QT_TRANSLATE_NOOP(
    "checks",
    "{count} slides links point into {folder}, which does not exist: add the "
    "slide files there, or, if README.md is in another folder, choose that folder "
    "in File › Project Settings (in the project file: site_folder)",
)
_UNLINKED = QT_TRANSLATE_NOOP(
    "checks",
    "no topic links to {file}: drop it on its session to link it, or delete it if it is not needed",
)
_AND = QT_TRANSLATE_NOOP("checks", "{first} and {second}")
_CASE_TWINS = QT_TRANSLATE_NOOP(
    "checks",
    "{files} differ only in upper/lower case: on macOS and Windows "
    "they are one file, so a checkout of the repository there keeps only one of "
    "them; rename one (and correct the links to it)",
)
_OTHER_CASE = QT_TRANSLATE_NOOP(
    "checks",
    "slides link {link}: the file is named {name} (other upper/lower "
    "case); GitHub is case-sensitive, so the link is broken there: correct the "
    "link or rename the file",
)
_MISSING_OTHER_CASE = QT_TRANSLATE_NOOP(
    "checks",
    "slides link {link}: the file does not exist in {folder} (there is {name}: "
    "correct the link's upper/lower case)",
)
_MISSING_BEFORE = QT_TRANSLATE_NOOP(
    "checks",
    "slides link {link}: the file does not exist in {folder}; add it before the "
    "session (until then the link is broken on GitHub)",
)
_MISSING_AFTER = QT_TRANSLATE_NOOP(
    "checks",
    "slides link {link}: the file does not exist in {folder}; drop the slides on "
    "this topic to file them there, or correct the link",
)
_TWO_SESSIONS = QT_TRANSLATE_NOOP(
    "checks",
    "two sessions are on {day}: the README would show two '### {heading}' "
    "headings; move one session to another date, or move its topics into "
    "the other session and delete it",
)
_OTHER_WEEKDAY = QT_TRANSLATE_NOOP(
    "checks",
    "{day} is a {weekday}; the group meets on {usual}s: check the date if this is "
    "not a special meeting",
)
_NO_TOPICS = QT_TRANSLATE_NOOP(
    "checks", "the session on {day} has no topics: add a topic, or delete the session"
)
_PAPER_LINK = QT_TRANSLATE_NOOP("checks", "paper link")
_VIDEO_LINK = QT_TRANSLATE_NOOP("checks", "video link")
_LOCAL_SLIDES = QT_TRANSLATE_NOOP(
    "checks",
    "slides link {link} only works on this computer: put the file "
    "in the site's slides folder and link it relatively (like "
    "./slides/251125-Name.pdf), or use an https:// link",
)
_VENUE_MISSING = QT_TRANSLATE_NOOP(
    "checks",
    "venue tag missing; the URL suggests [{venue}]: type {venue} as the paper's venue tag",
)
_ARXIV_COPY = QT_TRANSLATE_NOOP(
    "checks",
    "the venue tag says [{venue}] but the link goes to arXiv: fine if it "
    "is the arXiv version of the {venue} paper; otherwise correct the tag",
)
_VENUE_DISAGREES = QT_TRANSLATE_NOOP(
    "checks",
    "the venue tag says [{venue}] but the paper's link points to "
    "{inferred}: correct the tag or the link",
)
_NOT_WEB = QT_TRANSLATE_NOOP(
    "checks", "{what} {link} is not a web address: it must start with https:// or http://"
)
_NOT_WEB_HOST = QT_TRANSLATE_NOOP(
    "checks",
    "{what} {link} is not a web address: it must start with https:// or http:// "
    "(did you mean https://{url}?)",
)


def check_document(
    doc: Document, *, today: dt.date | None = None, semester_id: str | None = None
) -> list[Problem]:
    """All problems of ``doc`` (of one semester: ``semester_id``): errors first, then
    warnings, then infos, each in document order.  The group's rules that are on in
    ``doc.rules`` are checked too (core/rules.py: a topic without a lead, a session
    without a SOSP/OSDI or arXiv paper, ...).  ``today`` (default: the current date)
    decides which sessions are over and should have slides and a video by now."""
    # core/rules.py builds on this module's Problem: imported here, not at the top.
    from seminar_gui.core.rules import check_rules

    today = today if today is not None else dt.date.today()
    found: list[Problem] = []
    for semester in doc.semesters:
        if semester_id is None or semester.id == semester_id:
            found.extend(_check_semester(semester))
            found.extend(_day_off_problems(doc, semester))
    found.extend(check_rules(doc, today=today, semester_id=semester_id))
    # sorted() is stable: in one severity and one place the checks' order is kept.
    position = _positions(doc, semester_id)
    return sorted(
        found,
        key=lambda p: (SEVERITY_ORDER[p.severity], position.get(p.topic_id or p.session_id, ())),
    )


def _positions(doc: Document, semester_id: str | None) -> dict[str | None, tuple[int, ...]]:
    """Where each session and topic is in the document, for sorting problems: a
    session's own problems before its topics'."""
    position: dict[str | None, tuple[int, ...]] = {}
    for m, semester in enumerate(doc.semesters):
        if semester_id is not None and semester.id != semester_id:
            continue
        for s, session in enumerate(semester.sessions):
            position[session.id] = (m, s, 0)
            for t, topic in enumerate(session.topics):
                position[topic.id] = (m, s, t + 1)
    return position


def check_files(
    doc: Document,
    site: Path | None,
    *,
    today: dt.date | None = None,
    semester_id: str | None = None,
) -> list[Problem]:
    """Slides links against the files in ``site`` (the README's folder; None: the
    project is not saved yet, nothing to check).  With ``semester_id``, only that
    semester's links are looked up on disk; the other semesters' links still count
    as links for unlinked files (compared ignoring upper/lower case).

    * a relative slides link to a missing file: warning (info for a session still to
      come, whose slides may not be ready); a single warning when the site has no
      slides folder at all although topics link into it (the wrong site folder?);
    * a link that names the file with other upper/lower case: warning (GitHub is
      case-sensitive even where the disk is not);
    * a file in SITE/slides that no topic links to: info (hidden files and folders,
      like the undo trash, are ignored);
    * two files in SITE/slides whose names differ only in upper/lower case
      (``ROLL.pdf`` and ``roll.pdf``): warning, they are one file on macOS and Windows.

    Past sessions without slides or video are reported by :func:`check_document`.
    """
    if site is None:
        return []
    today = today if today is not None else dt.date.today()
    if not site.is_dir():
        message = _NO_SITE()
        return [Problem("warning", str(site), message, field="site_folder", path=str(site))]
    found: list[Problem] = []
    linked: set[str] = set()
    others: list[str] = []  # links of the semesters not checked (read for unlinked files)
    links = 0
    for semester in doc.semesters:
        checked = semester_id is None or semester.id == semester_id
        for session in semester.sessions:
            for index, topic in enumerate(session.topics):
                if not topic.slides:
                    continue
                if not checked:
                    others.append(topic.slides)
                    continue
                path = slide_path(site, topic.slides)
                if path is None:
                    continue
                links += 1
                problem, actual = _check_slide_link(semester, session, index, path, today)
                linked.add(_file_key(actual or path))
                if problem is not None:
                    found.append(problem)
    slides = site / SLIDES_DIR
    if not slides.is_dir():
        if links > 1 and len(found) == links:
            message = _NO_SLIDES_FOLDER(count=links, folder=slides)
            return [Problem("warning", str(site), message, field="site_folder", path=str(slides))]
        return sorted(found, key=lambda p: SEVERITY_ORDER[p.severity])
    files = _slide_files(slides)
    found.extend(_case_twins(site, files))
    unlinked = [path for path in files if _file_key(path) not in linked]
    if unlinked and others:  # the other semesters' links, only now (an archive: 1,200)
        elsewhere = {case_key(_file_key(p)) for p in (slide_path(site, o) for o in others) if p}
        unlinked = [path for path in unlinked if case_key(_file_key(path)) not in elsewhere]
    for path in unlinked:
        rel = path.relative_to(site).as_posix()
        found.append(Problem("info", rel, _UNLINKED(file=rel), path=str(path)))
    return sorted(found, key=lambda p: SEVERITY_ORDER[p.severity])


def _case_twins(site: Path, files: list[Path]) -> list[Problem]:
    """Files whose names differ only in upper/lower case: one file on macOS and Windows."""
    by_key: dict[str, list[Path]] = {}
    for path in files:
        key = case_key(path.relative_to(site).as_posix())
        by_key.setdefault(key, []).append(path)
    found = []
    for twins in by_key.values():
        if len(twins) > 1:
            names = [p.relative_to(site).as_posix() for p in twins]
            message = _CASE_TWINS(files=chain(_AND, names))
            found.append(Problem("warning", names[0], message, path=str(twins[0])))
    return found


def _check_slide_link(
    semester: Semester, session: Session, index: int, path: Path, today: dt.date
) -> tuple[Problem | None, Path | None]:
    """A problem with one topic's local slides file, and the file's name on disk."""
    topic = session.topics[index]
    where = topic_where(semester, session, index)

    def problem(severity: Severity, message: str) -> Problem:
        ids = (semester.id, session.id, topic.id)
        return Problem(severity, where, message, *ids, field="slides", path=str(path))

    if is_file_safe(path):
        wanted = unicodedata.normalize("NFC", path.name)
        names = [unicodedata.normalize("NFC", n) for n in folder_entries(path.parent)]
        if wanted in names or not names:
            return None, path
        actual = next((n for n in names if n.casefold() == wanted.casefold()), None)
        if actual is None:
            return None, path
        message = _OTHER_CASE(link=topic.slides, name=actual)
        return problem("warning", message), path.parent / actual
    wanted = case_key(path.name)
    for name in folder_entries(path.parent):
        if case_key(name) == wanted:
            message = _MISSING_OTHER_CASE(link=topic.slides, folder=path.parent, name=name)
            return problem("warning", message), path.parent / name
    if session.date >= today:
        message = _MISSING_BEFORE(link=topic.slides, folder=path.parent)
        return problem("info", message), None
    message = _MISSING_AFTER(link=topic.slides, folder=path.parent)
    return problem("warning", message), None


def _file_key(path: Path) -> str:
    return unicodedata.normalize("NFC", os.path.normpath(os.path.abspath(path)))


def _slide_files(slides: Path) -> list[Path]:
    """The files under SITE/slides, hidden ones and hidden folders left out, sorted."""
    files: list[Path] = []
    for folder, dirs, names in os.walk(slides):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(folder) / n for n in sorted(names) if not n.startswith("."))
    return files


# ---------------------------------------------------------------------- helpers


def is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # 'https://[x': the model refuses it; never a crash here
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def meeting_weekday(semester: Semester) -> int | None:
    """The weekday most sessions fall on (0 = Monday), or None if there is no clear one.

    A clear meeting day needs at least three sessions and one weekday used at least
    twice and strictly more often than any other.
    """
    if len(semester.sessions) < 3:
        return None
    ranked = Counter(s.date.weekday() for s in semester.sessions).most_common()
    day, count = ranked[0]
    if count < 2 or (len(ranked) > 1 and ranked[1][1] == count):
        return None
    return day


# ----------------------------------------------------------------------- checks


def _check_semester(semester: Semester) -> list[Problem]:
    found: list[Problem] = []
    meets_on = meeting_weekday(semester)
    seen_dates: set[dt.date] = set()
    for session in semester.sessions:
        duplicate = session.date in seen_dates
        seen_dates.add(session.date)
        found.extend(_check_session(semester, session, meets_on, duplicate))
    return found


def _check_session(
    semester: Semester,
    session: Session,
    meets_on: int | None,
    duplicate: bool,
) -> list[Problem]:
    where = session_where(semester, session)
    found: list[Problem] = []

    def add(severity: Severity, message: str, field: str | None) -> None:
        found.append(Problem(severity, where, message, semester.id, session.id, None, field))

    day = day_text(session.date)
    if duplicate:
        heading = format_heading_date(session.date)  # as the README writes it: English
        add("error", _TWO_SESSIONS(day=day, heading=heading), "date")
    weekday = session.date.weekday()
    if meets_on is not None and weekday != meets_on:
        message = _OTHER_WEEKDAY(
            day=day, weekday=weekday_text(weekday), usual=weekday_text(meets_on)
        )
        add("info", message, "date")
    if not session.topics:
        add("warning", _NO_TOPICS(day=day), "topics")
    for index in range(len(session.topics)):
        found.extend(_check_topic(semester, session, index))
    return found


def _check_topic(semester: Semester, session: Session, index: int) -> list[Problem]:
    topic: Topic = session.topics[index]
    where = topic_where(semester, session, index)
    found: list[Problem] = []

    def add(severity: Severity, message: str, field: str | None) -> None:
        found.append(Problem(severity, where, message, semester.id, session.id, topic.id, field))

    url = topic.paper.url
    if url and not is_web_url(url):
        add("error", _not_web_message(_PAPER_LINK(), url), "paper.url")
    if topic.video and not is_web_url(topic.video):
        add("error", _not_web_message(_VIDEO_LINK(), topic.video), "video")
    if topic.slides and urlsplit(topic.slides).scheme and not is_web_url(topic.slides):
        add("error", _LOCAL_SLIDES(link=repr(topic.slides)), "slides")
    if url and is_web_url(url):
        _check_venue(topic, add)
    return found


def _check_venue(topic: Topic, add: _Add) -> None:
    inferred = infer_venue(topic.paper.url)
    if inferred is None:
        return
    written = topic.paper.venue
    if not written:
        add("info", _VENUE_MISSING(venue=inferred), "paper.venue")
    elif not venues_agree(written, inferred):
        if inferred == "arXiv" and venue_kind(written) == "conference":
            # Linking the arXiv copy of a conference paper is common and fine.
            add("info", _ARXIV_COPY(venue=written), "paper.venue")
        else:
            add("warning", _VENUE_DISAGREES(venue=written, inferred=inferred), "paper.venue")


def _not_web_message(what: str, url: str) -> str:
    if _LOOKS_LIKE_HOST.match(url):
        return _NOT_WEB_HOST(what=what, link=repr(url), url=url)
    return _NOT_WEB(what=what, link=repr(url))


def _day_off_problems(doc: Document, semester: Semester) -> list[Problem]:
    """A warning for each session on a public holiday or in a break (core/plan.py;
    imported here on first use: it loads the holidays package when it needs it)."""
    from seminar_gui.core.plan import sessions_on_days_off

    return [
        Problem(
            "warning",
            session_where(semester, session),
            message,
            semester.id,
            session.id,
            None,
            "date",
        )
        for session, message in sessions_on_days_off(doc, semester)
    ]
