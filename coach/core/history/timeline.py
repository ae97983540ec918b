"""Every kind of history entry in one list, newest first: routines, cold and heat, breaks and
symptoms. Filtering, counting and paging run in SQLite, so a history of 100,000 rows is never
loaded at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from coach.core.history import wording
from coach.core.history.store import HistoryError, HistoryStore, from_text, time_range
from coach.core.i18n import _


class EntryKind(Enum):
    """The kinds of entry, with the table each lives in."""

    ROUTINE = "routine"
    THERAPY = "cold/heat"
    BREAK = "break"
    SYMPTOM = "symptom"

    @property
    def table(self) -> str:
        return _TABLES[self]


_TABLES = {EntryKind.ROUTINE: "routine_sessions", EntryKind.THERAPY: "therapy_sessions",
           EntryKind.BREAK: "break_events", EntryKind.SYMPTOM: "symptoms"}

# One SELECT per kind, each giving the columns kind, id, at, duration_s, note and five facts
# (a to e) from which the entry's title and outcome are worded (coach.core.history.wording).
_SELECTS = {
    EntryKind.ROUTINE:
        "SELECT 'routine' AS kind, id, started_at AS at, duration_s, '' AS note,"
        " routine_title AS a, completed AS b, steps_completed AS c, steps_total AS d, NULL AS e"
        " FROM routine_sessions",
    EntryKind.THERAPY:
        "SELECT 'cold/heat' AS kind, id, started_at AS at, actual_s AS duration_s, '' AS note,"
        " kind AS a, method AS b, area AS c, outcome AS d, overdue_s AS e FROM therapy_sessions",
    EntryKind.BREAK:
        "SELECT 'break' AS kind, id, at, NULL AS duration_s, '' AS note, kind AS a,"
        " outcome AS b, NULL AS c, NULL AS d, NULL AS e FROM break_events",
    EntryKind.SYMPTOM:
        "SELECT 'symptom' AS kind, id, at, NULL AS duration_s, note, pain AS a, area AS b,"
        " spasm AS c, moment AS d, NULL AS e FROM symptoms",
}
_TIME_COLUMNS = {EntryKind.ROUTINE: "started_at", EntryKind.THERAPY: "started_at",
                 EntryKind.BREAK: "at", EntryKind.SYMPTOM: "at"}


@dataclass(frozen=True)
class TimelineEntry:
    """One row of the timeline. ``at`` is an aware UTC datetime; ``duration_s`` is the time
    spent (None for breaks and symptoms, and for a timer still on); ``title``, ``outcome`` and
    ``note`` are plain text, user text included."""

    kind: EntryKind
    id: int
    at: datetime
    title: str
    duration_s: float | None
    outcome: str
    note: str


@dataclass(frozen=True)
class TimelineFilter:
    """Which entries to show: kinds, a time range (``since`` included, ``until`` not; aware
    datetimes or None for no bound) and text to find in the title or note (any case)."""

    kinds: frozenset[EntryKind] = field(default_factory=lambda: frozenset(EntryKind))
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""


@dataclass(frozen=True)
class RemovedEntry:
    """A deleted entry's row, column by column, kept so the deletion can be undone."""

    kind: EntryKind
    row: dict[str, Any]


