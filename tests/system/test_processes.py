"""Kill -9 and restart, and a second start handing over to the first: with real processes."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.system.windows import press_key, wait_for_title, window_titles

TIMER_TITLE = re.compile(r"^Ice pack 1[45] min — Coach$")


def test_a_killed_coach_restores_its_running_timer(coach, display, tmp_path: Path) -> None:
    first = coach("timer", "cold", "--area", "neck")
    wait_for_title(display, TIMER_TITLE.match)
    first.send_signal(signal.SIGKILL)
    first.wait()

    again = coach()
    wait_for_title(display, TIMER_TITLE.match)
    assert again.poll() is None
    history = sqlite3.connect(tmp_path / "data" / "history.sqlite3")
    assert history.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert history.execute("SELECT kind, area, state FROM therapy_sessions").fetchall() == [
        ("cold", "neck", "running")]


def test_a_second_start_hands_its_command_to_the_first(coach, display,
                                                       tmp_path: Path) -> None:
    first = coach()
    wait_for_title(display, lambda title: title == "Coach")
    second = coach("timer", "heat", "--minutes", "20", "--area", "shoulders")
    assert second.wait(timeout=30) == 0
    wait_for_title(display, lambda title: title == "Moist heat pack 20 min — Coach")
    assert first.poll() is None


def test_timer_minutes_out_of_range_is_refused_without_opening(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(tmp_path),
                             "timer", "cold", "--minutes", "25"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "at most 20 minutes" in result.stderr


def test_start_asks_the_pain_score_then_plays_the_routine(coach, display,
                                                          tmp_path: Path) -> None:
    coach("start", "desk-posture-reset")
    wait_for_title(display, lambda title: title == "Coach")
    press_key(display, "4")  # a pain score of 4
    title = wait_for_title(display, lambda t: t.endswith("· Desk posture reset — Coach"))
    assert re.match(r"^0:[01]\d · Desk posture reset — Coach$", title)  # time to read
    history = sqlite3.connect(tmp_path / "data" / "history.sqlite3")
    assert history.execute("SELECT pain, moment, session_id FROM symptoms").fetchall() == [
        (4, "before", 1)]


def _poll(read, wanted, limit_s: float = 30.0):  # type: ignore[no-untyped-def]
    """``read()`` again and again (every 0.2 s, up to ``limit_s``) until ``wanted`` of it."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        value = read()
        if wanted(value):
            return value
        time.sleep(0.2)
    raise AssertionError(f"still {value!r}")


def _sessions(path: Path) -> list[tuple[object, ...]]:
    if not path.exists():
        return []
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("SELECT routine_id, duration_s, steps_completed, completed"
                          " FROM routine_sessions").fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        db.close()


def _start_desk_reset(coach, display):  # type: ignore[no-untyped-def]
    """``coach start desk-posture-reset``, its pain question skipped and the cautions' reading
    time too (→ begins at once); returns the process."""
    started = coach("start", "desk-posture-reset")
    wait_for_title(display, lambda title: title == "Coach")
    press_key(display, "s")  # no pain score this time
    press_key(display, "Right", PLAYING)
    return started


PLAYING = "· Desk posture reset — Coach$"


def test_a_routine_killed_midway_is_in_the_history_as_partial(coach, display,
                                                              tmp_path: Path) -> None:
    history = tmp_path / "data" / "history.sqlite3"
    first = _start_desk_reset(coach, display)
    wait_for_title(display, re.compile(r"^0:2[0-5] · Desk posture reset — Coach$").match)
    press_key(display, "Right", PLAYING)  # on to the next step: progress is written
    _poll(lambda: _sessions(history), lambda rows: rows and rows[0][1] > 0)
    first.send_signal(signal.SIGKILL)
    first.wait()

    again = coach()
    wait_for_title(display, lambda title: title == "Coach")
    db = sqlite3.connect(history)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    [(routine_id, duration_s, _done, completed)] = db.execute(
        "SELECT routine_id, duration_s, steps_completed, completed FROM routine_sessions"
    ).fetchall()
    assert routine_id == "desk-posture-reset" and duration_s > 0 and completed == 0
    listed = subprocess.run([sys.executable, "-m", "coach", "--data-dir",
                             str(tmp_path / "data"), "history"], capture_output=True,
                            text=True, timeout=60)
    assert "Desk posture reset" in listed.stdout
    assert again.poll() is None


def test_a_frozen_coach_pauses_its_routine_where_it_was(coach, display,
                                                       tmp_path: Path) -> None:
    history = tmp_path / "data" / "history.sqlite3"
    first = _start_desk_reset(coach, display)
    in_step_one = re.compile(r"^0:2[0-2] · Desk posture reset — Coach$")  # 8 s into 30
    wait_for_title(display, in_step_one.match)
    first.send_signal(signal.SIGSTOP)  # as a stalled machine, and as a suspend on Linux
    time.sleep(12)
    first.send_signal(signal.SIGCONT)
    [(_, duration_s, done, completed)] = _poll(
        lambda: _sessions(history), lambda rows: rows and 5 < rows[0][1] < 14)
    assert (done, completed) == (0, 0)  # paused in step 1, the gap not counted
    paused = wait_for_title(display, in_step_one.match)
    time.sleep(2)
    assert wait_for_title(display, in_step_one.match) == paused


