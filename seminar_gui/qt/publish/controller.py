"""File › Publish…: plan in a worker thread, show the dialog, publish in a worker thread.

The window stays responsive throughout: :func:`plan_publish` and :func:`publish`
(core/publish.py) run in daemon threads (:mod:`.jobs`); their answers come back
through queued signals.  Errors are message boxes opened window-modal (``open()``,
never a nested event loop), one per :class:`GitError` kind, saying what to do.

The document that :func:`publish` returns carries the new baseline (the hash of the
README just committed).  It is a fact about the repository, not an edit: it is
recorded in the document and in every state on the undo stack
(:meth:`ProjectDocument.record_fact`), so no Undo brings the old baseline back (the
next publish would take our own README for someone else's change), and the project
is then saved through the window's Save (``save``), so the baseline is on disk before
anything else happens.  Importing their README instead is an edit: one undo step.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from seminar_gui.core.model import Document
from seminar_gui.qt.commands import DocumentCommand
from seminar_gui.qt.common.i18n import sentence, shown, translate
from seminar_gui.qt.common.jobs import run_job
from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.publish.dialog import PublishDialog, UpstreamReadmeDialog
from seminar_gui.qt.publish.errors import git_error_box, missing_slides_box, other_error_box
from seminar_gui.settings import Settings, save_settings

if TYPE_CHECKING:
    from seminar_gui.core.publish import PublishPlan, PublishResult


class PublishController(QObject):
    """Runs File › Publish… for the window (one publish at a time)."""

    #: A publish ended (True: committed or pushed something); the status bar looks again.
    finished = Signal(bool)
    #: Publishing is about to write the open project file with this text (the new
    #: baseline), from a worker thread: the window's file watcher must not take it for
    #: another program's change.
    projectWriting = Signal(str)

    def __init__(
        self,
        document: ProjectDocument,
        settings: Settings,
        save: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._settings = settings
        self._save = save
        self._window = parent
        self.dialog: PublishDialog | None = None
        self.box: QMessageBox | None = None  # the last message box opened (tests read it)
        self.upstream: UpstreamReadmeDialog | None = None
        self._plan: PublishPlan | None = None
        self._job = 0

    # ---------------------------------------------------------------- start
    def start(self) -> None:
        """File › Publish…: save first (the project file is committed as saved), then
        look at the repository and show what publishing will commit."""
        if self.dialog is not None:  # already open
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        document = self._document
        if (document.path is None or document.is_modified) and not self._save():
            return  # cancelled, or the save failed (it said why)
        site = document.site_folder()
        if site is None:
            self._show_box(
                other_error_box(
                    self._window,
                    RuntimeError(
                        translate(
                            "publish",
                            "The site folder is not set up: choose it in File › Project Settings…",
                        )
                    ),
                )
            )
            return
        dialog = PublishDialog(self._push_choice(), self._window)
        dialog.publishRequested.connect(self._publish)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        doc, project = document.doc, document.path

        def plan() -> PublishPlan:
            from seminar_gui.core.publish import plan_publish  # git: on first use

            return plan_publish(doc, project, site)

        self._job += 1
        job = self._job  # a plan for a dialog cancelled meanwhile is dropped
        run_job(self, plan, lambda *answer: self._planned(job, *answer), "git-plan")

    def _closed(self, _result: int) -> None:
        self._job += 1
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self._plan = None

    def _planned(self, job: int, plan: PublishPlan | None, error: BaseException | None) -> None:
        dialog = self.dialog
        if dialog is None or job != self._job:
            return
        if error is not None or plan is None:
            dialog.set_busy(False)
            dialog.reject()
            self._failed(error)
            return
        self._plan = plan
        dialog.set_plan(plan.root, list(plan.paths), plan.message, plan.nothing_to_do)

    # -------------------------------------------------------------- publish
    def _push_choice(self) -> bool:
        return self._settings.publish_push.get(str(self._document.path or ""), False)

    def _remember_push(self, push: bool) -> None:
        key = str(self._document.path or "")
        if key and self._settings.publish_push.get(key) != push:
            self._settings.publish_push[key] = push
            with contextlib.suppress(Exception):  # a convenience: never block publishing
                save_settings(self._settings)

    def _publish(self, message: str, push: bool) -> None:
        dialog, plan = self.dialog, self._plan
        if dialog is None or plan is None or dialog.busy:
            return
        self._remember_push(push)
        dialog.set_busy(
            True,
            self.tr("Committing and pushing…") if push else self.tr("Committing…"),
        )
        edited = message if message and message != plan.message.strip() else None
        if plan.project is not None and plan.project_text is not None:
            self.projectWriting.emit(plan.project_text)

        def work() -> tuple[PublishResult, Document | None]:
            from seminar_gui.core.publish import publish

            return publish(plan, message=edited, push=push)

        run_job(self, work, self._published, "git-publish")

    def _published(self, answer: Any, error: BaseException | None) -> None:
        dialog = self.dialog
        if dialog is not None:
            dialog.set_busy(False)
            dialog.accept()
        if error is not None or answer is None:
            self._failed(error)
            self.finished.emit(False)
            return
        result, new_doc = answer
        if new_doc is not None:
            self._record_baseline(new_doc)
        text = shown(result.message)
        self._document.message.emit(sentence(text))
        self.finished.emit(bool(result.committed or result.pushed))

    def _record_baseline(self, new_doc: Document) -> None:
        """The README just committed is the new baseline: a fact, kept whatever is
        undone (ProjectDocument.record_fact), then saved (the same text publishing
        wrote into the project file in the repository)."""
        document = self._document
        sha = new_doc.published_readme_sha
        if sha == document.doc.published_readme_sha:
            return
        document.record_fact(published_readme_sha=sha)
        if document.path is not None:
            self._save()

    # --------------------------------------------------------------- errors
    def _failed(self, error: BaseException | None) -> None:
        from seminar_gui.core.publish import GitError, MissingSlides, UpstreamReadmeChanged

        site = self._document.site_folder()
        if isinstance(error, UpstreamReadmeChanged):
            self._offer_import(error)
        elif isinstance(error, MissingSlides):
            self._show_box(missing_slides_box(self._window, list(error.files)))
        elif isinstance(error, GitError):
            # A push that failed after committing: the commit is kept, so is its baseline.
            document = getattr(error, "document", None)
            if isinstance(document, Document):
                self._record_baseline(document)
            self._show_box(git_error_box(self._window, error.kind, error, site))
        else:
            self._show_box(other_error_box(self._window, error or RuntimeError("?")))

    def _show_box(self, box: QMessageBox) -> None:
        self.box = box
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    def _offer_import(self, error: Any) -> None:
        dialog = UpstreamReadmeDialog(error.diff, self._window)
        self.upstream = dialog
        text, sha = error.upstream_text, error.upstream_sha

        def answered(result: int) -> None:
            self.upstream = None
            dialog.deleteLater()
            if result == UpstreamReadmeDialog.DialogCode.Accepted:
                self.import_upstream(text, sha)

        dialog.finished.connect(answered)
        dialog.open()

    def import_upstream(self, text: str, sha: str) -> bool:
        """Their README becomes the project's schedule (one undo step); the project's
        own settings (site folder, rules, holidays, announcement) stay."""
        from seminar_gui.core.errors import SeminarError
        from seminar_gui.core.readme.importer import import_readme

        try:
            imported = import_readme(text, source="README.md").document
        except SeminarError as exc:
            self._show_box(other_error_box(self._window, exc))
            return False
        after = self._document.doc.model_copy(
            update={
                "preamble": imported.preamble,
                "style": imported.style,
                "semesters": imported.semesters,
                "published_readme_sha": sha,
            }
        )
        self._document.undo_stack.push(
            DocumentCommand(
                self._document,
                after,
                translate("commands", "Import Upstream README"),
                message=translate(
                    "publish",
                    "Imported the README from the repository: check it, then publish again",
                ),
            )
        )
        return True
