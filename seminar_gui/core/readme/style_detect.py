"""Detect a group's house style on import: each choice goes to the majority."""

from __future__ import annotations

import re
from collections import Counter

from seminar_gui.core.model import Style

_SLIDE_NAME = re.compile(r"(?:\./)?(?:.*/)?(?P<date>\d{8}|\d{6})(?P<sep>[-_])[^/]+$")


class StyleVotes:
    def __init__(self) -> None:
        self.counters: dict[str, Counter[str]] = {}

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
            date = "{yyyymmdd}" if len(m["date"]) == 8 else "{yymmdd}"
            self._vote("slide_name_pattern", f"{date}{m['sep']}{{short}}.pdf")

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
        return Style(**chosen)
