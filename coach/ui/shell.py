"""The running app's parts and how they meet: it builds and owns, as peers, the main window,
the tray (or the small window where there is none), desktop notifications, the break
reminders, the cold/heat alarms and the safety gate; it carries out commands, decides when
Coach quits, applies settings and keeps the title and tray status current."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from coach.core.breaks.calendar import pause_end
from coach.core.clock import Clock
from coach.core.commands import (
    AskStatus,
    Command,
    CommandError,
    OpenSettings,
    PauseBreaks,
    Quit,
    ResumeBreaks,
    ShowWindow,
    StartRoutine,
    StartTimer,
    TakeBreak,
    from_argv,
)
from coach.core.control import Caller
from coach.core.history.store import HistoryStore
from coach.core.history.timeline import EntryKind
from coach.core.i18n import _
from coach.core.routines.library import Library
from coach.core.settings import SettingsStore
from coach.core.status import CoachStatus, RoutineStatus, TimerStatus
from coach.core.therapy.desk import TherapyDesk
from coach.core.therapy.timer import TherapyTimer
from coach.platform import autostart
from coach.platform.idle import IdleSource
from coach.platform.memory import hand_back_after
from coach.platform.notifications import DesktopNotifier
from coach.platform.quiet import QuietSource
from coach.ui.breaks.controller import BreakController
from coach.ui.history.feed import HistoryFeed
from coach.ui.history.retry import HistoryRetry
from coach.ui.main_window import MainWindow
from coach.ui.mini_window import MiniWindow
from coach.ui.safety_gate import SafetyGate
from coach.ui.sounds import Sounds
from coach.ui.therapy.alarms import NO_MINUTES, TherapyAlarms
from coach.ui.tray import Tray

if TYPE_CHECKING:  # these load when first used, not at start-up
    from coach.ui.appearance import Appearance
    from coach.ui.history.window import HistoryWindow
    from coach.ui.settings_dialog import SettingsDialog

APP_TITLE = "Coach"


class Shell(QObject):
    """Coach as it runs on ``store``, ``settings`` and ``clock``, with ``notices`` to show at
    start; ``idle`` tells input idle time (None: all time counts as active) and ``quiet``
    whether a fullscreen window holds breaks back. ``closed`` is emitted once Coach has shut
    down. While a cold or heat timer runs or break reminders are on, closing the window leaves
    Coach running in the tray, or in a small window where there is no tray."""

    closed = Signal()

    def __init__(self, library: Library, store: HistoryStore, settings: SettingsStore,
                 clock: Clock, notices: list[str] | None = None,
                 idle: IdleSource | None = None, quiet: QuietSource | None = None) -> None:
        super().__init__()
        self.store, self.settings, self.clock, self.library = store, settings, clock, library
        self.sounds = Sounds.from_settings(settings.settings, self)
        self.history_retry = HistoryRetry(store, self)
        self.feed = HistoryFeed(store, self)
        self.gate = SafetyGate(settings, self)
        self.desk = TherapyDesk(store, clock)
        self.alarms = TherapyAlarms(self.desk, self.sounds, self)
        self.window = MainWindow(library, store, settings, clock, self.sounds, self.gate,
                                 self.alarms)
        self.gate.window = self.alarms.window = self.window
        self.tray = Tray(self.window.windowIcon(), self)
        self.mini = MiniWindow()
        self.desktop = DesktopNotifier()
        self.breaks = BreakController.from_settings(
            settings.settings, idle, store, clock, library, self.sounds, self.gate, quiet,
            self.desktop, busy=self.window.playing, parent=self)
        self.history_window: HistoryWindow | None = None
        self.settings_dialog: SettingsDialog | None = None
        self._alarm_notes: dict[TherapyTimer, int] = {}  # the desktop notification of each
        self._title_parts: dict[str, str] = {}
        self._quitting = False
        self._quit_callers: list[Caller] = []  # waiting for the answer to "Quit Coach?"
        self.appearance: Appearance | None = None
        self._connect()
        if self.desk.timers:
            self.window.show_therapy()
        for notice in notices or []:
            self.window.notify(notice)
        self._show_title()
        self.alarms.refresh()
        self.breaks.check()

    def _connect(self) -> None:
        for source in (self.tray, self.mini):
            source.open_requested.connect(self.bring_forward)
            source.quit_requested.connect(self.quit)
            source.break_now_requested.connect(self.take_break_now)
        self.tray.pause_requested.connect(self.pause_breaks)
        self.tray.resume_requested.connect(self.resume_breaks)
        self.tray.settings_requested.connect(self.open_settings)
        self.tray.history_requested.connect(self.open_history)
        window = self.window
        window.quit_requested.connect(self.quit)
        window.settings_requested.connect(self.open_settings)
        window.zoom_requested.connect(self.zoom)
        window.history_requested.connect(self.open_history)
        window.close_requested.connect(self._window_closing)
        window.closed.connect(self.closed)
        window.player_title_changed.connect(lambda text: self._set_title_part("player", text))
        self.gate.problem.connect(window.notify)
        self.alarms.started.connect(lambda _timer: window.show_therapy())
        self.alarms.summary_changed.connect(self._show_therapy_summary)
        self.alarms.time_up.connect(self._alert_desktop)
        self.alarms.alarm_over.connect(self._withdraw_alert)
        self.breaks.status_changed.connect(self._show_break_status)
        self.feed.changed.connect(self._history_changed)
        self.history_retry.opened.connect(self._history_opened)
        self.history_retry.written.connect(self._history_written)

    def answer(self, argv: list[str], caller: Caller) -> None:
        """Carry out a command sent by another ``coach`` (a second start, ``coach status``,
        ``coach quit``) and reply to ``caller``: what went wrong, or the status asked for."""
        try:
            command = from_argv(argv)
        except CommandError as error:
            caller.reply(False, f"the running Coach does not know the command '{error}' "
                                "(is it an older version?)")
            return
        match command:
            case AskStatus():
                caller.reply(True, status=self.status().to_json())
            case Quit():
                self._quit_callers.append(caller)
                if len(self._quit_callers) > 1:  # the question is open: it answers all
                    return
                quitting = not self.desk.timers or self._confirm_quit()
                callers, self._quit_callers = self._quit_callers, []
                for each in callers:
                    if quitting:
                        each.reply(True, _("Coach has quit."))
                    else:
                        each.reply(False, _("Coach keeps running: a cold or heat timer runs "
                                            "and the question to quit was answered No."))
                if quitting:
                    self.shut_down()
            case _:
                problem = self.handle(command)
                waiting = (_("Coach shows its safety notice first, in its window; it goes on "
                             "once you have read it.") if self.gate.waiting else "")
                caller.reply(problem is None, problem or waiting)

    def handle(self, command: Command) -> str | None:
        """Carry out ``command``; what kept it from being carried out, in words (also shown
        in the window), or None."""
        match command:
            case TakeBreak():
                return self.take_break_now()
            case PauseBreaks(length):
                self.pause_breaks(length)
            case ResumeBreaks():
                self.resume_breaks()
            case ShowWindow():
                self.bring_forward()
            case OpenSettings():
                self.bring_forward()
                self.open_settings()
            case StartRoutine(routine_id):
                self.bring_forward()
                if self.breaks.window is not None:
                    return self._say(_("Not starting a routine: a break is playing."))
                return self.window.start_routine(routine_id)
            case StartTimer(kind, minutes, area, method):
                self.bring_forward()
                problem = self.window.show_therapy().start(kind, minutes, area, method)
                if problem:
                    problem = _("The timer from the command line was not started: "
                                "{problem}").format(problem=problem)
                    self.window.notify(problem)
                    return problem
            case AskStatus() | Quit():  # asked over the control socket, answered there
                pass
        return None

    def status(self) -> CoachStatus:
        """What this Coach is doing, for ``coach status``."""
        view = self.window.player_view if self.window.playing() else (
            self.breaks.window.player if self.breaks.window is not None else None)
        routine = (RoutineStatus.of(view.session.player, view.session.now())
                   if view is not None and view.session.player.is_active else None)
        return CoachStatus(os.getpid(), str(self.settings.path.parent),
                           self.breaks.snapshot(),
                           [TimerStatus.of(timer, self.clock) for timer in self.desk.timers],
                           routine)

    def use_appearance(self, appearance: Appearance) -> None:
        """Size the text as saved (``zoom_percent``) through ``appearance``."""
        self.appearance = appearance
        appearance.zoom = self.settings.settings.zoom()
        appearance.apply()
        self.window.fit_text()

    def zoom(self, by: int) -> None:
        """Text one step larger (1), smaller (-1) or at its usual size (0); kept."""
        if self.appearance is None:
            return
        percent = self.appearance.step(by)
        self.window.fit_text()
        self.window.report(self.settings.update(zoom_percent=percent))
        self.window.say(_("Text size: {percent} %").format(percent=percent))

    def take_break_now(self) -> str | None:
        """A rest break now, unless a routine is playing or about to (its pain question is
        open): that is a break already. Returns why not, or None."""
        if self.window.busy_with() is not None:
            return self._say(_("No break now: the routine playing is your break."))
        self.breaks.take_break_now()
        return None

    def _say(self, message: str) -> str:
        self.window.say(message)
        return message

    def bring_forward(self) -> None:
        self.mini.hide()
        self.window.bring_forward()

    def quit(self) -> None:
        """Quit Coach, asking first while a cold or heat timer runs."""
        if self.desk.timers and not self._confirm_quit():
            return
        self.shut_down()

    def shut_down(self) -> None:
        """Close every window for good, no question asked (``closed`` follows): alarm and
        break windows too, since Qt refuses to quit while any window refuses to close."""
        self._quitting = True
        self.mini.hide()
        self.alarms.let_go()
        self.breaks.let_go()
        if self.history_window is not None:
            self.history_window.close()
        self.window.close_for_good()

    def _window_closing(self) -> None:
        """The user closed the window: Coach keeps running while a timer runs or reminders
        are on, in the tray or, where there is none, in the small window."""
        if self._quitting or not (self.desk.timers or self.breaks.reminders_on):
            self.shut_down()
            return
        self.window.hide()
        if self.tray.available:
            self.tray.notify(_("Coach is still running"),
                             _("Timers and break reminders go on."))
        else:
            self.mini.show()

    def _confirm_quit(self) -> bool:
        """Ask, above every other window (a break window stays on top), whether to quit."""
        box = QMessageBox(
            QMessageBox.Icon.Question, _("Quit Coach?"),
            _("A cold or heat timer is running. If Coach quits, no alarm can tell you when to "
              "take the pack off (the timer carries on when Coach starts again). Quit anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _alert_desktop(self, timer: TherapyTimer, title: str, body: str) -> None:
        """An urgent desktop notification for ``timer``'s alarm, in place of the one before
        it; through the tray where the desktop has no service."""
        sent = self.desktop.notify(title, body, urgent=True,
                                   replaces=self._alarm_notes.get(timer, 0))
        if sent is None:
            self.tray.notify(title, body)
        else:
            self._alarm_notes[timer] = sent

    def _withdraw_alert(self, timer: TherapyTimer) -> None:
        sent = self._alarm_notes.pop(timer, None)
        if sent is not None:
            self.desktop.withdraw(sent)

    def open_history(self, tab: str = "timeline") -> HistoryWindow:
        """The History window on ``tab`` ("timeline", "charts" or "symptoms"). Its module is
        loaded the first time it opens (pyqtgraph with the charts); closed, it is deleted
        and the memory it held handed back."""
        if self.history_window is None:
            from coach.ui.history.window import HistoryWindow

            # a window of its own, not kept above the main window: a routine started from
            # the command line comes forward over it
            window = HistoryWindow(self.store, self.feed, self.clock)
            window.setWindowIcon(self.window.windowIcon())
            window.closed.connect(self._history_closed)
            hand_back_after(window)
            self.history_window = window
        else:
            self.history_window.refresh()
        self.history_window.show_tab(tab)
        return self.history_window

    def _history_closed(self) -> None:
        self.history_window = None

    def open_settings(self) -> SettingsDialog:
        """The settings dialog (non-modal; the one open already, brought forward); Save
        applies the changes at once."""
        if self.settings_dialog is not None and self.settings_dialog.isVisible():
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return self.settings_dialog
        from coach.ui.settings_dialog import SettingsDialog  # with Qt's speech, when needed

        routines = [(r.id, r.title) for r in self.library.routines]
        dialog = SettingsDialog(self.settings.settings, autostart.is_enabled(),
                                self.breaks.idle_source_name, routines, self.window,
                                self.breaks.quiet_source_name)
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        self.window.report(self.settings.update(**dialog.changes()))
        chosen = self.settings.settings
        self.sounds.apply(chosen)
        self.breaks.apply(chosen)
        if dialog.start_at_login or autostart.is_enabled():  # written anew: this Coach's path
            try:
                autostart.set_enabled(dialog.start_at_login)
            except OSError as error:
                self.window.notify(_("Could not change starting at login: {error}").format(
                    error=error))
        self.breaks.check()

    def pause_breaks(self, choice: str) -> None:
        """Pause break reminders as chosen (one of PAUSE_CHOICES); kept across restarts."""
        until = pause_end(choice, self.clock.now())
        self.breaks.pause(until)
        self.window.report(self.settings.update(breaks_paused_until=until.isoformat()))

    def resume_breaks(self) -> None:
        self.breaks.resume()
        self.window.report(self.settings.update(breaks_paused_until=""))

    def _history_changed(self, kind: EntryKind) -> None:
        if kind is EntryKind.ROUTINE:
            self.window.show_recent()

    def _history_opened(self) -> None:
        """The history, locked by another program at start, is open now: timers that were
        running when Coach last stopped carry on (or ring), as after any start."""
        if self.alarms.restore():
            self.window.show_therapy()
        self.window.notify(_("The history is free again: everything from this run is saved "
                             "there."))

    def _history_written(self) -> None:
        self._show_break_status(self.breaks.status())
        self.alarms.refresh()

    def _show_break_status(self, text: str) -> None:
        self.window.break_status.setText(text)
        self.tray.show_break_status(text)
        self._show_mini_status()

    def _show_mini_status(self) -> None:
        self.mini.show_status([self.window.break_status.text(),
                               self._title_parts.get("therapy", "")])

    def _show_therapy_summary(self, text: str, minutes: int) -> None:
        self._set_title_part("therapy", text)
        self.tray.show_summary(text, None if minutes == NO_MINUTES else minutes)

    def _set_title_part(self, part: str, text: str) -> None:
        if self._title_parts.get(part, "") != text:
            self._title_parts[part] = text
            self._show_title()
            self._show_mini_status()

    def _show_title(self) -> None:
        parts = [t for t in (self._title_parts.get("player"), self._title_parts.get("therapy"))
                 if t]
        self.window.setWindowTitle(" · ".join(parts) + f" — {APP_TITLE}" if parts
                                   else APP_TITLE)
