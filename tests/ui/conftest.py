"""The main window built for tests; it never reaches the desktop's real notification service
(tests/conftest.py runs Qt offscreen)."""

from __future__ import annotations

import os
import sys

os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/coach-tests"  # no real pop-ups

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from coach.app import build_window  # noqa: E402
from coach.core.clock import FakeClock  # noqa: E402
from coach.core.settings import Settings, save_settings  # noqa: E402
from coach.paths import DataPaths  # noqa: E402
from coach.platform.idle import IdleSource  # noqa: E402
from coach.platform.quiet import QuietSource  # noqa: E402
from coach.ui import settings_dialog, sounds  # noqa: E402
from coach.ui.main_window import MainWindow  # noqa: E402

REAL_AUDIO_PROBLEM = sounds.audio_problem


@pytest.fixture(autouse=True)
def audio_works(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt tests run as on a computer with a sound card, which this one may lack: cues go
    through Qt's audio as there. The tests of a computer without sound ask for ``no_audio``."""
    for module in (sounds, settings_dialog):
        monkeypatch.setattr(module, "audio_problem", lambda: None)


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
def make_window(qtbot, data: DataPaths,  # type: ignore[no-untyped-def]
                clock: FakeClock) -> Iterator[Callable[..., MainWindow]]:
    """Builds the real main window on a temporary data folder and the fake clock.

    ``make_window(seen_safety=True)`` starts as a returning user who accepted the notice
    (and, unless ``ask_pain``, switched off the pain questions around routines);
    ``idle`` and ``quiet`` are what the break reminders read for input idle time and for a
    fullscreen window.
    Windows are shut down here for good (closing alone would keep Coach running).
    """
    windows: list[MainWindow] = []

    def make(seen_safety: bool = True, idle: IdleSource | None = None,
             quiet: QuietSource | None = None, ask_pain: bool = False) -> MainWindow:
        if seen_safety:
            save_settings(data.settings, Settings(disclaimer_seen=True, muted=True,
                                                  ask_pain_around_routines=ask_pain))
        window = build_window(data, clock, idle, quiet)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shut_down()
        window.store.close()
