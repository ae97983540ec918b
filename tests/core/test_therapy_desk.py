"""The therapy desk: every change is in the history at once, so a restart loses no timer."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from coach.core.clock import FakeClock
from coach.core.history.store import HistoryStore
from coach.core.therapy.desk import RestGapNotOver, TherapyDesk
from coach.core.therapy.timer import (
    Outcome,
    SkinCheck,
    TherapyError,
    TherapyKind,
    TimerState,
    TimeUp,
    plan_application,
)

COLD, HEAT = TherapyKind.COLD, TherapyKind.HEAT
MIN = 60



@pytest.fixture
def open_desk(tmp_path):
    """``open_desk(clock)``: a new store and desk on the same history file each call.

    Earlier stores are not closed when a new one opens, as after a crash or ``kill -9``; they
    are closed only when the test is over.
    """
    stores = []

    def open_(clock):
        store = HistoryStore(tmp_path / "h.sqlite3")
        stores.append(store)
        return TherapyDesk(store, clock)

    yield open_
    for store in stores:
        store.close()


@pytest.fixture
def desk(open_desk, clock):
    return open_desk(clock)


def cold_back(minutes=15):
    return plan_application(COLD, minutes, "upper back")


def heat_neck(minutes=15):
    return plan_application(HEAT, minutes, "neck", "warm compress")


def tick(desk, clock, seconds, step=1):
    events = []
    for _ in range(round(seconds / step)):
        clock.advance(step)
        events += desk.update()
    return events


def test_start_writes_a_running_row_at_once(desk, clock):
    timer = desk.start(cold_back())

    [record] = desk.log.records()
    assert timer.id == record.id != 0
    assert (record.kind, record.method, record.area, record.planned_s) == \
        (COLD, "ice pack", "upper back", 15 * MIN)
    assert record.started_at == clock.now()
    assert (record.outcome, record.ended_at, record.actual_s) == (None, None, None)
    assert record.rest_gap_respected is True
    assert desk.timers == [timer]
    assert desk.save_problem is None


def test_running_and_paused_timers_survive_a_restart(open_desk, clock):
    desk = open_desk(clock)
    cold = desk.start(cold_back(15))
    heat = desk.start(heat_neck(15))
    clock.advance(2 * MIN)
    desk.pause(cold)
    desk.extend(heat, 3)
    clock.advance(MIN)
    # The app is killed here (the store is not closed) and starts again 4 minutes later,
    # after a reboot: a new monotonic origin, the same wall clock.
    clock = FakeClock(start=clock.now() + timedelta(minutes=4), monotonic_s=5.0)

    again = open_desk(clock)

    restored = {t.id: t for t in again.timers}
    assert sorted(restored) == sorted([cold.id, heat.id])
    cold2, heat2 = restored[cold.id], restored[heat.id]
    assert (cold2.state, cold2.plan, cold2.planned_s) == \
        (TimerState.PAUSED, cold.plan, 15 * MIN)
    assert (heat2.state, heat2.plan, heat2.planned_s) == \
        (TimerState.RUNNING, heat.plan, 18 * MIN)
    assert cold2.started_at == cold.started_at
    assert heat2.started_at == heat.started_at
    assert cold2.left_s(clock) == 13 * MIN          # paused: did not count
    assert heat2.left_s(clock) == (18 - 7) * MIN    # running: kept counting while closed
    assert heat2.ends_at() == clock.now() + timedelta(minutes=11)

    clock.advance(MIN)
    assert (cold2.left_s(clock), heat2.left_s(clock)) == (13 * MIN, 10 * MIN)
    again.resume(cold2)
    clock.advance(MIN)
    assert cold2.left_s(clock) == 12 * MIN


def test_a_timer_that_ran_out_while_closed_sounds_at_once_without_old_skin_checks(
        open_desk, clock):
    desk = open_desk(clock)
    timer = desk.start(cold_back(15))
    tick(desk, clock, 6 * MIN)
    clock.advance(20 * MIN)  # closed meanwhile

    again = open_desk(clock)
    [restored] = again.timers

    assert again.update() == [(restored, TimeUp(0))]
    assert restored.state is TimerState.DUE
    assert again.update() == []
    assert tick(again, clock, MIN) == [(restored, TimeUp(1))]
    again.confirm_off(restored)

    [record] = again.log.records()
    assert record.id == timer.id
    assert record.outcome is Outcome.OVERDUE
    assert record.actual_s == 27 * MIN
    assert record.overdue_s == 12 * MIN


def test_a_due_timer_stays_due_across_a_restart(open_desk, clock):
    desk = open_desk(clock)
    desk.start(cold_back(15))
    tick(desk, clock, 15 * MIN + 30)
    assert [r.id for r in desk.log.records()] == [t.id for t in desk.timers]

    again = open_desk(clock)
    [restored] = again.timers
    assert restored.state is TimerState.DUE
    assert again.update() == [(restored, TimeUp(0))]


def test_a_timer_restored_mid_way_gives_the_missed_skin_check_once(open_desk, clock):
    desk = open_desk(clock)
    desk.start(heat_neck(20))
    assert [e for _, e in tick(desk, clock, 7 * MIN)] == [SkinCheck(1)]

    clock.advance(4 * MIN)  # closed from 7 to 11 minutes: the 10-minute check was missed
    again = open_desk(clock)
    [restored] = again.timers

    assert [e for _, e in again.update()] == [SkinCheck(2)]
    assert again.update() == []
    assert [e for _, e in tick(again, clock, 9 * MIN)] == [SkinCheck(3), TimeUp(0)]


def test_rest_gap_after_a_cold_application(desk, clock):
    timer = desk.start(cold_back())
    tick(desk, clock, 15 * MIN)
    desk.confirm_off(timer)
    ended = clock.now()
    assert desk.rest_gap_ends(COLD) == ended + timedelta(minutes=60)

    clock.advance(59 * MIN)
    with pytest.raises(RestGapNotOver) as caught:
        desk.start(cold_back())
    assert caught.value.until == ended + timedelta(minutes=60)
    assert caught.value.kind is COLD
    assert isinstance(caught.value, TherapyError)
    assert desk.timers == []

    heat = desk.start(heat_neck())
    assert heat.rest_gap_respected is True

    anyway = desk.start(cold_back(), despite_rest_gap=True)
    assert anyway.rest_gap_respected is False
    assert {r.id: r.rest_gap_respected for r in desk.log.records()} == {
        timer.id: True, heat.id: True, anyway.id: False}


def test_the_rest_gap_is_over_after_an_hour(desk, clock):
    timer = desk.start(cold_back())
    clock.advance(5 * MIN)
    desk.end_early(timer)
    clock.advance(60 * MIN)

    assert desk.rest_gap_ends(COLD) is None
    assert desk.start(cold_back()).rest_gap_respected is True


def test_confirm_off_removes_the_timer_and_records_how_it_went(desk, clock):
    timer = desk.start(cold_back())
    other = desk.start(heat_neck())
    tick(desk, clock, 15 * MIN + 30)
    desk.confirm_off(timer)

    assert desk.timers == [other]
    record = {r.id: r for r in desk.log.records()}[timer.id]
    assert record.outcome is Outcome.COMPLETED
    assert record.actual_s == 15 * MIN + 30
    assert record.ended_at == clock.now()
    assert record.overdue_s == 0


def test_an_ended_timer_is_not_restored(open_desk, clock):
    desk = open_desk(clock)
    desk.end_early(desk.start(cold_back()))
    kept = desk.start(heat_neck())

    assert [t.id for t in open_desk(clock).timers] == [kept.id]


def test_soonest_is_the_first_to_end_paused_ones_left_out(desk, clock):
    assert desk.soonest() is None
    long = desk.start(heat_neck(20))
    short = desk.start(cold_back(15))
    assert desk.soonest() is short

    desk.pause(short)
    assert desk.soonest() is long
    desk.pause(long)
    assert desk.soonest() is None

    desk.resume(short)
    desk.resume(long)
    tick(desk, clock, 15 * MIN + 30)
    late = desk.start(plan_application(HEAT, 15, "shoulders"), despite_rest_gap=True)
    assert desk.soonest() is short  # due beats running
    assert late in desk.timers


def locked(tmp_path):
    """Another program holding the history's write lock; ``ROLLBACK`` frees it."""
    other = sqlite3.connect(tmp_path / "h.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_a_failed_write_is_reported_and_the_next_one_saves_the_current_state(
        open_desk, clock, tmp_path):
    desk = open_desk(clock)
    timer = desk.start(cold_back())
    other = locked(tmp_path)
    clock.advance(2 * MIN)
    desk.pause(timer)  # does not raise, nor wait

    assert "database is locked" in (desk.save_problem or "")
    assert timer.state is TimerState.PAUSED
    assert open_desk(clock).timers[0].state is TimerState.RUNNING  # not saved yet

    other.execute("ROLLBACK")
    desk.extend(timer, 2)

    assert desk.save_problem is None
    [restored] = open_desk(clock).timers
    assert (restored.state, restored.planned_s, restored.left_s(clock)) == \
        (TimerState.PAUSED, 17 * MIN, 15 * MIN)


