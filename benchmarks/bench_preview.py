"""Keystroke in the editor → preview and calendar painted, in the real window.

A fresh process opens the window as ``seminar-gui [FILE]`` does (the demo, or FILE:
the 20-year archive), 1400x900, offscreen, selects a session near the middle of the
semester on show and puts the cursor at the start of its paper title (field
``titleEdit``), so that every keystroke changes the title the calendar card shows too.
Before each keystroke the window is left idle (no event for 500 ms: start-up work,
debounce timers and passes of earlier keystrokes are done).  Then: the clock starts,
``QTest.keyClick`` types a letter, and the event loop runs until

* the preview (``preview``) has updated its page (its ``rendered`` signal; while it has
  none, its ``textChanged``), the page contains the new title, and its viewport's
  paint after that update has been flushed to the screen, and
* the calendar's viewport (``calendar``) has been painted and flushed after the
  keystroke.

The time is the later of the two (paint_probe.py: how "flushed" is measured).  Every
debounce timer on the way counts: the organizer waits for it.  Also recorded: the
preview and the calendar alone, the synchronous part (until ``keyClick`` returns:
command, document, models, editor) and "→ idle" (until no event for 50 ms: the rest of
the text layout, which Qt does later in steps on the same thread, and other work queued
by the keystroke).

Part of ``python -m benchmarks`` (rows: keystroke, demo / archive).  Alone:
``python -m benchmarks.bench_preview [FILE] [--keys N] [--json]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTextBrowser

from benchmarks import paint_probe
from benchmarks.paint_probe import PaintClock, settle, spin_until

IDLE_AFTER_S = 0.05  # "→ idle": no event for this long after the keystroke


class PageWatch:
    """Whether the preview has put a page with the edit on screen, and when."""

    def __init__(self, seen: int) -> None:
        self.seen = seen  # page updates before the keystroke
        self.shown = 0.0
        self.reading = 0.0  # seconds spent reading the page's text (not the window's time)

    def shows(
        self, expected: str, updates: list[float], clock: PaintClock, preview: QTextBrowser
    ) -> bool:
        if self.shown:
            return True
        if len(updates) == self.seen:
            return False  # not updated since the keystroke
        flush = clock.first_after("preview", updates[-1])
        if flush is None:
            return False  # updated, not yet painted
        begun = time.perf_counter()
        found = expected in preview.toPlainText()  # read after the clock was read
        self.reading += time.perf_counter() - begun
        if found:
            self.shown = flush
            return True
        self.seen = len(updates)  # a page without the edit (a pass): wait for the next
        return False


def measure(project: Path | None, keys: int) -> dict[str, Any]:
    window = paint_probe.open_window(project)
    paint_probe.select_middle_session(window)
    title = window.findChild(QLineEdit, "titleEdit")
    preview = window.findChild(QTextBrowser, "preview")
    calendar = window.findChild(QAbstractItemView, "calendar")
    if title is None or preview is None or calendar is None or not title.isEnabled():
        raise RuntimeError("titleEdit, preview or calendar not found (or title disabled)")
    clock = PaintClock(window, {"preview": preview.viewport(), "calendar": calendar.viewport()})
    # The preview says when its page was updated: `rendered` once it has it.
    has_rendered = isinstance(getattr(type(preview), "rendered", None), Signal)
    updates: list[float] = []
    signal = preview.rendered if has_rendered else preview.textChanged  # type: ignore[attr-defined]
    signal.connect(lambda *_: updates.append(time.perf_counter()))

    title.setFocus()
    title.home(False)
    settle()  # start-up: first render (in passes on a long page), timers
    result: dict[str, list[float | None]] = {
        k: [] for k in ("total", "preview", "calendar", "sync", "idle")
    }
    for i in range(keys):
        settle()
        seen = len(updates)
        start = time.perf_counter()
        QTest.keyClick(title, Qt.Key.Key_A if i % 2 else Qt.Key.Key_B)
        typed = time.perf_counter()
        expected = title.text()
        page = PageWatch(seen)

        def done(page: PageWatch = page, start: float = start, expected: str = expected) -> bool:
            # The calendar first: reading the preview's text takes a while on a long page.
            if clock.first_after("calendar", start) is None:
                return False
            return page.shows(expected, updates, clock, preview)

        if not spin_until(done, clock):
            for values in result.values():
                values.append(None)
            continue
        calendar_at = clock.first_after("calendar", start)
        assert calendar_at is not None
        idle_at = settle(IDLE_AFTER_S, clock=clock, pause=False)
        ms = {
            "preview": (page.shown - start) * 1000,
            "calendar": (calendar_at - start) * 1000,
            "sync": (typed - start) * 1000,
        }
        ms["total"] = max(ms["preview"], ms["calendar"])
        # Reading the page's text delayed whatever came after it: not counted.
        ms["idle"] = max((idle_at - start - page.reading) * 1000, ms["total"])
        for key, value in ms.items():
            result[key].append(value)
    return {
        "keys": keys,
        "signal": "rendered" if has_rendered else "textChanged",
        "title": title.text(),
        "ms": result,
        "outside_updates": clock.outside_updates,
        "_window": window,
    }


def summary(name: str, result: dict[str, Any]) -> str:
    ms = result["ms"]
    done = [v for v in ms["total"] if v is not None]
    if not done:
        return f"{name}: no keystroke was painted within {paint_probe.TIMEOUT_S:.0f} s"

    def med(key: str) -> float:
        return statistics.median(v for v in ms[key] if v is not None)

    return (
        f"{name}: keystroke → preview and calendar painted: median {med('total'):.1f} ms, "
        f"max {max(done):.1f} ms ({len(done)}/{result['keys']} keys; preview "
        f"{med('preview'):.1f}, calendar {med('calendar'):.1f}, synchronous part "
        f"{med('sync'):.1f}, → idle {med('idle'):.1f} ms; page update seen by "
        f"{result['signal']})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="project file (default: the demo)")
    parser.add_argument("--keys", type=int, default=15, help="keystrokes (default 15)")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.file, args.keys)
    window = result.pop("_window")
    name = args.file.name if args.file else "demo"
    paint_probe.close_and_exit(window, json.dumps(result) if args.json else summary(name, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
