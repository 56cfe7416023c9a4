"""Slides dropped from a file manager: filed under SITE/slides/ and linked from a topic.

Targets: a topic of the session editor (its form, or a row of the topic list) → that
topic; a calendar card → its only topic, else the topic picked in a chooser; anywhere
else in the window → the topic the file's name matches (date and short name), else
the chooser.  While dragging, the target says what a drop would do.  A drop is checked
at once (a refusal is a message; nothing is copied); the questions and the copy come
right after the drop event, so the file manager is not kept waiting.  Files are copied,
never moved; over :data:`LARGE_FILE` bytes in a worker thread.  One drop is one undo
step (several files: one macro of :class:`AttachSlidesCommand`); a failed or cancelled
drop removes its copies again and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from seminar_gui.core import edits
from seminar_gui.core.errors import EditError
from seminar_gui.core.model import Session, Topic
from seminar_gui.core.slides import (
    CopyPlan,
    CopyResult,
    SlideError,
    SourceInfo,
    alternative_name,
    copy_slides,
    discard_backup,
    plan_copy,
    short_for,
    slide_file_name,
    undo_copy,
)
from seminar_gui.qt.commands import AttachSlidesCommand
from seminar_gui.qt.common.dates import long_day
from seminar_gui.qt.common.dnd import DropPlan
from seminar_gui.qt.common.i18n import shown, translate
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.selection import Selection
from seminar_gui.qt.slides.planner import (
    SlideDropPlanner,
    match_topic,
    preselect_in,
    say,
    topic_name,
)
from seminar_gui.qt.slides.requests import (
    ChooseRequest,
    NameAnswer,
    NameRequest,
    TopicOption,
    final_name,
)
from seminar_gui.qt.slides.targets import SlideDropTargets

if TYPE_CHECKING:
    from seminar_gui.qt.slides.copy_job import CopyJob

#: A drop whose files together are larger is copied in a worker thread.
LARGE_FILE = 4 * 1024 * 1024


def _in_dialog(question: str, parent: QWidget, *request: object) -> Any:
    """Ask a person: the function ``question`` of the slide dialogs, which are imported
    at the first drop that asks (Qt's dialog classes cost every start ~4 ms)."""
    from seminar_gui.qt.slides import dialogs

    return getattr(dialogs, question)(parent, *request)


class _Item:
    """One dropped file on its way into SITE/slides/."""

    def __init__(self, source: Path, info: SourceInfo, topic_id: str, plan: CopyPlan) -> None:
        self.source, self.info, self.topic_id, self.plan = source, info, topic_id, plan
        self.replace = False
        self.result: CopyResult | None = None


class SlideDropController(QObject):
    """Turns files dropped on the window into copies under SITE/slides/ and links.

    It owns two collaborators: :attr:`targets` watches the widgets the window shell
    hands it (:class:`~seminar_gui.qt.slides.targets.SlideDropTargets`), and
    :attr:`planner` says what a drop would do
    (:class:`~seminar_gui.qt.slides.planner.SlideDropPlanner`).  It is also the
    calendar's :class:`~seminar_gui.qt.common.dnd.FileDropHandler`.
    """

    #: Bytes copied and the total, while a worker thread copies.
    progress = Signal(object, object)
    #: A drop was handled to the end: True when slides were attached.
    finished = Signal(bool)

    def __init__(self, document: ProjectDocument, selection: Selection, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("slideDropController")
        self.document, self.selection, self.widget = document, selection, parent
        #: Name the copy: NameRequest -> NameAnswer, or None to cancel.
        self.ask: Callable[[NameRequest], NameAnswer | None] = partial(
            _in_dialog, "ask_name", parent
        )
        #: Pick the topic: ChooseRequest -> topic id, or None to cancel.
        self.choose: Callable[[ChooseRequest], str | None] = partial(
            _in_dialog, "choose_topic", parent
        )
        #: Say why a drop did nothing (title, text); must not block.
        self.notify: Callable[[str, str], None] = partial(_in_dialog, "notify", parent)
        self.large_file = LARGE_FILE
        self.job: CopyJob | None = None
        self._copying: list[_Item] = []
        self._busy = False
        self.planner = SlideDropPlanner(document, selection)
        self.targets = SlideDropTargets(self.plan, self.drop, self)
        self._tracked: list[AttachSlidesCommand] = []
        document.undo_stack.indexChanged.connect(self._sweep)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        """A drop is being handled (asking, copying)."""
        return self._busy

    # --------------------------------------------------------------- dropping
    def plan(
        self, paths: list[Path], *, topic_id: str | None = None, session_id: str | None = None
    ) -> DropPlan:
        """What dropping ``paths`` on a topic, a session, or elsewhere would do."""
        return self.planner.plan(paths, topic_id=topic_id, session_id=session_id)

    def plan_files(self, paths: list[Path], session_id: str | None) -> DropPlan:
        """For the calendar (a :class:`~seminar_gui.qt.common.dnd.FileDropHandler`)."""
        return self.plan(paths, session_id=session_id)

    def drop_files(self, paths: list[Path], session_id: str | None) -> bool:
        return self.drop(paths, session_id=session_id)

    def drop(
        self, paths: list[Path], *, topic_id: str | None = None, session_id: str | None = None
    ) -> bool:
        """Check the files now; ask and copy right after.  False: refused (and said why)."""
        self.planner.forget()
        if self._busy:
            return self._refuse(
                translate("slides", "Still busy with the slides dropped before; try again then")
            )
        try:
            site, infos = self.planner.check(paths)
        except SlideError as exc:
            return self._refuse(say(exc))
        plan = self.plan(paths, topic_id=topic_id, session_id=session_id)
        if not plan.allowed:
            return self._refuse(
                plan.status or translate("slides", "Nothing to attach the slides to")
            )
        self._busy = True
        QTimer.singleShot(0, self, partial(self._run, paths, infos, site, topic_id, session_id))
        return True

    def _refuse(self, text: str) -> bool:
        self.document.message.emit(text)
        self.notify(translate("slides", "Slides not attached"), text)
        return False

    def _run(
        self,
        paths: list[Path],
        infos: list[SourceInfo],
        site: Path,
        topic_id: str | None,
        session_id: str | None,
    ) -> None:
        items: list[_Item] = []
        try:
            for path, info in zip(paths, infos, strict=True):
                item = self._prepare(path, info, site, topic_id or self._choose(path, session_id))
                if item is None:
                    self._end(False, translate("slides", "Cancelled: no slides were attached"))
                    return
                items.append(item)
            sizes = [i.info.size if i.plan.status != "identical" else 0 for i in items]
            if sum(sizes) > self.large_file:
                self._start_job(items, sizes)
                return
            for item in items:
                item.result = copy_slides(item.plan, replace=item.replace)
        except (SlideError, OSError, KeyError) as exc:
            self._rollback(items)
            gone = translate("slides", "that session or topic no longer exists")
            self._fail(gone if isinstance(exc, KeyError) else say(exc))
            return
        except BaseException:  # a bug: still never leave copies behind or block drops
            self._rollback(items)
            self._end(False, "")
            raise
        self._attach(items)

    def _prepare(
        self, path: Path, info: SourceInfo, site: Path, topic_id: str | None
    ) -> _Item | None:
        """Name the copy of ``path`` for the topic (asking); None: cancelled."""
        if topic_id is None:
            return None
        doc = self.document.doc
        _, session, topic = doc.find_topic(topic_id)
        pattern = doc.style.slide_name_pattern
        proposed = slide_file_name(pattern, session.date, short_for(topic), info.ext)
        item = _Item(path, info, topic_id, plan_copy(path, site, proposed))
        if item.plan.status == "identical":  # that very file is there already: link it
            return item
        target = f"{long_day(session.date)} · {topic_name(session, topic)}"
        answer = self.ask(NameRequest(path, info, site, target, proposed))
        if answer is None:
            return None
        item.plan = plan_copy(path, site, final_name(answer.name, info.ext))
        if item.plan.status == "conflict":
            if answer.conflict == "keep-both":
                item.plan = plan_copy(path, site, alternative_name(site, item.plan.name))
            elif answer.conflict == "replace":
                item.replace = True
            else:
                text = translate(
                    "slides", "already exists with other content; choose Replace or Keep Both"
                )
                raise SlideError(text, file=item.plan.destination)
        return item

    def _choose(self, path: Path, session_id: str | None) -> str | None:
        doc = self.document.doc
        if session_id is not None:
            session = doc.find_session(session_id)[1]
            if len(session.topics) == 1:
                return session.topics[0].id
            options = tuple(self._option(session, t) for t in session.topics)
            prompt = translate("slides", "Which topic of {d} are the slides “{file}” for?").format(
                d=long_day(session.date), file=path.name
            )
            return self.choose(
                ChooseRequest(path, options, preselect_in(doc, session, path), prompt)
            )
        matched, preselected = match_topic(doc, self.selection.semester_id, path)
        if matched is not None:
            return matched
        try:
            semester = doc.semester(self.selection.semester_id or "")
        except KeyError:
            semester = None
        options = (
            tuple(self._option(s, t) for s in semester.sessions for t in s.topics)
            if semester
            else ()
        )
        if not options:
            raise SlideError(
                translate("slides", "there is no session to attach it to; plan one first"),
                file=path,
            )
        prompt = translate("slides", "Which session and topic are the slides “{file}” for?").format(
            file=path.name
        )
        return self.choose(ChooseRequest(path, options, preselected, prompt))

    def _option(self, session: Session, topic: Topic) -> TopicOption:
        return TopicOption(
            topic.id, session.id, f"{long_day(session.date)} · {topic_name(session, topic)}"
        )

    # ---------------------------------------------------------------- copying
    def _start_job(self, items: list[_Item], sizes: list[int]) -> None:
        # Imported by the first large copy: its progress dialog is Qt's first QDialog.
        from seminar_gui.qt.slides.copy_job import CopyJob

        plans = [(i.plan, i.replace, size) for i, size in zip(items, sizes, strict=True)]
        copy = lambda plan, **kw: copy_slides(plan, **kw)  # noqa: E731  (looked up when run)
        self.job, self._copying = CopyJob(plans, copy, self.widget), items
        self.job.progress.connect(self.progress)
        self.job.done.connect(self._copied)  # a method of ours: runs in the main thread
        self.job.start()

    def cancel(self) -> None:
        """Cancel the copy running in the worker thread (nothing is kept)."""
        if self.job is not None:
            self.job.cancelled.set()

    def _copied(self, results: list[CopyResult], error: object) -> None:
        items, self._copying = self._copying, []
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        for item, result in zip(items, results, strict=False):
            item.result = result
        if error is None:
            self._attach(items)
            return
        self._rollback(items)
        from seminar_gui.qt.slides.copy_job import Cancelled  # imported by the job

        if isinstance(error, Cancelled):
            self._end(False, translate("slides", "Cancelled: no slides were copied"))
        else:
            self._fail(say(error) if isinstance(error, Exception) else str(error))

    def _rollback(self, items: list[_Item]) -> None:
        """Remove the copies this drop made (it failed or was cancelled)."""
        for item in items:
            if item.result is not None and item.result.created:
                try:
                    undo_copy(item.result)
                except SlideError as exc:
                    self.document.message.emit(say(exc))
            item.result = None

    # ---------------------------------------------------------------- linking
    def _attach(self, items: list[_Item]) -> None:
        doc = self.document.doc
        try:  # check every link first: the macro must not stop half-way
            for item in items:
                assert item.result is not None
                doc = edits.update_topic(doc, item.topic_id, slides=item.result.link)
        except (EditError, KeyError) as exc:
            self._rollback(items)
            reason = (
                shown(exc.message)
                if isinstance(exc, EditError)
                else translate("slides", "the topic is gone")
            )
            self._fail(translate("slides", "The slides could not be linked: {e}").format(e=reason))
            return
        stack = self.document.undo_stack
        if len(items) > 1:
            stack.beginMacro(translate("slides", "Attach slides ({n} files)").format(n=len(items)))
        for item in items:
            assert item.result is not None
            command = AttachSlidesCommand(self.document, item.topic_id, item.result, item.source)
            stack.push(command)
            self._tracked.append(command)
        if len(items) > 1:
            stack.endMacro()
        self.selection.select_topic(items[0].topic_id)
        self._end(True, "")

    def _fail(self, text: str) -> None:
        self._refuse(text)
        self._end(False, "")

    def _end(self, attached: bool, message: str) -> None:
        self._busy = False
        if message:
            self.document.message.emit(message)
        if attached:
            self.document.recheck_files()  # a new file in slides/: cards and lists look
        self.finished.emit(attached)

    # ---------------------------------------------------------- replaced files
    def _sweep(self, *_: object) -> None:
        """Undo steps gone for good (an edit after undo, another project): a file they
        replaced cannot come back any more, so its kept copy is deleted."""
        for command in list(self._tracked):
            if not shiboken6.isValid(command):
                self._tracked.remove(command)
                if command.applied:
                    discard_backup(command.result)

    def shutdown(self) -> None:
        """The application quits: let the worker finish; drop kept replaced files."""
        if self.job is not None:
            self.job.cancelled.set()
            self.job.wait()
        for command in self._tracked:
            if command.applied:
                discard_backup(command.result)
        self._tracked.clear()
