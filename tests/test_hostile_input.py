"""Hostile input (issue 8): every bad README or project file ends in the project's own
one-line error (CLI exit 2, a message box in the window), inputs above the size caps are
refused before they are read, the slow spots of the importer are linear, error hints
name only a .bak that exists, and slide names that differ only in case are caught.

Speed is measured by ``benchmarks/bench_hostile_input.py``; here a generous subprocess
timeout only guards against hangs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seminar_gui.cli import main as cli_main
from seminar_gui.core import lines
from seminar_gui.core.checks import check_files
from seminar_gui.core.demo import demo_text, load_demo
from seminar_gui.core.errors import (
    PROJECT_MAX_BYTES,
    README_MAX_BYTES,
    README_MAX_LINES,
    ProjectFileError,
    ReadmeImportError,
    SeminarError,
    read_input,
)
from seminar_gui.core.model import Document, Semester, Session, Topic
from seminar_gui.core.readme.export import export_readme
from seminar_gui.core.readme.importer import import_readme, import_readme_file
from seminar_gui.core.readme.scan import heading
from seminar_gui.core.slides import alternative_name, plan_copy
from seminar_gui.core.storage import load_project, loads_project, save_project

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = "# 2025 Fall\n\n## Schedule\n\n### December 2\n\n"
HUGE = "9" * 5000  # Python refuses int() of more than 4300 digits


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def demo_json(**changes: object) -> str:
    data = json.loads(demo_text())
    data.update(changes)
    return json.dumps(data, ensure_ascii=False, indent=2)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "seminar_gui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


# ------------------------------------------------------- the project's own errors


@pytest.mark.parametrize(
    "text",
    [
        demo_json().replace('"schema_version": 2', f'"schema_version": {HUGE}', 1),
        demo_json().replace('"preamble": ""', f'"preamble": {HUGE}', 1),
        demo_json().replace('"meeting_weekday": null', f'"meeting_weekday": -{HUGE}', 1),
    ],
    ids=["schema_version", "preamble", "negative weekday"],
)
def test_a_json_integer_of_5000_digits_is_a_project_error(tmp_path: Path, text: str) -> None:
    """Python's int() limit raised ValueError inside json: check, export and the window
    at start-up crashed with a traceback."""
    assert HUGE in text
    path = tmp_path / "schedule.json"
    path.write_text(text, encoding="utf-8")
    before = snapshot(path)
    with pytest.raises(ProjectFileError) as err:
        load_project(path)
    error = err.value
    assert "5000 digits" in str(error) and "fix it in a text editor" in str(error)
    line = text.count("\n", 0, text.index(HUGE)) + 1
    assert (error.file, error.line) == (str(path), line)
    assert str(error).startswith(f"{path}:{line}:")
    assert snapshot(path) == before  # a failed load never changes the file
    with pytest.raises(ProjectFileError, match="5000 digits"):
        loads_project(text, "schedule.json")


def test_a_semester_year_with_a_leading_zero_is_an_import_error() -> None:
    """'# 0025 Fall' became '25 Fall', which the model refused with a pydantic
    ValidationError (a traceback in the CLI, a silent no-op in the window's Import)."""
    text = "Intro\n\n# 0025 Fall\n\n## Schedule\n\n### December 2\n\n- 💡 Paper\n"
    with pytest.raises(ReadmeImportError) as err:
        import_readme(text, source="README.md")
    assert err.value.line == 3
    assert "'0025 Fall'" in str(err.value) and "'# 2025 Fall'" in str(err.value)
    assert str(err.value).startswith("README.md:3: ")


def test_a_semester_title_with_a_leading_zero_is_a_project_error() -> None:
    data = json.loads(demo_text())
    data["semesters"][0]["title"] = "0025 Fall"
    with pytest.raises(ProjectFileError) as err:
        loads_project(json.dumps(data, indent=2), "schedule.json")
    assert err.value.field == "semesters[0].title"
    assert "a year starting with 0" in str(err.value)
    with pytest.raises(ValueError, match="a year starting with 0"):
        Semester(title="0025 Fall")  # it used to become '25 Fall', written unreadable


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"x\\ud800y"', "lone UTF-16 surrogate"),
        ('"x\\udc00"', "lone UTF-16 surrogate"),
        ("[" * 300 + "]" * 300, "nested too deeply"),
        ("[" * 100_000, "nested too deeply"),
    ],
    ids=["high surrogate", "low surrogate", "300 levels", "100,000 levels"],
)
def test_odd_json_gets_our_message_with_its_place(value: str, expected: str) -> None:
    text = '{\n  "schema_version": 1,\n  "preamble": ' + value + "\n}\n"
    with pytest.raises(ProjectFileError) as err:
        loads_project(text, "schedule.json")
    assert expected in str(err.value)
    assert "Invalid JSON:" not in str(err.value)  # pydantic's words, not ours
    if "surrogate" in expected:
        assert err.value.line == 3


