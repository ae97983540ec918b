"""The cold and heat timers' clock work, whether or not their panel is on screen: skin-check
prompts, the time-up alarm and its window, and the summary for the title and the tray."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from coach.core.format import minutes_left
from coach.core.history.wording import area_name, method_name
from coach.core.i18n import _
from coach.core.therapy.desk import TherapyDesk
from coach.core.therapy.timer import SkinCheck, TherapyTimer, TimerState, TimeUp
from coach.platform.memory import hand_back_after
from coach.ui.sounds import Cue, Sounds
from coach.ui.therapy.words import removal_text
from coach.ui.ticker import Ticker

if TYPE_CHECKING:
    from coach.ui.therapy.alert_window import AlertWindow

REFRESH_MS = 500
NO_MINUTES = 0
"""``summary_changed`` carries this for minutes when no number belongs on the tray icon."""


class TherapyAlarms(QObject):
    """Keeps every timer of ``desk`` counting and acts on its events. ``started`` and
    ``ended`` carry a timer as it starts and ends; ``skin_check`` a timer and the check's
    number; ``changed`` asks whatever shows the timers to draw them again; ``summary_changed``
    the text for the window title and tray ("" when none runs) and the minutes to draw on
    the tray icon (NO_MINUTES when none, or when time is up); ``time_up`` a timer with the
    (title, body) of a desktop notification, at each alarm, and ``alarm_over`` the timer
    once its alarm is answered. Alarm windows open over ``window`` (set once it exists)."""

    started = Signal(TherapyTimer)
    ended = Signal(TherapyTimer)
    skin_check = Signal(TherapyTimer, int)
    changed = Signal()
    summary_changed = Signal(str, int)
    time_up = Signal(TherapyTimer, str, str)
    alarm_over = Signal(TherapyTimer)

    def __init__(self, desk: TherapyDesk, sounds: Sounds, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.sounds = sounds
        self.window: QWidget | None = None
        self.alerts: dict[TherapyTimer, AlertWindow] = {}
        self._running = set(desk.timers)
        self.ticker = Ticker(self.refresh, self, REFRESH_MS)
        if self._running:
            self.ticker.start()

    def add(self, timer: TherapyTimer) -> None:
        """Keep a newly started (or restored) timer counting."""
        self._running.add(timer)
        self.ticker.start()
        self.started.emit(timer)
        self.refresh()

    def restore(self) -> list[TherapyTimer]:
        """Take up the timers that were running when Coach last stopped (see
        TherapyDesk.restore); returns them."""
        restored = self.desk.restore()
        for timer in restored:
            self.add(timer)
        return restored

    def refresh(self) -> None:
        """Act on what is due: skin checks, alarms, timers that ended or were extended."""
        for timer, event in self.desk.update():
            self._running.add(timer)
            if isinstance(event, SkinCheck):
                self.skin_check.emit(timer, event.number)
                self.sounds.play(Cue.STEP)
            elif isinstance(event, TimeUp):
                self._alarm(timer, event.repeat)
        for ended in [t for t in self._running if t not in self.desk.timers]:
            self._running.discard(ended)
            self._dismiss_alert(ended)
            self.ended.emit(ended)
        for extended in [t for t in self.alerts if t.state is not TimerState.DUE]:
            self._dismiss_alert(extended)
        if not self._running:
            self.ticker.stop()
        self.changed.emit()
        self.summary_changed.emit(*self.summary())

    def summary(self) -> tuple[str, int]:
        """E.g. ("Ice pack 12 min", 12) for the soonest timer, or ("", NO_MINUTES) when none
        runs."""
        timer = self.desk.soonest()
        if timer is None:
            return "", NO_MINUTES
        left = timer.left_s(self.desk.clock)
        minutes = max(1, minutes_left(left)) if left > 0 else NO_MINUTES  # as its card
        when = f"{minutes} min" if minutes else _("time is up")
        return f"{method_name(timer.plan.method)} {when}", minutes

    def _alarm(self, timer: TherapyTimer, repeat: int) -> None:
        alert = self.alerts.get(timer)
        if alert is None:
            from coach.ui.therapy.alert_window import AlertWindow  # loaded with the first alarm

            alert = AlertWindow(timer, self.window)
            alert.confirmed.connect(lambda t=timer: self._confirm(t))
            self.alerts[timer] = alert
        alert.set_overdue(int(-timer.left_s(self.desk.clock) // 60))
        alert.come_forward()
        self.sounds.alarm(repeat)
        self.time_up.emit(timer, removal_text(timer.plan.method),
                          _("Area: {area}").format(area=area_name(timer.plan.area)))

    def _confirm(self, timer: TherapyTimer) -> None:
        if timer.state is not TimerState.ENDED:
            self.desk.confirm_off(timer)
        self._dismiss_alert(timer)
        self.refresh()

    def let_go(self) -> None:
        """Stop counting and take every alarm window down (Coach is quitting; the timers
        carry on from the history at the next start)."""
        self.ticker.stop()
        for timer in list(self.alerts):
            self._dismiss_alert(timer)

    def _dismiss_alert(self, timer: TherapyTimer) -> None:
        alert = self.alerts.pop(timer, None)
        if alert is not None:
            alert.hide()
            hand_back_after(alert)
            alert.deleteLater()
            self.alarm_over.emit(timer)
