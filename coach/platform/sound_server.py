"""Short sounds played by the desktop's sound server's own player: PipeWire's ``pw-play`` or
PulseAudio's ``paplay`` (which PipeWire answers too), one process a sound.

Why: Qt's audio (QtMultimedia and its FFmpeg backend) adds some 20 MB to Coach for as long as
it runs, once the first cue has sounded; a player process holds its memory only while a sound
plays. Where neither player or no server is found, ``find_player`` says None and Coach plays
through Qt's audio as before.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def _runtime_dir() -> Path | None:
    folder = os.environ.get("XDG_RUNTIME_DIR")
    return Path(folder) if folder else None


def pipewire_runs() -> bool:
    """Whether a PipeWire server's socket is there to be played to."""
    if os.environ.get("PIPEWIRE_REMOTE"):
        return True
    folder = os.environ.get("PIPEWIRE_RUNTIME_DIR") or _runtime_dir()
    return folder is not None and Path(folder, "pipewire-0").is_socket()


def pulse_runs() -> bool:
    """Whether a PulseAudio server (or PipeWire's stand-in for one) is there to be played to."""
    if os.environ.get("PULSE_SERVER"):
        return True
    folder = _runtime_dir()
    return folder is not None and (folder / "pulse" / "native").is_socket()


def _pw_play(path: str, volume: float) -> list[str]:
    return ["pw-play", f"--volume={volume:.2f}", path]


def _paplay(path: str, volume: float) -> list[str]:
    """PulseAudio's volumes are cubic: a linear ``volume`` is its cube root of the norm."""
    return ["paplay", f"--volume={round(65536 * volume ** (1 / 3))}", path]


@dataclass
class CommandPlayer:
    """Plays a sound file by starting ``command(path, volume)``; ``name`` is the program."""

    name: str
    command: Callable[[str, float], list[str]]
    _playing: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def play(self, path: str, volume: float) -> bool:
        """Start playing ``path`` at ``volume`` (0.0-1.0) and return at once; False when the
        player cannot be started."""
        self._playing = [process for process in self._playing if process.poll() is None]
        try:
            self._playing.append(subprocess.Popen(
                self.command(path, max(0.0, min(1.0, volume))), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        except OSError:
            return False
        return True


def find_player() -> CommandPlayer | None:
    """The player of the sound server that runs here, or None."""
    for name, runs, command in (("pw-play", pipewire_runs, _pw_play),
                                ("paplay", pulse_runs, _paplay)):
        if runs() and shutil.which(name):
            return CommandPlayer(name, command)
    return None
