"""The calendar's colours and fonts, derived from the widget's palette and font.

Tints are blends of Base with Highlight or Text, so the calendar reads in light and
dark themes alike.  Both are asked for once per painted cell, so they are kept per
palette (its cache key changes with its contents) and per font (its key).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from typing import NamedTuple, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette

CELL_PAD = 3  # between the cell's edge and the card
CARD_PAD = 5  # inside the card, left and right
LINE_GAP = 1
BLOCK_GAP = 4  # between two topics of a card
COMPACT_GAP = 2  # between two one-line topics
_KEPT = 16  # palettes and fonts whose colours and fonts are kept
BASE_SAMPLE = "Ág"  # the least a line must fit: an accent above, a descender below


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class Colors(NamedTuple):
    """The calendar's colours for one palette."""

    base: QColor
    text: QColor
    dim_text: QColor
    meeting: QColor
    out_of_term: QColor
    card: QColor
    card_border: QColor
    card_selected: QColor
    highlight: QColor
    highlighted_text: QColor
    today: QColor
    month_line: QColor
    plan: QColor
    holiday: QColor  # the background of a public holiday
    break_: QColor  # the background of an organizer's break
    holiday_text: QColor
    break_text: QColor
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette) -> Colors:
        return _kept(_COLORS, palette.cacheKey(), lambda: cls._derive(palette))

    @classmethod
    def _derive(cls, palette: QPalette) -> Colors:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        dark = base.lightness() < 128
        return cls(
            base=base,
            text=text,
            dim_text=blend(text, base, 0.45),
            meeting=blend(base, highlight, 0.09 if not dark else 0.16),
            out_of_term=blend(base, text, 0.07),
            card=blend(base, highlight, 0.13 if not dark else 0.22),
            card_border=blend(base, highlight, 0.45),
            card_selected=blend(base, highlight, 0.30 if not dark else 0.42),
            highlight=highlight,
            highlighted_text=palette.color(QPalette.ColorRole.HighlightedText),
            today=QColor("#ff8a50") if dark else QColor("#d9480f"),
            month_line=blend(base, text, 0.6),
            plan=blend(text, base, 0.55),
            holiday=blend(base, QColor("#e8590c"), 0.12 if not dark else 0.22),
            break_=blend(base, QColor("#7048e8"), 0.10 if not dark else 0.22),
            holiday_text=QColor("#ffa94d") if dark else QColor("#b03c00"),
            break_text=QColor("#b197fc") if dark else QColor("#5f3dc4"),
            dark=dark,
        )

    def chip(self, venue: str) -> QColor:
        """A soft colour per venue family ('SOSP', 'OSDI', 'arXiv'), stable across runs."""
        key = "".join(c for c in venue.lower() if c.isalpha()) or venue
        hue = zlib.crc32(key.encode("utf-8")) % 360
        return QColor.fromHsl(hue, 110, 70) if self.dark else QColor.fromHsl(hue, 150, 222)


class Samples(NamedTuple):
    """What the lines must be tall enough for (each made by :func:`text_sample`): the
    topics' names, in the bold name font, and everything else, in the small font (dates,
    venues, presenters, notes, days off).  Measured apart, so that Chinese presenters
    under English titles load a CJK font in the small size only, as painting does."""

    names: str = BASE_SAMPLE
    small: str = BASE_SAMPLE


#: The samples of a calendar with no text on show yet.
BASE_SAMPLES = Samples()


