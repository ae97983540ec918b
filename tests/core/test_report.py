"""The clinician report's figures, from known entries in a non-UTC time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from coach.core.breaks.log import BreakLog
from coach.core.breaks.scheduler import BreakKind, Outcome
from coach.core.history.report import Episode, Practice, WeekPain, build_report
from coach.core.history.symptoms import SymptomLog

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.usefixtures("berlin_time")
TODAY = date(2026, 3, 31)


def at(day: int, hour: int, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=BERLIN).astimezone(UTC)


def test_pain_by_week_areas_and_spasm_episodes(store):
    log = SymptomLog(store)
    log.add(at(24, 9), 7, "upper back", True, "woke up stiff")
    log.add(at(25, 9), 8, "neck", True)
    log.add(at(25, 20), 5, "upper back", False)
    log.add(at(28, 23), 3, "upper back", True)    # an episode of its own, after a gap
    log.add(at(30, 0), 2, "neck", False, "better")  # Monday just after midnight: next week
    log.add(at(20, 9), 9, "neck", True)           # before the 7 days asked for
    report = build_report(store, TODAY, 7)
    assert (report.first_day, report.last_day) == (date(2026, 3, 25), TODAY)
    assert report.weekly_pain == [WeekPain(date(2026, 3, 23), 3, 16 / 3, 8),
                                  WeekPain(date(2026, 3, 30), 1, 2.0, 2)]
    assert report.pain_entries == 4
    assert report.areas == [("neck", 2), ("upper back", 2)]
    assert report.episodes == [Episode(date(2026, 3, 25), date(2026, 3, 25), 8, ("neck",)),
                               Episode(date(2026, 3, 28), date(2026, 3, 28), 3,
                                       ("upper back",))]
    assert [note for _, note in report.notes] == ["better"]


def test_consecutive_spasm_days_are_one_episode(store):
    log = SymptomLog(store)
    for day, pain, area in ((10, 6, "neck"), (11, 8, "upper back"), (12, 4, "neck")):
        log.add(at(day, 12), pain, area, True)
    [episode] = build_report(store, TODAY, 30).episodes
    assert episode == Episode(date(2026, 3, 10), date(2026, 3, 12), 8, ("neck", "upper back"))
    assert episode.days == 3


def test_what_was_done(store):
    for title, minutes in (("Breathing", 5), ("Breathing", 4), ("Stretches", 10)):
        session = store.begin_routine("r", title, at(30, 10), 3)
        store.update_routine(session, minutes * 60, 3, True)
    breaks = BreakLog(store)
    for outcome in (Outcome.TAKEN, Outcome.NATURAL, Outcome.SKIPPED, Outcome.POSTPONED):
        breaks.add(BreakKind.MICRO, at(30, 11), outcome)
    report = build_report(store, TODAY, 7)
    assert report.routines == [Practice("Breathing", 2, 9.0), Practice("Stretches", 1, 10.0)]
    assert (report.breaks_taken, report.breaks_prompted, report.breaks_natural) == (1, 2, 1)
    assert report.cold_and_heat == [] and report.episodes == [] and report.pain_entries == 0


def test_only_7_30_or_90_days(store):
    with pytest.raises(ValueError, match="days: 14"):
        build_report(store, TODAY, 14)


def test_scores_around_a_routine_do_not_count_as_areas(store):
    log = SymptomLog(store)
    log.add(at(30, 9), 5, "other", False)
    session = store.begin_routine("r", "Breathing", at(30, 10), 3)
    log.add_around_routine(at(30, 10), 6, session, "before")
    log.add_around_routine(at(30, 11), 4, session, "after")
    report = build_report(store, TODAY, 7)
    assert report.areas == [("other", 1)]
    assert report.pain_entries == 3
