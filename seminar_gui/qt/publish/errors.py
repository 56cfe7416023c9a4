"""What the window says when git refuses: a title and what to do, per GitError kind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox, QWidget

from seminar_gui.qt.common.i18n import shown_error, translate

#: kind → (title, what to do); {site} is the site folder.
ADVICE: dict[str, tuple[str, str]] = {
    "no-git": (
        QT_TRANSLATE_NOOP("publish", "Git is not installed"),
        QT_TRANSLATE_NOOP(
            "publish",
            "seminar-gui publishes with the git command, which was not found on the PATH. "
            "Install Git (https://git-scm.com; on Debian or Ubuntu: sudo apt install git), "
            "then start seminar-gui again.",
        ),
    ),
    "not-a-repository": (
        QT_TRANSLATE_NOOP("publish", "The site folder is not in a Git repository"),
        QT_TRANSLATE_NOOP(
            "publish",
            "{site} is not inside a Git work tree. Clone the group's repository and choose "
            "its folder as the site folder (File › Project Settings…), or make this folder "
            "a repository in a terminal: git init, then git remote add origin URL.",
        ),
    ),
    "detached-head": (
        QT_TRANSLATE_NOOP("publish", "The repository is not on a branch"),
        QT_TRANSLATE_NOOP(
            "publish",
            "The checkout in {site} is on a detached HEAD, so a commit would belong to no "
            "branch. Switch to the branch you publish to (for example: git switch main), "
            "then publish again.",
        ),
    ),
    "merge-in-progress": (
        QT_TRANSLATE_NOOP("publish", "A merge is in progress"),
        QT_TRANSLATE_NOOP(
            "publish",
            "The repository in {site} is in the middle of a merge, rebase or cherry-pick. "
            "Finish it (git merge --continue, git rebase --continue) or abort it "
            "(git merge --abort, git rebase --abort) in a terminal, then publish again.",
        ),
    ),
    "push-rejected": (
        QT_TRANSLATE_NOOP("publish", "The remote refused the push"),
        QT_TRANSLATE_NOOP(
            "publish",
            "Your commit is kept in the local repository. Check that you may push to the "
            "remote (and what its hooks said, below), then publish again with “Push to the "
            "remote” ticked, or run git push in {site}.",
        ),
    ),
    "network": (
        QT_TRANSLATE_NOOP("publish", "The remote cannot be reached"),
        QT_TRANSLATE_NOOP(
            "publish",
            "Anything committed is kept in the local repository. Check the network "
            "connection (VPN, proxy) and the remote's address, then publish again with "
            "“Push to the remote” ticked, or run git push in {site}.",
        ),
    ),
    "timeout": (
        QT_TRANSLATE_NOOP("publish", "Git did not answer in time"),
        QT_TRANSLATE_NOOP(
            "publish",
            "Git was stopped after waiting too long (a slow network, or a password prompt "
            "git may not show here: set up a credential helper or an SSH key). Try again; "
            "anything committed is kept in {site}.",
        ),
    ),
    "git": (
        QT_TRANSLATE_NOOP("publish", "Git failed"),
        QT_TRANSLATE_NOOP(
            "publish",
            "Nothing was lost: what git said is below. Fix it in a terminal in {site}, "
            "then publish again.",
        ),
    ),
}


def git_error_box(
    parent: QWidget, kind: str, error: BaseException, site: Path | None
) -> QMessageBox:
    """A warning box (not yet shown) for a :class:`GitError` of ``kind``."""
    title, advice = ADVICE.get(kind, ADVICE["git"])
    box = QMessageBox(parent)
    box.setObjectName("publishErrorBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("publish", title))
    box.setText(translate("publish", title))
    box.setInformativeText(translate("publish", advice).format(site=site or ""))
    box.setDetailedText(shown_error(error))
    box.setProperty("gitErrorKind", kind)
    return box


def missing_slides_box(parent: QWidget, files: list[str]) -> QMessageBox:
    """The publish was refused: linked slide files do not exist."""
    box = QMessageBox(parent)
    box.setObjectName("publishMissingSlidesBox")
    box.setIcon(QMessageBox.Icon.Warning)
    title = translate("publish", "Slide files are missing")
    box.setWindowTitle(title)
    box.setText(
        translate(
            "publish",
            "Nothing was published: these slide files are linked but do not exist. Put the "
            "files in place or correct the links (the Problems panel lists them), then "
            "publish again.",
        )
    )
    box.setInformativeText("\n".join(str(f) for f in files))
    return box


def other_error_box(parent: QWidget, error: BaseException) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("publishErrorBox")
    box.setIcon(QMessageBox.Icon.Critical)
    title = translate("publish", "Could not publish")
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(shown_error(error))
    return box
