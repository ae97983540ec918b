"""Cold and heat: the safe limits of a plan, and a timer that sleep and clock changes cannot fool.

Timers are driven by a FakeClock; ``run`` ticks it in 1 s steps as the app's ticker would, and
notes each event with the seconds since the timer started.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from coach.core.clock import FakeClock
from coach.core.therapy.timer import (
    MAX_AREA_CHARS,
    METHODS,
    Outcome,
    SkinCheck,
    TherapyError,
    TherapyKind,
    TherapyTimer,
    TimerState,
    TimeUp,
    plan_application,
    rest_gap_ends,
)

COLD, HEAT = TherapyKind.COLD, TherapyKind.HEAT
MIN = 60



def start(clock, minutes=15, kind=COLD, area="upper back"):
    return TherapyTimer.start(plan_application(kind, minutes, area), clock)


def run(timer, clock, seconds, since=0, step=1):
    """Tick ``seconds`` in ``step`` steps; events as (seconds since ``since``, event)."""
    events = []
    for i in range(1, round(seconds / step) + 1):
        clock.advance(step)
        events += [(since + i * step, event) for event in timer.update(clock)]
    return events


# --- plans ---------------------------------------------------------------------------------

@pytest.mark.parametrize("minutes", [15, 20])
def test_fifteen_to_twenty_minutes_are_allowed(minutes):
    plan = plan_application(COLD, minutes, "upper back")
    assert plan.planned_s == minutes * MIN


def test_fourteen_minutes_is_refused_as_too_short():
    with pytest.raises(TherapyError, match="too short"):
        plan_application(COLD, 14, "upper back")


def test_twenty_one_minutes_is_refused_to_protect_the_skin():
    with pytest.raises(TherapyError) as caught:
        plan_application(HEAT, 21, "neck")
    assert "20 minutes" in str(caught.value)
    assert "skin" in str(caught.value)


@pytest.mark.parametrize(("kind", "method"), [(COLD, "ice pack"), (HEAT, "moist heat pack")])
def test_each_kind_has_a_default_method(kind, method):
    assert plan_application(kind, 15, "neck").method == method


@pytest.mark.parametrize("method", METHODS[HEAT])
def test_any_heat_method_can_be_chosen(method):
    assert plan_application(HEAT, 15, "neck", method).method == method


@pytest.mark.parametrize(("kind", "method"),
                         [(COLD, "warm compress"), (HEAT, "ice pack"), (COLD, "hot stone")])
def test_a_method_of_the_wrong_kind_is_refused(kind, method):
    with pytest.raises(TherapyError, match=method):
        plan_application(kind, 15, "neck", method)


@pytest.mark.parametrize(("kind", "advice"), [
    (COLD, "use ice pack."),
    (HEAT, "choose one of: moist heat pack, warm compress, warm shower.")])
def test_the_refusal_names_what_to_use_instead(kind, advice):
    with pytest.raises(TherapyError) as caught:
        plan_application(kind, 15, "neck", "hot stone")
    assert str(caught.value).endswith(advice)


@pytest.mark.parametrize("area", ["", "   ", "x" * (MAX_AREA_CHARS + 1)])
def test_an_empty_or_too_long_area_is_refused(area):
    with pytest.raises(TherapyError, match="area"):
        plan_application(COLD, 15, area)


def test_the_area_is_trimmed_and_may_be_as_long_as_the_limit():
    assert plan_application(COLD, 15, "  neck  ").area == "neck"
    assert plan_application(COLD, 15, "x" * MAX_AREA_CHARS).area == "x" * MAX_AREA_CHARS


def test_rest_gap_is_an_hour_after_the_last_application():
    clock = FakeClock()
    assert rest_gap_ends(None) is None
    assert rest_gap_ends(clock.now()) == clock.now() + timedelta(hours=1)


# --- skin checks and alarms ----------------------------------------------------------------

def test_fifteen_minutes_has_skin_checks_at_5_and_10_then_the_alarm(clock):
    timer = start(clock, 15)
    assert run(timer, clock, 15 * MIN) == [
        (5 * MIN, SkinCheck(1)), (10 * MIN, SkinCheck(2)), (15 * MIN, TimeUp(0))]
    assert timer.state is TimerState.DUE


def test_twenty_minutes_has_skin_checks_at_5_10_and_15(clock):
    timer = start(clock, 20)
    assert run(timer, clock, 20 * MIN) == [
        (5 * MIN, SkinCheck(1)), (10 * MIN, SkinCheck(2)), (15 * MIN, SkinCheck(3)),
        (20 * MIN, TimeUp(0))]


def test_a_late_update_gives_only_the_latest_skin_check(clock):
    timer = start(clock, 15)
    clock.advance(11 * MIN)
    assert timer.update(clock) == [SkinCheck(2)]
    assert run(timer, clock, 4 * MIN, since=11 * MIN) == [(15 * MIN, TimeUp(0))]


def test_the_alarm_repeats_each_minute_until_confirmed_and_never_twice(clock):
    timer = start(clock, 15)
    run(timer, clock, 15 * MIN)

    assert run(timer, clock, 3 * MIN + 30, since=15 * MIN) == [
        (16 * MIN, TimeUp(1)), (17 * MIN, TimeUp(2)), (18 * MIN, TimeUp(3))]
    assert timer.update(clock) == []

    timer.confirm_off(clock)
    assert run(timer, clock, 5 * MIN) == []


# --- pause, extend, end --------------------------------------------------------------------

def test_paused_time_is_not_time_on_the_skin(clock):
    timer = start(clock, 15)
    clock.advance(3 * MIN)
    timer.pause(clock)
    assert timer.state is TimerState.PAUSED
    assert timer.ends_at() is None

    assert run(timer, clock, 10 * MIN) == []
    assert timer.left_s(clock) == 12 * MIN
    assert timer.applied_s(clock) == 3 * MIN

    timer.resume(clock)
    assert timer.state is TimerState.RUNNING
    assert timer.ends_at() == clock.now() + timedelta(minutes=12)
    assert run(timer, clock, 4 * MIN, since=3 * MIN) == [(5 * MIN, SkinCheck(1))]
    timer.end_early(clock)

    assert timer.actual_s == 7 * MIN
    assert timer.outcome is Outcome.ENDED_EARLY


def test_pause_and_resume_only_act_in_the_right_state(clock):
    timer = start(clock, 15)
    timer.resume(clock)
    assert timer.state is TimerState.RUNNING
    timer.pause(clock)
    clock.advance(MIN)
    timer.pause(clock)
    assert timer.left_s(clock) == 15 * MIN


@pytest.mark.parametrize(("minutes", "extra"), [(15, 5), (15, 1), (18, 2), (20, 0)])
def test_extend_within_the_twenty_minute_limit(clock, minutes, extra):
    timer = start(clock, minutes)
    clock.advance(2 * MIN)
    if extra:
        timer.extend(clock, extra)
    assert timer.planned_s == (minutes + extra) * MIN
    assert timer.left_s(clock) == (minutes + extra - 2) * MIN
    assert timer.ends_at() == clock.now() + timedelta(minutes=minutes + extra - 2)


def test_extend_past_twenty_minutes_is_refused(clock):
    timer = start(clock, 15)
    with pytest.raises(TherapyError):
        timer.extend(clock, 6)

    timer = start(clock, 18)
    with pytest.raises(TherapyError, match="2 more minute"):
        timer.extend(clock, 3)
    assert (timer.planned_s, timer.left_s(clock)) == (18 * MIN, 18 * MIN)

    timer.extend(clock, 2)
    with pytest.raises(TherapyError, match="0 more minute"):
        timer.extend(clock, 1)


@pytest.mark.parametrize("minutes", [0, 6, -1])
def test_extend_by_other_than_1_to_5_minutes_is_refused(clock, minutes):
    timer = start(clock, 15)
    with pytest.raises(TherapyError, match="1 to 5"):
        timer.extend(clock, minutes)
    assert timer.planned_s == 15 * MIN


def test_extend_after_the_end_is_refused(clock):
    timer = start(clock, 15)
    timer.end_early(clock)
    with pytest.raises(TherapyError, match="ended"):
        timer.extend(clock, 1)


def test_extend_while_paused_stays_paused_with_more_time_left(clock):
    timer = start(clock, 15)
    clock.advance(4 * MIN)
    timer.pause(clock)
    timer.extend(clock, 3)

    assert timer.state is TimerState.PAUSED
    assert (timer.planned_s, timer.left_s(clock)) == (18 * MIN, 14 * MIN)
    clock.advance(10 * MIN)
    timer.resume(clock)
    clock.advance(14 * MIN)
    assert timer.update(clock) == [TimeUp(0)]


def test_extend_while_running_adds_the_skin_check_the_longer_plan_needs(clock):
    timer = start(clock, 15)
    run(timer, clock, 12 * MIN)
    timer.extend(clock, 5)
    assert run(timer, clock, 8 * MIN, since=12 * MIN) == [
        (15 * MIN, SkinCheck(3)), (20 * MIN, TimeUp(0))]


def test_extend_while_due_runs_again_and_sounds_afresh_at_the_new_end(clock):
    timer = start(clock, 15)
    run(timer, clock, 15 * MIN + 30)
    assert timer.state is TimerState.DUE

    timer.extend(clock, 2)

    assert timer.state is TimerState.RUNNING
    assert timer.planned_s == 17 * MIN
    assert timer.left_s(clock) == 90
    alarms = [(t, e) for t, e in run(timer, clock, 3 * MIN, since=15 * MIN + 30)
              if isinstance(e, TimeUp)]
    assert alarms == [(17 * MIN, TimeUp(0)), (18 * MIN, TimeUp(1))]


def test_end_early_records_the_exact_time_on_the_skin(clock):
    timer = start(clock, 20)
    clock.advance(7 * MIN + 12)
    timer.end_early(clock)

    assert timer.state is TimerState.ENDED
    assert timer.outcome is Outcome.ENDED_EARLY
    assert timer.actual_s == 7 * MIN + 12
    assert timer.ended_at == clock.now()
    assert timer.overdue_s == 0
    assert timer.update(clock) == []

    clock.advance(MIN)
    timer.confirm_off(clock)  # a second end changes nothing
    assert (timer.outcome, timer.actual_s) == (Outcome.ENDED_EARLY, 7 * MIN + 12)


@pytest.mark.parametrize("late_s", [0, 1, 60])
def test_confirm_off_within_a_minute_of_the_end_is_completed(clock, late_s):
    timer = start(clock, 15)
    run(timer, clock, 15 * MIN + late_s)
    timer.confirm_off(clock)

    assert timer.outcome is Outcome.COMPLETED
    assert timer.actual_s == 15 * MIN + late_s
    assert timer.overdue_s == 0


def test_confirm_off_later_is_overdue_by_the_exact_time(clock):
    timer = start(clock, 15)
    run(timer, clock, 15 * MIN + 61)
    timer.confirm_off(clock)

    assert timer.outcome is Outcome.OVERDUE
    assert timer.actual_s == 15 * MIN + 61
    assert timer.overdue_s == 61


def test_confirm_off_before_the_end_counts_as_ended_early(clock):
    timer = start(clock, 15)
    clock.advance(10 * MIN)
    timer.confirm_off(clock)
    assert (timer.outcome, timer.actual_s) == (Outcome.ENDED_EARLY, 10 * MIN)


# --- sleep and clock changes ---------------------------------------------------------------

def test_sleeping_through_the_deadline_sounds_at_once_and_records_the_real_time():
    clock = FakeClock(counts_suspend=False)
    timer = start(clock, 15)
    assert run(timer, clock, 5 * MIN) == [(5 * MIN, SkinCheck(1))]

    clock.suspend(30 * MIN)

    assert timer.update(clock) == [TimeUp(0)]
    assert timer.state is TimerState.DUE
    timer.confirm_off(clock)
    assert timer.actual_s == 35 * MIN
    assert timer.outcome is Outcome.OVERDUE
    assert timer.overdue_s == 20 * MIN


def test_after_sleeping_through_the_deadline_the_alarm_repeats_each_minute():
    clock = FakeClock(counts_suspend=False)
    timer = start(clock, 15)
    clock.advance(5 * MIN)
    clock.suspend(30 * MIN)
    assert timer.update(clock) == [TimeUp(0)]
    assert run(timer, clock, 2 * MIN) == [(MIN, TimeUp(1)), (2 * MIN, TimeUp(2))]


@pytest.mark.parametrize("counts_suspend", [False, True])
def test_clock_set_back_an_hour_neither_shortens_nor_lengthens(counts_suspend):
    clock = FakeClock(counts_suspend=counts_suspend)
    timer = start(clock, 15)
    run(timer, clock, 4 * MIN)
    clock.jump_wall(-3600)

    assert run(timer, clock, 11 * MIN, since=4 * MIN) == [
        (5 * MIN, SkinCheck(1)), (10 * MIN, SkinCheck(2)), (15 * MIN, TimeUp(0))]
    assert timer.ends_at() == clock.now()
    timer.confirm_off(clock)
    assert (timer.outcome, timer.actual_s) == (Outcome.COMPLETED, 15 * MIN)


def test_clock_set_forward_on_a_clock_that_counts_suspend_changes_nothing():
    clock = FakeClock(counts_suspend=True)
    timer = start(clock, 15)
    clock.advance(4 * MIN)
    clock.jump_wall(3600)
    assert timer.left_s(clock) == 11 * MIN
    assert run(timer, clock, 11 * MIN, since=4 * MIN)[-1] == (15 * MIN, TimeUp(0))


def test_two_timers_run_independently(clock):
    cold = start(clock, 15, COLD, "upper back")
    clock.advance(2 * MIN)
    heat = start(clock, 20, HEAT, "neck")
    clock.advance(2 * MIN)
    cold.pause(clock)

    events = []
    for second in range(1, 21 * MIN):
        clock.advance(1)
        events += [(second, "cold", e) for e in cold.update(clock)]
        events += [(second, "heat", e) for e in heat.update(clock)]
        if second == 3 * MIN:
            cold.resume(clock)

    # seconds counted from the moment cold was paused (4 min after cold, 2 after heat)
    assert events == [
        (3 * MIN, "heat", SkinCheck(1)),
        (4 * MIN, "cold", SkinCheck(1)),
        (8 * MIN, "heat", SkinCheck(2)),
        (9 * MIN, "cold", SkinCheck(2)),
        (13 * MIN, "heat", SkinCheck(3)),
        (14 * MIN, "cold", TimeUp(0)),
        (15 * MIN, "cold", TimeUp(1)),
        (16 * MIN, "cold", TimeUp(2)),
        (17 * MIN, "cold", TimeUp(3)),
        (18 * MIN, "cold", TimeUp(4)),
        (18 * MIN, "heat", TimeUp(0)),
        (19 * MIN, "cold", TimeUp(5)),
        (19 * MIN, "heat", TimeUp(1)),
        (20 * MIN, "cold", TimeUp(6)),
        (20 * MIN, "heat", TimeUp(2)),
    ]
    assert (cold.planned_s, heat.planned_s) == (15 * MIN, 20 * MIN)
