"""Shared look: large, high-contrast text for people reading from the floor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QWidget

from coach.ui.looks import BASE_POINT_SIZE, wear


def plain_label(text: str = "", name: str | None = None, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label that never interprets its text as rich text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if name:
        wear(label, name)
    return label


def push_button(text: str, action: Callable[[], object], primary: bool = False) -> QPushButton:
    """A button that runs ``action`` when clicked; ``primary`` marks the main one in bold."""
    button = QPushButton(text)
    if primary:
        wear(button, "primary")
    button.clicked.connect(lambda _checked=False: action())
    return button


def tooltip_text(text: str) -> str:
    """``text`` as a tooltip that shows it as written: tooltips guess rich text, so the text
    is escaped and made paragraphs, which are always read as rich text."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def text_scale() -> float:
    """How many times larger than the size Coach's screens were laid out for its type is
    now (the desktop's font and the zoom; never under 1.0): windows grow with it."""
    return max(1.0, QGuiApplication.font().pointSizeF() / BASE_POINT_SIZE)


def base_font(point_size: float = BASE_POINT_SIZE) -> QFont:
    font = QFont()
    font.setPointSizeF(point_size)
    return font


class _UpAndDown(QScrollArea):
    """A scroll area that scrolls only up and down, so it is never narrower than what it
    shows needs (a timer card's buttons in a longer language, larger text)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        wide = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), wide), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # what it shows changed: so may its width
        return super().eventFilter(watched, event)


def scrolled(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls only up and down, so nothing is
    cut off in a small window."""
    area = _UpAndDown()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if isinstance(content, QLabel):
        content.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    area.setWidget(content)
    return area
