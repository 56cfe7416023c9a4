"""The schedule document: semesters, sessions, topics (pydantic v2, no Qt).

Every field that ends up on one line of the README is validated by writing it and
reading it back (see :mod:`seminar_gui.core.lines`), so a document that validates
can always be exported and re-imported unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from urllib.parse import unquote, urlsplit

from pydantic import Field, field_validator, model_validator

from seminar_gui.core import lines
from seminar_gui.core.dates import (
    SEASON_ORDER,
    Season,
    infer_date,
    parse_semester_title,
    semester_year_for_month,
)
from seminar_gui.core.fields import (
    DocModel,
    check_link,
    empty_list,
    free_markdown,
    link,
    markdown_block,
    new_id,
    one_line,
    plain_line,
    plain_link,
    prechecked,
    single_line,
)
from seminar_gui.core.lazy_re import lazy_compile
from seminar_gui.core.messages import QT_TRANSLATE_NOOP
from seminar_gui.core.style import Style

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "FreeSection",
    "Paper",
    "Presenter",
    "Semester",
    "Session",
    "Style",
    "Topic",
    "check_address",
    "check_file_name",
    "check_link",
    "infer_date",
    "parse_semester_title",
    "semester_year_for_month",
    "without_ids",
]

SCHEMA_VERSION = 2
EXTRA_POSITIONS = ("start", "note", "paper", "presenters", "materials")
ExtraPosition = Literal["start", "note", "paper", "presenters", "materials"]
_PARENS = lazy_compile("[()（）]")
_PRESENTER_SPECIAL = lazy_compile(r"[,，、()（）&]|\sand\s")
_AND = lazy_compile(r"\sand\s")
_PAPER_GIVEN = frozenset({"title", "url", "venue"})
_TIME_RANGE = lazy_compile(r"([01]\d|2[0-3]):[0-5]\d(-([01]\d|2[0-3]):[0-5]\d)?")

# The ``make`` class methods build a model from the README importer's values, without
# pydantic's pass when every value is plainly valid (the common case: thousands per
# README), else validating as the constructor does.  Their patterns mirror the checks
# of the fields: a new check on a field must be reflected there
# (tests/test_fast_validation.py compares ``make`` with the constructor).
_PLAIN_NAME = plain_line(",，、()（）&", empty=False)
_PLAIN_AFFILIATION = plain_line("()（）")
_PLAIN_TITLE = plain_line("[]\\")  # no brackets or backslashes: no round trip to check
_PLAIN_VENUE = plain_line("[]")

# ------------------------------------------------------------------- the messages
# What the fields are called in messages ("note must be on one line ..."): made once,
# as validators pass them on every call.
_PRESENTER_NAME = QT_TRANSLATE_NOOP("model", "presenter name")()
_AFFILIATION = QT_TRANSLATE_NOOP("model", "affiliation")()
_PAPER_TITLE = QT_TRANSLATE_NOOP("model", "paper title")()
_PAPER_URL = QT_TRANSLATE_NOOP("model", "paper URL")()
_VENUE_TAG = QT_TRANSLATE_NOOP("model", "venue tag")()
_TOPIC_HEADING = QT_TRANSLATE_NOOP("model", "topic heading")()
_NOTE = QT_TRANSLATE_NOOP("model", "note")()
_SLIDES_LINK = QT_TRANSLATE_NOOP("model", "slides link")()
_VIDEO_LINK = QT_TRANSLATE_NOOP("model", "video link")()
_LINK = QT_TRANSLATE_NOOP("model", "link")()
_KEPT_TEXT = QT_TRANSLATE_NOOP("model", "kept text")()
_SESSION_TEXT = QT_TRANSLATE_NOOP("model", "session text")()
_SECTION_HEADING = QT_TRANSLATE_NOOP("model", "section heading")()
_SECTION_TEXT = QT_TRANSLATE_NOOP("model", "section text")()
_SEMESTER_TITLE = QT_TRANSLATE_NOOP("model", "semester title")()
_SEMESTER_TEXT = QT_TRANSLATE_NOOP("model", "semester text")()
_PREAMBLE = QT_TRANSLATE_NOOP("model", "text before the first semester")()
_AUTHOR = QT_TRANSLATE_NOOP("model", "author")()
_MEETING_TIME = QT_TRANSLATE_NOOP("model", "meeting time")()
_PLACE = QT_TRANSLATE_NOOP("model", "place")()
_ONLINE_LINK = QT_TRANSLATE_NOOP("model", "online link")()
_BREAK_NAME = QT_TRANSLATE_NOOP("model", "break name")()
_TEMPLATE = QT_TRANSLATE_NOOP("model", "announcement template")()
_BAD_TIME = QT_TRANSLATE_NOOP(
    "model", "meeting time {time} is not like 19:00 or 19:00-21:00 (24-hour clock)"
)
_BREAK_DATES = QT_TRANSLATE_NOOP(
    "model", "break {name}: its first day {first} is after its last day {last}"
)
_COUNTRY = QT_TRANSLATE_NOOP(
    "model",
    "holiday country {country} is not a two-letter country code such as CN or US "
    "(empty: no public holidays)",
)

_NO_NAME = QT_TRANSLATE_NOOP("model", "presenter name is empty: type a name or remove the row")
_SEVERAL_PEOPLE = QT_TRANSLATE_NOOP(
    "model",
    "presenter name {name} would be read back as several people or with an "
    "affiliation: names cannot contain commas, parentheses or ' and '; "
    "put each person in a row of their own",
)
_AFFILIATION_PARENTHESES = QT_TRANSLATE_NOOP(
    "model", "affiliation {affiliation} cannot contain parentheses"
)
_BAD_ADDRESS = QT_TRANSLATE_NOOP(
    "model", "{what} {link} is not a valid address ({reason}); correct it"
)
_LONG_FILE_NAME = QT_TRANSLATE_NOOP(
    "model",
    "{what} {link}… names a file of {size} bytes; file names have at most 255: shorten it",
)
_VENUE_BRACKETS = QT_TRANSLATE_NOOP("model", "venue tag {venue} cannot contain square brackets")
_VENUE_LONG = QT_TRANSLATE_NOOP(
    "model", "venue tag {venue}… is longer than 40 characters; shorten it"
)
_URL_NO_TITLE = QT_TRANSLATE_NOOP("model", "paper has a URL but no title: type the title")
_AMBIGUOUS_TITLE = QT_TRANSLATE_NOOP(
    "model",
    "paper title {title} cannot be written unambiguously: a title "
    "without a link must not start with '[...]' (write '\\[' instead), and "
    "brackets in a linked title must be balanced",
)
_NEW_SEMESTER = QT_TRANSLATE_NOOP("model", "'# {heading}' would start a new semester; use '##'")
_SCHEDULE_HEADING = QT_TRANSLATE_NOOP(
    "model", "'## Schedule' is where the sessions go; choose another heading"
)
_NOT_A_TITLE = QT_TRANSLATE_NOOP(
    "model", "semester title {title} is not like '2025 Fall' (year and season)"
)
_YEAR_ZERO = QT_TRANSLATE_NOOP(
    "model",
    "semester title {title}: a year starting with 0 is not a year; write it like '2025 {season}'",
)
_WRONG_SEMESTER = QT_TRANSLATE_NOOP(
    "model",
    "session {date} does not belong to semester {semester}: the README writes dates "
    "without a year, so it would be read back as {readback}; move it or put it in the "
    "right semester",
)
_INVALID_DATE = QT_TRANSLATE_NOOP("model", "an invalid date")
_TERM = QT_TRANSLATE_NOOP("model", "the term's first day {first} is after its last day {last}")
_SEMESTER_TWICE = QT_TRANSLATE_NOOP(
    "model", "semester {semester} appears twice; merge the two into one"
)
_ID_TWICE = QT_TRANSLATE_NOOP("model", "id {id} is used twice; ids must be unique")


class Presenter(DocModel):
    """One person of a topic; the first presenter of a topic is its lead."""

    @classmethod
    def make(cls, name: str, affiliation: str = "") -> Presenter:
        """``Presenter(name=name, affiliation=affiliation)``: the same value, the same
        errors; without pydantic's pass when the values are plainly valid."""
        if (
            type(name) is str
            and _PLAIN_NAME.fullmatch(name) is not None
            and ("and" not in name or _AND.search(name) is None)
            and type(affiliation) is str
            and _PLAIN_AFFILIATION.fullmatch(affiliation) is not None
        ):
            return prechecked(cls, {"name": name, "affiliation": affiliation})
        return cls(name=name, affiliation=affiliation)

    name: Annotated[str, one_line(_PRESENTER_NAME)] = Field(
        description="Full name as shown in the README"
    )
    affiliation: Annotated[str, one_line(_AFFILIATION)] = Field(
        default="", description="Shown in parentheses after the name"
    )

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not v:
            raise ValueError(_NO_NAME())
        if _PRESENTER_SPECIAL.search(v) is None:
            return v
        people, _ = lines.split_presenters(v)
        if people != [lines.PresenterParts(v)]:
            raise ValueError(_SEVERAL_PEOPLE(name=repr(v)))
        return v

    @field_validator("affiliation")
    @classmethod
    def _affiliation(cls, v: str) -> str:
        if _PARENS.search(v):
            raise ValueError(_AFFILIATION_PARENTHESES(affiliation=repr(v)))
        return v


