"""The symptom log: pain 0-10, where, whether it was a spasm, and a note.

Describing where it hurts, how strongly and for how long helps a healthcare provider (source
document 001_eb06acfd83de148c.txt); this log keeps that description for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coach.core.history.store import HistoryError, HistoryStore, from_text, time_range, to_text
from coach.core.i18n import _

AREAS = ("upper back", "between the shoulder blades", "neck", "shoulders", "lower back",
         "other")
MOMENTS = ("before", "after")
MAX_NOTE_CHARS = 2000


def _too_long(note: str) -> str:
    """Why ``note`` cannot be kept, in words: it is over MAX_NOTE_CHARS characters."""
    return _("The note has {count} characters; at most {most} can be kept.").format(
        count=len(note), most=MAX_NOTE_CHARS)


class SymptomError(ValueError):
    """An entry that cannot be kept as given; the message says which field and why."""


@dataclass(frozen=True)
class SymptomEntry:
    """One entry. ``at`` is an aware UTC datetime; ``session_id`` and ``moment`` ("before"
    or "after") tie it to a routine session when it was asked for around one."""

    id: int
    at: datetime
    pain: int
    area: str
    spasm: bool
    note: str = ""
    session_id: int | None = None
    moment: str | None = None


def check_entry(pain: int, area: str, note: str, moment: str | None) -> None:
    """Raise SymptomError for pain outside 0-10, an unknown area or moment, or a note
    longer than 2000 characters."""
    if isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= 10:
        raise SymptomError(f"pain: {pain!r} is not a whole number from 0 to 10")
    if area not in AREAS:
        raise SymptomError(f"area: {area!r} is not one of {', '.join(AREAS)}")
    if moment is not None and moment not in MOMENTS:
        raise SymptomError(f"moment: {moment!r} is not 'before' or 'after'")
    if len(note) > MAX_NOTE_CHARS:
        raise SymptomError(_too_long(note))


class SymptomLog:
    """Reads and writes symptom entries in the history database of ``store``."""

    COLUMNS = "id, at, pain, area, spasm, note, session_id, moment"

    def __init__(self, store: HistoryStore) -> None:
        self._store = store

    @property
    def save_problem(self) -> str | None:
        """Why entries wait to be written (see HistoryWriter), or None."""
        return self._store.writer.problem

    def add(self, at: datetime, pain: int, area: str, spasm: bool, note: str = "",
            session_id: int | None = None, moment: str | None = None) -> SymptomEntry:
        """Keep a new entry and return it (it may wait in the store's writer to be written).
        Raises SymptomError (see ``check_entry``)."""
        check_entry(pain, area, note, moment)
        entry = SymptomEntry(self._store.new_id("symptoms"), at, pain, area, spasm, note,
                             session_id, moment)
        self.restore(entry)
        return entry

    def entries(self, since: datetime | None = None,
                until: datetime | None = None) -> list[SymptomEntry]:
        """Entries from ``since`` up to (not including) ``until``, newest first."""
        where, parameters = time_range("at", since, until)
        rows = self._store.read(
            f"SELECT {self.COLUMNS} FROM symptoms WHERE {where} ORDER BY at DESC, id DESC",
            parameters)
        return [self._store.parse_row(row, "symptom entry", _entry) for row in rows]

    def add_around_routine(self, at: datetime, pain: int, session_id: int | None,
                           moment: str) -> SymptomEntry:
        """Keep a pain score given ``moment`` ("before" or "after") a routine session, for
        the area named in the newest entry (upper back when there is none, or when the log
        cannot be read just now). Raises SymptomError for a bad score or moment."""
        try:
            rows = self._store.read("SELECT area FROM symptoms ORDER BY at DESC, id DESC"
                                    " LIMIT 1")
        except HistoryError:  # the score matters more than its area: keep it
            rows = []
        area = str(rows[0][0]) if rows and rows[0][0] in AREAS else AREAS[0]
        return self.add(at, pain, area, False, session_id=session_id, moment=moment)

    def set_note(self, entry_id: int, note: str) -> None:
        """Change an entry's note. Raises SymptomError for a note that is too long."""
        if len(note) > MAX_NOTE_CHARS:
            raise SymptomError(_too_long(note))
        self._store.write(("UPDATE symptoms SET note = ? WHERE id = ?", (note, entry_id)))

    def delete(self, entry: SymptomEntry) -> None:
        """Remove ``entry``; keep the entry to undo with ``restore``."""
        self._store.write(("DELETE FROM symptoms WHERE id = ?", (entry.id,)))

    def restore(self, entry: SymptomEntry) -> None:
        """Put a deleted entry back as it was, with its id."""
        self._store.write((
            f"INSERT INTO symptoms ({self.COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.id, to_text(entry.at), entry.pain, entry.area, int(entry.spasm),
             entry.note, entry.session_id, entry.moment)))


def _entry(row: tuple[Any, ...]) -> SymptomEntry:
    return SymptomEntry(int(row[0]), from_text(row[1]), int(row[2]), str(row[3]),
                        bool(row[4]), str(row[5]), None if row[6] is None else int(row[6]),
                        row[7])
