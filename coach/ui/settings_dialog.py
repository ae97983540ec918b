"""Settings: sound cues and voice, the two kinds of break, working hours, and starting at
login."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coach.core.format import WEEKDAYS
from coach.core.i18n import LANGUAGES, N_, _, system_language
from coach.core.settings import Settings
from coach.platform.idle import no_source_text
from coach.ui.accessibility import name_fields
from coach.ui.breaks.screens import WAYLAND_NOTE, placement_is_free
from coach.ui.inputs import CalmComboBox, CalmSpinBox
from coach.ui.sounds import audio_problem, speech_problem
from coach.ui.style import plain_label, scrolled

THEMES = (("soft", N_("Soft")), ("clear", N_("Clear")), ("none", N_("None (no cues)")))



def _sub(text: str) -> QLabel:
    """The label of a row that belongs to the option above it, set in a little."""
    label = plain_label(text)
    label.setIndent(18)
    return label


def _enabled_with(option: QCheckBox, *widgets: QWidget) -> None:
    """``widgets`` can be changed only while ``option`` is ticked."""
    for widget in widgets:
        widget.setEnabled(option.isChecked())
        option.toggled.connect(widget.setEnabled)


MIN_WIDTH_PX = 1000
"""The dialog's least width: two columns of long labels, and notes that wrap."""


def _spin(value: int, low: int, high: int, suffix: str) -> CalmSpinBox:
    box = CalmSpinBox()
    box.setRange(low, high)
    box.setValue(min(high, max(low, value)))
    box.setSuffix(suffix)
    return box


SCREEN_LABELS = {"all": N_("every screen"),
                 "in-use": N_("the screen in use"), "primary": N_("the main screen")}
"""How each of BREAK_SCREENS reads in Settings."""


