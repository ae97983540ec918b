"""Break reminders as a desk worker meets them: the notice, the break window, the answers."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from coach.core.breaks.log import BreakLog
from coach.core.breaks.scheduler import BreakKind, Outcome
from coach.core.player.playback import PlayerState
from coach.ui.safety_dialog import SafetyDialog
from tests.ui.asking import ask
from tests.ui.colours import contrast
from tests.ui.playing import play

MIN = 60


class Idle:
    """Input idle time as the test sets it (seconds since the last key or mouse move)."""

    name = "test idle source"

    def __init__(self) -> None:
        self.seconds = 0.5

    def idle_s(self) -> float:
        return self.seconds


def run_until(coach, clock, idle, done, limit_s=4 * 3600):  # type: ignore[no-untyped-def]
    """Advance the fake clock as the scheduler asks, checking, until ``done()``."""
    spent = 0.0
    while not done():
        step = coach.breaks.scheduler.next_check_s(idle.seconds)
        clock.advance(step)
        spent += step
        coach.breaks.check()
        assert spent < limit_s, "never happened"
    return spent


def outcomes(coach):  # type: ignore[no-untyped-def]
    return [(r.kind, r.outcome) for r in reversed(BreakLog(coach.store).records())]


def answer_texts(shown):  # type: ignore[no-untyped-def]
    """The answer buttons a notice or break window offers, in order."""
    return [b.text() for b in shown.answers.findChildren(QPushButton)]


def test_a_notice_comes_ten_seconds_before_the_micro_break(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    spent = run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    assert 20 * MIN - 10 - 1 <= spent <= 20 * MIN - 10 + 1
    assert "micro-break in 10 seconds" in coach.breaks.notice.soon.text()


def test_the_notice_counts_down_to_the_break(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    notice = coach.breaks.notice
    for seconds in range(9, 0, -1):
        clock.advance(1)
        notice.count_down()  # as its one-second timer does
        assert notice.soon.text() == f"A micro-break in {seconds} second" + "s" * (seconds > 1)
    clock.advance(5)  # held back: it does not count below one second
    notice.count_down()
    assert notice.soon.text() == "A micro-break in 1 second"


def test_the_break_window_plays_the_micro_break_and_counts_it_taken(qtbot, make_coach,
                                                                     clock, handed_back):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    break_window = coach.breaks.window
    assert break_window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert break_window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    play(break_window.player, clock, 3 + 30)
    assert not break_window.player.session.player.is_active
    break_window.close()
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.TAKEN)]
    [session] = coach.store.routine_sessions()
    assert session.routine_id == "posture-micro-break" and session.completed
    qtbot.waitUntil(lambda: bool(handed_back))  # what the window drew with goes back to the system


def test_snooze_from_the_notice_asks_again_five_minutes_later(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    coach.breaks.notice.answers.snooze.emit()
    assert coach.breaks.notice is None
    spent = run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    assert 5 * MIN - 11 <= spent <= 5 * MIN + 1
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.SNOOZED)]


def test_skip_from_the_break_window_starts_the_count_again(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    coach.breaks.window.answers.skip.emit()
    assert coach.breaks.window is None
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.SKIPPED)]
    assert coach.breaks.scheduler.until_due_s(BreakKind.MICRO) > 19 * MIN
    assert coach.store.routine_sessions() == []  # a skipped break leaves no routine session


def test_being_away_is_a_natural_break(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle,
              lambda: coach.breaks.scheduler.active_s(BreakKind.MICRO) >= 10 * MIN)
    idle.seconds = 6 * MIN  # back after six minutes away; checks went on meanwhile
    clock.advance(6 * MIN)
    coach.breaks.check()
    assert outcomes(coach) == [(BreakKind.REST, Outcome.NATURAL)]  # it covers the micro too
    assert coach.breaks.scheduler.active_s(BreakKind.MICRO) == 0


def test_pause_and_resume_from_the_command_line(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    ask(coach, ["pause", "1h"])
    assert coach.window.break_status.text().startswith("Breaks paused until ")
    clock.advance(50 * MIN)
    coach.breaks.check()
    assert coach.breaks.notice is None and coach.breaks.window is None
    ask(coach, ["resume"])
    assert coach.window.break_status.text() == "Micro-break in 20 min"


def test_take_a_break_now_plays_the_desk_posture_reset(make_coach):
    coach = make_coach(idle=Idle())
    ask(coach, ["break"])
    assert coach.breaks.window is not None
    assert coach.breaks.window.kind is BreakKind.REST
    assert coach.breaks.window.player.session.routine.id == "desk-posture-reset"


class Quiet:
    """A fullscreen window, as the test switches it on and off."""

    name = "a full-screen window the test switches"

    def __init__(self) -> None:
        self.fullscreen = True
        self.asked = 0

    def quiet_wanted(self) -> bool:
        self.asked += 1
        return self.fullscreen


def test_the_desktop_is_asked_about_quiet_only_when_a_break_is_near(make_coach, clock):
    idle, quiet = Idle(), Quiet()
    quiet.fullscreen = False
    coach = make_coach(idle=idle, quiet=quiet)
    started = clock.monotonic()
    run_until(coach, clock, idle, lambda: clock.monotonic() - started >= 15 * MIN)
    assert quiet.asked == 0  # checked every few seconds for 15 minutes: never asked
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    assert quiet.asked == 1


def test_a_fullscreen_window_holds_the_break_until_it_ends(make_coach, clock):
    idle, quiet = Idle(), Quiet()
    coach = make_coach(idle=idle, quiet=quiet)
    run_until(coach, clock, idle, lambda: bool(outcomes(coach)))
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.POSTPONED)]
    assert coach.breaks.notice is None and coach.breaks.window is None
    started = clock.monotonic()
    run_until(coach, clock, idle, lambda: clock.monotonic() - started >= 10 * MIN)
    assert coach.breaks.window is None and len(outcomes(coach)) == 1
    quiet.fullscreen = False
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None, limit_s=30)
    assert coach.breaks.window is not None and coach.breaks.window.kind is BreakKind.MICRO


def test_a_pause_outlives_a_restart(make_coach, clock):
    first = make_coach(idle=Idle())
    ask(first, ["pause", "until-resumed"])
    again = make_coach(seen_safety=False, idle=Idle())  # keeps the saved settings
    assert again.window.break_status.text() == "Breaks paused"
    ask(again, ["resume"])
    after = make_coach(seen_safety=False, idle=Idle())
    assert after.window.break_status.text() == "Micro-break in 20 min"


def test_a_break_waits_while_a_routine_is_played(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    coach.window.start_routine("tennis-ball-rhomboid-release")
    run_until(coach, clock, idle, lambda: bool(outcomes(coach)))
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.POSTPONED)]
    assert coach.breaks.window is None and coach.breaks.notice is None


def test_break_now_closes_a_notice_already_showing(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    ask(coach, ["break"])
    assert coach.breaks.notice is None and coach.breaks.window is not None


def test_the_first_break_ever_comes_after_the_safety_notice(make_coach):
    coach = make_coach(seen_safety=False, idle=Idle())
    ask(coach, ["break"])
    dialog = coach.window.findChild(SafetyDialog)
    assert dialog is not None and coach.breaks.window is None
    dialog.accept()
    assert coach.breaks.window is not None


def test_a_finished_break_offers_no_snooze_and_shows_in_recent_sessions(qtbot, make_coach,
                                                                         clock):
    coach = make_coach(idle=Idle())
    coach.breaks.take_break_now(BreakKind.MICRO)
    break_window = coach.breaks.window
    play(break_window.player, clock, 3 + 30)
    assert not break_window.answers.isVisibleTo(break_window)
    break_window.close()
    assert "Posture micro-break" in coach.window.library_view.recent.text()


def note_texts(break_window):  # type: ignore[no-untyped-def]
    return " ".join(label.text() for label in break_window.findChildren(QLabel))


def test_rest_breaks_remind_to_drink_water_unless_turned_off(make_coach, tmp_path,
                                                              monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    coach = make_coach(idle=Idle())
    coach.breaks.take_break_now(BreakKind.REST)
    assert "drink of water" in note_texts(coach.breaks.window)
    coach.breaks.window.answers.skip.emit()
    coach.breaks.take_break_now(BreakKind.MICRO)
    assert "drink of water" not in note_texts(coach.breaks.window)
    coach.breaks.window.answers.skip.emit()
    dialog = coach.open_settings()
    dialog.water.setChecked(False)
    dialog.accept()
    coach.breaks.take_break_now(BreakKind.REST)
    assert "drink of water" not in note_texts(coach.breaks.window)


def test_a_rest_break_plays_the_chosen_routine_for_the_whole_break(make_coach, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    coach = make_coach(idle=Idle())
    dialog = coach.open_settings()
    dialog.rest_routine.setCurrentIndex(dialog.rest_routine.findData("gentle-upper-body-movements"))
    dialog.rest_length.setValue(10)
    dialog.accept()
    coach.breaks.take_break_now(BreakKind.REST)
    routine = coach.breaks.window.player.session.routine
    assert routine.id == "gentle-upper-body-movements"
    assert routine.steps[-1].name == "Keep moving"
    assert routine.total_s + 3 == 10 * MIN


def test_every_routine_a_break_can_play_shows_its_cautions_in_the_break_window(make_coach,  # type: ignore[no-untyped-def]
                                                                             clock) -> None:
    from coach.core.player.session import GuidedSession
    from coach.ui.breaks.window import BreakWindow

    coach = make_coach()
    for routine in coach.window.library_view.library.routines:
        session = GuidedSession(routine, coach.store, clock, get_ready_s=3)
        shown = BreakWindow(BreakKind.REST, session, coach.sounds)
        shown.begin()
        assert shown.player.cautions.isVisibleTo(shown) == bool(routine.cautions)
        for caution in routine.cautions:
            assert caution in shown.player.cautions.text(), routine.id
        shown.player.safety_button.click()
        assert shown._safety.isVisible()
        shown._safety.close()
        shown.dismiss()


def test_a_break_asked_for_while_a_routine_plays_waits_for_no_second_routine(make_coach):
    coach = make_coach()
    coach.window.start_routine("desk-posture-reset")
    ask(coach, ["break"])
    coach.tray.break_now_requested.emit()
    assert coach.breaks.window is None
    assert "routine playing is your break" in coach.window.statusBar().currentMessage()
    assert coach.window.player_view is not None and coach.window.playing()


def test_typing_that_lands_in_a_new_break_window_answers_nothing(qtbot, make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    window = coach.breaks.window
    for target in (window, window.player):  # the window, and the player that has the focus
        for key in (Qt.Key.Key_S, Qt.Key.Key_K, Qt.Key.Key_Space, Qt.Key.Key_M,
                    Qt.Key.Key_W, Qt.Key.Key_Right, Qt.Key.Key_Escape, Qt.Key.Key_Return,
                    Qt.Key.Key_F11):
            qtbot.keyClick(target, key)
    assert coach.breaks.window is window and outcomes(coach) == []
    player = window.player
    assert player.session.player.state is not PlayerState.PAUSED
    assert player.session.player.index == 0 and not player.full_screen


def test_a_break_window_reached_from_the_keyboard_snoozes_with_s_and_skips_with_k(
        qtbot, make_coach, clock, monkeypatch):
    from coach.ui.breaks import window as break_window

    monkeypatch.setattr(break_window, "KEYS_AFTER_MS", 0)  # as after the first seconds
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    window = coach.breaks.window
    names = {b.accessibleName() for b in window.answers.findChildren(QPushButton)}
    assert names == {"Snooze the break for 5 minutes", "Skip this break"}
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert coach.breaks.window is None
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.SNOOZED)]
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    qtbot.keyClick(coach.breaks.window, Qt.Key.Key_K)
    assert outcomes(coach)[-1] == (BreakKind.MICRO, Outcome.SKIPPED)


def test_strict_mode_offers_no_skip_and_snoozes_only_as_often_as_allowed(
        qtbot, make_coach, clock, data, monkeypatch):
    from coach.ui.breaks import window as break_window

    monkeypatch.setattr(break_window, "KEYS_AFTER_MS", 0)
    idle = Idle()
    coach = make_coach(idle=idle)
    coach.settings.update(break_strict=True, break_max_snoozes=1)
    coach.breaks.apply(coach.settings.settings)
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    texts = answer_texts(coach.breaks.notice)
    assert texts == ["Start now  (Enter)", "Snooze 5 min  (S)"]
    qtbot.keyClick(coach.breaks.notice, Qt.Key.Key_K)  # no skipping
    assert coach.breaks.notice is not None
    qtbot.keyClick(coach.breaks.notice, Qt.Key.Key_S)
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    texts = answer_texts(coach.breaks.notice)
    assert texts == ["Start now  (Enter)"]  # snoozed once already
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    window = coach.breaks.window
    assert window.answers.findChildren(QPushButton) == []
    player = window.player  # nor can the routine be cut short
    assert not (player.skip_button.isVisibleTo(window) or player.stop_button.isVisibleTo(window)
                or player.back_button.isVisibleTo(window))
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_F11):
        qtbot.keyClick(window, key)
        qtbot.keyClick(player, key)
    window.close()  # Alt+F4, the title bar's close button
    assert coach.breaks.window is window and window.isVisible()
    assert player.session.player.index == 0 and outcomes(coach)[-1][1] is Outcome.SNOOZED


def test_no_break_over_a_pain_question_and_no_routine_over_a_break(make_coach):
    coach = make_coach(ask_pain=True)
    coach.window.start_routine("desk-posture-reset")  # its pain question shows
    ask(coach, ["break"])
    assert coach.breaks.window is None
    assert "routine playing is your break" in coach.window.statusBar().currentMessage()

    other = make_coach()
    ask(other, ["break"])
    assert other.breaks.window is not None
    ask(other, ["start", "desk-posture-reset"])
    assert other.window.player_view is None
    assert "a break is playing" in other.window.statusBar().currentMessage()


def test_following_a_break_without_touching_the_keys_is_no_natural_break(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    window = coach.breaks.window
    for _ in range(4):  # the user follows the routine, hands off the keyboard
        idle.seconds += 15
        play(window.player, clock, 15)
        coach.breaks.check()
    assert coach.breaks.window is window  # still playing, not closed as "natural"
    assert outcomes(coach) == []


def test_the_break_screen_is_calm_and_tells_the_time_left_of_the_whole_break(make_coach, clock):
    coach = make_coach(idle=Idle())
    coach.take_break_now()
    window = coach.breaks.window
    assert window is not None and window.property("calm")  # its own calm colours
    window.player.tick()
    left = window.player.session.player.left_s(window.player.session.now())
    assert window.time_left.text() == f"{int(left) // 60}:{int(left) % 60:02d} left of your break"
    heading = window.findChildren(QLabel)[0]
    text, background = (heading.palette().color(role)
                        for role in (heading.foregroundRole(), heading.backgroundRole()))
    assert contrast(text, background) > 7
    assert answer_texts(window) == [
        "Snooze 5 min  (S)", "Skip this break  (K)"]
    shown = [b.text() for b in window.player.findChildren(QPushButton) if b.isVisibleTo(window)]
    assert "Stop" not in shown and "Skip →" not in shown and "Pause" in shown  # no rivals


def test_a_pause_until_tomorrow_says_tomorrow(make_coach):
    coach = make_coach(idle=Idle())
    ask(coach, ["pause", "tomorrow"])
    assert coach.window.break_status.text() == "Breaks paused until tomorrow 00:00"


class TellingIdle(Idle):
    """An idle source that tells of input, as X11's raw events and the Wayland idle protocol
    do: the test's ``press()`` is the input, sent over a socket the app listens to."""

    tells_input = True

    def __init__(self) -> None:
        super().__init__()
        self._app_end, self._desktop_end = socket.socketpair()
        self.watching = False

    def fileno(self) -> int:
        return self._app_end.fileno()

    def watch_input(self, on: bool) -> None:
        self.watching = on

    def input_came(self) -> bool:
        self._app_end.recv(64)
        return self.watching

    def press(self) -> None:
        self.seconds = 0.0
        self._desktop_end.send(b"key")


