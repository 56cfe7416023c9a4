"""The README importer's state machine: lines in, a :class:`Document` out.

Used through :func:`seminar_gui.core.readme.importer.import_readme`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from seminar_gui.core import lines, markers
from seminar_gui.core.dates import (
    format_heading_date,
    parse_heading_date,
    semester_year_for_month,
)
from seminar_gui.core.errors import ReadmeImportError, error_text, printable
from seminar_gui.core.fields import plain_line, plain_link, prechecked
from seminar_gui.core.messages import QT_TRANSLATE_NOOP
from seminar_gui.core.model import (
    Document,
    FreeSection,
    Paper,
    Presenter,
    Semester,
    Session,
    Topic,
    check_address,
    check_file_name,
    check_link,
    parse_semester_title,
)
from seminar_gui.core.readme.export import split_authors
from seminar_gui.core.readme.scan import Line, is_closer
from seminar_gui.core.readme.style_detect import StyleVotes

# ------------------------------------------------------------------- the messages
_LINE = QT_TRANSLATE_NOOP("import", "line {line}: {message}")
_NEVER_CLOSED = QT_TRANSLATE_NOOP(
    "import", "code block or HTML comment never closed; closed it at the end"
)
_YEAR_ZERO = QT_TRANSLATE_NOOP(
    "import",
    "semester heading '{heading}': a year starting with 0 is not a year; write it like "
    "'# 2025 {season}' and import again",
)
_NO_SEMESTER = QT_TRANSLATE_NOOP(
    "import",
    "no semester heading found: the schedule starts with a line like "
    "'# 2025 Fall'; add one above the sessions and import again",
)
_SEMESTER_TWICE = QT_TRANSLATE_NOOP(
    "import",
    "semester '{title}' appears twice (first at line {first}); merge the two into one "
    "and import again",
)
_TITLE_WRITTEN_AS = QT_TRANSLATE_NOOP(
    "import", "semester title '{heading}' will be written as '{title}'"
)
_SECOND_SCHEDULE = QT_TRANSLATE_NOOP(
    "import", "second '## Schedule' heading; its sessions join the first"
)
_FREE_SECTION = QT_TRANSLATE_NOOP("import", "heading '{heading}' is kept as a free section")
_DATE_OUTSIDE = QT_TRANSLATE_NOOP(
    "import",
    "date '{heading}' is not in semester {semester} (the README writes dates without a "
    "year); kept as text",
)
_DATE_READ_AS = QT_TRANSLATE_NOOP("import", "date '{heading}' read as {date}")
_SCHEDULE_ADDED = QT_TRANSLATE_NOOP("import", "no '## Schedule' heading; it will be added")
_NOT_A_DATE = QT_TRANSLATE_NOOP("import", "heading '{heading}' is not a date; kept as text")
_TEXT_KEPT = QT_TRANSLATE_NOOP("import", "text not understood; kept where it stands")
_LINE_KEPT = QT_TRANSLATE_NOOP("import", "line not understood; kept where it stands")
_NEW_TOPIC = QT_TRANSLATE_NOOP("import", "a second {kind} line in one session: read as a new topic")
_SECOND_LINE = QT_TRANSLATE_NOOP("import", "second {kind} line in one topic; kept as text")
_GARBLED = QT_TRANSLATE_NOOP(
    "import",
    "marker '{marker}' was garbled by an old encoding mix-up and could not be restored; "
    "its place in the topic says it is the {kind} line, so it is read as one and written "
    "with the usual marker",
)
_KEPT_AS_TEXT = QT_TRANSLATE_NOOP("import", "{kind} line kept as text: {reason}")
#: What the lines of a topic are called in messages.
_KINDS = {
    "paper": QT_TRANSLATE_NOOP("import", "paper"),
    "presenters": QT_TRANSLATE_NOOP("import", "presenters"),
    "note": QT_TRANSLATE_NOOP("import", "note"),
    "materials": QT_TRANSLATE_NOOP("import", "materials"),
}
_LINKS = {
    "slides": QT_TRANSLATE_NOOP("import", "slides link"),
    "video": QT_TRANSLATE_NOOP("import", "video link"),
}


def _kind(kind: str) -> str:
    """ "paper", "presenters", … for a message."""
    template = _KINDS.get(kind)
    return template() if template is not None else kind


class ImportWarning(NamedTuple):
    line: int
    message: str

    def text(self) -> str:
        """ "line 5: …" (a :class:`~seminar_gui.core.messages.Text`)."""
        return _LINE(line=self.line, message=self.message)

    def __str__(self) -> str:
        return str(self.text())


def _stable_id(prefix: str, key: str) -> str:
    """``prefix`` and 10 hex digits of ``key``: the same README gives the same ids."""
    return prefix + _sha1(key.encode()).hexdigest()[:10]


_sha1 = hashlib.sha1


# ------------------------------------------------------------------------- builder


@dataclass(slots=True)
class _TopicDraft:
    heading: str = ""
    explicit: bool = False  # started by a '####' heading
    values: dict[str, object] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)
    last: str = "start"

    def add_extra(self, text: str) -> None:
        self.extra.setdefault(self.last, []).append(text)


@dataclass(slots=True)
class _SessionDraft:
    line: int
    date: object
    intro: list[str] = field(default_factory=list)
    topics: list[_TopicDraft] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)
    closed: bool = False
    headed: bool = False  # has '#### Topic' headings


@dataclass(slots=True)
class _SemesterDraft:
    line: int
    title: str
    has_schedule: bool
    intro: list[str] = field(default_factory=list)
    sections: list[tuple[dict[str, object], list[str]]] = field(default_factory=list)
    schedule_intro: list[str] = field(default_factory=list)
    sessions: list[_SessionDraft] = field(default_factory=list)
    state: str = "intro"  # intro | section | schedule | after
    schedule_seen: bool = False


def _block(text_lines: list[str]) -> str:
    if not text_lines:
        return ""
    text = "\n".join(text_lines).strip("\n")
    closer = lines.unclosed_construct(text)
    # A block left open would swallow what the exporter writes after it.
    return f"{text}\n{closer}" if closer else text


class ReadmeBuilder:
    def __init__(self, source: str | Path | None) -> None:
        self.source = source
        self.warnings: list[ImportWarning] = []
        self.preamble: list[str] = []
        self.semesters: list[_SemesterDraft] = []
        self._titles: dict[str, int] = {}  # semester title -> line (a dict: 10,000 are fine)
        self._dates: dict[tuple[str, str], dt.date | None] = {}  # (heading, semester) -> date
        self.votes = StyleVotes()
        self.saw_authors = False  # a paper line had authors: the style writes them
        # presenters line -> its (frozen) people and the separator it votes for
        self._people: dict[str, tuple[tuple[Presenter, ...], str | None]] = {}

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message))

    # ---------------------------------------------------------------- traversal
    def run(self, scanned: list[Line]) -> None:
        has_schedule = _semesters_with_schedule(scanned)
        if scanned and scanned[-1].opaque:
            opener = next((ln.number for ln in reversed(scanned) if not ln.opaque), 0) + 1
            if lines.unclosed_construct("\n".join(ln.text for ln in scanned[opener - 1 :])):
                self.warn(opener, _NEVER_CLOSED())
        for ln in scanned:
            if ln.level == 1 and not ln.opaque:
                parsed = parse_semester_title(ln.heading)
                if parsed is not None:
                    if parsed[0] < 1000:  # '# 0025 Fall': no year of a reading group
                        shown = printable(ln.heading.strip())
                        raise ReadmeImportError(
                            _YEAR_ZERO(heading=shown, season=parsed[1]),
                            file=self.source,
                            line=ln.number,
                        )
                    self._start_semester(ln, f"{parsed[0]} {parsed[1]}", has_schedule)
                    continue
            if not self.semesters:
                self.preamble.append(ln.text)
                continue
            self._semester_line(self.semesters[-1], ln)
        if not self.semesters:
            raise ReadmeImportError(_NO_SEMESTER(), file=self.source, line=1)

    def _start_semester(self, ln: Line, title: str, has_schedule: set[int]) -> None:
        first = self._titles.setdefault(title, ln.number)
        if first != ln.number:
            raise ReadmeImportError(
                _SEMESTER_TWICE(title=title, first=first),
                file=self.source,
                line=ln.number,
            )
        if ln.heading != title:
            self.warn(ln.number, _TITLE_WRITTEN_AS(heading=ln.heading, title=title))
        self.semesters.append(_SemesterDraft(ln.number, title, ln.number in has_schedule))

    def _semester_line(self, sem: _SemesterDraft, ln: Line) -> None:
        heading = None if ln.opaque else ln.level
        if heading in (1, 2):
            if heading == 2 and ln.heading.strip().lower() == "schedule":
                if sem.schedule_seen:
                    self.warn(ln.number, _SECOND_SCHEDULE())
                sem.state, sem.schedule_seen = "schedule", True
                return
            if heading == 1:
                self.warn(ln.number, _FREE_SECTION(heading=ln.heading))
            after = sem.schedule_seen or bool(sem.sessions)
            sem.sections.append(
                ({"heading": ln.heading, "level": heading, "after_schedule": after}, [])
            )
            sem.state = "section"
            return
        in_schedule = sem.state == "schedule" or (not sem.has_schedule and sem.state == "intro")
        if in_schedule and heading == 3:
            key = (ln.heading, sem.title)
            if key not in self._dates:  # a README repeating one heading 50,000 times is fast
                self._dates[key] = _heading_date(ln.heading, sem.title)
            date = self._dates[key]
            if date is _OUTSIDE:
                self.warn(ln.number, _DATE_OUTSIDE(heading=ln.heading, semester=sem.title))
            elif date is not None:
                canonical = format_heading_date(date)
                if ln.heading != canonical:
                    self.warn(ln.number, _DATE_READ_AS(heading=ln.heading, date=date.isoformat()))
                if not sem.has_schedule and not sem.sessions:
                    self.warn(ln.number, _SCHEDULE_ADDED())
                sem.state = "schedule"
                sem.sessions.append(_SessionDraft(ln.number, date))
                return
            else:
                self.warn(ln.number, _NOT_A_DATE(heading=ln.heading))
        if sem.state == "section":
            sem.sections[-1][1].append(ln.text)
        elif sem.state == "intro":
            sem.intro.append(ln.text)
        elif not sem.sessions:
            sem.schedule_intro.append(ln.text)
        else:
            self._session_line(sem.sessions[-1], ln)

    def _session_line(self, ses: _SessionDraft, ln: Line) -> None:
        stripped = ln.text.strip()
        if ses.closed or ln.opaque:
            if stripped or ses.trailer or ses.closed:
                self._free_text(ses, ln)
            return
        if stripped[:1] == "<" and is_closer(stripped):
            ses.closed = True
            return
        if ln.level == 4:
            auto = lines.is_auto_topic_heading(ln.heading)
            ses.headed = True
            ses.topics.append(_TopicDraft("" if auto else ln.heading, explicit=True))
            return
        if not stripped:
            topic = ses.topics[-1] if ses.topics else None
            if topic and topic.extra.get(topic.last):
                topic.add_extra("")
            elif not ses.topics and ses.intro:
                ses.intro.append("")
            return
        bullet = _bullet(ln.text)
        if bullet is None:
            self._free_text(ses, ln)
            return
        self._topic_line(ses, ln, bullet)

    def _free_text(self, ses: _SessionDraft, ln: Line) -> None:
        if ln.text.strip():
            self.warn(ln.number, _TEXT_KEPT())
        if ses.closed:
            ses.trailer.append(ln.text)
        elif ses.topics:
            ses.topics[-1].add_extra(ln.text)
        else:
            ses.intro.append(ln.text)

    def _topic_line(self, ses: _SessionDraft, ln: Line, rest: str) -> None:
        kind, marker, payload = self._classify(ses, ln, rest)
        topic = ses.topics[-1] if ses.topics else None
        if kind and (topic is None or (not topic.explicit and kind in topic.values)):
            if topic is not None:
                self.warn(ln.number, _NEW_TOPIC(kind=_kind(kind)))
            topic = _TopicDraft()
            ses.topics.append(topic)
        if topic is None:
            topic = _TopicDraft()
            ses.topics.append(topic)
        if kind is None or kind in topic.values:
            if kind is not None:
                self.warn(ln.number, _SECOND_LINE(kind=_kind(kind)))
            else:
                self.warn(ln.number, _LINE_KEPT())
            topic.add_extra(ln.text)
            return
        value = self._value(kind, payload, ln)
        if value is None:
            topic.add_extra(ln.text)
            return
        topic.values[kind] = value
        topic.last = kind
        if marker:
            self.votes.marker(kind, marker)

    def _classify(self, ses: _SessionDraft, ln: Line, rest: str) -> tuple[str | None, str, object]:
        mats = lines.parse_materials(rest) if rest.startswith("[") else None
        if mats is not None:
            kinds = [link.kind for link in mats[0]]
            if all(kinds) and len(set(kinds)) == len(kinds):
                return "materials", "", mats  # type: ignore[return-value]
        token, payload = markers.split_marker(rest)
        known = markers.classify_marker(token)  # a known marker is a symbol token
        if known is not None:
            return known[0], known[1], payload
        if not markers.is_symbol_token(token):
            return None, "", rest
        if markers.is_damaged(token):
            topic = ses.topics[-1] if ses.topics else None
            hint = markers.damaged_kind_hint(token)
            if hint is None:
                hint = "presenters" if topic and "paper" in topic.values else "paper"
            self.warn(ln.number, _GARBLED(marker=token, kind=_kind(hint)))
            return hint, "", payload
        return None, "", rest

    def _value(self, kind: str, payload: object, ln: Line) -> object | None:
        try:
            if kind == "materials":
                return self._materials(payload)  # type: ignore[arg-type]
            assert isinstance(payload, str)
            if kind == "note":
                return payload.strip()
            if kind == "paper":
                payload, authors = split_authors(payload)
                parts = lines.parse_paper(payload)
                if authors:  # the exporter's `` — *A, B*`` (Style.paper_authors)
                    self.saw_authors = True
                    return Paper(
                        title=parts.title, url=parts.url, venue=parts.venue, authors=authors
                    )
                return Paper.make(parts.title, parts.url, parts.venue)
            return self._presenters(payload)
        except ValueError as exc:
            self.warn(ln.number, _KEPT_AS_TEXT(kind=_kind(kind), reason=error_text(exc)))
            return None

    def _presenters(self, payload: str) -> list[Presenter]:
        known = self._people.get(payload)  # a group names the same people again and again
        if known is not None:
            if known[1]:
                self.votes.presenter_separator(known[1])
            return list(known[0])
        people, sep = lines.split_presenters(payload)
        vote = sep if sep and len(people) > 1 else None
        if vote:
            self.votes.presenter_separator(vote)
        presenters = [Presenter.make(p.name, p.affiliation) for p in people]  # may raise
        self._people[payload] = (tuple(presenters), vote)
        return presenters

    def _materials(self, parsed: tuple[list[lines.MaterialLink], list[str]]) -> dict[str, str]:
        links, seps = parsed
        found: dict[str, str] = {}
        for link in links:
            target = link.target
            if not (plain_link(target) and len(target) <= 255):  # else every check keeps it
                what = _LINKS[link.kind]()
                target = check_address(check_link(target, what), what)
                if link.kind == "slides":
                    target = check_file_name(target, what)
            found[link.kind] = target
        for sep in seps:
            self.votes.material_separator(sep)
        for link in links:
            self.votes.label(link.kind, link.label)
            if link.kind == "slides":
                self.votes.slide_name(link.target)
        return found

    # ------------------------------------------------------------------ result
    def document(self) -> Document:
        semesters = [self._semester(s) for s in self.semesters]
        style = self.votes.style()
        if self.saw_authors:
            style = style.model_copy(update={"paper_authors": True})
        return Document(preamble=_block(self.preamble), style=style, semesters=semesters)

    def _semester(self, sem: _SemesterDraft) -> Semester:
        sessions = []
        seen: dict[str, int] = {}
        for ses in sem.sessions:
            key = ses.date.isoformat()  # type: ignore[attr-defined]
            seen[key] = seen.get(key, 0) + 1
            sid = _stable_id("s", f"{sem.title}\x1f{key}\x1f{seen[key]}")
            topics = [self._topic(draft, sid, i) for i, draft in enumerate(ses.topics)]
            values = {
                "id": sid,
                "date": ses.date,
                "topics": topics,
                "intro": _block(ses.intro),
                "trailer": _block(ses.trailer),
            }
            # Every part is checked (the date by parse_heading_date, the topics built):
            # only text that could hold an open code block or comment needs pydantic.
            if _plain_block(values["intro"]) and _plain_block(values["trailer"]):
                sessions.append(prechecked(Session, values))
            else:
                sessions.append(Session(**values))
        sections = [FreeSection(**section, body=_block(body)) for section, body in sem.sections]
        return Semester(
            id=_stable_id("m", sem.title),
            title=sem.title,
            intro=_block(sem.intro),
            sections=sections,
            schedule_intro=_block(sem.schedule_intro),
            sessions=sessions,
        )

    @staticmethod
    def _topic(draft: _TopicDraft, session_id: str, index: int) -> Topic:
        found = draft.values
        mats = found.get("materials", _NO_LINKS)
        assert isinstance(mats, dict)
        note = found.get("note", "")
        values = {
            "id": _stable_id("t", f"{session_id}\x1f{index}"),
            "heading": draft.heading,
            "note": note,
            "paper": found.get("paper", _NO_PAPER),
            "presenters": found.get("presenters") or [],
            "slides": mats.get("slides", ""),
            "video": mats.get("video", ""),
            "extra": {k: _block(v) for k, v in draft.extra.items()} if draft.extra else {},
        }
        # The paper and the presenters are built, the links passed the fields' checks
        # in _materials, an automatic heading is already "": pydantic is needed only
        # for kept text (it orders and merges it) and for an unusual heading or note.
        if (
            not draft.extra
            and (not draft.heading or _PLAIN_TEXT.fullmatch(draft.heading) is not None)
            and (not note or _PLAIN_TEXT.fullmatch(note) is not None)  # type: ignore[arg-type]
        ):
            return prechecked(Topic, values)
        return Topic(**values)


_NO_PAPER = Paper()  # frozen: one for every topic without a paper line
_NO_LINKS: dict[str, str] = {}  # only read
_PLAIN_TEXT = plain_line()
_BULLETS = ("- ", "* ", "+ ")


def _plain_block(text: str) -> bool:
    """A block from :func:`_block` that its field's check keeps as it is."""
    return "```" not in text and "~~~" not in text and "<!--" not in text


