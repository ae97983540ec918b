"""Cold and heat therapy: what may be applied, for how long, and a timer that can be trusted.

Facts: a cold or heat pack goes on for 15 to 20 minutes at a time (source document
003_dd1ab4b08acc332a.txt). Checking the skin about every 5 minutes and waiting about an hour
before the next application are common health-service guidance, not from the source documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from coach.core.clock import Clock
from coach.core.deadline import Deadline
from coach.core.i18n import _, ngettext

MIN_MINUTES = 15
MAX_MINUTES = 20
DEFAULT_MINUTES = 15
MAX_EXTEND_MINUTES = 5
SKIN_CHECK_EVERY_S = 5 * 60
REST_GAP_S = 60 * 60
ALARM_REPEAT_S = 60
ON_TIME_S = 60
"""A pack taken off within this many seconds of the end counts as on time."""
MAX_AREA_CHARS = 60


class TherapyKind(Enum):
    COLD = "cold"
    HEAT = "heat"


METHODS: dict[TherapyKind, tuple[str, ...]] = {
    TherapyKind.COLD: ("ice pack",),
    TherapyKind.HEAT: ("moist heat pack", "warm compress", "warm shower"),
}
AREAS = ("upper back", "between the shoulder blades", "neck", "shoulders")


class TherapyError(ValueError):
    """A therapy request outside the safe limits; the message gives the reason."""


class TimerState(Enum):
    RUNNING = "running"
    PAUSED = "paused"
    DUE = "due"
    ENDED = "ended"


class Outcome(Enum):
    COMPLETED = "completed"
    ENDED_EARLY = "ended early"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class TherapyPlan:
    """What to apply, where, and for how long (``planned_s``, 15-20 minutes)."""

    kind: TherapyKind
    method: str
    area: str
    planned_s: int


def plan_application(kind: TherapyKind, minutes: int, area: str,
                     method: str | None = None) -> TherapyPlan:
    """A checked plan. Raises TherapyError when ``minutes`` is outside 15-20, the method does
    not fit the kind, or the area is empty or longer than 60 characters."""
    if minutes > MAX_MINUTES:
        raise TherapyError(ngettext(
            "{minutes} minute is too long: a cold or heat pack goes on for at most {most} "
            "minutes at a time, to protect your skin.",
            "{minutes} minutes is too long: a cold or heat pack goes on for at most {most} "
            "minutes at a time, to protect your skin.", minutes).format(
            minutes=minutes, most=MAX_MINUTES))
    if minutes < MIN_MINUTES:
        raise TherapyError(ngettext(
            "{minutes} minute is too short to set: a timer runs {least} to {most} minutes, "
            "and you can always end it early when the pack has done enough.",
            "{minutes} minutes is too short to set: a timer runs {least} to {most} minutes, "
            "and you can always end it early when the pack has done enough.", minutes).format(
            minutes=minutes, least=MIN_MINUTES, most=MAX_MINUTES))
    chosen = method or METHODS[kind][0]
    if chosen not in METHODS[kind]:
        choices = METHODS[kind]
        choose = (_("use {method}").format(method=choices[0]) if len(choices) == 1
                  else _("choose one of: {methods}").format(methods=", ".join(choices)))
        raise TherapyError((_("'{method}' is not a cold method; {choose}.")
                            if kind is TherapyKind.COLD else
                            _("'{method}' is not a heat method; {choose}.")).format(
            method=chosen, choose=choose))
    area = area.strip()
    if not area or len(area) > MAX_AREA_CHARS:
        raise TherapyError(_("Name the area in 1 to {most} characters.").format(
            most=MAX_AREA_CHARS))
    return TherapyPlan(kind, chosen, area, minutes * 60)


def rest_gap_ends(last_ended_at: datetime | None) -> datetime | None:
    """When the next application of the same kind is advised, or None if it is now."""
    return None if last_ended_at is None else last_ended_at + timedelta(seconds=REST_GAP_S)


@dataclass(frozen=True)
class SkinCheck:
    """Time to look at the skin (every 5 minutes of application)."""

    number: int


@dataclass(frozen=True)
class TimeUp:
    """The pack should come off. ``repeat`` is 0 first, then 1, 2, ... each minute after."""

    repeat: int


TimerEvent = SkinCheck | TimeUp


class TherapyTimer:
    """One application: RUNNING -> (PAUSED <-> RUNNING) -> DUE -> ENDED, or ended early.

    ``planned_s`` grows with extensions (never past 20 minutes). ``update`` returns the skin
    checks and alarms due since the last call; an alarm repeats every minute until
    ``confirm_off``. Time on the skin is ``planned_s - left``, so it stays exact through
    sleep, clock changes and restarts.
    """

    def __init__(self, plan: TherapyPlan, started_at: datetime, deadline: Deadline | None,
                 paused_left_s: float | None = None, state: TimerState = TimerState.RUNNING,
                 planned_s: int | None = None, timer_id: int = 0,
                 rest_gap_respected: bool = True) -> None:
        self.id = timer_id
        self.plan = plan
        self.started_at = started_at
        self.planned_s = planned_s or plan.planned_s
        self.state = state
        self.deadline = deadline
        self.paused_left_s = paused_left_s
        self.rest_gap_respected = rest_gap_respected
        self.outcome: Outcome | None = None
        self.ended_at: datetime | None = None
        self.actual_s: float | None = None
        self._skin_checks = 0
        self._alarms = 0
        self._first_alarm_late_s: float | None = None

    @classmethod
    def start(cls, plan: TherapyPlan, clock: Clock, rest_gap_respected: bool = True,
              ) -> TherapyTimer:
        return cls(plan, clock.now(), Deadline.after(clock, plan.planned_s),
                   rest_gap_respected=rest_gap_respected)

    def left_s(self, clock: Clock) -> float:
        """Seconds until the pack should come off; negative when overdue."""
        if self.state is TimerState.PAUSED:
            return float(self.paused_left_s or 0.0)
        if self.deadline is None or self.state is TimerState.ENDED:
            return 0.0
        return self.deadline.left_s(clock)

    def ends_at(self) -> datetime | None:
        """The clock time the application ends at, while it runs."""
        return self.deadline.at if self.deadline and self.state is not TimerState.PAUSED \
            else None

    def applied_s(self, clock: Clock) -> float:
        """Seconds the pack has been on so far (pauses excluded)."""
        if self.actual_s is not None:
            return self.actual_s
        return self.planned_s - self.left_s(clock)

    def update(self, clock: Clock) -> list[TimerEvent]:
        """Skin checks and alarms that are due now. After a gap (sleep, a restart) only the
        latest skin check is given, and the alarm repeats count from when it first sounded."""
        if self.state not in (TimerState.RUNNING, TimerState.DUE):
            return []
        left = self.left_s(clock)
        events: list[TimerEvent] = []
        checks = min(int((self.planned_s - left) // SKIN_CHECK_EVERY_S),
                     (self.planned_s - 1) // SKIN_CHECK_EVERY_S)
        if checks > self._skin_checks and left > 0:
            events.append(SkinCheck(checks))
        self._skin_checks = max(self._skin_checks, checks)
        if left <= 0:
            self.state = TimerState.DUE
            if self._first_alarm_late_s is None:
                self._first_alarm_late_s = -left  # late after sleep or a restart: 0 first
            alarms_due = int((-left - self._first_alarm_late_s) // ALARM_REPEAT_S) + 1
            if alarms_due > self._alarms:
                events.append(TimeUp(alarms_due - 1))
                self._alarms = alarms_due
        return events

    def pause(self, clock: Clock) -> None:
        if self.state is TimerState.RUNNING:
            self.paused_left_s = max(0.0, self.left_s(clock))
            self.state = TimerState.PAUSED

    def resume(self, clock: Clock) -> None:
        if self.state is TimerState.PAUSED:
            self.deadline = Deadline.after(clock, self.paused_left_s or 0.0)
            self.paused_left_s = None
            self.state = TimerState.RUNNING

    def extend(self, clock: Clock, minutes: int) -> None:
        """Add 1-5 minutes. Raises TherapyError past the 20-minute limit or once ended."""
        if self.state is TimerState.ENDED:
            raise TherapyError(_("This application has ended."))
        if not 1 <= minutes <= MAX_EXTEND_MINUTES:
            raise TherapyError(_("Extend by 1 to {most} minutes.").format(
                most=MAX_EXTEND_MINUTES))
        if self.planned_s + minutes * 60 > MAX_MINUTES * 60:
            room = (MAX_MINUTES * 60 - self.planned_s) // 60
            raise TherapyError(ngettext(
                "That would pass the {limit}-minute limit; {count} more minute at most.",
                "That would pass the {limit}-minute limit; {count} more minutes at most.",
                room).format(limit=MAX_MINUTES, count=room))
        self.planned_s += minutes * 60
        if self.state is TimerState.PAUSED:
            self.paused_left_s = (self.paused_left_s or 0.0) + minutes * 60
            return
        if self.state is TimerState.DUE:
            self.deadline = Deadline.after(clock, self.left_s(clock) + minutes * 60)
            self.state = TimerState.RUNNING
            self._alarms = 0
            self._first_alarm_late_s = None
        elif self.deadline is not None:
            self.deadline = self.deadline.moved(minutes * 60)

    def end_early(self, clock: Clock) -> None:
        """The pack came off before the end."""
        self._end(clock, Outcome.ENDED_EARLY)

    def confirm_off(self, clock: Clock) -> None:
        """The user confirms the pack is off: completed, or overdue if late."""
        left = self.left_s(clock)
        if left > 0:
            self._end(clock, Outcome.ENDED_EARLY)
        else:
            self._end(clock, Outcome.COMPLETED if -left <= ON_TIME_S else Outcome.OVERDUE)

    @property
    def overdue_s(self) -> float:
        """How long past the end the pack stayed on (0 unless the outcome is OVERDUE)."""
        if self.outcome is not Outcome.OVERDUE or self.actual_s is None:
            return 0.0
        return self.actual_s - self.planned_s

    def _end(self, clock: Clock, outcome: Outcome) -> None:
        if self.state is TimerState.ENDED:
            return
        self.actual_s = max(0.0, self.planned_s - self.left_s(clock))
        self.outcome = outcome
        self.ended_at = clock.now()
        self.state = TimerState.ENDED
