"""History export: CSV a spreadsheet can open safely, JSON, and a table for people."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from coach.core.break_log import BreakRecord
from coach.core.breaks import BreakKind
from coach.core.breaks import Outcome as BreakOutcome
from coach.core.export import COLUMNS, write_csv, write_json, write_table
from coach.core.history import RoutineSession
from coach.core.therapy import Outcome, TherapyKind
from coach.core.therapy_log import TherapyRecord

STARTED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def session(title="Desk reset", routine_id="desk-reset", duration_s=125.04, completed=True):
    return RoutineSession(1, routine_id, title, STARTED, duration_s, 3, 4, completed)


def csv_rows(sessions):
    out = io.StringIO()
    write_csv(sessions, out)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def test_csv_round_trips_every_column():
    [row] = csv_rows([session()])
    assert tuple(row) == COLUMNS
    assert row == {
        "started_at": "2026-01-05T09:00:00+00:00",
        "routine_id": "desk-reset",
        "routine_title": "Desk reset",
        "duration_s": "125.0",
        "steps_completed": "3",
        "steps_total": "4",
        "completed": "True",
    }


@pytest.mark.parametrize("title", [
    'Neck, shoulders, back',
    'The "gentle" one',
    'Two\nlines',
    'Windows\r\nline end',
    '"quoted, with comma"\nand more',
], ids=repr)
def test_csv_keeps_commas_quotes_and_newlines_in_titles(title):
    rows = csv_rows([session(title), session("Plain")])
    assert [r["routine_title"] for r in rows] == [title, "Plain"]


@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)",
                                   "\tTabbed", "\rReturn"], ids=repr)
def test_csv_neutralises_text_a_spreadsheet_would_run_as_a_formula(title):
    [row] = csv_rows([session(title)])
    assert row["routine_title"] == "'" + title


def test_csv_leaves_ordinary_text_alone():
    [row] = csv_rows([session("Stretch = good")])
    assert row["routine_title"] == "Stretch = good"


def test_csv_of_no_sessions_is_just_the_header():
    out = io.StringIO()
    write_csv([], out)
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [list(COLUMNS)]


def test_json_round_trips():
    out = io.StringIO()
    write_json([session('Neck, "back"\n=1', completed=False), session("Ünïcode")], out)

    assert json.loads(out.getvalue()) == [
        {"started_at": "2026-01-05T09:00:00+00:00", "routine_id": "desk-reset",
         "routine_title": 'Neck, "back"\n=1', "duration_s": 125.0, "steps_completed": 3,
         "steps_total": 4, "completed": False},
        {"started_at": "2026-01-05T09:00:00+00:00", "routine_id": "desk-reset",
         "routine_title": "Ünïcode", "duration_s": 125.0, "steps_completed": 3,
         "steps_total": 4, "completed": True},
    ]


def test_json_of_no_sessions_is_an_empty_list():
    out = io.StringIO()
    write_json([], out)
    assert json.loads(out.getvalue()) == []


def test_table_of_no_sessions_says_so():
    out = io.StringIO()
    write_table([], out)
    assert out.getvalue() == "No sessions yet.\n"


def test_table_shows_one_line_per_session():
    out = io.StringIO()
    write_table([session("Desk reset"), session("Cool down", completed=False)], out)
    first, second = out.getvalue().splitlines()
    assert "2:05" in first and "3/4" in first and "completed" in first
    assert first.endswith("Desk reset")
    assert "partial" in second and second.endswith("Cool down")


def application(outcome, overdue_s=0.0, respected=True, actual_s=900.0):
    return TherapyRecord(1, TherapyKind.COLD, "ice pack", "neck", 900, STARTED, None,
                         None if outcome is None else actual_s, outcome, overdue_s, respected)


def test_table_lists_cold_and_heat_after_the_routines():
    out = io.StringIO()
    write_table([session()], out, [application(Outcome.COMPLETED),
                                   application(Outcome.OVERDUE, 95.0, actual_s=995.0),
                                   application(None),
                                   application(Outcome.ENDED_EARLY, respected=False)])
    lines = out.getvalue().splitlines()
    assert lines[1:3] == ["", "Cold and heat:"]
    assert "15:00" in lines[3] and lines[3].endswith("ice pack, neck: completed")
    assert "16:35" in lines[4] and lines[4].endswith("overdue by 95 s")
    assert "-:--" in lines[5] and lines[5].endswith("still on")
    assert lines[6].endswith("ended early (started within the rest gap)")


def test_table_with_only_cold_and_heat_starts_with_them():
    out = io.StringIO()
    write_table([], out, [application(Outcome.COMPLETED)])
    assert out.getvalue().startswith("Cold and heat:\n")


def test_table_lists_breaks_last_with_their_outcome():
    out = io.StringIO()
    write_table([], out, breaks=[BreakRecord(1, BreakKind.MICRO, STARTED, BreakOutcome.SNOOZED)])
    lines = out.getvalue().splitlines()
    assert lines[0] == "Breaks:" and lines[1].endswith("micro-break: snoozed")
