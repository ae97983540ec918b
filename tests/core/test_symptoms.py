"""The symptom log: checked entries, date ranges, notes, delete and undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coach.core.history.symptoms import AREAS, SymptomError, SymptomLog

MONDAY = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def log(store):
    return SymptomLog(store)


def test_entries_come_back_newest_first_with_every_field(log):
    first = log.add(MONDAY, 6, "between the shoulder blades", True, "after lifting boxes")
    second = log.add(MONDAY + timedelta(hours=2), 3, "neck", False)
    assert log.entries() == [second, first]
    assert first.note == "after lifting boxes" and first.spasm


def test_a_date_range_includes_its_start_and_not_its_end(log):
    days = [log.add(MONDAY + timedelta(days=n), n, "upper back", False) for n in range(5)]
    found = log.entries(since=MONDAY + timedelta(days=1), until=MONDAY + timedelta(days=3))
    assert found == [days[2], days[1]]


@pytest.mark.parametrize(("pain", "area", "note", "moment", "field"), [
    (11, "neck", "", None, "pain:"),
    (-1, "neck", "", None, "pain:"),
    (True, "neck", "", None, "pain:"),
    (5, "elbow", "", None, "area:"),
    (5, "neck", "x" * 2001, None, "The note has 2001 characters"),
    (5, "neck", "", "during", "moment:"),
])
def test_a_bad_entry_is_refused_naming_the_field(log, pain, area, note, moment, field):
    with pytest.raises(SymptomError, match=f"^{field}"):
        log.add(MONDAY, pain, area, False, note, moment=moment)
    assert log.entries() == []


def test_before_and_after_entries_point_at_their_session(log, store):
    session = store.begin_routine("r", "Routine", MONDAY, 4)
    log.add(MONDAY, 7, "upper back", True, session_id=session, moment="before")
    log.add(MONDAY + timedelta(minutes=6), 4, "upper back", False, session_id=session,
            moment="after")
    assert [(e.moment, e.pain) for e in log.entries()] == [("after", 4), ("before", 7)]


def test_a_note_is_edited_and_markup_kept_as_text(log):
    entry = log.add(MONDAY, 5, "neck", False)
    log.set_note(entry.id, "<b>worse</b> at night, \"sharp\"")
    assert log.entries()[0].note == "<b>worse</b> at night, \"sharp\""


def test_delete_then_undo_puts_the_entry_back_as_it_was(log):
    kept = log.add(MONDAY, 2, "shoulders", False)
    gone = log.add(MONDAY + timedelta(hours=1), 8, "upper back", True, "bad day")
    log.delete(gone)
    assert log.entries() == [kept]
    log.restore(gone)
    assert log.entries() == [gone, kept]


def test_a_score_around_a_routine_is_kept_when_the_log_cannot_be_read(store, monkeypatch):
    from coach.core.history.store import HistoryError

    def unreadable(*_args):  # type: ignore[no-untyped-def]
        raise HistoryError("database is locked")

    log = SymptomLog(store)
    monkeypatch.setattr(store, "read", unreadable)
    entry = log.add_around_routine(datetime(2026, 1, 5, 9, tzinfo=UTC), 7, None, "before")
    monkeypatch.undo()
    assert (entry.pain, entry.area) == (7, AREAS[0]) and log.entries() == [entry]
