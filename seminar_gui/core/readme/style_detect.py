"""Detect a group's house style on import.

Markers, separators and labels go to the majority.  The slide-name pattern follows the
group's current habit: the majority among the :data:`RECENT_SLIDES` most recent slide
files (by the date in their names), ties to the newest, so a group that switched from
``251104-FuseLink.pdf`` to ``251125_ROLL.pdf`` gets new drops named the new way.
"""

from __future__ import annotations

import re
from collections import Counter

from seminar_gui.core.model import Style

RECENT_SLIDES = 4  # slide files whose names decide the pattern (the newest ones)
_SLIDE_NAME = re.compile(r"(?:\./)?(?:.*/)?(?P<date>\d{8}|\d{6})(?P<sep>[-_])[^/]+$")


class StyleVotes:
    def __init__(self) -> None:
        self.counters: dict[str, Counter[str]] = {}
        self.slide_names: list[tuple[str, int, str]] = []  # (yyyymmdd, order, pattern)

    def _vote(self, key: str, value: str) -> None:
        counter = self.counters.get(key)
        if counter is None:
            counter = self.counters[key] = Counter()
        counter[value] += 1

    def marker(self, kind: str, marker: str) -> None:
        self._vote("presenter_marker" if kind == "presenters" else f"{kind}_marker", marker)

    def presenter_separator(self, sep: str) -> None:
        self._vote("presenter_separator", sep)

    def material_separator(self, sep: str) -> None:
        self._vote("material_separator", sep)

    def label(self, kind: str, label: str) -> None:
        if kind in ("slides", "video"):
            self._vote(f"{kind}_label", label)

    def slide_name(self, target: str) -> None:
        m = _SLIDE_NAME.search(target)
        if m:
            digits = m["date"] if len(m["date"]) == 8 else "20" + m["date"]
            date = "{yyyymmdd}" if len(m["date"]) == 8 else "{yymmdd}"
            pattern = f"{date}{m['sep']}{{short}}.pdf"
            self.slide_names.append((digits, len(self.slide_names), pattern))

    def slide_name_pattern(self) -> str | None:
        """The pattern of the group's newest slide files (None: no slide file seen)."""
        newest = sorted(self.slide_names, reverse=True)[:RECENT_SLIDES]
        if not newest:
            return None
        counts = Counter(pattern for _, _, pattern in newest)
        best = max(counts.values())
        return next(pattern for _, _, pattern in newest if counts[pattern] == best)

    def style(self) -> Style:
        default = Style()
        chosen: dict[str, str] = {}
        for key, counter in self.counters.items():
            if key not in Style.model_fields:
                continue
            best = max(counter.values())
            current = getattr(default, key)
            # On a tie the default wins, so detection is stable.
            if counter.get(current, 0) == best:
                continue
            chosen[key] = next(v for v, n in counter.most_common() if n == best)
        pattern = self.slide_name_pattern()
        if pattern is not None and pattern != default.slide_name_pattern:
            chosen["slide_name_pattern"] = pattern
        return Style(**chosen)
