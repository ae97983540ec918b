"""Break reminders: activity counted from input idle time, prompts on time, natural breaks.

Most tests drive the scheduler as the app does: a ``Sim`` advances a FakeClock by exactly
``next_check_s`` each step, asks a fake ``User`` for the seconds since the last input, calls
``check`` and notes each event with the real time in seconds since the simulation began
(time asleep included). On a BreakDue the simulated user answers as the test says: by default
they take the break and stay away for its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.breaks.calendar import PAUSED_INDEFINITELY
from coach.core.breaks.scheduler import (
    CHECK_EVERY_S,
    DEFAULT_RULES,
    IDLE_GRACE_S,
    LATE_S,
    MIN_CHECK_S,
    OFF_CHECK_S,
    SNOOZE_S,
    WARNING_S,
    BreakDue,
    BreakEnded,
    BreakEvent,
    BreakKind,
    BreakRule,
    BreakScheduler,
    BreakSoon,
    Outcome,
    break_routine,
)
from coach.core.clock import FakeClock
from coach.core.routines.routine import Routine, Step

MICRO, REST = BreakKind.MICRO, BreakKind.REST
MIN, HOUR = 60, 3600
TAKEN, NATURAL, SNOOZED, SKIPPED, POSTPONED = (
    Outcome.TAKEN, Outcome.NATURAL, Outcome.SNOOZED, Outcome.SKIPPED, Outcome.POSTPONED)


# --- the simulation ------------------------------------------------------------------------

def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass
class User:
    """A fake user over real time: seconds since the simulation began, time asleep included.

    Active unless away: with input at every moment (``gaps=()``), or typing with idle gaps of
    ``gaps`` seconds in turn. During an ``away`` span [start, end] there is no input; the user
    is back just after ``end``. A ``quiet`` span [start, end) is a meeting with fullscreen video:
    the desktop asks for quiet while the user stays active. ``answers`` say how the user answers
    each BreakDue in turn ("take", "snooze" or "skip"), then "take"; a break taken is added to
    ``away`` for its length.
    """

    away: list[tuple[float, float]] = field(default_factory=list)
    quiet: list[tuple[float, float]] = field(default_factory=list)
    gaps: tuple[float, ...] = ()
    answers: list[str] = field(default_factory=list)

    def idle_s(self, t: float) -> float:
        last_input, back_at = t, 0.0
        for start, end in _merged(self.away):
            if start <= t <= end:
                last_input = start
                break
            if end < t:
                back_at = end
        if self.gaps:
            cycle = sum(self.gaps)
            offsets = [sum(self.gaps[:i]) for i in range(len(self.gaps))]
            laps, into = divmod(last_input - back_at, cycle)
            last_input = back_at + laps * cycle + max(o for o in offsets if o <= into)
        return t - last_input

    def back_at(self, t: float) -> float | None:
        """When the first input after ``t`` comes, if ``t`` is in a time away."""
        return next((end for start, end in _merged(self.away) if start <= t <= end), None)

    def in_quiet(self, t: float) -> bool:
        return any(start <= t < end for start, end in self.quiet)

    def answer(self, scheduler: BreakScheduler, kind: BreakKind, t: float) -> BreakEnded:
        what = self.answers.pop(0) if self.answers else "take"
        if what == "take":
            duration = next(rule.duration_s for rule in scheduler.rules if rule.kind is kind)
            self.away.append((t, t + duration))
            return scheduler.take(kind)
        ended: BreakEnded = getattr(scheduler, what)(kind)
        return ended


@dataclass
class Sim:
    """Drives a scheduler as the app's ticker would; ``log`` holds (time, event) pairs.

    With ``input_wakes`` the desktop tells of input, as the app's idle sources that can do:
    while the scheduler waits for input, the first input after a time away checks at once.
    ``machine`` holds (time, "suspend" or "jump_wall", seconds) changes, made between two
    checks: the first check after one comes a full asked-for step later. The user is away
    while the machine sleeps.
    """

    clock: FakeClock
    user: User = field(default_factory=User)
    scheduler: BreakScheduler = field(default_factory=BreakScheduler)
    machine: list[tuple[float, str, float]] = field(default_factory=list)
    t: float = 0.0
    log: list[tuple[float, BreakEvent]] = field(default_factory=list)
    steps: list[float] = field(default_factory=list)
    idle: float | None = None
    input_wakes: bool = False

    def __post_init__(self) -> None:
        self.scheduler.input_wakes = self.input_wakes

    def run(self, until: float) -> list[tuple[float, BreakEvent]]:
        """Check at each asked-for step up to ``until``; return the events of this run."""
        first = len(self.log)
        if self.idle is None:
            self._check()
        while True:
            assert self.idle is not None
            step = self.scheduler.next_check_s(self.idle)
            back = (self.user.back_at(self.t) if self.scheduler.waits_for_input(self.idle)
                    else None)
            if back is not None and (step is None or self.t + step > back):
                if back > until:
                    return self.log[first:]
                self.steps.append(back - self.t)
                self._advance(back - self.t)
                self._check(back_from_idle=True)
                continue
            if step is None or self.t + step > until:
                return self.log[first:]
            self.steps.append(step)
            self._advance(step)
            self._check()

    def _advance(self, step: float) -> None:
        target = self.t + step
        self.machine.sort()
        while self.machine and self.machine[0][0] < target:
            at, what, seconds = self.machine.pop(0)
            self.clock.advance(at - self.t)
            self.t = at
            if what == "suspend":
                self.user.away.append((at, at + seconds))
                self.clock.suspend(seconds)
                self.t += seconds
                target += seconds
            else:
                self.clock.jump_wall(seconds)
        self.clock.advance(target - self.t)
        self.t = target

    def _check(self, back_from_idle: bool = False) -> None:
        self.idle = 0.0 if back_from_idle else self.user.idle_s(self.t)
        quiet = self.user.in_quiet(self.t)
        for event in self.scheduler.check(self.clock, self.idle, lambda: quiet,
                                          back_from_idle):
            self.log.append((self.t, event))
            if isinstance(event, BreakDue):
                self.log.append((self.t, self.user.answer(self.scheduler, event.kind, self.t)))


def soon(kind: BreakKind) -> BreakSoon:
    return BreakSoon(kind, WARNING_S)


def prompted(log: list[tuple[float, BreakEvent]], kind: BreakKind | None = None) -> list[float]:
    return [t for t, e in log if isinstance(e, BreakDue) and kind in (None, e.kind)]


def ended(log: list[tuple[float, BreakEvent]], outcome: Outcome) -> list[tuple[float, BreakKind]]:
    return [(t, e.kind) for t, e in log if isinstance(e, BreakEnded) and e.outcome is outcome]


# --- defaults ------------------------------------------------------------------------------

def test_defaults_are_a_micro_break_every_20_minutes_and_a_rest_break_every_50():
    assert (
        BreakRule(MICRO, interval_s=20 * MIN, duration_s=30),
        BreakRule(REST, interval_s=50 * MIN, duration_s=5 * MIN),
    ) == DEFAULT_RULES
    assert WARNING_S == 10


def test_breaks_are_due_to_the_second_each_announced_once(clock):
    sim = Sim(clock)  # the user is at the keyboard all the time, and takes each break
    # micro at 20:00 (away 20:00-20:30); micro at 20:30 + 20:00 = 40:30 (away 40:30-41:00);
    # rest after 50 min of activity: 20:00 + 20:00 + 10:00 more from 41:00 = 51:00, away to
    # 56:00; it resets the micro count too, so the next micro is at 56:00 + 20:00 = 76:00.
    assert sim.run(80 * MIN) == [
        (19 * MIN + 50, soon(MICRO)), (20 * MIN, BreakDue(MICRO)),
        (20 * MIN, BreakEnded(MICRO, TAKEN)),
        (40 * MIN + 20, soon(MICRO)), (40 * MIN + 30, BreakDue(MICRO)),
        (40 * MIN + 30, BreakEnded(MICRO, TAKEN)),
        (50 * MIN + 50, soon(REST)), (51 * MIN, BreakDue(REST)),
        (51 * MIN, BreakEnded(REST, TAKEN)),
        (75 * MIN + 50, soon(MICRO)), (76 * MIN, BreakDue(MICRO)),
        (76 * MIN, BreakEnded(MICRO, TAKEN)),
    ]


def test_a_micro_break_within_a_minute_of_the_rest_break_is_left_to_it(clock):
    # micro taken at 20:00 (back at 20:30, rest count 20:00); away 30:00-30:30 at a rest count
    # of 29:30 is a natural micro-break: the micro would be due at 50:30 (rest count 49:30),
    # 30 s before the rest break at 51:00, so only the rest break is announced and prompted.
    sim = Sim(clock, User(away=[(30 * MIN, 30 * MIN + 30)]))
    assert sim.run(52 * MIN) == [
        (19 * MIN + 50, soon(MICRO)), (20 * MIN, BreakDue(MICRO)),
        (20 * MIN, BreakEnded(MICRO, TAKEN)),
        (30 * MIN + 30, BreakEnded(MICRO, NATURAL)),
        (50 * MIN + 50, soon(REST)), (51 * MIN, BreakDue(REST)),
        (51 * MIN, BreakEnded(REST, TAKEN)),
    ]


@pytest.mark.parametrize(("answer", "next_prompts"), [
    # the micro left to the rest break is skipped with it: both counts start again at 51:00
    ("skip", [(71 * MIN, MICRO)]),
    # and snoozed with it: both due at 56:00, so the micro is left to the rest break again
    ("snooze", [(56 * MIN, REST)]),
])
def test_a_micro_break_left_to_the_rest_break_follows_its_answer(clock, answer, next_prompts):
    sim = Sim(clock, User(away=[(30 * MIN, 30 * MIN + 30)], answers=["take", answer]))
    assert prompted(sim.run(51 * MIN)) == [20 * MIN, 51 * MIN]

    log = sim.run(72 * MIN)

    assert [(t, e.kind) for t, e in log if isinstance(e, BreakDue)][:1] == next_prompts


def test_the_next_break_is_the_rest_break_a_micro_break_is_left_to(clock):
    sim = Sim(clock, User(away=[(30 * MIN, 30 * MIN + 30)], answers=["take", "snooze"]))
    sim.run(51 * MIN)  # the rest break is snoozed with the micro-break left to it
    assert sim.scheduler.until_due_s(MICRO) == sim.scheduler.until_due_s(REST) == 5 * MIN
    assert sim.scheduler.next_break() == (REST, 5 * MIN)  # what will come, and the status


def test_the_next_break_is_the_sooner_one_and_none_when_all_are_off(clock):
    sim = Sim(clock, User())
    assert sim.scheduler.next_break() == (MICRO, 20 * MIN)
    sim.run(21 * MIN)  # the micro-break is taken at 20:00, over at 20:30
    assert sim.scheduler.next_break() == (MICRO, 19 * MIN + 30)
    sim.scheduler.set_rules([BreakRule(kind, 60, 10, enabled=False) for kind in (MICRO, REST)])
    assert sim.scheduler.next_break() is None


# --- activity from idle time ---------------------------------------------------------------

def test_activity_is_the_time_before_the_last_input_not_wall_time(clock):
    scheduler = BreakScheduler()
    assert scheduler.check(clock, idle_s=0) == []
    clock.advance(CHECK_EVERY_S)

    scheduler.check(clock, idle_s=10)

    assert scheduler.active_s(MICRO) == scheduler.active_s(REST) == 5
    assert scheduler.until_due_s(MICRO) == 20 * MIN - 5


@pytest.mark.parametrize(("late_by", "counted"),
                         [(LATE_S, LATE_S + CHECK_EVERY_S), (LATE_S + 1, 0)])
def test_a_check_more_than_late_s_late_counts_as_idle(clock, late_by, counted):
    scheduler = BreakScheduler()
    scheduler.check(clock, 0)
    clock.advance(scheduler.next_check_s(0) + late_by)
    scheduler.check(clock, 0)
    assert scheduler.active_s(MICRO) == counted


# --- natural breaks ------------------------------------------------------------------------

def test_idle_30_s_is_a_natural_micro_break_once(clock):
    sim = Sim(clock, User(away=[(10 * MIN, 10 * MIN + 30)]))

    assert sim.run(15 * MIN) == [(10 * MIN + 30, BreakEnded(MICRO, NATURAL))]
    assert sim.scheduler.active_s(MICRO) == 15 * MIN - (10 * MIN + 30)
    assert sim.scheduler.active_s(REST) == 15 * MIN - 30


def test_idle_29_s_is_not_a_break(clock):
    sim = Sim(clock, User(away=[(10 * MIN, 10 * MIN + 29)]))
    assert sim.run(15 * MIN) == []
    assert sim.scheduler.active_s(MICRO) > 14 * MIN


def test_idle_5_minutes_is_a_natural_rest_break_and_micro_break(clock):
    sim = Sim(clock, User(away=[(10 * MIN, 15 * MIN)]))

    assert sim.run(20 * MIN) == [
        (10 * MIN + 30, BreakEnded(MICRO, NATURAL)), (15 * MIN, BreakEnded(REST, NATURAL))]
    assert sim.scheduler.active_s(MICRO) == sim.scheduler.active_s(REST) == 5 * MIN


def test_away_for_3_hours_gives_one_natural_break_of_each_kind_and_no_backlog(clock):
    back = 10 * MIN + 3 * HOUR
    sim = Sim(clock, User(away=[(10 * MIN, back)]))

    assert sim.run(back + 20 * MIN) == [
        (10 * MIN + 30, BreakEnded(MICRO, NATURAL)), (15 * MIN, BreakEnded(REST, NATURAL)),
        (back + 19 * MIN + 50, soon(MICRO)), (back + 20 * MIN, BreakDue(MICRO)),
        (back + 20 * MIN, BreakEnded(MICRO, TAKEN)),
    ]


# --- the user's answers --------------------------------------------------------------------

def test_snooze_asks_again_after_5_more_minutes_of_activity(clock):
    sim = Sim(clock, User(answers=["snooze"]))
    assert SNOOZE_S == 5 * MIN

    assert sim.run(26 * MIN) == [
        (19 * MIN + 50, soon(MICRO)), (20 * MIN, BreakDue(MICRO)),
        (20 * MIN, BreakEnded(MICRO, SNOOZED)),
        (24 * MIN + 50, soon(MICRO)), (25 * MIN, BreakDue(MICRO)),
        (25 * MIN, BreakEnded(MICRO, TAKEN)),
    ]


def test_snooze_counts_activity_not_time(clock):
    # snoozed at 20:00, then away 21:00-21:29: the check at 21:15 sees 15 s idle, which is
    # not counted; the one at 21:30 sees the user back (since 21:29), so its step counts.
    sim = Sim(clock, User(answers=["snooze"], away=[(21 * MIN, 21 * MIN + 29)]))
    assert prompted(sim.run(30 * MIN)) == [20 * MIN, 25 * MIN + 15]


def test_skip_restarts_the_count(clock):
    sim = Sim(clock, User(answers=["skip"]))

    assert sim.run(41 * MIN) == [
        (19 * MIN + 50, soon(MICRO)), (20 * MIN, BreakDue(MICRO)),
        (20 * MIN, BreakEnded(MICRO, SKIPPED)),
        (39 * MIN + 50, soon(MICRO)), (40 * MIN, BreakDue(MICRO)),
        (40 * MIN, BreakEnded(MICRO, TAKEN)),
    ]


def test_skip_of_a_micro_break_leaves_the_rest_count_alone(clock):
    sim = Sim(clock, User(answers=["skip", "skip"]))
    sim.run(51 * MIN)
    assert prompted(sim.log, REST) == [50 * MIN]


# --- quiet: fullscreen and do-not-disturb ---------------------------------------------------

def test_a_break_due_in_quiet_is_postponed_once_and_prompted_when_quiet_ends(clock):
    sim = Sim(clock, User(quiet=[(15 * MIN, 30 * MIN)]))

    log = sim.run(31 * MIN)

    assert ended(log, POSTPONED) == [(20 * MIN, MICRO)]
    assert prompted(log) == [30 * MIN]
    assert [e for t, e in log if t == 30 * MIN] == [BreakDue(MICRO), BreakEnded(MICRO, TAKEN)]


def test_after_quiet_over_both_breaks_only_the_rest_break_is_prompted(clock):
    # micro taken at 20:00; in quiet from 35:00: micro due at 40:30, rest at 50:30
    sim = Sim(clock, User(quiet=[(35 * MIN, 60 * MIN)]))

    log = sim.run(61 * MIN)

    assert ended(log, POSTPONED) == [(40 * MIN + 30, MICRO), (50 * MIN + 30, REST)]
    assert [(t, e) for t, e in log if t >= 60 * MIN] == [
        (60 * MIN, BreakDue(REST)), (60 * MIN, BreakEnded(REST, TAKEN))]


def test_no_prompt_while_quiet_however_long(clock):
    sim = Sim(clock, User(quiet=[(0, 4 * HOUR)]))
    log = sim.run(4 * HOUR - 1)
    assert prompted(log) == []
    assert ended(log, POSTPONED) == [(20 * MIN, MICRO), (50 * MIN, REST)]


# --- pause ---------------------------------------------------------------------------------

def test_nothing_is_counted_or_prompted_while_paused(clock):
    sim = Sim(clock)
    sim.scheduler.paused_until = clock.now() + timedelta(hours=1)

    assert sim.run(HOUR) == []
    assert sim.scheduler.active_s(MICRO) == 0

    assert prompted(sim.run(HOUR + 21 * MIN)) == [HOUR + 20 * MIN]
    assert sim.scheduler.paused_until is None


def test_paused_indefinitely_until_resumed(clock):
    sim = Sim(clock)
    sim.run(10 * MIN)
    sim.scheduler.paused_until = PAUSED_INDEFINITELY

    assert sim.run(10 * MIN + 8 * HOUR) == []
    assert sim.scheduler.active_s(MICRO) == 10 * MIN

    sim.scheduler.paused_until = None
    assert prompted(sim.run(10 * MIN + 8 * HOUR + 11 * MIN)) == [10 * MIN + 8 * HOUR + 10 * MIN]


def test_pausing_when_a_break_is_announced_and_walking_away(clock):
    sim = Sim(clock)
    assert sim.run(19 * MIN + 50) == [(19 * MIN + 50, soon(MICRO))]
    pause_ends = sim.t + HOUR
    sim.scheduler.paused_until = clock.now() + timedelta(hours=1)
    sim.user.away.append((sim.t, sim.t + 2 * HOUR))

    assert sim.run(pause_ends - 1) == []
    assert sim.run(pause_ends + 10 * MIN) == [(pause_ends, BreakEnded(REST, NATURAL))]


# --- sleep and clock changes ---------------------------------------------------------------

@pytest.mark.parametrize("counts_suspend", [False, True])
def test_a_suspend_between_two_checks_is_a_natural_break_not_a_burst(counts_suspend):
    clock = FakeClock(counts_suspend=counts_suspend)
    sim = Sim(clock, machine=[(10 * MIN, "suspend", 2 * HOUR)])
    back = 10 * MIN + 2 * HOUR

    log = sim.run(back + 25 * MIN)

    # the check after the resume comes one asked-for step (15 s) later; the user was typing
    # again by then, yet that late step is idle time: a rest break, which is a micro-break too
    assert log[0] == (back + CHECK_EVERY_S, BreakEnded(REST, NATURAL))
    assert prompted(log) == [back + CHECK_EVERY_S + 20 * MIN]


@pytest.mark.parametrize(("counts_suspend", "jump_s"),
                         [(True, HOUR), (True, -HOUR), (False, -HOUR)])
def test_a_wall_clock_change_does_not_change_the_counts(counts_suspend, jump_s):
    clock = FakeClock(counts_suspend=counts_suspend)
    sim = Sim(clock, machine=[(10 * MIN, "jump_wall", jump_s)])

    assert prompted(sim.run(41 * MIN)) == [20 * MIN, 40 * MIN + 30]


def test_a_wall_clock_set_forward_on_a_clock_that_stops_in_sleep_reads_as_sleep():
    # With such a clock a suspend is seen only on the wall clock: FakeClock.suspend is then
    # jump_wall, so the two cannot be told apart (as in coach.core.deadline).
    clock = FakeClock(counts_suspend=False)
    sim = Sim(clock, machine=[(10 * MIN, "jump_wall", HOUR)])

    assert sim.run(11 * MIN) == [(10 * MIN + CHECK_EVERY_S, BreakEnded(REST, NATURAL))]


# --- when to check next --------------------------------------------------------------------

def test_next_check_is_at_most_check_every_s_for_an_idle_machine(clock):
    scheduler = BreakScheduler()
    scheduler.check(clock, 0)
    assert scheduler.next_check_s(0) == CHECK_EVERY_S
    assert scheduler.next_check_s(10 * HOUR) == CHECK_EVERY_S


def test_next_check_is_at_least_min_check_s(clock):
    scheduler = BreakScheduler()
    scheduler.check(clock, 0)
    while scheduler.active_s(MICRO) < 20 * MIN - WARNING_S - CHECK_EVERY_S:
        clock.advance(CHECK_EVERY_S)
        scheduler.check(clock, 0)
    clock.advance(scheduler.next_check_s(0) - 0.25)  # a little early: 0.25 s before the warning
    assert scheduler.check(clock, 0) == []

    assert scheduler.next_check_s(0) == MIN_CHECK_S
    assert scheduler.next_check_s(29.9) == MIN_CHECK_S


@settings(max_examples=60, deadline=None)
@given(away=st.lists(st.tuples(st.integers(0, 3 * HOUR), st.integers(1, 10 * MIN)), max_size=6),
       gaps=st.lists(st.floats(0.1, 2.5), max_size=3),
       answers=st.lists(st.sampled_from(["take", "snooze", "skip"]), max_size=8))
def test_checks_stay_within_bounds_and_warnings_come_on_time(away, gaps, answers):
    sim = Sim(FakeClock(), User(away=[(s, s + d) for s, d in away], gaps=tuple(gaps),
                                answers=answers))
    log = sim.run(4 * HOUR)

    assert all(WARNING_S - MIN_CHECK_S <= e.in_s <= WARNING_S
               for _, e in log if isinstance(e, BreakSoon))
    assert all(MIN_CHECK_S <= step <= CHECK_EVERY_S for step in sim.steps)


# --- where the desktop tells of input --------------------------------------------------------

def test_told_of_input_an_absent_user_costs_no_checks_after_the_last_natural_break(clock):
    sim = Sim(clock, User(away=[(10 * MIN, 3 * HOUR)]), input_wakes=True)
    log = sim.run(3 * HOUR + 25 * MIN)
    checks_away = [t for t in _times(sim) if 10 * MIN < t < 3 * HOUR]

    # the check that sees the user gone, then one at each natural break (30 s and 5 min
    # without input), then none until the input
    assert checks_away == [10 * MIN + CHECK_EVERY_S, 10 * MIN + 30, 10 * MIN + 5 * MIN]
    assert ended(log, NATURAL) == [(10 * MIN + 30, MICRO), (15 * MIN, REST)]
    # back at 3 h to the second: 20 minutes of activity later, the micro-break
    assert prompted(log) == [3 * HOUR + 20 * MIN]


def test_told_of_input_a_short_pause_counts_as_idle_up_to_the_input(clock):
    sim = Sim(clock, User(away=[(10 * MIN, 10 * MIN + 20)]), input_wakes=True)

    log = sim.run(35 * MIN)

    # 20 s away is no break, and not activity either: the micro-break comes 20 s later
    assert ended(log, NATURAL) == []
    assert prompted(log) == [20 * MIN + 20]


def test_told_of_input_the_polling_user_gets_the_same_breaks_within_a_check(clock):
    away = [(12 * MIN, 14 * MIN), (40 * MIN, 2 * HOUR), (2 * HOUR + 30 * MIN, 2 * HOUR + 31 * MIN)]
    told = Sim(FakeClock(), User(away=list(away)), input_wakes=True).run(4 * HOUR)
    polled = Sim(FakeClock(), User(away=list(away))).run(4 * HOUR)

    assert ended(told, NATURAL) == ended(polled, NATURAL)
    assert len(prompted(told)) == len(prompted(polled))
    assert all(0 <= p - t <= CHECK_EVERY_S for t, p in zip(prompted(told), prompted(polled),
                                                              strict=True))


@settings(max_examples=60, deadline=None)
@given(away=st.lists(st.tuples(st.integers(0, 3 * HOUR), st.integers(1, 10 * MIN)), max_size=6),
       answers=st.lists(st.sampled_from(["take", "snooze", "skip"]), max_size=8))
def test_told_of_input_warnings_come_on_time_and_time_away_wakes_nothing(away, answers):
    user = User(away=[(s, s + d) for s, d in away], answers=answers)
    sim = Sim(FakeClock(), user, input_wakes=True)
    log = sim.run(4 * HOUR)

    assert all(WARNING_S - MIN_CHECK_S <= e.in_s <= WARNING_S
               for _, e in log if isinstance(e, BreakSoon))
    for start, end in _merged(user.away):  # the check that sees it, the natural breaks
        assert len([t for t in _times(sim) if start + IDLE_GRACE_S < t < end]) <= 3


def _times(sim: Sim) -> list[float]:
    """When each check after the first came."""
    times, t = [], 0.0
    for step in sim.steps:
        t += step
        times.append(t)
    return times


def test_checks_while_paused_come_each_minute_and_at_the_end_of_the_pause(clock):
    scheduler = BreakScheduler(paused_until=clock.now() + timedelta(seconds=90))
    scheduler.check(clock, 0)
    assert scheduler.next_check_s(0) == OFF_CHECK_S
    clock.advance(OFF_CHECK_S)
    scheduler.check(clock, 0)
    assert scheduler.next_check_s(0) == 30
    scheduler.paused_until = PAUSED_INDEFINITELY
    scheduler.check(clock, 0)
    assert scheduler.next_check_s(0) == OFF_CHECK_S


def test_a_warning_arrives_within_a_second_of_warning_s_before_due_when_typing(clock):
    sim = Sim(clock, User(gaps=(1.5, 0.5, 2)))
    log = sim.run(2 * HOUR)
    warnings = [e for _, e in log if isinstance(e, BreakSoon)]

    assert len(warnings) == len(prompted(log)) >= 4
    assert all(WARNING_S - 1 <= e.in_s <= WARNING_S for e in warnings)


# --- rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("off", [MICRO, REST])
def test_a_disabled_rule_never_prompts(clock, off):
    rules = tuple(BreakRule(r.kind, r.interval_s, r.duration_s, enabled=r.kind is not off)
                  for r in DEFAULT_RULES)
    sim = Sim(clock, scheduler=BreakScheduler(rules))

    log = sim.run(3 * HOUR)

    assert prompted(log, off) == []
    assert [e for _, e in log if getattr(e, "kind", None) is off] == []
    assert len(prompted(log)) >= 3
    assert sim.scheduler.until_due_s(off) is None
    assert sim.scheduler.active_s(off) == 0


def test_set_rules_keeps_the_counts_of_rules_that_stay(clock):
    sim = Sim(clock)
    sim.run(10 * MIN)
    micro, rest = DEFAULT_RULES
    sim.scheduler.set_rules((micro, BreakRule(REST, rest.interval_s, rest.duration_s, False)))
    assert sim.scheduler.active_s(MICRO) == 10 * MIN

    sim.run(30 * MIN)
    sim.scheduler.set_rules(DEFAULT_RULES)  # rest break back on: its count starts afresh

    assert sim.scheduler.active_s(REST) == 0
    # rest count from 30:00, less two micro-breaks (40:30-41:00, 61:00-61:30): due at 81:00;
    # the micro at 81:30 is within a minute of it, so left to it
    log = sim.run(81 * MIN)
    assert prompted(log, REST) == [81 * MIN]
    assert prompted(log, MICRO) == [40 * MIN + 30, 61 * MIN]


def test_a_new_interval_applies_to_the_count_kept(clock):
    sim = Sim(clock)
    sim.run(10 * MIN)
    micro, rest = DEFAULT_RULES
    sim.scheduler.set_rules((BreakRule(MICRO, 30 * MIN, micro.duration_s), rest))

    assert sim.scheduler.until_due_s(MICRO) == 20 * MIN
    assert prompted(sim.run(31 * MIN)) == [30 * MIN]


# --- a working day -------------------------------------------------------------------------

def at(time: str) -> float:
    """The seconds from 09:00, when the simulated day starts, to ``time`` (HH:MM[:SS])."""
    hours, minutes, seconds = (time + ":00").split(":")[:3]
    return (int(hours) - 9) * HOUR + int(minutes) * MIN + int(seconds)


LUNCH, MEETING, ASLEEP = (at("12:30"), at("13:15")), (at("10:55"), at("11:40")), (
    at("15:00"), at("17:00"))


# The user types with gaps of 2 s and 1 s between keystrokes (at 0, 2, 3, 5, 6, ... s into
# each stretch of typing), is in a meeting with fullscreen video 10:55-11:40 (still active),
# away for lunch 12:30-13:15, and takes every break prompted: 30 s away for a micro-break,
# 5 min for a rest break (which restarts both counts). The machine sleeps 15:00-17:00; the
# wall clock is changed by an hour at 17:30 (16:00 would fall while it sleeps). Every check
# lands on a keystroke, so all the typing counts and the times below are exact:
#
#   09:00     micro 09:20 (back 09:20:30), micro 09:40:30 (back 09:41); rest after
#             20 + 20 + 10 = 50 min of activity: 09:51 (back 09:56)      2 micro 1 rest
#   09:56     the same: micro 10:16, micro 10:36:30, rest 10:47 (back 10:52)  2 micro 1 rest
#   10:52     3 min of typing, then the meeting: the micro falls due at 10:52 + 20 = 11:12,
#             in the meeting: POSTPONED. At 11:40 the rest count is 3 + 45 = 48 min, so
#             the rest break is 2 min away, not within a minute: the micro is prompted at
#             11:40 (back 11:40:30), the rest at 11:42:30 (back 11:47:30)  1 micro 1 rest
#   11:47:30  micro 12:07:30, micro 12:28 (back 12:28:30); away at 12:30 with a rest count
#             of 20 + 20 + 1.5 = 41.5 min: NATURAL micro at 12:30:30, NATURAL rest at
#             12:35                                                       2 micro 0 rest
#   13:15     micro 13:35, micro 13:55:30, rest 14:06 (back 14:11), micro 14:31, micro
#             14:51:30 (back 14:52); asleep at 15:00 with a rest count of
#             20 + 20 + 8 = 48 min                                        4 micro 1 rest
#   17:00     the first check after waking, one 15 s step later at 17:00:15, is NATURAL
#             rest (a micro-break too): the late step is idle time
#   17:00:15  micro 17:20:15, micro 17:40:45, rest 17:51:15 (back 17:56:15); the clock change
#             at 17:30 changes nothing; at 18:00 the micro count is 3:45     2 micro 1 rest
#
#   in all    2 + 2 + 1 + 2 + 4 + 2 = 13 micro-breaks, 1 + 1 + 1 + 0 + 1 + 1 = 5 rest breaks

@pytest.mark.parametrize(("counts_suspend", "jump_s"),
                         [(False, -HOUR), (True, HOUR), (True, -HOUR)])
def test_a_working_day(counts_suspend, jump_s):
    user = User(gaps=(2, 1), away=[LUNCH], quiet=[MEETING])
    machine = [(ASLEEP[0], "suspend", ASLEEP[1] - ASLEEP[0]), (at("17:30"), "jump_wall", jump_s)]
    sim = Sim(FakeClock(counts_suspend=counts_suspend), user, machine=machine)

    log = sim.run(at("18:00"))

    assert (len(prompted(log, MICRO)), len(prompted(log, REST))) == (13, 5)
    assert ended(log, TAKEN) == [(t, e.kind) for t, e in log if isinstance(e, BreakDue)]
    assert ended(log, POSTPONED) == [(at("11:12"), MICRO)]
    assert ended(log, NATURAL) == [
        (at("12:30:30"), MICRO), (at("12:35"), REST), (at("17:00:15"), REST)]
    assert [t for t in prompted(log) if user.in_quiet(t) or any(
        start <= t <= end for start, end in (LUNCH, ASLEEP))] == []
    assert prompted(log, MICRO)[4] == at("11:40")  # as soon as the meeting ends
    assert prompted(log, REST) == [
        at("09:51"), at("10:47"), at("11:42:30"), at("14:06"), at("17:51:15")]


def test_a_break_routine_shorter_than_the_break_is_filled_with_moving_about():
    short = Routine("r", "R", "s", ("at-the-desk",), ("c",), ("src",),
                    (Step("Squeeze", "Squeeze gently.", 100),), Path("r.toml"))
    padded = break_routine(short, length_s=300, get_ready_s=3)
    assert padded.total_s + 3 == 300
    assert padded.steps[-1].name == "Keep moving" and padded.steps[-1].duration_s == 197
    assert break_routine(short, length_s=90, get_ready_s=3) is short


def test_strict_mode_refuses_a_skip_and_snoozes_beyond_the_limit():
    scheduler = BreakScheduler(strict=True, max_snoozes=2)
    assert not scheduler.can_skip()
    with pytest.raises(ValueError, match="cannot be skipped"):
        scheduler.skip(MICRO)
    for _ in range(2):
        assert scheduler.can_snooze(MICRO)
        scheduler.snooze(MICRO)
    assert not scheduler.can_snooze(MICRO)
    with pytest.raises(ValueError, match="snoozed enough"):
        scheduler.snooze(MICRO)
    scheduler.take(MICRO)  # taken: the next break may be snoozed again
    assert scheduler.can_snooze(MICRO)


def test_without_strict_mode_a_break_can_always_be_snoozed_or_skipped():
    scheduler = BreakScheduler()
    for _ in range(5):
        scheduler.snooze(MICRO)
    assert scheduler.can_snooze(MICRO) and scheduler.can_skip()
