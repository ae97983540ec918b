"""Voice guidance through Qt's mock speech engine, sound themes, and their settings."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtTextToSpeech import QTextToSpeech

from coach.core.settings import Settings, load_settings
from coach.ui import settings_dialog
from coach.ui.sounds import Cue, Sounds, cue_file
from coach.ui.voice import NO_ENGINE, Voice
from tests.ui.playing import play, ready_s

DESK = "desk-posture-reset"


def with_mock_voice(coach) -> list[str]:  # type: ignore[no-untyped-def]
    """Turn voice guidance on through Qt's mock engine; returns the lines spoken."""
    coach.sounds.muted = False
    coach.sounds.voice_on = True
    coach.sounds.use_voice(Voice("mock", coach))
    spoken: list[str] = []
    coach.sounds.voice.spoken.connect(spoken.append)
    return spoken


def test_the_mock_engine_speaks_a_line_to_the_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert "mock" in QTextToSpeech.availableEngines()
    voice = Voice("mock")
    assert voice.available and voice.engine.engine() == "mock"
    states = []
    voice.engine.stateChanged.connect(states.append)
    voice.say("Rest.")
    qtbot.waitUntil(lambda: QTextToSpeech.State.Ready in states, timeout=5000)
    assert states[0] is QTextToSpeech.State.Speaking


def test_voice_is_off_by_default_and_says_nothing(make_coach) -> None:  # type: ignore[no-untyped-def]
    assert not Settings().voice_on
    coach = make_coach()
    coach.sounds.muted = False
    coach.window.start_routine(DESK)
    assert coach.sounds.voice is None


def test_the_player_announces_steps_last_seconds_and_the_end(qtbot, make_coach,  # type: ignore[no-untyped-def]
                                                              clock) -> None:
    coach = make_coach()
    spoken = with_mock_voice(coach)
    coach.window.start_routine(DESK)
    view = coach.window.player_view
    assert spoken == ["Get ready. First: Posture check."]
    play(view, clock, ready_s(view) - 2.5)
    qtbot.waitUntil(lambda: len(spoken) == 2, timeout=2000)
    clock.advance(2.5)
    qtbot.waitUntil(lambda: len(spoken) == 3, timeout=2000)
    assert spoken[1:] == ["Three", "Posture check."]
    assert coach.sounds.voice.engine.state() is not QTextToSpeech.State.Error
    while view.session.player.is_active:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert "Shoulder-blade squeezes. 6 reps." in spoken and "Rest." in spoken
    assert spoken[-1] == "Done. Well done."


def test_m_silences_the_voice_too(qtbot, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    spoken = with_mock_voice(coach)
    coach.window.start_routine(DESK)
    view = coach.window.player_view
    qtbot.keyClick(view, Qt.Key.Key_M)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert spoken == ["Get ready. First: Posture check."]


def test_settings_save_theme_volume_and_voice_and_apply_them(make_coach, data, clock,  # type: ignore[no-untyped-def]
                                                             tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    coach = make_coach()
    coach.sounds.use_voice(Voice("mock", coach))
    dialog = coach.open_settings()
    assert dialog.theme.currentData() == "soft" and not dialog.voice.isChecked()
    dialog.theme.setCurrentIndex(dialog.theme.findData("clear"))
    dialog.volume.setValue(50)
    dialog.voice.setChecked(True)
    dialog.voice_volume.setValue(40)
    dialog.voice_rate.setValue(-3)
    dialog.accept()
    saved = load_settings(data.settings, clock.now()).settings
    assert (saved.sound_theme, saved.sound_volume, saved.voice_on) == ("clear", 50, True)
    assert (saved.voice_volume, saved.voice_rate) == (40, -3)
    assert (coach.sounds.theme, coach.sounds.volume, coach.sounds.voice_on) == (
        "clear", 0.5, True)
    engine = coach.sounds.voice.engine
    assert abs(engine.volume() - 0.4) < 0.01 and abs(engine.rate() + 0.3) < 0.01


def test_settings_say_how_to_get_a_speech_engine_when_none_works(make_coach, tmp_path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(settings_dialog, "speech_problem", lambda: NO_ENGINE)
    dialog = make_coach().open_settings()
    assert dialog.speech_note.isVisible()
    assert "speech-dispatcher" in dialog.speech_note.text()
    assert "words on screen and, while sound is on, its sound cues" in dialog.speech_note.text()
    dialog.reject()
    monkeypatch.setattr(settings_dialog, "speech_problem", lambda: None)
    assert not make_coach().open_settings().speech_note.isVisible()


def test_without_an_engine_the_voice_stays_quiet_and_sounds_go_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    voice = Voice("no-such-engine")
    assert not voice.available
    spoken: list[str] = []
    voice.spoken.connect(spoken.append)
    voice.say("Rest.")
    assert spoken == []
    sounds = Sounds()
    sounds.voice_on = True
    sounds.use_voice(voice)
    played: list[Cue] = []
    sounds.played.connect(played.append)
    sounds.speak("Rest.")
    sounds.play(Cue.STEP)
    assert played == [Cue.STEP]


def test_every_theme_has_every_cue_and_none_plays_no_cue_but_the_alarm(qtbot) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path
    for theme in ("soft", "clear"):
        for cue in Cue:
            assert Path(cue_file(theme, cue)).is_file(), (theme, cue)
    sounds = Sounds(theme="none")
    played: list[Cue] = []
    sounds.played.connect(played.append)
    for cue in (Cue.START, Cue.STEP, Cue.TICK, Cue.DONE):
        sounds.play(cue)
    sounds.alarm(0)
    assert played == [Cue.ALARM]


def test_f11_plays_full_screen_with_large_text_and_esc_leaves_it(qtbot, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    coach.window.start_routine(DESK)
    view = coach.window.player_view
    qtbot.keyClick(view, Qt.Key.Key_F11)
    assert coach.window.isFullScreen() and view.property("bigText")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not coach.window.isFullScreen() and not view.property("bigText")
    assert view.session.player.is_active  # Esc left full screen; it did not stop
    qtbot.keyClick(view, Qt.Key.Key_F11)
    while view.session.player.is_active:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert coach.window.player_view is None and not coach.window.isFullScreen()


def test_the_voice_speaks_the_language_where_the_engine_has_a_voice_for_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    voice = Voice("mock")
    assert voice.speak_in("en") and voice.engine.locale().language() == QLocale("en").language()
    assert not voice.speak_in("de")  # the mock engine has no German voice: it keeps its own
