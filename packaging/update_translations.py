"""Collect the texts to translate and compile the translations.

    python packaging/update_translations.py          # lupdate, then lrelease
    python packaging/update_translations.py --check  # exit 1 when the .ts is stale

``pyside6-lupdate`` reads every module of ``seminar_gui`` (``self.tr``,
``translate(context, ...)``, ``QT_TRANSLATE_NOOP`` in the Qt layer and in core's
message templates) into ``resources/seminar_gui_LANG.ts``; a new text arrives there
unfinished, for a translator (Qt Linguist: ``pyside6-linguist``, or any text editor).
``pyside6-lrelease`` compiles the finished translations into the ``.qm`` file the
window loads.  Both files are committed; tests/test_translations.py fails while a text
is untranslated or the ``.qm`` is older than the ``.ts``.

``pyside6-lupdate`` takes every ``#:`` comment before a text as a note for translators;
seminar-gui's ``#:`` comments document attributes for developers ("Rendered images
kept ...", a signal's arguments), so these notes are dropped from the ``.ts``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    """The PySide6 tool next to this Python (a venv's bin/), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "seminar_gui").rglob("*.py") if "__pycache__" not in p.parts)


def ts_file(language: str) -> Path:
    return RESOURCES / f"seminar_gui_{language}.ts"


def lupdate(ts: Path) -> None:
    """Bring ``ts`` up to date with the sources (texts no longer used are dropped)."""
    command = [_tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete"]
    command += ["-locations", "none", "-target-language", ts.stem.split("_", 2)[-1], "-ts"]
    subprocess.run([*command, str(ts)], check=True, capture_output=True, text=True)
    text = ts.read_text(encoding="utf-8")
    ts.write_text(_DEVELOPER_NOTE.sub("", text), encoding="utf-8")


# A note lupdate made of the ``#:`` comments before a text (see the module docstring).
_DEVELOPER_NOTE = re.compile(r"[ \t]*<extracomment>.*?</extracomment>\n", re.S)


def lrelease(ts: Path, qm: Path) -> None:
    command = [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report a stale .ts")
    args = parser.parse_args(argv)
    stale = False
    for language in LANGUAGES:
        ts = ts_file(language)
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copyfile(ts, copy)
                lupdate(copy)
                if copy.read_bytes() != ts.read_bytes():
                    print(f"{ts.name} is stale: run python packaging/update_translations.py")
                    stale = True
            continue
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and {ts.with_suffix('.qm').name}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
