"""The group's rules (its README's "Specific Requirements"), each a check.

:class:`~seminar_gui.core.model.Rules` switches each rule on or off (File › Project
Settings, stored in the project file); :func:`check_rules` runs those that are on and
:func:`~seminar_gui.core.checks.check_document` shows what they find with its other
problems (the Problems panel, ``seminar-gui check``).  Every rule is a function
``rule(doc, today, semester_ids)`` returning :class:`~seminar_gui.core.problem.Problem`
values for the semesters in ``semester_ids`` (None: all), each naming the session's
date and the paper, with the ids and the field a click should select:

* :func:`one_conference_one_arxiv` (warning): a regular session has at least one
  SOSP or OSDI paper and at least one arXiv paper, judged by the venue tags (a paper
  without a tag by its link).  A session is *special*, and exempt, when one of its
  topics has a note ("SOSP Rehearsal", "Kick-off"), or when no topic names a paper
  yet (a planned, empty slot);
* :func:`lead_presenter` (warning): every topic has a lead, its first presenter;
* :func:`no_repeated_paper` (warning): no paper is presented twice, across all
  semesters: the same arXiv id, DOI or link (``http``/``www.``/a trailing ``/`` aside),
  or the same title (case, punctuation and Markdown links aside) where at least one of
  the two has a link or a venue tag (a "Kick-off meeting" every term is no paper).
  The later presentation is reported, in its own semester;
* :func:`slides_and_video` (info: a to-do that the recording being posted settles):
  a topic with a paper in a session that is over has slides and a video;
* :func:`no_consecutive_lead` (warning): nobody leads in two sessions in a row of one
  semester (names compared ignoring case and spacing); reported at the later one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache
from typing import NamedTuple

from seminar_gui.core.dates import day_text
from seminar_gui.core.lines import link_labels
from seminar_gui.core.messages import QT_TRANSLATE_NOOP, chain
from seminar_gui.core.model import Document, Semester, Session, Topic
from seminar_gui.core.paper_ids import in_link, split_url
from seminar_gui.core.people import person_key
from seminar_gui.core.problem import Problem, Severity, session_where, topic_label, topic_where
from seminar_gui.core.venues import CANONICAL_NAMES, infer_venue, split_venue, venue_kind

# ------------------------------------------------------------------- the messages
_COMMA = QT_TRANSLATE_NOOP("rules", "{first}, {second}")
_TAGGED = QT_TRANSLATE_NOOP("rules", "{paper} [{venue}]")
_UNTAGGED = QT_TRANSLATE_NOOP("rules", "{paper} [no venue tag]")
_NO_PAPER_YET = QT_TRANSLATE_NOOP("rules", "{topic}: no paper yet")
_NO_CONFERENCE = QT_TRANSLATE_NOOP(
    "rules",
    "the session on {day} has no SOSP or OSDI paper ({papers}): add one or correct a "
    "venue tag; a note on a topic (like 'Kick-off') marks a special session",
)
_NO_ARXIV = QT_TRANSLATE_NOOP(
    "rules",
    "the session on {day} has no arXiv paper ({papers}): add one or correct a venue "
    "tag; a note on a topic (like 'Kick-off') marks a special session",
)
_NEITHER = QT_TRANSLATE_NOOP(
    "rules",
    "the session on {day} has neither a SOSP/OSDI paper nor an arXiv paper ({papers}): "
    "add them or correct the venue tags; a note on a topic (like 'Kick-off') marks a "
    "special session",
)
_NO_LEAD = QT_TRANSLATE_NOOP(
    "rules",
    "{paper} on {day} has no lead presenter: add the person who presents it (the "
    "first presenter leads)",
)
_NO_LEAD_NO_PAPER = QT_TRANSLATE_NOOP(
    "rules",
    "{topic} on {day} has no lead presenter: add the person who presents it (the "
    "first presenter leads)",
)
_SAME_ARXIV = QT_TRANSLATE_NOOP("rules", "the same arXiv id {id}")
_SAME_DOI = QT_TRANSLATE_NOOP("rules", "the same DOI {doi}")
_SAME_LINK = QT_TRANSLATE_NOOP("rules", "the same link")
_SAME_TITLE = QT_TRANSLATE_NOOP("rules", "the same title")
_REPEATED = QT_TRANSLATE_NOOP(
    "rules",
    "{paper} on {day} was already presented on {earlier} in {semester} ({same}): "
    "the group presents each paper once; choose another paper",
)
_NO_SLIDES_NOR_VIDEO = QT_TRANSLATE_NOOP(
    "rules",
    "no slides/video yet for {paper}: the session on {day} is over; add links to the "
    "slides and the video when available",
)
_NO_SLIDES_YET = QT_TRANSLATE_NOOP(
    "rules",
    "no slides yet for {paper}: the session on {day} is over; add a link to the slides "
    "when available",
)
_NO_VIDEO_YET = QT_TRANSLATE_NOOP(
    "rules",
    "no video yet for {paper}: the session on {day} is over; add a link to the video "
    "when available",
)
_CONSECUTIVE = QT_TRANSLATE_NOOP(
    "rules",
    "{name} leads {paper} on {day} and led {previous} on {previous_day}, the session "
    "before: let someone else lead one of them",
)

RuleCheck = Callable[[Document, dt.date, Collection[str] | None], list[Problem]]

#: The conferences the group's rule names (canonical names, see core/venues.py).
RULE_CONFERENCES = frozenset({"SOSP", "OSDI"})


# ------------------------------------------------------------------------- helpers


def paper_name(session: Session, index: int) -> str:
    """How a message names a topic's paper: the short title ("FalconFS"), else its
    link, else the topic's heading ("Topic II")."""
    topic = session.topics[index]
    if topic.paper.title.strip():
        return topic.short_name
    return topic.paper.url or topic_label(session, index)


