"""Settings: defaults when missing, damaged files kept aside, atomic saves."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from coach.core.breaks.calendar import PAUSED_INDEFINITELY
from coach.core.settings import (
    LoadedSettings,
    Settings,
    SettingsStore,
    load_settings,
    save_settings,
)

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "settings.json"


def test_missing_file_gives_the_defaults_without_a_problem(path):
    assert load_settings(path, NOW) == LoadedSettings(Settings(), None)
    assert Settings() == Settings(muted=False, disclaimer_seen=False)


def test_saved_settings_load_back(path):
    save_settings(path, Settings(muted=True, disclaimer_seen=True))
    assert load_settings(path, NOW) == LoadedSettings(Settings(muted=True, disclaimer_seen=True))


def test_save_makes_the_folder(tmp_path):
    path = tmp_path / "new" / "folder" / "settings.json"
    save_settings(path, Settings(muted=True))
    assert load_settings(path, NOW).settings.muted is True


@pytest.mark.parametrize("damage", [b'{"muted": tru', b"", b"\xff\xfe\x00garbage"], ids=repr)
def test_damaged_file_is_kept_aside_with_its_bytes_and_defaults_used(path, damage):
    path.write_bytes(damage)

    loaded = load_settings(path, NOW)

    kept = path.with_name("settings.json.damaged-20260105T090000")
    assert loaded.settings == Settings()
    assert not path.exists()
    assert kept.read_bytes() == damage
    assert str(path) in loaded.problem
    assert str(kept) in loaded.problem


def test_settings_can_be_saved_again_after_damage(path):
    path.write_text("{", encoding="utf-8")
    load_settings(path, NOW)
    save_settings(path, Settings(muted=True))
    assert load_settings(path, NOW) == LoadedSettings(Settings(muted=True))


def test_unknown_and_mistyped_fields_fall_back_to_the_defaults(path):
    path.write_text(json.dumps({"muted": True, "volume": 11, "disclaimer_seen": "yes"}),
                    encoding="utf-8")

    loaded = load_settings(path, NOW)

    assert loaded.settings == Settings(muted=True, disclaimer_seen=False)
    assert str(path) in loaded.problem
    assert "volume" in loaded.problem
    assert "disclaimer_seen" in loaded.problem
    kept = path.with_name("settings.json.damaged-20260105T090000")
    assert not path.exists() and json.loads(kept.read_text())["volume"] == 11
    assert str(kept) in loaded.problem


@pytest.mark.parametrize("value", [1, 0, "true", None, [True]], ids=repr)
def test_a_bool_field_accepts_only_true_or_false(path, value):
    path.write_text(json.dumps({"muted": value}), encoding="utf-8")
    loaded = load_settings(path, NOW)
    assert loaded.settings.muted is False
    assert "muted" in loaded.problem


@pytest.mark.parametrize("data", [[], 3, "muted", None], ids=repr)
def test_json_that_is_not_an_object_gives_the_defaults(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings()
    assert str(path) in loaded.problem


def test_save_leaves_no_temporary_files(path):
    save_settings(path, Settings(muted=True))
    save_settings(path, Settings(muted=False))
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_failed_save_leaves_the_old_file_intact(path, monkeypatch):
    save_settings(path, Settings(muted=True))
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(json, "dump", fail)
    with pytest.raises(OSError, match="disk full"):
        save_settings(path, Settings(muted=False, disclaimer_seen=True))

    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_sound_and_voice_choices_have_gentle_defaults_and_stay_in_range() -> None:
    from coach.core.settings import Settings
    plain = Settings()
    assert (plain.cue_theme(), plain.cue_volume(), plain.voice_on) == ("soft", 0.8, False)
    odd = Settings(sound_theme="loud", sound_volume=250, voice_volume=-5, voice_rate=40)
    assert (odd.cue_theme(), odd.cue_volume(), odd.speech_volume(), odd.speech_rate()) == (
        "soft", 1.0, 0.0, 1.0)


def test_one_mistyped_field_keeps_every_other_choice_across_restarts(path):
    original = json.dumps({"micro_break_every_min": "abc", "muted": True,
                           "rest_break_every_min": 40, "sound_theme": "clear"})
    path.write_text(original, encoding="utf-8")

    first = SettingsStore(path, NOW)
    again = SettingsStore(path, NOW)  # the next start

    wanted = Settings(muted=True, rest_break_every_min=40, sound_theme="clear")
    assert first.settings == again.settings == wanted
    assert "'micro_break_every_min'" in (first.load_problem or "")
    assert "every other setting is kept" in (first.load_problem or "")
    assert again.load_problem is None
    kept = path.with_name("settings.json.damaged-20260105T090000")
    assert kept.read_text(encoding="utf-8") == original


def test_settings_that_cannot_be_written_back_say_so_and_stay_in_use(path, monkeypatch):
    path.write_text(json.dumps({"muted": True, "voice_rate": "fast"}), encoding="utf-8")

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("coach.core.settings.save_settings", full)
    store = SettingsStore(path, NOW)
    assert store.settings.muted is True
    assert "'voice_rate'" in (store.load_problem or "")
    assert "No space left on device" in (store.load_problem or "")


@pytest.mark.parametrize(("field", "value"), [
    ("breaks_paused_until", "9999-12-31T23:00:00-12:00"),  # past the end of the calendar
    ("breaks_paused_until", "2026-01-05T10:00:00"),  # no zone
    ("breaks_paused_until", "soon"),
    ("work_start", "09:00+05:00"),  # a zone where local time is meant
    ("work_end", "half past five"),
], ids=repr)
def test_a_well_typed_field_of_the_wrong_form_is_named_and_the_rest_kept(path, field, value):
    path.write_text(json.dumps({"muted": True, field: value}), encoding="utf-8")
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings(muted=True)
    assert f"field '{field}' is not" in loaded.problem
    hours = replace(loaded.settings, working_hours_on=True).working_hours()
    assert hours is not None and hours.contains(NOW)  # usable: no error on comparing times
    assert loaded.settings.paused_until() is None


@pytest.mark.parametrize("value", ["", "2026-01-05T10:00:00+01:00",
                                   PAUSED_INDEFINITELY.isoformat()], ids=repr)
def test_pauses_the_app_writes_load_back(path, value):
    path.write_text(json.dumps({"breaks_paused_until": value}), encoding="utf-8")
    assert load_settings(path, NOW).problem is None


@pytest.mark.parametrize("mode", [0o644, 0o666])
def test_a_file_set_aside_is_private_whatever_it_was(path, mode):
    path.write_text(json.dumps({"muted": "yes"}), encoding="utf-8")
    path.chmod(mode)
    kept = load_settings(path, NOW).kept
    assert kept is not None and kept.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content", ['{"sound_volume": 1' + "0" * 5000 + "}",
                                     "[" * 100_000 + "]" * 100_000])
def test_a_settings_file_too_big_or_deep_to_read_is_set_aside(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content)
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings() and "could not be read" in (loaded.problem or "")


def test_a_settings_file_others_could_read_is_made_private(path):
    save_settings(path, Settings(muted=True))
    path.chmod(0o644)
    assert load_settings(path, NOW).settings.muted
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("saved", "zoom"), [(100, 100), (130, 125), (500, 200), (-3, 100)])
def test_a_hand_edited_zoom_takes_the_nearest_step(saved: int, zoom: int) -> None:
    assert Settings(zoom_percent=saved).zoom() == zoom
