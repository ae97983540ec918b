"""A Coach that finds the data folder held by another never opens a second writer: it hands
its command line over through the folder's inbox."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QFileSystemWatcher

from coach.app import claim_data_folder
from coach.core import inbox
from coach.core.commands import ShowWindow, StartTimer, TakeBreak
from coach.core.therapy.timer import TherapyKind
from coach.core.writer_lock import WriterLock
from coach.paths import DataPaths
from coach.ui.instance import CommandWatcher


def held_folder(tmp_path: Path) -> tuple[DataPaths, WriterLock]:
    paths = DataPaths(tmp_path / "data")
    paths.create()
    other = WriterLock(paths.lock)
    assert other.acquire()
    return paths, other


def test_a_held_folder_with_no_answer_is_refused_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths, other = held_folder(tmp_path)
    mine = WriterLock(paths.lock)

    status = claim_data_folder(paths, mine, StartTimer(TherapyKind.COLD, 15, "neck", "ice pack"),
                               wait_s=0.3)

    assert status == 1 and not mine.held
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another Coach is using" in err
    assert inbox.take_all(paths.inbox) == []  # withdrawn: nothing runs it later
    other.release()


def test_a_command_taken_by_the_running_coach_ends_the_start_with_0(tmp_path: Path) -> None:
    paths, other = held_folder(tmp_path)
    taken: list[list[str]] = []

    def running_coach() -> None:
        while not taken:
            taken.extend(inbox.take_all(paths.inbox))
            time.sleep(0.01)

    thread = threading.Thread(target=running_coach)
    thread.start()
    status = claim_data_folder(paths, WriterLock(paths.lock), TakeBreak(), wait_s=10)
    thread.join()
    assert status == 0 and taken == [["break"]]
    other.release()


def test_an_inbox_that_cannot_be_written_is_reported_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths, other = held_folder(tmp_path)
    paths.inbox.write_text("in the way")
    assert claim_data_folder(paths, WriterLock(paths.lock), TakeBreak(), wait_s=0.3) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be left for it" in err
    other.release()


def test_a_free_folder_is_claimed_and_made(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "new")
    lock = WriterLock(paths.lock)
    assert claim_data_folder(paths, lock, ShowWindow()) is None and lock.held
    lock.release()


def test_a_folder_that_cannot_be_made_is_not_guarded(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way")
    paths = DataPaths(tmp_path / "file" / "data")
    lock = WriterLock(paths.lock)
    assert claim_data_folder(paths, lock, ShowWindow()) is None and not lock.held


def test_letters_of_killed_starts_are_cleared_and_waiting_ones_kept_when_claimed(
        tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    paths.inbox.mkdir(parents=True)
    minute_ago_ns = time.time_ns() - 60 * 10**9
    stale = inbox.Letter(paths.inbox / f"{minute_ago_ns:020d}-1.json")
    stale.path.write_text('["start", "tennis-ball-rhomboid-release"]')
    waiting = inbox.post(paths.inbox, ["timer", "cold", "15", "neck", "ice pack"])
    lock = WriterLock(paths.lock)
    assert claim_data_folder(paths, lock, ShowWindow()) is None
    assert stale.taken() and not waiting.taken()  # the new Coach's watcher takes it
    assert inbox.take_all(paths.inbox) == [["timer", "cold", "15", "neck", "ice pack"]]
    lock.release()


def test_an_interrupted_start_withdraws_its_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths, other = held_folder(tmp_path)

    def interrupted(_seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", interrupted)
    with pytest.raises(KeyboardInterrupt):  # the command line ends with status 130
        claim_data_folder(paths, WriterLock(paths.lock), TakeBreak(), wait_s=5)
    assert inbox.take_all(paths.inbox) == []
    other.release()


def test_a_command_taken_by_a_coach_as_it_quits_is_not_run_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths, other = held_folder(tmp_path)
    real_sleep = time.sleep

    def other_takes_it_and_quits(seconds: float) -> None:
        inbox.take_all(paths.inbox)
        other.release()
        real_sleep(seconds)

    monkeypatch.setattr(inbox.Letter, "taken", lambda _letter: False)  # seen just before
    monkeypatch.setattr(time, "sleep", other_takes_it_and_quits)
    mine = WriterLock(paths.lock)
    assert claim_data_folder(paths, mine, TakeBreak(), wait_s=5) == 0 and not mine.held


def test_the_running_coach_emits_each_command_posted_to_its_inbox(qtbot, tmp_path: Path) -> None:
    early = inbox.post(tmp_path / "inbox", ["break"])  # while the Coach was starting
    watcher = CommandWatcher(tmp_path / "inbox")
    assert watcher.watching
    with qtbot.waitSignal(watcher.command, timeout=2000) as blocker:
        pass
    assert blocker.args == [["break"]] and early.taken()
    later = inbox.post(tmp_path / "inbox", ["timer", "heat", "20", "neck", "moist heat pack"])
    with qtbot.waitSignal(watcher.command, timeout=5000) as blocker:
        pass
    assert blocker.args == [["timer", "heat", "20", "neck", "moist heat pack"]]
    assert later.taken()


def test_an_inbox_the_system_cannot_watch_is_looked_at_every_second(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileSystemWatcher, "addPath", lambda _self, _path: False)
    watcher = CommandWatcher(tmp_path / "inbox")
    qtbot.wait(100)  # past the look at start-up
    inbox.post(tmp_path / "inbox", ["resume"])
    with qtbot.waitSignal(watcher.command, timeout=3000) as blocker:
        pass
    assert blocker.args == [["resume"]]


def test_an_inbox_removed_or_replaced_while_coach_runs_keeps_working(
        qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    watcher = CommandWatcher(folder)
    qtbot.wait(100)
    folder.rmdir()
    folder.write_text("in the way")  # commands cannot get through now
    qtbot.waitUntil(lambda: not watcher.watching, timeout=3000)
    folder.unlink()
    qtbot.waitUntil(lambda: watcher.watching, timeout=3000)  # made again
    with qtbot.waitSignal(watcher.command, timeout=3000) as blocker:
        inbox.post(folder, ["resume"])
    assert blocker.args == [["resume"]]


def test_an_inbox_moved_away_and_made_again_keeps_working(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    watcher = CommandWatcher(folder)
    qtbot.wait(100)
    folder.rename(tmp_path / "inbox.old")
    folder.mkdir()
    with qtbot.waitSignal(watcher.command, timeout=4000) as blocker:
        inbox.post(folder, ["pause", "1h"])
    assert blocker.args == [["pause", "1h"]]
