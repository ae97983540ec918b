"""Cold and heat applications in the history, running ones included, so a restart loses none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from coach.core.clock import Clock
from coach.core.deadline import Deadline
from coach.core.history.spool import Statement
from coach.core.history.store import HistoryError, HistoryStore, from_text, time_range, to_text
from coach.core.i18n import _
from coach.core.therapy.timer import Outcome, TherapyKind, TherapyPlan, TherapyTimer, TimerState

_COLUMNS = ("id, kind, method, area, planned_s, started_at, state, deadline_at, paused_left_s,"
            " ended_at, actual_s, outcome, overdue_s, rest_gap_respected")


@dataclass(frozen=True)
class TherapyRecord:
    """One application as kept in the history. ``actual_s`` is the time on the skin, pauses
    excluded; ``outcome`` is None while it still runs."""

    id: int
    kind: TherapyKind
    method: str
    area: str
    planned_s: int
    started_at: datetime
    ended_at: datetime | None
    actual_s: float | None
    outcome: Outcome | None
    overdue_s: float
    rest_gap_respected: bool


class TherapyLog:
    """Reads and writes therapy rows in the history database of ``store``."""

    def __init__(self, store: HistoryStore) -> None:
        self._store = store

    def add(self, timer: TherapyTimer) -> None:
        """Store a newly started timer and set its ``id``; a row that cannot be written yet
        waits in the store's writer, as do later changes to it."""
        timer.id = self._store.new_id("therapy_sessions")
        self._store.write((
            "INSERT INTO therapy_sessions (id, kind, method, area, planned_s, plan_s,"
            " started_at, state, rest_gap_respected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (timer.id, timer.plan.kind.value, timer.plan.method, timer.plan.area,
             timer.planned_s, timer.plan.planned_s, to_text(timer.started_at),
             timer.state.value, int(timer.rest_gap_respected))), self._saving(timer))

    def save(self, timer: TherapyTimer) -> None:
        """Store the timer's current state (its deadline as a UTC instant)."""
        self._store.write(self._saving(timer))

    def _saving(self, timer: TherapyTimer) -> Statement:
        deadline = timer.deadline.at if timer.deadline is not None else None
        return (
            "UPDATE therapy_sessions SET planned_s = ?, state = ?, deadline_at = ?,"
            " paused_left_s = ?, ended_at = ?, actual_s = ?, outcome = ?, overdue_s = ?"
            " WHERE id = ?",
            (timer.planned_s, timer.state.value, _text_or_none(deadline), timer.paused_left_s,
             _text_or_none(timer.ended_at), timer.actual_s,
             timer.outcome.value if timer.outcome else None, timer.overdue_s, timer.id))

    def open_timers(self, clock: Clock) -> tuple[list[TherapyTimer], list[str]]:
        """Timers that had not ended when Coach last stopped, ready to carry on, and a
        message for each row that could not be read (the others still come back).

        Raises HistoryError if the table cannot be read at all."""
        rows = self._store.read(
            "SELECT id, kind, method, area, planned_s, plan_s, started_at, state, deadline_at,"
            " paused_left_s, rest_gap_respected FROM therapy_sessions"
            " WHERE state != 'ended' ORDER BY id")
        timers, problems = [], []
        for row in rows:
            try:
                timers.append(self._store.parse_row(row, "heat/ice timer",
                                                    partial(_restore, clock=clock)))
            except HistoryError as error:
                problems.append(_("{problem}; that timer could not be restored").format(
                    problem=error))
        return timers, problems

    def last_ended(self, kind: TherapyKind) -> datetime | None:
        """When the latest application of ``kind`` ended, or None."""
        [row] = self._store.read(
            "SELECT MAX(ended_at) FROM therapy_sessions WHERE kind = ? AND state = 'ended'",
            (kind.value,))
        return None if row[0] is None else self._store.parse_row(
            row, "latest end", lambda r: from_text(r[0]))

    def records(self, limit: int | None = None, since: datetime | None = None,
                until: datetime | None = None) -> list[TherapyRecord]:
        """Applications started from ``since`` up to (not including) ``until``, newest first,
        running ones included. Raises HistoryError."""
        where, parameters = time_range("started_at", since, until)
        rows = self._store.read(
            f"SELECT {_COLUMNS} FROM therapy_sessions WHERE {where}"
            " ORDER BY started_at DESC, id DESC LIMIT ?",
            (*parameters, -1 if limit is None else limit))
        return [self._store.parse_row(row, "heat/ice application", _record) for row in rows]


def _restore(row: tuple[Any, ...], clock: Clock) -> TherapyTimer:
    (timer_id, kind, method, area, planned_s, plan_s, started_at, state, deadline_at,
     paused_left_s, respected) = row
    plan = TherapyPlan(TherapyKind(kind), str(method), str(area), int(plan_s))
    planned = int(planned_s)
    deadline = None
    if deadline_at is not None:  # never more time left than planned, whatever was stored
        at = min(from_text(deadline_at), clock.now() + timedelta(seconds=planned))
        deadline = Deadline.restored(clock, at)
    paused = None if paused_left_s is None else min(float(paused_left_s), planned)
    return TherapyTimer(plan, from_text(started_at), deadline, paused_left_s=paused,
                        state=TimerState(state), planned_s=planned, timer_id=int(timer_id),
                        rest_gap_respected=bool(respected))


def _record(row: tuple[Any, ...]) -> TherapyRecord:
    (timer_id, kind, method, area, planned_s, started_at, _state, _deadline, _paused,
     ended_at, actual_s, outcome, overdue_s, respected) = row
    return TherapyRecord(
        id=int(timer_id), kind=TherapyKind(kind), method=method, area=area,
        planned_s=int(planned_s), started_at=from_text(started_at),
        ended_at=None if ended_at is None else from_text(ended_at),
        actual_s=None if actual_s is None else float(actual_s),
        outcome=None if outcome is None else Outcome(outcome),
        overdue_s=float(overdue_s or 0.0), rest_gap_respected=bool(respected))


def _text_or_none(moment: datetime | None) -> str | None:
    return None if moment is None else to_text(moment)