def test_a_link_python_cannot_take_apart_is_refused_not_a_crash_later() -> None:
    """'https://[x' (found by fuzzing): accepted, then urlsplit raised ValueError in
    `check`, the Problems panel, the venue hint and the slides lookup."""
    text = HEAD + "- 💡 [T](https://[x)\n- [📕 slides](https://[y)\n"
    result = import_readme(text)
    assert [w.message.split(":")[0] for w in result.warnings] == [
        "paper line kept as text",
        "materials line kept as text",
    ]
    assert "Invalid IPv6 URL" in result.warnings[0].message
    topic = result.document.semesters[0].sessions[0].topics[0]
    assert (topic.paper.url, topic.slides) == ("", "")
    assert "- 💡 [T](https://[x)" in export_readme(result.document)  # kept as written
    data = json.loads(demo_text())
    data["semesters"][0]["sessions"][0]["topics"][0]["video"] = "https://[x"
    with pytest.raises(ProjectFileError, match="is not a valid address"):
        loads_project(json.dumps(data), "schedule.json")
    with pytest.raises(ValueError, match="not a valid address"):
        Topic(slides="https://a\uff03b/x.pdf")  # NFKC turns '＃' into '#'


def test_a_slides_link_to_a_file_name_no_disk_allows_is_refused(tmp_path: Path) -> None:
    """A 300-byte file name (found by fuzzing): looking it up raised 'File name too
    long' in `check` and in the calendar."""
    long_name = "a" * 300 + ".pdf"
    result = import_readme(HEAD + f"- 💡 x\n- [📕 slides](./slides/{long_name})\n")
    assert "names a file of 304 bytes; file names have at most 255" in str(result.warnings)
    assert result.document.semesters[0].sessions[0].topics[0].slides == ""
    data = json.loads(demo_text())
    data["semesters"][0]["sessions"][0]["topics"][0]["slides"] = long_name
    with pytest.raises(ProjectFileError, match="file names have at most 255"):
        loads_project(json.dumps(data), "schedule.json")
    assert Topic(slides="./slides/" + "%C3%A9" * 120 + ".pdf")  # 244 bytes: fine


# --------------------------------------------------------------------- size caps


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counting_read)
    return reads


def test_a_readme_over_the_cap_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = tmp_path / "README.md"
    with readme.open("wb") as f:
        f.truncate(50 * 1_000_000)  # 50 MB (sparse: no disk used)
    reads = _count_reads(monkeypatch)
    with pytest.raises(ReadmeImportError) as err:
        import_readme_file(readme)
    assert reads == []  # not one byte was read
    assert "it is 50.0 MB, and seminar-gui reads at most 512 kB" in str(err.value)
    assert err.value.line == 1


def test_a_project_over_the_cap_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "schedule.json"
    with project.open("wb") as f:
        f.truncate(PROJECT_MAX_BYTES + 1)
    reads = _count_reads(monkeypatch)
    with pytest.raises(ProjectFileError) as err:
        load_project(project)
    assert reads == []
    assert f"{PROJECT_MAX_BYTES + 1:,} bytes" in str(err.value)
    assert "is it the right file?" in str(err.value)


def test_the_caps_hold_for_text_given_directly_too() -> None:
    with pytest.raises(
        ReadmeImportError, match="512,001 bytes, and seminar-gui reads at most 512,000"
    ):
        import_readme("x" * (README_MAX_BYTES + 1))
    with pytest.raises(ReadmeImportError, match="600 kB, and seminar-gui reads at most 512 kB"):
        import_readme("é" * 300_000)  # 300,000 characters, 2 bytes each in UTF-8
    with pytest.raises(ProjectFileError, match="reads at most"):
        loads_project(" " * (PROJECT_MAX_BYTES + 1))


