"""The main window: routines and cold/heat timers in tabs, and the player when a routine runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStatusBar,
    QTabWidget,
)

from coach.core.break_calendar import PAUSE_CHOICES, pause_end
from coach.core.breaks import BreakKind, BreakScheduler
from coach.core.clock import Clock
from coach.core.history import HistoryError, HistoryStore
from coach.core.library import Library
from coach.core.routine import Routine
from coach.core.session import GuidedSession
from coach.core.settings import SettingsStore
from coach.core.therapy import TherapyKind
from coach.core.therapy_desk import TherapyDesk
from coach.paths import icon_files
from coach.platform import autostart
from coach.platform.idle import IdleSource
from coach.platform.notifications import DesktopNotifier
from coach.platform.quiet import QuietSource
from coach.ui.break_controller import BreakController
from coach.ui.history_retry import HistoryRetry
from coach.ui.library_view import RECENT_SESSIONS, LibraryView
from coach.ui.mini_window import MiniWindow
from coach.ui.pain_prompt import PainQuestions
from coach.ui.sounds import Sounds
from coach.ui.style import plain_label
from coach.ui.therapy_tab import TherapyTab
from coach.ui.timer_panel import TimerPanel
from coach.ui.tray import Tray

if TYPE_CHECKING:  # these load when first used, not at start-up
    from coach.ui.history_window import HistoryWindow
    from coach.ui.player_view import PlayerView
    from coach.ui.safety_dialog import SafetyDialog
    from coach.ui.settings_dialog import SettingsDialog
    from coach.ui.therapy_view import TherapyView

APP_TITLE = "Coach"
THERAPY_KINDS = {kind.value for kind in TherapyKind}
STATUS_MS = 15_000
"""How long a message stays in the status bar (notices also stay above the routine list)."""
MIN_WIDTH, MIN_HEIGHT = 760, 600
"""Below this the large player text would not fit."""


class MainWindow(QMainWindow):
    """Shows the library and the cold/heat panel; ``start_routine`` plays a routine, after the
    safety notice the first time.

    Closing the window mid-routine stops it, so the session is kept as partial. While a cold or
    heat timer runs or break reminders are on, closing hides the window to the tray, or to a
    small window where there is no tray: alarms and reminders need Coach running. ``quit``
    ends Coach (asking first while a timer runs); ``closed`` is emitted when the window really
    closes.
    """

    closed = Signal()

    def __init__(self, library: Library, store: HistoryStore, settings: SettingsStore,
                 clock: Clock, notices: list[str] | None = None,
                 idle: IdleSource | None = None, quiet: QuietSource | None = None) -> None:
        super().__init__()
        self.store = store
        self.history_retry = HistoryRetry(store, self)
        self.settings = settings
        self.clock = clock
        self.sounds = Sounds.from_settings(settings.settings, self)
        self.player_view: PlayerView | None = None
        self.history_window: HistoryWindow | None = None
        self._title_parts: dict[str, str] = {}
        self._quitting = False
        self._safety_asking: SafetyDialog | None = None
        icon = QIcon()
        for path in icon_files():
            icon.addFile(str(path))
        self.setWindowIcon(icon)
        self.resize(960, 680)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.tabs = QTabWidget()
        self.pages.addWidget(self.tabs)
        self.library_view = LibraryView(library)
        self.library_view.start_requested.connect(self.start_routine)
        self.library_view.safety_requested.connect(lambda: self._show_safety(False))
        self.desk = TherapyDesk(store, clock)
        self.timer_panel = TimerPanel(self.desk, self.sounds)
        self.therapy_page = TherapyTab(self.desk, self.timer_panel, self.after_safety_notice)
        self.therapy_page.started.connect(lambda _timer: self.show_therapy())
        self.tabs.addTab(self.library_view, "Routines")
        self.tabs.addTab(self.therapy_page, "Cold and heat")
        self.pain_questions = PainQuestions(self.pages, store, clock)
        self.pain_questions.kept.connect(self._pain_kept)
        self.setStatusBar(QStatusBar())
        self.tray = Tray(icon, self)
        self.mini = MiniWindow()
        self.desktop = DesktopNotifier()
        self.breaks = self._build_breaks(library, idle, quiet)
        self._connect_requests()
        self.history_retry.opened.connect(self._history_opened)
        self.history_retry.written.connect(self._history_written)
        self.timer_panel.summary_changed.connect(self._show_therapy_summary)
        self.timer_panel.time_up.connect(self._alert_desktop)
        if self.desk.timers:
            self.show_therapy()
        for notice in notices or []:
            self.notify(notice)
        self.tabs.currentChanged.connect(lambda _index: self._focus_tab())
        self._focus_tab()
        self._show_recent()
        self._show_title()
        self.timer_panel.refresh()
        self.breaks.check()

    def _build_breaks(self, library: Library, idle: IdleSource | None,
                      quiet: QuietSource | None) -> BreakController:
        """The break reminders as the settings ask, shown in the status bar."""
        chosen = self.settings.settings
        scheduler = BreakScheduler(chosen.break_rules(), paused_until=chosen.paused_until(),
                                   working_hours=chosen.working_hours())
        breaks = BreakController(
            scheduler, idle, self.store, self.clock, library, self.sounds, quiet, self.desktop,
            busy=self._playing, after_safety_notice=self.after_safety_notice, parent=self)
        breaks.taken.connect(self._show_recent)
        breaks.hydration_nudge = chosen.hydration_nudge_on
        breaks.routines[BreakKind.REST] = chosen.rest_break_routine
        self.break_status = plain_label("", "preview")
        self.break_status.setWordWrap(False)
        self.statusBar().addPermanentWidget(self.break_status)
        breaks.status_changed.connect(self._show_break_status)
        return breaks

    def _connect_requests(self) -> None:
        """What the tray, the small window, the library's buttons and the keys ask for."""
        for source in (self.tray, self.mini):
            source.open_requested.connect(self.bring_forward)
            source.quit_requested.connect(self.quit)
            source.break_now_requested.connect(self.breaks.take_break_now)
        self.tray.pause_requested.connect(self.pause_breaks)
        self.tray.resume_requested.connect(self.resume_breaks)
        self.tray.settings_requested.connect(self.open_settings)
        self.tray.history_requested.connect(self.open_history)
        self.library_view.settings_requested.connect(self.open_settings)
        self.library_view.history_requested.connect(self.open_history)
        QShortcut(QKeySequence.StandardKey.Quit, self, self.quit)
        QShortcut(QKeySequence("Ctrl+,"), self, self.open_settings)  # Cmd+, on macOS
        QShortcut(QKeySequence("Ctrl+H"), self, self.open_history)

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

    def handle_command(self, argv: Sequence[str]) -> None:
        """Act on a command line handed over by a second ``coach`` start: ``[]`` shows the
        window, ``["start", ID]`` plays a routine, ``["timer", "cold"|"heat", MINUTES, AREA,
        METHOD]`` starts a timer, ``["break"]`` starts a break, ``["pause", CHOICE]`` and
        ``["resume"]`` pause and resume breaks. Anything else is shown as a notice, not run."""
        match list(argv):
            case ["break"]:
                self.breaks.take_break_now()
            case ["pause", choice] if choice in PAUSE_CHOICES:
                self.pause_breaks(choice)
            case ["resume"]:
                self.resume_breaks()
            case []:
                self.bring_forward()
            case ["start", routine_id]:
                self.bring_forward()
                self.start_routine(routine_id)
            case ["timer", kind, minutes, area, method] if (
                    kind in THERAPY_KINDS and minutes.isascii() and minutes.isdigit()
                    and len(minutes) <= 3):
                self.bring_forward()
                problem = self.show_therapy().start(TherapyKind(kind), int(minutes), area,
                                                    method)
                if problem:
                    self.notify(f"The timer from the command line was not started: {problem}")
            case _:
                self.notify("A command handed over from the command line was not understood: "
                            + " ".join(argv))

    def _alert_desktop(self, title: str, body: str) -> None:
        """An urgent desktop notification, through the tray where the desktop has no service."""
        if not self.desktop.notify(title, body, urgent=True):
            self.tray.notify(title, body)

    def bring_forward(self) -> None:
        self.mini.hide()
        self.show()
        self.raise_()
        self.activateWindow()

    def start_routine(self, routine_id: str) -> None:
        """Play the routine (after the safety notice if it has never been accepted), leaving
        the end screen of one played before; while another plays or a pain question is open,
        say so in the status bar instead."""
        routine = self.library_view.library.get(routine_id)
        if routine is None:
            self.notify(f"No routine has the id '{routine_id}'.")
            return
        busy = self._busy_with()
        if busy:
            self.statusBar().showMessage(f"Not starting {routine.title}: {busy}", STATUS_MS)
            return
        self._close_player()  # the end screen of the last one, if it shows
        self.library_view.select(routine_id)
        self.after_safety_notice(lambda: self._play(routine))

    def _busy_with(self) -> str | None:
        """What keeps a routine from starting now, in words; None if nothing does."""
        if self.player_view is not None and self._playing():
            return f"{self.player_view.session.routine.title} is playing."
        if self.pages.currentWidget() not in (self.tabs, self.player_view):
            return "answer or skip (S) the pain question first."
        return None

    def _playing(self) -> bool:
        """Whether a routine is being played (a break then waits for it)."""
        return self.player_view is not None and self.player_view.session.player.is_active

    def after_safety_notice(self, action: Callable[[], None]) -> None:
        """Run ``action`` now if the safety notice was ever accepted, else once it is (one
        notice for every action asked for meanwhile)."""
        if self.settings.settings.disclaimer_seen:
            action()
            return
        if self._safety_asking is None:
            self._safety_asking = self._show_safety(True)
            self._safety_asking.finished.connect(self._safety_closed)
        else:
            self._safety_asking.raise_()
            self._safety_asking.activateWindow()
        self._safety_asking.accepted.connect(lambda: self._accept_safety(action))

    def _safety_closed(self) -> None:
        self._safety_asking = None

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
        from coach.ui.player_view import PlayerView

        session = GuidedSession(routine, self.store, self.clock)
        self.player_view = PlayerView(session, self.sounds)
        self.player_view.safety_requested.connect(lambda: self._show_safety(False))
        self.player_view.closed.connect(self._close_player)
        self.player_view.mute_toggled.connect(self._save_mute)
        self.player_view.title_changed.connect(lambda text: self._set_title_part("player", text))
        self.pages.addWidget(self.player_view)
        self.pages.setCurrentWidget(self.player_view)
        self.player_view.start()
        if pain_before is not None:
            self.pain_questions.keep(session, pain_before, "before")
        if self.settings.settings.ask_pain_around_routines:
            self.pain_questions.ask_after(self.player_view, pain_before)

    def _pain_kept(self, problem: str | None) -> None:
        if problem is not None:
            self.notify(problem)
        elif self.history_window is not None:
            self.history_window.refresh_if_changed()

    def quit(self) -> None:
        """Quit Coach, asking first while a cold or heat timer runs."""
        if self.desk.timers and not self._confirm_quit():
            return
        self.shut_down()

    def shut_down(self) -> None:
        """Close the window and the small one for good, no question asked (the app quits on
        ``closed``)."""
        self._quitting = True
        self.mini.hide()
        if self.history_window is not None:
            self.history_window.close()
        self.close()

    def _keeps_running(self) -> bool:
        """Whether closing the window should leave Coach running: a timer, or reminders."""
        reminders = any(self.breaks.scheduler.until_due_s(kind) is not None
                        for kind in BreakKind)
        return bool(self.desk.timers) or reminders

    def _confirm_quit(self) -> bool:
        answer = QMessageBox.question(
            self, "Quit Coach?",
            "A cold or heat timer is running. If Coach quits, no alarm can tell you when to "
            "take the pack off (the timer carries on when Coach starts again). Quit anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _show_safety(self, ask_to_continue: bool) -> SafetyDialog:
        from coach.ui.safety_dialog import SafetyDialog

        dialog = SafetyDialog(ask_to_continue, self)
        dialog.open()
        return dialog

    def _accept_safety(self, action: Callable[[], None]) -> None:
        self._report(self.settings.update(disclaimer_seen=True))
        action()

    def _save_mute(self, muted: bool) -> None:
        self._report(self.settings.update(muted=muted))

    def _report(self, problem: str | None) -> None:
        if problem:
            self.notify(problem)

    def _close_player(self) -> None:
        view = self.player_view
        if view is None:
            return
        view.session.stop()
        view.ticker.stop()
        self.pages.removeWidget(view)
        view.deleteLater()
        self.player_view = None
        self._set_title_part("player", "")
        self._show_recent()
        self.pages.setCurrentWidget(self.tabs)
        self.library_view.list.setFocus()

    def _history_opened(self) -> None:
        """The history, locked by another program at start, is open now: timers that were
        running when Coach last stopped carry on (or ring), as after any start."""
        restored = self.desk.restore()
        for timer in restored:
            self.timer_panel.add(timer)
        if restored:
            self.show_therapy()
        self.notify("The history is free again: everything from this run is saved there.")

    def _history_written(self) -> None:
        self._show_recent()
        self._show_break_status(self.breaks.status())
        self.timer_panel.refresh()

    def _show_recent(self) -> None:
        if self.history_window is not None and self.history_window.isVisible():
            self.history_window.refresh_if_changed()
        try:
            self.library_view.show_recent(self.store.routine_sessions(limit=RECENT_SESSIONS))
        except HistoryError as error:
            self.notify(str(error))

    def open_history(self, tab: str = "timeline") -> HistoryWindow:
        """The History window on ``tab`` ("timeline", "charts" or "symptoms"). Its module,
        and pyqtgraph with it, is loaded the first time it opens."""
        if self.history_window is None:
            from coach.ui.history_window import HistoryWindow

            self.history_window = HistoryWindow(self.store, self.clock, self)
            self.history_window.changed.connect(self._show_recent)
        else:
            self.history_window.refresh()
        self.history_window.show_tab(tab)
        return self.history_window

    def pause_breaks(self, choice: str) -> None:
        """Pause break reminders as chosen (one of PAUSE_CHOICES); kept across restarts."""
        until = pause_end(choice, self.clock.now())
        self.breaks.pause(until)
        self._report(self.settings.update(breaks_paused_until=until.isoformat()))

    def resume_breaks(self) -> None:
        self.breaks.resume()
        self._report(self.settings.update(breaks_paused_until=""))

    def open_settings(self) -> SettingsDialog:
        """The settings dialog (non-modal); Save applies the changes at once."""
        from coach.ui.settings_dialog import SettingsDialog  # with Qt's speech, when needed

        idle = self.breaks.idle.name if self.breaks.idle is not None else None
        routines = [(r.id, r.title) for r in self.library_view.library.routines]
        dialog = SettingsDialog(self.settings.settings, autostart.is_enabled(), idle, routines,
                                self)
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.open()
        return dialog

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        self._report(self.settings.update(**dialog.changes()))
        chosen = self.settings.settings
        self.sounds.apply(chosen)
        self.breaks.scheduler.set_rules(chosen.break_rules())
        self.breaks.scheduler.working_hours = chosen.working_hours()
        self.breaks.hydration_nudge = chosen.hydration_nudge_on
        self.breaks.routines[BreakKind.REST] = chosen.rest_break_routine
        if dialog.start_at_login != autostart.is_enabled():
            try:
                autostart.set_enabled(dialog.start_at_login)
            except OSError as error:
                self.notify(f"Could not change starting at login: {error}")
        self.breaks.check()

    def _show_break_status(self, text: str) -> None:
        self.break_status.setText(text)
        self.tray.show_break_status(text)
        self._show_mini_status()

    def _show_mini_status(self) -> None:
        self.mini.show_status([self.break_status.text(), self._title_parts.get("therapy", "")])

    def _show_therapy_summary(self, text: str, minutes: int | None) -> None:
        self._set_title_part("therapy", text)
        self.tray.show_summary(text, minutes)

    def _set_title_part(self, part: str, text: str) -> None:
        if self._title_parts.get(part, "") != text:
            self._title_parts[part] = text
            self._show_title()
            self._show_mini_status()

    def _show_title(self) -> None:
        parts = [t for t in (self._title_parts.get("player"), self._title_parts.get("therapy"))
                 if t]
        self.setWindowTitle(" · ".join(parts) + f" — {APP_TITLE}" if parts else APP_TITLE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing stops a routine (kept as partial). While a timer runs or reminders are on,
        Coach stays running in the tray, or in a small window where there is no tray."""
        if self.player_view is not None:
            self.player_view.stop()
        if not self._quitting and self._keeps_running():
            event.ignore()
            self.hide()
            if self.tray.available:
                self.tray.notify("Coach is still running", "Timers and break reminders go on.")
            else:
                self.mini.show()
            return
        super().closeEvent(event)
        self.closed.emit()
