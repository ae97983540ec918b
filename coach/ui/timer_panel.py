"""The running cold and heat timers: cards, skin-check prompts and the time-up alarm."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coach.core.therapy import SkinCheck, TherapyTimer, TimerState, TimeUp
from coach.core.therapy_desk import TherapyDesk
from coach.ui.sounds import Cue, Sounds
from coach.ui.style import plain_label
from coach.ui.therapy_words import removal_text
from coach.ui.ticker import Ticker
from coach.ui.timer_card import TimerCard

if TYPE_CHECKING:
    from coach.ui.alert_window import AlertWindow

REFRESH_MS = 500


class TimerPanel(QWidget):
    """Keeps every timer of ``desk`` on screen and acts on its events, whichever page is
    showing. ``summary_changed`` carries text for the window title and tray ("" when none)
    and the minutes left to draw on the tray icon (None when none or time is up);
    ``time_up`` carries (title, body) for a desktop notification; ``ended`` the timer that
    ended."""

    summary_changed = Signal(str, object)
    time_up = Signal(str, str)
    ended = Signal(object)

    def __init__(self, desk: TherapyDesk, sounds: Sounds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.sounds = sounds
        self.cards: dict[TherapyTimer, TimerCard] = {}
        self.alerts: dict[TherapyTimer, AlertWindow] = {}
        self.column = QVBoxLayout(self)
        self.column.addWidget(plain_label("Running timers", "section"))
        self.empty = plain_label("No timer is running.", "preview")
        self.column.addWidget(self.empty)
        self.problem = plain_label("", "notice")
        self.column.addWidget(self.problem)
        self.column.addStretch()
        self.ticker = Ticker(self.refresh, self, REFRESH_MS)
        for timer in desk.timers:
            self._show(timer)
        if self.cards:
            self.ticker.start()

    def add(self, timer: TherapyTimer) -> None:
        """Show a newly started timer and keep it counting."""
        self._show(timer)
        self.ticker.start()
        self.refresh()

    def _show(self, timer: TherapyTimer) -> None:
        card = TimerCard(timer, self.desk)
        card.changed.connect(self.refresh)
        self.cards[timer] = card
        self.column.insertWidget(self.column.count() - 1, card)

    def refresh(self) -> None:
        for timer, event in self.desk.update():
            if timer not in self.cards:
                self._show(timer)
            if isinstance(event, SkinCheck):
                self.cards[timer].show_skin_check(event.number)
                self.sounds.play(Cue.STEP)
            elif isinstance(event, TimeUp):
                self._alarm(timer, event.repeat)
        for ended in [t for t in self.cards if t not in self.desk.timers]:
            self._forget(ended)
        for extended in [t for t in self.alerts if t.state is not TimerState.DUE]:
            self._dismiss_alert(extended)
        for card in self.cards.values():
            card.refresh()
        self.empty.setVisible(not self.cards)
        problems = [p for p in (self.desk.load_problem, self.desk.save_problem) if p]
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        if not self.cards:
            self.ticker.stop()
        self.summary_changed.emit(*self.summary())

    def summary(self) -> tuple[str, int | None]:
        """E.g. ("Ice pack 12 min", 12) for the soonest timer, or ("", None) when none runs."""
        timer = self.desk.soonest()
        if timer is None:
            return "", None
        left = timer.left_s(self.desk.clock)
        minutes = max(1, round(left / 60)) if left > 0 else None
        when = f"{minutes} min" if minutes else "time is up"
        return f"{timer.plan.method.capitalize()} {when}", minutes

    def _alarm(self, timer: TherapyTimer, repeat: int) -> None:
        alert = self.alerts.get(timer)
        if alert is None:
            from coach.ui.alert_window import AlertWindow  # loaded with the first alarm

            alert = AlertWindow(timer, self.window())
            alert.confirmed.connect(lambda t=timer: self._confirm(t))
            self.alerts[timer] = alert
        alert.set_overdue(int(-timer.left_s(self.desk.clock) // 60))
        alert.come_forward()
        self.sounds.alarm(repeat)
        self.time_up.emit(removal_text(timer.plan.method), f"Area: {timer.plan.area}")

    def _confirm(self, timer: TherapyTimer) -> None:
        if timer.state is not TimerState.ENDED:
            self.desk.confirm_off(timer)
        self.alerts.pop(timer, None)
        self.refresh()

    def _forget(self, timer: TherapyTimer) -> None:
        card = self.cards.pop(timer)
        card.deleteLater()
        self._dismiss_alert(timer)
        self.ended.emit(timer)

    def _dismiss_alert(self, timer: TherapyTimer) -> None:
        alert = self.alerts.pop(timer, None)
        if alert is not None:
            alert.hide()
            alert.deleteLater()
