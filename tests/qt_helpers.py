"""Helpers shared by the tests of the window and its panels (imported by them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QImage

from seminar_gui.qt.document import ProjectDocument
from seminar_gui.qt.main_window import MainWindow


def discard_on_close(win: MainWindow) -> None:
    """At the end of a test the window closes without asking about unsaved changes."""
    win.files.maybe_save = lambda: True  # type: ignore[method-assign]


def open_demo_window(qtbot) -> MainWindow:
    """The window with the demo semester, 1400×900, on screen (offscreen in tests) and
    painted: what waits for its first paint (taking dropped slides, the Problems
    panel's check) is set up, as before anything an organizer can do."""
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=discard_on_close)
    win.open_initial(None)  # no file, no last document: the demo
    win.resize(1400, 900)
    with qtbot.waitSignal(win.painted, timeout=10_000):
        win.show()
    qtbot.waitExposed(win)
    return win


def session_id_on(document: ProjectDocument, date: dt.date) -> str:
    """The id of the session on ``date`` in the newest semester."""
    return next(s.id for s in document.doc.semesters[0].sessions if s.date == date)


class ScriptedAsker:
    """Answers the window's questions in place of a person, and records them.

    ``ScriptedAsker(save_path=…, outside_change="reload")``: an answer is a value or a
    callable given the question's arguments; a question without an answer gets None.
    """

    def __init__(self, **answers: object) -> None:
        self.answers = answers
        self.asked: list[str] = []
        self.args: list[tuple[object, ...]] = []

    def __getattr__(self, name: str) -> Callable[..., object]:
        def answer(*args: object, **kwargs: object) -> object:
            self.asked.append(name)
            self.args.append(args)
            value = self.answers.get(name)
            return value(*args) if callable(value) else value

        return answer

    def count(self, name: str) -> int:
        return self.asked.count(name)


def colours(image: QImage) -> set[str]:
    """The colours in ``image`` (every second pixel of every second row: a 2-px border
    is always among them)."""
    return {
        image.pixelColor(x, y).name()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    }
