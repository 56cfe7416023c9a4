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


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the UI language (as is when there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation, n)
