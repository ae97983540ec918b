"""`coach status`, `coach quit` and a second start against a real running Coach, and a
second user kept out of its control socket."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.control import address
from tests.system.compositors import ordinary_user
from tests.system.windows import press_key, wait_for_title

TIMER_TITLE = re.compile(r"^Ice pack 1[45] min — Coach$")


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A runtime folder others may pass through (as /run/user/UID is not): Coach's own
    folder in it must keep them out by itself."""
    folder = Path(tempfile.mkdtemp(prefix="coach-run-", dir="/tmp"))
    folder.chmod(0o755)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def command(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coach", *args], capture_output=True,
                          text=True, timeout=60,
                          env={**os.environ, "COACH_DATA_DIR": str(tmp_path / "data")})


def test_with_no_coach_running_status_says_so_with_its_own_exit_status(
        runtime_dir: Path, tmp_path: Path) -> None:
    text = command(tmp_path, "status")
    assert text.returncode == 3 and text.stdout.startswith("Coach is not running")
    as_json = command(tmp_path, "status", "--json")
    assert as_json.returncode == 3
    assert json.loads(as_json.stdout) == {"version": 1, "running": False}
    quit_ = command(tmp_path, "quit")
    assert quit_.returncode == 0 and quit_.stdout == "Coach is not running.\n"


def test_status_tells_the_timer_and_the_pause_then_quit_asks_while_it_runs(
        runtime_dir: Path, coach, display: str, tmp_path: Path) -> None:
    first = coach("timer", "cold", "--area", "neck")
    wait_for_title(display, TIMER_TITLE.match)
    assert command(tmp_path, "pause", "1h").returncode == 0

    text = command(tmp_path, "status")
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith(f"Coach is running (process {first.pid}, ")
    assert re.search(r"^Breaks paused until (tomorrow )?\d\d:\d\d\.$", text.stdout, re.M)
    assert re.search(r"^Ice pack on the neck: 1[45] minutes left \(off at \d\d:\d\d\)\.$",
                     text.stdout, re.M)
    status = json.loads(command(tmp_path, "status", "--json").stdout)
    assert status["running"] and status["pid"] == first.pid
    assert [(t["kind"], t["area"], t["state"]) for t in status["timers"]] == [
        ("cold", "neck", "running")]
    assert status["breaks"]["state"] == "paused"

    env = {**os.environ, "COACH_DATA_DIR": str(tmp_path / "data")}
    asking = subprocess.Popen([sys.executable, "-m", "coach", "quit"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    press_key(display, "n", title=r"^Quit Coach\?$")
    _out, err = asking.communicate(timeout=60)
    assert asking.returncode == 1 and "keeps running" in err
    assert first.poll() is None

    asking = subprocess.Popen([sys.executable, "-m", "coach", "quit"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    press_key(display, "y", title=r"^Quit Coach\?$")
    out, _err = asking.communicate(timeout=60)
    assert asking.returncode == 0 and out == "Coach has quit.\n"
    assert first.wait(timeout=30) == 0  # gone by the time `coach quit` returned, or nearly
    assert command(tmp_path, "status").returncode == 3


def test_quit_with_nothing_running_needs_no_answer(runtime_dir: Path, coach, display: str,
                                                   tmp_path: Path) -> None:
    first = coach()
    wait_for_title(display, lambda title: title == "Coach")
    result = command(tmp_path, "quit")
    assert result.returncode == 0 and result.stdout == "Coach has quit.\n"
    assert first.wait(timeout=30) == 0
    assert not address(tmp_path / "data").exists()  # its socket went with it


def test_a_second_start_gets_the_running_coach_s_refusal(runtime_dir: Path, coach,
                                                         display: str, tmp_path: Path) -> None:
    coach("start", "desk-posture-reset")
    wait_for_title(display, lambda title: title == "Coach")
    press_key(display, "4")  # a pain score of 4, and it plays
    wait_for_title(display, lambda title: title.endswith("· Desk posture reset — Coach"))
    second = command(tmp_path, "start", "tennis-ball-rhomboid-release")
    assert second.returncode == 1
    assert second.stderr == ("coach: Not starting Tennis-ball rhomboid release: Desk posture "
                             "reset is playing.\n")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make a second user")
def test_another_user_cannot_reach_the_control_socket(runtime_dir: Path, coach, display: str,
                                                      tmp_path: Path) -> None:
    coach()
    wait_for_title(display, lambda title: title == "Coach")
    socket_path = address(tmp_path / "data")
    assert socket_path.exists()
    assert socket_path.parent.stat().st_mode & 0o777 == 0o700
    assert socket_path.stat().st_mode & 0o777 == 0o600
    user = ordinary_user()
    assert user is not None
    probe = ("import socket, sys\n"
             "s = socket.socket(socket.AF_UNIX)\n"
             "try:\n    s.connect(sys.argv[1])\n"
             "except PermissionError:\n    print('refused')\n"
             "else:\n    print('connected')\n")
    result = subprocess.run(["runuser", "-u", user, "--", "/usr/bin/python3", "-c", probe,
                             str(socket_path)], capture_output=True, text=True, timeout=60)
    assert result.stdout == "refused\n", result.stderr
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and command(tmp_path, "status").returncode != 0:
        time.sleep(0.2)
    assert command(tmp_path, "status").returncode == 0  # its own user still gets through
