"""The guided player: big countdown, the instruction, what comes next, and key controls."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from coach.core.format import clock_text, length_text, minutes_text
from coach.core.i18n import N_, _, ngettext
from coach.core.player.playback import (
    Countdown,
    Event,
    Finished,
    Interrupted,
    PlayerState,
    Segment,
    SegmentKind,
    SegmentStarted,
)
from coach.core.player.session import GuidedSession
from coach.core.player.voice import VoiceScript
from coach.core.routines.routine import SIDE_NAMES, SWITCH_TO
from coach.ui.accessibility import announce
from coach.ui.fitted_label import FittedLabel, FittedText
from coach.ui.looks import set_flag, wear
from coach.ui.player.end_tiles import EndTiles
from coach.ui.player.illustration_view import IllustrationView
from coach.ui.sounds import Cue, Sounds
from coach.ui.style import plain_label, scrolled
from coach.ui.ticker import Ticker

SHORT_LINES = 20
"""A player less than this many lines of its text high is short of room (large text on a
small screen): the lines that only repeat what the progress bar shows give way."""
KEYS_HINT = N_("Space pause/resume  ·  ← back  ·  → skip  ·  Esc stop  ·  M sound on/off  ·  "
               "W warning signs  ·  F11 full screen")
SEPARATOR = "  ·  "


def keys_line(hint: str) -> str:
    """``hint`` wrapped only after a separator: no key parted from what it does, and no dot
    alone on a line."""
    items = [item.replace(" ", "\u00a0") for item in hint.split(SEPARATOR)]
    return "\u00a0\u00a0·\u00a0 ".join(items)


class PlayerView(QWidget):
    """Plays ``session``. Keys: Space, Left, Right, Esc, M, W (listed unless ``keys_shown`` is
    False, for windows that do not take the keyboard). Emits ``finished`` when the routine
    ends or is stopped, ``closed`` when the user leaves the end screen (its button says
    ``done_text``), ``mute_toggled(bool)`` when sound is switched and ``safety_requested``
    for the warning signs. F11 shows the window full screen with very large text; Esc or
    F11 leaves full screen before Esc stops. The routine's cautions take the get-ready
    screen, or stand above the player all along with ``cautions_always`` (a break has little
    get-ready)."""

    closed = Signal()
    finished = Signal()
    mute_toggled = Signal(bool)
    title_changed = Signal(str)
    safety_requested = Signal()

    def __init__(self, session: GuidedSession, sounds: Sounds, parent: QWidget | None = None,
                 done_text: str = N_("Back to routines"), keys_shown: bool = True,
                 cautions_always: bool = False) -> None:
        super().__init__(parent)
        self.session = session
        self.sounds = sounds
        self._done_text = done_text
        self._keys_shown = keys_shown
        self._can_leave = True
        self._cautions_always = cautions_always
        self._big = False
        self._script = VoiceScript(session.routine, session.player.segments)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ticker = Ticker(self.tick, self)
        self._pages = QStackedLayout(self)
        self._pages.addWidget(self._build_playing())
        self._pages.addWidget(scrolled(self._build_ended()))  # large type, a question: long
        self.closed.connect(self.leave_full_screen)

    # -- layout ----------------------------------------------------------------------------

    def _build_playing(self) -> QWidget:
        page = self._playing = QWidget()
        self.routine_title = plain_label(self.session.routine.title, "preview")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_("Progress through the routine"))
        self.position = plain_label("", "preview")
        self.phase = plain_label("", "side")
        self.cautions = FittedText("notice")  # with large type on a small screen: smaller
        self.cautions.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.cautions.setText(self._cautions_text())
        self.cautions.setVisible(self._cautions_always and bool(self.session.routine.cautions))
        self.countdown = FittedLabel("countdown")
        self.countdown.setAccessibleDescription(_("Time left in this step"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_banner = FittedLabel("pausedBanner")
        self.paused_banner.setText(_("Paused · Space goes on"))
        self.paused_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_banner.hide()
        self.step_name = FittedText("stepName")  # smaller, never cut, when room is short
        self.step_name.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.instruction = FittedText("instruction", yields=True)  # the countdown comes first
        self.next_preview = plain_label("", "preview")
        self.save_problem = plain_label("", "notice")
        self.save_problem.hide()
        self.away_notice = plain_label("", "notice")
        self.away_notice.hide()
        column = QVBoxLayout(page)
        column.addWidget(self.routine_title)
        column.addWidget(self.progress)
        column.addWidget(self.position)
        column.addWidget(self.phase)
        column.addWidget(self.cautions)
        self.illustration = IllustrationView(self.session)
        self._words = words = QVBoxLayout()
        words.addWidget(self.countdown)
        words.addWidget(self.paused_banner)
        words.addWidget(self.step_name)
        words.addWidget(self.instruction, 1)
        self._middle = middle = QHBoxLayout()
        middle.addWidget(self.illustration, 2)
        middle.addLayout(words, 3)
        column.addLayout(middle, 1)
        column.addWidget(self.next_preview)
        column.addWidget(self.save_problem)
        column.addWidget(self.away_notice)
        column.addLayout(self._build_controls())
        if self._keys_shown:
            column.addWidget(plain_label(keys_line(_(KEYS_HINT)), "keys"))
        return page

    def _build_controls(self) -> QHBoxLayout:
        self.back_button = self._button(_("← Back"), self.back)
        self.pause_button = self._button(_("Pause"), self.toggle_pause)
        self.skip_button = self._button(_("Skip →"), self.skip)
        self.stop_button = self._button(_("Stop"), self.stop)
        self.mute_button = self._button("", self.toggle_mute)
        self.safety_button = self._button(_("Warning signs"), self.show_warning_signs)
        self.safety_button.setToolTip(_("When to stop and get medical help"))
        self._show_mute()
        row = QHBoxLayout()
        for button in (self.back_button, self.pause_button, self.skip_button,
                       self.stop_button, self.mute_button, self.safety_button):
            row.addWidget(button)
        return row

    def hide_leaving(self, keys_too: bool = True) -> None:
        """Back, Skip and Stop go from the screen; with ``keys_too``, their keys stop working
        as well (no way to cut the routine short: strict mode)."""
        self._can_leave = not keys_too
        for button in (self.back_button, self.skip_button, self.stop_button):
            button.hide()

    def _button(self, text: str, action: object) -> QPushButton:
        button = QPushButton(text)
        wear(button, "button")  # larger in full screen
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys always reach the player
        button.clicked.connect(action)
        return button

    def _build_ended(self) -> QWidget:
        page = QWidget()
        self.end_heading = plain_label("", "endHeading")
        self.end_tiles = EndTiles()
        self.end_summary = plain_label("", "preview")
        done_text = _(self._done_text)
        done = QPushButton(_("{action}  (Enter)").format(action=done_text) if self._keys_shown
                           else done_text)
        wear(done, "primary")
        done.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        done.clicked.connect(self.closed)
        self._end_column = QVBoxLayout(page)
        column = self._end_column
        column.addStretch()
        column.addWidget(self.end_heading)
        column.addWidget(self.end_tiles)
        column.addWidget(self.end_summary)
        column.addWidget(done)
        column.addStretch()
        return page

    def add_to_end_page(self, widget: QWidget) -> None:
        """Show ``widget`` on the end screen, above its button, at once (so it can take the
        keyboard)."""
        self._end_column.insertWidget(self._end_column.count() - 2, widget)
        widget.show()

    # -- actions ---------------------------------------------------------------------------

    def start(self) -> None:
        self._handle(self.session.start())
        self.ticker.start()
        self.illustration.start()
        self.setFocus()

    def toggle_pause(self) -> None:
        self._handle(self.session.toggle_pause())

    def skip(self) -> None:
        self._handle(self.session.skip())

    def back(self) -> None:
        self._handle(self.session.back())

    def stop(self) -> None:
        """End early; the session is kept in history as partial."""
        self._handle(self.session.stop())

    def toggle_mute(self) -> None:
        self.sounds.muted = not self.sounds.muted
        self._show_mute()
        self.mute_toggled.emit(self.sounds.muted)

    def show_warning_signs(self) -> None:
        """W: the routine pauses while the warning signs are read."""
        if self.session.player.state is PlayerState.RUNNING:
            self.toggle_pause()
        self.safety_requested.emit()

    @property
    def full_screen(self) -> bool:
        return self.window().isFullScreen()

    def toggle_full_screen(self) -> None:
        """F11: the window full screen with very large text, or back as it was."""
        if self.full_screen:
            self.leave_full_screen()
        else:
            self.window().showFullScreen()
            self._set_big(True)

    def leave_full_screen(self) -> None:
        if self.full_screen:
            self.window().showNormal()
        self._set_big(False)

    def _set_big(self, big: bool) -> None:
        """Floor mode: the drawing as large as the words beside it and the countdown as large
        as its share of the screen allows; or the usual layout."""
        set_flag(self, "bigText", big)
        self._big = big
        self.countdown.fill = big
        self._show_spares()
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().setVisible(not big)
        self._middle.setStretch(0, 1 if big else 2)
        self._middle.setStretch(1, 1 if big else 3)
        self._words.setStretch(0, 1 if big else 0)
        self._words.setStretch(3, 2 if big else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._show_spares()

    def _show_spares(self) -> None:
        """The routine's title, the step count and what comes next give their lines to the
        step itself in floor mode, and when large text leaves the player short of room."""
        short = self.height() < SHORT_LINES * self.fontMetrics().lineSpacing()
        for spare in (self.routine_title, self.position):
            spare.setVisible(not (self._big or short))
        self.next_preview.setVisible(not short)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        ended = not self.session.player.is_active
        if key == Qt.Key.Key_F11 or (key == Qt.Key.Key_Escape and self.full_screen):
            self.toggle_full_screen()
            return
        leave = self._can_leave
        actions = {
            Qt.Key.Key_Space: self.toggle_pause,
            Qt.Key.Key_Right: self.skip if leave else None,
            Qt.Key.Key_Left: self.back if leave else None,
            Qt.Key.Key_Escape: self.closed.emit if ended else self.stop if leave else None,
            Qt.Key.Key_M: self.toggle_mute,
            Qt.Key.Key_W: self.show_warning_signs,
            Qt.Key.Key_Return: self.closed.emit if ended else None,
            Qt.Key.Key_Enter: self.closed.emit if ended else None,
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)
        else:
            action()

    # -- display ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Catch up with the clock, as the ticker does ten times a second."""
        self._handle(self.session.tick())

    def _handle(self, events: list[Event]) -> None:
        for event in events:
            self._cue(event)
        if self.session.player.is_active:
            self._refresh()
        else:
            self.ticker.stop()
            self.illustration.stop()
            self._show_ended()

    def _cue(self, event: Event) -> None:
        line = self._script.line_for(event, self.session.player.index)
        self.sounds.speak(line)
        if line and isinstance(event, SegmentStarted | Finished):  # once a step, never a tick
            announce(self, line)
        if isinstance(event, SegmentStarted):
            kind = event.segment.kind
            if kind is SegmentKind.SWITCH:
                self.sounds.play(Cue.SWITCH)
            else:
                self.sounds.play(Cue.START if kind is SegmentKind.READY else Cue.STEP)
        elif isinstance(event, Countdown):
            self.sounds.play(Cue.TICK)
        elif isinstance(event, Finished):
            self.sounds.play(Cue.DONE)
        elif isinstance(event, Interrupted):
            self.away_notice.setText(_(
                "Paused where you were: Coach could not follow the routine for {length} "
                "(the computer slept or was too busy). That time is not counted. Press Space "
                "to go on.").format(length=minutes_text(event.away_s)))

    def _refresh(self) -> None:
        player = self.session.player
        now = self.session.now()
        segment = player.current
        remaining = player.remaining_s(now)
        self.progress.setValue(round(player.progress(now) * 1000))
        self.countdown.setText(clock_text(remaining))
        phase = self._phase_text(segment, remaining)
        self.phase.setText(phase)
        self.phase.setVisible(bool(phase))
        self._show_step(segment)
        self.illustration.refresh()
        ready = segment.kind is SegmentKind.READY
        first = _("First: {step}").format(step=self.session.routine.steps[0].name) + (
            _("  ·  → to begin now") if self._keys_shown else "")
        self.next_preview.setText(first if ready else self._preview_text(player.next_exercise()))
        paused = player.state is PlayerState.PAUSED
        self.pause_button.setText(_("Resume") if paused else _("Pause"))
        if bool(self._playing.property("paused")) != paused:
            set_flag(self._playing, "paused", paused)
            self.paused_banner.setVisible(paused)
        self.away_notice.setVisible(paused and bool(self.away_notice.text()))
        if not paused:
            self.away_notice.clear()
        self.save_problem.setText(self.session.save_problem or "")
        self.save_problem.setVisible(self.session.save_problem is not None)
        self.title_changed.emit(f"{clock_text(remaining)} · {self.session.routine.title}")

    def _phase_text(self, segment: Segment, remaining_s: float) -> str:
        parts = [_("Paused")] if self.session.player.state is PlayerState.PAUSED else []
        if segment.kind is SegmentKind.READY:
            parts.append(_("Get ready"))
        elif segment.kind is SegmentKind.SWITCH:
            parts.append(_(SWITCH_TO[str(segment.side)]))
        elif segment.kind is SegmentKind.EXERCISE:
            if segment.side:
                parts.append(_(SIDE_NAMES[segment.side]))
            parts.append(self._rep_text(segment, remaining_s))
        return "  ·  ".join(p for p in parts if p)

    def _rep_text(self, segment: Segment, remaining_s: float) -> str:
        assert segment.step_index is not None
        step = self.session.routine.steps[segment.step_index]
        if not step.reps or not step.seconds_per_rep:
            return ""
        elapsed = segment.duration_s - remaining_s
        rep = min(step.reps, int(elapsed // step.seconds_per_rep) + 1)
        return _("Rep {rep} of {reps}").format(rep=rep, reps=step.reps)

    def _show_step(self, segment: Segment) -> None:
        steps = self.session.routine.steps
        if segment.kind is SegmentKind.READY:
            cautions = self.session.routine.cautions and not self._cautions_always
            self.step_name.setText(_("Before you start") if cautions
                                   else _("First: {step}").format(step=steps[0].name))
            self.instruction.setText(self._cautions_text() if cautions else steps[0].instruction)
            self.position.setText(ngettext("{count} step", "{count} steps", len(steps)).format(
                count=len(steps)))
            return
        assert segment.step_index is not None
        step = steps[segment.step_index]
        self.position.setText(_("Step {number} of {total}").format(
            number=segment.step_index + 1, total=len(steps)))
        if segment.kind is SegmentKind.REST:
            self.step_name.setText(_("Rest"))
            self.instruction.setText(_("Breathe slowly and let your shoulders soften."))
            return
        name = step.name if not step.reps else step.name + " · " + ngettext(
            "{count} rep", "{count} reps", step.reps).format(count=step.reps)
        self.step_name.setText(name)
        self.instruction.setText(step.instruction)

    def _cautions_text(self) -> str:
        return "\n".join(f"• {caution}" for caution in self.session.routine.cautions)

    def _preview_text(self, upcoming: Segment | None) -> str:
        if upcoming is None or upcoming.step_index is None:
            return _("Next: the end")
        step = self.session.routine.steps[upcoming.step_index]
        if upcoming.side:
            return _("Next: {step} ({side})").format(
                step=step.name, side=_(SIDE_NAMES[upcoming.side]).lower())
        return _("Next: {step}").format(step=step.name)

    def _show_ended(self) -> None:
        player = self.session.player
        skipped = player.exercises_total - player.exercises_completed
        self.end_heading.setText(
            _("Well done.") if player.completed else
            ngettext("Finished, with {count} skipped.", "Finished, with {count} skipped.",
                     skipped).format(count=skipped) if player.state is PlayerState.FINISHED
            else _("Stopped early."))
        sides = any(step.sides for step in self.session.routine.steps)
        saved = (self.session.save_problem or
                 (_("It is in your history.") if self.session.saved else
                  _("It could not be saved: see the notice in the library.")))
        self.end_tiles.show_tile("spent", length_text(player.active_s(self.session.now())),
                                 _("spent"))
        self.end_tiles.show_tile("done", _("{done} of {total}").format(
            done=player.exercises_completed, total=player.exercises_total),
            _("exercises done (each side counts)") if sides else _("exercises done"))
        self.end_summary.setText(f"{self.session.routine.title}. {saved}")
        self.title_changed.emit("")
        if self._pages.currentIndex() != 1:
            self._pages.setCurrentIndex(1)
            self.finished.emit()

    def _show_mute(self) -> None:
        """Sound on or off, or none to be had here (the button's tooltip says why)."""
        problem = None if self.sounds.muted else self.sounds.problem()
        self.mute_button.setText(_("Sound: off") if self.sounds.muted else
                                 _("Sound: unavailable") if problem else _("Sound: on"))
        self.mute_button.setToolTip(problem or "")
