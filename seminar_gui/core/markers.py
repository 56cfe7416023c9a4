"""The emoji markers that start topic lines, and how to recognise damaged ones."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from seminar_gui.core import lines

NOTE_MARKERS = ("✨", "📌", "⭐", "📢", "🔔")
PAPER_MARKERS = ("💡", "📄", "📝", "📜", "📖")
PRESENTER_MARKERS = (
    "🙋‍♂️",
    "🙋‍♀️",
    "🙋",
    "🧑‍🏫",
    "👨‍🏫",
    "👩‍🏫",
    "🗣️",
    "🎤",
    "👤",
    "👥",
)

KINDS = ("note", "paper", "presenters")
KNOWN: dict[str, tuple[str, ...]] = {
    "note": NOTE_MARKERS,
    "paper": PAPER_MARKERS,
    "presenters": PRESENTER_MARKERS,
}

# Characters that betray UTF-8 read as Windows-1252/1254 ("ğŸ’¡" for 💡).
_MOJIBAKE_SIGNS = ("ğŸ", "ðŸ", "â€", "â™", "ï¸", "Ã", "Â", "\ufffd")


@lru_cache(maxsize=1024)  # a README writes a handful of markers thousands of times
def _canonical(token: str) -> str:
    """Drop skin tones and a missing/extra variation selector for comparison."""
    return "".join(c for c in token if not ("\U0001f3fb" <= c <= "\U0001f3ff") and c != "\ufe0f")


_LOOKUP = {_canonical(m): (kind, m) for kind, markers in KNOWN.items() for m in markers}


def is_symbol_token(token: str) -> bool:
    """True for a token made of symbols only (an emoji or its mojibake), no words."""
    if not token:
        return False
    if any(sign in token for sign in _MOJIBAKE_SIGNS):
        return True
    return all(unicodedata.category(c)[0] in "SMC" or c == "\u200d" for c in token)


def classify_marker(token: str) -> tuple[str, str] | None:
    """(kind, canonical marker) for a known marker, else None."""
    found = _LOOKUP.get(token)  # most are written exactly as known
    return found if found is not None else _LOOKUP.get(_canonical(token))


def is_damaged(token: str) -> bool:
    return any(sign in token for sign in _MOJIBAKE_SIGNS)


def damaged_kind_hint(token: str) -> str | None:
    """Best guess for a marker that mojibake damaged beyond repair."""
    if "♂" in token or "♀" in token or "â™‚" in token or "ğŸ™" in token or "ðŸ™" in token:
        return "presenters"
    if "ğŸ’" in token or "ðŸ’" in token:
        return "paper"
    if "âœ" in token:
        return "note"
    return None


def split_marker(rest: str) -> tuple[str, str]:
    """Split '💡 [arXiv] Title' into ('💡', '[arXiv] Title')."""
    token, _, tail = rest.partition(" ")
    return token, tail


def is_topic_line(text: str) -> bool:
    """Would the importer read this line as a note, paper, presenters or links line?"""
    stripped = text.strip()
    if stripped[:2] not in ("- ", "* ", "+ ") and stripped not in ("-", "*", "+"):
        return False
    rest = stripped[2:].strip()
    if rest.startswith("[") and lines.parse_materials(rest) is not None:
        return True
    token, _ = split_marker(rest)
    return is_symbol_token(token) and (classify_marker(token) is not None or is_damaged(token))