def test_an_absent_user_is_not_checked_on_until_a_key_brings_them_back(qtbot, make_coach,
                                                                       clock):
    idle = TellingIdle()
    coach = make_coach(idle=idle)
    breaks = coach.breaks
    run_until(coach, clock, idle, lambda: breaks.scheduler.active_s(BreakKind.MICRO) >= 10 * MIN)
    for step, idle.seconds in ((15, 15), (15, 30), (270, 5 * MIN)):
        clock.advance(step)  # away: seen gone, then each natural break
        breaks.check()
        assert idle.watching
    assert not breaks._timer.isActive()  # nothing more to ask until the user is back
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.NATURAL),
                               (BreakKind.REST, Outcome.NATURAL)]

    clock.advance(2 * 3600)
    idle.press()
    qtbot.waitUntil(lambda: not idle.watching)
    assert breaks._timer.isActive()  # at the keys again: checked as usual
    assert breaks.scheduler.active_s(BreakKind.MICRO) == 0  # the two hours were no work
    assert len(outcomes(coach)) == 2


@pytest.fixture
def made_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A break's window is made as soon as its notice shows (not a second later)."""
    from coach.ui.breaks import controller

    monkeypatch.setattr(controller, "PREPARE_AFTER_MS", 0)


def made_during_notice(qtbot, coach, clock, idle):  # type: ignore[no-untyped-def]
    """Run until the next break's notice shows; the window made for it meanwhile."""
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    qtbot.waitUntil(lambda: coach.breaks.prepared is not None)
    return coach.breaks.prepared