_OUTSIDE = dt.date.min  # a heading's date that is not in its semester


def _heading_date(heading: str, title: str) -> dt.date | None:
    """The date of a session heading in semester ``title``; None for no date;
    ``_OUTSIDE`` for a full date ('2025-09-09') that the semester cannot hold: the
    README writes it without its year, and it would be read back in another year."""
    date = parse_heading_date(heading, title)
    if date is not None and semester_year_for_month(title, date.month) != date.year:
        return _OUTSIDE
    return date


def _bullet(text: str) -> str | None:
    if text[:2] in _BULLETS:  # the common case, as the loop below reads it
        return text.rstrip()[2:].strip()
    stripped = text.rstrip()
    for mark in ("- ", "* ", "+ "):
        if stripped.startswith(mark):
            return stripped[2:].strip()
    if stripped in ("-", "*", "+"):
        return ""
    return None


def _semesters_with_schedule(scanned: list[Line]) -> set[int]:
    """Line numbers of semester headings whose semester has a '## Schedule'."""
    result: set[int] = set()
    current: int | None = None
    for ln in scanned:
        if ln.opaque:
            continue
        if ln.level == 1 and parse_semester_title(ln.heading) is not None:
            current = ln.number
        elif ln.level == 2 and ln.heading.strip().lower() == "schedule" and current:
            result.add(current)
    return result
