"""The main window: routines and cold/heat timers in tabs, and the player when a routine runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QStatusBar, QTabWidget

from coach.core.clock import Clock
from coach.core.format import length_text
from coach.core.history.store import HistoryError, HistoryStore
from coach.core.history.summaries import day_figures
from coach.core.i18n import _, ngettext
from coach.core.player.playback import reading_s
from coach.core.player.session import GuidedSession
from coach.core.routines.library import Library
from coach.core.routines.routine import Routine
from coach.core.settings import SettingsStore
from coach.paths import icon_files
from coach.platform.memory import hand_back_after
from coach.ui.player.pain_prompt import PainQuestions
from coach.ui.routines.library_view import RECENT_SESSIONS, LibraryView
from coach.ui.safety_gate import SafetyGate
from coach.ui.sounds import Sounds
from coach.ui.style import plain_label, text_scale
from coach.ui.therapy.alarms import TherapyAlarms
from coach.ui.therapy.tab import TherapyTab

if TYPE_CHECKING:  # these load when first used, not at start-up
    from coach.ui.player.player_view import PlayerView
    from coach.ui.therapy.view import TherapyView

STATUS_MS = 15_000
"""How long a message stays in the status bar (notices also stay above the routine list)."""
MIN_WIDTH, MIN_HEIGHT = 760, 600
TITLE_BAR_PX = 40
"""Room kept for the window's title bar when the window is as high as the screen."""
"""Below this the large player text would not fit."""


def app_icon() -> QIcon:
    """Coach's icon, at every size it ships."""
    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon


