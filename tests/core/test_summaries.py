"""Day-by-day figures, bucketed in local time: a DST week in Berlin, and streaks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from coach.core.breaks.log import BreakLog
from coach.core.breaks.scheduler import BreakKind, Outcome
from coach.core.history import summaries
from coach.core.history.symptoms import SymptomLog

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.usefixtures("berlin_time")
WEEK_START = datetime(2026, 3, 23, tzinfo=BERLIN)  # DST starts on Sunday 29 March
WEEK_END = datetime(2026, 3, 30, tzinfo=BERLIN)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A Berlin wall-clock time in the week of 23 March 2026, as UTC."""
    return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def played(store, moment, minutes):  # type: ignore[no-untyped-def]
    session = store.begin_routine("r", "Routine", moment, 4)
    store.update_routine(session, minutes * 60, 4, True)


def test_minutes_per_local_day_across_the_dst_change(store):
    played(store, at(28, 23, 30), 10)   # Saturday 23:30 local = 22:30 UTC
    played(store, at(29, 0, 30), 5)     # Sunday 00:30 local = Saturday 23:30 UTC
    played(store, at(29, 23, 30), 7)    # Sunday 23:30 local (summer time) = 21:30 UTC
    played(store, at(30, 0, 15), 2)     # Monday: outside the week asked for
    minutes = summaries.routine_minutes(store, WEEK_START.astimezone(UTC),
                                        WEEK_END.astimezone(UTC))
    assert minutes == {date(2026, 3, 28): 10.0, date(2026, 3, 29): 12.0}


def test_breaks_prompted_and_breaks_had_per_day(store):
    log = BreakLog(store)
    for outcome in (Outcome.TAKEN, Outcome.NATURAL, Outcome.NATURAL, Outcome.SNOOZED,
                    Outcome.SKIPPED, Outcome.POSTPONED):
        log.add(BreakKind.MICRO, at(24, 10), outcome)
    day = date(2026, 3, 24)
    assert summaries.breaks_with(summaries.PROMPTED, store, at(24, 0), at(25, 0)) == {day: 3.0}
    assert summaries.breaks_with(summaries.HONOURED, store, at(24, 0), at(25, 0)) == {day: 3.0}


def test_average_pain_per_day(store):
    symptoms = SymptomLog(store)
    symptoms.add(at(25, 8), 7, "upper back", True)
    symptoms.add(at(25, 20), 4, "upper back", False)
    symptoms.add(at(26, 9), 3, "neck", False)
    assert summaries.pain(store, at(23, 0), at(30, 0)) == {date(2026, 3, 25): 5.5,
                                                           date(2026, 3, 26): 3.0}


def test_streaks_of_days_with_a_routine(store):
    for day in (20, 21, 22, 25, 26, 27, 28):
        played(store, at(day, 18), 5)
    assert summaries.streaks(store, today=date(2026, 3, 29)) == (4, 4)  # today not over yet
    assert summaries.streaks(store, today=date(2026, 3, 30)) == (0, 4)
    assert summaries.streaks(store, today=date(2026, 3, 28)) == (4, 4)


def test_an_empty_history_has_no_days_and_no_streak(store):
    since, until = at(23, 0), at(30, 0)
    assert summaries.routine_minutes(store, since, until) == {}
    assert summaries.applications(store, since, until) == {}
    assert summaries.streaks(store, today=date(2026, 3, 29)) == (0, 0)


def test_minutes_per_week_start_on_monday_across_the_dst_change(store):
    played(store, at(23, 0, 30), 10)    # Monday 00:30 local is Sunday 23:30 UTC
    played(store, at(29, 23, 30), 7)    # Sunday night after the change: the same week
    played(store, at(30, 0, 15), 2)     # Monday: the next week
    weekly = summaries.routine_minutes_weekly(store, at(16, 0), at(31, 0))
    assert weekly == {date(2026, 3, 23): 17.0, date(2026, 3, 30): 2.0}


def test_applications_of_one_kind(store):
    from coach.core.clock import FakeClock
    from coach.core.therapy.log import TherapyLog
    from coach.core.therapy.timer import TherapyKind, TherapyTimer, plan_application

    for kind in (TherapyKind.COLD, TherapyKind.COLD, TherapyKind.HEAT):
        timer = TherapyTimer.start(plan_application(kind, 15, "neck", None),
                                   FakeClock(start=at(24, 9)))
        TherapyLog(store).add(timer)
    since, until = at(23, 0), at(30, 0)
    assert summaries.applications(store, since, until) == {date(2026, 3, 24): 3.0}
    assert summaries.applications(store, since, until, TherapyKind.COLD) == {
        date(2026, 3, 24): 2.0}


def test_pain_before_and_after_each_routine(store):
    symptoms = SymptomLog(store)
    for title, before, after in (("Breathing", 7, 4), ("Breathing", 5, 4),
                                 ("Stretches", 3, 3), ("Skipped after", 6, None)):
        session = store.begin_routine("r", title, at(24, 9), 3)
        symptoms.add(at(24, 9), before, "upper back", False, session_id=session,
                     moment="before")
        if after is not None:
            symptoms.add(at(24, 9, 10), after, "upper back", False, session_id=session,
                         moment="after")
    assert summaries.pain_change(store, at(23, 0), at(30, 0)) == [
        summaries.PainChange("Breathing", 2, 6.0, 4.0),
        summaries.PainChange("Stretches", 1, 3.0, 3.0)]
