"""Telling screen readers (Orca, NVDA, VoiceOver) what changed, as a sighted user would see
it: an announcement they read out once, without moving the keyboard focus."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers say ``text``, on behalf of ``widget`` (on Linux an AT-SPI
    announcement; nothing happens where no screen reader listens)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
