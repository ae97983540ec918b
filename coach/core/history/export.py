"""History export as CSV or JSON, safe to open in a spreadsheet, and as a table for people."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from coach.core.breaks.log import BreakLog, BreakRecord
from coach.core.history import wording
from coach.core.history.store import HistoryStore, RoutineSession
from coach.core.history.symptoms import SymptomEntry, SymptomLog
from coach.core.i18n import _
from coach.core.printable import invisible, printable
from coach.core.private_files import open_private
from coach.core.therapy.log import TherapyLog, TherapyRecord

GROUPS = ("routine_sessions", "cold_and_heat", "breaks", "symptoms")
COLUMNS = ("type", "id", "at", "ended_at", "routine_id", "routine_title", "kind", "method",
           "area", "pain", "spasm", "note", "duration_s", "planned_s", "actual_s",
           "steps_completed", "steps_total", "completed", "outcome", "overdue_s",
           "rest_gap_respected", "session_id", "moment")
_FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66",
                   "\ufe62", "\ufe63", "\ufe6b", "\u2212")
"""The characters a spreadsheet starts a formula with, their full-width and small forms and
the minus sign included."""


@dataclass(frozen=True)
class HistoryRecords:
    """Entries of each kind, newest first."""

    sessions: Sequence[RoutineSession] = ()
    applications: Sequence[TherapyRecord] = ()
    breaks: Sequence[BreakRecord] = ()
    symptoms: Sequence[SymptomEntry] = ()

    @property
    def count(self) -> int:
        """How many entries there are of all kinds."""
        return (len(self.sessions) + len(self.applications) + len(self.breaks)
                + len(self.symptoms))


def read_records(store: HistoryStore, since: datetime | None = None,
                 until: datetime | None = None) -> HistoryRecords:
    """Every entry that started from ``since`` up to (not including) ``until`` (aware
    datetimes; None for no bound). Raises HistoryError if the history cannot be read."""
    return HistoryRecords(store.routine_sessions(since=since, until=until),
                          TherapyLog(store).records(since=since, until=until),
                          BreakLog(store).records(since=since, until=until),
                          SymptomLog(store).entries(since, until))


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def _rounded(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds, 1)


def grouped(history: HistoryRecords) -> dict[str, list[dict[str, object]]]:
    """Each kind of entry as plain values, under the names in ``GROUPS``. Times are ISO 8601
    UTC text; ``at`` is when the entry started."""
    return {
        "routine_sessions": [
            {"id": s.id, "at": _time(s.started_at), "routine_id": s.routine_id,
             "routine_title": s.routine_title, "duration_s": _rounded(s.duration_s),
             "steps_completed": s.steps_completed, "steps_total": s.steps_total,
             "completed": s.completed} for s in history.sessions],
        "cold_and_heat": [
            {"id": a.id, "at": _time(a.started_at), "ended_at": _time(a.ended_at),
             "kind": a.kind.value, "method": a.method, "area": a.area,
             "planned_s": a.planned_s, "actual_s": _rounded(a.actual_s),
             "outcome": None if a.outcome is None else a.outcome.value,
             "overdue_s": _rounded(a.overdue_s), "rest_gap_respected": a.rest_gap_respected}
            for a in history.applications],
        "breaks": [{"id": b.id, "at": _time(b.at), "kind": b.kind.value,
                    "outcome": b.outcome.value} for b in history.breaks],
        "symptoms": [
            {"id": e.id, "at": _time(e.at), "pain": e.pain, "area": e.area, "spasm": e.spasm,
             "note": e.note, "session_id": e.session_id, "moment": e.moment}
            for e in history.symptoms],
    }


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe: text that
    starts with a formula character once what a spreadsheet passes over is taken off the
    front (spaces and line breaks of every kind, and every character that shows nothing of
    its own: see coach.core.printable.invisible), and text that starts with a tab or a
    carriage return."""
    if isinstance(value, str) and (value.startswith(("\t", "\r"))
                                   or _without_lead(value).startswith(_FORMULA_STARTS)):
        return "'" + value
    return value


