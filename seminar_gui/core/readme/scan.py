"""Line scanning for the README importer: headings, code fences, HTML comments.

Session dates in headings are read by :mod:`seminar_gui.core.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MAYBE = frozenset("# `~")
_CLOSER = re.compile(r"^(?:<br\s*/?>\s*)+$", re.I)


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


def is_closer(text: str) -> bool:
    return _CLOSER.match(text) is not None