def test_a_readme_over_the_line_cap_is_refused() -> None:
    """20,000 lines: a 36-year schedule has about 13,000; 57,000 one-line topics in
    512 kB took a second."""
    lines_ok = "# 2025 Fall\n## Schedule\n### December 2\n" + "- 💡 x\n" * (README_MAX_LINES - 3)
    topics = import_readme(lines_ok).document.semesters[0].sessions[0].topics
    assert len(topics) == README_MAX_LINES - 3
    with pytest.raises(ReadmeImportError) as err:
        import_readme(lines_ok + "- 💡 x")
    assert err.value.line == README_MAX_LINES + 1
    assert "it has 20,001 lines, and seminar-gui reads at most 20,000" in str(err.value)


def test_a_readme_at_the_cap_is_imported(fixture_readme: str) -> None:
    filler = "\n<!-- " + "x" * 70 + " -->"
    size = len(fixture_readme.encode())
    text = fixture_readme + filler * ((README_MAX_BYTES - size) // len(filler))
    assert README_MAX_BYTES - len(filler) < len(text.encode()) <= README_MAX_BYTES
    assert import_readme(text).document.semesters[0].title == "2025 Fall"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    """Reading a FIFO with nobody writing would wait forever (the window hung)."""
    script = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        from seminar_gui.core.errors import SeminarError
        from seminar_gui.core.readme.importer import import_readme_file
        from seminar_gui.core.storage import load_project
        fifo = Path(sys.argv[1])
        os.mkfifo(fifo)
        for load in (load_project, import_readme_file):
            try:
                load(fifo)
            except SeminarError as exc:
                print(exc)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "pipe.json")],
        capture_output=True,
        text=True,
        timeout=60,  # a guard: before the fix this never returned
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert len(out) == 2
    assert all("it is a named pipe (FIFO), not a file" in line for line in out)


def test_devices_and_folders_are_refused(tmp_path: Path) -> None:
    def error(why: str) -> SeminarError:
        return SeminarError(f"cannot read: {why}")

    with pytest.raises(SeminarError, match="it is a folder, not a file"):
        read_input(tmp_path, error)
    if Path("/dev/zero").exists():  # endless: reading it would fill the memory
        with pytest.raises(SeminarError, match="it is a device, not a file"):
            read_input(Path("/dev/zero"), error)
    with pytest.raises(SeminarError, match="No such file or directory; check its name"):
        read_input(tmp_path / "missing.json", error)


# ------------------------------------------------------- linear time, same results

_OLD_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_OLD_AND = re.compile(r"\s+and\s+|\s*&\s*")
_OLD_SPECIAL = {"[": re.compile(r"[\\\[\]]"), "(": re.compile(r"[\\()]")}


def _old_matching(text: str, start: int, open_: str) -> int | None:
    depth, pos = 0, start
    while (m := _OLD_SPECIAL[open_].search(text, pos)) is not None:
        c, i = m.group(), m.start()
        if c == "\\":
            pos = i + 2
            continue
        depth += 1 if c == open_ else -1
        if depth == 0:
            return i
        pos = i + 1
    return None


def _old_person(text: str) -> lines.PresenterParts:
    text = text.strip()
    if ")" not in text and "）" not in text:
        return lines.PresenterParts(text)
    m = re.fullmatch(r"(.*?)\s*[(（]([^()（）]*)[)）]", text)
    if m and m.group(1):
        return lines.PresenterParts(m.group(1).strip(), m.group(2).strip())
    return lines.PresenterParts(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=" \t#a\u3000\x85", max_size=14))
