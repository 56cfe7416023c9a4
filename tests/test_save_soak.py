"""SIGKILL during save: the project file is always the old or the new document, the
.bak a complete earlier one, and after the next start no temporary file is left.

A helper process (a "zygote", single-threaded, seminar_gui already imported) forks one
saver per round; the saver saves version after version of a realistic project (the
demo semester: 9 sessions, 12.8 KB) with ``save_project`` and writes ``B n`` before and
``E n`` after each save to a pipe.  The test kills it with SIGKILL after a random delay
(0 to 3 saves long), then checks the folder as the next start of the app finds it, and
sweeps it as the window does when it opens a project.

Default: 100 rounds.  Full run (1000 rounds; figures for docs/reliability.md):

    SEMINAR_GUI_SOAK=full .venv/bin/python -m pytest -p no:cacheprovider -s -m soak \
        tests/test_save_soak.py
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from seminar_gui.core.atomic import is_temp_name, sweep_stale_temps
from seminar_gui.core.demo import load_demo
from seminar_gui.core.model import Document
from seminar_gui.core.storage import dumps_project, save_project

FULL = os.environ.get("SEMINAR_GUI_SOAK") == "full"
ROUNDS = 1000 if FULL else 100
SEED = int(os.environ.get("SEMINAR_GUI_SOAK_SEED", "20250808"))
DECOYS = {  # a user's files that look a little like ours: they must survive every round
    ".notes.tmp": b"notes",
    ".schedule.json.abc12345.tmp": b"another program's temp file",
    "schedule.json.seminar-gui-0123456789ab.tmp": b"no leading dot",
}

_ZYGOTE = textwrap.dedent(
    r"""
    import os, sys, traceback
    from pathlib import Path
    from seminar_gui.core.demo import load_demo
    from seminar_gui.core.storage import save_project

    target = Path(sys.argv[1])
    demo = load_demo()

    def version(n):
        return demo.model_copy(update={"preamble": f"{demo.preamble}\n\nVersion {n}."})

    def saver(start):
        n = start
        while True:
            n += 1
            doc = version(n)
            os.write(1, b"B %d\n" % n)
            save_project(doc, target)
            os.write(1, b"E %d\n" % n)

    for line in sys.stdin:
        command, *args = line.split()
        if command == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    saver(int(args[0]))
                except BaseException:
                    traceback.print_exc()
                os._exit(3)  # only an error ends a saver: the test sees the status
            os.write(1, b"P %d\n" % pid)
        elif command == "reap":
            _, status = os.waitpid(int(args[0]), 0)
            os.write(1, b"X %d\n" % status)
    """
)


def _version(n: int) -> Document:
    demo = load_demo()
    return demo.model_copy(update={"preamble": f"{demo.preamble}\n\nVersion {n}."})


_VERSION = re.compile(r"\\n\\nVersion (\d+)\.")
_texts: dict[int, bytes] = {}


def _expected(n: int) -> bytes:
    if n not in _texts:
        _texts[n] = dumps_project(_version(n)).encode("utf-8")
    return _texts[n]


def _version_of(data: bytes, what: str) -> int:
    """The version a file holds; fails unless it is exactly that version's bytes."""
    found = _VERSION.search(data.decode("utf-8", "replace"))
    assert found, f"{what} is not a complete project file ({len(data)} bytes)"
    n = int(found.group(1))
    assert data == _expected(n), f"{what} (version {n}) is not exactly that version's file"
    return n


