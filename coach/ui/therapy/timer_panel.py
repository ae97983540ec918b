"""The running cold and heat timers on screen: one card each, with their skin-check prompts."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from coach.core.i18n import _
from coach.core.therapy.timer import TherapyTimer
from coach.ui.style import plain_label
from coach.ui.therapy.alarms import TherapyAlarms
from coach.ui.therapy.timer_card import TimerCard


class TimerPanel(QWidget):
    """Draws a card for every timer ``alarms`` keeps, as it tells of changes; a card's own
    actions (pause, extend, end) go to the alarms, which act on them."""

    def __init__(self, alarms: TherapyAlarms, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alarms = alarms
        self.cards: dict[TherapyTimer, TimerCard] = {}
        self.column = QVBoxLayout(self)
        self.column.addWidget(plain_label(_("Running timers"), "section"))
        self.empty = plain_label(_("No timer is running."), "preview")
        self.column.addWidget(self.empty)
        self.problem = plain_label("", "notice")
        self.column.addWidget(self.problem)
        self.column.addStretch()
        alarms.changed.connect(self.refresh)
        alarms.skin_check.connect(self._skin_check)
        self.refresh()

    def refresh(self) -> None:
        """Draw the timers as they are now: new ones get a card, ended ones lose theirs."""
        desk = self.alarms.desk
        for timer in desk.timers:
            if timer not in self.cards:
                self._show(timer)
        for ended in [t for t in self.cards if t not in desk.timers]:
            self.cards.pop(ended).deleteLater()
        for card in self.cards.values():
            card.refresh()
        self.empty.setVisible(not self.cards)
        problems = [p for p in (desk.load_problem, desk.save_problem) if p]
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))

    def _skin_check(self, timer: TherapyTimer, number: int) -> None:
        if timer in self.cards:
            self.cards[timer].show_skin_check(number)

    def _show(self, timer: TherapyTimer) -> None:
        card = TimerCard(timer, self.alarms.desk)
        card.changed.connect(self.alarms.refresh)
        self.cards[timer] = card
        self.column.insertWidget(self.column.count() - 1, card)
