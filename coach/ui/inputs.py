"""Form inputs that a scrolling mouse wheel passes over instead of changing them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox, QWidget


def _calm(widget: QWidget) -> None:
    """Focus by click or Tab only, so the wheel cannot give it focus in passing."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _wheel_once_focused(widget: QWidget, event: QWheelEvent,
                        handle: Callable[[QWheelEvent], None]) -> None:
    """Let ``handle`` take the wheel once ``widget`` is clicked into; else pass it on to the
    page around it, which scrolls."""
    if widget.hasFocus():
        handle(event)
    else:
        event.ignore()


class CalmComboBox(QComboBox):
    """A combo box the wheel changes only once it has been clicked into."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _calm(self)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        _wheel_once_focused(self, event, super().wheelEvent)


class CalmSpinBox(QSpinBox):
    """A spin box the wheel changes only once it has been clicked into."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _calm(self)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        _wheel_once_focused(self, event, super().wheelEvent)


class DayEdit(QDateEdit):
    """A date field with a calendar, showing and giving a Python ``date`` (``day``)."""

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(QDate(day.year, day.month, day.day), parent)
        _calm(self)
        self.setDateRange(QDate(1900, 1, 1), QDate(9998, 12, 31))  # days the clock can hold
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    @property
    def day(self) -> date:
        chosen = self.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        _wheel_once_focused(self, event, super().wheelEvent)