def check_address(value: str, what: str) -> str:
    """``value`` if Python can take the link apart; a link like ``https://[x`` (an
    unclosed IPv6 host) is refused here, or every later look at it would raise."""
    if value.isascii() and "[" not in value and "]" not in value:
        return value  # urlsplit refuses only brackets in a host, or a non-ASCII host
    try:
        urlsplit(value)
    except ValueError as exc:
        raise ValueError(_BAD_ADDRESS(what=what, link=repr(value), reason=str(exc))) from None
    return value


def check_file_name(value: str, what: str) -> str:
    """``value`` unless it is a relative link naming a file of more than 255 bytes,
    which no disk allows: looking that file up would fail, not just not find it."""
    if len(value) <= 255:
        return value
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return value
    longest = max(len(unquote(p).encode("utf-8", "surrogatepass")) for p in parts.path.split("/"))
    if longest > 255:
        raise ValueError(_LONG_FILE_NAME(what=what, link=repr(value[:40]), size=longest))
    return value


class Paper(DocModel):
    @classmethod
    def make(cls, title: str = "", url: str = "", venue: str = "") -> Paper:
        """``Paper(title=title, url=url, venue=venue)``: the same value, the same
        errors; without pydantic's pass when the values are plainly valid."""
        if (
            type(title) is str
            and _PLAIN_TITLE.fullmatch(title) is not None
            and plain_link(url)
            and (title or not url)
            and type(venue) is str
            and len(venue) <= 40
            and _PLAIN_VENUE.fullmatch(venue) is not None
        ):
            values = {"title": title, "url": url, "venue": venue, "authors": []}
            return prechecked(cls, values, _PAPER_GIVEN)
        return cls(title=title, url=url, venue=venue)

    title: Annotated[str, one_line(_PAPER_TITLE)] = Field(
        default="", description="Paper title (Markdown); empty: not chosen yet"
    )
    url: Annotated[str, link(_PAPER_URL)] = Field(default="", description="Link to the paper")
    venue: Annotated[str, one_line(_VENUE_TAG)] = Field(
        default="", description='Venue tag as written, e.g. "SOSP \'25", arXiv'
    )
    authors: list[Annotated[str, one_line(_AUTHOR)]] = Field(
        default_factory=empty_list,
        description="The paper's authors (from a paper look-up); exported only when the "
        "style says so",
    )

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        return check_address(v, _PAPER_URL)

    @field_validator("venue")
    @classmethod
    def _venue(cls, v: str) -> str:
        if "[" in v or "]" in v:
            raise ValueError(_VENUE_BRACKETS(venue=repr(v)))
        if len(v) > 40:
            raise ValueError(_VENUE_LONG(venue=repr(v[:20])))
        return v

    @model_validator(mode="after")
    def _round_trip(self) -> Paper:
        if self.url and not self.title:
            raise ValueError(_URL_NO_TITLE())
        if "[" not in self.title and "]" not in self.title and "\\" not in self.title:
            return self  # nothing in it that Markdown could read differently
        parts = lines.PaperParts(self.venue, self.title, self.url)
        if lines.parse_paper(lines.format_paper(parts)) != parts:
            raise ValueError(_AMBIGUOUS_TITLE(title=repr(self.title)))
        return self

    @property
    def is_empty(self) -> bool:
        return not (self.title or self.url or self.venue)


