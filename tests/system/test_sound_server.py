"""Cues played by a real PulseAudio server's player (paplay), heard on its null sink's monitor,
without Qt's audio being loaded."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.platform import sound_server

WAIT_S = 10.0

PLAY_A_CUE = """
import sys
from PySide6.QtWidgets import QApplication
from coach.ui.sounds import Cue, Sounds, audio_problem
app = QApplication([])
sounds = Sounds(theme="clear", volume=1.0)
sounds.play(Cue.DONE)
sounds.alarm(4)
print(audio_problem(), "PySide6.QtMultimedia" in sys.modules)
"""


@pytest.fixture
def pulse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A PulseAudio server with one null sink, in a runtime folder of its own; yields the
    environment that finds it."""
    if not all(shutil.which(name) for name in ("pulseaudio", "paplay", "parec")):
        pytest.skip("needs PulseAudio (Debian packages pulseaudio, pulseaudio-utils)")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    env.pop("PULSE_SERVER", None)
    env.pop("PIPEWIRE_REMOTE", None)
    server = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "-n", "--load=module-native-protocol-unix",
         "--load=module-null-sink", "--exit-idle-time=-1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + WAIT_S
    while not (runtime / "pulse" / "native").is_socket():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.skip("PulseAudio does not start here")
        time.sleep(0.05)
    for name in ("XDG_RUNTIME_DIR", "HOME"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.delenv("PIPEWIRE_REMOTE", raising=False)
    yield env
    server.terminate()
    server.wait(5)


def test_the_sound_servers_own_player_is_found(pulse):
    player = sound_server.find_player()
    assert player is not None and player.name == "paplay"


def test_without_a_sound_server_no_player_is_found(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    for name in ("PULSE_SERVER", "PIPEWIRE_REMOTE", "PIPEWIRE_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)
    assert sound_server.find_player() is None


def test_cues_are_heard_through_the_server_and_qt_audio_stays_unloaded(pulse, tmp_path):
    heard = tmp_path / "heard.raw"
    with heard.open("wb") as out:
        recorder = subprocess.Popen(["parec", "-d", "null.monitor", "--raw", "--rate=8000",
                                     "--channels=1", "--format=s16le"], env=pulse, stdout=out)
        try:
            time.sleep(0.3)  # the recorder is connected before the cue starts
            said = subprocess.run(
                [sys.executable, "-c", PLAY_A_CUE], check=True, capture_output=True, text=True,
                timeout=60, env={**pulse, "QT_QPA_PLATFORM": "offscreen"}).stdout.split()
            deadline = time.monotonic() + WAIT_S
            while _loudest(heard.read_bytes()) < 1000 and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            recorder.terminate()
            recorder.wait(5)
    assert said == ["None", "False"]  # sound works, and Qt's audio was never loaded
    assert _loudest(heard.read_bytes()) >= 1000  # of 32767: the cue, not silence


def _loudest(raw: bytes) -> int:
    samples = memoryview(raw[: len(raw) // 2 * 2]).cast("h")
    return max((abs(sample) for sample in samples), default=0)


def test_pipewire_is_played_to_where_its_socket_is(tmp_path, monkeypatch):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "pipewire-0"))
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
        for name in ("PULSE_SERVER", "PIPEWIRE_REMOTE", "PIPEWIRE_RUNTIME_DIR"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setattr(sound_server.shutil, "which", lambda name: f"/usr/bin/{name}")
        player = sound_server.find_player()
    assert player is not None and player.name == "pw-play"
    assert player.command("cue.wav", 0.5) == ["pw-play", "--volume=0.50", "cue.wav"]


def test_a_player_that_cannot_start_says_so():
    player = sound_server.CommandPlayer("gone", lambda path, volume: ["/nonexistent/player"])
    assert player.play("cue.wav", 1.0) is False
