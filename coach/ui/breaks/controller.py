"""Runs the break reminders: asks the scheduler only when it needs asking, shows the notice and
the break window (made while the notice shows), and keeps every outcome in the history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from coach.core.breaks.calendar import PAUSED_INDEFINITELY
from coach.core.breaks.log import BreakLog
from coach.core.breaks.scheduler import (
    HYDRATION_NUDGE,
    BreakDue,
    BreakEnded,
    BreakEvent,
    BreakKind,
    BreakScheduler,
    BreakSoon,
    break_routine,
)
from coach.core.clock import Clock
from coach.core.format import weekday_text
from coach.core.history.store import HistoryStore
from coach.core.i18n import _
from coach.core.player.session import GuidedSession
from coach.core.routines.library import Library
from coach.core.settings import Settings
from coach.core.status import BreakStatus, NextBreak
from coach.platform.idle import IdleSource, InputWatch
from coach.platform.notifications import DEFAULT_ACTION, DesktopNotifier
from coach.platform.quiet import NeverQuiet, QuietSource
from coach.ui.breaks.screens import break_screens
from coach.ui.safety_gate import SafetyGate
from coach.ui.sounds import Sounds

if TYPE_CHECKING:  # the break windows (and the player in them) load with the first break
    from coach.ui.breaks.window import BreakNotice, BreakWindow

BREAK_ROUTINES = {BreakKind.MICRO: "posture-micro-break", BreakKind.REST: "desk-posture-reset"}
"""The routine each break plays unless the user chose another (``routines``)."""
BREAK_GET_READY_S = 3
PREPARE_AFTER_MS = 1000
"""A break's window is made this long after its notice shows (the notice is drawn first), so
that it shows without delay when the break is due."""


class BreakController(QObject):
    """Drives ``scheduler`` from ``idle`` (None: no idle source, so every minute counts as
    active), ``quiet`` (a fullscreen window holds breaks back) and ``busy`` (a routine being
    played holds them back too), and shows breaks, through ``gate`` (the safety notice, the
    first time). ``status_changed`` carries a line such as "Micro-break in 12 min" or "Breaks
    paused until 14:30"."""

    status_changed = Signal(str)

    def __init__(self, scheduler: BreakScheduler, idle: IdleSource | None, store: HistoryStore,
                 clock: Clock, library: Library, sounds: Sounds, gate: SafetyGate,
                 quiet: QuietSource | None = None, desktop: DesktopNotifier | None = None,
                 busy: Callable[[], bool] = lambda: False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = busy
        self.hydration_nudge = True
        """Whether rest breaks remind the user to drink water."""
        self.routines = dict(BREAK_ROUTINES)
        """The routine id each kind of break plays."""
        self.screens, self.full_screen = "all", False
        """Where breaks show (one of BREAK_SCREENS), and whether they cover each screen."""
        self._gate = gate
        self.desktop = desktop
        self._announced: dict[int, BreakKind] = {}
        self._presses: QSocketNotifier | None = None
        self._input: QSocketNotifier | None = None
        self.scheduler = scheduler
        self.idle = idle
        self._tell_input(idle)
        self.quiet = quiet or NeverQuiet()
        self.clock = clock
        self.library = library
        self.sounds = sounds
        self.log = BreakLog(store)
        self._store = store
        self.notice: BreakNotice | None = None
        self.window: BreakWindow | None = None
        self.prepared: BreakWindow | None = None
        """The window of the break whose notice shows, made ahead (see ``_prepare``)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)

    @classmethod
    def from_settings(cls, chosen: Settings, idle: IdleSource | None, store: HistoryStore,
                      clock: Clock, library: Library, sounds: Sounds, gate: SafetyGate,
                      quiet: QuietSource | None = None, desktop: DesktopNotifier | None = None,
                      busy: Callable[[], bool] = lambda: False,
                      parent: QObject | None = None) -> BreakController:
        """Reminders as ``chosen`` settings ask, paused as they were left."""
        scheduler = BreakScheduler(chosen.break_rules(), paused_until=chosen.paused_until(),
                                   working_hours=chosen.working_hours())
        breaks = cls(scheduler, idle, store, clock, library, sounds, gate, quiet, desktop, busy,
                     parent)
        breaks.apply(chosen)
        return breaks

    def apply(self, chosen: Settings) -> None:
        """Take up changed settings: break rules, working hours, the rest break's routine and
        the hydration reminder."""
        self.scheduler.set_rules(chosen.break_rules())
        self.scheduler.working_hours = chosen.working_hours()
        self.hydration_nudge = chosen.hydration_nudge_on
        self.routines[BreakKind.REST] = chosen.rest_break_routine
        self.screens, self.full_screen = chosen.break_screens, chosen.break_full_screen
        self.scheduler.strict = chosen.break_strict
        self.scheduler.max_snoozes = min(3, max(0, chosen.break_max_snoozes))
        self._withdraw_notice()  # it offered what the settings before allowed

    @property
    def reminders_on(self) -> bool:
        """Whether any kind of break is being counted towards."""
        return any(self.scheduler.until_due_s(kind) is not None for kind in BreakKind)

    @property
    def quiet_source_name(self) -> str:
        """What holds a due break back, in words."""
        return _(self.quiet.name)

    @property
    def idle_source_name(self) -> str | None:
        """The name of what tells idle time (None: none, all time counts as active)."""
        return _(self.idle.name) if self.idle is not None else None

    @property
    def save_problem(self) -> str | None:
        return self._store.writer.problem

    def check(self, back_from_idle: bool = False) -> None:
        """Count the time since the last check, act on what is due, and sleep until the
        scheduler next needs asking: a timer, or, where the idle source tells of input and
        the user is away, that input (``back_from_idle``)."""
        idle_s = 0.0 if back_from_idle else self._idle_s()
        asked: list[bool] = []

        def quiet() -> bool:  # the desktop is asked only when a break is near, and once
            if not asked:
                asked.append(self._busy() or self.quiet.quiet_wanted())
            return asked[0]

        for event in self.scheduler.check(self.clock, idle_s, quiet, back_from_idle):
            if not (isinstance(event, BreakSoon) and quiet()):
                self._act(event)
        self._watch_input(self.scheduler.waits_for_input(idle_s))
        next_s = self.scheduler.next_check_s(idle_s)
        if next_s is None:
            self._timer.stop()
        else:
            self._timer.start(round(next_s * 1000))
        self.status_changed.emit(self.status())

    def status(self) -> str:
        """What the next break is, or that breaks are paused or off; and, while breaks cannot
        be written to the history, that they are kept until they can."""
        text = self.snapshot().text
        problem = self._store.writer.problem
        return text if problem is None else f"{text} · {problem}"

    def snapshot(self) -> BreakStatus:
        """Whether breaks are on, paused or off, and the next one, in words and as data."""
        now = self.clock.now()
        if self.scheduler.is_paused(now):
            until = self.scheduler.paused_until
            if until == PAUSED_INDEFINITELY or until is None:
                return BreakStatus("paused", _("Breaks paused"))
            local = until.astimezone()
            clock = f"{local:%H:%M}"
            if local.date() == now.astimezone().date():
                text = _("Breaks paused until {time}").format(time=clock)
            elif local.date() == now.astimezone().date() + timedelta(days=1):
                text = _("Breaks paused until tomorrow {time}").format(time=clock)
            else:
                text = _("Breaks paused until {day} {time}").format(
                    day=weekday_text(local.date()), time=clock)
            return BreakStatus("paused", text, paused_until=until)
        hours = self.scheduler.working_hours
        if hours is not None and not hours.contains(now):
            return BreakStatus("outside working hours", _("Outside working hours: no breaks"))
        upcoming = self.scheduler.next_break()
        if upcoming is None:
            return BreakStatus("off", _("Break reminders are off"))
        kind, left = upcoming
        minutes = round(left / 60)
        if kind is BreakKind.MICRO:
            text = (_("Micro-break in under a minute") if left < 60 else
                    _("Micro-break in {minutes} min").format(minutes=minutes))
        else:
            text = (_("Rest break in under a minute") if left < 60 else
                    _("Rest break in {minutes} min").format(minutes=minutes))
        return BreakStatus("on", text, NextBreak(kind.value, round(left)))

    def let_go(self) -> None:
        """Take the notice and a break window down (Coach is quitting) and stop checking."""
        self._timer.stop()
        self._watch_input(False)
        self._close_notice()
        self._drop_prepared()
        self._dismiss_window()

    def take_break_now(self, kind: BreakKind = BreakKind.REST) -> None:
        """Start a break at once, whatever the counts say."""
        self._show_break(kind)

    def pause(self, until: datetime) -> None:
        """No breaks until ``until`` (aware), or until resumed for PAUSED_INDEFINITELY."""
        self.scheduler.paused_until = until
        self._withdraw_notice()
        self.check()

    def resume(self) -> None:
        self.scheduler.paused_until = self.clock.now()  # ends now: the time paused is no work
        self.check()

    def _idle_s(self) -> float:
        if self.idle is None:
            return 0.0
        idle_s = self.idle.idle_s()
        if idle_s is None:  # the source stopped answering: count time as before
            self._watch_input(False)
            self.idle = None
            self._tell_input(None)
            return 0.0
        return idle_s

    def _tell_input(self, idle: IdleSource | None) -> None:
        """Listen to ``idle`` for input, where it can tell of it."""
        if self._input is not None:
            self._input.setEnabled(False)
            self._input.deleteLater()
            self._input = None
        self.scheduler.input_wakes = False
        if isinstance(idle, InputWatch) and idle.tells_input:
            self.scheduler.input_wakes = True
            self._input = QSocketNotifier(idle.fileno(), QSocketNotifier.Type.Read, self)
            self._input.setEnabled(False)
            self._input.activated.connect(self._input_sent)

    def _watch_input(self, on: bool) -> None:
        """Hear of the next input (the user is away), or no longer."""
        if self._input is None or self._input.isEnabled() == on:
            return
        assert isinstance(self.idle, InputWatch)
        self.idle.watch_input(on)
        self._input.setEnabled(on)

    def _input_sent(self) -> None:
        if isinstance(self.idle, InputWatch) and self.idle.input_came():
            self._watch_input(False)
            self.check(back_from_idle=True)

    def _act(self, event: BreakEvent) -> None:
        if isinstance(event, BreakSoon):
            self._show_notice(event)
        elif isinstance(event, BreakDue):
            self._show_break(event.kind)
        elif self.window is None:  # during a break, being away from the keys is the
            self._drop_prepared()  # break itself: it is recorded when it ends
            self._record(event)

    def _show_notice(self, event: BreakSoon) -> None:
        self._close_notice()
        QTimer.singleShot(PREPARE_AFTER_MS, self, lambda: self._prepare(event.kind))
        if self._notify_desktop(event):
            return
        from coach.ui.breaks.window import BreakNotice

        notice = BreakNotice(event.kind, event.in_s, self.clock,
                             self.scheduler.can_snooze(event.kind), self.scheduler.can_skip())
        notice.answers.start_now.connect(lambda: self._start_early(event.kind))
        notice.answers.snooze.connect(lambda: self._answer(self.scheduler.snooze(event.kind)))
        notice.answers.skip.connect(lambda: self._answer(self.scheduler.skip(event.kind)))
        self.notice = notice
        where = break_screens(self.screens)
        notice.show_in_corner(where.main if where else None)

    def _notify_desktop(self, event: BreakSoon) -> bool:
        """Announce the break as a desktop notification with buttons, where the desktop can."""
        if self.desktop is None or not self.desktop.has_buttons():
            return False
        from coach.ui.breaks.window import soon_text  # with the break, soon shown

        actions = {DEFAULT_ACTION: _("Start now")}
        if self.scheduler.can_snooze(event.kind):
            actions["snooze"] = _("Snooze 5 min")
        if self.scheduler.can_skip():
            actions["skip"] = _("Skip")
        sent = self.desktop.notify(
            soon_text(event.kind, max(1, round(event.in_s))),
            _("Time to let your back and shoulders move."), actions=actions,
            timeout_ms=round(event.in_s * 1000) + 5000)
        if sent is None:
            return False
        self._announced[sent] = event.kind
        self._watch_presses()
        return True

    def _watch_presses(self) -> None:
        fileno = self.desktop.fileno() if self.desktop else None
        if fileno is None or (self._presses and self._presses.socket() == fileno):
            return
        self._presses = QSocketNotifier(fileno, QSocketNotifier.Type.Read, self)
        self._presses.activated.connect(self._pressed)

    def _pressed(self) -> None:
        for sent, action in self.desktop.take_invoked() if self.desktop else []:
            kind = self._announced.pop(sent, None)
            if kind is None:
                continue
            if action == "snooze" and self.scheduler.can_snooze(kind):
                self._answer(self.scheduler.snooze(kind))
            elif action == "skip" and self.scheduler.can_skip():
                self._answer(self.scheduler.skip(kind))
            else:
                self._start_early(kind)

    def _show_break(self, kind: BreakKind) -> None:
        self._close_notice()
        if self.window is None:
            self._gate.run_after_notice(lambda: self._open_break(kind))

    def _open_break(self, kind: BreakKind) -> None:
        if self.window is not None:
            return
        window = self._take_prepared(kind) or self._make_window(kind)
        if window is None:
            return
        self.window = window
        window.begin(break_screens(self.screens), self.full_screen)

    def _make_window(self, kind: BreakKind) -> BreakWindow | None:
        """The window of a ``kind`` break, not shown yet; None where there is nothing to
        play (no such rule or routine)."""
        routine = (self.library.get(self.routines[kind])
                   or self.library.get(BREAK_ROUTINES[kind]))
        rule = next((r for r in self.scheduler.rules if r.kind is kind), None)
        if routine is None or rule is None:
            return None
        routine = break_routine(routine, rule.duration_s, BREAK_GET_READY_S)
        note = _(HYDRATION_NUDGE) if kind is BreakKind.REST and self.hydration_nudge else ""
        session = GuidedSession(routine, self._store, self.clock, get_ready_s=BREAK_GET_READY_S)
        from coach.ui.breaks.window import BreakWindow

        window = BreakWindow(kind, session, self.sounds, note,
                             self.scheduler.can_snooze(kind), self.scheduler.can_skip())
        window.ended.connect(self._taken)
        window.answers.snooze.connect(lambda: self._answer(self.scheduler.snooze(kind)))
        window.answers.skip.connect(lambda: self._answer(self.scheduler.skip(kind)))
        return window

    def _prepare(self, kind: BreakKind) -> None:
        """While the notice of a ``kind`` break shows, make its window (hidden), so that it
        shows at once when the break is due."""
        announced = self.notice is not None or kind in self._announced.values()
        if self.window is not None or not announced or self.prepared is not None:
            return
        self.prepared = self._make_window(kind)
        if self.prepared is not None:
            self.prepared.ensurePolished()

    def _take_prepared(self, kind: BreakKind) -> BreakWindow | None:
        if self.prepared is not None and self.prepared.kind is not kind:
            self._drop_prepared()
        window, self.prepared = self.prepared, None
        return window

    def _drop_prepared(self) -> None:
        """The break made ready for will not come as made (answered, withdrawn, quitting, a
        natural break): its window goes."""
        if self.prepared is not None:
            self.prepared.dismiss()
            self.prepared = None

    def _start_early(self, kind: BreakKind) -> None:
        self._show_break(kind)

    def _taken(self, kind: BreakKind) -> None:
        self.window = None
        self._record(self.scheduler.take(kind))
        self.check()

    def _answer(self, ended: BreakEnded) -> None:
        self._record(ended)
        self._drop_prepared()
        self._close_notice()
        self._dismiss_window()
        self.check()

    def _record(self, ended: BreakEnded) -> None:
        self.log.add(ended.kind, self.clock.now(), ended.outcome)
        self.status_changed.emit(self.status())

    def _dismiss_window(self) -> None:
        if self.window is not None:
            self.window.dismiss()
            self.window = None

    def _withdraw_notice(self) -> None:
        """Take down the notice of a break (and the window made for it) that may no longer
        come as announced; if it still comes, it is announced again."""
        self._close_notice()
        self._announced.clear()  # a press on the desktop's notification answers nothing now
        self._drop_prepared()
        self.scheduler.announce_again()

    def _close_notice(self) -> None:
        if self.notice is not None:
            self.notice.close()
            self.notice.deleteLater()
            self.notice = None
