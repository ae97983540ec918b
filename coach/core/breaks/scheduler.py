"""Posture break reminders: active time from input idle time, micro-breaks and rest breaks.

Why: prolonged sitting with a poor posture, and muscles held in one position for a long time,
are causes of upper-back spasms (source documents 001_eb06acfd83de148c.txt and
003_dd1ab4b08acc332a.txt). The default lengths follow the peers users know (Workrave,
Stretchly): a short break every 20 minutes of activity and a longer one every 50.

The scheduler is pure: ``check`` takes the time (a Clock), the seconds since the last keyboard
or mouse input, and whether the desktop asks not to be disturbed, and returns events. It asks
to be called again after ``next_check_s``, so an idle machine wakes it rarely; where the
desktop tells of the next input, an absent user's machine does not wake it at all until they
are back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum

from coach.core.breaks.calendar import WorkingHours
from coach.core.clock import Clock
from coach.core.i18n import N_, _
from coach.core.routines.routine import Routine, Step

WARNING_S = 10
"""A break is announced this many seconds of activity before it is due."""
SNOOZE_S = 5 * 60
LATE_S = 10.0
"""A check this much later than asked for means the machine slept, was locked or stalled:
the time in between counts as idle, never as activity."""
IDLE_GRACE_S = 5.0
"""Input this recent means the whole time since the last check was active: short pauses
while typing or reading count as activity, as in Workrave."""
CHECK_EVERY_S = 15.0
"""The longest wait between checks while the user may be typing, and, where no input is
told of, while they are away."""
OFF_CHECK_S = 60.0
"""The longest wait between checks while breaks are paused or it is outside working hours:
the status line follows the clock within a minute, and the end of a pause to the second."""
MIN_CHECK_S = 1.0


HYDRATION_NUDGE = N_("Have a drink of water too: running low on fluids can add to muscle "
                   "spasms.")
"""Shown at rest breaks when the user wants it (source document 003_dd1ab4b08acc332a.txt)."""


class BreakKind(Enum):
    MICRO = "micro-break"
    REST = "rest break"


class Outcome(Enum):
    """How a prompted (or natural) break ended, as kept in the history."""

    TAKEN = "taken"
    NATURAL = "natural"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    POSTPONED = "postponed (do not disturb)"


@dataclass(frozen=True)
class BreakRule:
    """A break of ``duration_s`` after ``interval_s`` seconds of activity. Idle for at least
    ``duration_s`` counts as that break taken (a natural break)."""

    kind: BreakKind
    interval_s: int
    duration_s: int
    enabled: bool = True


DEFAULT_RULES = (
    BreakRule(BreakKind.MICRO, interval_s=20 * 60, duration_s=30),
    BreakRule(BreakKind.REST, interval_s=50 * 60, duration_s=5 * 60),
)


@dataclass(frozen=True)
class BreakSoon:
    """A break is ``in_s`` seconds of activity away: time to offer Start now, Snooze, Skip."""

    kind: BreakKind
    in_s: float


@dataclass(frozen=True)
class BreakDue:
    kind: BreakKind


@dataclass(frozen=True)
class BreakEnded:
    """A break counted in the history: ``outcome`` says how."""

    kind: BreakKind
    outcome: Outcome


BreakEvent = BreakSoon | BreakDue | BreakEnded


@dataclass
class _Count:
    rule: BreakRule
    active_s: float = 0.0
    due_at_s: float = 0.0
    warned: bool = False
    prompted: bool = False
    waiting_for_quiet: bool = False
    snoozed: int = 0
    """How often this break has been snoozed since it was last taken, skipped or reset."""

    def reset(self) -> None:
        self.active_s = 0.0
        self.due_at_s = float(self.rule.interval_s)
        self.warned = self.prompted = self.waiting_for_quiet = False
        self.snoozed = 0


@dataclass
class BreakScheduler:
    """Counts activity for each enabled rule and prompts breaks.

    A rest break counts as a micro-break too, and a micro-break that would fall within a
    minute of a rest break is left to it. Outside ``working_hours`` (when set), and while
    ``paused_until`` (an aware datetime, or
    ``PAUSED_INDEFINITELY``) is ahead, nothing is counted or prompted. In ``strict`` mode a
    break cannot be skipped, and snoozed at most ``max_snoozes`` times.
    """

    rules: tuple[BreakRule, ...] = DEFAULT_RULES
    paused_until: datetime | None = None
    working_hours: WorkingHours | None = None
    strict: bool = False
    max_snoozes: int = 1
    input_wakes: bool = False
    """Whether the caller calls ``check(..., back_from_idle=True)`` at the first input once
    the idle time has reached IDLE_GRACE_S (the desktop tells it of input): nothing is then
    counted until that input, so an absent user's machine need not be asked on a timer."""
    _counts: dict[BreakKind, _Count] = field(default_factory=dict)
    _last_check: float | None = None
    _last_wall: datetime | None = None
    _last_idle_s: float = 0.0
    _asked_s: float | None = CHECK_EVERY_S
    """The wait asked for at the last check; None: until the next input."""

    def __post_init__(self) -> None:
        self.set_rules(self.rules)

    def set_rules(self, rules: tuple[BreakRule, ...]) -> None:
        """New settings: counts of rules that stay are kept."""
        self.rules = rules
        old = self._counts
        self._counts = {}
        for rule in rules:
            if rule.enabled:
                kept = old.get(rule.kind)
                count = kept or _Count(rule)
                if kept is None:
                    count.reset()
                elif kept.rule.interval_s != rule.interval_s:
                    count.due_at_s, count.warned = float(rule.interval_s), False
                count.rule = rule
                self._counts[rule.kind] = count

    # -- queries ---------------------------------------------------------------------------

    def active_s(self, kind: BreakKind) -> float:
        """Seconds of activity counted towards the next ``kind`` break."""
        count = self._counts.get(kind)
        return count.active_s if count else 0.0

    def until_due_s(self, kind: BreakKind) -> float | None:
        """Seconds of activity until the next ``kind`` break, or None if it is off."""
        count = self._counts.get(kind)
        return None if count is None else max(0.0, count.due_at_s - count.active_s)

    def next_break(self) -> tuple[BreakKind, float] | None:
        """The next break that will be shown and the seconds of activity until it, or None
        when every kind is off. A micro-break left to a rest break (see
        ``_left_to_rest_break``) is not the next: the rest break is."""
        waits = [(left, count.rule.kind) for count in self._counts.values()
                 if not self._left_to_rest_break(count)
                 and (left := self.until_due_s(count.rule.kind)) is not None]
        if not waits:
            return None
        left, kind = min(waits, key=lambda wait: wait[0])
        return kind, left

    def next_check_s(self, idle_s: float) -> float | None:
        """When to call ``check`` again: soon enough to warn on time and to see a natural
        break, and never more often than needed. With ``input_wakes``, once ``idle_s`` has
        reached IDLE_GRACE_S only natural breaks are waited for; None: wait for the input."""
        if self._last_wall is not None and self._off(self._last_wall):
            if self.is_paused(self._last_wall) and self.paused_until is not None:
                left = (self.paused_until - self._last_wall).total_seconds()
                return max(MIN_CHECK_S, min(OFF_CHECK_S, left))
            return OFF_CHECK_S
        waits_for_input = self.waits_for_input(idle_s)
        soonest = None if waits_for_input else CHECK_EVERY_S
        for count in self._counts.values():
            if count.prompted or count.waiting_for_quiet:
                continue
            to_due = count.due_at_s - count.active_s
            to_natural = count.rule.duration_s - idle_s
            waits = (to_natural,) if waits_for_input else (to_due - WARNING_S, to_due,
                                                           to_natural)
            soonest = min((s for s in (soonest, *waits) if s is not None and s > 0),
                          default=None)
        return None if soonest is None else max(MIN_CHECK_S, soonest)

    def waits_for_input(self, idle_s: float) -> bool:
        """Whether, at ``idle_s``, the next check after input is all that counting needs
        (see ``input_wakes``)."""
        return self.input_wakes and idle_s >= IDLE_GRACE_S

    def is_paused(self, now: datetime) -> bool:
        return self.paused_until is not None and now < self.paused_until

    # -- the clock's tick ------------------------------------------------------------------

    def _off(self, wall: datetime) -> bool:
        """Whether breaks are paused or it is outside working hours at ``wall``."""
        return self.is_paused(wall) or (self.working_hours is not None
                                        and not self.working_hours.contains(wall))

    def check(self, clock: Clock, idle_s: float,
              quiet_wanted: Callable[[], bool] = lambda: False,
              back_from_idle: bool = False) -> list[BreakEvent]:
        """Count the time since the last check and return what is due.

        ``idle_s`` is the seconds since the last input; ``quiet_wanted()`` says whether a
        fullscreen window or the desktop's do-not-disturb is on (a due break then waits). It
        is asked only when a break is due, so the desktop is not asked at every check.
        ``back_from_idle`` says input has just come after the idle time seen at the last
        check: all the time since was idle, whatever ``idle_s`` says now.
        """
        now, wall = clock.monotonic(), clock.now()
        elapsed = 0.0 if self._last_check is None else max(0.0, now - self._last_check)
        away = elapsed
        if not clock.counts_suspend and self._last_wall is not None:
            # a monotonic clock that stops in sleep: only the wall clock shows the time asleep
            away = max(elapsed, (wall - self._last_wall).total_seconds())
        self._last_check, self._last_wall = now, wall
        idle_span = idle_s  # the idle time before the last input, for counting
        if back_from_idle or self._asked_s is None:
            idle_span = max(idle_s, self._last_idle_s + away)
        elif away > self._asked_s + LATE_S:
            idle_span = max(idle_s, away)  # slept, locked or stalled: never activity
        self._last_idle_s = idle_s
        if self._off(wall):
            self._asked_s = self.next_check_s(idle_s)
            return []
        if self.paused_until is not None:  # the pause ended since: count only the time after
            elapsed = min(elapsed, (wall - self.paused_until).total_seconds())
        self.paused_until = None
        events = self._natural_breaks(idle_span)
        active = elapsed if idle_span < IDLE_GRACE_S else max(0.0, elapsed - idle_span)
        for count in self._counts.values():
            if not count.prompted:
                count.active_s += active
        events += self._prompts(quiet_wanted)
        self._asked_s = self.next_check_s(idle_s)
        return events

    def _natural_breaks(self, idle_s: float) -> list[BreakEvent]:
        events: list[BreakEvent] = []
        for count in sorted(self._counts.values(), key=lambda c: -c.rule.duration_s):
            if idle_s >= count.rule.duration_s and count.active_s > 0:
                events.append(BreakEnded(count.rule.kind, Outcome.NATURAL))
                self._taken(count.rule.kind)
        return events

    def _prompts(self, quiet_wanted: Callable[[], bool]) -> list[BreakEvent]:
        events: list[BreakEvent] = []
        for count in self._counts.values():
            left = count.due_at_s - count.active_s
            if count.prompted or self._left_to_rest_break(count):
                continue
            if left <= 0:
                if quiet_wanted():
                    if not count.waiting_for_quiet:
                        events.append(BreakEnded(count.rule.kind, Outcome.POSTPONED))
                    count.waiting_for_quiet = True
                    continue
                count.prompted = True
                count.waiting_for_quiet = False
                events.append(BreakDue(count.rule.kind))
            elif left <= WARNING_S and not count.warned:
                count.warned = True
                events.append(BreakSoon(count.rule.kind, left))
        return events

    def _left_to_rest_break(self, count: _Count) -> bool:
        """A micro-break is dropped when a rest break is due within a minute of it."""
        rest = self._counts.get(BreakKind.REST)
        if count.rule.kind is not BreakKind.MICRO or rest is None:
            return False
        # an overdue break falls now, however long overdue (both can be, after quiet)
        rest_left = max(0.0, rest.due_at_s - rest.active_s)
        return rest_left <= max(0.0, count.due_at_s - count.active_s) + 60

    def announce_again(self) -> None:
        """Breaks already announced are announced again when next soon or due: their notice
        was taken down (the settings changed, breaks were paused)."""
        for count in self._counts.values():
            count.warned = False

    # -- the user's answers ----------------------------------------------------------------

    def take(self, kind: BreakKind) -> BreakEnded:
        """The break was taken (from the prompt, or "take a break now")."""
        self._taken(kind)
        return BreakEnded(kind, Outcome.TAKEN)

    def can_snooze(self, kind: BreakKind) -> bool:
        """Whether the break may be snoozed now (always, unless strict and snoozed enough)."""
        count = self._counts.get(kind)
        return not self.strict or count is None or count.snoozed < self.max_snoozes

    def can_skip(self) -> bool:
        """Whether a break may be skipped (not in strict mode)."""
        return not self.strict

    def snooze(self, kind: BreakKind) -> BreakEnded:
        """Ask again after another 5 minutes of activity. Raises ValueError where
        ``can_snooze`` says no."""
        if not self.can_snooze(kind):
            raise ValueError(f"strict mode: the {kind.value} was snoozed enough")
        for count in self._answered(kind):
            count.due_at_s = count.active_s + SNOOZE_S
            count.warned = count.prompted = False
            count.snoozed += 1
        return BreakEnded(kind, Outcome.SNOOZED)

    def skip(self, kind: BreakKind) -> BreakEnded:
        """Not this time: the count starts again. Raises ValueError in strict mode."""
        if not self.can_skip():
            raise ValueError(f"strict mode: the {kind.value} cannot be skipped")
        for count in self._answered(kind):
            count.reset()
        return BreakEnded(kind, Outcome.SKIPPED)

    def _answered(self, kind: BreakKind) -> list[_Count]:
        """The counts an answer applies to: a rest break's answer also answers a micro-break
        within a minute of it, which was left to it (else that would be prompted at once)."""
        counts = [self._counts[kind]]
        rest, micro = self._counts.get(BreakKind.REST), self._counts.get(BreakKind.MICRO)
        if kind is BreakKind.REST and rest is not None and micro is not None:
            rest_left = max(0.0, rest.due_at_s - rest.active_s)
            if micro.due_at_s - micro.active_s <= rest_left + 60:
                counts.append(micro)
        return counts

    def _taken(self, kind: BreakKind) -> None:
        covered = (BreakKind.MICRO, BreakKind.REST) if kind is BreakKind.REST else (kind,)
        for each in covered:
            if each in self._counts:
                self._counts[each].reset()



KEEP_MOVING = Step(
    name=N_("Keep moving"),
    instruction=N_("Stand up and walk about, roll your shoulders now and then, and look at "
                   "something far away until the time is up."),
    duration_s=1, illustration="walk.svg")
"""The step that fills a break when its routine is shorter than the break."""


def break_routine(routine: Routine, length_s: int, get_ready_s: int) -> Routine:
    """``routine`` as a break of ``length_s`` seconds: if it is shorter (with its get-ready
    countdown), a "Keep moving" step fills the rest; if longer, it plays in full."""
    missing = length_s - routine.total_s - get_ready_s
    if missing <= 0:
        return routine
    moving = replace(KEEP_MOVING, name=_(KEEP_MOVING.name),
                     instruction=_(KEEP_MOVING.instruction), duration_s=missing)
    return replace(routine, steps=(*routine.steps, moving))