class MainWindow(QMainWindow):
    """Shows the library and the cold/heat panel; ``start_routine`` plays a routine (through
    ``gate``, the safety notice) with the pain questions around it where the user wants them,
    after time to read its cautions.

    Closing the window stops a routine (kept as partial) and emits ``close_requested``: whoever
    owns the window decides whether Coach quits (``close_for_good``) or keeps running.
    ``quit_requested``, ``settings_requested`` and ``history_requested(tab)`` come from keys and
    buttons; ``player_title_changed`` carries the playing routine's part of the title.
    """

    close_requested = Signal()
    closed = Signal()
    quit_requested = Signal()
    settings_requested = Signal()
    zoom_requested = Signal(int)
    """Text larger (1), smaller (-1) or back to its usual size (0)."""
    history_requested = Signal(str)
    player_title_changed = Signal(str)

    def __init__(self, library: Library, store: HistoryStore, settings: SettingsStore,
                 clock: Clock, sounds: Sounds, gate: SafetyGate,
                 alarms: TherapyAlarms) -> None:
        super().__init__()
        self.store, self.settings, self.clock, self.sounds = store, settings, clock, sounds
        self._gate = gate
        self._closing_for_good = False
        self.player_view: PlayerView | None = None
        self.setWindowIcon(app_icon())
        self.resize(960, 680)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.tabs = QTabWidget()
        self.pages.addWidget(self.tabs)
        self.library_view = LibraryView(library)
        self.therapy_page = TherapyTab(alarms, gate)
        self.tabs.addTab(self.library_view, _("Routines"))
        self.tabs.addTab(self.therapy_page, _("Cold and heat"))
        self.pain_questions = PainQuestions(self.pages, store, clock)
        self.pain_questions.kept.connect(self.report)
        self.setStatusBar(QStatusBar())
        self.break_status = plain_label("", "preview")
        self.break_status.setWordWrap(False)
        self.statusBar().addPermanentWidget(self.break_status)
        self._connect_requests()
        self.tabs.currentChanged.connect(lambda _index: self._focus_tab())
        self._focus_tab()
        self.show_recent()

    def fit_text(self) -> None:
        """Let the window get no smaller than its content needs with the type as large as
        it is now (at 200 %, twice as wide and high), within the screen's free area: larger
        text is never cut off."""
        free = self.screen().availableGeometry()
        grow = text_scale()
        border = self.frameGeometry().width() - self.width()
        self.setMinimumSize(min(round(MIN_WIDTH * grow), free.width() - border),
                            min(round(MIN_HEIGHT * grow), free.height() - TITLE_BAR_PX))
        # grown to the right and down: moved back so that all of it is on the screen (where
        # the desktop lets an app place its windows; Wayland's place them itself)
        frame = self.frameGeometry()
        left = max(free.left(), min(frame.left(), free.right() + 1 - frame.width()))
        top = max(free.top(), min(frame.top(), free.bottom() + 1 - frame.height()))
        if (left, top) != (frame.left(), frame.top()):
            self.move(left, top)

    def _connect_requests(self) -> None:
        self.library_view.start_requested.connect(self.start_routine)
        self.library_view.safety_requested.connect(self._gate.show_notice)
        self.library_view.settings_requested.connect(self.settings_requested)
        self.library_view.history_requested.connect(lambda: self.history_requested.emit("timeline"))
        QShortcut(QKeySequence.StandardKey.Quit, self, self.quit_requested.emit)
        QShortcut(QKeySequence("Ctrl+,"), self, self.settings_requested.emit)  # Cmd+, on macOS
        QShortcut(QKeySequence("Ctrl+H"), self, lambda: self.history_requested.emit("timeline"))
        for keys, by in (("Ctrl++", 1), ("Ctrl+=", 1), ("Ctrl+-", -1), ("Ctrl+0", 0)):
            QShortcut(QKeySequence(keys), self, lambda by=by: self.zoom_requested.emit(by),
                      context=Qt.ShortcutContext.ApplicationShortcut)

    def _focus_tab(self) -> None:
        """Arrow keys and Enter work in the routine list as soon as it shows."""
        if self.tabs.currentWidget() is self.library_view:
            self.library_view.list.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def therapy_view(self) -> TherapyView:
        """The cold and heat panel, built on first use."""
        return self.therapy_page.view()

    def show_therapy(self) -> TherapyView:
        """Bring the cold and heat tab forward and return its panel."""
        self.tabs.setCurrentWidget(self.therapy_page)
        return self.therapy_view

    def notify(self, message: str) -> None:
        """Tell the user something went wrong that they should know about (plain text)."""
        self.statusBar().showMessage(message, STATUS_MS)
        self.library_view.add_notice(message)

    def say(self, message: str) -> None:
        """A passing message in the status bar (plain text)."""
        self.statusBar().showMessage(message, STATUS_MS)

    def report(self, problem: str | None) -> None:
        """``notify`` of ``problem``, if there is one."""
        if problem:
            self.notify(problem)

    def bring_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def start_routine(self, routine_id: str) -> str | None:
        """Play the routine (after the safety notice if it has never been accepted), leaving
        the end screen of one played before; while another plays or a pain question is open,
        say so in the status bar instead, and return what was said."""
        routine = self.library_view.library.get(routine_id)
        if routine is None:
            problem = _("No routine has the id '{id}'.").format(id=routine_id)
            self.notify(problem)
            return problem
        busy = self.busy_with()
        if busy:
            problem = _("Not starting {routine}: {reason}").format(routine=routine.title,
                                                                    reason=busy)
            self.say(problem)
            return problem
        self._close_player()  # the end screen of the last one, if it shows
        self.library_view.select(routine_id)
        self._gate.run_after_notice(lambda: self._play(routine))
        return None

    def busy_with(self) -> str | None:
        """What keeps a routine from starting now, in words; None if nothing does."""
        if self.player_view is not None and self.playing():
            return _("{routine} is playing.").format(
                routine=self.player_view.session.routine.title)
        if self.pages.currentWidget() not in (self.tabs, self.player_view):
            return _("answer or skip (S) the pain question first.")
        return None

    def playing(self) -> bool:
        """Whether a routine is being played (a break then waits for it)."""
        return self.player_view is not None and self.player_view.session.player.is_active

    def _play(self, routine: Routine) -> None:
        """Play ``routine``, asking for a pain score first where the user wants that."""
        if self.player_view is not None or self.pages.currentWidget() is not self.tabs:
            return
        if self.settings.settings.ask_pain_around_routines:
            self.pain_questions.ask_before(routine.title,
                                           lambda score: self._start_player(routine, score))
        else:
            self._start_player(routine, None)

    def _start_player(self, routine: Routine, pain_before: int | None) -> None:
        try:  # its code loads now: an update that replaced Coach's files meanwhile fails here
            from coach.ui.player.player_view import PlayerView

            session = GuidedSession(routine, self.store, self.clock,
                                    get_ready_s=reading_s(routine))
            self.player_view = PlayerView(session, self.sounds)
        except (ImportError, OSError) as error:
            self.pages.setCurrentWidget(self.tabs)
            self.notify(_("{routine} could not start: {error}. If Coach was just updated, "
                          "quit it and start it again.").format(routine=routine.title,
                                                                error=error))
            return
        self.player_view.safety_requested.connect(
            lambda: self._gate.show_notice(cautions=routine.cautions))
        self.player_view.closed.connect(self._close_player)
        self.player_view.mute_toggled.connect(self._save_mute)
        self.player_view.title_changed.connect(self.player_title_changed)
        view = self.player_view
        view.finished.connect(lambda: self._show_day_figures(view))
        self.pages.addWidget(self.player_view)
        self.pages.setCurrentWidget(self.player_view)
        self.player_view.start()
        if pain_before is not None:
            self.pain_questions.keep(session, pain_before, "before")
        if self.settings.settings.ask_pain_around_routines:
            self.pain_questions.ask_after(self.player_view, pain_before)

    def _show_day_figures(self, view: PlayerView) -> None:
        """Add the day's minutes in routines and its run of days to ``view``'s end screen."""
        try:
            figures = day_figures(self.store, self.clock.now())
        except HistoryError:  # nothing to add while the history cannot be read
            return
        view.end_tiles.show_tile("today", length_text(figures.routine_s), _("in routines today"))
        run = figures.days_in_a_row
        if run >= 2:
            view.end_tiles.show_tile("run", ngettext("{count} day", "{count} days", run).format(
                count=run), _("in a row"))
        elif run == 1:
            view.end_tiles.show_tile("run", _("Day 1"), _("of a new run"))

    def _save_mute(self, muted: bool) -> None:
        self.report(self.settings.update(muted=muted))

    def _close_player(self) -> None:
        view = self.player_view
        if view is None:
            return
        view.session.stop()
        view.ticker.stop()
        self.pages.removeWidget(view)
        hand_back_after(view)
        view.deleteLater()
        self.player_view = None
        self.player_title_changed.emit("")
        self.show_recent()
        self.pages.setCurrentWidget(self.tabs)
        self.library_view.list.setFocus()

    def show_recent(self) -> None:
        """The last sessions, under the routine list."""
        try:
            self.library_view.show_recent(self.store.routine_sessions(limit=RECENT_SESSIONS))
        except HistoryError as error:
            self.notify(str(error))

    def close_for_good(self) -> None:
        """Close the window (stopping a routine), no question asked; ``closed`` follows."""
        self._closing_for_good = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.player_view is not None:
            self.player_view.stop()
        if not self._closing_for_good:
            event.ignore()
            self.close_requested.emit()
            return
        super().closeEvent(event)
        self.closed.emit()
