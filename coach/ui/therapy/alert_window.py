"""The window that says a pack must come off, and stays until the user says it is off."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from coach.core.history.wording import area_name
from coach.core.i18n import _, ngettext
from coach.core.therapy.timer import TherapyTimer
from coach.ui.looks import wear
from coach.ui.style import plain_label
from coach.ui.therapy.words import off_button_text, removal_text


class AlertWindow(QDialog):
    """On top of other windows; Esc and the close button do not dismiss it. Only
    "The pack is off" does, emitting ``confirmed`` (its owner takes it down)."""

    confirmed = Signal()

    def __init__(self, timer: TherapyTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(_("Time to take the pack off"))
        self.setMinimumWidth(520)
        self.heading = plain_label(removal_text(timer.plan.method), "heading")
        self.detail = plain_label("", "instruction")
        self.off_button = QPushButton(_("{action}  (Enter)").format(
            action=off_button_text(timer.plan.method)))
        wear(self.off_button, "primary")
        self.off_button.setDefault(True)
        self.off_button.clicked.connect(self.confirmed)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.detail)
        column.addWidget(self.off_button)
        self._area = timer.plan.area
        self.set_overdue(0)

    def set_overdue(self, minutes: int) -> None:
        """Say how long past its time the pack has stayed on."""
        late = (_("Its time is up.") if minutes < 1
                else ngettext("It has gone on {count} minute too long.",
                              "It has gone on {count} minutes too long.", minutes).format(
                    count=minutes)
                if minutes < 120 else _("It has gone on for hours too long."))
        self.detail.setText(_("Area: {area}. {late} Longer can harm your skin.").format(
            area=area_name(self._area), late=late))
        self.adjustSize()

    def come_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def reject(self) -> None:
        """Esc does nothing: the alert stays until the pack is confirmed off."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()