def test_headings_are_read_as_the_old_regex_read_them(text: str) -> None:
    m = _OLD_HEADING.match(text)
    assert heading(text) == ((len(m[1]), (m[2] or "").strip()) if m else None)


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet="[]()\\aé", max_size=40),
    st.sampled_from("(["),
    st.integers(0, 4),
)
def test_brackets_are_matched_as_before_near_and_far(text: str, open_: str, near: int) -> None:
    old_near = lines._NEAR_TOKENS
    lines._NEAR_TOKENS = near  # 0: every search takes the fast path for long text
    try:
        assert lines._matching(open_ + text, 0, open_) == _old_matching(open_ + text, 0, open_)
    finally:
        lines._NEAR_TOKENS = old_near


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "\u3000", "and", "a", "d", "&", "x"]), max_size=20))
def test_presenters_split_on_and_as_before(parts: list[str]) -> None:
    text = "".join(parts)
    assert lines._split_on_and(text) == _OLD_AND.split(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=" \t\u3000()（）xa", max_size=20))
def test_affiliations_are_read_as_before(text: str) -> None:
    assert lines._person(text) == _old_person(text)


SLOW_BEFORE = {
    # name: (README text, what it took before the fix)
    "heading of 250,000 spaces and tabs": (HEAD + "# x" + " \t" * 250_000 + "x\n", "hours"),
    "presenter of 500,000 spaces before ')'": (
        HEAD + "- 🙋 a" + " " * 500_000 + "x)\n",
        "hours",
    ),
    "paper line of 500,000 '['": (HEAD + "- 💡 " + "[" * 500_000 + "\n", "3 s"),
    "paper line of '[' and 250,000 '[]'": (HEAD + "- 💡 [" + "[]" * 250_000 + "\n", "2.5 s"),
    "12,000 semesters": (
        "".join(
            f"# {1000 + i // 4} {('Spring', 'Summer', 'Fall', 'Winter')[i % 4]}\n"
            for i in range(12_000)
        ),
        "1.5 s",
    ),
}


def test_hostile_readmes_are_imported_without_hanging(tmp_path: Path) -> None:
    """Each input in a subprocess with a generous timeout: a guard against hangs, not a
    speed test (benchmarks/bench_hostile_input.py measures: each well under 1 s)."""
    for name, (text, before) in SLOW_BEFORE.items():
        path = tmp_path / "README.md"
        path.write_text(text, encoding="utf-8")
        script = (
            "import sys\nfrom seminar_gui.core.readme.importer import import_readme_file\n"
            "result = import_readme_file(sys.argv[1])\n"
            "print(len(result.document.semesters))\n"
        )
        try:
            proc = subprocess.run(
                [sys.executable, "-c", script, str(path)],
                capture_output=True,
                text=True,
                timeout=60,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"{name}: still importing after 60 s (before the fix: {before})")
        assert proc.returncode == 0, f"{name}: {proc.stderr}"


def test_a_paper_line_of_brackets_is_kept_as_written() -> None:
    text = HEAD + "- 💡 " + "[" * 200_000 + "\n"
    result = import_readme(text)
    topic = result.document.semesters[0].sessions[0].topics[0]
    assert "[" * 200_000 in (topic.paper.title + "".join(topic.extra.values()))


def test_twelve_thousand_semesters_are_all_imported() -> None:
    seasons = ("Spring", "Summer", "Fall", "Winter")
    text = "".join(f"# {1000 + i // 4} {seasons[i % 4]}\n" for i in range(12_000))
    assert len(import_readme(text).document.semesters) == 12_000
    with pytest.raises(ReadmeImportError, match=r"appears twice \(first at line 1\)"):
        import_readme(text + "# 1000 Spring\n")


# ---------------------------------------------------------------- restore hints


def _corruptions() -> dict[str, bytes]:
    text = demo_text()
    return {
        "not UTF-8": text.encode().replace(b"Fall", b"F\xe4ll", 1),
        "truncated": text.encode()[: len(text) // 2],
        "invalid value": text.replace('"2025 Fall"', '"2025 Autumn"', 1).encode(),
        "huge number": text.replace('"preamble": ""', f'"preamble": {HUGE}', 1).encode(),
        "lone surrogate": text.replace('"preamble": ""', '"preamble": "\\udc00"', 1).encode(),
    }


@pytest.mark.parametrize("kind", list(_corruptions()))
@pytest.mark.parametrize("with_backup", [True, False], ids=["saved twice", "saved once"])
def test_error_hints_name_only_a_backup_that_exists(
    tmp_path: Path, kind: str, with_backup: bool
) -> None:
    path = tmp_path / "schedule.json"
    save_project(load_demo(), path)
    if with_backup:
        save_project(load_demo(), path)  # the second save keeps the first as .bak
    backup = tmp_path / "schedule.json.bak"
    assert backup.exists() is with_backup
    path.write_bytes(_corruptions()[kind])
    with pytest.raises(ProjectFileError) as err:
        load_project(path)
    message = str(err.value)
    if with_backup:
        assert "restore schedule.json.bak (kept by the previous save)" in message
    else:
        assert ".bak" not in message
        assert "restore an earlier version from Git or your backups" in message


# ------------------------------------------------------------ slide case twins


def _case_sensitive(folder: Path) -> bool:
    probe = folder / "case-probe"
    probe.write_text("x")
    try:
        return not (folder / "CASE-PROBE").exists()
    finally:
        probe.unlink()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "slides").mkdir(parents=True)
    if not _case_sensitive(site / "slides"):
        pytest.skip("ROLL.pdf and roll.pdf cannot both exist on this disk")
    return site


