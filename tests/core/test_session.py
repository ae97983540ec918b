"""A guided session keeps its history row up to date as it plays, and survives write errors."""

from __future__ import annotations

import sqlite3

import pytest

from coach.core.history import HistoryStore
from coach.core.player import Finished, PlayerState, Stopped
from coach.core.session import GuidedSession

TOTAL_S = 83  # three_steps with the 5 s get-ready; see tests/core/conftest.py



@pytest.fixture
def store():
    store = HistoryStore(":memory:")
    yield store
    store.close()


@pytest.fixture
def session(three_steps, store, clock):
    return GuidedSession(three_steps, store, clock)


def play_for(session, clock, seconds, step=0.5):
    """Advance the clock ``seconds`` in small steps, ticking as the app's timer would."""
    events = []
    for _ in range(round(seconds / step)):
        clock.advance(step)
        events += session.tick()
    return events


def only_row(store):
    [row] = store.routine_sessions()
    return row


def test_start_writes_a_partial_row_at_once(session, store, clock):
    session.start()

    row = only_row(store)
    assert row.routine_id == "test-routine"
    assert row.routine_title == "Test routine"
    assert row.started_at == clock.now()
    assert (row.completed, row.steps_completed, row.steps_total, row.duration_s) == \
        (False, 0, 4, 0.0)
    assert session.save_problem is None


def test_finishing_marks_the_row_completed_with_the_exact_duration(session, store, clock):
    session.start()
    events = play_for(session, clock, TOTAL_S + 5)

    assert Finished() in events
    row = only_row(store)
    assert row.completed is True
    assert row.duration_s == TOTAL_S
    assert row.steps_completed == 4


def test_a_single_late_tick_still_records_the_exact_duration(session, store, clock):
    session.start()
    clock.advance(3600)
    session.tick()
    assert only_row(store).duration_s == TOTAL_S


def test_stopping_midway_leaves_a_partial_row_with_the_steps_done(session, store, clock):
    session.start()
    play_for(session, clock, 20)  # ready and A done, in B left

    assert session.stop() == [Stopped()]
    row = only_row(store)
    assert row.completed is False
    assert row.steps_completed == 1
    assert row.duration_s == 20.0


def test_progress_is_saved_at_each_segment_change(session, store, clock):
    session.start()
    play_for(session, clock, 16)  # A ended at 15 s; nothing changed since
    row = only_row(store)
    assert (row.steps_completed, row.duration_s) == (1, 15.0)


def test_pause_time_is_not_counted(session, store, clock):
    session.start()
    play_for(session, clock, 10)
    session.toggle_pause()
    assert session.player.state is PlayerState.PAUSED
    assert only_row(store).duration_s == 10.0

    clock.advance(2 * 3600)
    session.toggle_pause()
    play_for(session, clock, 5)
    session.stop()

    assert only_row(store).duration_s == 15.0


def test_stop_after_the_end_does_nothing(session, store, clock):
    session.start()
    play_for(session, clock, TOTAL_S + 1)
    assert session.stop() == []
    assert only_row(store).completed is True


def test_failed_update_sets_save_problem_without_raising(session, store, clock, monkeypatch):
    session.start()

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "update_routine", fail)
    play_for(session, clock, 6)  # get-ready ends: an update is attempted

    assert session.save_problem is not None
    assert "disk I/O error" in session.save_problem
    assert session.player.state is PlayerState.RUNNING

    monkeypatch.undo()
    play_for(session, clock, 10)  # A ends: the next update succeeds
    assert session.save_problem is None
    assert only_row(store).steps_completed == 1


def test_closed_history_does_not_stop_the_routine(session, store, clock):
    store.close()

    session.start()
    assert session.save_problem is not None
    events = play_for(session, clock, TOTAL_S + 1)
    session.stop()

    assert Finished() in events
    assert session.player.state is PlayerState.FINISHED
    assert session.save_problem is not None


def test_row_is_written_later_if_the_first_write_failed(session, store, clock, monkeypatch):
    real_begin = store.begin_routine

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "begin_routine", fail)
    session.start()
    assert "database is locked" in session.save_problem
    assert store.routine_sessions() == []

    monkeypatch.setattr(store, "begin_routine", real_begin)
    play_for(session, clock, TOTAL_S + 1)

    row = only_row(store)
    assert row.completed is True
    assert row.duration_s == TOTAL_S
    assert session.save_problem is None
