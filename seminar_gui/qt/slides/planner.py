"""What a slide drop would do: the topic a file's name matches, and the drop's plan.

:func:`match_topic` and :func:`preselect_in` find the topic a dropped file is for by
its name (date and short name).  :class:`SlideDropPlanner` checks the files and the
site folder and says what dropping them on a topic, a session or elsewhere would do;
the drop controller owns one and asks it on every hover and again on the drop.
"""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

from seminar_gui.core.model import Document, Session, Topic
from seminar_gui.core.slides import (
    SlideError,
    SourceInfo,
    check_source,
    match_file,
    resolve_site_folder,
    split_ext,
)
from seminar_gui.qt.common.dates import month_day
from seminar_gui.qt.common.dnd import DropPlan
from seminar_gui.qt.common.i18n import sentence, shown, shown_error, translate
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection

_CHECK_SECONDS = 1.0  # a check of the dragged files is reused this long while hovering


def say(exc: Exception) -> str:
    """'notes.txt: is a .txt file; …' (the file's name, not its whole path)."""
    if not isinstance(exc, SlideError):
        return shown_error(exc)
    message = shown(exc.message)
    return f"{Path(exc.file).name}: {message}" if exc.file else message


def topic_name(session: Session, topic: Topic) -> str:
    number = next((i for i, t in enumerate(session.topics, 1) if t.id == topic.id), 1)
    return topic.short_name or topic.heading or translate("slides", "Topic {n}").format(n=number)


def _key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", text).casefold() if c.isalnum())


def match_topic(
    doc: Document, semester_id: str | None, path: Path
) -> tuple[str | None, str | None]:
    """(the topic the name clearly matches, the topic to preselect in the chooser)."""
    found = match_file(doc, semester_id, path.name)
    if not found:
        return None, None
    session_id, topic_id, score = found[0]
    if topic_id is None:  # the date matches a session with several topics
        topics = doc.find_session(session_id)[1].topics
        return None, topics[0].id if topics else None
    tie = len(found) > 1 and found[1][2] >= score
    return (None if tie else topic_id), topic_id


def preselect_in(doc: Document, session: Session, path: Path) -> str | None:
    """The topic of ``session`` whose short name appears in the file name."""
    ids = [t.id for t in session.topics]
    semester_id = doc.find_session(session.id)[0].id
    for _, topic_id, _ in match_file(doc, semester_id, path.name):
        if topic_id in ids:
            return topic_id
    stem = _key(split_ext(path.name)[0])
    named = [t.id for t in session.topics if len(k := _key(t.short_name)) >= 3 and k in stem]
    return named[0] if named else None


class SlideDropPlanner:
    """What a drop of files would do, and why files cannot be dropped.

    The check of the files and the site folder is reused for a moment while the same
    files hover (:data:`_CHECK_SECONDS`); :meth:`forget` drops it (before a real drop).
    """

    def __init__(self, document: ProjectDocument, selection: Selection) -> None:
        self.document = document
        self.selection = selection
        self._checked: tuple[object, float, tuple[str, str] | None] | None = None

    def forget(self) -> None:
        """Check the files afresh next time (a drop must not rely on a hover's check)."""
        self._checked = None

    def plan(
        self, paths: list[Path], *, topic_id: str | None = None, session_id: str | None = None
    ) -> DropPlan:
        """What dropping ``paths`` on a topic, a session, or elsewhere would do."""
        if (problem := self._problem(paths)) is not None:
            return DropPlan(False, problem[0], "slides-refused", problem[1])
        doc = self.document.doc
        try:
            if topic_id is not None:
                _, session, topic = doc.find_topic(topic_id)
                return self._plan_topic(paths, session, topic, "slides")
            if session_id is not None:
                session = doc.find_session(session_id)[1]
                if len(session.topics) == 1:
                    return self._plan_topic(paths, session, session.topics[0], "slides")
                day = month_day(session.date)
                if not session.topics:
                    text = translate("slides", "The session of {d} has no topic yet: add one first")
                    return DropPlan(
                        False,
                        translate("slides", "No topic yet"),
                        "slides-refused",
                        text.format(d=day),
                    )
                text = translate("slides", "Drop, then choose the topic of {d}").format(d=day)
                return DropPlan(
                    True, translate("slides", "Attach slides: choose the topic"), "slides", text
                )
        except KeyError:
            return DropPlan(False)
        if len(paths) > 1:
            text = translate(
                "slides", "Drop to attach {n} files, each to the topic its name matches"
            )
            return DropPlan(True, "", "slides-match", text.format(n=len(paths)))
        matched, _ = match_topic(doc, self.selection.semester_id, paths[0])
        if matched is None:
            text = translate("slides", "Drop, then choose the session of {file}").format(
                file=paths[0].name
            )
            return DropPlan(True, "", "slides-match", text)
        _, session, topic = doc.find_topic(matched)
        return self._plan_topic(paths, session, topic, "slides-match", hint=False)

    def _plan_topic(
        self, paths: list[Path], session: Session, topic: Topic, kind: str, *, hint: bool = True
    ) -> DropPlan:
        if len(paths) > 1:
            text = translate("slides", "A topic has one slides link: drop one file at a time on it")
            return DropPlan(
                False, translate("slides", "One file per topic"), "slides-refused", text
            )
        name = topic_name(session, topic)
        text = translate("slides", "Drop to attach to {target}").format(
            target=f"{month_day(session.date)} · {name}"
        )
        shown = translate("slides", "Attach slides to “{name}”").format(name=name) if hint else ""
        return DropPlan(True, shown, kind, text)

    def _problem(self, paths: list[Path]) -> tuple[str, str] | None:
        """Why these files cannot be dropped (hint, status text); cached while hovering."""
        key = (tuple(paths), self.document.path, self.document.doc.site_folder)
        now = time.monotonic()
        if self._checked and self._checked[0] == key and now - self._checked[1] < _CHECK_SECONDS:
            return self._checked[2]
        problem = None
        try:
            self.check(paths)
        except SlideError as exc:
            if exc.file in [str(p) for p in paths]:
                hint = translate("slides", "Can't attach {name}").format(
                    name=Path(exc.file or "").name
                )
            else:  # the site folder: "Save the project first", "The site folder does not …"
                hint = re.split("[:;：；]", shown(exc.message))[0]
                hint = sentence(hint)
            problem = (hint, say(exc))
        self._checked = (key, now, problem)
        return problem

    def check(self, paths: list[Path]) -> tuple[Path, list[SourceInfo]]:
        """The site folder and what each file is; :class:`SlideError` says what is wrong."""
        site = resolve_site_folder(self.document.doc, self.document.path)
        if site is None:
            raise SlideError(
                translate("slides", "Save the project first: slides are filed next to it")
            )
        if not site.is_dir():
            text = translate(
                "slides", "the site folder does not exist; create it or correct the site folder"
            )
            raise SlideError(text, file=site)
        return site, [check_source(path) for path in paths]
