"""One writer on the history: the data folder's lock, taken without waiting and freed by the
system when its holder dies."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coach.core.writer_lock import WriterLock

HOLD = """
import sys, time
from pathlib import Path
from coach.core.writer_lock import WriterLock
lock = WriterLock(Path(sys.argv[1]))
print(lock.acquire(), flush=True)
sys.stdin.read()
"""


def test_a_second_lock_on_the_same_file_is_refused_until_the_first_is_released(
        tmp_path: Path) -> None:
    first, second = WriterLock(tmp_path / "coach.lock"), WriterLock(tmp_path / "coach.lock")
    assert first.acquire() and first.acquire() and first.held
    assert not second.acquire() and not second.held
    first.release()
    assert second.acquire()
    second.release()


def test_a_lock_held_by_a_killed_process_is_free_again(tmp_path: Path) -> None:
    path = tmp_path / "coach.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
    mine = WriterLock(path)
    assert not mine.acquire()
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert mine.acquire()
    mine.release()


def test_a_lock_in_a_missing_folder_raises_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        WriterLock(tmp_path / "missing" / "coach.lock").acquire()
