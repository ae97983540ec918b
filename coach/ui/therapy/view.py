"""The cold and heat panel: guidance from one question, a checked start, the running timers."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coach.core.history.wording import area_name, method_name
from coach.core.i18n import N_, _
from coach.core.sources import title
from coach.core.therapy.desk import RestGapNotOver
from coach.core.therapy.guidance import ALWAYS, Advice, Onset, Point, advise
from coach.core.therapy.timer import (
    AREAS,
    DEFAULT_MINUTES,
    MAX_MINUTES,
    METHODS,
    MIN_MINUTES,
    TherapyError,
    TherapyKind,
    TherapyPlan,
    plan_application,
)
from coach.ui.accessibility import name_fields
from coach.ui.inputs import CalmComboBox, CalmSpinBox
from coach.ui.looks import wear
from coach.ui.safety_gate import SafetyGate
from coach.ui.style import plain_label, scrolled
from coach.ui.therapy.alarms import TherapyAlarms
from coach.ui.therapy.timer_panel import TimerPanel

KIND_LABELS = {TherapyKind.COLD: N_("Cold"), TherapyKind.HEAT: N_("Heat")}


def point_text(point: Point) -> str:
    return f"• {_(point.text)}  ({title(point.source)})"


class TherapyView(QWidget):
    """Choose and start an application, kept counting by ``alarms``; the running timers
    are in ``timers``. Starting goes through ``gate`` (the safety notice is shown once, before
    the first routine or timer).
    """

    def __init__(self, alarms: TherapyAlarms, gate: SafetyGate,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alarms = alarms
        self.desk = alarms.desk
        self.timers = TimerPanel(alarms)
        self._gate = gate
        setup = QWidget()
        column = QVBoxLayout(setup)
        column.addWidget(plain_label(_("Start a cold or heat timer"), "heading"))
        column.addLayout(self._build_form())
        self.message = plain_label("", "notice")
        self.message.hide()
        column.addWidget(self.message)
        self.start_button = QPushButton(_("Start timer"))
        wear(self.start_button, "primary")
        self.start_button.clicked.connect(lambda: self.start())
        column.addWidget(self.start_button)
        column.addSpacing(12)
        column.addWidget(plain_label(_("Cold or heat? When did this spasm or injury start?"),
                                     "section"))
        column.addLayout(self._build_onset())
        self.advice = plain_label()
        column.addWidget(self.advice)
        column.addWidget(plain_label(_("Using a pack safely"), "section"))
        column.addWidget(plain_label("\n".join(point_text(p) for p in ALWAYS)))
        column.addStretch()
        row = QHBoxLayout(self)
        row.addWidget(scrolled(setup), 3)
        row.addWidget(scrolled(self.timers), 2)
        self.onset_buttons.buttons()[0].setChecked(True)
        self._show_advice(Onset.ACUTE)
        alarms.ended.connect(lambda _timer: self._show_gap(self.chosen_kind()))

    def _build_onset(self) -> QVBoxLayout:
        self.onset_buttons = QButtonGroup(self)
        column = QVBoxLayout()
        for onset in Onset:
            button = QRadioButton(_(onset.value))
            button.toggled.connect(partial(self._onset_toggled, onset))
            self.onset_buttons.addButton(button)
            column.addWidget(button)
        return column

    def _build_form(self) -> QFormLayout:
        self.kind_buttons: dict[TherapyKind, QRadioButton] = {}
        kinds = QHBoxLayout()
        group = QButtonGroup(self)
        for kind, label in KIND_LABELS.items():
            button = QRadioButton(_(label))
            button.toggled.connect(partial(self._kind_toggled, kind))
            group.addButton(button)
            kinds.addWidget(button)
            self.kind_buttons[kind] = button
        self.method = CalmComboBox()
        self.area = CalmComboBox()
        self.area.setEditable(True)
        self.area.addItems([area_name(area) for area in AREAS])
        self.minutes = CalmSpinBox()
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(" min")
        # in sight, not only in a tooltip: a number outside it is not taken
        limits = plain_label(_("{least} to {most} minutes at a time: longer can harm the "
                               "skin.").format(least=MIN_MINUTES, most=MAX_MINUTES), "keys")
        self.minutes.setAccessibleDescription(limits.text())
        self.gap_note = plain_label("", "preview")
        form = QFormLayout()
        for label, field in ((_("Kind"), kinds), (_("Method"), self.method),
                             (_("Area"), self.area), (_("Minutes"), self.minutes),
                             ("", limits), ("", self.gap_note)):
            form.addRow(plain_label(label), field)
        name_fields(form)
        typed = self.area.lineEdit()
        if typed is not None:  # the box is editable: the words are typed here
            typed.setAccessibleName(_("Area"))
        return form

    def _onset_toggled(self, onset: Onset, on: bool) -> None:
        if on:
            self._show_advice(onset)

    def _kind_toggled(self, kind: TherapyKind, on: bool) -> None:
        if on:
            self._choose_kind(kind)

    def _show_advice(self, onset: Onset) -> None:
        advice = advise(onset)
        self.advice.setText(_advice_text(advice))
        self.kind_buttons[advice.suggested].setChecked(True)

    def _choose_kind(self, kind: TherapyKind) -> None:
        self.method.clear()
        for method in METHODS[kind]:  # shown in words, kept as Coach names it
            self.method.addItem(method_name(method), method)
        self._show_gap(kind)

    def _show_gap(self, kind: TherapyKind) -> None:
        ends = self.desk.rest_gap_ends(kind)
        self.gap_note.setText("" if ends is None else
                              _("Next application of this kind advised from {time}.").format(
                                  time=f"{ends.astimezone():%H:%M}"))

    def chosen_kind(self) -> TherapyKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def start(self, kind: TherapyKind | None = None, minutes: int | None = None,
              area: str | None = None, method: str | None = None) -> str | None:
        """Start what the form says, or the values given (after the safety notice, the first
        time); inside a rest gap, ask first. Returns why nothing can start (also shown under
        the form), or None."""
        if kind is None:
            kind, method = self.chosen_kind(), str(self.method.currentData())
        try:
            plan = plan_application(kind, self.minutes.value() if minutes is None else minutes,
                                    area if area is not None else self._chosen_area(),
                                    method)
        except TherapyError as error:
            self._say(str(error))
            return str(error)
        self._gate.run_after_notice(lambda: self._start(plan))
        return None

    def _chosen_area(self) -> str:
        """The area as the history keeps it: one Coach offers by its English key (so it is
        the same area in every language), else the user's own words."""
        typed = self.area.currentText().strip()
        return next((area for area in AREAS if area_name(area) == typed), typed)

    def _start(self, plan: TherapyPlan, despite_rest_gap: bool = False) -> None:
        try:
            timer = self.desk.start(plan, despite_rest_gap)
        except RestGapNotOver as gap:
            self._ask_despite_gap(gap, plan)
            return
        self.message.hide()
        self._show_gap(self.chosen_kind())
        self.alarms.add(timer)

    def _ask_despite_gap(self, gap: RestGapNotOver, plan: TherapyPlan) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, _("Start anyway?"),
                          _("The last application of this kind ended less than an hour ago. "
                            "The next one is advised from {time}. Start now anyway? Your "
                            "history will note it.").format(
                              time=f"{gap.until.astimezone():%H:%M}"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)

        def answered(button: object) -> None:
            if button == yes:
                self._start(plan, despite_rest_gap=True)

        box.buttonClicked.connect(answered)
        box.open()

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()


def _advice_text(advice: Advice) -> str:
    suggested = (_("Suggested: an ice pack.") if advice.suggested is TherapyKind.COLD
                 else _("Suggested: moist heat."))
    lines = [suggested] + [point_text(p) for p in advice.reasons]
    if advice.other_view is not None:
        view = _(advice.other_view.text)
        lines.append(_("A second source differs: {view}").format(
            view=view[:1].lower() + view[1:]) + f"  ({title(advice.other_view.source)})")
    return "\n".join(lines)
