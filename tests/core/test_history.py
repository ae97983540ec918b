"""The history database: round trips, order, time zones, and schema versions."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest

from coach.core.history.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryError,
    HistoryStore,
    HistoryUnavailable,
    RoutineSession,
    backup_path,
    open_history,
)

MONDAY_9AM = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def test_begin_records_a_partial_session_at_once(store):
    session_id = store.begin_routine("desk-reset", "Desk reset", MONDAY_9AM, steps_total=5)

    assert store.routine_sessions() == [
        RoutineSession(session_id, "desk-reset", "Desk reset", MONDAY_9AM, 0.0, 0, 5, False)]


def test_update_stores_progress_and_completion(store):
    session_id = store.begin_routine("desk-reset", "Desk reset", MONDAY_9AM, steps_total=5)
    store.update_routine(session_id, 123.5, 3, completed=False)
    store.update_routine(session_id, 300.0, 5, completed=True)

    [session] = store.routine_sessions()
    assert (session.duration_s, session.steps_completed, session.completed) == (300.0, 5, True)


def test_negative_duration_is_stored_as_zero(store):
    session_id = store.begin_routine("desk-reset", "Desk reset", MONDAY_9AM, steps_total=5)
    store.update_routine(session_id, -1.0, 0, completed=False)
    assert store.routine_sessions()[0].duration_s == 0.0


def test_round_trip_through_a_file(tmp_path):
    path = tmp_path / "history.sqlite3"
    first = HistoryStore(path)
    session_id = first.begin_routine("desk-reset", "Desk reset", MONDAY_9AM, steps_total=4)
    first.update_routine(session_id, 61.0, 4, completed=True)
    first.close()

    again = HistoryStore(path)
    try:
        assert again.routine_sessions() == [
            RoutineSession(session_id, "desk-reset", "Desk reset", MONDAY_9AM, 61.0, 4, 4, True)]
    finally:
        again.close()


def test_times_from_another_zone_come_back_as_the_same_instant_in_utc(store):
    tokyo = datetime(2026, 1, 5, 18, 0, tzinfo=timezone(timedelta(hours=9)))
    store.begin_routine("desk-reset", "Desk reset", tokyo, steps_total=1)

    started_at = store.routine_sessions()[0].started_at
    assert started_at == MONDAY_9AM
    assert started_at.utcoffset() == timedelta(0)


def test_sessions_come_newest_first(store):
    for hours, title in ((1, "middle"), (5, "newest"), (0, "oldest")):
        store.begin_routine("r", title, MONDAY_9AM + timedelta(hours=hours), steps_total=1)

    assert [s.routine_title for s in store.routine_sessions()] == ["newest", "middle", "oldest"]
    assert [s.routine_title for s in store.routine_sessions(limit=2)] == ["newest", "middle"]


def test_sessions_started_in_the_same_second_come_latest_written_first(store):
    store.begin_routine("r", "first", MONDAY_9AM, steps_total=1)
    store.begin_routine("r", "second", MONDAY_9AM, steps_total=1)
    assert [s.routine_title for s in store.routine_sessions()] == ["second", "first"]


def test_naive_datetime_is_rejected(store):
    with pytest.raises(ValueError):
        store.begin_routine("r", "R", datetime(2026, 1, 5, 9, 0), steps_total=1)
    assert store.routine_sessions() == []


def test_new_database_is_at_the_latest_schema_version(store):
    assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)


def test_database_at_an_older_version_is_migrated(tmp_path):
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.execute("PRAGMA user_version = 0")
    old.execute("VACUUM")  # make sure the (empty, table-less) database is on disk
    old.close()

    store = HistoryStore(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        store.begin_routine("r", "R", MONDAY_9AM, steps_total=1)
        assert len(store.routine_sessions()) == 1
    finally:
        store.close()


def test_database_from_a_newer_coach_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "history.sqlite3"
    newer = sqlite3.connect(path)
    newer.execute("CREATE TABLE future (x)")
    newer.execute("INSERT INTO future VALUES (1)")
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.commit()
    newer.close()
    before = path.read_bytes()

    with pytest.raises(HistoryError, match="newer"):
        HistoryStore(path)

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]


def test_garbage_file_raises_history_error(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, just some text\n" * 100)

    with pytest.raises(HistoryError) as caught:
        HistoryStore(path)
    assert str(path) in str(caught.value)


def test_version_1_database_is_migrated_keeping_its_sessions(tmp_path):
    path = tmp_path / "history.sqlite3"
    _schema_1_file(path)

    store = HistoryStore(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        assert store.routine_sessions() == [
            RoutineSession(1, "desk-reset", "Desk reset", MONDAY_9AM, 61.0, 4, 4, True)]
        tables = {row[0] for row in store.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"routine_sessions", "therapy_sessions"} <= tables
    finally:
        store.close()


def _schema_1_file(path):
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])
    old.execute(
        "INSERT INTO routine_sessions (routine_id, routine_title, started_at, duration_s,"
        " steps_completed, steps_total, completed) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ("desk-reset", "Desk reset", "2026-01-05T09:00:00+00:00", 61.0, 4, 4, 1))
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()


def test_an_older_database_is_copied_before_it_is_migrated(tmp_path):
    path = tmp_path / "history.sqlite3"
    _schema_1_file(path)

    HistoryStore(path).close()

    copy = backup_path(path, SCHEMA_VERSION)
    assert copy.name == f"history.sqlite3.before-schema-{SCHEMA_VERSION}"
    backup = sqlite3.connect(copy)
    try:
        assert backup.execute("PRAGMA user_version").fetchone() == (1,)
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert backup.execute("SELECT routine_id, duration_s FROM routine_sessions"
                              ).fetchall() == [("desk-reset", 61.0)]
        assert {row[0] for row in backup.execute("SELECT name FROM sqlite_master")} == {
            "routine_sessions", "routine_sessions_by_start"}
    finally:
        backup.close()


def test_an_up_to_date_or_new_database_makes_no_copy(tmp_path):
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    HistoryStore(path).close()
    assert not any(".before-schema-" in p.name for p in tmp_path.iterdir())


def test_an_earlier_copy_is_never_overwritten(tmp_path):
    path = tmp_path / "history.sqlite3"
    _schema_1_file(path)
    copy = backup_path(path, SCHEMA_VERSION)
    copy.write_bytes(b"the first copy")
    HistoryStore(path).close()
    assert copy.read_bytes() == b"the first copy"


def test_without_a_copy_an_older_database_is_left_as_it_was(tmp_path):
    path = tmp_path / "history.sqlite3"
    _schema_1_file(path)
    before = path.read_bytes()
    backup_path(path, SCHEMA_VERSION).mkdir()  # the copy cannot be written there

    store, problem = open_history(path, MONDAY_9AM)

    assert not store.persistent
    assert "a copy could not be made" in problem and "will not be saved" in problem
    assert path.read_bytes() == before
    assert not any(".damaged-" in p.name for p in tmp_path.iterdir())


def test_a_path_that_cannot_be_opened_is_unavailable_not_damaged(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(HistoryUnavailable):
        HistoryStore(blocker / "history.sqlite3")
    store, problem = open_history(blocker / "history.sqlite3", MONDAY_9AM)
    assert not store.persistent and "will not be saved" in problem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_database_with_damaged_pages_is_set_aside_with_its_bytes(tmp_path):
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    for number in range(3000):
        store.begin_routine("r", f"routine {number} " + "x" * 50, MONDAY_9AM, 4)
    store.close()
    data = bytearray(path.read_bytes())
    data[40_000:120_000] = b"\xff" * 80_000
    path.write_bytes(bytes(data))

    fresh, problem = open_history(path, MONDAY_9AM)

    [kept] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert kept.read_bytes() == bytes(data)
    assert str(kept) in problem
    assert fresh.persistent and fresh.routine_sessions() == []


def test_a_row_with_a_bad_value_raises_history_error_naming_it(store):
    session_id = store.begin_routine("r", "Routine", MONDAY_9AM, 4)
    store.connection.execute("UPDATE routine_sessions SET started_at = 'not a date'")
    with pytest.raises(HistoryError, match=f"routine session {session_id} holds a bad value"):
        store.routine_sessions()


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_a_truncated_database_is_set_aside_and_a_fresh_one_started(tmp_path, keep):
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    for number in range(2000):
        store.begin_routine("r", f"routine {number} " + "x" * 50, MONDAY_9AM, 4)
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * keep)])

    fresh, problem = open_history(path, MONDAY_9AM)

    [kept] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert kept.name == "history.sqlite3.damaged-20260105T090000"
    assert kept.read_bytes() == data[:int(len(data) * keep)]
    assert str(kept) in problem and "a new history was started" in problem
    assert fresh.persistent and fresh.routine_sessions() == []
    assert fresh.connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    fresh.close()
