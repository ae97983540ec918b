"""Without sound (no Qt audio library, or no audio device) routines, breaks and the cold/heat
alarm work as usual, the alarm gets attention by every other means, and Settings says why."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from coach.core.breaks.scheduler import BreakKind, Outcome
from coach.core.player.playback import PlayerState
from coach.core.therapy.timer import TherapyKind
from coach.ui.sounds import Cue
from coach.ui.therapy.alert_window import AlertWindow
from tests.ui.playing import play, ready_s


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[None]:
    rung: list[None] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: rung.append(None)))
    return rung


def heard(coach) -> list[Cue]:  # type: ignore[no-untyped-def]
    coach.sounds.muted = False
    played: list[Cue] = []
    coach.sounds.played.connect(played.append)
    return played


def test_a_routine_plays_to_the_end_without_sound(no_audio, make_coach, clock) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    played = heard(coach)
    coach.window.start_routine("desk-posture-reset")
    view = coach.window.player_view
    play(view, clock, ready_s(view) - 2)
    assert view.countdown.text() == "0:02" and view.phase.text() == "Get ready"
    assert view.instruction.text()
    play(view, clock, ready_s(view) + view.session.routine.total_s)
    assert view.session.player.state is PlayerState.FINISHED and view.session.player.completed
    [session] = coach.store.routine_sessions()
    assert session.completed and session.steps_completed == session.steps_total
    assert played == []


def test_the_sound_button_says_no_sound_can_play_and_why(no_audio, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    coach.sounds.muted = False
    coach.window.start_routine("desk-posture-reset")
    button = coach.window.player_view.mute_button
    assert button.text() == "Sound: unavailable" and "Sound is off" in button.toolTip()
    button.click()  # muted: off, whatever this computer can play
    assert button.text() == "Sound: off" and not button.toolTip()


def test_a_break_plays_its_routine_without_sound(no_audio, make_coach, clock) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    played = heard(coach)
    coach.breaks.take_break_now(BreakKind.MICRO)
    player = coach.breaks.window.player
    play(player, clock, 3)
    assert player.countdown.text() and player.instruction.text()
    play(player, clock, 30)
    assert not player.session.player.is_active and player.session.player.completed
    coach.breaks.window.close()
    assert [r.outcome for r in coach.breaks.log.records()] == [Outcome.TAKEN]
    assert played == []


def test_the_alarm_without_sound_rings_the_bell_shows_its_window_and_notifies(  # type: ignore[no-untyped-def]
        no_audio, beeps, make_coach, clock, monkeypatch) -> None:
    coach = make_coach()
    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(coach, "_alert_desktop",
                        lambda _timer, title, body: sent.append((title, body)))
    coach.alarms.time_up.disconnect()
    coach.alarms.time_up.connect(coach._alert_desktop)
    coach.window.show_therapy().start(TherapyKind.COLD, 15, "neck")
    clock.advance(15 * 60)
    coach.alarms.refresh()
    alert = coach.window.findChild(AlertWindow)
    assert alert is not None and alert.isVisible()
    assert len(beeps) == 1 and sent and "ice pack" in sent[0][0].lower()
    clock.advance(60)
    coach.alarms.refresh()
    assert len(beeps) == 2  # every minute, as the alarm sound would


def test_settings_say_why_there_is_no_sound(no_audio, make_coach, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = make_coach().open_settings()
    note = dialog.audio_note.text()
    assert dialog.audio_note.isVisible() and note.startswith("Sound is off: ")
    reason = "could not be loaded" if no_audio == "no Qt audio" else "no audio output device"
    assert reason in note and "libpulse0" in note


def test_settings_say_nothing_of_sound_where_it_works(make_coach, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert not make_coach().open_settings().audio_note.isVisible()