def test_a_history_locked_by_another_program_does_not_freeze_the_window(coach, display,
                                                                       tmp_path: Path) -> None:
    history = tmp_path / "data" / "history.sqlite3"
    coach("start", "desk-posture-reset")
    wait_for_title(display, lambda title: title == "Coach")
    other = sqlite3.connect(history, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # held while the routine starts and changes steps
    press_key(display, "s")  # no pain score this time
    press_key(display, "Right", PLAYING)  # begin without the reading time
    seen = set()
    until = time.monotonic() + 8
    while time.monotonic() < until:
        seen.update(t for t in window_titles(display) if "Desk posture reset" in t)
        time.sleep(0.25)
    assert len(seen) >= 6, seen  # the countdown kept going: a title a second
    assert other.execute("SELECT count(*) FROM routine_sessions").fetchone() == (0,)
    other.execute("ROLLBACK")
    [(_, _duration_s, _done, completed)] = _poll(lambda: _sessions(history), bool)
    assert completed == 0  # written once free


def test_what_waits_for_a_locked_history_survives_a_kill(coach, display,
                                                        tmp_path: Path) -> None:
    history = tmp_path / "data" / "history.sqlite3"
    first = coach("start", "desk-posture-reset")
    wait_for_title(display, lambda title: title == "Coach")
    other = sqlite3.connect(history, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # from before the routine starts
    press_key(display, "s")
    wait_for_title(display, lambda t: t.startswith("0:2") and "Desk posture reset" in t)
    first.send_signal(signal.SIGKILL)
    first.wait()
    other.execute("ROLLBACK")
    other.close()
    assert _sessions(history) == []
    assert (history.parent / "history.sqlite3.waiting.json").is_file()

    coach()
    [(routine_id, _duration_s, _done, completed)] = _poll(lambda: _sessions(history), bool)
    assert routine_id == "desk-posture-reset" and completed == 0
    assert not (history.parent / "history.sqlite3.waiting.json").exists()


def test_a_history_locked_at_start_brings_its_timer_back_once_free(coach, display,
                                                                  tmp_path: Path) -> None:
    first = coach("timer", "cold", "--area", "neck")
    wait_for_title(display, TIMER_TITLE.match)
    first.send_signal(signal.SIGKILL)
    first.wait()
    other = sqlite3.connect(tmp_path / "data" / "history.sqlite3", isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")  # not even readable
    other.execute("BEGIN EXCLUSIVE")

    coach()
    wait_for_title(display, lambda title: title == "Coach")
    other.execute("ROLLBACK")
    other.close()
    wait_for_title(display, TIMER_TITLE.match)


def test_without_qt_audio_coach_start_plays_the_routine(display, tmp_path: Path) -> None:
    blocker = tmp_path / "no-audio"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(  # as on a system without libpulse
        "import sys\nsys.modules['PySide6.QtMultimedia'] = None\n")
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"disclaimer_seen": true, "muted": false}')
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "COACH_DATA_DIR": str(data), "PYTHONPATH": str(blocker)}
    coach = subprocess.Popen([sys.executable, "-m", "coach", "start", "desk-posture-reset"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    try:
        wait_for_title(display, lambda title: title == "Coach")
        press_key(display, "s")  # no pain score this time
        wait_for_title(display, re.compile(r"^0:2\d · Desk posture reset — Coach$").match)
        assert coach.poll() is None
    finally:
        coach.terminate()
        _out, err = coach.communicate(timeout=30)
    assert "Traceback" not in err and "Error" not in err
    [(_, _duration_s, _done, _completed)] = _sessions(data / "history.sqlite3")


def test_two_starts_at_once_leave_one_coach_writing(coach, display, tmp_path: Path) -> None:
    starts = [coach(), coach("timer", "heat", "--area", "neck")]
    finished = _poll(lambda: [p.poll() for p in starts], lambda codes: None in codes
                     and any(code is not None for code in codes))
    assert [code for code in finished if code is not None] == [0]
    wait_for_title(display, lambda title: title.startswith("Moist heat pack"))
    assert sum(p.poll() is None for p in starts) == 1
    lock_holders = subprocess.run(["fuser", str(tmp_path / "data" / "coach.lock")],
                                  capture_output=True, text=True)
    if lock_holders.returncode == 0:
        assert len(lock_holders.stdout.split()) == 1


def test_enter_in_a_fresh_window_starts_the_chosen_routine(coach, display) -> None:
    coach()
    wait_for_title(display, lambda title: title == "Coach")
    press_key(display, "Down")   # the list has the keyboard from the start
    press_key(display, "Return")
    press_key(display, "s")      # no pain score this time
    # the list starts on the first routine for a spasm; the next one down is:
    wait_for_title(display, lambda t: t.endswith("· Gentle upper-body movements — Coach"))