class Topic(DocModel):
    id: str = Field(default_factory=lambda: new_id("t"), description="Stable id (not exported)")
    heading: Annotated[str, one_line(_TOPIC_HEADING)] = Field(
        default="", description="Custom '####' heading; empty: 'Topic I', 'Topic II', ..."
    )
    note: Annotated[str, one_line(_NOTE)] = Field(
        default="", description="Shown after ✨, e.g. 'SOSP Rehearsal'"
    )
    paper: Paper = Field(default_factory=Paper)
    presenters: list[Presenter] = Field(default_factory=empty_list, description="First is the lead")
    slides: Annotated[str, link(_SLIDES_LINK)] = Field(
        default="", description="Link to the slides, relative to the README"
    )
    video: Annotated[str, link(_VIDEO_LINK)] = Field(
        default="", description="Link to the recording"
    )
    extra: dict[ExtraPosition, str] = Field(
        default_factory=dict,
        description="Markdown lines the importer did not understand, by the line they follow",
    )

    @field_validator("slides", "video")
    @classmethod
    def _address(cls, v: str) -> str:
        return check_address(v, _LINK)

    @field_validator("slides")
    @classmethod
    def _file_name(cls, v: str) -> str:
        return check_file_name(v, _SLIDES_LINK)

    @field_validator("heading")
    @classmethod
    def _heading(cls, v: str) -> str:
        return "" if v and lines.is_auto_topic_heading(v) else v

    @field_validator("extra")
    @classmethod
    def _extra(cls, v: dict[str, str]) -> dict[str, str]:
        if not v:
            return v
        return {
            k: free_markdown(v[k], _KEPT_TEXT) for k in EXTRA_POSITIONS if k in v and v[k].strip()
        }

    @model_validator(mode="after")
    def _extra_positions(self) -> Topic:
        """Kept text after a line the topic does not write joins the line before.

        (Without a note line, text kept "after the note" stands after the start.)
        """
        if not self.extra:
            return self
        present = {
            "start": True,
            "note": bool(self.note),
            "paper": True,
            "presenters": bool(self.presenters),
            "materials": bool(self.slides or self.video),
        }
        if all(present[k] for k in self.extra):
            return self
        merged: dict[str, str] = {}
        anchor = "start"
        for position in EXTRA_POSITIONS:
            if present[position]:
                anchor = position
            if position in self.extra:
                text = self.extra[position]
                merged[anchor] = f"{merged[anchor]}\n{text}" if anchor in merged else text
        self.__dict__["extra"] = merged  # bypass validate_assignment (no recursion)
        return self

    @property
    def lead(self) -> Presenter | None:
        return self.presenters[0] if self.presenters else None

    @property
    def short_name(self) -> str:
        """The system name: the title before the colon, e.g. 'Fast-dLLM v2'."""
        title = lines.link_labels(self.paper.title)
        head = title.split(":", 1)[0].strip()
        return head if len(head) <= 40 else head[:39] + "…"


