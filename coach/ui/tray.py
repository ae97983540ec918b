"""The system tray icon, where the desktop has a tray: time left, notifications, a menu."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from coach.core.i18n import N_, _
from coach.platform.notifications import body_markup
from coach.ui.style import tooltip_text

ICON_SIZE = 64
PAUSE_LABELS = {"30m": N_("For 30 minutes"), "1h": N_("For 1 hour"), "2h": N_("For 2 hours"),
                "tomorrow": N_("Until tomorrow"), "until-resumed": N_("Until I resume")}


class Tray(QObject):
    """A tray icon if the desktop has a tray (``available``); without one every method does
    nothing, and the main window stays the place to look. The ``*_requested`` signals come
    from the menu (``pause_requested`` with one of PAUSE_CHOICES) or a click."""

    open_requested = Signal()
    quit_requested = Signal()
    break_now_requested = Signal()
    pause_requested = Signal(str)
    resume_requested = Signal()
    settings_requested = Signal()
    history_requested = Signal(str)

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base = icon
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self._icon: QSystemTrayIcon | None = None
        if not self.available:
            return
        self._menu = QMenu()
        self._status = self._menu.addAction("")
        self._status.setEnabled(False)
        self._menu.addAction(_("Take a break now")).triggered.connect(self.break_now_requested)
        pause = self._menu.addMenu(_("Pause breaks"))
        for choice, label in PAUSE_LABELS.items():
            pause.addAction(_(label)).triggered.connect(
                lambda _checked=False, c=choice: self.pause_requested.emit(c))
        self._menu.addAction(_("Resume breaks")).triggered.connect(self.resume_requested)
        self._menu.addSeparator()
        self._menu.addAction(_("Log a symptom…")).triggered.connect(
            lambda: self.history_requested.emit("symptoms"))
        self._menu.addAction(_("History…")).triggered.connect(
            lambda: self.history_requested.emit("timeline"))
        self._menu.addAction(_("Settings…")).triggered.connect(self.settings_requested)
        self._menu.addAction(_("Open Coach")).triggered.connect(self.open_requested)
        self._menu.addAction(_("Quit")).triggered.connect(self.quit_requested)
        self._icon = QSystemTrayIcon(icon, self)
        self._icon.setContextMenu(self._menu)
        self._icon.setToolTip("Coach")
        self._icon.activated.connect(self._activated)
        self._icon.show()

    def show_summary(self, text: str, minutes: int | None) -> None:
        """Tooltip ``text`` and, with ``minutes``, that number drawn on the icon."""
        if self._icon is None:
            return
        self._icon.setToolTip(tooltip_text(f"Coach: {text}") if text else "Coach")
        self._icon.setIcon(self._base if minutes is None else badge(self._base, str(minutes)))

    def show_break_status(self, text: str) -> None:
        """The first, greyed line of the menu: e.g. "Micro-break in 12 min"."""
        if self._icon is not None:
            self._status.setText(text)

    def notify(self, title: str, body: str) -> bool:
        """A desktop notification through the tray; False where there is no tray."""
        if self._icon is None or not QSystemTrayIcon.supportsMessages():
            return False
        self._icon.showMessage(title, body_markup(body), QSystemTrayIcon.MessageIcon.Warning,
                               30_000)
        return True

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()


def badge(base: QIcon, text: str) -> QIcon:
    """``base`` with ``text`` (a few digits) in a dark badge across its lower half."""
    pixmap = base.pixmap(ICON_SIZE, ICON_SIZE)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    area = QRect(0, ICON_SIZE // 2, ICON_SIZE, ICON_SIZE // 2)
    painter.setBrush(QColor(20, 20, 20, 220))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(area, 8, 8)
    font = QFont()
    font.setPixelSize(ICON_SIZE // 2 - 4)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)
