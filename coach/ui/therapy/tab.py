"""The Cold and heat tab: its panel (coach.ui.therapy.view) is built the first time the tab
shows or is asked for, so a start-up that never opens it does not pay for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coach.ui.safety_gate import SafetyGate
from coach.ui.therapy.alarms import TherapyAlarms

if TYPE_CHECKING:
    from coach.ui.therapy.view import TherapyView


class TherapyTab(QWidget):
    """Holds the cold and heat panel for the timers ``alarms`` keeps (see TherapyView)."""

    def __init__(self, alarms: TherapyAlarms, gate: SafetyGate) -> None:
        super().__init__()
        self._alarms, self._gate = alarms, gate
        self._view: TherapyView | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)

    def view(self) -> TherapyView:
        """The panel, built on the first call."""
        if self._view is None:
            from coach.ui.therapy.view import TherapyView

            self._view = TherapyView(self._alarms, self._gate)
            self._column.addWidget(self._view)
        return self._view

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self.view()
        super().showEvent(event)