class Session(DocModel):
    id: str = Field(default_factory=lambda: new_id("s"), description="Stable id (not exported)")
    date: dt.date = Field(description="Meeting date, ISO YYYY-MM-DD")
    topics: list[Topic] = Field(default_factory=empty_list)
    intro: Annotated[str, markdown_block(_SESSION_TEXT)] = Field(
        default="", description="Markdown between the date and the first topic"
    )
    trailer: Annotated[str, markdown_block(_SESSION_TEXT)] = Field(
        default="", description="Markdown after the session's <br><br>"
    )


class FreeSection(DocModel):
    """A Markdown section the app does not interpret (e.g. '## Other Information')."""

    heading: Annotated[str, one_line(_SECTION_HEADING)] = Field(
        description="Heading text without the '#' marks"
    )
    level: Annotated[int, Field(ge=1, le=2)] = 2
    body: Annotated[str, markdown_block(_SECTION_TEXT)] = Field(
        default="", description="Markdown body, kept verbatim"
    )
    after_schedule: bool = Field(default=False, description="Placed after the schedule")

    @model_validator(mode="after")
    def _not_structure(self) -> FreeSection:
        if self.level == 1 and parse_semester_title(self.heading):
            raise ValueError(_NEW_SEMESTER(heading=self.heading))
        if self.level == 2 and self.heading.strip().lower() == "schedule":
            raise ValueError(_SCHEDULE_HEADING())
        return self


class Break(DocModel):
    """Days without meetings that the organizer set (a conference week, exams)."""

    name: Annotated[str, one_line(_BREAK_NAME)] = Field(description='e.g. "SOSP week"')
    first: dt.date = Field(description="First day of the break")
    last: dt.date = Field(description="Last day of the break (the same day for one day)")

    @model_validator(mode="after")
    def _order(self) -> Break:
        if self.first > self.last:
            raise ValueError(_BREAK_DATES(name=repr(self.name), first=self.first, last=self.last))
        return self


