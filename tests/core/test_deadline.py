"""A deadline on two clocks: sleep follows the wall clock, a clock change does not count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from coach.core.clock import FakeClock
from coach.core.deadline import AGREEMENT_S, Deadline
from coach.core.history.store import from_text

HOUR_S = 3600.0



def test_after_holds_the_moment_on_both_clocks(clock):
    deadline = Deadline.after(clock, 600)

    assert deadline.monotonic_s == clock.monotonic() + 600
    assert deadline.at == clock.now() + timedelta(seconds=600)
    assert deadline.left_s(clock) == 600


def test_counts_down_and_goes_negative_past_the_end(clock):
    deadline = Deadline.after(clock, 600)
    clock.advance(250)
    assert deadline.left_s(clock) == 350
    clock.advance(400)
    assert deadline.left_s(clock) == -50


@pytest.mark.parametrize("counts_suspend", [False, True])
@pytest.mark.parametrize("drift_s", [AGREEMENT_S, -AGREEMENT_S, 0.5])
def test_clocks_within_agreement_follow_the_monotonic_clock_and_change_nothing(
        counts_suspend, drift_s):
    clock = FakeClock(counts_suspend=counts_suspend)
    deadline = Deadline.after(clock, 600)
    before = (deadline.monotonic_s, deadline.at)
    clock.advance(100)
    clock.jump_wall(drift_s)

    assert deadline.left_s(clock) == 500
    assert (deadline.monotonic_s, deadline.at) == before


def test_drift_just_past_agreement_counts_as_a_jump():
    clock = FakeClock(counts_suspend=False)
    deadline = Deadline.after(clock, 600)
    clock.jump_wall(AGREEMENT_S + 1)
    assert deadline.left_s(clock) == 600 - AGREEMENT_S - 1


def test_sleep_not_counted_by_the_monotonic_clock_follows_the_wall_clock():
    clock = FakeClock(counts_suspend=False)
    deadline = Deadline.after(clock, 600)
    clock.advance(100)
    start_wall, start_mono = clock.now(), clock.monotonic()
    clock.suspend(200)
    assert (clock.now() - start_wall, clock.monotonic()) == (timedelta(seconds=200), start_mono)

    assert deadline.left_s(clock) == 300
    assert deadline.monotonic_s == clock.monotonic() + 300  # re-anchored to the wall clock
    clock.advance(100)
    assert deadline.left_s(clock) == 200

    clock.suspend(500)
    assert deadline.left_s(clock) == -300


def test_sleep_counted_by_the_monotonic_clock_counts_the_same():
    clock = FakeClock(counts_suspend=True)
    deadline = Deadline.after(clock, 600)
    at = deadline.at
    clock.advance(100)
    start_mono = clock.monotonic()
    clock.suspend(200)
    assert clock.monotonic() == start_mono + 200

    assert deadline.left_s(clock) == 300
    assert deadline.at == at
    clock.suspend(500)
    assert deadline.left_s(clock) == -200


@pytest.mark.parametrize("counts_suspend", [False, True])
def test_wall_clock_set_back_an_hour_neither_lengthens_nor_shortens(counts_suspend):
    clock = FakeClock(counts_suspend=counts_suspend)
    deadline = Deadline.after(clock, 600)
    clock.advance(100)
    clock.jump_wall(-HOUR_S)

    assert deadline.left_s(clock) == 500
    assert deadline.at == clock.now() + timedelta(seconds=500)  # re-anchored
    clock.advance(499)
    assert deadline.left_s(clock) == 1
    clock.advance(1)
    assert deadline.left_s(clock) == 0


def test_wall_clock_set_forward_on_a_clock_that_counts_suspend_changes_nothing():
    clock = FakeClock(counts_suspend=True)
    deadline = Deadline.after(clock, 600)
    clock.advance(100)
    clock.jump_wall(HOUR_S)

    assert deadline.left_s(clock) == 500
    assert deadline.at == clock.now() + timedelta(seconds=500)
    clock.advance(500)
    assert deadline.left_s(clock) == 0


def test_restored_from_a_stored_utc_instant(clock):
    stored = from_text("2026-01-05T09:10:00+00:00")  # clock.now() is 09:00 UTC
    deadline = Deadline.restored(clock, stored)

    assert deadline.at == stored
    assert deadline.monotonic_s == clock.monotonic() + 600
    assert deadline.left_s(clock) == 600
    clock.advance(600)
    assert deadline.left_s(clock) == 0


def test_restored_after_the_instant_has_passed_is_already_overdue():
    clock = FakeClock(start=datetime(2026, 1, 5, 9, 30, tzinfo=UTC), monotonic_s=5.0)
    deadline = Deadline.restored(clock, datetime(2026, 1, 5, 9, 10, tzinfo=UTC))
    assert deadline.left_s(clock) == -1200


def test_restored_from_another_zone_is_the_same_instant(clock):
    tokyo = datetime(2026, 1, 5, 18, 10, tzinfo=timezone(timedelta(hours=9)))
    assert Deadline.restored(clock, tokyo).left_s(clock) == 600


def test_moved_is_a_new_deadline_later_or_earlier(clock):
    deadline = Deadline.after(clock, 600)

    later = deadline.moved(120)
    earlier = deadline.moved(-60)

    assert later.left_s(clock) == 720
    assert later.at == deadline.at + timedelta(seconds=120)
    assert earlier.left_s(clock) == 540
    assert earlier.at == deadline.at - timedelta(seconds=60)
    assert deadline.left_s(clock) == 600
