"""No network access anywhere: the app's main paths run with internet sockets blocked, and
any attempt to reach the network (or even to look a name up) fails the test.

Local (AF_UNIX) sockets stay allowed: the session bus and the single-instance server use them.
Python-level sockets are watched here; tests/system/test_no_network_process.py watches a real
Coach process, Qt's own sockets included, with strace.
"""

from __future__ import annotations

import contextlib
import io
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coach.cli import main
from coach.core.player.playback import PlayerState
from coach.core.therapy.timer import TherapyKind
from tests.ui.playing import play, ready_s
from tests.ui.test_break_flow import Idle, run_until
from tests.ui.test_player_flow import RHOMBOID, start

NETWORK_EVENTS = {"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind",
                  "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                  "socket.getnameinfo", "urllib.Request", "http.client.connect"}
LOCAL_FAMILIES = {getattr(socket, "AF_UNIX", -1)}

_attempts: list[str] | None = None


class NetworkBlocked(OSError):
    """Raised in place of any network access while a test watches."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _attempts is None or event not in NETWORK_EVENTS:
        return
    family = getattr(args[0], "family", None) if args else None
    if family in LOCAL_FAMILIES:
        return
    _attempts.append(f"{event} {args[1:] if family is not None else args}")
    raise NetworkBlocked(f"network access attempted: {event}")


sys.addaudithook(_audit)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Blocks and records every internet socket and name look-up (see NETWORK_EVENTS)."""
    global _attempts
    _attempts = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        assert _attempts is not None
        _attempts.append(f"create_connection {args}")
        raise NetworkBlocked("network access attempted: create_connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    yield _attempts
    _attempts = None


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(list(args))
    return status, out.getvalue()


def test_the_blocker_does_catch_an_internet_connection(no_network: list[str]) -> None:
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlocked):
        probe.connect(("192.0.2.1", 443))  # a documentation address: never reached anyway
    probe.close()
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.org", 443)
    assert len(no_network) == 2
    no_network.clear()


def test_the_main_paths_use_no_network(no_network: list[str], qtbot, make_coach,  # type: ignore[no-untyped-def]
                                       clock, data, tmp_path: Path, write_routine) -> None:
    idle = Idle()
    coach = make_coach(idle=idle)
    view = start(qtbot, coach, RHOMBOID)
    play(view, clock, ready_s(view) + view.session.routine.total_s)
    assert view.session.player.state is PlayerState.FINISHED
    coach.window.show_therapy()
    coach.window.therapy_view.start(TherapyKind.COLD, 15, "upper back")
    clock.advance(15 * 60)
    coach.alarms.refresh()
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    coach.breaks.notice.answers.start_now.emit()
    coach.pause_breaks("30m")
    root = str(data.root)
    for command in (["history"], ["history", "--format", "csv"],
                    ["history", "--format", "json"], ["routines"]):
        assert cli("--data-dir", root, *command)[0] == 0
    routine_file = write_routine(tmp_path / "mine")
    assert cli("--data-dir", root, "routines", "--check", str(routine_file))[0] == 0
    assert no_network == []
