"""The break on screen: a notice just before it, then a window that plays its routine, and a
calm cover with the time left on every other screen.

All stay on top without taking the keyboard from whatever the user is typing into (where the
desktop lets them: see coach.ui.breaks.screens).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coach.core.breaks.scheduler import BreakKind
from coach.core.clock import Clock
from coach.core.format import clock_text
from coach.core.i18n import N_, _, ngettext
from coach.core.player.session import GuidedSession
from coach.platform.memory import hand_back_after
from coach.ui.breaks.screens import BreakScreens, show_on
from coach.ui.fitted_label import FittedLabel
from coach.ui.looks import calm, wear
from coach.ui.player.player_view import SHORT_LINES, PlayerView
from coach.ui.sounds import Sounds
from coach.ui.style import plain_label, text_scale

QUIET_WINDOW = Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
KEYS_AFTER_MS = 3000
"""Keys answer a break only this long after it shows: a desktop that gives the new window the
keyboard (Wayland compositors do) must not let the user's typing snooze or skip it, as Safe
Eyes also guards."""
BREAK_PLAYER_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_M, Qt.Key.Key_W)
"""The player's keys a break window takes: pause, sound, warning signs; the arrows too where
a break may be left (not in strict mode). Esc, Enter and F11 are not: a break is not left or
resized by a stray key."""


TIME_FOR = {BreakKind.MICRO: N_("Time for a micro-break"),
            BreakKind.REST: N_("Time for a rest break")}
WINDOW_TITLES = {BreakKind.MICRO: N_("Coach: micro-break"),
                 BreakKind.REST: N_("Coach: rest break")}


def soon_text(kind: BreakKind, seconds: int) -> str:
    """"A micro-break in 10 seconds", in the language Coach speaks."""
    if kind is BreakKind.MICRO:
        text = ngettext("A micro-break in {count} second", "A micro-break in {count} seconds",
                        seconds)
    else:
        text = ngettext("A rest break in {count} second", "A rest break in {count} seconds",
                        seconds)
    return text.format(count=seconds)


def _quiet(widget: QWidget) -> None:
    """On top, but shown without taking the keyboard from what the user is typing into; it
    can still be reached with Alt+Tab or a click, and then driven from the keyboard."""
    widget.setWindowFlags(QUIET_WINDOW)
    widget.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


class BreakAnswers(QWidget):
    """The answers to a break, as buttons and keys (``press``): Start now (Enter, where
    offered), Snooze 5 min (S, unless ``can_snooze`` is False: strict mode, snoozed enough)
    and Skip (K, unless ``can_skip`` is False: strict mode). Each emits its signal."""

    start_now = Signal()
    snooze = Signal()
    skip = Signal()

    def __init__(self, with_start: bool, can_snooze: bool = True,
                 can_skip: bool = True) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        offered = [(_("Start now  (Enter)"), _("Start the break now"), self.start_now,
                    (Qt.Key.Key_Return, Qt.Key.Key_Enter), with_start),
                   (_("Snooze 5 min  (S)"), _("Snooze the break for 5 minutes"), self.snooze,
                    (Qt.Key.Key_S,), can_snooze),
                   (_("Skip this break  (K)"), _("Skip this break"), self.skip, (Qt.Key.Key_K,),
                    can_skip)]
        self._keys: dict[Qt.Key, SignalInstance] = {}
        self._shown = QElapsedTimer()
        for text, name, signal, keys, shown in offered:
            if not shown:
                continue
            button = QPushButton(text)
            wear(button, "button")
            button.setAccessibleName(name)
            # no keyboard focus: a focused button takes Space from typing that lands here;
            # the keys (after KEYS_AFTER_MS) answer instead
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal)
            row.addWidget(button)
            self._keys.update(dict.fromkeys(keys, signal))

    def start_keys(self) -> None:
        """The answers are on screen: keys answer from KEYS_AFTER_MS on."""
        self._shown.start()

    def keys_live(self) -> bool:
        return self._shown.isValid() and self._shown.elapsed() >= KEYS_AFTER_MS

    def press(self, key: Qt.Key) -> bool:
        """Answer as the key ``key`` says, once keys are live; False if it answers nothing
        (or it is too soon)."""
        signal = self._keys.get(key)
        if signal is None or not self.keys_live():
            return False
        signal.emit()
        return True


class BreakNotice(QWidget):
    """"A micro-break in 10 seconds", counting down on ``clock`` while it shows, at the bottom
    right of the screen, with the answers."""

    def __init__(self, kind: BreakKind, in_s: float, clock: Clock, can_snooze: bool = True,
                 can_skip: bool = True) -> None:
        super().__init__()
        _quiet(self)
        self.setWindowTitle(_("Coach: break soon"))
        self._kind, self._clock = kind, clock
        self._due_s = clock.monotonic() + in_s
        self.answers = BreakAnswers(True, can_snooze, can_skip)
        self.soon = plain_label("", "section")
        self.count_down()
        self._ticks = QTimer(self)
        self._ticks.setInterval(1000)
        self._ticks.timeout.connect(self.count_down)
        column = QVBoxLayout(self)
        column.addWidget(self.soon)
        column.addWidget(plain_label(_("Time to let your back and shoulders move."),
                                     "preview"))
        column.addWidget(self.answers)

    def count_down(self) -> None:
        """Show the whole seconds left before the break (at least 1: it may be held back)."""
        self.soon.setText(soon_text(self._kind,
                                    max(1, round(self._due_s - self._clock.monotonic()))))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.answers.press(Qt.Key(event.key())):
            super().keyPressEvent(event)

    def show_in_corner(self, screen: QScreen | None) -> None:
        """Show at the bottom right of ``screen`` (the primary one if None). Its size is
        fixed, which tiling desktops (sway, i3) take as a sign to float it, not tile it."""
        self.adjustSize()
        self.setFixedSize(self.size())
        screen = screen or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setScreen(screen)
            area = screen.availableGeometry()
            self.move(area.right() - self.width() - 24, area.bottom() - self.height() - 24)
        self.show()
        self.answers.start_keys()
        self._ticks.start()


class BreakCover(QWidget):
    """What a screen without the routine shows during a break: that it is break time, and
    how long is left of ``session`` (``refresh``)."""

    def __init__(self, kind: BreakKind, session: GuidedSession) -> None:
        super().__init__()
        _quiet(self)
        self.setWindowTitle(_("{title} · time left").format(title=_(WINDOW_TITLES[kind])))
        self._session = session
        self.resize(640, 320)
        self.heading = plain_label(_(TIME_FOR[kind]), "heading")
        self.time_left = FittedLabel("timerLeft")
        column = QVBoxLayout(self)
        column.addStretch()
        for label in (self.heading, self.time_left,
                      plain_label(_("The routine plays on your other screen."), "preview")):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch()
        calm(self)

    def refresh(self) -> None:
        """Show the time left of the whole break."""
        player = self._session.player
        self.time_left.setText(clock_text(player.left_s(self._session.now())))


def _roomy_size() -> QSize:
    """Big enough that a step's instruction fits beside its picture, with the type as large
    as it is now, within the screen."""
    screen = QGuiApplication.primaryScreen()
    wanted = QSize(1120, 760) * text_scale()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size()
    return wanted.boundedTo(QSize(int(room.width() * 0.95), int(room.height() * 0.95)))


class BreakWindow(QWidget):
    """Plays the break's routine, under ``note`` if one is given. ``ended(kind)`` when it
    finishes, is left or is closed (the break counts as taken); ``answers`` offers snooze and
    skip, after which the controller calls ``dismiss``."""

    ended = Signal(BreakKind)
    CLOSE_AFTER_MS = 4000

    def __init__(self, kind: BreakKind, session: GuidedSession, sounds: Sounds,
                 note: str = "", can_snooze: bool = True, can_skip: bool = True) -> None:
        super().__init__()
        _quiet(self)
        self.kind = kind
        self._over = False
        self.covers: list[BreakCover] = []
        self.setWindowTitle(_(WINDOW_TITLES[kind]))
        self.resize(_roomy_size())
        self.answers = BreakAnswers(False, can_snooze, can_skip)
        self.player = PlayerView(session, sounds, done_text=N_("Back to work"), keys_shown=False,
                                 cautions_always=True)
        self._player_keys = BREAK_PLAYER_KEYS + ((Qt.Key.Key_Left, Qt.Key.Key_Right)
                                                 if can_skip else ())
        self._can_skip = can_skip
        # Snooze and Skip this break answer the break: the player's own Back, Skip and Stop
        # would only compete with them (its arrow keys still move between steps)
        self.player.hide_leaving(keys_too=not can_skip)
        self.player.installEventFilter(self)  # the player's keys pass through this window
        self.player.closed.connect(self._finish)
        self.player.safety_requested.connect(self._show_safety)
        self.player.finished.connect(self.answers.hide)  # over: nothing left to snooze
        self.player.finished.connect(
            lambda: QTimer.singleShot(self.CLOSE_AFTER_MS, self, self._finish))
        self.time_left = FittedLabel("breakLeft")
        self.time_left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.player.title_changed.connect(lambda _title: self._show_time_left())
        top = QHBoxLayout()
        top.addWidget(plain_label(_(TIME_FOR[kind]), "heading"), 2)  # on one line if it can
        top.addWidget(self.time_left, 1)  # smaller where the line is short
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 12)
        column.addLayout(top)
        self.note = plain_label(note, "preview")
        self.note.setVisible(bool(note))
        column.addWidget(self.note)
        column.addWidget(self.player, 1)
        bottom = QHBoxLayout()  # quiet, in a corner: there when wanted, not in the way
        bottom.addStretch()
        bottom.addWidget(self.answers)
        column.addLayout(bottom)
        calm(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Large text on a small screen: the note gives its lines to the step."""
        super().resizeEvent(event)
        short = self.height() < SHORT_LINES * 1.5 * self.fontMetrics().lineSpacing()
        self.note.setVisible(bool(self.note.text()) and not short)

    def _show_time_left(self) -> None:
        player = self.player.session.player
        self.time_left.setText(_("{time} left of your break").format(
            time=clock_text(player.left_s(self.player.session.now()))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Keys that reach the player (it has the focus in this window) go through
        ``keyPressEvent``: the player never acts on a key by itself here."""
        if watched is self.player and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            self.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Once reached (Alt+Tab, a click) and after KEYS_AFTER_MS: S snoozes, K skips, and
        some of the player's keys work (BREAK_PLAYER_KEYS). Other keys do nothing."""
        key = Qt.Key(event.key())
        if not self.answers.keys_live():
            return
        if self.answers.isVisible() and self.answers.press(key):
            return
        if key in self._player_keys:
            self.player.keyPressEvent(event)  # a direct call: no event filter sees it

    def _show_safety(self) -> None:
        from coach.ui.safety_dialog import SafetyDialog

        self._safety = SafetyDialog(False)
        self._safety.show()

    def begin(self, screens: BreakScreens | None = None, full_screen: bool = False) -> None:
        """Show the window on ``screens.main`` and a cover on each of ``screens.covered``
        (full screen if asked), and play the routine. It takes the keyboard only from
        Coach's own window: keys meant for the break must not land on a button there."""
        from_coach = QApplication.activeWindow() is not None
        if screens is None:
            self.show()
        else:
            show_on(self, screens.main, full_screen)
            for screen in screens.covered:
                cover = BreakCover(self.kind, self.player.session)
                self.player.title_changed.connect(lambda _title, c=cover: c.refresh())
                show_on(cover, screen, full_screen)
                self.covers.append(cover)
        if from_coach:
            self.activateWindow()
        self.answers.start_keys()
        self.player.start()

    def dismiss(self) -> None:
        """Close without counting the break (it was snoozed or skipped, or Coach quits); its
        routine leaves no session in the history."""
        self._over = True
        self.player.session.discard()
        self.close()

    def _finish(self) -> None:
        if not self._over:
            self._over = True
            self.ended.emit(self.kind)
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing the window ends the break early; it still counts as taken. The covers on
        the other screens go with it. In strict mode the user cannot close it (Coach still
        can, as it quits)."""
        if not self._over and not self._can_skip:
            event.ignore()
            return
        self.player.stop()
        self._finish()
        for cover in self.covers:
            cover.close()
            cover.deleteLater()
        self.covers.clear()
        super().closeEvent(event)
        hand_back_after(self)
        self.deleteLater()