class Fonts:
    """The calendar's fonts for one widget font (shared: copy a font to change it), with
    lines tall enough for the characters of ``samples``.  (A plain class: a dataclass
    costs ~0.4 ms of every start to define.)"""

    __slots__ = ("_day_labels", "_heights", "bold", "normal", "samples", "small", "small_bold")

    def __init__(
        self,
        normal: QFont,
        bold: QFont,
        small: QFont,
        small_bold: QFont,
        samples: Samples = BASE_SAMPLES,
    ) -> None:
        self.normal = normal
        self.bold = bold
        self.small = small
        self.small_bold = small_bold
        self.samples = samples
        self._heights: dict[str, int] = {}  # line heights, measured on first use
        # Day labels as fitted to a cell's width (each painted cell asks for one).
        self._day_labels: dict[tuple[str, int, bool], str] = {}

    @classmethod
    def for_font(cls, font: QFont, samples: Samples = BASE_SAMPLES) -> Fonts:
        return _kept(_FONTS, (font.key(), samples), lambda: cls._derive(font, samples))

    @classmethod
    def _derive(cls, font: QFont, samples: Samples) -> Fonts:
        font = QFont(font)
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(font.pointSizeF() * 0.86)
        else:
            small.setPixelSize(max(8, round(font.pixelSize() * 0.86)))
        small_bold = QFont(small)
        small_bold.setBold(True)
        return cls(font, bold, small, small_bold, samples)

    def name_height(self) -> int:
        """A topic's line: its name in bold, its venue chip (and, on one line, its
        presenters) in the small font."""
        return max(self._height("name", self.bold, self.samples.names), self.small_height())

    def small_height(self) -> int:
        return self._height("small", self.small, self.samples.small)

    def font_height(self, *, bold: bool) -> int:
        """The small font's own height (bold or not), without the samples'."""
        name = "small_bold_font" if bold else "small_font"
        height = self._heights.get(name)
        if height is None:
            font = self.small_bold if bold else self.small
            height = self._heights[name] = QFontMetrics(font).height()
        return height

    def _height(self, name: str, font: QFont, sample: str) -> int:
        height = self._heights.get(name)
        if height is None:
            metrics = QFontMetrics(font)
            height = max(metrics.height(), metrics.boundingRect(sample).height())
            self._heights[name] = height
        return height

    def card_height(self, topics: int, *, two_lines: bool = True) -> int:
        """Height of a card showing ``topics`` topics (presenters on a line of their own)."""
        if two_lines:
            block, gap = self.name_height() + LINE_GAP + self.small_height(), BLOCK_GAP
        else:
            block, gap = self.name_height(), COMPACT_GAP
        inner = topics * block + (topics - 1) * gap
        return 2 * CELL_PAD + 6 + self.small_height() + 2 + inner + 1  # + 1: grid line

    def day_label(self, text: str, width: int, day: int, *, bold: bool) -> str:
        """:func:`fitted_day_label` of ``text`` in the small font (bold or not), kept:
        measuring text is the slowest part of painting an empty day."""
        key = (text, width, bold)
        label = self._day_labels.get(key)
        if label is None:
            if len(self._day_labels) > 512:
                self._day_labels.clear()
            metrics = QFontMetrics(self.small_bold if bold else self.small)
            label = self._day_labels[key] = fitted_day_label(metrics, width, text, day)
        return label

    def one_line_width(self) -> int:
        """From this column width on, a topic's name, venue and presenters share a line."""
        return QFontMetrics(self.bold).averageCharWidth() * 32


def fitted_day_label(metrics: QFontMetrics, width: int, text: str, day: int) -> str:
    """A day's label in ``width`` pixels: ``text`` ("Nov 1"), else, in a narrow column,
    just the day ("Nov" alone lost the 1; the week's row header names the month)."""
    if metrics.horizontalAdvance(text) > width:
        text = str(day)
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def fit_presenters(text: str, fm: QFontMetrics, width: int) -> str:
    """All presenters if they fit, else 'Lead +2', elided as a last resort."""
    if fm.horizontalAdvance(text) <= width:
        return text
    names = text.split(", ")
    if len(names) > 1:
        short = f"{names[0]} +{len(names) - 1}"
        if fm.horizontalAdvance(short) <= width:
            return short
        return (
            fm.elidedText(
                names[0],
                Qt.TextElideMode.ElideRight,
                width - fm.horizontalAdvance(f" +{len(names) - 1}"),
            )
            + f" +{len(names) - 1}"
        )
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)


def text_sample(texts: Iterable[str]) -> str:
    """What a line of the calendar must be tall enough for, to show ``texts``: an accented
    capital and a descender, and one character of each 256-character block of Unicode
    that ``texts`` use beyond ASCII (Chinese names come from a fallback font taller than
    most Latin fonts, emoji from another; the characters of one block come from one
    font).  A font is loaded only for text there is: a CJK font costs ~3 MiB a weight."""
    blocks: dict[int, str] = {}
    for text in texts:
        if not text.isascii():
            for char in text:
                block = ord(char) >> 8
                if char > "\x7f" and char < blocks.get(block, "\U0010ffff"):
                    blocks[block] = char
    return BASE_SAMPLE + "".join(blocks[block] for block in sorted(blocks))


_COLORS: dict[int, Colors] = {}
_FONTS: dict[tuple[str, Samples], Fonts] = {}
_K = TypeVar("_K")
_V = TypeVar("_V")


def _kept(cache: dict[_K, _V], key: _K, make: Callable[[], _V]) -> _V:
    """``cache[key]``, made when missing (a full cache starts over: it is small)."""
    value = cache.get(key)
    if value is None:
        if len(cache) >= _KEPT:
            cache.clear()
        value = cache[key] = make()
    return value
