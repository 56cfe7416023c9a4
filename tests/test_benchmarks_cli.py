"""`python -m benchmarks`: the speed table is printed, and docs/performance.md keeps the
part written by hand.  (The figures themselves are not tested: speed is measured, not
asserted.)"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import suite  # noqa: E402


def test_quickest_run_prints_the_table_and_leaves_the_docs_alone() -> None:
    doc = ROOT / "docs" / "performance.md"
    before = doc.read_bytes() if doc.exists() else None
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--runs", "1", "--only", "import", "--no-write"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "| what | measured | target | met? |" in lines
    row = next(line for line in lines if line.startswith("| README import of the archive |"))
    _what, measured, target, met = (cell.strip() for cell in row.strip("|").split("|"))
    assert re.fullmatch(r"\d+\.\d ms \(.*1 run\)", measured), measured
    assert (target, met in ("yes", "**no**")) == ("≤ 50 ms", True)
    assert "Machine: " in done.stdout and "python -m benchmarks --runs 1" in done.stdout
    assert "not written" in done.stderr
    assert (doc.read_bytes() if doc.exists() else None) == before


def test_help_lists_the_options() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    for option in ("--runs", "--only", "--no-write", "--keys"):
        assert option in done.stdout


def test_rewriting_the_doc_keeps_the_hand_written_part(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    suite.write_doc("| what | measured | target | met? |\nfirst run\n", doc)
    text = doc.read_text(encoding="utf-8")
    assert suite.GAPS_HEADING in text and "first run" in text
    doc.write_text(text + "\nThe preview's layout is the gap.\n", encoding="utf-8")
    suite.write_doc("| what | measured | target | met? |\nsecond run\n", doc)
    text = doc.read_text(encoding="utf-8")
    assert "second run" in text and "first run" not in text
    assert text.count(suite.START) == text.count(suite.END) == 1
    assert text.rstrip().endswith("The preview's layout is the gap.")


def test_the_census_counts_the_enums_pyside6_makes_and_splits_the_qt_import(
    tmp_path: Path,
) -> None:
    """The figures that explain the start-up gap come from a counter wrapped around
    Python's enum factory: a bare window makes QLocale's enums, Qt's own widgets make
    more, and the import split finds the Qt classes our window's modules name."""
    from benchmarks import pyside_census
    from benchmarks.procs import child_env

    env = child_env(tmp_path)
    census = tmp_path / "census.json"
    env["ENUM_CENSUS_OUT"] = str(census)
    made = {}
    for kind in ("bare", "floor+widgets"):
        command = pyside_census.command(kind, tmp_path / "shot.png", tmp_path / "none.json")
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        made[kind] = json.loads(census.read_text())
        assert (tmp_path / "shot.png").is_file()
    assert "Language" in [name for name, _members, _ms in made["bare"]["biggest"]]
    assert 0 < made["bare"]["enums"] < made["floor+widgets"]["enums"]
    assert made["bare"]["ms"] > 0
    split = pyside_census.import_split(1, child_env(tmp_path))
    assert split["classes"] > 50  # QMainWindow, QStyle, QTextBrowser, ...
    assert split["qt_ms"] > 0 and split["ours_ms"] > 0
