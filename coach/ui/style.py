"""Shared look: large, high-contrast text for people reading from the floor."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

BASE_POINT_SIZE = 13

STYLE_SHEET = """
QPushButton { padding: 8px 16px; font-size: 13pt; }
QPushButton#primary { font-weight: bold; }
QLabel#notice { background: #fff4ce; color: #3b2f00; padding: 8px; border-radius: 4px; }
QLabel#countdown { font-size: 72pt; font-weight: bold; }
QLabel#timerLeft { font-size: 44pt; font-weight: bold; }
QLabel#stepName { font-size: 26pt; font-weight: bold; }
QLabel#instruction { font-size: 20pt; }
QLabel#side { font-size: 18pt; color: #1d6f65; font-weight: bold; }
QLabel#preview { font-size: 14pt; color: palette(placeholder-text); }
QLabel#keys { font-size: 12pt; color: palette(placeholder-text); }
QLabel#heading { font-size: 20pt; font-weight: bold; }
QLabel#section { font-size: 15pt; font-weight: bold; margin-top: 8px; }
"""


def plain_label(text: str = "", name: str | None = None, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label that never interprets its text as rich text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


def tooltip_text(text: str) -> str:
    """``text`` as a tooltip that shows it as written: tooltips guess rich text, so the text
    is escaped and wrapped in a paragraph, which is always read as rich text."""
    return f"<p>{html.escape(text, quote=False)}</p>"


def message_text(text: str) -> str:
    """``text`` as a tray or desktop message body, where ``<``, ``>`` and ``&`` would be read
    as markup: escaped."""
    return html.escape(text, quote=False)


def base_font() -> QFont:
    font = QFont()
    font.setPointSize(BASE_POINT_SIZE)
    return font


def scrolled(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls only up and down, so nothing is
    cut off in a small window."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if isinstance(content, QLabel):
        content.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    area.setWidget(content)
    return area
