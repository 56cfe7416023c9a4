"""Import a schedule README (FORMAT.md) into a :class:`Document`.

The importer never drops text: whatever it does not understand is kept as a free
Markdown block where it stood, with a warning naming the line.  It raises
:class:`ReadmeImportError` (always with a line number) only when the README
cannot become a document at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from seminar_gui.core.errors import (
    README_MAX_BYTES,
    README_MAX_LINES,
    ReadmeImportError,
    gc_paused,
    read_input,
    text_too_large,
)
from seminar_gui.core.messages import QT_TRANSLATE_NOOP
from seminar_gui.core.model import Document
from seminar_gui.core.readme.builder import ImportWarning, ReadmeBuilder
from seminar_gui.core.readme.scan import scan

__all__ = ["ImportResult", "ImportWarning", "decode_readme", "import_readme", "import_readme_file"]

_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "import",
    "not UTF-8 text (byte {byte} at offset {offset}); save the README as UTF-8 and import it again",
)
_CANNOT_READ = QT_TRANSLATE_NOOP("import", "cannot read the README: {reason}")
_CANNOT_IMPORT = QT_TRANSLATE_NOOP("import", "cannot import the README: {reason}")
_TOO_MANY_LINES = QT_TRANSLATE_NOOP(
    "import",
    "cannot import the README: it has {count} lines, and seminar-gui reads at most "
    "{most} (a 36-year schedule has about 13,000); is it the right file? (A longer "
    "schedule can be split: keep old semesters in another file)",
)
_MOJIBAKE = QT_TRANSLATE_NOOP(
    "import", "repaired mojibake (UTF-8 read as Windows-1252) on {count} lines: {lines}"
)
_ALSO = QT_TRANSLATE_NOOP("import", "{message} (also lines {lines})")


@dataclass
class ImportResult:
    document: Document
    warnings: list[ImportWarning]
    repaired_lines: list[int] = field(default_factory=list)


def decode_readme(data: bytes, source: str | Path | None = None) -> str:
    """Bytes → text: UTF-8 with or without BOM; anything else is a clear error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadmeImportError(
            _NOT_UTF8(byte=f"0x{data[exc.start]:02x}", offset=exc.start),
            file=source,
            line=line,
        ) from None


def import_readme_file(path: str | Path) -> ImportResult:
    path = Path(path)
    data = read_input(
        path,
        lambda why: ReadmeImportError(_CANNOT_READ(reason=why), file=path, line=1),
        limit=README_MAX_BYTES,
    )
    return import_readme(decode_readme(data, path), source=path)


def import_readme(text: str, *, source: str | Path | None = None) -> ImportResult:
    """Import a README's text (at most :data:`README_MAX_BYTES` as UTF-8, at most
    :data:`README_MAX_LINES` lines).

    Time is linear in the text (no backtracking regex, no quadratic scan): the largest
    README allowed, however hostile, is imported in well under a second.
    """
    too_large = text_too_large(text, README_MAX_BYTES)
    if too_large:
        raise ReadmeImportError(_CANNOT_IMPORT(reason=too_large), file=source, line=1)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    count = len(raw_lines) - (raw_lines[-1] == "")  # a final line break ends a line
    if count > README_MAX_LINES:
        raise ReadmeImportError(
            _TOO_MANY_LINES(count=f"{count:,}", most=f"{README_MAX_LINES:,}"),
            file=source,
            line=README_MAX_LINES + 1,
        )
    fixed_lines, repaired = _repair(raw_lines) if _SUSPECT.search(text) else (raw_lines, [])
    builder = ReadmeBuilder(source)
    with gc_paused():  # 100,000s of small objects, none in a cycle: no collector passes
        builder.run(scan(fixed_lines))
        document = builder.document()
    warnings = _merge_repeats(builder.warnings)
    if repaired:
        shown = ", ".join(str(n) for n in repaired[:8]) + (", …" if len(repaired) > 8 else "")
        warnings.insert(
            0,
            ImportWarning(repaired[0], _MOJIBAKE(count=len(repaired), lines=shown)),
        )
    return ImportResult(document, warnings, repaired)


def _merge_repeats(warnings: list[ImportWarning]) -> list[ImportWarning]:
    """One warning per message, naming every line it applies to."""
    by_message: dict[str, tuple[str, list[int]]] = {}
    for w in warnings:
        by_message.setdefault(w.message, (w.message, []))[1].append(w.line)
    merged = []
    for message, numbers in by_message.values():
        if len(numbers) > 1:
            also = ", ".join(map(str, numbers[1:9])) + (", …" if len(numbers) > 9 else "")
            message = _ALSO(message=message, lines=also)
        merged.append(ImportWarning(numbers[0], message))
    return sorted(merged, key=lambda w: w.line)


# A Latin-1/Windows-125x letter followed by a character that UTF-8 continuation bytes
# turn into under those code pages: the mark of mojibake.  Only such lines go to ftfy.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4\u011e\u011f\u0130\u015e\u015f]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> tuple[str, list[int]]:
    """``text`` with the lines that mojibake damaged repaired (as the importer repairs
    them), and the numbers (from 1) of those lines."""
    if not _SUSPECT.search(text):
        return text, []
    fixed, repaired = _repair(text.splitlines(keepends=True))
    return "".join(fixed), repaired


def without_mojibake(old_text: str, new_text: str) -> tuple[str, int]:
    """``old_text`` (a README on disk) with what the import repaired taken as already
    done, and how many lines that was: lines that ftfy repairs, and lines whose only
    difference from their counterpart in ``new_text`` (an export of the imported
    document) is a damaged emoji that the importer replaced by the group's marker.  A
    diff of the result against ``new_text`` shows the other changes only."""
    import difflib  # only when exporting

    repaired_text, repaired = repair_mojibake(old_text)
    old = repaired_text.splitlines(keepends=True)
    new = new_text.splitlines(keepends=True)
    damaged = {n - 1 for n in repaired}
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                line = old[i1 + k]
                if _SUSPECT.search(line) and _words(line) == _words(new[j1 + k]):
                    damaged.add(i1 + k)
                    line = new[j1 + k]
                out.append(line)
        else:
            out.extend(old[i1:i2])
    return "".join(out), len(damaged)


def _words(line: str) -> str:
    """A line without its non-ASCII symbols (emoji, or their mojibake) and spacing."""
    return " ".join("".join(c if c.isascii() else " " for c in line).split())


def _repair(raw_lines: list[str]) -> tuple[list[str], list[int]]:
    out: list[str] = []
    repaired: list[int] = []
    fixes: dict[str, str] = {}  # ftfy takes ~40 µs a line: a repeated line is fixed once
    for number, line in enumerate(raw_lines, 1):
        if line.isascii() or _SUSPECT.search(line) is None:
            out.append(line)
            continue
        import ftfy  # only for damaged lines: keeps start-up free of its large tables

        fixed = fixes.get(line)
        if fixed is None:
            fixed = fixes[line] = ftfy.fix_encoding(line)
        if fixed != line:
            repaired.append(number)
        out.append(fixed)
    return out, repaired