def _semesters(doc: Document, semester_ids: Collection[str] | None) -> Iterator[Semester]:
    return (m for m in doc.semesters if semester_ids is None or m.id in semester_ids)


def _problem(
    severity: Severity,
    semester: Semester,
    session: Session,
    index: int | None,
    message: str,
    field: str,
) -> Problem:
    if index is None:
        where = session_where(semester, session)
        return Problem(severity, where, message, semester.id, session.id, None, field)
    where = topic_where(semester, session, index)
    topic_id = session.topics[index].id
    return Problem(severity, where, message, semester.id, session.id, topic_id, field)


def _venue(topic: Topic) -> str:
    """The topic's venue tag, or the one its link implies ("" if neither tells)."""
    return topic.paper.venue.strip() or infer_venue(topic.paper.url) or ""


def _venue_class(tag: str) -> str:
    """``"conference"`` for SOSP/OSDI (any year, any spelling), ``"arXiv"``, else ``""``."""
    kind = venue_kind(tag) if tag else ""
    if kind != "conference":
        return kind
    name, _ = split_venue(tag)
    if name not in RULE_CONFERENCES:  # "SOSP (best paper)": its first word
        first = name.split()[0].strip("()[],;:") if name.split() else ""
        name = CANONICAL_NAMES.get(first.casefold(), name)
    return "conference" if name in RULE_CONFERENCES else ""


# ------------------------------------------------------------------------ the rules


def one_conference_one_arxiv(
    doc: Document, today: dt.date, semester_ids: Collection[str] | None = None
) -> list[Problem]:
    """Regular sessions without a SOSP/OSDI paper or without an arXiv paper (warning)."""
    found: list[Problem] = []
    for semester in _semesters(doc, semester_ids):
        for session in semester.sessions:
            topics = session.topics
            if any(t.note.strip() for t in topics) or all(t.paper.is_empty for t in topics):
                continue  # special (a note), or nothing chosen yet
            classes = [_venue_class(_venue(t)) for t in topics]
            conference, arxiv = "conference" in classes, "arXiv" in classes
            if conference and arxiv:
                continue
            names = []
            for index, topic in enumerate(topics):
                if topic.paper.is_empty:
                    names.append(_NO_PAPER_YET(topic=topic_label(session, index)))
                    continue
                name, venue = paper_name(session, index), _venue(topic)
                names.append(_TAGGED(paper=name, venue=venue) if venue else _UNTAGGED(paper=name))
            day, papers = day_text(session.date), chain(_COMMA, names)
            message = (_NO_ARXIV if conference else _NO_CONFERENCE if arxiv else _NEITHER)(
                day=day, papers=papers
            )
            found.append(_problem("warning", semester, session, None, message, "paper.venue"))
    return found