PDF = b"%PDF-1.7\n" + b"slides " * 50


def test_check_flags_two_slide_files_that_differ_only_in_case(site: Path) -> None:
    (site / "slides" / "ROLL.pdf").write_bytes(PDF)
    (site / "slides" / "roll.pdf").write_bytes(PDF + b"other")
    (site / "slides" / "other.pdf").write_bytes(PDF)
    problems = check_files(Document(), site)
    twins = [p for p in problems if "differ only in upper/lower case" in p.message]
    assert len(twins) == 1
    assert twins[0].severity == "warning"
    assert "slides/ROLL.pdf and slides/roll.pdf" in twins[0].message
    assert "rename one" in twins[0].message
    project = site / "schedule.json"
    save_project(Document(), project)
    proc = run_cli("check", str(project))
    assert "warning: slides/ROLL.pdf and slides/roll.pdf differ only in upper/lower case" in (
        proc.stdout
    )
    assert proc.stdout.splitlines()[-1].endswith("0 error(s), 1 warning(s)")


def test_a_drop_named_like_an_existing_file_but_for_case_is_a_conflict(
    site: Path, tmp_path: Path
) -> None:
    (site / "slides" / "ROLL.pdf").write_bytes(PDF)
    dropped = tmp_path / "talk.pdf"
    dropped.write_bytes(PDF + b"new")
    plan = plan_copy(dropped, site, "roll.pdf")
    assert (plan.status, plan.name) == ("conflict", "ROLL.pdf")  # asks Replace / Keep both
    assert plan.link == "./slides/ROLL.pdf"
    dropped.write_bytes(PDF)
    assert plan_copy(dropped, site, "roll.pdf").status == "identical"  # linked, not copied
    (site / "slides" / "roll-2.pdf").write_bytes(PDF)
    assert alternative_name(site, "ROLL.pdf") == "ROLL-3.pdf"  # not the twin ROLL-2.pdf


def test_an_exact_name_wins_over_a_case_twin(site: Path, tmp_path: Path) -> None:
    (site / "slides" / "ROLL.pdf").write_bytes(PDF)
    (site / "slides" / "roll.pdf").write_bytes(PDF + b"x")
    dropped = tmp_path / "talk.pdf"
    dropped.write_bytes(PDF + b"x")
    plan = plan_copy(dropped, site, "roll.pdf")
    assert (plan.status, plan.name) == ("identical", "roll.pdf")


# ------------------------------------------------------------------------ CLI


def _cli_cases(tmp: Path) -> list[tuple[list[str], str]]:
    def write(name: str, text: str | bytes) -> str:
        path = tmp / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)

    huge = write("huge.json", demo_json().replace('"preamble": ""', f'"preamble": {HUGE}', 1))
    zero = write("zero.md", "# 0025 Fall\n## Schedule\n### December 2\n- 💡 x\n")
    big = tmp / "big.md"
    with big.open("wb") as f:
        f.truncate(README_MAX_BYTES + 1)
    latin = write("latin.md", "# 2025 Fall\n\nCaf\xe9\n".encode("latin-1"))
    deep = write("deep.json", '{"schema_version": 1, "preamble": ' + "[" * 100_000)
    return [
        (["check", huge], "5000 digits"),
        (["export", huge], "5000 digits"),
        (["check", zero], "a year starting with 0"),
        (["import", zero], "a year starting with 0"),
        (["import", str(big)], "it is 512,001 bytes, and seminar-gui reads at most 512,000 bytes"),
        (["check", latin], "not UTF-8"),
        (["check", deep], "nested too deeply"),
        (["check", str(tmp)], "it is a folder, not a file"),
        (["export", str(tmp / "missing.json")], "No such file or directory"),
    ]


