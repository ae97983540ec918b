"""A second floor: a PySide6 window with the kinds of widgets Coach's first view shows (two
tabs, a list of ten two-line entries beside a scrolled column of wrapped text, buttons, a
status bar, a tray icon), built with no Coach code. Its cost beside the bare window is what
Qt and PySide6 charge for those widgets; the rest of Coach's figures is Coach's own.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

TEXT = "A few words that wrap across the column, as a routine's summary does. " * 3


def details() -> QScrollArea:
    content = QWidget()
    column = QVBoxLayout(content)
    for n in range(8):
        label = QLabel(f"Heading {n}\n{TEXT}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        column.addWidget(label)
    column.addWidget(QPushButton("Start"))
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("PySide6 widgets")
    window.resize(960, 680)
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.darkCyan)
    window.setWindowIcon(QIcon(pixmap))
    tabs = QTabWidget()
    window.setCentralWidget(tabs)
    page = QWidget()
    entries = QListWidget()
    for n in range(10):
        entries.addItem(f"Entry {n}\n5 min · 4 steps")
    entries.setCurrentRow(0)
    splitter = QSplitter()
    splitter.addWidget(entries)
    splitter.addWidget(details())
    buttons = QHBoxLayout()
    for text in ("History", "Settings", "Safety"):
        buttons.addWidget(QPushButton(text))
    layout = QVBoxLayout(page)
    layout.addWidget(splitter, 1)
    layout.addLayout(buttons)
    tabs.addTab(page, "First")
    tabs.addTab(QWidget(), "Second")
    window.statusBar().showMessage("Ready")
    tray = QSystemTrayIcon(window.windowIcon())
    tray.show()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