def lead_presenter(
    doc: Document, today: dt.date, semester_ids: Collection[str] | None = None
) -> list[Problem]:
    """Topics without a presenter, so without a lead (warning)."""
    found: list[Problem] = []
    for semester in _semesters(doc, semester_ids):
        for session in semester.sessions:
            day = day_text(session.date)
            for index, topic in enumerate(session.topics):
                if topic.presenters:
                    continue
                if not topic.paper.is_empty:
                    message = _NO_LEAD(paper=paper_name(session, index), day=day)
                else:
                    message = _NO_LEAD_NO_PAPER(topic=topic_label(session, index), day=day)
                found.append(_problem("warning", semester, session, index, message, "presenters"))
    return found


def no_repeated_paper(
    doc: Document, today: dt.date, semester_ids: Collection[str] | None = None
) -> list[Problem]:
    """Papers presented before, in any semester (warning, at the later presentation).

    The papers of the semesters not checked are indexed once and kept while those
    semesters are unchanged (the same objects), so the Problems panel, checking the
    semester on show after each pause in typing, looks at that semester's papers only.
    """
    ordered = list(enumerate(reversed(doc.semesters)))  # oldest first
    others = [(o, m) for o, m in ordered if semester_ids is not None and m.id not in semester_ids]
    checked = [(o, m) for o, m in ordered if semester_ids is None or m.id in semester_ids]
    before = _other_papers(others)
    seen: _Index = {}
    found: list[Problem] = []
    for entry in sorted(e for o, m in checked for e in _entries(o, m)):
        for key in entry.keys:
            earlier = _earliest(before.get(key), entry.is_paper)
            own = _earliest(seen.get(key), entry.is_paper)
            if own is not None and (earlier is None or own.position < earlier.position):
                earlier = own
            if earlier is not None and earlier.position < entry.position:
                found.append(_repeated(entry, key, earlier))
                break
        _add(seen, entry)
    return found


class _Entry(NamedTuple):
    """One topic's paper, where it was presented (ordered by date, then document: the
    positions of one index are unique, so the other fields are never compared).  A
    tuple: the first index of a 20-year archive makes and sorts ~1,200 of them."""

    position: tuple[dt.date, int, int, int]  # date, semester (oldest first), session, topic
    semester: Semester
    session: Session
    index: int
    keys: tuple[tuple[str, str], ...]
    is_paper: bool  # a link or a venue tag, not just a title


# key -> (the earliest presentation, the earliest with a link or a tag)
_Index = dict[tuple[str, str], tuple[_Entry, _Entry | None]]
_OTHERS: dict[tuple[tuple[int, int], ...], tuple[list[Semester], _Index]] = {}


def _entries(order: int, semester: Semester) -> Iterator[_Entry]:
    for s, session in enumerate(semester.sessions):
        for index, topic in enumerate(session.topics):
            paper = topic.paper
            keys = paper_keys(paper.url, paper.title)
            if keys:
                is_paper = bool(paper.url.strip() or paper.venue.strip())
                position = (session.date, order, s, index)
                yield _Entry(position, semester, session, index, keys, is_paper)


def _add(index: _Index, entry: _Entry) -> None:
    """Note ``entry`` (entries come in ``position`` order)."""
    for key in entry.keys:
        earliest, paper = index.get(key, (entry, None))
        if paper is None and entry.is_paper:
            paper = entry
        index[key] = (earliest, paper)


def _earliest(found: tuple[_Entry, _Entry | None] | None, is_paper: bool) -> _Entry | None:
    """The earlier presentation that counts: any for a paper; for a bare title (a
    "Kick-off meeting"), only one with a link or a venue tag."""
    if found is None:
        return None
    return found[0] if is_paper or found[0].is_paper else found[1]


def _other_papers(semesters: list[tuple[int, Semester]]) -> _Index:
    key = tuple((order, id(semester)) for order, semester in semesters)
    cached = _OTHERS.get(key)
    if cached is None:
        index: _Index = {}
        for entry in sorted(e for o, m in semesters for e in _entries(o, m)):
            _add(index, entry)
        if len(_OTHERS) >= 4:
            _OTHERS.clear()
        # The semesters are kept with their index: their ids stay theirs.
        cached = _OTHERS[key] = ([m for _, m in semesters], index)
    return cached[1]