def test_cli_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path: Path) -> None:
    for args, expected in _cli_cases(tmp_path):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
        err = proc.stderr.splitlines()
        assert len(err) == 1, (args, proc.stderr)
        assert err[0].startswith("seminar-gui: error: ") and expected in err[0], (args, err)


def test_cli_check_errors_exit_1(tmp_path: Path) -> None:
    doc = load_demo()
    semester = doc.semesters[0]
    twin = Session(date=semester.sessions[0].date, topics=[Topic()])
    bad = doc.model_copy(
        update={"semesters": [semester.model_copy(update={"sessions": [*semester.sessions, twin]})]}
    )
    path = tmp_path / "schedule.json"
    save_project(bad, path)
    proc = run_cli("check", str(path))
    assert proc.returncode == 1
    assert "two sessions are on" in proc.stdout
    assert cli_main(["check", str(path)]) == 1


# --------------------------------------------------------------------- window


class _Recorder:
    """The window's asker, answering nothing and recording the errors shown."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def error(self, title: str, error: object) -> None:
        self.errors.append((title, str(error)))

    def __getattr__(self, name: str):  # any other question: no answer
        return lambda *args, **kwargs: None


def test_the_window_starts_with_a_message_on_a_huge_number(qtbot, tmp_path: Path) -> None:
    """The last document had a 5000-digit number: the window crashed at every start."""
    from qt_helpers import discard_on_close

    from seminar_gui.qt.main_window import MainWindow

    bad = tmp_path / "schedule.json"
    bad.write_text(demo_json().replace('"preamble": ""', f'"preamble": {HUGE}', 1))
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=discard_on_close)
    asker = _Recorder()
    win.asker = asker  # type: ignore[assignment]
    win.files.asker = asker  # type: ignore[assignment]
    win.settings.last_document = str(bad)
    win.open_initial(None, recover=False)
    assert [title for title, _ in asker.errors] == ["Could not open the project"]
    assert "5000 digits" in asker.errors[0][1]
    assert win.document.path is None  # the demo instead, the file untouched


def test_the_window_import_of_a_leading_zero_year_shows_the_error(window, tmp_path: Path) -> None:
    """It was a silent no-op: nothing imported, nothing said."""
    readme = tmp_path / "README.md"
    readme.write_text("# 0025 Fall\n## Schedule\n### December 2\n- 💡 x\n", encoding="utf-8")
    before = window.document.doc
    asker = _Recorder()
    window.asker = asker
    window.files.asker = asker
    assert window.files.import_readme(readme) is False
    assert [title for title, _ in asker.errors] == ["Could not import the README"]
    assert "README.md:1: semester heading '0025 Fall'" in asker.errors[0][1]
    assert window.document.doc is before


def test_a_project_too_large_to_open_again_is_not_saved(tmp_path: Path) -> None:
    """Saving refuses what loading would refuse: else the organizer could write a file
    (e.g. after pasting a huge text by mistake) that seminar-gui cannot open again."""
    huge = load_demo().model_copy(update={"preamble": "x" * (PROJECT_MAX_BYTES + 1)})
    target = tmp_path / "fall.json"
    save_project(load_demo(), target)
    before = target.read_bytes()
    with pytest.raises(ProjectFileError, match="larger than 8 MiB"):
        save_project(huge, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fall.json"]
    assert load_project(target) == load_demo()


def test_a_slides_link_no_disk_allows_counts_as_missing_not_a_crash() -> None:
    """A path longer than the system allows (many folders) cannot exist: the calendar's
    missing-slides mark says so instead of raising."""
    from seminar_gui.core.slides import slides_missing
    from seminar_gui.core.venues import infer_venue

    link = "./slides/" + "/".join(["d" * 200] * 30) + "/x.pdf"
    assert slides_missing(Path("/tmp"), link)
    assert infer_venue("https://[x") is None
