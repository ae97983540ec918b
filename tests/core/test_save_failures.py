"""A full disk while saving: the problem is reported in words, nothing is raised, and the next
save that works writes what could not be written before."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from coach.core.breaks.log import BreakLog
from coach.core.breaks.scheduler import BreakKind, Outcome
from coach.core.clock import FakeClock
from coach.core.history.store import HistoryStore, to_text
from coach.core.player.session import GuidedSession
from coach.core.routines.routine import Step
from coach.core.settings import SettingsStore, load_settings
from coach.core.therapy.desk import TherapyDesk
from coach.core.therapy.log import TherapyLog
from coach.core.therapy.timer import TherapyKind, plan_application
from tests.core.conftest import build_routine, play_for
from tests.core.disk import FillingDisk

FULL = "database or disk is full"


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = HistoryStore(tmp_path / "history.sqlite3")
    yield store
    store.close()


def reopened(store: HistoryStore) -> HistoryStore:
    return HistoryStore(store.path)


def test_a_session_started_on_a_full_disk_is_saved_whole_once_there_is_room(store, clock):
    disk = FillingDisk(store)
    session = GuidedSession(build_routine(Step("A", "Do A.", 10), Step("B", "Do B.", 10)),
                            store, clock, get_ready_s=0)
    disk.full = True
    session.start()
    play_for(session, clock, 12)
    assert FULL in (session.save_problem or "")

    disk.full = False
    play_for(session, clock, 10)

    assert session.save_problem is None
    [saved] = reopened(store).routine_sessions()
    assert (saved.steps_completed, saved.completed, round(saved.duration_s)) == (2, True, 20)


def test_progress_made_while_the_disk_is_full_is_written_by_the_next_save(store, clock):
    disk = FillingDisk(store)
    session = GuidedSession(build_routine(*[Step(n, "Go.", 10) for n in "ABC"]), store,
                            clock, get_ready_s=0)
    session.start()
    disk.full = True
    play_for(session, clock, 21)
    assert reopened(store).routine_sessions()[0].steps_completed == 0

    disk.full = False
    session.stop()
    [saved] = reopened(store).routine_sessions()
    assert (saved.steps_completed, saved.completed) == (2, False)


def test_a_timer_started_on_a_full_disk_is_saved_when_it_next_changes(store, clock):
    disk = FillingDisk(store)
    desk = TherapyDesk(store, clock)
    disk.full = True
    timer = desk.start(plan_application(TherapyKind.COLD, 15, "neck"))
    assert FULL in (desk.save_problem or "") and timer.id == 1
    assert TherapyDesk(reopened(store), clock).timers == []

    disk.full = False
    clock.advance(60)
    desk.pause(timer)

    assert desk.save_problem is None
    [restored] = TherapyDesk(reopened(store), clock).timers
    assert restored.plan.area == "neck" and round(restored.left_s(clock)) == 14 * 60


def test_breaks_that_could_not_be_written_are_written_with_the_next(store, clock):
    disk = FillingDisk(store)
    log = BreakLog(store)
    disk.full = True
    log.add(BreakKind.MICRO, clock.now(), Outcome.TAKEN)
    clock.advance(600)
    log.add(BreakKind.MICRO, clock.now(), Outcome.SKIPPED)
    assert FULL in (store.writer.problem or "") and store.writer.waiting == 2
    assert BreakLog(reopened(store)).records() == []

    disk.full = False
    clock.advance(600)
    log.add(BreakKind.REST, clock.now(), Outcome.NATURAL)

    assert store.writer.problem is None and store.writer.waiting == 0
    records = BreakLog(reopened(store)).records()
    assert [(r.kind, r.outcome) for r in reversed(records)] == [
        (BreakKind.MICRO, Outcome.TAKEN), (BreakKind.MICRO, Outcome.SKIPPED),
        (BreakKind.REST, Outcome.NATURAL)]


def test_a_write_that_can_never_succeed_is_dropped_whole_and_holds_back_nothing(store,
                                                                               clock):
    store.write(("INSERT INTO break_events (kind, at, outcome) VALUES (?, ?, ?)",
                 ("micro-break", to_text(clock.now()), "taken")),
                ("INSERT INTO break_events (kind, at, outcome) VALUES (?, ?, ?)",
                 ("micro-break", to_text(clock.now()), "no such outcome")))
    assert "CHECK constraint" in (store.writer.problem or "")
    assert BreakLog(store).records() == [] and not store.connection.in_transaction
    BreakLog(store).add(BreakKind.REST, clock.now(), Outcome.TAKEN)
    assert len(BreakLog(store).records()) == 1 and store.writer.waiting == 0


def test_settings_changed_while_the_disk_is_full_are_saved_with_the_next_change(
        tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    settings = SettingsStore(path, clock.now())
    real_fsync = os.fsync

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    problem = settings.update(muted=True)
    assert problem is not None and "No space left on device" in problem
    assert not path.exists() and [p.name for p in tmp_path.iterdir()] == []

    monkeypatch.setattr(os, "fsync", real_fsync)
    assert settings.update(micro_break_every_min=25) is None
    saved = json.loads(path.read_text())
    assert (saved["muted"], saved["micro_break_every_min"]) == (True, 25)
    assert load_settings(path, clock.now()).problem is None


def test_an_unwritable_data_folder_is_a_problem_in_words_not_a_crash(tmp_path: Path,
                                                                    clock: FakeClock) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the folder should be")
    settings = SettingsStore(blocked / "settings.json", clock.now())
    problem = settings.update(muted=True)
    assert problem is not None and str(blocked / "settings.json") in problem
    assert settings.settings.muted


def test_a_timer_ended_while_the_disk_is_full_is_recorded_as_ended_later(store, clock):
    disk = FillingDisk(store)
    desk = TherapyDesk(store, clock)
    timer = desk.start(plan_application(TherapyKind.HEAT, 15, "neck"))
    disk.full = True
    clock.advance(5 * 60)
    desk.end_early(timer)
    assert desk.timers == [] and TherapyLog(reopened(store)).records()[0].outcome is None

    disk.full = False
    clock.advance(1)
    desk.update()

    [record] = TherapyLog(reopened(store)).records()
    assert record.outcome is not None and round(record.actual_s or 0) == 5 * 60
    assert TherapyDesk(reopened(store), clock).timers == []
