"""``coach status``: what the running Coach is doing, as versioned JSON and in words."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from coach.core.clock import FakeClock
from coach.core.player.playback import Player
from coach.core.routines.routine import Routine
from coach.core.status import (
    STATUS_VERSION,
    BreakStatus,
    CoachStatus,
    NextBreak,
    RoutineStatus,
    TimerStatus,
    describe,
)
from coach.core.therapy.timer import TherapyKind, TherapyTimer, plan_application

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def a_status(clock: FakeClock, three_steps: Routine) -> CoachStatus:
    cold = TherapyTimer.start(plan_application(TherapyKind.COLD, 15, "neck", None), clock)
    heat = TherapyTimer.start(plan_application(TherapyKind.HEAT, 20, "shoulders", None), clock)
    heat.pause(clock)
    player = Player(three_steps, get_ready_s=5)
    player.start(clock.monotonic())
    clock.advance(20)  # B, left side, 15 s of its 20 left
    player.tick(clock.monotonic())
    return CoachStatus(4242, "/home/ana/.local/share/coach",
                       BreakStatus("on", "Rest break in 12 min", NextBreak("rest break", 720)),
                       [TimerStatus.of(cold, clock), TimerStatus.of(heat, clock)],
                       RoutineStatus.of(player, clock.monotonic()))


def test_the_json_has_the_documented_shape(three_steps: Routine) -> None:
    clock = FakeClock(START)
    shape = json.loads(json.dumps(a_status(clock, three_steps).to_json()))
    assert shape == {
        "version": STATUS_VERSION, "pid": 4242, "data_dir": "/home/ana/.local/share/coach",
        "breaks": {"state": "on", "text": "Rest break in 12 min",
                   "next": {"kind": "rest break", "in_active_s": 720}, "paused_until": None},
        "timers": [{"kind": "cold", "method": "ice pack", "area": "neck", "state": "running",
                    "left_s": 880, "ends_at": "2026-03-02T09:15:00+00:00"},
                   {"kind": "heat", "method": "moist heat pack", "area": "shoulders",
                    "state": "paused", "left_s": 1200, "ends_at": None}],
        "routine": {"id": "test-routine", "title": "Test routine", "state": "running",
                    "step": "B", "side": "left", "step_left_s": 15, "left_s": 63}}


def test_in_words_each_part_is_a_line(three_steps: Routine, berlin_time: None) -> None:
    clock = FakeClock(START)
    assert describe(a_status(clock, three_steps).to_json()) == [
        "Coach is running (process 4242, data in /home/ana/.local/share/coach).",
        "Rest break in 12 min.",
        "Ice pack on the neck: 15 minutes left (off at 10:15).",
        "Moist heat pack on the shoulders: paused with 20 minutes left.",
        "Routine: Test routine, step \u201cB\u201d, left side, 1:03 left in all."]


def test_an_overdue_pack_says_to_take_it_off() -> None:
    clock = FakeClock(START)
    cold = TherapyTimer.start(plan_application(TherapyKind.COLD, 15, "neck", None), clock)
    clock.advance(15 * 60 + 200)
    cold.update(clock)
    timer = TimerStatus.of(cold, clock)
    assert (timer.state, timer.left_s) == ("due", -200)
    status = CoachStatus(1, "/d", BreakStatus("off", "Break reminders are off"), [timer])
    assert describe(status.to_json())[2:] == [
        "Ice pack on the neck: time is up, take it off now (3 minutes over).",
        "No routine is playing."]


def test_a_paused_routine_and_a_pause_until_a_time_are_told() -> None:
    until = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    status = CoachStatus(1, "/d", BreakStatus("paused", "Breaks paused until 11:00",
                                              paused_until=until))
    shape = status.to_json()
    assert shape["breaks"] == {"state": "paused", "text": "Breaks paused until 11:00",
                               "next": None, "paused_until": "2026-03-02T10:00:00+00:00"}
    assert describe(shape)[1] == "Breaks paused until 11:00."


def test_a_status_from_a_newer_or_odd_coach_is_told_without_failing() -> None:
    odd = {"version": 9, "pid": 7, "breaks": "?", "timers": [{"state": "new"}, 3],
           "routine": {"title": "X", "left_s": "soon"}, "added": True}
    lines = describe(odd)
    assert lines[0] == "Coach is running (process 7, data in ?)."
    assert lines[-1] == "Routine: X, step \u201c?\u201d, ? left in all."
