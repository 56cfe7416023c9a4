"""Fuzzing the README importer and the project-file loader (issue 8).

Seeds: the fixtures (tests/fixtures/*.md, resources/demo.json, the JSON of each
imported README) and the real schedule pages of other groups in ``../shared/real-world/``
when that folder exists (they are read there, never copied into the project).  Each
input is a seed mutated 1-4 times (byte flips; line duplication, deletion, moves and
splices with another seed; hostile fragments: 10,000 '[', deep nesting, huge numbers,
NUL, lone surrogates, BOM and CRLF mixes, ...) or random text, written to a file and
read the way a user's file is read (``import_readme_file``, ``load_project``).

Property: a document, or a :class:`SeminarError` on one line that names the file (and,
for a README, the line); never another exception.  A document must also export, save
and be checked.  Hang guard: ``faulthandler`` ends the run with a traceback when one
input takes more than 120 s.

Counts: 2,000 inputs in a normal run (1,200 READMEs, 800 project files); the full run,
``SEMINAR_GUI_SOAK=full pytest -m soak tests/test_fuzz_loaders.py -s``, fuzzes
100,000 (60,000 + 40,000).  ``-s`` shows the figures: inputs, outcomes, slowest input.
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seminar_gui.core.checks import check_document, check_files
from seminar_gui.core.demo import demo_text
from seminar_gui.core.errors import ProjectFileError, ReadmeImportError, SeminarError
from seminar_gui.core.model import Document
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import decode_readme, import_readme, import_readme_file
from seminar_gui.core.storage import dumps_project, load_project

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
REAL_WORLD = ROOT.parent / "shared" / "real-world"
FULL = os.environ.get("SEMINAR_GUI_SOAK") == "full"
README_INPUTS = 60_000 if FULL else 1_200
PROJECT_INPUTS = 40_000 if FULL else 800
HANG_GUARD_S = 120


def _real_world_pages() -> list[Path]:
    if not REAL_WORLD.is_dir():
        return []
    return sorted(p for p in REAL_WORLD.glob("*.md") if p.name != "SOURCES.md")


def _readme_seeds() -> list[bytes]:
    seeds = [p.read_bytes() for p in sorted(FIXTURES.glob("*.md"))]
    seeds += [p.read_bytes() for p in _real_world_pages()]
    # The real pages have no '# 2025 Fall' heading: also as the schedule of a semester.
    seeds += [b"# 2025 Fall\n\n## Schedule\n\n" + p.read_bytes() for p in _real_world_pages()]
    return seeds


def _weighted(seeds: list[bytes]) -> list[bytes]:
    """Seeds that import are picked three times as often as those that cannot."""
    out = []
    for seed in seeds:
        try:
            import_readme(decode_readme(seed))
        except SeminarError:
            out.append(seed)
        else:
            out.extend([seed] * 3)
    return out


def _project_seeds() -> list[bytes]:
    seeds = [demo_text().encode()]
    for readme in _readme_seeds():
        try:
            doc = import_readme(decode_readme(readme)).document
        except SeminarError:
            continue
        seeds.append(dumps_project(doc).encode())
    return seeds


README_SEEDS = _readme_seeds()
PROJECT_SEEDS = _project_seeds()

# Fragments that broke (or could break) a parser: catastrophic regexes, recursion,
# Python's int limit, encodings, line ends, the structure of the format itself.
HOSTILE_TEXT = [
    "[" * 10_000,
    "- 💡 " + "[" * 10_000,
    "- 💡 [" + "[]" * 5_000,
    "- 💡 [a](" + "(" * 10_000,
    "- 💡 [" + "\\" * 10_001,
    "- " + "[📕 s](x)," * 2_000,
    "# x" + " \t" * 5_000 + "x",
    "#" * 7 + " x",
    "- 🙋 a" + " " * 10_000 + "x)",
    "- 🙋 " + "a and " * 2_000 + " & ",
    "- 🙋 A (" + "B, " * 2_000,
    "".join("  " * i + "- x\n" for i in range(250)),
    "> " * 500 + "quote",
    "<table>" * 200 + "x",
    "```",
    "~~~~",
    "<!--",
    "-->",
    "<br><br>",
    "# 0025 Fall",
    "# 9999 Fall\n## Schedule\n### January 1",
    "# 2025 Fall",
    "## Schedule",
    "### February 29",
    "### Dec 2",
    "### 2025-13-45",
    "#### Topic MMMMCMXCIX",
    "9" * 5_000,
    "\x00",
    "\ufeff",
    "\r\n",
    "\r",
    "\u2028",
    "\x85",
    "ğŸ’¡ Ã© â€™",
    "- ğŸ™â€â™‚ï¸ A",
    "\ufffd",
]
HOSTILE_BYTES = [
    b"\xff\xfe",  # a UTF-16 BOM
    b"\xed\xa0\x80",  # a lone surrogate, as UTF-8 bytes
    b"\xc3",  # a cut multi-byte character
    b"\xef\xbb\xbf",  # a UTF-8 BOM in the middle
]
HOSTILE_VALUES = [
    "9" * 5_000,
    "-" + "1" * 4_301,
    "1e99999",
    "-0",
    "1.5",
    "-1",
    "NaN",
    "null",
    "true",
    "{}",
    "[]",
    '""',
    '"\\ud800"',
    '"\\udc00x"',
    '"\\u0000"',
    '"x\\ny"',
    "[" * 1_000 + "]" * 1_000,
    '"0025 Fall"',
    '"Fall 2025"',
    '"2025-02-30"',
    '"0001-01-01"',
    '"9999-12-31"',
    '"```"',
    '"<!--"',
    '"a b"',
    '"[x](y"',
    '"A, B and C (X)"',
    '"' + "[" * 10_000 + '"',
    '"' + " " * 10_000 + 'x)"',
]
HOSTILE_JSON = [
    "9" * 5_000,
    "-" + "1" * 4_301,
    "1e99999",
    "NaN",
    "-Infinity",
    '"\\ud800"',
    '"\\udc00x"',
    '"\\u0000"',
    "[" * 1_000,
    "{" * 1_000,
    '{"a":' * 300 + "1" + "}" * 300,
    "[" * 150 + "]" * 150,
    '"schema_version": 0,',
    '"schema_version": 2,',
    '"schema_version": "1",',
    '"schema_version": 1.0,',
    '"date": "0001-01-01",',
    '"date": "9999-12-31",',
    '"title": "0025 Fall",',
    '"title": "2025 Autumn",',
    '"extra": {"paper": "```"},',
    '"level": 3,',
    '"meeting_weekday": 7,',
    '"slides": "a b.pdf",',
    ",",
    "}",
    "]",
    '"',
    "\\",
]


# ------------------------------------------------------------------ mutations


def _lines_op(data: bytes, draw: st.DrawFn) -> bytes:
    lines = data.split(b"\n")
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(i, min(len(lines), i + 40)))
    kind = draw(st.sampled_from(["duplicate", "delete", "move", "splice"]))
    chunk = lines[i:j]
    rest = lines[:i] + lines[j:]
    if kind == "duplicate":
        rest = lines[:j] + chunk + lines[j:]
    elif kind == "move":
        k = draw(st.integers(0, len(rest)))
        rest = rest[:k] + chunk + rest[k:]
    elif kind == "splice":
        other = draw(st.sampled_from(README_SEEDS + PROJECT_SEEDS)).split(b"\n")
        a = draw(st.integers(0, len(other) - 1))
        rest = lines[:i] + other[a : a + 40] + lines[j:]
    return b"\n".join(rest)


def _insert(data: bytes, fragment: bytes, draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):  # at the start of a line
        starts = [0, *(m.end() for m in re.finditer(rb"\n", data))]
        at = draw(st.sampled_from(starts))
        fragment += b"\n"
    else:
        at = draw(st.integers(0, len(data)))
    return data[:at] + fragment + data[at:]


def _flip(data: bytes, draw: st.DrawFn) -> bytes:
    if not data:
        return bytes([draw(st.integers(0, 255))])
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]


_JSON_VALUE = re.compile(rb'": ("(?:[^"\\]|\\.)*"|[^,\n\[\]{}]+)')


def _replace_value(data: bytes, draw: st.DrawFn) -> bytes:
    """A project file with one value (after '"name": ') replaced by a hostile one."""
    values = list(_JSON_VALUE.finditer(data))
    if not values:
        return data
    m = draw(st.sampled_from(values))
    value = draw(st.sampled_from(HOSTILE_VALUES)).encode()
    return data[: m.start(1)] + value + data[m.end(1) :]


def _mutate(draw: st.DrawFn, data: bytes, fragments: list[str]) -> bytes:
    ops = ["flip", "lines", "hostile", "bytes", "text", "crlf"]
    op = draw(st.sampled_from(ops + ["value"] * 3 if data.startswith(b"{") else ops))
    if op == "value":
        return _replace_value(data, draw)
    if op == "flip":
        return _flip(data, draw)
    if op == "lines":
        return _lines_op(data, draw)
    if op == "hostile":
        return _insert(
            data, draw(st.sampled_from(fragments)).encode("utf-8", "surrogatepass"), draw
        )
    if op == "bytes":
        return _insert(data, draw(st.sampled_from(HOSTILE_BYTES)), draw)
    if op == "text":
        return _insert(data, draw(st.text(max_size=40)).encode("utf-8", "surrogatepass"), draw)
    ends = draw(st.sampled_from([b"\r\n", b"\r", b"\n\r", b"\r\r\n"]))
    return data.replace(b"\n", ends) if draw(st.booleans()) else data.replace(b"\n", ends, 5)


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes], fragments: list[str]) -> bytes:
    if draw(st.integers(0, 19)) == 0:  # now and then: random text, no seed at all
        return draw(st.text(max_size=300)).encode("utf-8", "surrogatepass")
    data = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        data = _mutate(draw, data, fragments)
    return data


# --------------------------------------------------------------------- running


@dataclass
class Figures:
    """What one fuzz run did, printed at its end (for docs/reliability.md)."""

    inputs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    slowest_s: float = 0.0
    slowest: bytes = b""
    started: float = field(default_factory=time.monotonic)

    def add(self, outcome: str, data: bytes, seconds: float) -> None:
        self.inputs += 1
        self.outcomes[outcome] += 1
        if seconds > self.slowest_s:
            self.slowest_s, self.slowest = seconds, data

    def report(self, what: str, path: Path, load: Callable[[Path], object]) -> str:
        """The figures; the slowest input is kept next to ``path`` and timed again (a
        slow machine or a garbage collection can make any input slow once)."""
        took = time.monotonic() - self.started
        outcomes = ", ".join(f"{n} {k}" for k, n in self.outcomes.most_common())
        kept = path.with_name(f"slowest-{path.name}")
        kept.write_bytes(self.slowest)
        start = time.perf_counter()
        with contextlib.suppress(SeminarError):
            load(kept)
        again = time.perf_counter() - start
        return (
            f"\n{what}: {self.inputs} inputs fuzzed in {took:.0f} s ({outcomes}); failures: 0; "
            f"slowest input {self.slowest_s * 1000:.0f} ms, {again * 1000:.0f} ms when run "
            f"again ({len(self.slowest):,} bytes, kept as {kept})"
        )


def _fuzz_one(
    path: Path,
    data: bytes,
    load: Callable[[Path], Document],
    expected: type[SeminarError],
    figures: Figures,
) -> None:
    path.write_bytes(data)
    # A hang ends the run with a traceback (sys.__stderr__: a real file under pytest).
    faulthandler.dump_traceback_later(HANG_GUARD_S, exit=True, file=sys.__stderr__)
    start = time.perf_counter()
    try:
        doc = load(path)
    except SeminarError as exc:
        figures.add(type(exc).__name__, data, time.perf_counter() - start)
        assert isinstance(exc, expected), repr(exc)
        message = str(exc)
        assert len(message.splitlines()) == 1, repr(message)  # no line or paragraph breaks
        assert exc.file == str(path), repr(exc)
        if expected is ReadmeImportError:
            assert exc.line is not None and exc.line >= 1, repr(exc)
        return
    else:
        figures.add("document", data, time.perf_counter() - start)
        # What the window and the CLI do next with a document must work too.
        export_readme(doc)
        dumps_project(doc)
        check_document(doc)
        check_files(doc, path.parent)  # what `seminar-gui check` does next
    finally:
        faulthandler.cancel_dump_traceback_later()


def fuzz_settings(count: int) -> settings:
    return settings(
        max_examples=count,
        deadline=None,  # time is guarded by faulthandler, not asserted
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


@pytest.mark.soak
def test_fuzz_readme_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = Figures()
    path = tmp_path / "README.md"

    @fuzz_settings(README_INPUTS)
    @given(mutated(_weighted(README_SEEDS), HOSTILE_TEXT))
    def fuzz(data: bytes) -> None:
        _fuzz_one(path, data, lambda p: import_readme_file(p).document, ReadmeImportError, figures)

    fuzz()
    with capsys.disabled():
        print(
            figures.report(f"README import ({len(README_SEEDS)} seeds)", path, import_readme_file)
        )


@pytest.mark.soak
def test_fuzz_project_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = Figures()
    path = tmp_path / "schedule.json"

    @fuzz_settings(PROJECT_INPUTS)
    @given(mutated(PROJECT_SEEDS, HOSTILE_JSON + HOSTILE_TEXT[:12]))
    def fuzz(data: bytes) -> None:
        _fuzz_one(path, data, load_project, ProjectFileError, figures)

    fuzz()
    with capsys.disabled():
        print(figures.report(f"project load ({len(PROJECT_SEEDS)} seeds)", path, load_project))


# ------------------------------------------------------ the real-world pages


@pytest.mark.parametrize("page", _real_world_pages(), ids=lambda p: p.name)
def test_a_real_world_page_imports_or_says_why(page: Path) -> None:
    try:
        result = import_readme_file(page)
    except ReadmeImportError as exc:
        assert exc.line is not None and "\n" not in str(exc)
        assert "# 2025 Fall" in str(exc)  # what the importer looks for, and where
        return
    assert result.document.semesters


@pytest.mark.parametrize("page", _real_world_pages(), ids=lambda p: p.name)
def test_import_never_drops_text_of_a_real_world_page(page: Path) -> None:
    """Under a '# 2025 Fall' heading, every word of every non-blank line of the page
    is in the exported README or in the import warnings (understood lines are
    rewritten in the house style; the rest is kept where it stood)."""
    text = "# 2025 Fall\n\n## Schedule\n\n" + decode_readme(page.read_bytes())
    result = import_readme(text)
    exported = export_readme(result.document)
    warned = "\n".join(str(w) for w in result.warnings)
    dropped = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        words = [w for w in re.findall(r"\w+", line) if w not in exported and w not in warned]
        if words:
            dropped.append(f"line {number}: {words}")
    assert not dropped, dropped


def test_there_are_seeds() -> None:
    assert len(README_SEEDS) >= 2 and len(PROJECT_SEEDS) >= 2
    assert json.loads(PROJECT_SEEDS[0])["schema_version"] == 2
