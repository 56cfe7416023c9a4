"""Line scanning for the README importer: headings, code fences, HTML comments.

Session dates in headings are read by :mod:`seminar_gui.core.dates`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_HEADING_START = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MAYBE = frozenset("# `~")
_CLOSER = re.compile(r"^(?:<br\s*/?>\s*)+$", re.I)


_new = tuple.__new__


class Line(NamedTuple):  # a tuple: a README of 500,000 lines makes 500,000 of them
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
            out.append(_new(Line, (number, text, 0, "", False)))  # Line(number, text), faster
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
        h = heading(text)
        if h:
            out.append(Line(number, text, *h))
        else:
            out.append(Line(number, text))
    return out


def heading(text: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line ('## Title ##' → (2, 'Title')), else None.

    Written without a backtracking regex: a heading line of a million spaces and tabs
    is read in linear time.  A closing run of '#' is dropped when a space or tab
    stands before it, as CommonMark says.
    """
    m = _HEADING_START.match(text)
    if m is None:
        return None
    rest = text[m.end() :].strip(" \t")
    body = rest.rstrip("#")
    if body != rest and body[-1:] in (" ", "\t"):
        rest = body
    return len(m.group(1)), rest.strip()


def is_closer(text: str) -> bool:
    return _CLOSER.match(text) is not None
