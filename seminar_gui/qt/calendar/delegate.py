"""Painting of the semester calendar's cells: session cards, plan slots, month lines.

All colours are derived from the widget's palette (tints are blends of Base with
Highlight or Text), so the calendar reads in light and dark themes alike.  The card
layout (:meth:`CalendarDelegate.layout`) is shared by painting and hit-testing, so a
drag that starts on a topic line picks exactly the topic painted there.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from seminar_gui.core.plan import DayOff
from seminar_gui.qt.calendar.cells import Card, Cell, TopicLine
from seminar_gui.qt.calendar.model import CalendarModel
from seminar_gui.qt.calendar.style import (
    BASE_SAMPLES,
    BLOCK_GAP,
    CARD_PAD,
    CELL_PAD,
    COMPACT_GAP,
    LINE_GAP,
    Colors,
    Fonts,
    fit_presenters,
)
from seminar_gui.qt.common.dates import long_day, month_day
from seminar_gui.qt.common.dnd import DropPlan

Index = QModelIndex | QPersistentModelIndex
# Combined once: each ``|`` of two Qt flags is a Python enum operation (~3 µs), and
# every painted cell draws text.
_LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TopicBox(NamedTuple):
    line: TopicLine
    rect: QRect  # the whole block (hit-testing)
    name_rect: QRect
    people_rect: QRect | None  # None in compact mode: presenters after the name


class CardLayout(NamedTuple):
    rect: QRect
    date_rect: QRect
    topics: list[TopicBox]
    more: int = 0  # topics that did not fit
    more_rect: QRect | None = None


def is_selected(option: QStyleOptionViewItem, index: Index) -> bool:
    """Whether the view shows the cell selected: what ``option.state`` says (the view
    sets State_Selected from its selection model), asked of the selection model, so
    that the first paint need not make QStyle and its 20 enums (5 ms of each start)."""
    view = option.widget
    if isinstance(view, QAbstractItemView) and view.selectionModel() is not None:
        return view.selectionModel().isSelected(index)
    from PySide6.QtWidgets import QStyle

    return bool(option.state & QStyle.StateFlag.State_Selected)


def is_focused(option: QStyleOptionViewItem, index: Index) -> bool:
    """Whether the cell is the current one of a view that has the keyboard focus
    (State_HasFocus, asked of the view for the reason :func:`is_selected` gives)."""
    view = option.widget
    return isinstance(view, QAbstractItemView) and view.hasFocus() and view.currentIndex() == index


def fill_rect(painter: QPainter, rect: QRect, color: QColor) -> None:
    """``painter.fillRect(rect, color)``, the same pixels (tests/test_calendar_view.py),
    without the call PySide6 resolves by making QGradient and its 169 presets (2 ms of
    each start: the first cell painted).  Leaves the painter as it was."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRect(rect)
    painter.restore()


