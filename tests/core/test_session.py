"""A guided session keeps its history row up to date as it plays, and survives write errors."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from coach.core.clock import FakeClock
from coach.core.history.store import HistoryStore
from coach.core.player.playback import Finished, Interrupted, PlayerState, SegmentStarted, Stopped
from coach.core.player.session import STALL_S, GuidedSession
from tests.core.conftest import play_for

TOTAL_S = 83  # three_steps with the 5 s get-ready; see tests/core/conftest.py
SPENT_S = 78  # the time spent on it: getting ready does not count



@pytest.fixture
def store():
    store = HistoryStore(":memory:")
    yield store
    store.close()


@pytest.fixture
def session(three_steps, store, clock):
    return GuidedSession(three_steps, store, clock)


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
    assert row.duration_s == SPENT_S
    assert row.steps_completed == 4


def test_a_late_tick_still_records_the_exact_duration(session, store, clock):
    session.start()
    play_for(session, clock, TOTAL_S - 5)
    clock.advance(STALL_S)  # a busy machine, not long enough to count as away
    session.tick()
    assert only_row(store).duration_s == SPENT_S


def test_stopping_midway_leaves_a_partial_row_with_the_steps_done(session, store, clock):
    session.start()
    play_for(session, clock, 20)  # ready and A done, in B left

    assert session.stop() == [Stopped()]
    row = only_row(store)
    assert row.completed is False
    assert row.steps_completed == 1
    assert row.duration_s == 15.0


def test_progress_is_saved_at_each_segment_change(session, store, clock):
    session.start()
    play_for(session, clock, 16)  # A ended at 15 s; nothing changed since
    row = only_row(store)
    assert (row.steps_completed, row.duration_s) == (1, 10.0)


def test_pause_time_is_not_counted(session, store, clock):
    session.start()
    play_for(session, clock, 10)
    session.toggle_pause()
    assert session.player.state is PlayerState.PAUSED
    assert only_row(store).duration_s == 5.0

    clock.advance(2 * 3600)
    session.toggle_pause()
    play_for(session, clock, 5)
    session.stop()

    assert only_row(store).duration_s == 10.0


def test_stop_after_the_end_does_nothing(session, store, clock):
    session.start()
    play_for(session, clock, TOTAL_S + 1)
    assert session.stop() == []
    assert only_row(store).completed is True


def test_closed_history_does_not_stop_the_routine(session, store, clock):
    store.close()

    session.start()
    assert session.save_problem is not None
    events = play_for(session, clock, TOTAL_S + 1)
    session.stop()

    assert Finished() in events
    assert session.player.state is PlayerState.FINISHED
    assert session.save_problem is not None


@pytest.fixture
def file_store(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    yield store
    store.close()


def lock(store):
    """Another program holding the history's write lock (a backup tool, an SQLite browser)."""
    other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_a_locked_history_never_waits_and_gets_the_session_once_free(file_store, three_steps,
                                                                     clock):
    session = GuidedSession(three_steps, file_store, clock)
    other = lock(file_store)
    assert file_store.connection.execute("PRAGMA busy_timeout").fetchone() == (0,)

    session.start()
    play_for(session, clock, 20)  # ready and A done: three writes wait
    assert "database is locked" in (session.save_problem or "")
    assert file_store.writer.waiting == 3 and not session.saved
    assert session.player.state is PlayerState.RUNNING and session.session_id == 1

    other.execute("ROLLBACK")
    play_for(session, clock, TOTAL_S)
    assert session.save_problem is None and session.saved
    row = only_row(file_store)
    assert (row.id, row.completed, row.duration_s) == (1, True, SPENT_S)


def test_a_lock_held_until_the_end_is_written_when_the_history_closes(file_store,
                                                                      three_steps, clock):
    session = GuidedSession(three_steps, file_store, clock)
    session.start()
    other = lock(file_store)
    play_for(session, clock, TOTAL_S)
    assert file_store.writer.waiting
    releasing = threading.Timer(0.5, other.execute, ("ROLLBACK",))  # freed as Coach quits
    releasing.start()
    file_store.close()
    releasing.join()
    [row] = HistoryStore(file_store.path).routine_sessions()
    assert (row.completed, row.duration_s) == (True, SPENT_S)


@pytest.mark.parametrize("counts_suspend", [True, False], ids=["boottime", "monotonic"])
def test_a_suspend_pauses_the_routine_at_the_step_it_was_on(three_steps, store,
                                                            counts_suspend):
    clock = FakeClock(counts_suspend=counts_suspend)
    session = GuidedSession(three_steps, store, clock)
    session.start()
    play_for(session, clock, 20)  # ready and A done, 5 s into B (left)
    clock.suspend(2 * 3600)

    assert session.tick() == [Interrupted(pytest.approx(2 * 3600, abs=1))]
    assert session.player.state is PlayerState.PAUSED
    assert session.player.index == 2 and session.player.remaining_s(clock.monotonic()) == 15
    row = only_row(store)
    assert (row.duration_s, row.steps_completed, row.completed) == (15.0, 1, False)

    play_for(session, clock, 30)  # paused: nothing moves until the user says so
    assert session.player.index == 2
    session.toggle_pause()
    events = play_for(session, clock, 16)
    assert SegmentStarted(3, session.player.segments[3]) in events
    assert only_row(store).duration_s == 30.0


def test_a_stalled_machine_pauses_the_routine_like_a_suspend(session, store, clock):
    session.start()
    play_for(session, clock, 7)
    clock.advance(STALL_S + 1)  # both clocks moved: the process was frozen

    [interrupted] = session.tick()
    assert isinstance(interrupted, Interrupted) and interrupted.away_s == STALL_S + 1
    assert only_row(store).duration_s == 2.0  # up to the last tick before the gap


@pytest.mark.parametrize("action", ["toggle_pause", "skip", "back"])
def test_the_key_that_notices_the_gap_only_wakes_the_routine(session, store, clock, action):
    session.start()
    play_for(session, clock, 8)
    clock.advance(600)

    events = getattr(session, action)()
    assert [type(e) for e in events] == [Interrupted]
    assert session.player.state is PlayerState.PAUSED and session.player.index == 1


def test_stop_after_a_gap_counts_only_the_time_before_it(session, store, clock):
    session.start()
    play_for(session, clock, 8)
    clock.advance(600)

    events = session.stop()
    assert [type(e) for e in events] == [Interrupted, Stopped]
    assert only_row(store).duration_s == 3.0


def test_a_gap_while_paused_by_the_user_is_no_interruption(session, store, clock):
    session.start()
    play_for(session, clock, 8)
    session.toggle_pause()
    clock.suspend(3600)
    assert session.tick() == []
    session.toggle_pause()
    assert session.player.state is PlayerState.RUNNING
    assert only_row(store).duration_s == 3.0


def test_a_discarded_session_leaves_no_row(store, three_steps, clock):
    session = GuidedSession(three_steps, store, clock)
    session.start()
    clock.advance(3)
    session.discard()
    assert store.routine_sessions() == []
    assert not session.player.is_active
