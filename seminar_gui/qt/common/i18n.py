"""The one translation helper for text outside a QObject method.

Inside a QObject subclass, use ``self.tr("…")`` (its context is the class).  Elsewhere
(module functions, dataclasses, command classes that are not QObjects) call
:func:`translate` with a literal context, so that ``pyside6-lupdate`` files the string
under the same context the program looks it up with::

    translate("calendar", "Move here")

(A module-level ``tr("…")`` would be collected by lupdate under an empty context and
never found again at run time.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from seminar_gui.core.messages import render


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the UI language (as is when there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def shown(text: str) -> str:
    """A message from core (:class:`seminar_gui.core.messages.Text`) in the UI
    language; any other string as it is."""
    return render(text, QCoreApplication.translate)


def sentence(text: str) -> str:
    """``text`` standing alone (a status-bar message, a field's note): its first letter
    upper case.  Messages from core start lower case, to follow "file: line:" on the
    command line."""
    return text[:1].upper() + text[1:]


def shown_error(error: object) -> str:
    """An error for a message box or the status bar, in the UI language: a
    :class:`SeminarError` with its place ("line 5: …"), another exception by its
    message, an import warning with its line."""
    from seminar_gui.core.errors import describe

    return describe(error, QCoreApplication.translate)
