"""Day-by-day figures for the history charts, computed by SQLite over indexed columns.

Days are local days in the process's time zone (SQLite's ``localtime``), so a DST change day is
one day of 23 or 25 hours. Each function takes an aware UTC ``since`` and ``until`` and returns
``{day: value}`` with only the days that have data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from coach.core.history.store import HistoryStore, local_days, to_text
from coach.core.therapy.timer import TherapyKind

Daily = dict[date, float]


def _daily(store: HistoryStore, sql: str, since: datetime, until: datetime) -> Daily:
    rows = store.read(sql, (to_text(since), to_text(until)))
    return {date.fromisoformat(day): float(value) for day, value in rows if day is not None}


def routine_minutes(store: HistoryStore, since: datetime, until: datetime) -> Daily:
    """Minutes spent in routines on each local day."""
    return _daily(store, "SELECT date(started_at, 'localtime') AS day, SUM(duration_s) / 60.0"
                         " FROM routine_sessions WHERE started_at >= ? AND started_at < ?"
                         " GROUP BY day", since, until)


def routine_minutes_weekly(store: HistoryStore, since: datetime, until: datetime) -> Daily:
    """Minutes spent in routines in each local week, keyed by the week's Monday."""
    return _daily(store, "SELECT date(started_at, 'localtime', 'weekday 0', '-6 days') AS day,"
                         " SUM(duration_s) / 60.0 FROM routine_sessions"
                         " WHERE started_at >= ? AND started_at < ? GROUP BY day", since, until)


def applications(store: HistoryStore, since: datetime, until: datetime,
                 kind: TherapyKind | None = None) -> Daily:
    """Cold and heat applications started on each local day; only those of ``kind`` when
    it is given."""
    only = "" if kind is None else f" AND kind = '{kind.value}'"
    return _daily(store, "SELECT date(started_at, 'localtime') AS day, COUNT(*)"
                         " FROM therapy_sessions WHERE started_at >= ? AND started_at < ?"
                         f"{only} GROUP BY day", since, until)


PROMPTED = "('taken', 'snoozed', 'skipped')"
"""Outcomes of a break that was prompted (a natural break comes before any prompt)."""
HONOURED = "('taken', 'natural')"
"""Outcomes that are a break had: taken when prompted, or natural."""


def breaks_with(outcomes: str, store: HistoryStore, since: datetime, until: datetime) -> Daily:
    """How many breaks ended in one of ``outcomes`` (``PROMPTED`` or ``HONOURED``) on each
    local day."""
    return _daily(store, "SELECT date(at, 'localtime') AS day, COUNT(*) FROM break_events"
                         f" WHERE at >= ? AND at < ? AND outcome IN {outcomes} GROUP BY day",
                  since, until)


def pain(store: HistoryStore, since: datetime, until: datetime) -> Daily:
    """The average pain score logged on each local day."""
    return _daily(store, "SELECT date(at, 'localtime') AS day, AVG(pain) FROM symptoms"
                         " WHERE at >= ? AND at < ? GROUP BY day", since, until)


@dataclass(frozen=True)
class PainChange:
    """Pain logged before and after one routine's sessions: ``sessions`` counts the sessions
    with both scores; the averages are on the 0-10 scale."""

    routine_title: str
    sessions: int
    before: float
    after: float


def pain_change(store: HistoryStore, since: datetime, until: datetime) -> list[PainChange]:
    """For each routine whose sessions from ``since`` to ``until`` have a pain score before and
    after, the average of each; the routine that lowered pain most comes first."""
    rows = store.read(
        "SELECT r.routine_title, COUNT(*), AVG(b.pain), AVG(a.pain) FROM routine_sessions r"
        " JOIN symptoms b ON b.session_id = r.id AND b.moment = 'before'"
        " JOIN symptoms a ON a.session_id = r.id AND a.moment = 'after'"
        " WHERE r.started_at >= ? AND r.started_at < ?"
        " GROUP BY r.routine_title ORDER BY AVG(a.pain) - AVG(b.pain), r.routine_title",
        (to_text(since), to_text(until)))
    return [PainChange(str(title), int(n), float(before), float(after))
            for title, n, before, after in rows]


def streaks(store: HistoryStore, today: date) -> tuple[int, int]:
    """(current, best) runs of consecutive local days with at least one routine. The current
    run may end yesterday: today is not over yet."""
    rows: list[Any] = store.read("SELECT DISTINCT date(started_at, 'localtime') AS day"
                                 " FROM routine_sessions ORDER BY day")
    days = [date.fromisoformat(row[0]) for row in rows if row[0] is not None]
    best = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    current = run if previous is not None and today - previous <= timedelta(days=1) else 0
    return current, best


@dataclass(frozen=True)
class DayFigures:
    """What the day so far adds up to: seconds spent in routines, and the run of days with a
    routine that today belongs to."""

    routine_s: float
    days_in_a_row: int


def day_figures(store: HistoryStore, now: datetime) -> DayFigures:
    """The figures of ``now``'s local day (``now`` aware)."""
    today = now.astimezone().date()
    since, until = local_days(today, today)
    minutes = sum(routine_minutes(store, since, until).values())
    return DayFigures(minutes * 60, streaks(store, today)[0])
