"""History export as CSV or JSON, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO

from coach.core.history import RoutineSession

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


def write_table(sessions: Sequence[RoutineSession], out: TextIO) -> None:
    """Write ``sessions`` for people: local start time, length, steps, and whether finished."""
    if not sessions:
        out.write("No sessions yet.\n")
        return
    for session in sessions:
        started = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        minutes, seconds = divmod(round(session.duration_s), 60)
        outcome = "completed" if session.completed else "partial"
        out.write(f"{started}  {minutes:>3}:{seconds:02d}  "
                  f"{session.steps_completed:>3}/{session.steps_total:<3}  {outcome:<9}  "
                  f"{session.routine_title}\n")
