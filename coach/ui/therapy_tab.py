"""The Cold and heat tab: its panel (coach.ui.therapy_view) is built the first time the tab
shows or is asked for, so a start-up that never opens it does not pay for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coach.core.therapy_desk import TherapyDesk
from coach.ui.timer_panel import TimerPanel

if TYPE_CHECKING:
    from coach.ui.therapy_view import TherapyView


class TherapyTab(QWidget):
    """Holds the cold and heat panel for ``desk``; ``started`` is emitted with each new timer
    started from it (see TherapyView)."""

    started = Signal(object)

    def __init__(self, desk: TherapyDesk, timers: TimerPanel,
                 after_safety_notice: Callable[[Callable[[], None]], None]) -> None:
        super().__init__()
        self._desk, self._timers = desk, timers
        self._after_safety_notice = after_safety_notice
        self._view: TherapyView | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)

    def view(self) -> TherapyView:
        """The panel, built on the first call."""
        if self._view is None:
            from coach.ui.therapy_view import TherapyView

            self._view = TherapyView(self._desk, self._timers, self._after_safety_notice)
            self._view.started.connect(self.started)
            self._column.addWidget(self._view)
        return self._view

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self.view()
        super().showEvent(event)
