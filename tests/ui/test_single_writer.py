"""A Coach that finds the data folder held by another never opens a second writer: it hands
its command to that one over the control socket and reports its answer. The running Coach
answers status, quit and every other command there."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from coach.app import ask_running, claim_data_folder
from coach.core import control
from coach.core.commands import AskStatus, ShowWindow, StartTimer, TakeBreak
from coach.core.control import ControlServer
from coach.core.therapy.timer import TherapyKind
from coach.core.writer_lock import WriterLock
from coach.paths import DataPaths
from coach.ui.instance import MAX_CALLERS, ControlListener
from tests.ui.asking import ask


@pytest.fixture(autouse=True)
def runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))


def held_folder(tmp_path: Path) -> tuple[DataPaths, WriterLock]:
    paths = DataPaths(tmp_path / "data")
    paths.create()
    other = WriterLock(paths.lock)
    assert other.acquire()
    return paths, other


def answering(paths: DataPaths, ok: bool = True, message: str = "",
              delay_s: float = 0.0) -> tuple[threading.Thread, list[list[str]]]:
    """A running Coach (in a thread) that starts listening after ``delay_s`` and answers one
    request with ``ok`` and ``message``; the list gets what it was asked."""
    asked: list[list[str]] = []

    def run() -> None:
        time.sleep(delay_s)
        server = ControlServer(paths.root)
        while not asked:
            caller = server.accept()
            while caller is not None and (argv := caller.read()) is None and not caller.gone:
                pass
            if caller is not None and argv is not None:
                asked.append(argv)
                caller.reply(ok, message)
        server.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, asked


def test_a_held_folder_whose_coach_never_listens_is_refused_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths, other = held_folder(tmp_path)
    mine = WriterLock(paths.lock)

    status = claim_data_folder(paths, mine, StartTimer(TherapyKind.COLD, 15, "neck", "ice pack"),
                               wait_s=0.3)

    assert status == 1 and not mine.held
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another Coach is using" in err and "did not answer" in err
    other.release()


def test_a_command_carried_out_by_the_running_coach_ends_the_start_with_0(
        tmp_path: Path) -> None:
    paths, other = held_folder(tmp_path)
    thread, asked = answering(paths, delay_s=0.3)  # still starting when asked first
    status = claim_data_folder(paths, WriterLock(paths.lock), TakeBreak(), wait_s=10)
    thread.join(5)
    assert status == 0 and asked == [["break"]]
    other.release()


def test_what_kept_the_running_coach_from_it_is_printed_and_the_status_is_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths, other = held_folder(tmp_path)
    thread, _asked = answering(paths, ok=False, message="No break now: a routine plays.")
    assert claim_data_folder(paths, WriterLock(paths.lock), TakeBreak(), wait_s=10) == 1
    thread.join(5)
    assert capsys.readouterr().err == "coach: No break now: a routine plays.\n"
    other.release()


def test_a_free_folder_is_claimed_and_made(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "new")
    lock = WriterLock(paths.lock)
    assert claim_data_folder(paths, lock, ShowWindow()) is None and lock.held
    lock.release()


def test_a_folder_that_cannot_be_made_is_not_guarded(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way")
    paths = DataPaths(tmp_path / "file" / "data")
    lock = WriterLock(paths.lock)
    assert claim_data_folder(paths, lock, ShowWindow()) is None and not lock.held


def test_a_folder_let_go_while_waiting_is_taken_and_the_command_run_here(
        tmp_path: Path) -> None:
    paths, other = held_folder(tmp_path)
    threading.Timer(0.3, other.release).start()  # it quits before it ever listened
    mine = WriterLock(paths.lock)
    assert claim_data_folder(paths, mine, TakeBreak(), wait_s=10) is None and mine.held
    mine.release()


def test_status_of_a_folder_nobody_holds_is_not_running_at_once(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    started = time.monotonic()
    with pytest.raises(control.NotRunning):
        ask_running(paths, AskStatus())
    assert time.monotonic() - started < 2  # nothing is starting: no wait
    assert not paths.root.exists()  # asking made nothing


def test_the_running_coach_answers_each_request_on_its_socket(qtbot, make_coach,
                                                              data: DataPaths) -> None:
    coach = make_coach()
    listener = ControlListener(ControlServer(data.root), coach.answer, coach)
    replies: list[control.Reply] = []
    thread = threading.Thread(target=lambda: replies.append(
        control.ask(data.root, ["status"], timeout_s=10)))
    thread.start()
    qtbot.waitUntil(lambda: bool(replies), timeout=10000)
    thread.join()
    [reply] = replies
    assert reply.ok and reply.status is not None and reply.status["version"] == 1
    listener.close()
    assert not listener.server.path.exists()


def test_callers_that_say_nothing_are_hung_up_on_beyond_a_limit(qtbot, make_coach,
                                                               data: DataPaths) -> None:
    import socket

    coach = make_coach()
    listener = ControlListener(ControlServer(data.root), coach.answer, coach)
    silent = []
    for _ in range(MAX_CALLERS + 3):
        asker = socket.socket(socket.AF_UNIX)
        asker.connect(str(listener.server.path))
        silent.append(asker)
        qtbot.wait(20)  # taken from the queue, which holds only a few
    qtbot.waitUntil(lambda: len(listener._callers) == MAX_CALLERS, timeout=5000)
    replies: list[control.Reply] = []
    thread = threading.Thread(target=lambda: replies.append(
        control.ask(data.root, ["status"], timeout_s=10)))
    thread.start()
    qtbot.waitUntil(lambda: bool(replies), timeout=10000)  # still answers
    thread.join()
    for asker in silent:
        asker.close()
    listener.close()


def test_status_tells_timers_pause_and_routine(make_coach, clock) -> None:
    coach = make_coach()
    ask(coach, ["timer", "cold", "15", "neck", "ice pack"])
    ask(coach, ["pause", "1h"])
    ask(coach, ["start", "desk-posture-reset"])
    status = ask(coach, ["status"]).status
    assert status is not None
    assert status["breaks"]["state"] == "paused" and status["breaks"]["paused_until"]
    [timer] = status["timers"]
    assert (timer["kind"], timer["area"], timer["state"], timer["left_s"]) == (
        "cold", "neck", "running", 900)
    assert status["routine"]["id"] == "desk-posture-reset"
    assert status["routine"]["step"] == "Get ready"
    assert status["data_dir"] == str(coach.settings.path.parent)


def test_quit_without_a_timer_quits_at_once(make_coach) -> None:
    coach = make_coach()
    closed: list[bool] = []
    coach.closed.connect(lambda: closed.append(True))
    reply = ask(coach, ["quit"])
    assert reply.ok and closed == [True]


@pytest.mark.parametrize("answer", [True, False])
def test_quit_with_a_timer_running_asks_first(make_coach, monkeypatch, answer: bool) -> None:
    coach = make_coach()
    ask(coach, ["timer", "heat", "15", "neck", "moist heat pack"])
    asked: list[bool] = []
    monkeypatch.setattr(coach, "_confirm_quit", lambda: asked.append(True) or answer)
    closed: list[bool] = []
    coach.closed.connect(lambda: closed.append(True))
    reply = ask(coach, ["quit"])
    assert asked == [True] and reply.ok is answer and bool(closed) is answer
    if not answer:
        assert "keeps running" in reply.message


def test_settings_asked_for_twice_is_one_dialog(make_coach) -> None:
    coach = make_coach()
    assert ask(coach, ["settings"]).ok
    first = coach.settings_dialog
    assert first is not None and first.isVisible()
    assert ask(coach, ["settings"]).ok
    assert coach.settings_dialog is first
    first.reject()
    ask(coach, ["settings"])
    assert coach.settings_dialog is not first and coach.settings_dialog.isVisible()


def test_two_quits_while_the_question_is_open_both_get_its_answer(make_coach, monkeypatch):
    import socket

    from coach.core.control import Caller, decode

    coach = make_coach()
    ask(coach, ["timer", "heat", "15", "neck", "moist heat pack"])
    first, first_far = socket.socketpair()
    second, second_far = socket.socketpair()

    def question() -> bool:  # while it is open, a second quit arrives
        coach.answer(["quit"], Caller(second_far))
        return True

    monkeypatch.setattr(coach, "_confirm_quit", question)
    coach.answer(["quit"], Caller(first_far))
    for mine in (first, second):
        mine.settimeout(5)
        reply = decode(mine.recv(4096).rstrip(b"\n"))
        assert reply is not None and reply["ok"] and reply["message"] == "Coach has quit."
        mine.close()


def test_status_tells_a_break_that_plays(make_coach) -> None:
    coach = make_coach()
    coach.take_break_now()
    status = ask(coach, ["status"]).status
    assert status is not None and status["routine"]["id"] == "desk-posture-reset"
