"""Drag and drop on the calendar → repaint, in the real window with the 20-year archive.

A fresh process opens the window as ``seminar-gui archive.json`` does, 1400x900,
offscreen, and selects a session near the middle of the semester on show.  Then it
drags that session's card the way Qt's drag-and-drop machinery does (and as
tests/test_calendar_view.py does): a ``QDragEnterEvent`` on the session's cell and
``QDragMoveEvent``\\ s, then a ``QDropEvent``, sent to the calendar's viewport, with the
MIME data of ``seminar_gui.qt.common.dnd.encode_session``.

* **hover → repaint**: the drag moves from each visible cell to its neighbour (along a
  week, back along the next; away from the auto-scroll margin), each cell once, as a
  hand would; per move, from just before the move event to the calendar viewport's
  paint flushed to the screen (paint_probe.py).  Moves that change nothing on screen
  (from one cell without a hint to another) are not counted: nothing is repainted.
  The window is idle (no event for 500 ms) before each move.
* **drop → repaint**: on a free day in term (a move): from just before the drop event
  to the calendar painted and flushed.  Also **drop → window idle**: until no event
  came for 50 ms (the event queue is empty and no 0–50 ms timer is pending; longer
  debounce timers are not waited for).  Each drop is a new drag (enter, move to the
  target, idle, drop) and is undone afterwards (then idle again).

Part of ``python -m benchmarks`` (rows: drag hover, drop).  Alone:
``python -m benchmarks.bench_drag archive.json [--moves N] [--drops N] [--json]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from benchmarks import paint_probe
from benchmarks.paint_probe import PaintClock, settle, spin_until
from seminar_gui.qt.calendar.view import CalendarView
from seminar_gui.qt.common import dnd

IDLE_AFTER_S = 0.05
DRAG = (Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))


def _args(data: QMimeData) -> tuple[Any, ...]:
    action, button, modifiers = DRAG
    return (action, data, button, modifiers)


def path_cells(view: CalendarView) -> list[QModelIndex]:
    """The visible cells away from the auto-scroll margin, from cell to neighbouring
    cell: left to right along a week, right to left along the next, and so on."""
    model = view.model()
    margin = view.autoScrollMargin() + 2
    inner = view.viewport().rect().adjusted(margin, margin, -margin, -margin)
    cells = []
    for row in range(model.rowCount()):
        columns = range(model.columnCount())
        for column in columns if row % 2 == 0 else reversed(columns):
            index = model.index(row, column)
            rect: QRect = view.visualRect(index)
            if inner.contains(rect.center()):
                cells.append(index)
    return cells


def drop_cell(view: CalendarView, session_id: str) -> QModelIndex:
    """A visible free day in term where dropping the session moves it."""
    model = view.model()
    probe = dnd.encode_session(session_id)  # not the measured drags' data: no plan cached
    for index in path_cells(view):
        if model.session_at(index) is None and model.plan_drop(probe, index).kind == "move":
            return index
    raise RuntimeError("no visible free day in term to drop on")


def measure(project: Path, moves: int, drops: int) -> dict[str, Any]:
    window = paint_probe.open_window(project)
    session = paint_probe.select_middle_session(window)
    view = window.findChild(CalendarView, "calendar")
    if view is None:
        raise RuntimeError("the calendar (objectName 'calendar') is not in the window")
    viewport = view.viewport()
    clock = PaintClock(window, {"calendar": viewport})
    settle()
    source = view.model().index_of_session(session.id)
    view.scrollTo(source)
    settle()

    def center(index: QModelIndex) -> QPoint:
        return view.visualRect(index).center()

    # hover: one drag from cell to cell
    hover: list[float | None] = []
    skipped = 0
    data = dnd.encode_session(session.id)
    QApplication.sendEvent(viewport, QDragEnterEvent(center(source), *_args(data)))
    for index in path_cells(view):
        if len(hover) >= moves:
            break
        settle()
        before = view.drop_target()[0]
        start = time.perf_counter()
        QApplication.sendEvent(viewport, QDragMoveEvent(center(index), *_args(data)))
        if view.drop_target()[0] == before:
            skipped += 1  # nothing to show: no repaint to wait for
            continue
        if spin_until(lambda s=start: clock.first_after("calendar", s) is not None, clock):
            hover.append((clock.first_after("calendar", start) or 0.0) - start)
        else:
            hover.append(None)
    QApplication.sendEvent(viewport, QDragLeaveEvent())  # the hand leaves the calendar
    settle()

    # drop: a new drag each time, onto a free day in term; undone afterwards
    target = drop_cell(view, session.id)
    dropped: list[float | None] = []
    idle: list[float | None] = []
    for _ in range(drops):
        data = dnd.encode_session(session.id)
        QApplication.sendEvent(viewport, QDragEnterEvent(center(source), *_args(data)))
        QApplication.sendEvent(viewport, QDragMoveEvent(center(target), *_args(data)))
        settle()
        event = QDropEvent(QPointF(center(target)), *_args(data))
        start = time.perf_counter()
        QApplication.sendEvent(viewport, event)
        if not event.isAccepted():
            raise RuntimeError("the calendar refused the drop on a free day in term")
        if spin_until(lambda s=start: clock.first_after("calendar", s) is not None, clock):
            painted = clock.first_after("calendar", start) or 0.0
            dropped.append(painted - start)
            idle.append(max(settle(IDLE_AFTER_S, clock=clock, pause=False), painted) - start)
        else:
            dropped.append(None)
            idle.append(None)
        window.document.undo_stack.undo()
        settle()
        source = view.model().index_of_session(session.id)
    ms = {
        "hover": [None if v is None else v * 1000 for v in hover],
        "drop": [None if v is None else v * 1000 for v in dropped],
        "drop_idle": [None if v is None else v * 1000 for v in idle],
    }
    return {
        "moves": moves,
        "drops": drops,
        "skipped": skipped,
        "ms": ms,
        "outside_updates": clock.outside_updates,
        "_window": window,
    }


def summary(result: dict[str, Any]) -> str:
    lines = []
    for key, label in (
        ("hover", "drag hover → repaint"),
        ("drop", "drop → repaint"),
        ("drop_idle", "drop → window idle"),
    ):
        done = [v for v in result["ms"][key] if v is not None]
        if done:
            lines.append(
                f"{label:22s} median {statistics.median(done):6.1f} ms, max {max(done):6.1f} ms"
                f" ({len(done)}/{len(result['ms'][key])})"
            )
        else:
            lines.append(f"{label:22s} not painted within {paint_probe.TIMEOUT_S:.0f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the archive project file")
    parser.add_argument("--moves", type=int, default=15, help="hover moves (default 15)")
    parser.add_argument("--drops", type=int, default=7, help="drops (default 7)")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.file, args.moves, args.drops)
    window = result.pop("_window")
    paint_probe.close_and_exit(window, json.dumps(result) if args.json else summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
