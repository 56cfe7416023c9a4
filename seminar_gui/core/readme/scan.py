"""Line scanning for the README importer: headings, code fences, HTML comments, dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from seminar_gui.core.model import infer_date

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MAYBE = frozenset("# `~")
_CLOSER = re.compile(r"^(?:<br\s*/?>\s*)+$", re.I)

MONTHS = {
    name.lower(): number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        1,
    )
    for name in names
}
_DATE = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?",
    re.I,
)
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the original file
    text: str
    level: int = 0  # heading level, 0 for other lines
    heading: str = ""  # heading text without the '#' marks
    opaque: bool = False  # inside a code fence or an HTML comment


def scan(text_lines: list[str]) -> list[Line]:
    out: list[Line] = []
    fence: str | None = None
    in_comment = False
    for number, text in enumerate(text_lines, 1):
        if fence is not None:
            out.append(Line(number, text, opaque=True))
            stripped = text.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        if in_comment:
            out.append(Line(number, text, opaque=True))
            in_comment = "-->" not in text
            continue
        first = text[:1]
        if first not in _MAYBE and "<!--" not in text:
            out.append(Line(number, text))
            continue
        m = _FENCE.match(text) if first in " `~" else None
        if m:
            fence = m.group(1)
            out.append(Line(number, text, opaque=True))
            continue
        if "<!--" in text and "-->" not in text[text.index("<!--") :]:
            in_comment = True
            out.append(Line(number, text, opaque=True))
            continue
        h = _HEADING.match(text)
        if h:
            out.append(Line(number, text, len(h.group(1)), (h.group(2) or "").strip()))
        else:
            out.append(Line(number, text))
    return out


def date_heading(text: str, semester_title: str) -> dt.date | None:
    """The date of a '### December 2' heading in a semester, or None."""
    text = text.strip()
    iso = _ISO.fullmatch(text)
    if iso:
        try:
            return dt.date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        except ValueError:
            return None
    m = _DATE.fullmatch(text)
    if not m:
        return None
    month = MONTHS.get(m["month"].lower())
    if month is None:
        return None
    date = infer_date(semester_title, month, int(m["day"]))
    if date is None:
        return None
    if m["year"] and int(m["year"]) != date.year:
        return None
    return date


def is_closer(text: str) -> bool:
    return _CLOSER.match(text) is not None