@pytest.mark.soak
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_sigkill_during_save_leaves_old_or_new_and_no_debris(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    target = folder / "schedule.json"
    save_project(_version(0), target)
    save_project(_version(1), target)  # and a .bak
    for name, data in DECOYS.items():
        (folder / name).write_bytes(data)
    current = 1

    started = time.perf_counter()
    for n in range(2, 12):  # how long one save takes here, to time the kills
        save_project(_version(n), target)
        current = n
    save_s = (time.perf_counter() - started) / 10

    zygote = subprocess.Popen(
        [sys.executable, "-c", _ZYGOTE, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    watchdog = threading.Timer(600 if FULL else 240, zygote.kill)  # a guard against hangs
    watchdog.start()
    rng = random.Random(SEED)
    stats = {"in_save": 0, "between": 0, "debris": 0, "swept": 0, "saves": 0}
    failures: list[str] = []
    try:
        for round_no in range(1, ROUNDS + 1):
            zygote.stdin.write(b"go %d\n" % current)  # type: ignore[union-attr]
            zygote.stdin.flush()  # type: ignore[union-attr]
            markers: list[tuple[str, int]] = []
            pid = _read_until(zygote, "P", markers)
            time.sleep(rng.uniform(0, 3 * save_s))
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write(b"reap %d\n" % pid)  # type: ignore[union-attr]
            zygote.stdin.flush()  # type: ignore[union-attr]
            status = _read_until(zygote, "X", markers)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"round {round_no}: the saver ended by itself (status {status}): "
                + zygote.stderr.read1().decode(errors="replace")  # type: ignore[union-attr]
            )
            problem, current = _check_round(folder, target, current, markers, stats)
            if problem:
                failures.append(f"round {round_no} (seed {SEED}): {problem}")
    finally:
        watchdog.cancel()
        zygote.stdin.close()  # type: ignore[union-attr]
        zygote.wait(timeout=60)
    print(
        f"\nSIGKILL soak: {ROUNDS} rounds, {len(failures)} failures; kills during a save "
        f"{stats['in_save']}, between saves {stats['between']}; kills that left a temp "
        f"file (write phase) {stats['debris']}, temp files swept at the next start "
        f"{stats['swept']}; {stats['saves']} saves completed; one save {save_s * 1000:.1f} "
        f"ms; seed {SEED}"
    )
    assert not failures, "\n".join(failures[:20])
    assert stats["debris"] > 0, "no kill landed in the write phase: the test proves nothing"


def _read_until(zygote: subprocess.Popen[bytes], kind: str, markers: list[tuple[str, int]]) -> int:
    while True:
        line = zygote.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise AssertionError(
                "the helper process ended: " + zygote.stderr.read().decode(errors="replace")  # type: ignore[union-attr]
            )
        tag, value = line.split()
        if tag.decode() == kind:
            return int(value)
        markers.append((tag.decode(), int(value)))


def _check_round(
    folder: Path,
    target: Path,
    current: int,
    markers: list[tuple[str, int]],
    stats: dict[str, int],
) -> tuple[str, int]:
    """Check the folder as the next start finds it; returns (problem, version on disk)."""
    stats["saves"] += sum(1 for tag, _ in markers if tag == "E")
    if markers and markers[-1][0] == "B":
        stats["in_save"] += 1
        last = markers[-1][1]
        allowed = {last - 1, last}  # killed during save `last`: the old or the new file
    else:
        stats["between"] += 1
        allowed = {markers[-1][1] if markers else current}
    try:
        n = _version_of(target.read_bytes(), target.name)
        if n not in allowed:
            return f"{target.name} is version {n}, expected one of {sorted(allowed)}", n
        bak = folder / "schedule.json.bak"
        if bak.exists():
            m = _version_of(bak.read_bytes(), bak.name)
            if m >= n:
                return f"the .bak is version {m}, not older than the file ({n})", n
        debris = {p for p in os.listdir(folder) if is_temp_name(p)}
        if debris:
            stats["debris"] += 1
        swept = sweep_stale_temps(folder)  # the next start, as the window calls it
        stats["swept"] += len(swept)
        left = sorted(os.listdir(folder))
        expected = sorted(["schedule.json", "schedule.json.bak", *DECOYS])
        if left != expected:
            return f"after the start-up sweep the folder holds {left}", n
        for name, data in DECOYS.items():
            if (folder / name).read_bytes() != data:
                return f"the user's {name} was changed", n
    except (AssertionError, OSError) as exc:
        return str(exc), current
    return "", n
