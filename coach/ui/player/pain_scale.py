"""A 0-10 pain scale as a row of large buttons coloured from calm green to red, with words at
0, 5 and 10; the number keys 0-9 choose too."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from coach.core.i18n import N_, _
from coach.ui.looks import wear
from coach.ui.style import plain_label

SCALE_HINT = N_("0 is no pain, 10 the worst you can imagine. Keys 0-9 choose, End chooses 10.")
ANCHORS = {0: N_("No pain"), 5: N_("Moderate"), 10: N_("Worst imaginable")}
COLOURS = ("#d3eecb", "#dff1c6", "#ebf2c1", "#f5f0bb", "#faeab4", "#fde0ac", "#fdd3a5",
           "#fcc59f", "#f9b59a", "#f5a496", "#f09391")
"""Light tints from green (0) through amber (5) to red (10): dark text reads on each at well
over 7:1, and the number, not the colour alone, tells the score."""
INK, FADED_INK, EDGE = "#1a1a1a", "#5a5a5a", "#8a8a8a"
CHOSEN_EDGE_PX = 5
BUTTON_HEIGHT = 72
"""Large enough to hit from the floor with a stretched-out arm."""
FOCUS_RING_PX = 2


def _edge(painter: QPainter, widget: QWidget, colour: QColor, width_px: float) -> None:
    """A rounded edge ``width_px`` wide in ``colour`` just inside ``widget``, filled with the
    painter's brush."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, width_px))
    half = width_px / 2
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(half, half, -half, -half), 6, 6)


class ScoreButton(QPushButton):
    """One score: its colour with dark text and a thin grey edge; a thick edge in the
    highlight colour once chosen."""

    def __init__(self, score: int) -> None:
        super().__init__(str(score))
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Button, QColor(COLOURS[score]))
        self.setPalette(palette)
        self.setCheckable(True)
        self.setMinimumSize(44, BUTTON_HEIGHT)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        wear(self, "painScore")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        chosen = self.isChecked()
        edge_px = CHOSEN_EDGE_PX if chosen else 1
        painter = QPainter(self)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Button))
        _edge(painter, self, self.palette().color(QPalette.ColorRole.Highlight) if chosen
              else QColor(EDGE), edge_px)
        painter.setPen(QColor(INK if self.isEnabled() else FADED_INK))
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.text())
        painter.end()


class PainScale(QWidget):
    """Eleven buttons, 0 to 10. ``value`` is the score chosen, or None; ``chosen(int)`` is
    emitted on every choice, by click or key."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_("Pain score from 0, no pain, to 10, the worst imaginable"))
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(4)
        for score in range(11):
            button = ScoreButton(score)
            anchor = ANCHORS.get(score)
            button.setAccessibleName(_("Pain {score} of 10").format(score=score) + (
                f": {_(anchor).lower()}" if anchor else ""))
            self._group.addButton(button, score)
            grid.addWidget(button, 0, score)
        for score, words, span, where in (
                (0, ANCHORS[0], 3, Qt.AlignmentFlag.AlignLeft),
                (4, ANCHORS[5], 3, Qt.AlignmentFlag.AlignHCenter),
                (8, ANCHORS[10], 3, Qt.AlignmentFlag.AlignRight)):
            label = plain_label(_(words), "preview")
            label.setWordWrap(False)  # a few words: a fixed height the grid can count on
            label.setAlignment(where)
            grid.addWidget(label, 1, score, 1, span)
        self._group.idClicked.connect(self.chosen)

    def button(self, score: int) -> QPushButton:
        button = self._group.button(score)
        assert isinstance(button, QPushButton)
        return button

    @property
    def value(self) -> int | None:
        score = self._group.checkedId()
        return None if score < 0 else score

    def choose(self, score: int) -> None:
        """Select ``score`` (0-10) as if clicked."""
        self._group.button(score).setChecked(True)
        self.chosen.emit(score)

    def clear(self) -> None:
        checked = self._group.checkedButton()
        if checked is not None:
            self._group.setExclusive(False)
            checked.setChecked(False)
            self._group.setExclusive(True)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """A ring in the highlight colour while the keys choose a score."""
        if self.hasFocus():
            painter = QPainter(self)
            _edge(painter, self, self.palette().color(QPalette.ColorRole.Highlight),
                  FOCUS_RING_PX)
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        text = event.text()
        if len(text) == 1 and text.isdigit():
            self.choose(int(text))
        elif event.key() == Qt.Key.Key_End:
            self.choose(10)
        else:
            super().keyPressEvent(event)
