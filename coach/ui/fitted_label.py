"""Labels whose text is never clipped: a one-line label for big numbers and short words (a
countdown, "Time is up") whose text shrinks to the room it is given, and with ``fill`` also
grows to fill its space, for a countdown read from across the room; and wrapped text (a
step's instruction) that shrinks to fit the height it is given."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from coach.ui.looks import wear

SMALLEST_SHARE = 0.3
"""The smallest the text gets, as a share of its look's size (what a layout may ask for)."""
SMALLEST_FILL_SHARE = 0.15
"""The same for a label that fills its space: its look's size is a huge countdown, and with
large type on a small screen the rest of the window comes first."""


def _frame(label: QLabel) -> QSize:
    """What a label has around its text (frame, padding, margins): it does not
    shrink with the text."""
    return label.size() - label.contentsRect().size()


def _scaled(font: QFont, scale: float) -> QFont:
    """``font`` at ``scale`` times its size, in points or in pixels as it is sized."""
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * scale)))
    return font


class FittedLabel(QLabel):
    """Shows its text on one line at the size its look (``name``) gives it, or smaller where the
    room is short; with ``fill``, as large as its rectangle allows. The text stays the
    label's text, so screen readers read it as from any label."""

    def __init__(self, name: str, fill: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wear(self, name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._fill = False
        self.fill = fill

    @property
    def fill(self) -> bool:
        """Whether the text grows to fill the label's rectangle."""
        return self._fill

    @fill.setter
    def fill(self, on: bool) -> None:
        self._fill = on
        policy = QSizePolicy.Policy.Expanding if on else QSizePolicy.Policy.Preferred
        self.setSizePolicy(policy, policy)
        self.updateGeometry()
        self.update()

    def _size(self, share: float) -> QSize:
        """The label's size with its text at ``share`` of its look's size, and its frame,
        padding and margins (which do not shrink) around it."""
        metrics = QFontMetricsF(self.font())
        frame = _frame(self)
        return QSize(math.ceil(metrics.horizontalAdvance(self.text() or "0") * share)
                     + frame.width(), math.ceil(metrics.height() * share) + frame.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._size(1.0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._size(SMALLEST_FILL_SHARE if self.fill else SMALLEST_SHARE)

    def scale(self) -> float:
        """How much larger (over 1) or smaller than its look's size the text is drawn now."""
        metrics = QFontMetricsF(self.font())
        area = self.contentsRect()
        wide = metrics.horizontalAdvance(self.text() or "0") or 1.0
        by_size = min(area.width() / wide, area.height() / (metrics.height() or 1.0))
        if not self.fill:
            return min(1.0, by_size)
        return max(SMALLEST_FILL_SHARE, by_size)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setFont(_scaled(self.font(), self.scale()))
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.text())
        painter.end()


SMALLEST_TEXT_SHARE = 0.35
"""Wrapped text gets no smaller than this share of its look's size."""


class FittedText(QLabel):
    """Word-wrapped text at the size its look (``name``) gives it, or smaller, so that all of it
    fits the rectangle the layout gives: someone on the floor cannot scroll. The text stays
    the label's text, for screen readers.

    With ``yields``, it asks the layout for no more than its smallest height, so that what
    stands beside it (a countdown) gets its room first, and takes what is left through its
    stretch: long words are drawn smaller rather than squeezing the countdown. A layout
    would otherwise give word-wrapped text the whole height it needs, as both its wish and
    its minimum, and take the shortage from everything else.
    """

    def __init__(self, name: str, parent: QWidget | None = None, yields: bool = False) -> None:
        super().__init__(parent)
        wear(self, name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._yields = yields
        if not yields:
            self.setMinimumHeight(1)  # else its smallest height below is the layout's minimum

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumSizeHint().height()) if self._yields else hint

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._yields and super().hasHeightForWidth()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As high as the text is at its smallest, at the width it has now: the layout may
        shrink it that far, the text shrinking with it, and no further."""
        width = self.contentsRect().width()
        if not self.text() or width <= 0:
            return QSize(0, 0)
        return QSize(0, math.ceil(self._height(SMALLEST_TEXT_SHARE, width))
                     + _frame(self).height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # a new width: a new smallest height

    def _height(self, scale: float, width: int) -> float:
        metrics = QFontMetricsF(_scaled(self.font(), scale))
        flags = int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, self.text()).height()

    def scale(self) -> float:
        """The share of its look's size the text is drawn at now (1.0 when it fits)."""
        area = self.contentsRect()
        if not self.text() or self._height(1.0, area.width()) <= area.height():
            return 1.0
        low, high = SMALLEST_TEXT_SHARE, 1.0
        for _ in range(12):  # halving: within a fraction of a point
            middle = (low + high) / 2
            if self._height(middle, area.width()) <= area.height():
                low = middle
            else:
                high = middle
        return low

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setFont(_scaled(self.font(), self.scale()))
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(QRectF(self.contentsRect()),
                         int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
                             | Qt.TextFlag.TextWordWrap), self.text())
        painter.end()
