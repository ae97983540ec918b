"""Pauses by name and working hours, in a real time zone with a DST change."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from coach.core.breaks.calendar import PAUSED_INDEFINITELY, WorkingHours, pause_end
from coach.core.breaks.scheduler import BreakDue, BreakScheduler
from coach.core.clock import FakeClock
from coach.core.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = WorkingHours(frozenset(range(5)), time(9), time(17, 30), BERLIN)


@pytest.mark.parametrize(("local", "inside"), [
    (datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN), True),     # Monday, opening time
    (datetime(2026, 3, 30, 17, 30, tzinfo=BERLIN), False),  # closing time is outside
    (datetime(2026, 3, 30, 8, 59, tzinfo=BERLIN), False),
    (datetime(2026, 3, 29, 12, 0, tzinfo=BERLIN), False),   # Sunday (the DST change day)
    (datetime(2026, 10, 26, 10, 0, tzinfo=BERLIN), True),   # the Monday after it ends
])
def test_working_hours_are_local_days_and_times(local, inside):
    assert OFFICE.contains(local.astimezone(UTC)) is inside


def test_no_break_is_counted_or_prompted_outside_working_hours():
    evening = datetime(2026, 3, 30, 17, 30, tzinfo=BERLIN).astimezone(UTC)
    clock = FakeClock(evening)
    scheduler = BreakScheduler(working_hours=OFFICE)
    events = []
    for _ in range(3 * 60 * 4):  # three hours of typing, checked every 15 s
        clock.advance(15)
        events += scheduler.check(clock, idle_s=0.5)
    assert events == [] and scheduler.until_due_s(scheduler.rules[0].kind) == 20 * 60


def test_breaks_come_as_usual_inside_working_hours():
    clock = FakeClock(datetime(2026, 3, 30, 9, 0, tzinfo=BERLIN).astimezone(UTC))
    scheduler = BreakScheduler(working_hours=OFFICE)
    due = []
    for _ in range(21 * 4):
        clock.advance(15)
        due += [e for e in scheduler.check(clock, idle_s=0.5) if isinstance(e, BreakDue)]
    assert len(due) == 1


def test_pause_lengths_by_name():
    now = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    assert (pause_end("30m", now) - now).total_seconds() == 1800
    assert (pause_end("2h", now) - now).total_seconds() == 7200
    assert pause_end("until-resumed", now) == PAUSED_INDEFINITELY
    tomorrow = pause_end("tomorrow", now).astimezone()
    assert tomorrow.time() == time(0) and tomorrow.date() > now.astimezone().date()
    with pytest.raises(KeyError):
        pause_end("forever", now)


def test_settings_give_working_hours_only_when_turned_on():
    assert Settings().working_hours() is None
    hours = Settings(working_hours_on=True, work_days=[0, 2, 9], work_start="08:15",
                     work_end="later").working_hours()
    assert hours is not None
    assert (hours.days, hours.start, hours.end) == (frozenset({0, 2}), time(8, 15),
                                                    time(17, 30))


NIGHTS = WorkingHours(frozenset({0, 1, 2, 3}), time(22), time(6), BERLIN)  # Mon-Thu nights


@pytest.mark.parametrize(("local", "inside"), [
    (datetime(2026, 3, 30, 23, 0, tzinfo=BERLIN), True),   # Monday night
    (datetime(2026, 3, 31, 5, 59, tzinfo=BERLIN), True),   # Tuesday early: Monday's shift
    (datetime(2026, 3, 31, 6, 0, tzinfo=BERLIN), False),
    (datetime(2026, 4, 3, 23, 0, tzinfo=BERLIN), False),   # Friday night: not a work night
    (datetime(2026, 4, 3, 3, 0, tzinfo=BERLIN), True),     # Friday early: Thursday's shift
    (datetime(2026, 3, 30, 3, 0, tzinfo=BERLIN), False),   # Monday early: Sunday's, no shift
])
def test_a_night_shift_ends_the_next_morning(local, inside):
    assert NIGHTS.contains(local.astimezone(UTC)) is inside
