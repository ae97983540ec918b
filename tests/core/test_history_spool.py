"""Writes that wait for a locked history survive quitting, a crash and a lock held from the
start: they are kept in a private file beside the history and written by the next Coach."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach.core.breaks.log import BreakLog
from coach.core.breaks.scheduler import BreakKind, Outcome
from coach.core.clock import FakeClock
from coach.core.history import store as history
from coach.core.history.store import HistoryLocked, HistoryStore, open_history, spool_path
from coach.core.history.symptoms import SymptomLog
from coach.core.history.writer import STAND_IN_BASE
from coach.core.player.session import GuidedSession
from coach.core.routines.routine import Step
from coach.core.therapy.desk import TherapyDesk
from coach.core.therapy.timer import TherapyKind, TimerState, plan_application
from tests.core.conftest import build_routine, play_for

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    HistoryStore(tmp_path / "history.sqlite3").close()  # an existing history
    return tmp_path / "history.sqlite3"


@pytest.fixture(autouse=True)
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history, "OPENING_WAIT_S", 0.05)
    monkeypatch.setattr(history, "CLOSING_WAIT_S", 0.05)


class OtherProgram:
    """Another program with the history open: ``hold`` locks writers out (as a backup tool
    in a transaction does), ``hold_all`` readers too (``locking_mode`` EXCLUSIVE, as some
    SQLite browsers do)."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)

    def hold(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def hold_all(self) -> None:
        self.db.execute("PRAGMA locking_mode = EXCLUSIVE")
        self.db.execute("BEGIN EXCLUSIVE")
        self.db.execute("SELECT count(*) FROM routine_sessions").fetchone()

    def let_go(self) -> None:
        self.db.execute("ROLLBACK")
        self.db.close()


@pytest.fixture
def other(path: Path) -> Iterator[OtherProgram]:
    program = OtherProgram(path)
    yield program
    program.db.close()


def opened(path: Path) -> HistoryStore:
    store, _notice = open_history(path, NOW)
    return store


def sessions(path: Path) -> list[tuple[int, str, int, int]]:
    store = HistoryStore(path)
    try:
        return [(s.id, s.routine_id, s.steps_completed, s.completed)
                for s in store.routine_sessions()]
    finally:
        store.close()


def played(store: HistoryStore, clock: FakeClock, routine_id: str = "r") -> GuidedSession:
    session = GuidedSession(build_routine(Step("A", "Do A.", 10), Step("B", "Do B.", 10),
                                          routine_id=routine_id), store, clock, get_ready_s=0)
    session.start()
    play_for(session, clock, 25)
    return session


def test_writes_still_waiting_at_quit_are_written_by_the_next_start(path, other, clock):
    store = opened(path)
    other.hold()
    played(store, clock)
    BreakLog(store).add(BreakKind.MICRO, clock.now(), Outcome.TAKEN)
    store.close()  # the other program still holds the file
    assert spool_path(path).is_file()

    other.let_go()
    store, notice = open_history(path, NOW)

    assert notice is None and not spool_path(path).exists()
    assert [(s.steps_completed, s.completed) for s in store.routine_sessions()] == [(2, True)]
    assert [(r.kind, r.outcome) for r in BreakLog(store).records()] == [
        (BreakKind.MICRO, Outcome.TAKEN)]
    store.close()


def test_a_crash_while_writes_wait_loses_none_of_them(path, other, clock):
    store = opened(path)
    other.hold()
    played(store, clock)
    del store  # killed: no close, nothing flushed on the way out
    other.let_go()

    assert sessions(path) == []  # not in the file yet, only beside it
    opened(path).close()
    assert sessions(path) == [(1, "r", 2, 1)]


def test_ids_handed_out_while_waiting_are_not_given_again_next_run(path, other, clock):
    store = opened(path)
    played(store, clock, "first")
    other.hold()
    played(store, clock, "second")  # id 2, waiting
    store.close()
    other.let_go()

    store = opened(path)
    played(store, clock, "third")
    store.close()
    assert sessions(path) == [(3, "third", 2, 1), (2, "second", 2, 1), (1, "first", 2, 1)]


def test_a_history_locked_from_the_start_opens_once_free_and_keeps_every_write(
        path, other, clock):
    store = opened(path)
    played(store, clock, "before")
    SymptomLog(store).add(clock.now(), 4, "upper back", False, "")
    store.close()
    other.hold_all()  # nothing can even read it

    store, notice = open_history(path, NOW)
    assert store.waiting_for_file is not None
    assert notice is not None and "Another program is using the history" in notice
    session = played(store, clock, "while locked")
    assert session.session_id > STAND_IN_BASE  # no row could be read to count from
    entry = SymptomLog(store).add(clock.now(), 6, "neck", True, "")
    SymptomLog(store).set_note(entry.id, "after the drive")
    assert not store.flush()

    other.let_go()
    assert store.flush() and store.waiting_for_file is None
    assert [(s.id, s.routine_id) for s in store.routine_sessions()] == [
        (2, "while locked"), (1, "before")]
    assert [(e.id, e.pain, e.note) for e in SymptomLog(store).entries()] == [
        (2, 6, "after the drive"), (1, 4, "")]
    SymptomLog(store).set_note(entry.id, "better now")  # the stand-in still finds its row
    assert SymptomLog(store).entries()[0].note == "better now"
    store.close()


def test_quitting_before_a_locked_history_is_free_keeps_everything_for_next_time(
        path, other, clock):
    before = opened(path)
    TherapyDesk(before, clock).start(plan_application(TherapyKind.COLD, 15, "upper back"))
    before.close()
    other.hold_all()
    store = opened(path)
    played(store, clock, "while locked")
    store.close()
    other.let_go()

    store = opened(path)
    assert store.waiting_for_file is None and not spool_path(path).exists()
    assert [s.routine_id for s in store.routine_sessions()] == ["while locked"]
    [timer] = TherapyDesk(store, clock).timers  # the timer started before is still there
    assert timer.state is TimerState.RUNNING and timer.id == 1


def test_a_timer_running_when_the_file_opens_late_is_restored_once(path, other, clock):
    before = opened(path)
    TherapyDesk(before, clock).start(plan_application(TherapyKind.HEAT, 20, "upper back"))
    before.close()
    other.hold_all()
    store = opened(path)
    desk = TherapyDesk(store, clock)
    assert desk.timers == []  # nothing can be read yet
    started = desk.start(plan_application(TherapyKind.COLD, 15, "neck"))
    other.let_go()

    assert store.flush()
    added = desk.restore()
    assert [t.plan.kind for t in added] == [TherapyKind.HEAT]
    assert desk.restore() == []  # neither the restored nor the new one comes twice
    assert sorted(t.plan.kind.value for t in desk.timers) == ["cold", "heat"]
    assert store.writer.real_id(started.id) == 2


def test_the_spool_is_private_and_read_only_by_the_coach_that_writes(path, other, clock):
    store = opened(path)
    other.hold()
    played(store, clock)
    assert stat.S_IMODE(spool_path(path).stat().st_mode) == 0o600
    other.let_go()

    reader = HistoryStore(path)  # as `coach history` opens it: the spool is not its to write
    assert reader.routine_sessions() == [] and spool_path(path).is_file()
    reader.close()
    store.close()
    assert sessions(path) == [(1, "r", 2, 1)] and not spool_path(path).exists()


def test_a_lock_at_start_is_an_error_for_a_reader_without_a_spool(path, other):
    other.hold_all()
    with pytest.raises(HistoryLocked):
        HistoryStore(path)


def test_a_damaged_spool_is_set_aside_with_a_notice_and_the_history_opens(path):
    spool_path(path).write_text('{"format": 1, "groups": [[["DROP TABLE', encoding="utf-8")

    store, notice = open_history(path, NOW)

    assert notice is not None and "cannot be understood" in notice and "kept as" in notice
    assert not spool_path(path).exists()
    assert list(path.parent.glob("history.sqlite3.waiting.json.damaged-*"))
    assert store.routine_sessions() == []
    store.close()


def test_a_spool_that_cannot_be_written_is_named_in_the_problem(path, other, clock):
    spool_path(path).with_name("history.sqlite3.waiting.json.new").mkdir()  # in the way
    store = opened(path)
    other.hold()
    played(store, clock)
    assert "could not be kept on disk either" in (store.writer.problem or "")
    assert "quitting now would lose it" in (store.writer.problem or "")
    other.let_go()
    assert store.flush() and store.writer.problem is None
    store.close()


def test_spooled_values_are_checked_before_they_are_written(path):
    spool_path(path).write_text(json.dumps({
        "format": 1, "groups": [[["INSERT INTO break_events (kind, at, outcome)"
                                   " VALUES (?, ?, ?)", ["micro", {"x": 1}, "taken"]]]],
        "ids": {}, "stand_ins": {}, "real": {}}), encoding="utf-8")
    store, notice = open_history(path, NOW)
    assert notice is not None and "cannot be understood" in notice
    assert BreakLog(store).records() == []
    store.close()
