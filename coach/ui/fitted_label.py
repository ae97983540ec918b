"""A one-line label for big numbers and short words (a countdown, "Time is up") that is never
clipped: its text shrinks to the width it is given, and with ``fill`` it also grows to fill
the space it is given, for a countdown read from across the room."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

SMALLEST_SHARE = 0.3
"""The smallest the text gets, as a share of its styled size (what a layout may ask for)."""


class FittedLabel(QLabel):
    """Shows its text on one line at the size its style sheet gives it, or smaller where the
    width is short; with ``fill``, as large as its rectangle allows. The text stays the
    label's text, so screen readers read it as from any label."""

    def __init__(self, name: str, fill: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
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

    def _styled_size(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        margins = self.contentsMargins()
        return QSize(round(metrics.horizontalAdvance(self.text() or "0")) + margins.left()
                     + margins.right(), round(metrics.height()) + margins.top()
                     + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._styled_size()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        styled = self._styled_size()
        return QSize(round(styled.width() * SMALLEST_SHARE),
                     round(styled.height() * (SMALLEST_SHARE if self.fill else 1.0)))

    def scale(self) -> float:
        """How much larger (over 1) or smaller than styled the text is drawn now."""
        metrics = QFontMetricsF(self.font())
        area = self.contentsRect()
        wide = metrics.horizontalAdvance(self.text() or "0") or 1.0
        by_width = area.width() / wide
        if not self.fill:
            return min(1.0, by_width)
        return max(SMALLEST_SHARE, min(by_width, area.height() / (metrics.height() or 1.0)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        font, scale = self.font(), self.scale()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        else:  # sized in pixels
            font.setPixelSize(max(1, round(font.pixelSize() * scale)))
        painter = QPainter(self)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.text())
        painter.end()