class SettingsDialog(QDialog):
    """Edits ``settings``; after Save, ``changes()`` gives the fields to update and
    ``start_at_login`` the wish for starting at login. ``idle_source`` names where activity
    is read from (None: nowhere, so breaks count all the time Coach runs) and
    ``quiet_sources`` what holds a due break back; ``routines`` (id, title) are those a rest
    break can play."""

    def __init__(self, settings: Settings, start_at_login: bool, idle_source: str | None,
                 routines: list[tuple[str, str]], parent: QWidget | None = None,
                 quiet_sources: str = "") -> None:
        super().__init__(parent)
        self._routines = routines
        self.setWindowTitle(_("Coach settings"))
        self.ask_pain = QCheckBox(_("Ask my pain score before and after each routine"))
        self.ask_pain.setChecked(settings.ask_pain_around_routines)
        self.login = QCheckBox(_("Start Coach when I log in"))
        self.login.setChecked(start_at_login)
        column = QVBoxLayout(self)
        content = QWidget()
        sides = QHBoxLayout(content)  # two columns of about the same height
        sides.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._sound(settings))
        left.addWidget(self.ask_pain)
        left.addWidget(self.login)
        left.addLayout(self._language(settings))
        left.addWidget(self._hours(settings))
        left.addStretch()
        right.addWidget(self._breaks(settings, idle_source, quiet_sources))
        right.addStretch()
        sides.addLayout(left)
        sides.addLayout(right)
        column.addWidget(scrolled(content), 1)  # scrolls where the screen is too low
        # what sound and voice lack, across the whole width so the wrapped text stays short
        self.audio_note = self._note(column, audio_problem())
        self.speech_note = self._note(column, speech_problem())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        # two columns of long labels, wider in a longer language or with larger text; and
        # a window does not grow for its wrapped text by itself: make room for all of it,
        # as far as the screen allows
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen else None
        wide = max(MIN_WIDTH_PX, column.minimumSize().width())
        self.setMinimumWidth(min(wide, free.width() - 40) if free else wide)
        wanted = column.totalHeightForWidth(self.minimumWidth()) + sides.totalHeightForWidth(
            self.minimumWidth())
        room = free.height() - 60 if free else wanted
        self.resize(self.minimumWidth(), min(wanted, room))

    def _sound(self, settings: Settings) -> QGroupBox:
        group = QGroupBox(_("Sound and voice"))
        column = QVBoxLayout(group)
        form = QFormLayout()
        column.addLayout(form)
        self.sound = QCheckBox(_("Sound during routines (M switches it in the player)"))
        self.sound.setChecked(not settings.muted)
        self.theme = CalmComboBox()
        for key, label in THEMES:
            self.theme.addItem(_(label), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.cue_theme())))
        self.volume = _spin(settings.sound_volume, 0, 100, " %")
        self.voice = QCheckBox(_("Speak the steps aloud"))
        self.voice.setToolTip(_("The step, switching sides, rests, the last three seconds and "
                                "the end are spoken"))
        self.voice.setChecked(settings.voice_on)
        self.voice_volume = _spin(settings.voice_volume, 0, 100, " %")
        self.voice_rate = QSlider(Qt.Orientation.Horizontal)
        self.voice_rate.setRange(-10, 10)
        self.voice_rate.setValue(min(10, max(-10, settings.voice_rate)))
        self.voice_rate.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.voice_rate.setTickInterval(10)  # a mark at slowest, normal and fastest
        self.voice_rate.setPageStep(2)
        self.voice_rate.setAccessibleName(_("Voice speed, from -10 (slowest) to 10 (fastest)"))
        speed = QHBoxLayout()
        speed.addWidget(plain_label(_("slower"), "keys"))
        speed.addWidget(self.voice_rate, 1)
        speed.addWidget(plain_label(_("faster"), "keys"))
        form.addRow(self.sound)
        form.addRow(_sub(_("Cue sounds")), self.theme)
        form.addRow(_sub(_("Cue volume")), self.volume)
        form.addRow(self.voice)
        form.addRow(_sub(_("Voice volume")), self.voice_volume)
        form.addRow(_sub(_("Voice speed")), speed)
        _enabled_with(self.sound, self.theme, self.volume)
        _enabled_with(self.voice, self.voice_volume, self.voice_rate)
        problem = speech_problem()
        if problem is not None:  # nothing can speak: the option is shown, greyed, with why
            self.voice.setEnabled(False)
            self.voice.setToolTip(problem)
            for widget in (self.voice_volume, self.voice_rate):
                widget.setEnabled(False)
        name_fields(form)
        return group

    @staticmethod
    def _note(column: QVBoxLayout, problem: str | None) -> QLabel:
        """A note at the end of ``column``, shown only when there is a ``problem``."""
        note = plain_label(problem or "", "preview")
        note.setVisible(problem is not None)
        column.addWidget(note)
        return note

    def _breaks(self, settings: Settings, idle_source: str | None,
                quiet_sources: str) -> QGroupBox:
        group = QGroupBox(_("Break reminders"))
        column = QVBoxLayout(group)
        form = QFormLayout()
        column.addLayout(form)
        self.micro_on = QCheckBox(_("Micro-break"))
        self.micro_on.setChecked(settings.micro_break_on)
        self.micro_every = _spin(settings.micro_break_every_min, 5, 120, _(" min of activity"))
        self.micro_length = _spin(settings.micro_break_s, 10, 300, " s")
        self.rest_on = QCheckBox(_("Rest break"))
        self.rest_on.setChecked(settings.rest_break_on)
        self.rest_every = _spin(settings.rest_break_every_min, 15, 240, _(" min of activity"))
        self.rest_length = _spin(settings.rest_break_min, 1, 30, " min")
        form.addRow(self.micro_on)
        form.addRow(_sub(_("Every")), self.micro_every)
        form.addRow(_sub(_("Lasting")), self.micro_length)
        form.addRow(self.rest_on)
        self.rest_routine = CalmComboBox()
        for routine_id, title in self._routines:
            self.rest_routine.addItem(title, routine_id)
        chosen = self.rest_routine.findData(settings.rest_break_routine)
        self.rest_routine.setCurrentIndex(max(0, chosen))
        form.addRow(_sub(_("Every")), self.rest_every)
        form.addRow(_sub(_("Lasting")), self.rest_length)
        form.addRow(_sub(_("Routine played")), self.rest_routine)
        self.water = QCheckBox(_("Remind me to drink water at rest breaks"))
        self.water.setChecked(settings.hydration_nudge_on)
        form.addRow(self.water)
        self.screens = CalmComboBox()
        for choice, label in SCREEN_LABELS.items():
            self.screens.addItem(_(label), choice)
        self.screens.setCurrentIndex(max(0, self.screens.findData(settings.break_screens)))
        form.addRow(plain_label(_("Show breaks on")), self.screens)
        _enabled_with(self.micro_on, self.micro_every, self.micro_length)
        _enabled_with(self.rest_on, self.rest_every, self.rest_length, self.rest_routine,
                      self.water)
        self.full_screen = QCheckBox(_("Cover the whole screen during a break"))
        self.full_screen.setChecked(settings.break_full_screen)
        self.full_screen.setVisible(placement_is_free())  # else breaks are full screen anyway
        form.addRow(self.full_screen)
        self.strict = QCheckBox(_("Strict mode: no skipping breaks"))
        self.strict.setChecked(settings.break_strict)
        self.max_snoozes = _spin(settings.break_max_snoozes, 0, 3, _(" per break"))
        self.max_snoozes.setEnabled(settings.break_strict)
        self.strict.toggled.connect(self.max_snoozes.setEnabled)
        form.addRow(self.strict)
        form.addRow(_sub(_("Snoozes at most")), self.max_snoozes)
        if not placement_is_free():
            column.addWidget(plain_label(_(WAYLAND_NOTE), "preview"))
        source = (_("Activity is read from: {source}.").format(source=idle_source)
                  if idle_source else no_source_text())
        column.addWidget(plain_label(source, "preview"))
        if quiet_sources:
            column.addWidget(plain_label(_("A due break waits for: {sources}.").format(
                sources=quiet_sources), "preview"))
        name_fields(form)
        return group

    def _language(self, settings: Settings) -> QFormLayout:
        self.language = CalmComboBox()
        self.language.addItem(_("The system's ({language})").format(
            language=LANGUAGES[system_language()]), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form = QFormLayout()
        form.addRow(plain_label(_("Language")), self.language)
        form.addRow(plain_label(_("Coach speaks the language chosen when it starts again."),
                                "preview"))
        return form

    def _hours(self, settings: Settings) -> QGroupBox:
        group = QGroupBox(_("Working hours"))
        form = QFormLayout(group)
        self.hours_on = QCheckBox(_("Remind me only during working hours"))
        self.hours_on.setChecked(settings.working_hours_on)
        days = QHBoxLayout()
        self.days = []
        for number, name in enumerate(WEEKDAYS):
            box = QCheckBox(_(name))
            box.setChecked(number in settings.work_days)
            days.addWidget(box)
            self.days.append(box)
        start, end = settings.work_times()
        self.start_time = QTimeEdit(QTime(start.hour, start.minute))
        self.end_time = QTimeEdit(QTime(end.hour, end.minute))
        form.addRow(self.hours_on)
        form.addRow(_sub(_("Days")), days)
        form.addRow(_sub(_("From")), self.start_time)
        form.addRow(_sub(_("To")), self.end_time)
        _enabled_with(self.hours_on, *self.days, self.start_time, self.end_time)
        name_fields(form)
        return group

    def changes(self) -> dict[str, Any]:
        """The settings fields as the dialog shows them."""
        return {
            "muted": not self.sound.isChecked(),
            "ask_pain_around_routines": self.ask_pain.isChecked(),
            "sound_theme": self.theme.currentData() or "soft",
            "sound_volume": self.volume.value(),
            "language": str(self.language.currentData()),
            "voice_on": self.voice.isChecked(),
            "voice_volume": self.voice_volume.value(),
            "voice_rate": self.voice_rate.value(),
            "micro_break_on": self.micro_on.isChecked(),
            "micro_break_every_min": self.micro_every.value(),
            "micro_break_s": self.micro_length.value(),
            "rest_break_on": self.rest_on.isChecked(),
            "rest_break_every_min": self.rest_every.value(),
            "rest_break_min": self.rest_length.value(),
            "hydration_nudge_on": self.water.isChecked(),
            "break_screens": self.screens.currentData() or "all",
            "break_full_screen": self.full_screen.isChecked(),
            "break_strict": self.strict.isChecked(),
            "break_max_snoozes": self.max_snoozes.value(),
            "rest_break_routine": self.rest_routine.currentData() or "desk-posture-reset",
            "working_hours_on": self.hours_on.isChecked(),
            "work_days": [n for n, box in enumerate(self.days) if box.isChecked()],
            "work_start": _text(self.start_time.time()),
            "work_end": _text(self.end_time.time()),
        }

    @property
    def start_at_login(self) -> bool:
        return self.login.isChecked()


def _text(moment: QTime) -> str:
    return time(moment.hour(), moment.minute()).strftime("%H:%M")
