"""History export as CSV or JSON, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import datetime
from typing import TextIO

from coach.core.break_log import BreakRecord
from coach.core.history import RoutineSession
from coach.core.therapy import Outcome
from coach.core.therapy_log import TherapyRecord

COLUMNS = ("started_at", "routine_id", "routine_title", "duration_s", "steps_completed",
           "steps_total", "completed")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def session_record(session: RoutineSession) -> dict[str, object]:
    """One session as plain values; ``started_at`` as ISO 8601 UTC text."""
    return {
        "started_at": session.started_at.isoformat(timespec="seconds"),
        "routine_id": session.routine_id,
        "routine_title": session.routine_title,
        "duration_s": round(session.duration_s, 1),
        "steps_completed": session.steps_completed,
        "steps_total": session.steps_total,
        "completed": session.completed,
    }


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(sessions: Sequence[RoutineSession], out: TextIO) -> None:
    """Write ``sessions`` as CSV with a header row; text cells are formula-neutralised."""
    # Text is always quoted: with a "\n" line end the csv module leaves a lone "\r" unquoted,
    # and a title holding one would split its row in two.
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n",
                            quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    for session in sessions:
        writer.writerow({k: neutralise(v) for k, v in session_record(session).items()})


def write_json(sessions: Sequence[RoutineSession], out: TextIO) -> None:
    """Write ``sessions`` as a JSON list of objects."""
    json.dump([session_record(s) for s in sessions], out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_table(sessions: Sequence[RoutineSession], out: TextIO,
                applications: Sequence[TherapyRecord] = (),
                breaks: Sequence[BreakRecord] = ()) -> None:
    """Write the history for people, in local time: each routine session (length, exercises
    done, completed or partial), each cold or heat application (time on the skin, method,
    area, how it ended), then each break reminder and its outcome."""
    if not sessions and not applications and not breaks:
        out.write("No sessions yet.\n")
        return
    for session in sessions:
        outcome = "completed" if session.completed else "partial"
        out.write(f"{_local(session.started_at)}  {_minutes(session.duration_s)}  "
                  f"{session.steps_completed:>3}/{session.steps_total:<3}  {outcome:<9}  "
                  f"{session.routine_title}\n")
    if applications:
        out.write("\nCold and heat:\n" if sessions else "Cold and heat:\n")
    for record in applications:
        out.write(f"{_local(record.started_at)}  {_minutes(record.actual_s)}  "
                  f"{record.method}, {record.area}: {_ending(record)}\n")
    if breaks:
        out.write("\nBreaks:\n" if sessions or applications else "Breaks:\n")
    for taken in breaks:
        out.write(f"{_local(taken.at)}  {taken.kind.value}: {taken.outcome.value}\n")


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def duration_text(seconds: float) -> str:
    """Time spent as ``M:SS``, rounded to the nearest second."""
    minutes, rest = divmod(max(0, round(seconds)), 60)
    return f"{minutes}:{rest:02d}"


def _minutes(seconds: float | None) -> str:
    return ("-:--" if seconds is None else duration_text(seconds)).rjust(6)


def _ending(record: TherapyRecord) -> str:
    if record.outcome is None:
        ending = "still on"
    elif record.outcome is Outcome.OVERDUE:
        ending = f"overdue by {round(record.overdue_s)} s"
    else:
        ending = record.outcome.value
    return ending if record.rest_gap_respected else f"{ending} (started within the rest gap)"