class Rules(DocModel):
    """The group's rules (its README's "Specific Requirements"), each on or off; the
    Problems panel and ``seminar-gui check`` report what breaks one that is on."""

    one_conference_one_arxiv: bool = Field(
        default=True,
        description="Every regular session has one SOSP/OSDI paper and one arXiv paper "
        "(a session whose topic has a note, e.g. 'SOSP Rehearsal', is special)",
    )
    lead_presenter: bool = Field(default=True, description="Every topic has a lead presenter")
    no_repeated_paper: bool = Field(
        default=True,
        description="No paper is presented twice, across all semesters (same URL, arXiv "
        "id, DOI or title)",
    )
    slides_and_video: bool = Field(
        default=True, description="Past sessions have slides and a video"
    )
    no_consecutive_lead: bool = Field(
        default=True, description="Nobody leads in two consecutive sessions"
    )


class Semester(DocModel):
    id: str = Field(default_factory=lambda: new_id("m"), description="Stable id (not exported)")
    title: str = Field(description="'YYYY Season', e.g. '2025 Fall'")
    intro: Annotated[str, markdown_block(_SEMESTER_TEXT)] = Field(
        default="", description="Markdown between the title and the first section"
    )
    sections: list[FreeSection] = Field(default_factory=empty_list)
    schedule_intro: Annotated[str, markdown_block(_SEMESTER_TEXT)] = Field(
        default="", description="Markdown before the first session"
    )
    sessions: list[Session] = Field(default_factory=empty_list, description="Newest first")
    meeting_weekday: Annotated[int, Field(ge=0, le=6)] | None = Field(
        default=None,
        description="The group's meeting day, 0 = Monday; null: the most common session day",
    )
    first_date: dt.date | None = Field(default=None, description="First day of the term")
    last_date: dt.date | None = Field(default=None, description="Last day of the term")
    meeting_time: Annotated[str, one_line(_MEETING_TIME)] = Field(
        default="", description='When the group meets: "19:00" or "19:00-21:00"; empty: unknown'
    )
    place: Annotated[str, one_line(_PLACE)] = Field(
        default="", description="Where the group meets (room, building)"
    )
    online_link: Annotated[str, link(_ONLINE_LINK)] = Field(
        default="", description="The meeting's online link (Tencent Meeting, Zoom, ...)"
    )
    breaks: list[Break] = Field(
        default_factory=empty_list, description='Weeks without meetings ("SOSP week"), by date'
    )

    @field_validator("meeting_time")
    @classmethod
    def _meeting_time(cls, v: str) -> str:
        if v and not _TIME_RANGE.fullmatch(v):
            raise ValueError(_BAD_TIME(time=repr(v)))
        return v

    @field_validator("online_link")
    @classmethod
    def _online_link(cls, v: str) -> str:
        return check_address(v, _ONLINE_LINK)

    @field_validator("breaks")
    @classmethod
    def _breaks(cls, v: list[Break]) -> list[Break]:
        return sorted(v, key=lambda b: b.first)

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        parsed = parse_semester_title(single_line(v, _SEMESTER_TITLE))
        if parsed is None:
            raise ValueError(_NOT_A_TITLE(title=repr(v)))
        if parsed[0] < 1000:  # '0025 Fall' would be written '25 Fall', which reads as nothing
            raise ValueError(_YEAR_ZERO(title=repr(v), season=parsed[1]))
        return f"{parsed[0]} {parsed[1]}"

    @field_validator("sections")
    @classmethod
    def _sections(cls, v: list[FreeSection]) -> list[FreeSection]:
        # The README has the sections before the schedule, then those after it.
        return sorted(v, key=lambda s: s.after_schedule)

    @field_validator("sessions")
    @classmethod
    def _sorted(cls, v: list[Session]) -> list[Session]:
        return sorted(v, key=lambda s: s.date, reverse=True)

    @model_validator(mode="after")
    def _dates_fit(self) -> Semester:
        years: dict[int, int] = {}  # month -> its year in this semester (infer_date's)
        for session in self.sessions:
            month = session.date.month
            if month not in years:
                years[month] = semester_year_for_month(self.title, month)
            if years[month] != session.date.year:
                raise ValueError(
                    _WRONG_SEMESTER(
                        date=session.date.isoformat(),
                        semester=self.title,
                        readback=_readback(self.title, session.date),
                    )
                )
        return self

    @model_validator(mode="after")
    def _term(self) -> Semester:
        if self.first_date and self.last_date and self.first_date > self.last_date:
            raise ValueError(_TERM(first=self.first_date, last=self.last_date))
        return self

    @property
    def meeting_day(self) -> int | None:
        """The meeting weekday (0 = Monday): as set, else the most common session day."""
        if self.meeting_weekday is not None:
            return self.meeting_weekday
        days = [s.date.weekday() for s in self.sessions]
        return max(set(days), key=lambda d: (days.count(d), -d)) if days else None

    @property
    def year(self) -> int:
        return int(self.title.split()[0])

    @property
    def season(self) -> Season:
        return self.title.split()[1]  # type: ignore[return-value]

    @property
    def sort_key(self) -> tuple[int, int]:
        return self.year, SEASON_ORDER[self.season]