class Timeline:
    """Reads, deletes and restores history entries of every kind in ``store``'s database.

    Reads raise HistoryError when the database cannot be read."""

    def __init__(self, store: HistoryStore) -> None:
        self._store = store
        store.connection.create_function("coach_entry_has", 8, _has_text)

    def count(self, view: TimelineFilter) -> int:
        """How many entries ``view`` lets through."""
        sql, parameters = self._query(view)
        return int(self._store.read(f"SELECT COUNT(*) FROM ({sql})", parameters)[0][0])

    def page(self, view: TimelineFilter, offset: int, limit: int) -> list[TimelineEntry]:
        """Up to ``limit`` entries of ``view``, newest first, skipping the first ``offset``."""
        sql, parameters = self._query(view)
        rows = self._store.read(
            f"SELECT id, kind, at, duration_s, note, a, b, c, d, e FROM ({sql})"
            " ORDER BY at DESC, kind, id DESC LIMIT ? OFFSET ?", (*parameters, limit, offset))
        return [self._store.parse_row(row, "timeline entry", _entry) for row in rows]

    def _query(self, view: TimelineFilter) -> tuple[str, tuple[Any, ...]]:
        parts: list[str] = []
        parameters: list[Any] = []
        text = view.text.strip().casefold()
        for kind in EntryKind:
            if kind not in view.kinds:
                continue
            where, bounds = time_range(_TIME_COLUMNS[kind], view.since, view.until)
            select = f"SELECT * FROM ({_SELECTS[kind]} WHERE {where})"
            parameters += bounds
            if text:  # searched in the words shown, in the language Coach speaks
                select += " WHERE coach_entry_has(?, kind, note, a, b, c, d, e)"
                parameters.append(text)
            parts.append(select)
        if not parts:
            return _SELECTS[EntryKind.ROUTINE] + " WHERE 0", ()
        return " UNION ALL ".join(parts), tuple(parameters)

    def counts(self) -> dict[EntryKind, int]:
        """How many entries of each kind ``delete_all`` would remove (timers still on are
        kept and not counted)."""
        return {kind: int(self._store.read(
            f"SELECT COUNT(*) FROM {kind.table} WHERE {_deletable(kind)}")[0][0])
            for kind in EntryKind}

    def delete(self, kind: EntryKind, entry_id: int) -> RemovedEntry:
        """Remove one entry and return it for ``restore``. Raises HistoryError for an entry
        that is not there or a cold/heat timer that is still on."""
        with self._writing(_("{file}: could not be deleted ({error})")):
            db = self._store.connection
            cursor = db.execute(
                f"SELECT * FROM {kind.table} WHERE id = ? AND {_deletable(kind)}", (entry_id,))
            values = cursor.fetchone()
            if values is None:
                raise HistoryError(_("This entry cannot be deleted: it is not there, or it is "
                                     "a timer that is still on."))
            row = dict(zip([column[0] for column in cursor.description], values, strict=True))
            db.execute(f"DELETE FROM {kind.table} WHERE id = ?", (entry_id,))
        return RemovedEntry(kind, row)

    def restore(self, removed: RemovedEntry) -> None:
        """Put a deleted entry back exactly as it was, with its id. Raises HistoryError."""
        columns = ", ".join(removed.row)
        marks = ", ".join("?" for _ in removed.row)
        with self._writing(_("{file}: could not be put back ({error})")):
            self._store.connection.execute(
                f"INSERT INTO {removed.kind.table} ({columns}) VALUES ({marks})",
                tuple(removed.row.values()))

    def delete_all(self) -> None:
        """Remove every entry of every kind in one transaction, except timers still on, and
        leave no copy of them in the file or its write-ahead log. Raises HistoryError, having
        deleted nothing, when the history cannot be written."""
        db = self._store.connection
        with self._writing(_("{file}: could not be deleted ({error})")):
            db.execute("BEGIN IMMEDIATE")
            try:
                for kind in EntryKind:
                    db.execute(f"DELETE FROM {kind.table} WHERE {_deletable(kind)}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no old copies left in the log

    @contextmanager
    def _writing(self, failed: str) -> Iterator[None]:
        """Raises HistoryError, worded by ``failed`` (with {file} and {error}), for a write
        that fails."""
        try:
            yield
        except sqlite3.Error as error:
            raise HistoryError(failed.format(file=self._store.path, error=error)) from error


def _deletable(kind: EntryKind) -> str:
    return "state = 'ended'" if kind is EntryKind.THERAPY else "1"


def _words(kind: EntryKind, a: Any, b: Any, c: Any, d: Any, e: Any) -> tuple[str, str]:
    """The title and outcome of an entry, from its facts (see _SELECTS)."""
    if kind is EntryKind.ROUTINE:
        return str(a), wording.routine_outcome(bool(b), int(c), int(d))
    if kind is EntryKind.THERAPY:
        return (wording.therapy_title(str(b), str(c)),
                wording.therapy_outcome(None if d is None else str(d), e))
    if kind is EntryKind.BREAK:
        return wording.break_title(str(a)), wording.break_outcome(str(b))
    return (wording.symptom_title(int(a), str(b), bool(c)),
            wording.symptom_outcome(None if d is None else str(d)))


def _has_text(text: str, kind: str, note: str, *facts: Any) -> bool:
    """Whether ``text`` (casefolded) is in an entry's title or note, as they are shown."""
    try:
        title, _outcome = _words(EntryKind(kind), *facts)
    except (TypeError, ValueError):
        return False  # a row that makes no sense is found by no search
    return text in title.casefold() or text in str(note).casefold()


def _entry(row: tuple[Any, ...]) -> TimelineEntry:
    entry_id, kind, at, duration_s, note, *facts = row
    entry_kind = EntryKind(kind)
    title, outcome = _words(entry_kind, *facts)
    return TimelineEntry(entry_kind, int(entry_id), from_text(at), title,
                         None if duration_s is None else float(duration_s), outcome,
                         str(note))
