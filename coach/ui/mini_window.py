"""A small window that keeps Coach within reach where the desktop has no tray."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coach.core.i18n import _
from coach.ui.style import plain_label


class MiniWindow(QWidget):
    """What comes next (a break, a timer) and three buttons. Closing it asks Coach to quit."""

    open_requested = Signal()
    break_now_requested = Signal()
    quit_requested = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Coach")
        self.status = plain_label("", "preview")
        buttons = QHBoxLayout()
        for text, signal in ((_("Open Coach"), self.open_requested),
                             (_("Take a break now"), self.break_now_requested),
                             (_("Quit"), self.quit_requested)):
            button = QPushButton(text)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.addWidget(self.status)
        column.addLayout(buttons)

    def show_status(self, lines: list[str]) -> None:
        self.status.setText("\n".join(line for line in lines if line))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()
        self.quit_requested.emit()
