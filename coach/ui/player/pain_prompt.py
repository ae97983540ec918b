"""The pain question asked before and after a routine: one key press, or skip."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from coach.core.clock import Clock
from coach.core.guidance import pain_after_routine
from coach.core.history.store import HistoryStore
from coach.core.history.symptoms import SymptomLog
from coach.core.i18n import N_, _
from coach.core.player.session import GuidedSession
from coach.ui.player.pain_scale import SCALE_HINT, PainScale
from coach.ui.style import plain_label

if TYPE_CHECKING:
    from coach.ui.player.player_view import PlayerView

QUESTIONS = {"before": N_("Before you start: how strong is the pain right now?"),
             "after": N_("And now, how strong is the pain?")}


class PainPrompt(QWidget):
    """Asks for a 0-10 score ``before`` or ``after`` a routine. Emits ``answered(score)`` or
    ``skipped`` (the S key or the Skip button), once. Before a routine, Esc emits ``cancelled``
    (the routine is not started); after one, Esc is left to the player."""

    answered = Signal(int)
    skipped = Signal()
    cancelled = Signal()

    def __init__(self, moment: str, context: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.moment = moment
        self.question = plain_label(_(QUESTIONS[moment]), "stepName")
        self.context = plain_label(context, "preview")
        self.context.setVisible(bool(context))
        self.scale = PainScale()
        self.scale.chosen.connect(self._answer)
        skip = self._skip = QPushButton(_("Skip  (S)"))
        skip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        skip.clicked.connect(lambda: self._answer(None))
        row = QHBoxLayout()
        row.addWidget(plain_label(_(SCALE_HINT) + " " + _("Your answers show in History."),
                                  "keys"), 1)
        row.addWidget(skip)
        column = QVBoxLayout(self)
        if moment == "before":
            column.addStretch()
        column.addWidget(self.context)
        column.addWidget(self.question)
        column.addWidget(self.scale)
        column.addLayout(row)
        if moment == "before":
            column.addStretch()

    def ask(self) -> None:
        """Take the keyboard, so a number key answers."""
        self.scale.setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer(self, score: int | None) -> None:
        self.scale.setEnabled(False)
        self._skip.setEnabled(False)
        if score is None:
            self.question.setText(_("Skipped."))
            self.skipped.emit()
        else:
            self.question.setText(_("Noted: pain {score}/10.").format(score=score))
            self.answered.emit(score)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_S and self._skip.isEnabled():
            self._answer(None)
        elif event.key() == Qt.Key.Key_Escape and self.moment == "before":
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class PainQuestions(QObject):
    """Asks for pain scores around routines played on ``pages`` and keeps them in the symptom
    log of ``store``, tied to the session. Emits ``kept(problem)`` after each score: "" when it
    was written, else why it waits to be."""

    kept = Signal(str)

    def __init__(self, pages: QStackedWidget, store: HistoryStore, clock: Clock) -> None:
        super().__init__(pages)
        self._pages = pages
        self._log = SymptomLog(store)
        self._clock = clock

    def ask_before(self, title: str, start: Callable[[int | None], None]) -> None:
        """Show the question before routine ``title`` over the current page; on an answer or
        skip go back and call ``start(score)`` (None when skipped); on Esc just go back."""
        home = self._pages.currentIndex()
        prompt = PainPrompt("before", _("{routine} starts next. Esc goes back to the list.").format(
            routine=title))
        self._pages.addWidget(prompt)
        self._pages.setCurrentWidget(prompt)
        prompt.ask()

        def leave(go: bool, score: int | None = None) -> None:
            self._pages.removeWidget(prompt)
            self._pages.setCurrentIndex(home)
            prompt.deleteLater()
            if go:
                start(score)

        prompt.answered.connect(lambda score: leave(True, score))
        prompt.skipped.connect(lambda: leave(True))
        prompt.cancelled.connect(lambda: leave(False))

    def ask_after(self, view: PlayerView, before: int | None) -> None:
        """Ask on ``view``'s end screen once the routine ends, if any exercise was done; a
        score that rose from ``before`` or is high gets advice to stop for today, with the
        warning signs a key away."""
        def answered(score: int) -> None:
            self.keep(view.session, score, "after")
            view.end_tiles.show_tile("pain", *pain_words(before, score))
            advice = pain_after_routine(before, score)
            if advice is not None:
                view.add_to_end_page(_StopForToday(advice, view.safety_requested.emit))
            view.setFocus()

        def ask() -> None:
            if view.session.player.exercises_completed == 0:
                return
            prompt = PainPrompt("after")
            view.add_to_end_page(prompt)
            prompt.ask()
            prompt.answered.connect(answered)
            prompt.skipped.connect(view.setFocus)

        view.finished.connect(ask)

    def keep(self, session: GuidedSession, score: int, moment: str) -> None:
        self._log.add_around_routine(self._clock.now(), score, session.session_id, moment)
        self.kept.emit(self._log.save_problem or "")


def pain_words(before: int | None, after: int) -> tuple[str, str]:
    """The pain tile of an end screen: its figure and words."""
    if before is None:
        return f"{after}/10", _("pain now")
    if after < before:
        return f"{before} → {after}", _("pain, down")
    if after > before:
        return f"{before} → {after}", _("pain, up")
    return f"{after}/10", _("pain, as before")


class _StopForToday(QWidget):
    """Advice to stop for today after a pain score that rose or is high, and a button to
    the warning signs (the W key does the same in the player)."""

    def __init__(self, advice: str, show_safety: Callable[[], None]) -> None:
        super().__init__()
        self.advice = plain_label(advice, "notice")
        button = QPushButton(_("Warning signs  (W)"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(show_safety)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.advice)
        column.addLayout(row)

