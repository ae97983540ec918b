"""A real Coach process, Qt and all, never opens an internet socket: watched with strace."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.system.windows import wait_for_title

INTERNET = re.compile(r"sa_family=AF_INET6?\b|getaddrinfo|sin6?_addr")


def test_a_running_coach_opens_no_internet_socket(display: str, session_bus: str,
                                                 tmp_path: Path) -> None:
    if not shutil.which("strace"):
        pytest.skip("needs strace")
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"disclaimer_seen": true, "muted": true}')
    log = tmp_path / "strace.log"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "COACH_DATA_DIR": str(data)}
    traced = subprocess.Popen(["strace", "-f", "-qq", "-e", "trace=connect,sendto,bind",
                               "-o", str(log), sys.executable, "-m", "coach", "timer", "cold"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_title(display, lambda title: title.startswith("Ice pack"))
    except AssertionError:
        traced.kill()
        _out, err = traced.communicate()
        if b"ptrace" in err or b"Operation not permitted" in err:
            pytest.skip("strace is not allowed here")
        raise
    for child in Path(f"/proc/{traced.pid}/task/{traced.pid}/children").read_text().split():
        os.kill(int(child), signal.SIGTERM)  # Coach itself; strace then ends with it
    traced.wait(timeout=30)
    calls = log.read_text().splitlines()
    assert any("AF_UNIX" in line for line in calls), "strace saw no sockets at all"
    assert [line for line in calls if INTERNET.search(line)] == []
