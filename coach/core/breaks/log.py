"""Break reminders in the history: each break prompted, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coach.core.breaks.scheduler import BreakKind, Outcome
from coach.core.history.store import HistoryStore, from_text, time_range, to_text


@dataclass(frozen=True)
class BreakRecord:
    """A break at ``at`` (aware UTC) with its outcome."""

    id: int
    kind: BreakKind
    at: datetime
    outcome: Outcome


class BreakLog:
    """Reads and writes break rows in the history database of ``store``; a row that cannot
    be written yet (a lock, a full disk) waits in the store's writer, so no break is lost."""

    def __init__(self, store: HistoryStore) -> None:
        self._store = store

    def add(self, kind: BreakKind, at: datetime, outcome: Outcome) -> None:
        """Record a break."""
        self._store.write(("INSERT INTO break_events (kind, at, outcome) VALUES (?, ?, ?)",
                           (kind.value, to_text(at), outcome.value)))

    def records(self, limit: int | None = None, since: datetime | None = None,
                until: datetime | None = None) -> list[BreakRecord]:
        """Breaks from ``since`` up to (not including) ``until``, newest first. Raises
        HistoryError if they cannot be read."""
        where, parameters = time_range("at", since, until)
        rows = self._store.read(
            f"SELECT id, kind, at, outcome FROM break_events WHERE {where}"
            " ORDER BY at DESC, id DESC LIMIT ?", (*parameters, -1 if limit is None else limit))
        return [self._store.parse_row(row, "break", _record) for row in rows]


def _record(row: tuple[Any, ...]) -> BreakRecord:
    return BreakRecord(int(row[0]), BreakKind(row[1]), from_text(row[2]), Outcome(row[3]))
