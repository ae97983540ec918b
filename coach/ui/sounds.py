"""Sound cues and alarms, from the WAV files Coach ships."""

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
    ALARM = "alarm"


DEFAULT_VOLUME = 0.8


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
            effect.setVolume(DEFAULT_VOLUME)
            self._effects[cue] = effect

    def play(self, cue: Cue) -> None:
        """Play ``cue`` now, unless muted."""
        if not self.muted:
            self._effects[cue].play()
            self.played.emit(cue)

    def alarm(self, repeat: int) -> None:
        """The alarm that a pack must come off: it plays even when cues are muted, and each
        repeat (one a minute) is a little louder."""
        effect = self._effects[Cue.ALARM]
        effect.setVolume(min(1.0, 0.6 + 0.1 * repeat))
        effect.play()
        self.played.emit(Cue.ALARM)
