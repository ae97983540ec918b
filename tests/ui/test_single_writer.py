"""A Coach that finds the data folder held by another never opens a second writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.app import claim_data_folder
from coach.core.writer_lock import WriterLock
from coach.paths import DataPaths


def test_a_held_folder_with_no_answer_is_refused_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = DataPaths(tmp_path / "data")
    paths.create()
    other = WriterLock(paths.lock)
    assert other.acquire()
    mine = WriterLock(paths.lock)

    status = claim_data_folder(paths, mine, ["timer", "cold"], wait_s=0.3)

    assert status == 1 and not mine.held
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another Coach is using" in err
    other.release()


def test_a_free_folder_is_claimed_and_made(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "new")
    lock = WriterLock(paths.lock)
    assert claim_data_folder(paths, lock, []) is None and lock.held
    lock.release()


def test_a_folder_that_cannot_be_made_is_not_guarded(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way")
    paths = DataPaths(tmp_path / "file" / "data")
    lock = WriterLock(paths.lock)
    assert claim_data_folder(paths, lock, []) is None and not lock.held