def _without_lead(text: str) -> str:
    for index, char in enumerate(text):
        if not (char.isspace() or invisible(char)):
            return text[index:]
    return ""


def write_csv(history: HistoryRecords, out: TextIO) -> None:
    """Write every entry as one CSV row, newest first, with a header row of ``COLUMNS``;
    ``type`` names the group (see ``GROUPS``) and columns an entry lacks are empty. Text
    cells are formula-neutralised."""
    # Text is always quoted: with a "\n" line end the csv module leaves a lone "\r" unquoted,
    # and a note holding one would split its row in two.
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n",
                            quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    rows = [{"type": group, **record} for group, records in grouped(history).items()
            for record in records]
    rows.sort(key=lambda row: str(row["at"]), reverse=True)
    for row in rows:
        writer.writerow({key: neutralise(value) for key, value in row.items()})


def write_json(history: HistoryRecords, out: TextIO) -> None:
    """Write an object with one list of entries for each name in ``GROUPS``."""
    json.dump(grouped(history), out, indent=2, ensure_ascii=False)
    out.write("\n")


def save(history: HistoryRecords, path: Path, file_format: str) -> None:
    """Write ``history`` to ``path`` as "csv" or "json", readable by the user alone (0600 on
    POSIX). Raises OSError when the file cannot be written and ValueError for another
    format."""
    writers = {"csv": write_csv, "json": write_json}
    if file_format not in writers:
        raise ValueError(f"format: {file_format!r} is not csv or json")
    with open_private(path, newline="") as out:
        writers[file_format](history, out)


def write_table(history: HistoryRecords, out: TextIO) -> None:
    """Write the history for people, in local time: each routine session (length, exercises
    done, completed or partial), each cold or heat application (time on the skin, method,
    area, how it ended), each break reminder and its outcome, then each symptom entry.
    Control characters in titles and notes are shown escaped (see ``printable``)."""
    sessions, applications, breaks = history.sessions, history.applications, history.breaks

    def line(text: str = "") -> None:
        out.write(printable(text) + "\n")

    if not (sessions or applications or breaks or history.symptoms):
        line(_("Nothing recorded."))
        return
    if sessions:
        line(_("Routines:"))
    for session in sessions:
        outcome = _("completed") if session.completed else _("partial")
        line(f"{_local(session.started_at)}  {_minutes(session.duration_s)}  "
             f"{session.steps_completed:>3}/{session.steps_total:<3}  {outcome:<13}  "
             f"{session.routine_title}")
    if applications:
        if sessions:
            line()
        line(_("Cold and heat:"))
    for record in applications:
        line(f"{_local(record.started_at)}  {_minutes(record.actual_s)}  "
             f"{wording.therapy_title(record.method, record.area)}: {_ending(record)}")
    if breaks:
        if sessions or applications:
            line()
        line(_("Breaks:"))
    for taken in breaks:
        line(f"{_local(taken.at)}  {wording.break_title(taken.kind.value)}: "
             f"{wording.break_outcome(taken.outcome.value)}")
    if history.symptoms:
        if sessions or applications or breaks:
            line()
        line(_("Symptoms:"))
    for entry in history.symptoms:
        title = wording.symptom_title(entry.pain, entry.area, entry.spasm)
        if entry.moment:
            title += f", {wording.symptom_outcome(entry.moment)}"
        note = f": {' '.join(entry.note.split())}" if entry.note else ""
        line(f"{_local(entry.at)}  {title}{note}")


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _minutes(seconds: float | None) -> str:
    return ("-:--" if seconds is None else wording.duration_text(seconds)).rjust(6)


def _ending(record: TherapyRecord) -> str:
    ending = wording.therapy_outcome(None if record.outcome is None else record.outcome.value,
                                     record.overdue_s)
    return ending if record.rest_gap_respected else _(
        "{ending} (started within the rest gap)").format(ending=ending)
