"""The control socket: one per data folder, private to the user, a JSON line each way."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from coach.core import control
from coach.core.control import ControlError, ControlServer, NotRunning


@pytest.fixture(autouse=True)
def runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def serve(server: ControlServer, answer, count: int = 1) -> threading.Thread:  # type: ignore[no-untyped-def]
    """Answer ``count`` requests on ``server`` in a thread, as the running Coach would."""

    def run() -> None:
        answered = 0
        while answered < count:
            caller = server.accept()
            if caller is None:
                continue
            while (argv := caller.read()) is None and not caller.gone:
                pass
            if argv is not None:
                answer(argv, caller)
                answered += 1

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_each_data_folder_has_its_own_socket_in_a_private_folder(
        tmp_path: Path, runtime_dir: Path) -> None:
    one, other = control.address(tmp_path / "a"), control.address(tmp_path / "b")
    assert one != other and one.parent == other.parent == runtime_dir / "coach"
    assert control.address(tmp_path / "a" / ".." / "a") == one
    assert (runtime_dir / "coach").stat().st_mode & 0o777 == 0o700
    assert len(os.fsencode(one)) < 100  # fits a Unix socket address


def test_a_request_gets_its_reply(tmp_path: Path) -> None:
    server = ControlServer(tmp_path)
    assert server.path.stat().st_mode & 0o777 == 0o600
    thread = serve(server, lambda argv, caller: caller.reply(True, " ".join(argv),
                                                              {"version": 1}))
    reply = control.ask(tmp_path, ["pause", "1h"], timeout_s=5)
    thread.join(5)
    assert reply == control.Reply(True, "pause 1h", {"version": 1})
    server.close()
    assert not server.path.exists()


def test_with_nobody_listening_nothing_is_running(tmp_path: Path) -> None:
    with pytest.raises(NotRunning):
        control.ask(tmp_path, [], timeout_s=1)
    server = ControlServer(tmp_path)
    server.close()
    with pytest.raises(NotRunning):  # its socket is gone with it
        control.ask(tmp_path, [], timeout_s=1)


def test_a_socket_left_by_a_killed_coach_is_refused_then_replaced(tmp_path: Path) -> None:
    path = control.address(tmp_path)
    left = socket.socket(socket.AF_UNIX)
    left.bind(os.fspath(path))
    left.close()  # the file stays, nobody listens: as after kill -9
    with pytest.raises(NotRunning):
        control.ask(tmp_path, [], timeout_s=1)
    server = ControlServer(tmp_path)
    thread = serve(server, lambda _argv, caller: caller.reply(True))
    assert control.ask(tmp_path, [], timeout_s=5).ok
    thread.join(5)
    server.close()


def test_closing_leaves_the_socket_of_a_coach_that_took_over(tmp_path: Path) -> None:
    first = ControlServer(tmp_path)
    second = ControlServer(tmp_path)  # made in its place
    first.close()
    assert second.path.exists()
    second.close()


def test_a_coach_that_never_answers_times_out_in_words(tmp_path: Path) -> None:
    server = ControlServer(tmp_path)
    with pytest.raises(ControlError, match="did not answer in time"):
        control.ask(tmp_path, ["status"], timeout_s=0.3)
    server.close()


def test_a_reply_that_is_no_reply_is_an_error(tmp_path: Path) -> None:
    server = ControlServer(tmp_path)

    def garbage(_argv: list[str], caller: control.Caller) -> None:
        caller.connection.setblocking(True)
        caller.connection.sendall(b"not json\n")
        caller.close()

    thread = serve(server, garbage)
    with pytest.raises(ControlError, match="no answer"):
        control.ask(tmp_path, [], timeout_s=5)
    thread.join(5)
    server.close()


@pytest.mark.parametrize("sent", [b"not json\n", b'{"argv": [1, 2]}\n', b'["start"]\n',
                                  b"x" * (control.MAX_MESSAGE_BYTES + 10), b""])
def test_what_is_no_request_is_hung_up_on(tmp_path: Path, sent: bytes) -> None:
    server = ControlServer(tmp_path)
    with socket.socket(socket.AF_UNIX) as asker:
        asker.connect(os.fspath(server.path))
        asker.sendall(sent)
        asker.shutdown(socket.SHUT_WR)
        caller = None
        while caller is None:
            caller = server.accept()
        while caller.read() is None and not caller.gone:
            pass
        assert caller.gone
    server.close()


def test_a_caller_of_another_user_is_refused(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    server = ControlServer(tmp_path)
    monkeypatch.setattr(control, "_peer_user", lambda _connection: os.getuid() + 1)
    with socket.socket(socket.AF_UNIX) as asker:
        asker.connect(os.fspath(server.path))
        assert server.accept() is None
        assert asker.recv(10) == b""  # hung up on
    server.close()


def test_a_socket_of_another_user_is_not_asked(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    server = ControlServer(tmp_path)
    monkeypatch.setattr(control, "_peer_user", lambda _connection: os.getuid() + 1)
    with pytest.raises(ControlError, match="belongs to another user"):
        control.ask(tmp_path, ["status"], timeout_s=1)
    server.close()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners")
def test_a_folder_others_can_enter_is_not_used(runtime_dir: Path, tmp_path: Path) -> None:
    (runtime_dir / "coach").mkdir(mode=0o755)
    (runtime_dir / "coach").chmod(0o755)
    with pytest.raises(ControlError, match="not a private folder"):
        control.address(tmp_path)


def test_a_link_in_place_of_the_folder_is_not_used(runtime_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (runtime_dir / "coach").symlink_to(elsewhere)
    with pytest.raises(ControlError, match="not a private folder"):
        control.address(tmp_path)


def test_without_a_runtime_folder_a_private_one_is_made_in_the_temporary_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "missing" / "run"))
    monkeypatch.setattr(control, "SYSTEM_RUNTIME", tmp_path / "no-system-runtime")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    folder = control.control_folder()
    assert folder == tmp_path / f"coach-{os.getuid()}"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert not (tmp_path / "missing").exists()  # a runtime folder named but missing: not made


def test_a_shell_without_the_variable_finds_the_system_runtime_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = tmp_path / "system"
    (system / str(os.getuid())).mkdir(parents=True, mode=0o700)
    monkeypatch.setattr(control, "SYSTEM_RUNTIME", system)
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert control.control_folder() == system / str(os.getuid()) / "coach"


def test_a_request_nested_past_pythons_depth_is_hung_up_on(tmp_path: Path) -> None:
    server = ControlServer(tmp_path)
    with socket.socket(socket.AF_UNIX) as asker:
        asker.connect(os.fspath(server.path))
        asker.sendall(b"[" * 60000 + b"\n")
        caller = None
        while caller is None:
            caller = server.accept()
        while caller.read() is None and not caller.gone:
            pass
        assert caller.gone
    server.close()


def test_a_folder_in_the_sockets_place_is_a_clear_error(tmp_path: Path) -> None:
    control.address(tmp_path).mkdir()
    with pytest.raises(ControlError, match="in the way of the control socket"):
        ControlServer(tmp_path)
