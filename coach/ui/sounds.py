"""Sound cues and alarms, from the WAV files Coach ships."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

from coach.paths import asset

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect


class Cue(Enum):
    STEP = "step"
    SWITCH = "switch"
    TICK = "tick"
    DONE = "done"
    ALARM = "alarm"


DEFAULT_VOLUME = 0.8


class Sounds(QObject):
    """Plays cues unless ``muted``; ``played`` is emitted with each cue that sounds. Without
    an audio device it stays silent, without error.

    Qt's audio (QtMultimedia and its media backend, some 20 MB) is loaded when the first cue
    sounds, not at start-up: a Coach waiting in the background for the next break needs none.
    """

    played = Signal(object)

    def __init__(self, muted: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = muted
        self._effects: dict[Cue, QSoundEffect] = {}

    def play(self, cue: Cue) -> None:
        """Play ``cue`` now, unless muted."""
        if not self.muted:
            self._effect(cue).play()
            self.played.emit(cue)

    def _effect(self, cue: Cue) -> QSoundEffect:
        effect = self._effects.get(cue)
        if effect is None:
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(asset(f"sounds/{cue.value}.wav"))))
            effect.setVolume(DEFAULT_VOLUME)
            self._effects[cue] = effect
        return effect

    def alarm(self, repeat: int) -> None:
        """The alarm that a pack must come off: it plays even when cues are muted, and each
        repeat (one a minute) is a little louder."""
        effect = self._effect(Cue.ALARM)
        effect.setVolume(min(1.0, 0.6 + 0.1 * repeat))
        effect.play()
        self.played.emit(Cue.ALARM)