class CalendarDelegate(QStyledItemDelegate):
    """Paints one calendar cell; the view sets :attr:`drop_index` and :attr:`drop_plan`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drop_index: QPersistentModelIndex | None = None
        self.drop_plan: DropPlan | None = None
        # Sessions of the person chosen in the People panel (the view sets it).
        self.highlighted_sessions: frozenset[str] = frozenset()
        # What the lines must be tall enough for (``style.text_sample`` of the names
        # and of the other texts; the view sets them from the semester on show and
        # :meth:`ui_texts`).
        self.samples = BASE_SAMPLES
        # The fonts of the last cell painted: (its font, samples, Fonts).  Every cell of
        # a view has the view's font; comparing it is cheaper than its key().
        self._last_fonts: tuple[QFont, object, Fonts] | None = None

    def ui_texts(self) -> tuple[list[str], list[str]]:
        """Texts in the UI language the cells show (its script may need a taller font):
        in the name font, and in the small font."""
        return [self.tr("untitled")], [
            self.tr("No topic yet"),
            self.tr("+ plan"),
            self.tr("+{n} more").format(n=2),
            self.tr("{day} · today").format(day=long_day(dt.date(2000, 12, 31))),
            month_day(dt.date(2000, 12, 31)),
        ]

    # ---------------------------------------------------------------- layout
    def row_height(self, font: QFont, card_width: int = 0) -> int:
        """A row fits a card with two topics and their presenters.

        In a card at least ``Fonts.one_line_width()`` wide a topic takes one line (name,
        venue and presenters side by side), so more weeks fit on the screen.
        """
        fonts = Fonts.for_font(font, self.samples)
        return fonts.card_height(2, two_lines=card_width < fonts.one_line_width())

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(60, self.row_height(option.font, option.rect.width()))

    def layout(self, rect: QRect, card: Card, font: QFont) -> CardLayout:
        fonts = Fonts.for_font(font, self.samples)
        box = rect.adjusted(CELL_PAD, CELL_PAD, -CELL_PAD, -CELL_PAD)
        inner = box.adjusted(CARD_PAD, 3, -CARD_PAD, -3)
        small_h, name_h = fonts.small_height(), fonts.name_height()
        topics: list[TopicBox] = []
        y = inner.top() + small_h + 2
        avail = inner.bottom() + 1 - y
        full = name_h + LINE_GAP + small_h
        count = len(card.topics)

        def height(n: int, step: int, gap: int) -> int:
            return n * step + max(0, n - 1) * gap

        compact = height(count, full, BLOCK_GAP) > avail
        step, gap = (name_h, COMPACT_GAP) if compact else (full, BLOCK_GAP)
        shown = count
        if height(count, step, gap) > avail:  # not even the names fit: "+N more"
            shown = 0
            while height(shown + 1, step, gap) + gap + small_h <= avail:
                shown += 1
        for line in card.topics[:shown]:
            name_rect = QRect(inner.left(), y, inner.width(), name_h)
            people = None
            if not compact:
                people = QRect(inner.left(), y + name_h + LINE_GAP, inner.width(), small_h)
            block = QRect(box.left(), y - gap // 2, box.width(), step + gap)
            topics.append(TopicBox(line, block, name_rect, people))
            y += step + gap
        date_rect = QRect(inner.left(), inner.top(), inner.width(), small_h)
        if shown < count:
            more_rect = QRect(inner.left(), y, inner.width(), small_h)
            return CardLayout(box, date_rect, topics, count - shown, more_rect)
        return CardLayout(box, date_rect, topics)

    def topic_at(self, rect: QRect, card: Card, pos: QPoint, font: QFont) -> str | None:
        """The topic painted under ``pos`` in a card with several topics, else None."""
        if len(card.topics) < 2:
            return None
        for box in self.layout(rect, card, font).topics:
            if box.rect.contains(pos):
                return box.line.topic_id
        return None

    # -------------------------------------------------------------- painting
    def _fonts(self, font: QFont) -> Fonts:
        last = self._last_fonts
        if last is not None and last[1] is self.samples and last[0] == font:
            return last[2]
        fonts = Fonts.for_font(font, self.samples)
        self._last_fonts = (QFont(font), self.samples, fonts)
        return fonts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        cell = model.cell(index) if isinstance(model, CalendarModel) else None
        if cell is None:
            return
        colors = Colors.from_palette(option.palette)
        fonts = self._fonts(option.font)
        rect = QRect(option.rect)
        selected = is_selected(option, index)
        painter.save()

        if cell.day_off is not None:
            background = colors.holiday if cell.day_off.kind == "holiday" else colors.break_
        elif not cell.in_term:
            background = colors.out_of_term
        elif cell.meeting_day:
            background = colors.meeting
        else:
            background = colors.base
        # The background and the month lines (fill_rect's way, one save for all).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRect(rect)
        self._paint_month_lines(painter, rect, cell.date, index.column(), colors)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

        if cell.card is not None:
            self.paint_card(
                painter, rect, cell.card, fonts, colors, selected=selected, today=cell.today
            )
            if cell.day_off is not None:  # a session on a day off: a band in its colour
                band = colors.holiday_text if cell.day_off.kind == "holiday" else colors.break_text
                fill_rect(
                    painter,
                    QRect(
                        rect.left() + CELL_PAD,
                        rect.bottom() - CELL_PAD - 2,
                        rect.width() - 2 * CELL_PAD,
                        3,
                    ),
                    band,
                )
            if cell.card.session_id in self.highlighted_sessions:
                self._paint_person_mark(painter, rect, colors)
        else:
            first = index.row() == 0 and index.column() == 0
            self._paint_day_label(painter, rect, cell, first, fonts, colors)
            if cell.day_off is not None:
                self._paint_day_off(painter, rect, cell.day_off, fonts, colors)
            elif cell.plan_slot:
                self._paint_plan_slot(painter, rect, fonts, colors)
            elif cell.open_slot:
                self._paint_plan_slot(painter, rect, fonts, colors, self.tr("open"))
            if selected:
                painter.setPen(QPen(colors.highlight, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 5, 5)
        if cell.today:
            painter.setPen(QPen(colors.today, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        if not selected and is_focused(option, index):  # where the keys move from
            painter.setPen(QPen(colors.highlight, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 5, 5)
        if self.drop_index is not None and self.drop_index == index and self.drop_plan:
            self._paint_drop_hint(painter, rect, self.drop_plan, fonts, colors)
        painter.restore()

    def _paint_month_lines(
        self, painter: QPainter, rect: QRect, date: dt.date, column: int, colors: Colors
    ) -> None:
        """A line above the first week of a month and left of its first day (with the
        painter's pen off and without antialiasing, as the background is painted)."""
        top = date.day <= 7  # the week before is in another month
        left = date.day == 1 and column > 0
        if top or left:
            painter.setBrush(colors.month_line)
        if top:
            painter.drawRect(QRect(rect.left(), rect.top(), rect.width(), 2))
        if left:
            painter.drawRect(QRect(rect.left(), rect.top(), 2, rect.height()))

    def _paint_day_label(
        self, painter: QPainter, rect: QRect, cell: Cell, first: bool, fonts: Fonts, colors: Colors
    ) -> None:
        date = cell.date
        month_start = date.day == 1 or first  # the month's name where it starts or is cut
        text = month_day(date) if month_start else str(date.day)
        label = rect.adjusted(CELL_PAD + 3, CELL_PAD + 1, -CELL_PAD - 3, 0)
        label.setHeight(fonts.font_height(bold=month_start))
        bold = month_start or cell.today
        painter.setFont(fonts.small_bold if bold else fonts.small)
        if cell.today:
            painter.setPen(colors.today)
            text = self.tr("{day} · today").format(day=text)
        else:
            painter.setPen(colors.text if cell.in_term else colors.dim_text)
        text = fonts.day_label(text, label.width(), date.day, bold=bold)
        painter.drawText(label, _LEFT_MIDDLE, text)

    def _paint_day_off(
        self, painter: QPainter, rect: QRect, day_off: DayOff, fonts: Fonts, colors: Colors
    ) -> None:
        """The holiday's or break's name, under the day's number (wrapped, elided)."""
        top = CELL_PAD + fonts.small_height() + 2
        area = rect.adjusted(CELL_PAD + 3, top, -CELL_PAD - 3, -CELL_PAD - 1)
        if area.height() < fonts.small_height():
            return
        holiday = day_off.kind == "holiday"
        painter.setFont(fonts.small)
        painter.setPen(colors.holiday_text if holiday else colors.break_text)
        fm = QFontMetrics(fonts.small)
        lines = max(1, area.height() // fm.lineSpacing())
        text = day_off.name
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        if fm.boundingRect(area, flags, text).height() > lines * fm.lineSpacing():
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, area.width() * lines - 8)
        painter.drawText(area, flags, text)

    def _paint_plan_slot(
        self, painter: QPainter, rect: QRect, fonts: Fonts, colors: Colors, label: str = ""
    ) -> None:
        top = CELL_PAD + fonts.small_height() + 4
        slot = rect.adjusted(CELL_PAD + 2, top, -CELL_PAD - 2, -CELL_PAD - 2)
        if slot.height() < fonts.small_height():
            return
        pen = QPen(colors.plan, 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(slot, 6, 6)
        painter.setFont(fonts.small)
        text = QFontMetrics(fonts.small).elidedText(
            label or self.tr("+ plan"), Qt.TextElideMode.ElideRight, slot.width() - 4
        )
        painter.drawText(slot, Qt.AlignmentFlag.AlignCenter, text)

    def paint_card(
        self,
        painter: QPainter,
        rect: QRect,
        card: Card,
        fonts: Fonts,
        colors: Colors,
        *,
        selected: bool = False,
        today: bool = False,
    ) -> None:
        """Paint ``card`` filling the cell ``rect`` (also used for the drag pixmap)."""
        lay = self.layout(rect, card, fonts.normal)
        painter.setPen(
            QPen(colors.highlight if selected else colors.card_border, 2 if selected else 1)
        )
        painter.setBrush(colors.card_selected if selected else colors.card)
        painter.drawRoundedRect(lay.rect.adjusted(0, 0, -1, -1), 6, 6)

        painter.setFont(fonts.small_bold)
        painter.setPen(colors.today if today else colors.text)
        fm = QFontMetrics(fonts.small_bold)
        date_text = long_day(card.date)
        if today:
            date_text = self.tr("{day} · today").format(day=date_text)
        painter.drawText(lay.date_rect, _LEFT_MIDDLE, date_text)
        if card.note:
            used = fm.horizontalAdvance(date_text) + 8
            note_rect = lay.date_rect.adjusted(used, 0, 0, 0)
            painter.setFont(fonts.small)
            painter.setPen(colors.dim_text)
            note = QFontMetrics(fonts.small).elidedText(
                "✨ " + card.note, Qt.TextElideMode.ElideRight, note_rect.width()
            )
            painter.drawText(note_rect, _RIGHT_MIDDLE, note)
        if not card.topics:
            painter.setFont(fonts.small)
            painter.setPen(colors.dim_text)
            empty = lay.date_rect.translated(0, lay.date_rect.height() + 2)
            painter.drawText(empty, Qt.AlignmentFlag.AlignLeft, self.tr("No topic yet"))
        for box in lay.topics:
            self._paint_topic(painter, box, fonts, colors)
        if lay.more and lay.more_rect is not None:
            painter.setFont(fonts.small)
            painter.setPen(colors.dim_text)
            painter.drawText(
                lay.more_rect,
                _LEFT_MIDDLE,
                self.tr("+{n} more").format(n=lay.more),
            )

    def _paint_topic(self, painter: QPainter, box: TopicBox, fonts: Fonts, colors: Colors) -> None:
        """Name (bold), venue chip and presenters; on two lines when there is room."""
        line, rect = box.line, QRect(box.name_rect)
        small_fm = QFontMetrics(fonts.small)
        if line.missing_slides:  # a warning mark before the name
            rect.setLeft(rect.left() + self._paint_missing_mark(painter, rect, colors))
        name = line.short_name or self.tr("untitled")
        name_font = fonts.bold
        if not line.short_name:
            name_font = QFont(fonts.normal)
            name_font.setItalic(True)
        chip_w = small_fm.horizontalAdvance(line.venue) + 10 if line.venue else 0
        chip_w = min(chip_w, rect.width() // 2)
        if box.people_rect is not None:  # name ... chip / presenters below
            name_w = rect.width() - (chip_w + 4 if chip_w else 0)
            chip_x = rect.right() - chip_w + 1
        else:  # name, chip, presenters on one line
            people_w = small_fm.horizontalAdvance(line.presenters) if line.presenters else 0
            room = rect.width() - (chip_w + 6 if chip_w else 0)
            wanted = QFontMetrics(name_font).horizontalAdvance(name) + 2  # elidedText rounds
            least = min(people_w, small_fm.averageCharWidth() * 8)
            name_w = min(wanted, max(room - least - 8, room // 2))
            chip_x = rect.left() + name_w + 6
        painter.setFont(name_font)
        painter.setPen(colors.text if line.short_name else colors.dim_text)
        elided = QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideRight, name_w)
        painter.drawText(
            QRect(rect.left(), rect.top(), name_w, rect.height()),
            _LEFT_MIDDLE,
            elided,
        )
        if chip_w:
            chip = QRect(chip_x, rect.top() + 1, chip_w, rect.height() - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.chip(line.venue))
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setFont(fonts.small)
            painter.setPen(colors.text)
            venue = small_fm.elidedText(line.venue, Qt.TextElideMode.ElideRight, chip_w - 6)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, venue)
        if not line.presenters:
            return
        people = box.people_rect
        if people is None:
            used = QFontMetrics(name_font).horizontalAdvance(elided)
            left = chip_x + chip_w + 6 if chip_w else rect.left() + min(used, name_w) + 8
            people = QRect(left, rect.top(), rect.right() - left + 1, rect.height())
            if people.width() < small_fm.averageCharWidth() * 5:
                return
        painter.setFont(fonts.small)
        painter.setPen(colors.dim_text)
        text = fit_presenters(line.presenters, small_fm, people.width())
        painter.drawText(people, _LEFT_MIDDLE, text)

    def _paint_person_mark(self, painter: QPainter, rect: QRect, colors: Colors) -> None:
        """A violet frame and left bar: the People panel's person presents here."""
        accent = QColor("#c58af9") if colors.dark else QColor("#8e24aa")
        box = rect.adjusted(CELL_PAD - 1, CELL_PAD - 1, -CELL_PAD + 1, -CELL_PAD + 1)
        painter.save()
        painter.setPen(QPen(accent, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 7, 7)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRect(box.left(), box.top(), 5, box.height()), 2, 2)
        painter.restore()

    def _paint_missing_mark(self, painter: QPainter, rect: QRect, colors: Colors) -> int:
        """A small amber warning triangle at the left of ``rect`` (the topic's slides
        link points to a file that does not exist); returns the width it takes."""
        size = float(max(8, min(rect.height() - 2, 14)))
        left = rect.left() + 0.5
        top = rect.top() + (rect.height() - size) / 2
        triangle = QPainterPath(QPointF(left + size / 2, top))
        triangle.lineTo(left + size, top + size)
        triangle.lineTo(left, top + size)
        triangle.closeSubpath()
        painter.save()
        painter.setPen(QPen(QColor("#b26a00"), 1))
        painter.setBrush(QColor("#ffb74d") if colors.dark else QColor("#f2a900"))
        painter.drawPath(triangle)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#3b2500"))
        stroke = max(1.5, size / 8)
        x = left + size / 2 - stroke / 2
        painter.drawRect(QRectF(x, top + size * 0.34, stroke, size * 0.34))
        painter.drawRect(QRectF(x, top + size * 0.76, stroke, stroke))
        painter.restore()
        return round(size) + 4

    def _paint_drop_hint(
        self, painter: QPainter, rect: QRect, plan: DropPlan, fonts: Fonts, colors: Colors
    ) -> None:
        accent = colors.highlight if plan.allowed else colors.dim_text
        fill = QColor(accent)
        fill.setAlpha(50 if plan.allowed else 30)
        painter.setBrush(fill)
        painter.setPen(
            QPen(accent, 2, Qt.PenStyle.SolidLine if plan.allowed else Qt.PenStyle.DashLine)
        )
        painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 6, 6)
        if not plan.hint:
            return
        fm = QFontMetrics(fonts.small_bold)
        width = min(fm.horizontalAdvance(plan.hint) + 14, rect.width() - 8)
        height = fm.height() + 4
        pill = QRect(rect.center().x() - width // 2, rect.bottom() - height - 6, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(fonts.small_bold)
        painter.setPen(colors.highlighted_text if plan.allowed else colors.base)
        hint = fm.elidedText(plan.hint, Qt.TextElideMode.ElideRight, width - 8)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, hint)

    # ------------------------------------------------------------ drag pixmap
    def card_pixmap(
        self,
        card: Card,
        size: QSize,
        palette: QPalette,
        font: QFont,
        ratio: float = 1.0,
        *,
        topic_id: str | None = None,
    ) -> QPixmap:
        """The card as a drag pixmap; with ``topic_id``, a small card of just that topic."""
        fonts = Fonts.for_font(font, self.samples)
        if topic_id is not None:
            topics = tuple(t for t in card.topics if t.topic_id == topic_id)
            card = Card(card.session_id, card.date, topics)
            size = QSize(size.width(), min(size.height(), fonts.card_height(1)))
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setOpacity(0.9)
        colors = Colors.from_palette(palette)
        self.paint_card(painter, QRect(QPoint(0, 0), size), card, fonts, colors, selected=True)
        painter.end()
        return pixmap
