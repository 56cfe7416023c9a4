"""The headless command line: import, export, check, schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from seminar_gui.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "seminar_gui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def test_import_then_export_gives_the_canonical_readme(tmp_path: Path) -> None:
    project = tmp_path / "schedule.json"
    proc = run("import", str(FIXTURES / "2025-fall-README.md"), "-o", str(project))
    assert proc.returncode == 0, proc.stderr
    assert "2025-fall-README.md:7: warning: repaired mojibake" in proc.stderr
    assert "1 semester(s), 9 session(s)" in proc.stderr
    data = json.loads(project.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    proc = run("export", str(project))
    assert proc.returncode == 0, proc.stderr
    canonical = (FIXTURES / "2025-fall-README.canonical.md").read_text(encoding="utf-8")
    assert proc.stdout == canonical
    out = tmp_path / "README.md"
    assert main(["export", str(project), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == canonical


def test_import_refuses_to_replace_a_project(tmp_path: Path, capsys) -> None:
    project = tmp_path / "schedule.json"
    project.write_text("precious", encoding="utf-8")
    code = main(["import", str(FIXTURES / "2025-fall-README.md"), "-o", str(project)])
    assert code == 2
    err = capsys.readouterr().err
    assert "schedule.json" in err and "--force" in err
    assert project.read_text(encoding="utf-8") == "precious"
    assert (
        main(["import", "-q", str(FIXTURES / "2025-fall-README.md"), "-o", str(project), "--force"])
        == 0
    )
    assert json.loads(project.read_text(encoding="utf-8"))["semesters"][0]["title"] == "2025 Fall"


def test_infer_venues_fills_only_missing_tags(tmp_path: Path, capsys) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# 2025 Fall\n\n## Schedule\n### May 5\n#### Topic I\n"
        "- 💡 [A: x](https://arxiv.org/abs/2501.00001)\n\n#### Topic II\n"
        "- 💡 [OSDI'25] [B](https://www.usenix.org/system/files/osdi25-b.pdf)\n",
        encoding="utf-8",
    )
    assert main(["import", str(readme), "--infer-venues"]) == 0
    out = capsys.readouterr()
    doc = json.loads(out.out)
    papers = [t["paper"] for t in doc["semesters"][0]["sessions"][0]["topics"]]
    assert [p["venue"] for p in papers] == ["arXiv", "OSDI'25"]
    assert "filled 1 venue tag(s)" in out.err


def test_bad_input_is_one_line_exit_2_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"schema_version": 1, "semesters": [', encoding="utf-8")
    before = bad.read_bytes()
    for args in (
        ["export", str(bad)],
        ["check", str(bad)],
        ["export", str(tmp_path / "missing.json")],
        ["import", str(tmp_path / "missing.md")],
    ):
        proc = run(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1, proc.stderr
        assert lines[0].startswith("seminar-gui: error: ")
        assert "Traceback" not in proc.stderr
    assert bad.read_bytes() == before


def test_check_reports_problems_and_exit_code(tmp_path: Path) -> None:
    project = tmp_path / "p.json"
    assert main(["import", "-q", str(FIXTURES / "2025-fall-README.md"), "-o", str(project)]) == 0
    proc = run("check", str(project))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 error(s)" in proc.stdout
    data = json.loads(project.read_text(encoding="utf-8"))
    data["semesters"][0]["sessions"][0]["topics"][0]["paper"]["url"] = "ftp://example.org/p.pdf"
    project.write_text(json.dumps(data), encoding="utf-8")
    proc = run("check", str(project))
    assert proc.returncode == 1
    assert "2025 Fall" in proc.stdout and "ftp://example.org/p.pdf" in proc.stdout
    assert "1 error(s)" in proc.stdout


def test_check_accepts_a_readme(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    shutil.copy(FIXTURES / "2025-fall-README.md", readme)
    proc = run("check", str(readme))
    assert proc.returncode == 0
    assert "warning: repaired mojibake" in proc.stdout


def test_schema_is_json_schema() -> None:
    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert "schema_version" in schema["properties"]
    assert "semesters" in schema["properties"]


@pytest.mark.parametrize("args", [[], ["--help"]])
def test_help(args: list[str], capsys) -> None:
    try:
        code = main(args)
    except SystemExit as exc:  # argparse exits after --help
        code = exc.code
    assert code == 0
    assert "import" in capsys.readouterr().out