def _repeated(entry: _Entry, key: tuple[str, str], earlier: _Entry) -> Problem:
    kind, value = key
    same = {
        "arxiv": lambda: _SAME_ARXIV(id=value),
        "doi": lambda: _SAME_DOI(doi=value),
        "url": lambda: _SAME_LINK(),
        "title": lambda: _SAME_TITLE(),
    }[kind]()
    session, index = entry.session, entry.index
    message = _REPEATED(
        paper=paper_name(session, index),
        day=day_text(session.date),
        earlier=day_text(earlier.session.date),
        semester=earlier.semester.title,
        same=same,
    )
    return _problem("warning", entry.semester, session, index, message, "paper.url")


def slides_and_video(
    doc: Document, today: dt.date, semester_ids: Collection[str] | None = None
) -> list[Problem]:
    """Topics with a paper, in sessions that are over, without slides or video (info)."""
    found: list[Problem] = []
    for semester in _semesters(doc, semester_ids):
        for session in semester.sessions:
            if session.date >= today:
                continue
            day = day_text(session.date)
            for index, topic in enumerate(session.topics):
                if not topic.paper.title or (topic.slides and topic.video):
                    continue
                paper = paper_name(session, index)
                if not topic.slides and not topic.video:
                    message, field = _NO_SLIDES_NOR_VIDEO(paper=paper, day=day), "slides"
                elif not topic.slides:
                    message, field = _NO_SLIDES_YET(paper=paper, day=day), "slides"
                else:
                    message, field = _NO_VIDEO_YET(paper=paper, day=day), "video"
                found.append(_problem("info", semester, session, index, message, field))
    return found


def no_consecutive_lead(
    doc: Document, today: dt.date, semester_ids: Collection[str] | None = None
) -> list[Problem]:
    """Someone who leads in two sessions in a row of a semester (warning, the later)."""
    found: list[Problem] = []
    for semester in _semesters(doc, semester_ids):
        previous: Session | None = None
        for session in sorted(semester.sessions, key=lambda s: s.date):
            if previous is not None:
                leads = {}
                for index, topic in enumerate(previous.topics):
                    if topic.lead is not None:
                        leads.setdefault(person_key(topic.lead.name), index)
                for index, topic in enumerate(session.topics):
                    if topic.lead is None:
                        continue
                    before = leads.get(person_key(topic.lead.name))
                    if before is None:
                        continue
                    message = _CONSECUTIVE(
                        name=topic.lead.name,
                        paper=paper_name(session, index),
                        day=day_text(session.date),
                        previous=paper_name(previous, before),
                        previous_day=day_text(previous.date),
                    )
                    found.append(
                        _problem("warning", semester, session, index, message, "presenters")
                    )
            previous = session
    return found


#: The rules by their switch in :class:`~seminar_gui.core.model.Rules`.
RULES: dict[str, RuleCheck] = {
    "one_conference_one_arxiv": one_conference_one_arxiv,
    "lead_presenter": lead_presenter,
    "no_repeated_paper": no_repeated_paper,
    "slides_and_video": slides_and_video,
    "no_consecutive_lead": no_consecutive_lead,
}


def check_rules(
    doc: Document, *, today: dt.date | None = None, semester_id: str | None = None
) -> list[Problem]:
    """What breaks the rules that are on in ``doc.rules`` (of one semester:
    ``semester_id``; a paper is still compared with every semester's), rule by rule."""
    today = today if today is not None else dt.date.today()
    ids = None if semester_id is None else (semester_id,)
    found: list[Problem] = []
    for name, rule in RULES.items():
        if getattr(doc.rules, name):
            found.extend(rule(doc, today, ids))
    return found


# -------------------------------------------------------------- a paper's identity

_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=8192)
def paper_keys(url: str, title: str) -> tuple[tuple[str, str], ...]:
    """What identifies a paper, most telling first: ``("arxiv", "2510.08666")``,
    ``("doi", "10.1145/3731569.3764805")``, ``("url", host/path)``, ``("title", words)``.
    The arXiv id or DOI is read as the paper look-up reads it (core/paper_ids.py).
    (Cached: the Problems panel asks for every paper of every semester.)"""
    keys: list[tuple[str, str]] = []
    url = url.strip()
    if url:
        split = split_url(url)
        if split is not None:
            host, path, query = split
            paper = in_link(host, path)
            if paper is not None:
                keys.append((paper.kind, paper.value.lower()))
            query = f"?{query}" if query else ""
            keys.append(("url", f"{host}{path.rstrip('/')}{query}"))
        else:
            keys.append(("url", url))
    words = _title_words(title)
    if words:
        keys.append(("title", words))
    return tuple(keys)


def _title_words(title: str) -> str:
    text = link_labels(title)
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())