def test_the_break_window_is_made_during_its_notice_and_shown_when_due(
        qtbot, make_coach, clock, made_at_once):  # type: ignore[no-untyped-def]
    idle = Idle()
    coach = make_coach(idle=idle)
    made = made_during_notice(qtbot, coach, clock, idle)
    assert not made.isVisible() and made.kind is BreakKind.MICRO
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    assert coach.breaks.window is made and made.isVisible()
    assert coach.breaks.prepared is None
    play(made.player, clock, 3 + 30)
    made.close()
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.TAKEN)]
    [session] = coach.store.routine_sessions()
    assert session.routine_id == "posture-micro-break" and session.completed


def test_a_window_made_for_a_break_that_does_not_come_goes(
        qtbot, make_coach, clock, made_at_once):  # type: ignore[no-untyped-def]
    from shiboken6 import isValid

    idle = Idle()
    coach = make_coach(idle=idle)
    snoozed = made_during_notice(qtbot, coach, clock, idle)
    coach.breaks.notice.answers.snooze.emit()
    assert coach.breaks.prepared is None
    qtbot.waitUntil(lambda: not isValid(snoozed))
    away = made_during_notice(qtbot, coach, clock, idle)
    idle.seconds = 6 * MIN  # gone before it came: a natural break
    clock.advance(6 * MIN)
    coach.breaks.check()
    assert coach.breaks.prepared is None and coach.breaks.window is None
    qtbot.waitUntil(lambda: not isValid(away))
    assert outcomes(coach) == [(BreakKind.MICRO, Outcome.SNOOZED),
                               (BreakKind.REST, Outcome.NATURAL)]
    assert coach.store.routine_sessions() == []  # neither left a routine session


