"""One running cold or heat timer: time left, end time, skin checks, and its controls."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QPushButton,
    QVBoxLayout,
)

from coach.core.format import minutes_text, time_left_text
from coach.core.history.wording import area_name, method_name
from coach.core.i18n import _
from coach.core.therapy.desk import TherapyDesk
from coach.core.therapy.timer import (
    MAX_EXTEND_MINUTES,
    MAX_MINUTES,
    SKIN_CHECK_EVERY_S,
    TherapyError,
    TherapyTimer,
    TimerState,
)
from coach.ui.fitted_label import FittedLabel
from coach.ui.inputs import CalmSpinBox
from coach.ui.looks import set_flag
from coach.ui.style import plain_label
from coach.ui.therapy.words import off_button_text, skin_check_text


class TimerCard(QFrame):
    """Shows ``timer`` and acts on it through ``desk``; ``changed`` after any action."""

    changed = Signal()

    def __init__(self, timer: TherapyTimer, desk: TherapyDesk) -> None:
        super().__init__()
        self.timer = timer
        self.desk = desk
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = plain_label(f"{method_name(timer.plan.method)} · "
                                 f"{area_name(timer.plan.area)}",
                                 "section")
        self.time_left = FittedLabel("timerLeft")  # "Time is up" on one line, never cut
        self.ends = plain_label("", "preview")
        self.skin_check = plain_label("", "notice")
        self.skin_check.hide()
        self.problem = plain_label("", "notice")
        self.problem.hide()
        column = QVBoxLayout(self)
        controls = self._build_controls()
        for widget in (self.title, self.time_left, self.ends, self.skin_check,
                       self.dismiss_button, self.problem):
            column.addWidget(widget)
        column.addLayout(controls)
        self.refresh()

    def _build_controls(self) -> QGridLayout:
        self.pause_button = QPushButton(_("Pause"))
        self.pause_button.clicked.connect(self._toggle_pause)
        self.extend_minutes = CalmSpinBox()
        self.extend_minutes.setRange(1, MAX_EXTEND_MINUTES)
        self.extend_minutes.setSuffix(" min")
        self.extend_minutes.setAccessibleName(_("Minutes to add"))
        self.extend_button = QPushButton(_("Extend"))
        self.extend_button.clicked.connect(self._extend)
        self.end_button = QPushButton(_("End now"))
        self.end_button.clicked.connect(self._end)
        self.dismiss_button = QPushButton(_("Skin looks fine"))
        self.dismiss_button.clicked.connect(self._hide_skin_check)
        self.dismiss_button.hide()
        grid = QGridLayout()
        grid.addWidget(self.pause_button, 0, 0)
        grid.addWidget(self.end_button, 0, 1)
        grid.addWidget(self.extend_minutes, 1, 0)
        grid.addWidget(self.extend_button, 1, 1)
        return grid

    def show_skin_check(self, number: int) -> None:
        """A quiet prompt to look at the skin, until dismissed or the next one."""
        self.skin_check.setText(skin_check_text(self.timer.plan.method,
                                                number * SKIN_CHECK_EVERY_S // 60))
        self.skin_check.show()
        self.dismiss_button.show()

    def refresh(self) -> None:
        clock = self.desk.clock
        left = self.timer.left_s(clock)
        state = self.timer.state
        if state is TimerState.DUE:
            self._hide_skin_check()
        due = state is TimerState.DUE or left <= 0
        self.time_left.setText(_("Time is up") if due else time_left_text(left))
        ends = self.timer.ends_at()
        if state is TimerState.PAUSED:
            self.ends.setText(_("Paused"))
        elif due:
            over = -left
            self.ends.setText(_("Take it off now: {length} over").format(
                length=minutes_text(over)) if over >= 60 else _("Take it off now"))
        else:
            self.ends.setText(_("Take it off at {time}").format(
                time=f"{ends.astimezone():%H:%M}") if ends else "")
        if bool(self.time_left.property("due")) != due:
            set_flag(self.time_left, "due", due)
        self.setAccessibleName(_("{timer}: {left}. {ends}").format(
            timer=self.title.text(), left=self.time_left.text(), ends=self.ends.text()))
        self.pause_button.setText(_("Resume") if state is TimerState.PAUSED else _("Pause"))
        self.pause_button.setEnabled(state in (TimerState.RUNNING, TimerState.PAUSED))
        self.end_button.setText(off_button_text(self.timer.plan.method)
                                if state is TimerState.DUE else _("End now"))
        at_limit = self.timer.planned_s >= MAX_MINUTES * 60
        self.extend_button.setEnabled(not at_limit and state is not TimerState.ENDED)
        self.extend_minutes.setEnabled(self.extend_button.isEnabled())
        self.extend_button.setToolTip(_("At the {minutes}-minute limit").format(
            minutes=MAX_MINUTES) if at_limit else "")

    def _hide_skin_check(self) -> None:
        self.skin_check.hide()
        self.dismiss_button.hide()

    def _toggle_pause(self) -> None:
        if self.timer.state is TimerState.PAUSED:
            self.desk.resume(self.timer)
        else:
            self.desk.pause(self.timer)
        self._after_action()

    def _extend(self) -> None:
        try:
            self.desk.extend(self.timer, self.extend_minutes.value())
        except TherapyError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.problem.hide()
        self._after_action()

    def _end(self) -> None:
        if self.timer.state is TimerState.DUE:
            self.desk.confirm_off(self.timer)
        else:
            self.desk.end_early(self.timer)
        self._after_action()

    def _after_action(self) -> None:
        self.refresh()
        self.changed.emit()
