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
from seminar_gui.core.model import Document
from seminar_gui.core.readme.builder import ImportWarning, ReadmeBuilder
from seminar_gui.core.readme.scan import scan

__all__ = ["ImportResult", "ImportWarning", "decode_readme", "import_readme", "import_readme_file"]


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
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the README as UTF-8 and import it again",
            file=source,
            line=line,
        ) from None


def import_readme_file(path: str | Path) -> ImportResult:
    path = Path(path)
    data = read_input(
        path,
        lambda why: ReadmeImportError(f"cannot read the README: {why}", file=path, line=1),
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
        raise ReadmeImportError(f"cannot import the README: {too_large}", file=source, line=1)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    count = len(raw_lines) - (raw_lines[-1] == "")  # a final line break ends a line
    if count > README_MAX_LINES:
        raise ReadmeImportError(
            f"cannot import the README: it has {count:,} lines, and seminar-gui reads at "
            f"most {README_MAX_LINES:,} (a 36-year schedule has about 13,000); is it the "
            "right file? (A longer schedule can be split: keep old semesters in another file)",
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
            ImportWarning(
                repaired[0],
                f"repaired mojibake (UTF-8 read as Windows-1252) on {len(repaired)} lines: {shown}",
            ),
        )
    return ImportResult(document, warnings, repaired)


def _merge_repeats(warnings: list[ImportWarning]) -> list[ImportWarning]:
    """One warning per message, naming every line it applies to."""
    by_message: dict[str, list[int]] = {}
    for w in warnings:
        by_message.setdefault(w.message, []).append(w.line)
    merged = []
    for message, numbers in by_message.items():
        if len(numbers) > 1:
            also = ", ".join(map(str, numbers[1:9])) + (", …" if len(numbers) > 9 else "")
            message = f"{message} (also lines {also})"
        merged.append(ImportWarning(numbers[0], message))
    return sorted(merged, key=lambda w: w.line)


# A Latin-1/Windows-125x letter followed by a character that UTF-8 continuation bytes
# turn into under those code pages: the mark of mojibake.  Only such lines go to ftfy.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4\u011e\u011f\u0130\u015e\u015f]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


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
