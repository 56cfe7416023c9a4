"""Run a slow function (git, a web service) in a daemon thread; its answer comes back
on the GUI thread.

The window never waits for it: :func:`run_job` starts the thread and returns; the
result (or the exception raised) reaches ``done`` through a queued signal, in the
thread of ``owner``.  A job whose owner is gone meanwhile is dropped quietly.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    """Carries a worker's answer to the owner's thread (a queued signal)."""

    finished = Signal(object)  # (result, exception | None)


def run_job(
    owner: QObject,
    work: Callable[[], Any],
    done: Callable[[Any, BaseException | None], None],
    name: str = "git",
) -> threading.Thread:
    """Call ``work()`` in a daemon thread, then ``done(result, error)`` on ``owner``'s
    thread (``error``: what ``work`` raised, else None)."""
    relay = _Relay(owner)
    relay.finished.connect(lambda payload: _deliver(relay, done, payload))

    def body() -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = work()
        except Exception as exc:  # every failure reaches the window: nothing stays busy
            error = exc
        with contextlib.suppress(RuntimeError):  # the owner was deleted meanwhile
            relay.finished.emit((result, error))

    # Daemon: a git that hangs (until its own timeout) never keeps the program alive.
    thread = threading.Thread(target=body, name=name, daemon=True)
    thread.start()
    return thread


def _deliver(
    relay: _Relay,
    done: Callable[[Any, BaseException | None], None],
    payload: tuple[Any, BaseException | None],
) -> None:
    relay.deleteLater()
    done(*payload)
