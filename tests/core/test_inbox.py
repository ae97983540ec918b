"""Command lines handed over through the data folder's inbox."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from coach.core import inbox


def test_a_posted_command_is_taken_once_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    letter = inbox.post(folder, ["timer", "cold", "15", "neck", "ice pack"])
    assert not letter.taken()
    assert inbox.take_all(folder) == [["timer", "cold", "15", "neck", "ice pack"]]
    assert letter.taken() and list(folder.iterdir()) == []
    assert inbox.take_all(folder) == []


def test_commands_are_taken_oldest_first(tmp_path: Path) -> None:
    for argv in (["break"], ["pause", "1h"], ["resume"]):
        inbox.post(tmp_path, argv)
    assert inbox.take_all(tmp_path) == [["break"], ["pause", "1h"], ["resume"]]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_inbox_and_its_files_are_private(tmp_path: Path) -> None:
    os.umask(0o022)
    letter = inbox.post(tmp_path / "inbox", ["break"])
    assert stat.S_IMODE((tmp_path / "inbox").stat().st_mode) == 0o700
    assert stat.S_IMODE(letter.path.stat().st_mode) == 0o600


def test_withdraw_says_whether_it_was_still_waiting(tmp_path: Path) -> None:
    waiting = inbox.post(tmp_path, ["break"])
    assert waiting.withdraw() and waiting.taken()
    taken = inbox.post(tmp_path, ["resume"])
    inbox.take_all(tmp_path)
    assert not taken.withdraw()


def test_files_that_are_not_a_command_line_are_removed_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "1-1.json").write_text("{not json")
    (tmp_path / "2-1.json").write_text('{"argv": ["break"]}')
    (tmp_path / "3-1.json").write_text('["start", 7]')
    (tmp_path / "4-1.json").write_bytes(b"\xff\xfe")
    (tmp_path / ".5-1.json").write_text('["break"]')  # still being written
    (tmp_path / "notes.txt").write_text("not ours")
    inbox.post(tmp_path, ["resume"])
    assert inbox.take_all(tmp_path) == [["resume"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".5-1.json", "notes.txt"]


def test_a_missing_inbox_has_nothing_in_it(tmp_path: Path) -> None:
    assert inbox.take_all(tmp_path / "missing") == []
    inbox.clear(tmp_path / "missing", time.time_ns(), waiting_s=6)


def letter_at(folder: Path, posted_ns: int, argv: str = '["break"]') -> inbox.Letter:
    letter = inbox.Letter(folder / f"{posted_ns:020d}-1.json")
    letter.path.write_text(argv)
    return letter


def test_clear_keeps_only_letters_of_starts_that_may_still_wait(tmp_path: Path) -> None:
    now_ns = time.time_ns()
    killed = letter_at(tmp_path, now_ns - 60 * 10**9)
    draft = tmp_path / f".{killed.path.name}"  # a draft its sender never finished
    draft.write_text("[")
    future = letter_at(tmp_path, now_ns + 24 * 3600 * 10**9)
    unnamed = tmp_path / "not-a-time.json"
    unnamed.write_text('["break"]')
    odd = [tmp_path / "²-1.json", tmp_path / f"{'9' * 200}-1.json"]  # int() refuses "²"
    for path in odd:
        path.write_text('["break"]')
    inbox.post(tmp_path, ["start", "desk-posture-reset"])  # a start still waiting
    inbox.clear(tmp_path, now_ns, waiting_s=6)
    assert killed.taken() and future.taken() and not draft.exists() and not unnamed.exists()
    assert not any(path.exists() for path in odd)
    assert inbox.take_all(tmp_path) == [["start", "desk-posture-reset"]]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_pipe_a_link_or_a_huge_file_is_removed_unread(tmp_path: Path) -> None:
    now_ns = time.time_ns()
    os.mkfifo(tmp_path / f"{now_ns:020d}-1.json")  # reading it would block the app
    letter_at(tmp_path, now_ns + 1, '["break"' + ', "x"' * inbox.MAX_LETTER_BYTES + "]")
    (tmp_path / "target").write_text('["break"]')
    (tmp_path / f"{now_ns + 2:020d}-1.json").symlink_to(tmp_path / "target")
    inbox.post(tmp_path, ["resume"])
    assert inbox.take_all(tmp_path) == [["resume"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]
