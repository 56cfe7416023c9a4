"""The site's repository state in the status bar ("main · 3 changes not published ·
behind origin by 2"), and the slide files linked but not committed, for the Problems
panel.

:class:`RepoStatusLabel` asks git (:func:`seminar_gui.core.publish.repo_status`) in a
worker thread, :data:`DEBOUNCE_MS` after the document was saved, when the site folder or
the files may have changed (the window became active again) and after a publish, and
:data:`EDIT_DEBOUNCE_MS` after typing pauses (never while the site is not a
repository: an edit cannot change that); one question at a time (a change meanwhile
asks again when it is answered).
Nothing shows when the site is not in a Git work tree, git is missing or the project
is not saved yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from seminar_gui.core.model import Document
from seminar_gui.core.problem import Problem, topic_where
from seminar_gui.qt.common.i18n import translate
from seminar_gui.qt.common.jobs import run_job
from seminar_gui.qt.document import ProjectDocument

if TYPE_CHECKING:
    from seminar_gui.core.publish import RepoStatus

DEBOUNCE_MS = 500
# After an edit (typing): the count of changes not published can wait for a pause.
EDIT_DEBOUNCE_MS = 2000


def _ask(site: Any, doc: Document, project: Any) -> RepoStatus:
    from seminar_gui.core.publish import repo_status  # git: in the worker, on first use

    return repo_status(site, doc, project)


class RepoStatusLabel(QLabel):
    """A permanent status bar label: branch, changes not published, ahead/behind."""

    #: A new answer: the RepoStatus, or None (no repository, no git, no site folder).
    statusChanged = Signal(object)

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repoStatusLabel")
        self.setAccessibleName(self.tr("Repository state"))
        self._document = document
        self.status: RepoStatus | None = None
        self._busy = False
        self._again = False
        self._asked = 0  # answers received (tests wait for the next one)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._edited)
        document.modifiedChanged.connect(lambda _m: self.schedule_refresh())
        document.pathChanged.connect(self.schedule_refresh)
        document.siteFolderChanged.connect(lambda _f: self.schedule_refresh())
        document.filesChanged.connect(self.schedule_refresh)  # e.g. the window activated
        self.setVisible(False)

    @property
    def answers(self) -> int:
        """How many answers arrived so far (for tests)."""
        return self._asked

    def schedule_refresh(self, *_: object) -> None:
        self._timer.start(DEBOUNCE_MS)

    def _edited(self, _ids: object) -> None:
        """An edit changes what is not published, not whether the site is a repository:
        nothing to ask while it is not one (only the site, path or files can change
        that), and otherwise once typing pauses."""
        if self.status is not None and not self._timer.isActive():
            self._timer.start(EDIT_DEBOUNCE_MS)

    def refresh(self) -> None:
        """Ask git now (in a worker thread); a question already out asks again after."""
        self._timer.stop()
        if self._busy:
            self._again = True
            return
        site = self._document.site_folder()
        if site is None:
            self._show(None)
            return
        self._busy = True
        doc, project = self._document.doc, self._document.path
        run_job(self, lambda: _ask(site, doc, project), self._answered, "git-status")

    def _answered(self, status: RepoStatus | None, error: BaseException | None) -> None:
        self._busy = False
        self._asked += 1
        if self._again:
            self._again = False
            self.refresh()  # the document or the files changed while git was asked
            return
        self._show(None if error is not None else status)

    def _show(self, status: RepoStatus | None) -> None:
        self.status = status
        if status is None:
            self.clear()
            self.setToolTip("")
            self.setVisible(False)
        else:
            self.setText(describe(status))
            tip = self.tr("Git repository: {root}").format(root=status.root)
            if status.uncommitted_slides:
                tip += "\n" + self.tr("Slide files not committed: {files}").format(
                    files=", ".join(status.uncommitted_slides)
                )
            self.setToolTip(tip)
            self.setVisible(True)
        self.statusChanged.emit(status)


def describe(status: RepoStatus) -> str:
    """The state in one line: "main · 3 changes not published · behind origin by 2"."""
    parts = [
        status.branch
        if status.branch
        else translate("RepoStatusLabel", "detached HEAD (no branch)")
    ]
    if status.unpublished == 1:
        parts.append(translate("RepoStatusLabel", "1 change not published"))
    elif status.unpublished > 1:
        parts.append(
            translate("RepoStatusLabel", "{n} changes not published").format(n=status.unpublished)
        )
    upstream = status.upstream or translate("RepoStatusLabel", "the remote")
    if status.behind:
        parts.append(
            translate("RepoStatusLabel", "behind {upstream} by {n}").format(
                upstream=upstream, n=status.behind
            )
        )
    if status.ahead:
        parts.append(
            translate("RepoStatusLabel", "ahead of {upstream} by {n}").format(
                upstream=upstream, n=status.ahead
            )
        )
    return " · ".join(parts)


def uncommitted_problems(doc: Document, links: list[str]) -> list[Problem]:
    """One note per topic whose slides link names a file not committed to Git (the
    Problems panel shows them for the semester on show)."""
    wanted = set(links)
    found: list[Problem] = []
    if not wanted:
        return found
    for semester in doc.semesters:
        for session in semester.sessions:
            for index, topic in enumerate(session.topics):
                if topic.slides in wanted:
                    message = translate(
                        "RepoStatusLabel",
                        "the slide file {file} is not committed to Git yet: "
                        "File › Publish… commits it",
                    ).format(file=topic.slides)
                    found.append(
                        Problem(
                            "info",
                            topic_where(semester, session, index),
                            message,
                            semester_id=semester.id,
                            session_id=session.id,
                            topic_id=topic.id,
                            field="slides",
                        )
                    )
    return found
