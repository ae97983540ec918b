"""A 0-10 pain scale as a row of large buttons; the number keys 0-9 choose too."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

SCALE_HINT = "0 is no pain, 10 the worst you can imagine. Keys 0-9 choose, End chooses 10."


class PainScale(QWidget):
    """Eleven buttons, 0 to 10. ``value`` is the score chosen, or None; ``chosen(int)`` is
    emitted on every choice, by click or key."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("painScale")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setSpacing(4)
        for score in range(11):
            button = QPushButton(str(score))
            button.setCheckable(True)
            button.setMinimumSize(44, 52)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"Pain {score} of 10")
            self._group.addButton(button, score)
            row.addWidget(button)
        self._group.idClicked.connect(self.chosen)

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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        text = event.text()
        if len(text) == 1 and text.isdigit():
            self.choose(int(text))
        elif event.key() == Qt.Key.Key_End:
            self.choose(10)
        else:
            super().keyPressEvent(event)