def test_a_failed_first_write_is_retried_by_the_next_change(open_desk, clock, tmp_path):
    desk = open_desk(clock)
    other = locked(tmp_path)
    timer = desk.start(cold_back())
    assert desk.save_problem is not None
    assert desk.timers == [timer]

    other.execute("ROLLBACK")
    clock.advance(MIN)
    desk.pause(timer)

    assert desk.save_problem is None
    [restored] = open_desk(clock).timers
    assert (restored.id, restored.state) == (timer.id, TimerState.PAUSED)


def test_changes_that_wait_are_written_by_update_without_any_new_change(open_desk, clock,
                                                                        tmp_path):
    desk = open_desk(clock)
    other = locked(tmp_path)
    timer = desk.start(cold_back())
    clock.advance(3 * MIN)
    desk.end_early(timer)
    other.execute("ROLLBACK")
    desk.update()
    assert desk.save_problem is None and open_desk(clock).timers == []
    [record] = open_desk(clock).log.records()
    assert record.outcome is not None and round(record.actual_s or 0) == 3 * MIN


def tamper(tmp_path, sql):
    """Change the history file behind Coach's back."""
    with sqlite3.connect(tmp_path / "h.sqlite3") as db:
        db.execute(sql)


def test_a_timer_row_that_cannot_be_read_leaves_the_others_running(open_desk, clock, tmp_path):
    desk = open_desk(clock)
    desk.start(cold_back())
    kept = desk.start(heat_neck())
    tamper(tmp_path, "UPDATE therapy_sessions SET deadline_at = 'garbage' WHERE id = 1")
    again = open_desk(clock)
    assert [t.id for t in again.timers] == [kept.id]
    assert "heat/ice timer 1" in again.load_problem
    assert again.update() == [] and "heat/ice timer 1" in again.load_problem


def test_a_stored_deadline_never_gives_more_time_than_planned(open_desk, clock, tmp_path):
    desk = open_desk(clock)
    desk.start(cold_back())
    tamper(tmp_path, "UPDATE therapy_sessions SET deadline_at = '9999-12-31T23:59:59+00:00'")
    [timer] = open_desk(clock).timers
    assert timer.left_s(clock) == 15 * MIN
