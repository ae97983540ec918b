"""Shared look: large, high-contrast text for people reading from the floor."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QWidget

BASE_POINT_SIZE = 13

STYLE_SHEET = """
QPushButton { padding: 8px 16px; font-size: 13pt; }
QPushButton#primary { font-weight: bold; }
QLabel#notice { background: #fff4ce; color: #3b2f00; padding: 8px; border-radius: 4px; }
QLabel#countdown { font-size: 72pt; font-weight: bold; }
QLabel#timerLeft { font-size: 44pt; font-weight: bold; }
QLabel#timerLeft[due="true"] { color: #c62828; }
QLabel#stepName { font-size: 26pt; font-weight: bold; }
QLabel#instruction { font-size: 20pt; }
QLabel#side { font-size: 18pt; color: SIDE_COLOUR; font-weight: bold; }
QLabel#preview { font-size: 14pt; color: palette(placeholder-text); }
QLabel#keys { font-size: 12pt; color: palette(placeholder-text); }
QLabel#heading { font-size: 20pt; font-weight: bold; }
QLabel#endHeading { font-size: 30pt; font-weight: bold; }
QWidget#painScale { border: 2px solid transparent; border-radius: 6px; }
QWidget#painScale:focus { border-color: palette(highlight); }
QWidget#painScale QPushButton { font-size: 20pt; font-weight: bold; }
QWidget[bigText="true"] QLabel#countdown { font-size: 110pt; }
QWidget[bigText="true"] QLabel#stepName { font-size: 40pt; }
QWidget[bigText="true"] QLabel#instruction { font-size: 32pt; }
QWidget[bigText="true"] QLabel#side { font-size: 30pt; }
QWidget[bigText="true"] QLabel#preview { font-size: 24pt; }
QWidget[bigText="true"] QLabel#keys { font-size: 18pt; }
QWidget[bigText="true"] QLabel#pausedBanner { font-size: 40pt; }
QWidget[bigText="true"] QPushButton { font-size: 18pt; padding: 14px 18px; }
QLabel#pausedBanner { font-size: 26pt; font-weight: bold; background: #fde68a;
    color: #1a1a1a; border-radius: 8px; padding: 12px; }
QWidget[paused="true"] QLabel#countdown { color: palette(placeholder-text); }
QWidget#playing[paused="true"] { background: palette(mid); }
QLabel#tileFigure { font-size: 30pt; font-weight: bold; }
QFrame#endTile { border: 1px solid palette(mid); border-radius: 8px; padding: 6px; }
QLabel#breakLeft { font-size: 26pt; font-weight: bold; }
QLabel#section { font-size: 15pt; font-weight: bold; margin-top: 8px; }
"""


CALM_STYLE_SHEET = """
QWidget { background-color: #173b43; color: #eef4f3; }
QLabel#preview, QLabel#keys { color: #b8d0d1; }
QLabel#side { color: #8fe0cf; }
QLabel#notice { background-color: #1f4a53; color: #eef4f3; border-left: 4px solid #fde68a; }
QPushButton { background-color: transparent; border: 1px solid #4d7a83; border-radius: 6px;
    color: #eef4f3; }
QPushButton:hover { background-color: #22505a; }
QProgressBar { background-color: #1f4a53; border: none; border-radius: 4px; max-height: 10px; }
QProgressBar::chunk { background-color: #7fc8b8; border-radius: 4px; }
"""
"""A break's look, whatever the desktop's theme: a deep, calm teal with light text (over 9:1),
quiet outlined buttons, so a break never looks like one more form to fill in."""

SIDE_ON_LIGHT, SIDE_ON_DARK = "#1d6f65", "#6fd3c1"
"""The teal of side and rep labels: dark on a light window, light on a dark one (each at
least 4.5:1 against Qt's usual window colours)."""


def style_sheet(palette: QPalette, base_pt: float = BASE_POINT_SIZE) -> str:
    """The app's style sheet for ``palette``, with colours that stay readable in dark mode,
    and every type size in proportion to a base size of ``base_pt`` points."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    sheet = STYLE_SHEET.replace("SIDE_COLOUR", SIDE_ON_DARK if dark else SIDE_ON_LIGHT)
    return re.sub(r"(\d+(?:\.\d+)?)pt",
                  lambda size: f"{float(size[1]) * base_pt / BASE_POINT_SIZE:.1f}pt", sheet)


def plain_label(text: str = "", name: str | None = None, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label that never interprets its text as rich text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


def push_button(text: str, action: Callable[[], object], primary: bool = False) -> QPushButton:
    """A button that runs ``action`` when clicked; ``primary`` marks the main one in bold."""
    button = QPushButton(text)
    if primary:
        button.setObjectName("primary")
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


def set_flag(widget: QWidget, name: str, on: bool) -> None:
    """Set the style sheet flag ``name`` (``bigText`` for the full-screen player, ``paused``)
    on ``widget`` and restyle it and everything in it."""
    widget.setProperty(name, on)
    # Setting a widget's own style sheet again restyles it and its children; an empty one
    # would not, hence a comment. (Restyling through style() would also build QStyle's
    # hundreds of enum members in Python, about 1 MB kept for the rest of the run.)
    widget.setStyleSheet(widget.styleSheet() or "/* flags */")
