"""Patterns compiled at their first use (core/lazy_re.py) answer as re.compile's do."""

from __future__ import annotations

import re

from seminar_gui.core import lazy_re
from seminar_gui.core.lazy_re import lazy_compile


def test_a_lazy_pattern_compiles_once_at_its_first_use(monkeypatch) -> None:
    compiled: list[str] = []
    real = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(lazy_re.re, "compile", counting)
    pattern = lazy_compile(r"(?P<year>\d{4})-(?P<month>\d\d)", re.I)
    assert compiled == []  # made at import, compiled later
    assert pattern.search("due 2025-12, not 25-1").group("month") == "12"
    assert pattern.fullmatch("2025-1") is None
    assert compiled == [r"(?P<year>\d{4})-(?P<month>\d\d)"]
    assert pattern.sub("<\\g<year>>", "2024-01 and 2025-02") == "<2024> and <2025>"
    assert [m.group(0) for m in pattern.finditer("1999-12 2000-01")] == ["1999-12", "2000-01"]
    assert pattern.split("a2025-01b") == ["a", "2025", "01", "b"]
    assert pattern.groupindex == {"year": 1, "month": 2}
    assert pattern.flags & re.I
    assert compiled == [r"(?P<year>\d{4})-(?P<month>\d\d)"]  # once


def test_what_a_lazy_pattern_answers_equals_re_compiles() -> None:
    texts = ["", "Topic IV", "topic 12 and more", "Topics", "x Topic\tII"]
    for source, flags in ((r"Topic\s+([IVXLCDM]+|\d+)", re.I), (r"\s*", 0), ("(, |,)", 0)):
        lazy, real = lazy_compile(source, flags), re.compile(source, flags)
        for text in texts:
            spans = [m.span() for m in real.finditer(text)]
            assert [m.span() for m in lazy.finditer(text)] == spans
            assert bool(lazy.match(text)) == bool(real.match(text))
            assert lazy.split(text) == real.split(text)
        assert (lazy.pattern, lazy.flags, lazy.groups) == (real.pattern, real.flags, real.groups)
