"""Form inputs that a scrolling mouse wheel passes over instead of changing them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget


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
