"""Reading and writing the single Markdown lines that describe one topic.

This module knows nothing about documents: it turns a bullet's text into plain
values and back.  The importer, the exporter and the model's validators all use it,
so "can this value be written to the README and read back unchanged" has one answer.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from array import array
from typing import NamedTuple

from seminar_gui.core.lazy_re import lazy_compile

PRESENTER_SEPARATORS = (", ", "，", "、", ",")
MATERIAL_SEPARATORS = (",", ", ", " ", " | ", " · ")
# The separators, longest first, each where a link follows: the first that fits wins.
_MATERIAL_SEPARATOR = lazy_compile(
    "(?:"
    + "|".join(re.escape(s) for s in sorted(MATERIAL_SEPARATORS, key=len, reverse=True))
    + r")(?=\[)"
)

# "A and B", "A & B": where a presenters piece splits (see _split_on_and).
_AND_WORD = lazy_compile(r"(?<=\s)and(?=\s)|&")
_WHITESPACE = lazy_compile(r"\s*")


_SPACE = lazy_compile(r"\s")
_SPECIAL = {"[": lazy_compile(r"[\\\[\]]"), "(": lazy_compile(r"[\\()]")}
# A link whose label has no brackets or backslashes and whose target no parentheses,
# backslashes or spaces: what split_link reads, found by one regex (the common case).
_PLAIN_LINK = r"\[([^\[\]\\]*)\]\(([^()\\\s]+)\)"
_PLAIN_LINK_AT = lazy_compile(_PLAIN_LINK)
# '[VENUE] [TITLE](URL)' (venue optional) made of plain parts: what parse_paper reads.
_PLAIN_PAPER = lazy_compile(r"(?:\[([^\[\]\\]*)\] *)?" + _PLAIN_LINK)


_ANY_LINK = lazy_compile(r"\[([^\]]*)\]\([^)]*\)")


def link_labels(text: str) -> str:
    """``text`` with each Markdown link ``[label](target)`` replaced by its label (a
    title as words: for a short name, an announcement, a comparison)."""
    return _ANY_LINK.sub(r"\1", text) if "](" in text else text


def split_link(text: str, start: int = 0) -> tuple[str, str, int] | None:
    """Parse ``[label](target)`` at ``text[start:]``.

    Returns ``(label, target, end)`` or None.  The label may contain balanced
    brackets and backslash escapes; the target may contain balanced parentheses.
    """
    plain = _PLAIN_LINK_AT.match(text, start)
    if plain is not None:  # what the bracket matching below would find, in one step
        return plain[1], plain[2], plain.end()
    if text[start : start + 1] != "[":
        return None
    label_end = _matching(text, start, "[")
    if label_end is None or text[label_end + 1 : label_end + 2] != "(":
        return None
    target_end = _matching(text, label_end + 1, "(")
    if target_end is None:
        return None
    target = text[label_end + 2 : target_end]
    if not target or _SPACE.search(target):
        return None
    return text[start + 1 : label_end], target, target_end + 1


def _matching(text: str, start: int, open_: str) -> int | None:
    """Index of the bracket closing the one at ``start`` (backslash escapes skipped).

    The first few brackets are followed one by one (a label or a link target is
    short); a longer search goes on at C speed (:func:`_matching_far`), so that a line
    of a million brackets costs milliseconds, not seconds.
    """
    depth = 0
    pos = start
    special = _SPECIAL[open_]
    for _ in range(_NEAR_TOKENS):
        m = special.search(text, pos)
        if m is None:
            return None
        c = m.group()
        i = m.start()
        if c == "\\":
            pos = i + 2
            continue
        if c == open_:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i
        pos = i + 1
    return _matching_far(text, pos, depth, open_)


_NEAR_TOKENS = 64
_CLOSE = {"[": "]", "(": ")"}
_ESCAPED = lazy_compile(r"\\[\s\S]")
_NOT_BRACKET = {"[": lazy_compile(r"[^\[\]]+"), "(": lazy_compile(r"[^()]+")}
_BRACKET = {"[": lazy_compile(r"[\[\]]"), "(": lazy_compile(r"[()]")}
_SIGNED = {"[": bytes.maketrans(b"[]", b"\x01\xff"), "(": bytes.maketrans(b"()", b"\x01\xff")}


def _matching_far(text: str, pos: int, depth: int, open_: str) -> int | None:
    """:func:`_matching` from ``pos`` on, ``depth`` brackets deep, without a Python loop
    per character: escapes blanked, brackets kept, their running depth summed in C."""
    close = _CLOSE[open_]
    if text.find(close, pos) == -1:
        return None
    rest = text[pos:]
    if "\\" in rest:
        rest = _ESCAPED.sub("\0\0", rest)  # same length: indices stay valid
    brackets = _NOT_BRACKET[open_].sub("", rest)
    steps = array("b", brackets.encode("ascii").translate(_SIGNED[open_]))  # +1 / -1
    try:
        nth = operator.indexOf(itertools.accumulate(steps), -depth)
    except ValueError:
        return None
    # The index of the nth bracket in ``rest``: count whole blocks, then walk one.
    begin, step = 0, 1 << 16
    while True:
        end = min(len(rest), begin + step)
        count = rest.count(open_, begin, end) + rest.count(close, begin, end)
        if count > nth:
            break
        nth -= count
        begin = end
    for m in _BRACKET[open_].finditer(rest, begin, end):
        if nth == 0:
            return pos + m.start()
        nth -= 1
    raise AssertionError("unreachable: the bracket was counted")


# --------------------------------------------------------------------------- paper


class PaperParts(NamedTuple):
    venue: str = ""
    title: str = ""
    url: str = ""


def parse_paper(rest: str) -> PaperParts:
    """Parse what follows the paper marker: ``[VENUE] [TITLE](URL)`` with optional parts.

    A title without a link, or with text after the link, is kept as written
    (Markdown), so that whatever the group wrote is exported back unchanged.
    """
    rest = rest.strip()
    plain = _PLAIN_PAPER.fullmatch(rest)
    if plain is not None:  # the common case, read as the steps below would read it
        venue, title, url = plain.groups()
        if venue is None:
            return PaperParts(title=title, url=url)
        venue = venue.strip()
        if venue and len(venue) <= 40 and "\n" not in venue:
            return PaperParts(venue=venue, title=title, url=url)
    venue = ""
    if rest.startswith("[") and split_link(rest) is None:
        end = _matching(rest, 0, "[")
        if end is not None:
            after = rest[end + 1 :]
            # A venue tag is a short bracketed word followed by the title.
            candidate = rest[1:end].strip()
            if candidate and len(candidate) <= 40 and "\n" not in candidate:
                venue = candidate
                rest = after.strip()
    link = split_link(rest)
    if link is not None and link[2] == len(rest):
        return PaperParts(venue=venue, title=link[0], url=link[1])
    return PaperParts(venue=venue, title=rest, url="")


def format_paper(parts: PaperParts) -> str:
    out = []
    if parts.venue:
        out.append(f"[{parts.venue}]")
    if parts.url:
        out.append(f"[{parts.title}]({parts.url})")
    elif parts.title:
        out.append(parts.title)
    return " ".join(out)


# ------------------------------------------------------------------------- presenters


class PresenterParts(NamedTuple):
    name: str
    affiliation: str = ""


_PRESENTER_TOKEN = lazy_compile(
    "[(（)）]|" + "|".join(map(re.escape, sorted(PRESENTER_SEPARATORS, key=len, reverse=True)))
)


def split_presenters(rest: str) -> tuple[list[PresenterParts], str | None]:
    """Split a presenters line.  Returns the people and the separator used most.

    Separators inside parentheses belong to an affiliation: "A (X, Y), B".
    """
    if _PRESENTER_SLOW.search(rest) is None:
        # Only commas and ASCII parentheses: when no piece between commas leaves a
        # parenthesis open, every comma is outside parentheses and no piece splits
        # on "and" (the loop below would find the same pieces, more slowly).
        parts = _COMMA.split(rest)
        pieces = parts[::2]
        if all(_closed(piece) for piece in pieces):
            return _people(pieces, parts[1::2], split_and=False)
    pieces: list[str] = []
    seps: list[str] = []
    depth = 0
    start = 0
    for m in _PRESENTER_TOKEN.finditer(rest):
        token = m.group()
        if token in "(（":
            depth += 1
        elif token in ")）":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(rest[start : m.start()])
            seps.append(token)
            start = m.end()
    pieces.append(rest[start:])
    return _people(pieces, seps)


_PRESENTER_SLOW = lazy_compile("and|[&（），、]")
_COMMA = lazy_compile("(, |,)")


def _closed(piece: str) -> bool:
    """No parenthesis of ``piece`` stays open (at most one, closed after it opens)."""
    opening = piece.find("(")
    return opening < 0 or (piece.find(")", opening) > 0 and piece.count("(") == 1)


def _people(
    pieces: list[str], seps: list[str], *, split_and: bool = True
) -> tuple[list[PresenterParts], str | None]:
    if split_and:  # "A, B and C": the last piece may be joined with "and".
        expanded: list[str] = []
        for piece in pieces:
            expanded.extend(_split_and(piece))
        pieces = expanded
    people = [_person(p) for p in pieces if p.strip()]
    if len(seps) == 1:
        return people, seps[0]
    common = max(set(seps), key=seps.count) if seps else None
    return people, common


def _split_and(piece: str) -> list[str]:
    # Only split on "and" outside parentheses.
    if "(" in piece or "（" in piece:
        head, paren, tail = piece.partition("(") if "(" in piece else piece.partition("（")
        if "and" not in head and "&" not in head:
            return [piece]
        parts = _split_on_and(head)
        parts[-1] = parts[-1] + paren + tail
        return parts
    if "and" not in piece and "&" not in piece:
        return [piece]
    return _split_on_and(piece)


def _split_on_and(text: str) -> list[str]:
    r"""``re.split(r"\s+and\s+|\s*&\s*", text)``, in linear time.

    That regex, tried at every space of a long run of spaces, scans the rest of the
    run each time (a presenters line of a million spaces took minutes).  Here each
    'and' or '&' is found once and the spaces around it are measured once.
    """
    parts: list[str] = []
    start = 0  # where the current part begins (the end of the last separator)
    for m in _AND_WORD.finditer(text):
        if m.start() < start:
            continue  # inside the spaces the last separator took
        before = text[start : m.start()]
        spaces = len(before) - len(before.rstrip())
        end = _WHITESPACE.match(text, m.end()).end()
        if m.group() == "and" and (spaces == 0 or end == m.end()):
            continue  # "and" needs a space on both sides (and those may be taken)
        parts.append(text[start : m.start() - spaces])
        start = end
    parts.append(text[start:])
    return parts


def _person(text: str) -> PresenterParts:
    text = text.strip()
    # "Name (Affiliation)": the last parenthesis closes the text, with none inside.
    # (Found with rfind, not a backtracking regex: a name of a million spaces is fine.)
    if text[-1:] not in (")", "）"):
        return PresenterParts(text)
    last = len(text) - 1
    opening = max(text.rfind("(", 0, last), text.rfind(")", 0, last))
    if "（" in text or "）" in text:
        opening = max(opening, text.rfind("（", 0, last), text.rfind("）", 0, last))
    if opening < 0 or text[opening] not in "(（":
        return PresenterParts(text)
    name = text[:opening].rstrip()
    if not name or "\n" in name:
        return PresenterParts(text)
    return PresenterParts(name.strip(), text[opening + 1 : -1].strip())


def format_presenters(people: list[PresenterParts], separator: str = ", ") -> str:
    return separator.join(
        f"{p.name} ({p.affiliation})" if p.affiliation else p.name for p in people
    )


# -------------------------------------------------------------------------- materials


class MaterialLink(NamedTuple):  # a tuple: built for every link of every README
    label: str
    target: str
    kind: str  # "slides" | "video" | ""


_SLIDES_HINT = lazy_compile(r"slide|📕|📑|📊|ppt|deck|幻灯|课件", re.I)
_VIDEO_HINT = lazy_compile(r"video|record|📺|🎬|🎥|▶|视频|录像|录播", re.I)


def classify_link(label: str, target: str) -> str:
    return _label_kind(label)


@functools.lru_cache(maxsize=256)  # a README uses a few labels thousands of times
def _label_kind(label: str) -> str:
    if _SLIDES_HINT.search(label):
        return "slides"
    if _VIDEO_HINT.search(label):
        return "video"
    return ""


def parse_materials(text: str) -> tuple[list[MaterialLink], list[str]] | None:
    """Parse a materials line: links separated by separators.

    Returns (links, separators) or None when the line has anything else in it.
    """
    links: list[MaterialLink] = []
    seps: list[str] = []
    i = 0
    while True:
        link = split_link(text, i)
        if link is None:
            return None
        label, target, i = link
        links.append(MaterialLink(label, target, classify_link(label, target)))
        if i == len(text):
            break
        sep = _MATERIAL_SEPARATOR.match(text, i)
        if sep is None:
            return None
        seps.append(sep.group())
        i = sep.end()
    return links, seps


def format_materials(
    slides: str,
    video: str,
    *,
    slides_label: str = "📕 slides",
    video_label: str = "📺 video",
    separator: str = ",",
) -> str:
    links = []
    if slides:
        links.append(f"[{slides_label}]({slides})")
    if video:
        links.append(f"[{video_label}]({video})")
    return separator.join(links)


# ------------------------------------------------------------------------------ misc

ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(n: int) -> str:
    out = ""
    for value, numeral in ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


TOPIC_HEADING = lazy_compile(r"Topic\s+([IVXLCDM]+|\d+)", re.I)


def is_auto_topic_heading(text: str) -> bool:
    return TOPIC_HEADING.fullmatch(text.strip()) is not None


_FENCE_OPEN = lazy_compile(r"^ {0,3}(`{3,}|~{3,})")


def unclosed_construct(text: str) -> str:
    """The line that would close a code fence or HTML comment left open in ``text``.

    Returns "" when everything is closed.  A free Markdown block must be closed,
    or it would swallow the schedule that follows it in the README.
    """
    fence: str | None = None
    in_comment = False
    for line in text.split("\n"):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
        elif in_comment:
            in_comment = "-->" not in line
        elif m := _FENCE_OPEN.match(line):
            fence = m.group(1)
        elif "<!--" in line and "-->" not in line[line.index("<!--") :]:
            in_comment = True
    if fence is not None:
        return fence
    return "-->" if in_comment else ""
