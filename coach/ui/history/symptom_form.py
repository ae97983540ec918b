"""The quick symptom log: pain 0-10, where, whether it was a spasm, and a note."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coach.core.clock import Clock
from coach.core.history.symptoms import AREAS, SymptomEntry, SymptomError, SymptomLog
from coach.core.history.wording import area_name
from coach.core.i18n import N_, _
from coach.ui.inputs import CalmComboBox
from coach.ui.player.pain_scale import SCALE_HINT, PainScale
from coach.ui.style import plain_label, push_button

INTRO = N_("Note how it feels, as often as you like. Where it hurts, how strongly and for how "
         "long is what a doctor or physiotherapist will want to know.")


class SymptomForm(QWidget):
    """Logs an entry in ``log`` at ``clock``'s time; emits ``logged`` with the entry kept."""

    logged = Signal(SymptomEntry)

    def __init__(self, log: SymptomLog, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self._clock = clock
        self.scale = PainScale()
        self.scale.chosen.connect(lambda _score: self._show_ready())
        self.area = CalmComboBox()
        self.area.addItems([area_name(area).capitalize() for area in AREAS])
        self.spasm = QCheckBox(_("It was a spasm (a sudden tight, cramping grip)"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(_("Anything worth remembering: what set it off, what "
                                       "helped, how long it lasted"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.log_button = push_button(_("Log it"), self.submit, primary=True)
        self.message = plain_label("")
        form = QFormLayout()
        form.addRow(plain_label(_("Pain")), self.scale)
        form.addRow("", plain_label(_(SCALE_HINT), "keys"))
        form.addRow(plain_label(_("Where")), self.area)
        form.addRow("", self.spasm)
        form.addRow(plain_label(_("Note")), self.note)
        column = QVBoxLayout(self)
        column.addWidget(plain_label(_(INTRO)))
        column.addLayout(form)
        column.addWidget(self.log_button)
        column.addWidget(self.message)
        column.addStretch()
        self._show_ready()

    def _show_ready(self) -> None:
        self.log_button.setEnabled(self.scale.value is not None)

    def submit(self) -> SymptomEntry | None:
        """Keep the entry as filled in, clear the form and return the entry; on a problem
        (a note that is too long) say so and keep it all. An entry the history cannot take
        yet is kept until it can, and the message says so."""
        pain = self.scale.value
        if pain is None:
            self.message.setText(_("Choose a pain score first."))
            return None
        note = self.note.toPlainText().strip()
        try:
            entry = self._log.add(self._clock.now(), pain, AREAS[self.area.currentIndex()],
                                  self.spasm.isChecked(), note)
        except SymptomError as error:
            self.message.setText(_("Not logged: {error}.").format(error=error))
            return None
        self.scale.clear()
        self.spasm.setChecked(False)
        self.note.clear()
        self._show_ready()
        waiting = f" {self._log.save_problem}" if self._log.save_problem else ""
        self.message.setText(_("Logged pain {score}/10 at {time}.").format(
            score=entry.pain, time=f"{entry.at.astimezone():%H:%M}") + waiting)
        self.scale.setFocus(Qt.FocusReason.OtherFocusReason)  # ready for the next entry
        self.logged.emit(entry)
        return entry
