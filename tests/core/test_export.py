"""History export: CSV a spreadsheet can open safely, JSON, and a table for people."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.breaks.log import BreakRecord
from coach.core.breaks.scheduler import BreakKind
from coach.core.breaks.scheduler import Outcome as BreakOutcome
from coach.core.history.export import (
    COLUMNS,
    GROUPS,
    HistoryRecords,
    read_records,
    save,
    write_csv,
    write_json,
    write_table,
)
from coach.core.history.store import HistoryStore, RoutineSession
from coach.core.history.symptoms import SymptomEntry, SymptomLog
from coach.core.printable import BLANK_LETTERS
from coach.core.therapy.log import TherapyRecord
from coach.core.therapy.timer import Outcome, TherapyKind

STARTED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def session(title="Desk reset", routine_id="desk-reset", duration_s=125.04, completed=True):
    return RoutineSession(1, routine_id, title, STARTED, duration_s, 3, 4, completed)


def symptom(note="", pain=6):
    return SymptomEntry(2, STARTED + timedelta(hours=1), pain, "neck", True, note, 1, "after")


def csv_rows(history):
    out = io.StringIO()
    write_csv(history, out)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def test_csv_round_trips_every_column_of_every_kind():
    history = HistoryRecords(
        [session()], [application(Outcome.COMPLETED)],
        [BreakRecord(3, BreakKind.MICRO, STARTED + timedelta(hours=2), BreakOutcome.TAKEN)],
        [symptom("stiff")])
    rows = csv_rows(history)
    assert tuple(rows[0]) == COLUMNS
    assert [(r["type"], r["at"]) for r in rows] == [  # newest first, whatever the kind
        ("breaks", "2026-01-05T11:00:00+00:00"), ("symptoms", "2026-01-05T10:00:00+00:00"),
        ("routine_sessions", "2026-01-05T09:00:00+00:00"),
        ("cold_and_heat", "2026-01-05T09:00:00+00:00")]
    filled = [{k: v for k, v in row.items() if v != ""} for row in rows]
    assert filled[0] == {"type": "breaks", "id": "3", "at": "2026-01-05T11:00:00+00:00",
                         "kind": "micro-break", "outcome": "taken"}
    assert filled[1] == {"type": "symptoms", "id": "2", "at": "2026-01-05T10:00:00+00:00",
                         "pain": "6", "area": "neck", "spasm": "True", "note": "stiff",
                         "session_id": "1", "moment": "after"}
    assert filled[2] == {"type": "routine_sessions", "id": "1",
                         "at": "2026-01-05T09:00:00+00:00", "routine_id": "desk-reset",
                         "routine_title": "Desk reset", "duration_s": "125.0",
                         "steps_completed": "3", "steps_total": "4", "completed": "True"}
    assert filled[3] == {"type": "cold_and_heat", "id": "1",
                         "at": "2026-01-05T09:00:00+00:00", "kind": "cold",
                         "method": "ice pack", "area": "neck", "planned_s": "900",
                         "actual_s": "900.0", "outcome": "completed", "overdue_s": "0.0",
                         "rest_gap_respected": "True"}


@pytest.mark.parametrize("note", [
    'Neck, shoulders, back',
    'The "gentle" one',
    'Two\nlines',
    'Windows\r\nline end',
    '"quoted, with comma"\nand more',
], ids=repr)
def test_csv_keeps_commas_quotes_and_newlines_in_notes_and_titles(note):
    rows = csv_rows(HistoryRecords([session(note)], symptoms=[symptom(note)]))
    assert [r["note"] or r["routine_title"] for r in rows] == [note, note]


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)",
                                  "\tTabbed", "\rReturn", " =1", "  @SUM(1)", "\n=1+1",
                                  "\u00a0=1", "\u3000+1", "\ufeff=1", "\u200b-1",
                                  "\ufeff \u00a0\n=1", "\uff1dSUM(1)", "\uff20A1",
                                  "\u3164=1+1", "\u115f=1", "\u1160=1", "\uffa0=1",
                                  "\u2800@A1", "\u034f=1", "\ufe0f=1", "\U000e0100=1",
                                  "\u180b=1", "\u17b4=1", "\ufffc=1", "\u0301=1",
                                  "\ufe66 1", "\ufe62 1", "\ufe63 1", "\u2212 1"],
                         ids=repr)
def test_csv_neutralises_text_a_spreadsheet_would_run_as_a_formula(text):
    [note, title] = csv_rows(HistoryRecords([session(text)], symptoms=[symptom(text)]))
    assert note["note"] == "'" + text
    assert title["routine_title"] == "'" + text


FORMULA = tuple("=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\u2212")
HIDDEN = st.one_of(st.sampled_from(" \t\n\r\u00a0\u3000\u2028\ufeff\u200b\u200d\u2060"
                                   "\u3164\u115f\u1160\uffa0\u2800\ufffc"),
                   st.characters(categories=["Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"]))
"""What a spreadsheet may pass over before it looks for a formula."""
HIDDEN_FORMULAS = st.tuples(st.text(HIDDEN, max_size=4),
                            st.one_of(st.sampled_from(FORMULA), st.characters()),
                            st.text(max_size=4)).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(HIDDEN_FORMULAS, st.text(max_size=8)))
def test_no_exported_cell_starts_a_formula_once_a_spreadsheet_trims_it(text):
    [row] = csv_rows(HistoryRecords(symptoms=[symptom(text)]))
    cell = row["note"]
    visible = cell.lstrip("".join(c for c in cell if c.isspace() or c in BLANK_LETTERS
                                  or unicodedata.category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp",
                                                                 "Mn", "Me")))
    assert cell.startswith("'") or not visible.startswith(FORMULA)
    assert cell.removeprefix("'") == text or cell == text


def test_every_text_column_is_neutralised():
    text = " =1"
    sessions = [RoutineSession(1, text, text, STARTED, 60.0, 1, 1, True)]
    applications = [TherapyRecord(1, TherapyKind.COLD, text, text, 900, STARTED, None, None,
                                  None, 0.0, True)]
    symptoms = [SymptomEntry(2, STARTED, 3, text, False, text, None, None)]
    rows = csv_rows(HistoryRecords(sessions, applications, symptoms=symptoms))
    cells = [value for row in rows for value in row.values() if text in value]
    assert len(cells) == 6 and set(cells) == {"'" + text}


def test_csv_leaves_ordinary_text_alone():
    [row] = csv_rows(HistoryRecords([session("Stretch = good")]))
    assert row["routine_title"] == "Stretch = good"


def test_csv_of_no_entries_is_just_the_header():
    out = io.StringIO()
    write_csv(HistoryRecords(), out)
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [list(COLUMNS)]


def test_json_round_trips():
    history = HistoryRecords([session('Neck, "back"\n=1', completed=False)],
                             symptoms=[symptom("Ünïcode <b>note</b>")])
    out = io.StringIO()
    write_json(history, out)

    assert json.loads(out.getvalue()) == {
        "routine_sessions": [
            {"id": 1, "at": "2026-01-05T09:00:00+00:00", "routine_id": "desk-reset",
             "routine_title": 'Neck, "back"\n=1', "duration_s": 125.0, "steps_completed": 3,
             "steps_total": 4, "completed": False}],
        "cold_and_heat": [],
        "breaks": [],
        "symptoms": [
            {"id": 2, "at": "2026-01-05T10:00:00+00:00", "pain": 6, "area": "neck",
             "spasm": True, "note": "Ünïcode <b>note</b>", "session_id": 1,
             "moment": "after"}],
    }


def test_json_of_no_entries_has_every_group_empty():
    out = io.StringIO()
    write_json(HistoryRecords(), out)
    assert json.loads(out.getvalue()) == {group: [] for group in GROUPS}


def test_read_records_keeps_to_the_range():
    store = HistoryStore(":memory:")
    for hours in (0, 5, 10):
        store.begin_routine("r", f"At {hours}", STARTED + timedelta(hours=hours), 1)
        SymptomLog(store).add(STARTED + timedelta(hours=hours), 3, "neck", False)
    history = read_records(store, STARTED + timedelta(hours=1), STARTED + timedelta(hours=10))
    assert [s.routine_title for s in history.sessions] == ["At 5"]
    assert len(history.symptoms) == 1


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_save_writes_a_file_only_the_user_can_read(tmp_path, file_format):
    target = tmp_path / f"history.{file_format}"
    target.write_text("old and longer than the new content" * 100)
    target.chmod(0o644)
    save(HistoryRecords([session("Saved")]), target, file_format)
    assert "Saved" in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o777 == 0o600


def test_save_refuses_an_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="format"):
        save(HistoryRecords(), tmp_path / "x.xml", "xml")


def test_table_of_nothing_says_so():
    out = io.StringIO()
    write_table(HistoryRecords(), out)
    assert out.getvalue() == "Nothing recorded.\n"


def test_table_shows_one_line_per_session():
    out = io.StringIO()
    write_table(HistoryRecords([session("Desk reset"), session("Cool down", completed=False)]),
                out)
    heading, first, second = out.getvalue().splitlines()
    assert heading == "Routines:"
    assert "2:05" in first and "3/4" in first and "completed" in first
    assert first.endswith("Desk reset")
    assert "partial" in second and second.endswith("Cool down")


def application(outcome, overdue_s=0.0, respected=True, actual_s=900.0):
    return TherapyRecord(1, TherapyKind.COLD, "ice pack", "neck", 900, STARTED, None,
                         None if outcome is None else actual_s, outcome, overdue_s, respected)


def test_table_lists_cold_and_heat_after_the_routines():
    out = io.StringIO()
    write_table(HistoryRecords([session()], [application(Outcome.COMPLETED),
                                             application(Outcome.OVERDUE, 95.0, actual_s=995.0),
                                             application(None),
                                             application(Outcome.ENDED_EARLY, respected=False)]),
                out)
    lines = out.getvalue().splitlines()
    assert lines[2:4] == ["", "Cold and heat:"]
    assert "15:00" in lines[4] and lines[4].endswith("Ice pack, neck: completed")
    assert "16:35" in lines[5] and lines[5].endswith("overdue by 2 min")
    assert "-:--" in lines[6] and lines[6].endswith("still on")
    assert lines[7].endswith("ended early (started within the rest gap)")


def test_table_with_only_cold_and_heat_starts_with_them():
    out = io.StringIO()
    write_table(HistoryRecords(applications=[application(Outcome.COMPLETED)]), out)
    assert out.getvalue().startswith("Cold and heat:\n")


def test_table_lists_breaks_last_with_their_outcome():
    out = io.StringIO()
    write_table(HistoryRecords(
        breaks=[BreakRecord(1, BreakKind.MICRO, STARTED, BreakOutcome.SNOOZED)]), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Breaks:" and lines[1].endswith("Micro-break: snoozed")


def test_table_lists_symptoms_with_their_note_on_one_line():
    out = io.StringIO()
    write_table(HistoryRecords(symptoms=[symptom("worse\nafter lifting")]), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Symptoms:"
    assert lines[1].endswith("Pain 6/10, neck, spasm, after a routine: worse after lifting")
