"""Coach (its Shell and main window) built for tests; it never reaches the desktop's real
notification service (tests/conftest.py runs Qt offscreen)."""

from __future__ import annotations

import os
import sys

os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/coach-tests"  # no real pop-ups

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from coach.app import build_shell  # noqa: E402
from coach.core.clock import FakeClock  # noqa: E402
from coach.core.i18n import use_language  # noqa: E402
from coach.core.settings import Settings, save_settings  # noqa: E402
from coach.paths import DataPaths  # noqa: E402
from coach.platform import memory  # noqa: E402
from coach.platform.idle import IdleSource  # noqa: E402
from coach.platform.quiet import QuietSource  # noqa: E402
from coach.ui import settings_dialog, sounds  # noqa: E402
from coach.ui.qt_language import use_qt_language  # noqa: E402
from coach.ui.shell import Shell  # noqa: E402

REAL_AUDIO_PROBLEM = sounds.audio_problem


@pytest.fixture(autouse=True)
def audio_works(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt tests run as on a computer with a sound card, which this one may lack: cues go
    through Qt's audio as there. The tests of a computer without sound ask for ``no_audio``."""
    for module in (sounds, settings_dialog):
        monkeypatch.setattr(module, "audio_problem", lambda: None)
    monkeypatch.setattr(sounds, "sound_player", lambda: None)


@pytest.fixture
def handed_back(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each time freed memory is handed back to the system, a True is added."""
    handed: list[bool] = []
    monkeypatch.setattr(memory, "hand_back_freed", lambda: handed.append(True) or True)
    return handed


@pytest.fixture(params=["no Qt audio", "no device"])
def no_audio(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """No sound: either Qt's audio cannot be loaded (as without libpulse) or it finds no
    audio output device. Yields which."""
    if request.param == "no Qt audio":
        monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
    else:
        from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

        monkeypatch.setattr(QMediaDevices, "defaultAudioOutput",
                            staticmethod(lambda: QAudioDevice()))
    REAL_AUDIO_PROBLEM.cache_clear()
    for module in (sounds, settings_dialog):
        monkeypatch.setattr(module, "audio_problem", REAL_AUDIO_PROBLEM)
    yield request.param
    REAL_AUDIO_PROBLEM.cache_clear()


@pytest.fixture
def data(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def make_coach(qtbot, data: DataPaths,  # type: ignore[no-untyped-def]
               clock: FakeClock) -> Iterator[Callable[..., Shell]]:
    """Builds the real app, its main window shown, on a temporary data folder and the fake
    clock.

    ``make_coach(seen_safety=True)`` starts as a returning user who accepted the notice
    (and, unless ``ask_pain``, switched off the pain questions around routines);
    ``idle`` and ``quiet`` are what the break reminders read for input idle time and for a
    fullscreen window; ``language`` is the one chosen in Settings (English unless given).
    Each is shut down here for good (closing the window alone would keep Coach running).
    """
    made: list[Shell] = []

    def make(seen_safety: bool = True, idle: IdleSource | None = None,
             quiet: QuietSource | None = None, ask_pain: bool = False,
             language: str = "") -> Shell:
        if seen_safety:
            save_settings(data.settings, Settings(disclaimer_seen=True, muted=True,
                                                  ask_pain_around_routines=ask_pain,
                                                  language=language))
        elif language:
            save_settings(data.settings, Settings(language=language))
        coach = build_shell(data, clock, idle, quiet)
        coach.window.show()
        made.append(coach)
        return coach

    yield make
    for coach in made:
        coach.shut_down()
        coach.store.close()
    use_language("en")
    use_qt_language("en")