def test_a_break_made_ahead_is_made_again_after_the_settings_change(
        qtbot, make_coach, clock, made_at_once):  # type: ignore[no-untyped-def]
    idle = Idle()
    coach = make_coach(idle=idle)
    texts = answer_texts(made_during_notice(qtbot, coach, clock, idle))
    assert texts == ["Snooze 5 min  (S)", "Skip this break  (K)"]
    coach.settings.update(break_strict=True)
    coach.breaks.apply(coach.settings.settings)
    assert coach.breaks.prepared is None
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    texts = answer_texts(coach.breaks.window)
    assert texts == ["Snooze 5 min  (S)"]  # made as strict mode makes it: no skipping


def test_a_notice_shown_when_the_settings_change_is_made_anew_or_goes(make_coach, clock):
    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    shown = coach.breaks.notice
    coach.settings.update(break_strict=True)
    coach.breaks.apply(coach.settings.settings)
    coach.breaks.check()
    assert coach.breaks.notice is not None and coach.breaks.notice is not shown
    texts = answer_texts(coach.breaks.notice)
    assert texts == ["Start now  (Enter)", "Snooze 5 min  (S)"]  # strict now: no skipping
    coach.settings.update(micro_break_on=False)
    coach.breaks.apply(coach.settings.settings)
    coach.breaks.check()
    assert coach.breaks.notice is None  # micro-breaks are off: none comes
    clock.advance(30)
    coach.breaks.check()
    assert coach.breaks.window is None and outcomes(coach) == []


def test_a_break_paused_during_its_notice_is_announced_again_after_the_pause(make_coach,
                                                                            clock):
    from datetime import timedelta

    idle = Idle()
    coach = make_coach(idle=idle)
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    coach.breaks.pause(clock.now() + timedelta(hours=1))
    assert coach.breaks.notice is None
    clock.advance(35)
    coach.breaks.resume()
    assert coach.breaks.notice is not None and coach.breaks.window is None

