"""The real window, shown offscreen, and a clock that stops when the pixels are painted.

Shared by the in-window benchmarks (bench_preview.py: keystrokes, bench_drag.py: drag and
drop), which run in a fresh child process each.

**When are the pixels on screen?**  Qt paints a window in one go: an UpdateRequest
event to the top-level widget paints every widget marked dirty (one Paint event each)
and then flushes the window's backing store to the screen.  :class:`PaintClock`
delivers the main window's UpdateRequest itself, by calling the window's ``event()``
(what Qt's delivery would call next), from an event filter, so it can read the clock
right after the flush; every watched widget (a viewport) that had a Paint event during
that request is stamped with that time.  A Paint event outside an UpdateRequest (a
synchronous ``repaint()``) is stamped when the event-loop pass that ran it returns:
later than its flush, never earlier.

**Waiting**: :func:`pump` runs one pass of the event loop (every posted event, every due
timer, nothing more) and tells whether anything was handled; timed waits call it in a
tight loop (no sleeping between passes), so a timer fires when it is due, as in the
application's own event loop.  :func:`settle` waits until the window is idle: no event
at all for a given quiet time (debounce timers longer than that are not waited for).
The text cursor does not blink in these windows (its timer would wake the window every
500 ms, and an idle window could not be told apart).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QWidget

from seminar_gui import __version__
from seminar_gui.core.model import Session
from seminar_gui.qt.main_window import MainWindow

SIZE = (1400, 900)
# Before a measured action: nothing happened for this long (longer than the debounce
# timers: preview 150 ms, Problems panel 300 ms, each up to 5 % late as coarse timers).
IDLE_QUIET_S = 0.5
TIMEOUT_S = 20.0  # one action that never paints is reported, not waited for forever

_loop: QEventLoop | None = None

# Before the QApplication exists: offscreen, and (run alone, not by the suite) settings
# and state in a temporary folder, removed at the end.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_own_tmp: Path | None = None
if "SEMINAR_GUI_CONFIG_DIR" not in os.environ:
    _own_tmp = Path(tempfile.mkdtemp(prefix="seminar-bench-"))
    os.environ["SEMINAR_GUI_CONFIG_DIR"] = str(_own_tmp / "config")
    os.environ["SEMINAR_GUI_STATE_DIR"] = str(_own_tmp / "state")


def pump() -> bool:
    """One pass of the event loop; True when an event or a timer was handled."""
    global _loop
    if _loop is None:
        _loop = QEventLoop()
    return _loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


class PaintClock(QObject):
    """Records when the watched widgets' paints reached the screen (``perf_counter``)."""

    def __init__(self, window: QWidget, watched: dict[str, QWidget]) -> None:
        super().__init__(window)
        self._window = window
        self._names = {widget: name for name, widget in watched.items()}
        self.flushes: dict[str, list[float]] = {name: [] for name in watched}
        self._painted: set[str] = set()
        #: Paints stamped after the event-loop pass (not within an UpdateRequest).
        self.outside_updates = 0
        for widget in watched.values():
            widget.installEventFilter(self)
        window.installEventFilter(self)  # last installed: called first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            name = self._names.get(watched)  # type: ignore[call-overload]
            if name is not None:
                self._painted.add(name)
        elif kind == QEvent.Type.UpdateRequest and watched is self._window:
            self._window.event(event)  # paint the dirty widgets, flush the backing store
            self.stamp(flushed=True)
            return True  # delivered
        return False

    def stamp(self, *, flushed: bool = False) -> None:
        """Stamp the widgets painted since the last stamp with the time now (called
        after each event-loop pass, and by the filter right after a flush)."""
        if self._painted:
            now = time.perf_counter()
            self.outside_updates += not flushed
            for name in self._painted:
                self.flushes[name].append(now)
            self._painted.clear()

    def first_after(self, name: str, start: float) -> float | None:
        """When ``name`` was first on screen after ``start`` (None: not yet)."""
        return next((t for t in self.flushes[name] if t >= start), None)


def spin_until(done: Callable[[], bool], clock: PaintClock, timeout: float = TIMEOUT_S) -> bool:
    """Run the event loop (no pauses) until ``done()``; False after ``timeout`` seconds."""
    end = time.perf_counter() + timeout
    while not done():
        pump()
        clock.stamp()
        if time.perf_counter() > end:
            return False
    return True


def settle(
    quiet: float = IDLE_QUIET_S,
    *,
    clock: PaintClock | None = None,
    pause: bool = True,
    timeout: float = TIMEOUT_S,
) -> float:
    """Run the event loop until no event arrived for ``quiet`` seconds.

    Returns when the last event was handled (``perf_counter``).  ``pause``: sleep a
    little between empty passes (for waits that are not measured); without it the loop
    spins, so the time returned is exact.
    """
    last = start = time.perf_counter()
    while True:
        busy = pump()
        now = time.perf_counter()
        if clock is not None:
            clock.stamp()
        if busy:
            last = now
        elif now - last >= quiet:
            if pause:  # objects deleted with deleteLater() (the real loop deletes them)
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            return last
        elif pause:
            time.sleep(0.001)
        if now - start > timeout:
            raise TimeoutError(f"the window was not idle within {timeout:.0f} s")


def open_window(project: Path | None) -> MainWindow:
    """The window as ``seminar-gui [FILE]`` shows it: FILE (or the demo), 1400x900, active."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("seminar-gui")
    app.setOrganizationName("seminar-gui")
    app.setApplicationVersion(__version__)
    # A blinking text cursor repaints its field every 500 ms: the window would never be
    # idle for IDLE_QUIET_S.  (Its repaint is a few pixels; no measured time includes it.)
    app.setCursorFlashTime(0)
    window = MainWindow()  # default settings: no last document, default layout
    window.open_initial(project, recover=False)
    window.resize(*SIZE)
    window.show()
    window.activateWindow()
    end = time.perf_counter() + 10
    while not window.isActiveWindow() and time.perf_counter() < end:
        pump()
    if not window.isActiveWindow():
        raise RuntimeError("the window did not become active (no keyboard focus)")
    return window


def select_middle_session(window: MainWindow) -> Session:
    """Select a session near the middle of the semester on show (one with a paper title)."""
    doc = window.document.doc
    semester_id = window.selection.semester_id
    if semester_id is None:
        raise RuntimeError("no semester on show")
    sessions = doc.semester(semester_id).sessions
    middle = len(sessions) // 2
    order = sorted(range(len(sessions)), key=lambda i: abs(i - middle))
    for i in order:
        session = sessions[i]
        if session.topics and session.topics[0].paper.title:
            window.selection.select_session(session.id, session.topics[0].id)
            return session
    raise RuntimeError("no session with a paper title in the semester on show")


def close_and_exit(window: MainWindow, result: str) -> None:
    """Print ``result``, release the project (lock file), leave at once (no teardown)."""
    window.files.shutdown()
    window.document.undo_stack.setClean()
    print(result, flush=True)
    sys.stderr.flush()
    if _own_tmp is not None:
        shutil.rmtree(_own_tmp, ignore_errors=True)
    os._exit(0)
