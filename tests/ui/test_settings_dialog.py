"""Settings as a user changes them: breaks, working hours, sound and starting at login."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from coach.core.breaks.scheduler import BreakKind
from coach.core.settings import load_settings
from coach.platform import autostart
from coach.ui import settings_dialog


def test_saved_settings_apply_at_once_and_are_kept(make_coach, data, clock, tmp_path,
                                                    monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    coach = make_coach()
    dialog = coach.open_settings()
    dialog.micro_every.setValue(30)
    dialog.rest_on.setChecked(False)
    dialog.sound.setChecked(True)
    dialog.hours_on.setChecked(True)
    dialog.days[5].setChecked(True)
    dialog.login.setChecked(True)
    dialog.screens.setCurrentIndex(dialog.screens.findData("primary"))
    dialog.full_screen.setChecked(True)
    dialog.accept()

    saved = load_settings(data.settings, clock.now()).settings
    assert (saved.micro_break_every_min, saved.rest_break_on, saved.muted) == (30, False, False)
    assert saved.working_hours_on and saved.work_days == [0, 1, 2, 3, 4, 5]
    assert coach.breaks.scheduler.until_due_s(BreakKind.MICRO) == 30 * 60
    assert coach.breaks.scheduler.until_due_s(BreakKind.REST) is None
    assert coach.breaks.scheduler.working_hours is not None
    assert not coach.sounds.muted
    assert autostart.is_enabled()
    assert (saved.break_screens, saved.break_full_screen) == ("primary", True)
    assert (coach.breaks.screens, coach.breaks.full_screen) == ("primary", True)


def test_cancel_changes_nothing(make_coach, data, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    coach = make_coach()
    before = data.settings.read_bytes()
    dialog = coach.open_settings()
    dialog.micro_on.setChecked(False)
    dialog.reject()
    assert data.settings.read_bytes() == before


def test_settings_say_when_no_idle_source_works(make_coach, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "sway")
    dialog = make_coach(idle=None).open_settings()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert dialog.isVisible() and "sway (Wayland session) answers none of" in texts
    assert "breaks count all the time Coach runs" in texts


def test_settings_name_what_holds_a_break_back(make_coach, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = make_coach().open_settings()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "A due break waits for: nothing Coach can see on this desktop." in texts


def test_options_are_greyed_while_what_they_belong_to_is_off(make_coach, tmp_path,
                                                              monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = make_coach().open_settings()
    dialog.hours_on.setChecked(False)
    assert not any(w.isEnabled() for w in (*dialog.days, dialog.start_time, dialog.end_time))
    dialog.hours_on.setChecked(True)
    assert all(w.isEnabled() for w in (*dialog.days, dialog.start_time, dialog.end_time))
    dialog.rest_on.setChecked(False)
    assert not dialog.rest_every.isEnabled() and not dialog.rest_routine.isEnabled()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "Voice speed" in labels and "Every" in labels
    assert not [text for text in labels if text[:1].islower() and text not in (
        "slower", "faster")], labels  # sentence case


def test_speaking_is_greyed_with_the_reason_where_no_speech_engine_works(
        make_coach, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(settings_dialog, "speech_problem",
                        lambda: "No speech engine was found (install speech-dispatcher).")
    dialog = make_coach().open_settings()
    assert not dialog.voice.isEnabled() and "speech-dispatcher" in dialog.voice.toolTip()
    assert not dialog.voice_rate.isEnabled() and not dialog.voice_volume.isEnabled()


def test_a_language_chosen_is_spoken_from_the_next_start(make_coach, data, clock, tmp_path,
                                                          monkeypatch):
    from coach.app import build_shell
    from coach.core import i18n

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    coach = make_coach()
    dialog = coach.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.accept()
    assert load_settings(data.settings, clock.now()).settings.language == "de"
    coach.shut_down()
    coach.store.close()
    try:
        again = build_shell(data, clock)
        again.window.start_routine("desk-posture-reset")
        view = again.window.player_view
        assert view.skip_button.text() == "Überspringen →"
        assert view.step_name.text() == "Bevor Sie beginnen"
        again.shut_down()
        again.store.close()
    finally:
        i18n.use_language("en")
