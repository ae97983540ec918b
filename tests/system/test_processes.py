"""Kill -9 and restart, and a second start handing over to the first: with real processes."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.system.windows import wait_for_title

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
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Coach$",
                    "windowfocus", "--sync", "key", "4"],  # a pain score of 4, by key
                   env={**os.environ, "DISPLAY": display}, check=True, timeout=30)
    title = wait_for_title(display, lambda t: t.endswith("· Desk posture reset — Coach"))
    assert re.match(r"^0:0[0-5] · Desk posture reset — Coach$", title)
    history = sqlite3.connect(tmp_path / "data" / "history.sqlite3")
    assert history.execute("SELECT pain, moment, session_id FROM symptoms").fetchall() == [
        (4, "before", 1)]