def _readback(title: str, date: dt.date) -> str:
    inferred = infer_date(title, date.month, date.day)
    return inferred.isoformat() if inferred else _INVALID_DATE()


class Document(DocModel):
    """A seminar-gui project: what the JSON file holds."""

    schema_version: int = Field(default=SCHEMA_VERSION, description="File format version")
    preamble: str = Field(default="", description="Markdown before the first semester")
    site_folder: str = Field(
        default="",
        description="Folder of README.md and slides/, relative to the project file; "
        "empty: the project file's folder",
    )
    style: Style = Field(default_factory=Style)
    rules: Rules = Field(default_factory=Rules)
    holiday_country: str = Field(
        default="CN",
        description="Public holidays shaded in the calendar: an ISO country code "
        "(the holidays package); empty: none",
    )
    announcement_template: Annotated[str, markdown_block(_TEMPLATE)] = Field(
        default="",
        description="The session announcement, with {date}, {time}, {place}, {papers}, "
        "... (empty: the built-in one)",
    )
    published_readme_sha: str = Field(
        default="",
        description="Git blob hash of the README this project last published (File > "
        "Publish); empty: not published yet, the checkout's README is the baseline",
    )
    semesters: list[Semester] = Field(default_factory=empty_list, description="Newest first")

    @field_validator("holiday_country")
    @classmethod
    def _country(cls, v: str) -> str:
        v = v.strip().upper()
        if v and not (len(v) == 2 and v.isascii() and v.isalpha()):
            raise ValueError(_COUNTRY(country=repr(v)))
        return v

    @field_validator("preamble")
    @classmethod
    def _preamble(cls, v: str) -> str:
        # A byte-order mark at the very start is an encoding artefact, not text.
        return free_markdown(v.lstrip("\ufeff\n"), _PREAMBLE)

    @field_validator("semesters")
    @classmethod
    def _semesters(cls, v: list[Semester]) -> list[Semester]:
        seen: set[str] = set()
        for semester in v:
            if semester.title in seen:
                raise ValueError(_SEMESTER_TWICE(semester=semester.title))
            seen.add(semester.title)
        return sorted(v, key=lambda s: s.sort_key, reverse=True)

    @model_validator(mode="after")
    def _unique_ids(self) -> Document:
        seen: set[str] = set()
        for semester in self.semesters:
            for obj in [semester, *semester.sessions]:
                if obj.id in seen:
                    raise ValueError(_ID_TWICE(id=repr(obj.id)))
                seen.add(obj.id)
            for session in semester.sessions:
                for topic in session.topics:
                    if topic.id in seen:
                        raise ValueError(_ID_TWICE(id=repr(topic.id)))
                    seen.add(topic.id)
        return self

    # ---------------------------------------------------------------- look-ups
    def semester(self, semester_id: str) -> Semester:
        for semester in self.semesters:
            if semester.id == semester_id:
                return semester
        raise KeyError(semester_id)

    def find_session(self, session_id: str) -> tuple[Semester, Session]:
        for semester in self.semesters:
            for session in semester.sessions:
                if session.id == session_id:
                    return semester, session
        raise KeyError(session_id)

    def find_topic(self, topic_id: str) -> tuple[Semester, Session, Topic]:
        for semester in self.semesters:
            for session in semester.sessions:
                for topic in session.topics:
                    if topic.id == topic_id:
                        return semester, session, topic
        raise KeyError(topic_id)

    def semester_for_date(self, date: dt.date) -> Semester | None:
        for semester in self.semesters:
            if infer_date(semester.title, date.month, date.day) == date:
                return semester
        return None


def without_ids(doc: Document) -> dict:
    """The document's content without the ids (the README does not carry ids)."""

    def strip(obj: object) -> object:
        if isinstance(obj, dict):
            return {k: strip(v) for k, v in obj.items() if k != "id"}
        if isinstance(obj, list):
            return [strip(v) for v in obj]
        return obj

    return strip(doc.model_dump(mode="json"))  # type: ignore[return-value]
