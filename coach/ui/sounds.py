"""Sound cues in a chosen theme, the alarm, and the voice guidance beside them."""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QApplication

from coach.core.i18n import N_, _
from coach.core.settings import Settings
from coach.paths import asset
from coach.platform.sound_server import CommandPlayer, find_player

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

    from coach.ui.voice import Voice


class Cue(Enum):
    START = "start"
    STEP = "step"
    SWITCH = "switch"
    TICK = "tick"
    DONE = "done"
    ALARM = "alarm"


DEFAULT_VOLUME = 0.8
SILENT_THEME = "none"
NO_AUDIO = N_("Sound is off: {why}. Routines and breaks go on silently; the cold and heat alarm "
            "still opens its window, sends a notification and rings the system bell. To get "
            "sound back on Debian or Ubuntu: sudo apt-get install libpulse0 pipewire-pulse "
            "(or pulseaudio), then restart Coach.")
NO_SPEECH = N_("Spoken guidance needs Qt's speech module, which could not be loaded ({why}). "
             "Coach guides you with sounds and the screen.")


@cache
def sound_player() -> CommandPlayer | None:
    """The desktop's sound server's player, looked for once; None: Qt's audio plays."""
    return find_player()


@cache
def audio_problem() -> str | None:
    """Why no sound can play on this computer, in words, or None when it can. Without a sound
    server's player, loads Qt's audio to find out, once."""
    if sound_player() is not None:
        return None
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except (ImportError, OSError, RuntimeError) as error:
        return _(NO_AUDIO).format(why=_("Qt's audio could not be loaded ({error})").format(
            error=error))
    if QMediaDevices.defaultAudioOutput().isNull():
        return _(NO_AUDIO).format(why=_("no audio output device was found"))
    return None


def speech_problem(engine: str = "") -> str | None:
    """Why spoken guidance cannot work here, in words, or None when it can."""
    try:
        from coach.ui import voice
    except (ImportError, OSError, RuntimeError) as error:
        return _(NO_SPEECH).format(why=error)
    return voice.speech_problem(engine)


def cue_file(theme: str, cue: Cue) -> str:
    """The shipped WAV for ``cue`` in ``theme`` (the alarm is the same in every theme)."""
    relative = "sounds/alarm.wav" if cue is Cue.ALARM else f"sounds/{theme}/{cue.value}.wav"
    return str(asset(relative))


class Sounds(QObject):
    """Plays cues of ``theme`` ("soft", "clear" or "none") at ``volume`` (0.0-1.0) unless
    ``muted``, and speaks voice lines when ``voice_on`` (and not muted); ``played`` is emitted
    with each cue that sounds. Without Qt's audio, an audio device or a speech engine it stays
    silent, without error (see ``audio_problem``), and the alarm rings the system bell
    instead. The voice is made on first use, with ``speech_engine``.

    Sounds go to the sound server's own player where there is one (coach.platform.
    sound_server); else Qt's audio (QtMultimedia and its media backend, some 20 MB) is loaded
    when the first cue sounds, not at start-up: a Coach waiting in the background for the next
    break needs none.
    """

    played = Signal(Cue)

    def __init__(self, muted: bool = False, parent: QObject | None = None,
                 theme: str = "soft", volume: float = DEFAULT_VOLUME,
                 speech_engine: str = "") -> None:
        super().__init__(parent)
        self.muted = muted
        self.theme = theme
        self.volume = volume
        self.voice_on = False
        self.voice: Voice | None = None
        self._speech_engine = speech_engine
        self._no_speech_module = False
        self._voice_volume, self._voice_rate = DEFAULT_VOLUME, 0.0
        self._effects: dict[Cue, QSoundEffect] = {}

    @classmethod
    def from_settings(cls, settings: Settings, parent: QObject | None = None) -> Sounds:
        sounds = cls(settings.muted, parent)
        sounds.apply(settings)
        return sounds

    def apply(self, settings: Settings) -> None:
        """Take up the sound and voice choices of ``settings``."""
        self.muted = settings.muted
        self.set_theme(settings.cue_theme(), settings.cue_volume())
        self.voice_on = settings.voice_on
        self._voice_volume, self._voice_rate = settings.speech_volume(), settings.speech_rate()
        if self.voice is not None:
            self._tune_voice(self.voice)

    def set_theme(self, theme: str, volume: float) -> None:
        self.theme, self.volume = theme, volume
        for cue, effect in self._effects.items():
            if cue is not Cue.ALARM and theme != SILENT_THEME:
                effect.setSource(QUrl.fromLocalFile(cue_file(theme, cue)))

    def _effect(self, cue: Cue) -> QSoundEffect | None:
        """The effect that plays ``cue``, made on first use; None when no sound can play."""
        effect = self._effects.get(cue)
        if effect is None:
            if audio_problem() is not None:
                return None
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(cue_file(self.theme, cue)))
            self._effects[cue] = effect
        return effect

    def _sound(self, cue: Cue, volume: float) -> bool:
        """Play ``cue`` at ``volume``: through the sound server's player, else Qt's audio.
        False when no sound can play."""
        player = sound_player()
        if player is not None:
            return player.play(cue_file(self.theme, cue), volume)
        effect = self._effect(cue)
        if effect is None:
            return False
        effect.setVolume(volume)
        effect.play()
        return True

    def use_voice(self, voice: Voice) -> None:
        """Speak through ``voice`` from now on."""
        self.voice = voice
        self._tune_voice(voice)

    def _tune_voice(self, voice: Voice) -> None:
        voice.set_volume(self._voice_volume)
        voice.set_rate(self._voice_rate)

    def problem(self) -> str | None:
        """Why no cue can play on this computer, in words, or None when they can."""
        return audio_problem()

    def play(self, cue: Cue) -> None:
        """Play ``cue`` now, unless muted or the theme is "none"."""
        if self.muted or self.theme == SILENT_THEME:
            return
        if self._sound(cue, self.volume):
            self.played.emit(cue)

    def speak(self, line: str | None) -> None:
        """Say ``line`` if there is one, voice guidance is on and sound is not muted."""
        if line is None or self.muted or not self.voice_on:
            return
        voice = self._loaded_voice()
        if voice is not None:
            voice.say(line)

    def _loaded_voice(self) -> Voice | None:
        """The voice, made on first use (Qt's speech is loaded then); None without Qt's
        speech module."""
        if self.voice is None and not self._no_speech_module:
            try:
                from coach.ui.voice import Voice
            except (ImportError, OSError, RuntimeError):
                self._no_speech_module = True
                return None
            self.use_voice(Voice(self._speech_engine, self))
        return self.voice

    def alarm(self, repeat: int) -> None:
        """The alarm that a pack must come off: it plays even when cues are muted or the
        theme is "none", and each repeat (one a minute) is a little louder. Where no sound
        can play, the system bell rings instead."""
        if not self._sound(Cue.ALARM, min(1.0, 0.6 + 0.1 * repeat)):
            QApplication.beep()
            return
        self.played.emit(Cue.ALARM)
