"""Health data stays private on disk: the data folder 0700, its files 0600, whatever the
umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach.core.history.store import HistoryStore, open_history
from coach.core.private_files import (
    create_private,
    make_private,
    make_private_dir,
    open_private,
)
from coach.core.settings import Settings, save_settings
from coach.paths import DataPaths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
MONDAY_9AM = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def careless_umask() -> Iterator[None]:
    """A umask that would leave new files readable by everyone."""
    before = os.umask(0)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_folder_is_made_0700_even_when_it_already_existed(tmp_path: Path) -> None:
    fresh = DataPaths(tmp_path / "a" / "coach")
    fresh.create()
    old = DataPaths(tmp_path / "old")
    old.root.mkdir(mode=0o755)
    old.create()
    assert mode(fresh.root) == mode(old.root) == 0o700


def test_the_history_and_its_companions_are_0600(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    store.begin_routine("r", "R", MONDAY_9AM, 1)
    files = [p for p in tmp_path.iterdir() if p.name.startswith("history.sqlite3")]
    assert {p.name for p in files} >= {"history.sqlite3", "history.sqlite3-wal"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    store.close()


def test_an_existing_history_readable_by_others_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    os.chmod(path, 0o644)
    store, problem = open_history(path, MONDAY_9AM)
    store.close()
    assert problem is None and mode(path) == 0o600


def test_settings_are_written_0600_in_a_0700_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "settings.json"
    save_settings(path, Settings(muted=True))
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_open_private_writes_0600_and_tightens_an_existing_file(tmp_path: Path) -> None:
    text, new = tmp_path / "export.csv", tmp_path / "export.json"
    text.write_text("old, longer content")
    os.chmod(text, 0o666)
    with open_private(text, newline="") as file:
        file.write("a,b\n")
    with open_private(new) as file:
        file.write("{}")
    assert text.read_text() == "a,b\n" and mode(text) == mode(new) == 0o600


def test_create_private_and_make_private_leave_content_alone(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_text("kept")
    os.chmod(path, 0o644)
    create_private(path)
    assert path.read_text() == "kept" and mode(path) == 0o600
    make_private(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()
    make_private_dir(tmp_path / "d")
    assert mode(tmp_path / "d") == 0o700
