"""Sound cues for the player, from the WAV files Coach ships."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect

from coach.paths import asset


class Cue(Enum):
    STEP = "step"
    SWITCH = "switch"
    TICK = "tick"
    DONE = "done"


class Sounds(QObject):
    """Plays cues unless ``muted``; ``played`` is emitted with each cue that sounds. Without
    an audio device it stays silent, without error."""

    played = Signal(object)

    def __init__(self, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = muted
        self._effects: dict[Cue, QSoundEffect] = {}
        for cue in Cue:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(asset(f"sounds/{cue.value}.wav"))))
            effect.setVolume(0.8)
            self._effects[cue] = effect

    def play(self, cue: Cue) -> None:
        """Play ``cue`` now, unless muted."""
        if not self.muted:
            self._effects[cue].play()
            self.played.emit(cue)
